"""Private, persistent, hash-keyed JSON cache for answers of remote geocoders.

One JSON object per cache file in the user data folder
(:func:`geomap.settings.user_data_folder`, read at call time), mapping a
SHA-256 key of the request to a JSON-ready answer. Every write re-reads the
file, merges the new entry and replaces the file atomically
(:func:`geomap._io.atomic_write`), so a crash never leaves half a file and two
processes lose at most each other's last entry. A file that is not valid JSON
is renamed aside (``*.corrupt-<time>.json``), reported in the log and replaced
by an empty cache: geocoding goes on, and the old content stays for a human
to look at.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from pathlib import Path

from geomap import settings
from geomap._io import atomic_write
from geomap.exceptions import ExportError

logger = logging.getLogger(__name__)

_MISSING = object()


def cache_key(*parts: object) -> str:
    """Return the SHA-256 hex key of a request.

    Parameters
    ----------
    *parts : object
        JSON-serialisable parts of the request (geocoder name, query, options).

    Returns
    -------
    str
        64 hex digits; equal parts give equal keys in every process.
    """
    blob = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


class JsonCache:
    """A JSON file of ``key -> answer`` in the user data folder.

    Parameters
    ----------
    filename : str, optional
        File name inside the folder. Default ``"geocode-cache.json"``.
    folder : pathlib.Path, optional
        Folder to use instead of the user data folder (read at each access
        when not given, so tests may set ``GEOMAP_DATA_DIR``).
    """

    def __init__(self, filename: str = "geocode-cache.json", *, folder: Path | None = None) -> None:
        self.filename = filename
        self._folder = Path(folder) if folder is not None else None
        self.set_aside: list[Path] = []

    @property
    def path(self) -> Path:
        """The cache file (it may not exist yet)."""
        folder = self._folder or settings.user_data_folder()
        return folder / self.filename

    def load(self) -> dict:
        """Return every entry; an unreadable file is set aside and counts as empty."""
        path = self.path
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        except (OSError, UnicodeDecodeError) as err:
            return self._set_aside(path, err)
        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            return self._set_aside(path, err)
        if not isinstance(data, dict):
            return self._set_aside(path, TypeError(f"top level is {type(data).__name__}, not an object"))
        return data

    def get(self, key: str, default: object = None) -> object:
        """Return the answer stored under ``key``, else ``default``."""
        value = self.load().get(key, _MISSING)
        return default if value is _MISSING else value

    def __contains__(self, key: object) -> bool:
        return key in self.load()

    def set(self, key: str, value: object) -> None:
        """Store ``value`` (JSON-ready) under ``key``, keeping every other entry.

        A cache that cannot be written (read-only folder, full disk) only
        costs a warning: the answer is still returned to the caller.
        """
        data = self.load()
        data[key] = value
        try:
            atomic_write(self.path, json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1))
        except ExportError as err:
            logger.warning("Geocoding cache not saved: %s", err)

    def _set_aside(self, path: Path, err: Exception) -> dict:
        aside = path.with_name(f"{path.stem}.corrupt-{time.strftime('%Y%m%dT%H%M%S')}{path.suffix}")
        counter = 1
        while aside.exists():
            aside = aside.with_name(f"{aside.stem}-{counter}{aside.suffix}")
            counter += 1
        try:
            path.replace(aside)
        except OSError as move_err:
            logger.warning("Cache %r is unreadable (%s) and cannot be moved aside: %s",
                           str(path), err, move_err)
            return {}
        self.set_aside.append(aside)
        logger.warning("Cache %r was unreadable (%s); kept it as %r and started a new one",
                       str(path), err, str(aside))
        return {}
