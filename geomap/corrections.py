"""User place corrections: "this name means this point", kept across sessions.

An analyst who sees a name put in the wrong place (or not placed at all) saves
a correction, from the dashboard or from Python. Corrections live in one JSON
file, ``place-corrections.json`` in the user data folder
(:func:`geomap.settings.user_data_folder`, read at call time), keyed by the
normalised name (:func:`geomap.gazetteer.normalize_name`). The geocoder and the
geoparser consult them before the gazetteer.
"""

from __future__ import annotations

import json
import math
import os
from datetime import datetime, timezone
from pathlib import Path

from geomap import settings
from geomap._cache import JsonCache
from geomap.exceptions import InputError
from geomap.gazetteer import normalize_name

CORRECTIONS_FILE = "place-corrections.json"

# Reloaded only when the file changes, so geoparse can look corrections up per name.
_MEMO: dict[str, tuple[float, int, dict]] = {}


def corrections_path(*, create: bool = False) -> Path:
    """Return the corrections file in the current user data folder.

    Parameters
    ----------
    create : bool, optional
        Create the folder if it is missing (for writing). Reading does not,
        so geoparse costs no file-system write per call.
    """
    if create:
        return settings.user_data_folder() / CORRECTIONS_FILE
    return Path(os.environ.get("GEOMAP_DATA_DIR") or settings.data_folder) / CORRECTIONS_FILE


def load_corrections() -> dict[str, dict]:
    """Return every saved correction, keyed by normalised name.

    Returns
    -------
    dict of str to dict
        Each value has ``name``, ``lat``, ``lon``, ``kind``, ``country_code``,
        ``geonameid``, ``place_name``, ``note`` and ``saved`` (UTC ISO time).
        An unreadable file is set aside (see :mod:`geomap._cache`) and counts
        as empty.
    """
    path = corrections_path()
    try:
        stat = path.stat()
    except FileNotFoundError:
        return {}
    memo = _MEMO.get(str(path))
    if memo and memo[0] == stat.st_mtime and memo[1] == stat.st_size:
        return dict(memo[2])
    data = {k: v for k, v in JsonCache(CORRECTIONS_FILE, folder=path.parent).load().items()
            if isinstance(v, dict) and _valid_point(v.get("lat"), v.get("lon"))}
    if path.exists():
        stat = path.stat()
        _MEMO[str(path)] = (stat.st_mtime, stat.st_size, data)
    return dict(data)


def find_correction(name: str) -> dict | None:
    """Return the correction saved for ``name`` (any spelling that normalises alike), else None."""
    return load_corrections().get(normalize_name(name)) if name else None


def save_correction(
    name: str,
    *,
    lat: float,
    lon: float,
    kind: str = "place",
    country_code: str = "",
    geonameid: int | None = None,
    place_name: str | None = None,
    note: str = "",
) -> dict:
    """Save that ``name`` means the point ``(lat, lon)``; replace any earlier correction.

    Parameters
    ----------
    name : str
        The name as it appears in articles or tables.
    lat, lon : float
        WGS84 degrees.
    kind : str, optional
        Feature kind (city, crossing, ...). Default ``"place"``.
    country_code : str, optional
        ISO2 code.
    geonameid : int, optional
        GeoNames id when the user picked a gazetteer place.
    place_name : str, optional
        Display name of the chosen place; defaults to ``name``.
    note : str, optional
        Why, for whoever reads the file later.

    Returns
    -------
    dict
        The stored correction.

    Raises
    ------
    InputError
        When the name is empty or the point is out of range.
    """
    key = normalize_name(name or "")
    if not key:
        msg = f"Cannot save a correction for place name {name!r}: it has no letters or digits"
        raise InputError(msg)
    if not _valid_point(lat, lon):
        msg = f"Cannot save correction {name!r}: expected -90<=lat<=90 and -180<=lon<=180, got {(lat, lon)!r}"
        raise InputError(msg)
    entry = {
        "name": name,
        "lat": float(lat),
        "lon": float(lon),
        "kind": kind,
        "country_code": country_code.upper(),
        "geonameid": int(geonameid) if geonameid is not None else None,
        "place_name": place_name or name,
        "note": note,
        "saved": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }
    JsonCache(CORRECTIONS_FILE, folder=corrections_path(create=True).parent).set(key, entry)
    return entry


def delete_correction(name: str) -> bool:
    """Remove the correction for ``name``; return whether there was one."""
    cache = JsonCache(CORRECTIONS_FILE, folder=corrections_path().parent)
    data = cache.load()
    key = normalize_name(name or "")
    if key not in data:
        return False
    del data[key]
    from geomap._io import atomic_write

    atomic_write(cache.path, json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1))
    return True


def _valid_point(lat: object, lon: object) -> bool:
    try:
        lat_f, lon_f = float(lat), float(lon)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
    return math.isfinite(lat_f) and math.isfinite(lon_f) and -90 <= lat_f <= 90 and -180 <= lon_f <= 180
