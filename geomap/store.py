"""The dashboard's data store: the event sources a user has loaded, kept apart from the views.

An :class:`EventStore` holds one events table per source (the seed article,
uploaded tables, pasted articles). ``events`` is their concatenation in a
stable order; the map is built from it once per change of the data, and
filters (including switching a source off) only select rows of it.
"""

from __future__ import annotations

import pandas as pd
import param

from geomap.corrections import save_correction
from geomap.review import apply_saved_corrections
from geomap.schema import conform_events, dedupe_event_ids, empty_events


class EventStore(param.Parameterized):
    """Event tables by source, and their combination.

    Parameters
    ----------
    sources : dict
        Source name to events table.
    """

    sources = param.Dict(default={}, doc="Source name -> events table.")
    events = param.DataFrame(default=None, doc="All sources' events, in a stable order.")

    def __init__(self, **params) -> None:
        super().__init__(**params)
        self._combine()

    @param.depends("sources", watch=True)
    def _combine(self) -> None:
        frames = []
        for name, frame in self.sources.items():
            # Saved place corrections hold for every table, now and next time.
            frame = apply_saved_corrections(frame).assign(source_name=name)
            frames.append(frame)
        combined = pd.concat(frames, ignore_index=True) if frames else empty_events()
        if "source_name" not in combined:
            combined["source_name"] = ""
        self.events = dedupe_event_ids(combined, by="source_name")

    def add_source(self, name: str, events: pd.DataFrame) -> str:
        """Add (or replace) a source; return the name used.

        Parameters
        ----------
        name : str
            Wanted name; a suffix is added when another source has it.
        events : pandas.DataFrame

        Returns
        -------
        str
        """
        unique, n = name, 2
        while unique in self.sources:
            unique, n = f"{name} ({n})", n + 1
        self.sources = {**self.sources, unique: conform_events(events)}
        return unique

    def correct_place(self, name: str, *, lat: float, lon: float, country: str = "") -> None:
        """Save a place correction and apply it to every source's events.

        Parameters
        ----------
        name : str
            Place name as the events use it.
        lat, lon : float
            The right point.
        country : str, optional
            ISO2 code.

        Raises
        ------
        geomap.exceptions.InputError
            When the name is empty or the point out of range.
        """
        save_correction(name, lat=lat, lon=lon, country_code=country)
        self.param.trigger("sources")

    def remove_source(self, name: str) -> None:
        """Remove a source by name (no error when absent).

        Parameters
        ----------
        name : str
        """
        self.sources = {k: v for k, v in self.sources.items() if k != name}


UPLOAD_SUFFIXES = (".csv", ".tsv", ".txt", ".geojson", ".json", ".parquet")


def load_upload(data: bytes, *, filename: str, format: str | None = None):  # noqa: A002
    """Read an uploaded event table; the user's file name never becomes a path.

    The bytes are written to a fresh private temporary folder under a fixed
    name (keeping only a known suffix, which format detection uses) and read
    with :func:`geomap.formats.load_events`.

    Parameters
    ----------
    data : bytes
        The uploaded file's content.
    filename : str
        The name the browser gave; used only for messages and the suffix.
    format : str, optional
        Input format name; detected when omitted.

    Returns
    -------
    geomap.formats.LoadResult
        With ``path`` set to ``Path(filename).name`` for messages.
    """
    import dataclasses
    import tempfile
    from pathlib import Path

    from geomap.exceptions import GeomapError
    from geomap.formats import load_events

    shown = Path(filename).name or "upload"
    suffix = Path(filename).suffix.lower()
    suffix = suffix if suffix in UPLOAD_SUFFIXES else ".csv"
    with tempfile.TemporaryDirectory(prefix="geomap-upload-") as tmp:
        path = Path(tmp) / f"upload{suffix}"
        path.write_bytes(data)
        try:
            result = load_events(path, format=format)
        except GeomapError as err:
            # Name the file the user chose, not the private temporary copy.
            msg = str(err).replace(str(path), shown)
            raise type(err)(msg) from err
    return dataclasses.replace(result, path=Path(shown))


def events_download(events: pd.DataFrame, *, suffix: str) -> bytes:
    """Return ``events`` serialised as a file of the given type, for a download button.

    Parameters
    ----------
    events : pandas.DataFrame
    suffix : str
        ``".csv"``, ``".geojson"``, ``".json"`` or ``".parquet"``.

    Returns
    -------
    bytes
    """
    import tempfile
    from pathlib import Path

    from geomap.formats import save_events

    with tempfile.TemporaryDirectory(prefix="geomap-download-") as tmp:
        return save_events(events, Path(tmp) / f"events{suffix}").read_bytes()
