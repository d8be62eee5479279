"""Exceptions raised by geomap.

Every error geomap raises on purpose derives from :class:`GeomapError`, and each
subclass also inherits the builtin that fits, so callers can catch either. The
command line and the dashboard turn these into one clear message; anything else
escaping is a bug.
"""

from __future__ import annotations


class GeomapError(Exception):
    """Base class of every error geomap raises on purpose."""


class InputError(GeomapError, ValueError):
    """An input file or text cannot be read: empty, binary, wrong encoding, too large."""


class PlaceNotFoundError(GeomapError, LookupError):
    """A place name is not in the gazetteer (nor in any enabled fallback geocoder)."""


class AmbiguousPlaceError(GeomapError, LookupError):
    """A place name matches several places and nothing decides between them.

    Parameters
    ----------
    message : str
        What was ambiguous.
    candidates : list, optional
        The competing places.
    """

    def __init__(self, message: str, candidates: list | None = None) -> None:
        super().__init__(message)
        self.candidates = list(candidates or [])


class GeocoderUnavailableError(GeomapError, OSError):
    """An online geocoder failed: timeout, refusal (HTTP 403/429) or garbage."""


class EventSchemaError(GeomapError, ValueError):
    """An events table does not follow the column contract (missing columns, bad values)."""


class FormatError(GeomapError, ValueError):
    """An event file's format cannot be detected or does not match the format named."""


class ExportError(GeomapError, OSError):
    """Writing an output file failed; no partial file is left behind."""
