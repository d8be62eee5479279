"""Reading and writing event files: geomap's own tables and the datasets analysts bring.

This module's single concern is moving events tables across the file boundary.
:func:`load_events` reads geomap's own CSV, GeoJSON, JSON and Parquet, and the
ACLED, UCDP GED and GDELT 2.0 exports, into the events table of
``CONTRACTS.md`` (through :func:`geomap.schema.conform_events`); the datasets'
types are crosswalked onto geomap's categories and their place and date
precisions onto the contract's scales. Rows that cannot be mapped (no or
out-of-range coordinates, unparseable or implausible dates, a wrong number of
fields) are kept off the table and reported with the row number a user sees in
the file. :func:`save_events` writes CSV, GeoJSON, JSON or Parquet atomically.

The dataset readers and their crosswalk tables live in :mod:`geomap._datasets`
(re-exported here), the shared decoding, CSV parsing and row screening in
:mod:`geomap._tabular`. See ``docs/formats.md`` for the crosswalk tables.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import numpy as np
import pandas as pd

from geomap._datasets import (
    ACLED_EVENT_TYPES,
    ACLED_GEO_PRECISION,
    ACLED_SUB_EVENTS,
    ACLED_TIME_PRECISION,
    CAMEO_CODES,
    CAMEO_ROOTS,
    DATASET_NAMES,
    GDELT_COLUMNS,
    GDELT_GEO_PRECISION,
    GDELT_WIDTHS,
    UCDP_GEO_PRECISION,
    UCDP_TIME_PRECISION,
    UCDP_VIOLENCE_TYPES,
    read_acled,
    read_gdelt,
    read_ucdp,
)
from geomap._io import atomic_write
from geomap._tabular import (
    EARLIEST_DATE,
    PLANNED_HORIZON_YEARS,
    decode,
    iso_dates,
    latest_planned,
    parse_csv,
    parse_dates,
    read_bytes,
    reject,
    reject_duplicate_ids,
    require_columns,
    scalar_text,
    screen_coordinates,
    text_column,
    unpack,
)
from geomap.exceptions import ExportError, FormatError, InputError
from geomap.schema import EVENT_COLUMNS, GEO_PRECISIONS, TIME_PRECISIONS, conform_events, crosswalk

logger = logging.getLogger(__name__)

__all__ = [
    "ACLED_EVENT_TYPES", "ACLED_GEO_PRECISION", "ACLED_SUB_EVENTS", "ACLED_TIME_PRECISION",
    "CAMEO_CODES", "CAMEO_ROOTS", "DATASET_NAMES", "EARLIEST_DATE", "FORMATS", "GDELT_COLUMNS",
    "GDELT_GEO_PRECISION", "PLANNED_HORIZON_YEARS", "UCDP_GEO_PRECISION", "UCDP_TIME_PRECISION",
    "UCDP_VIOLENCE_TYPES", "LoadResult", "counts_message", "detect_format", "events_to_geojson",
    "load_events", "read_counts", "rejected_messages", "save_events",
]

FORMATS: tuple[str, ...] = ("geomap", "geojson", "json", "parquet", "acled", "ucdp", "gdelt")
"""Names accepted by ``load_events(format=...)`` and the CLI's ``--format``."""

_WRITERS_BY_SUFFIX = {".csv": "csv", ".geojson": "geojson", ".json": "json", ".parquet": "parquet"}


@dataclass(frozen=True, eq=False)  # comparing DataFrames with == is ambiguous
class LoadResult:
    """What :func:`load_events` read from one file.

    Attributes
    ----------
    events : pandas.DataFrame
        The accepted rows, conformed to the events-table contract.
    rejected : list of (int, str)
        ``(row_number, reason)`` for each row kept off the table. Row numbers
        are those a user sees: the line in a CSV or GDELT file (a header is
        line 1), the 1-based feature or record in GeoJSON/JSON, the 1-based row
        in Parquet.
    format : str
        The format read, one of :data:`FORMATS`.
    path : pathlib.Path
        The file read.
    """

    events: pd.DataFrame
    rejected: list[tuple[int, str]] = field(default_factory=list)
    format: str = "geomap"
    path: Path = Path()

    @property
    def n_read(self) -> int:
        """Number of data rows read (accepted plus rejected)."""
        return len(self.events) + len(self.rejected)

    @property
    def n_accepted(self) -> int:
        """Number of rows on the events table."""
        return len(self.events)

    @property
    def n_rejected(self) -> int:
        """Number of rows kept off the table."""
        return len(self.rejected)


def read_counts(result: LoadResult) -> tuple[int, int, int]:
    """Return ``(read, accepted, rejected)`` row counts of a load.

    Parameters
    ----------
    result : LoadResult
        What :func:`load_events` returned.

    Returns
    -------
    tuple of int
    """
    return result.n_read, result.n_accepted, result.n_rejected


def counts_message(result: LoadResult) -> str:
    """Return the one-line summary the CLI prints to stderr.

    Parameters
    ----------
    result : LoadResult
        What :func:`load_events` returned.

    Returns
    -------
    str
        E.g. ``"acled.csv (acled): read 7, accepted 5, rejected 2"``.

    Examples
    --------
    >>> import pandas as pd
    >>> counts_message(LoadResult(pd.DataFrame({"a": [1]}), [(3, "bad")], "geomap", Path("x.csv")))
    'x.csv (geomap): read 2, accepted 1, rejected 1'
    """
    read, accepted, rejected = read_counts(result)
    return f"{result.path} ({result.format}): read {read}, accepted {accepted}, rejected {rejected}"


def rejected_messages(result: LoadResult, *, limit: int | None = 20) -> list[str]:
    """Return one ``FILE:ROW: reason`` line per rejected row.

    Parameters
    ----------
    result : LoadResult
        What :func:`load_events` returned.
    limit : int or None, optional
        Most lines to return; a last line says how many more were left out.
        ``None`` returns all. Default 20.

    Returns
    -------
    list of str
    """
    shown = result.rejected if limit is None else result.rejected[:limit]
    lines = [f"{result.path}:{row}: {reason}" for row, reason in shown]
    left = len(result.rejected) - len(shown)
    if left > 0:
        lines.append(f"{result.path}: ... and {left} more rejected rows")
    return lines


# --------------------------------------------------------------------------- loading


def load_events(path: str | Path, *, format: str | None = None) -> LoadResult:  # noqa: A002
    """Read an event file into geomap's events table.

    Parameters
    ----------
    path : str or pathlib.Path
        The file.
    format : str, optional
        One of :data:`FORMATS`; detected from the header, content and
        extension when omitted.

    Returns
    -------
    LoadResult
        The accepted events, the rejected rows with reasons, the format and path.

    Raises
    ------
    InputError
        When the file is missing, empty, binary or cannot be decoded.
    FormatError
        When ``format`` is unknown, the format cannot be detected, or the file
        lacks columns the format requires (the message names them).

    Examples
    --------
    >>> result = load_events("acled_afghanistan.csv")  # doctest: +SKIP
    >>> result.events[["event_date", "category", "latitude", "longitude"]]  # doctest: +SKIP
    """
    path = Path(path)
    if format is not None and format not in FORMATS:
        msg = f"Unknown event format {format!r} for {str(path)!r}; expected one of {list(FORMATS)}"
        raise FormatError(msg)
    data = unpack(read_bytes(path), path)
    if format == "parquet" or (format is None and data.startswith(b"PAR1")):
        return _finish(_read_parquet(data, path), "parquet", path)
    text = decode(data, path)
    fmt = format or detect_format(text, path=path)
    return _finish(_READERS[fmt](text, path), fmt, path)


def detect_format(text: str, *, path: str | Path = "") -> str:
    """Name the format of an event file from its content and extension.

    Parameters
    ----------
    text : str
        The decoded file content (its first lines are enough).
    path : str or pathlib.Path, optional
        The file name, for its extension and for messages.

    Returns
    -------
    str
        One of :data:`FORMATS` except ``"parquet"`` (detected from bytes).

    Raises
    ------
    FormatError
        When nothing matches; the message shows the header found.
    """
    head = text.lstrip()
    if head[:1] in ("{", "["):
        return "geojson" if '"FeatureCollection"' in head[:10_000] or str(path).endswith(
            ".geojson") else "json"
    first = head.split("\n", 1)[0].rstrip("\r")
    if first.count("\t") + 1 in GDELT_WIDTHS:
        return "gdelt"
    try:
        columns = {c.strip().lower() for c in next(csv.reader([first]), [])}
    except csv.Error:  # e.g. a bare carriage return inside the line
        columns = set()
    for name, markers in _HEADER_MARKERS:
        if any(m <= columns for m in markers):
            return name
    msg = (f"Cannot detect the event format of {str(path)!r}: header {first[:200]!r} matches "
           f"none of {list(FORMATS)}; name the format with format=/--format")
    raise FormatError(msg)


def _finish(frame: pd.DataFrame, fmt: str, path: Path) -> LoadResult:
    """Screen a reader's raw frame, drop bad rows and conform the rest."""
    frame = frame.copy()
    reasons = frame.pop("_reason").astype(object).copy()
    rows = frame.pop("_row").copy()
    reject_duplicate_ids(frame, reasons, rows)
    bad = reasons != ""
    rejected = list(zip(rows[bad].astype(int).tolist(), reasons[bad].tolist()))
    events = conform_events(frame[~bad])
    logger.info("%s (%s): accepted %d, rejected %d", path, fmt, len(events), len(rejected))
    return LoadResult(events=events, rejected=rejected, format=fmt, path=path)


# ------------------------------------------------------------- geomap's own formats


def _read_geomap_csv(text: str, path: Path) -> pd.DataFrame:
    return _geomap_frame(parse_csv(text, path), path, "geomap")


def _read_json(text: str, path: Path) -> pd.DataFrame:
    data = _parse_json(text, path)
    if isinstance(data, dict) and data.get("type") == "FeatureCollection":
        return _read_geojson(text, path)
    if not isinstance(data, list):
        msg = f"Event file {str(path)!r} read as json is not a list of records"
        raise FormatError(msg)
    return _geomap_frame(_json_records(data), path, "json")


def _read_geojson(text: str, path: Path) -> pd.DataFrame:
    data = _parse_json(text, path)
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list):
        msg = f"Event file {str(path)!r} read as geojson is not a FeatureCollection"
        raise FormatError(msg)
    records = [_feature_record(f) for f in features]
    frame = _json_records(records)
    frame["_reason"] = [r.pop("_reason", "") if isinstance(r, dict) else "" for r in records]
    return _geomap_frame(frame, path, "geojson")


def _parse_json(text: str, path: Path) -> object:
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as err:
        msg = f"Event file {str(path)!r} is not valid JSON: {err}"
        raise InputError(msg) from err


def _feature_record(feature: object) -> dict:
    """Flatten a GeoJSON Feature into a record; (lon, lat) inside GeoJSON only."""
    if not isinstance(feature, dict):
        return {"_reason": "feature is not an object"}
    props = feature.get("properties") or {}
    record = dict(props) if isinstance(props, dict) else {}
    geometry = feature.get("geometry")
    record.pop("latitude", None)
    record.pop("longitude", None)
    if geometry is None:
        return record
    coords = geometry.get("coordinates") if isinstance(geometry, dict) else None
    if not isinstance(geometry, dict) or geometry.get("type") != "Point":
        kind = geometry.get("type") if isinstance(geometry, dict) else type(geometry).__name__
        record["_reason"] = f"geometry {kind!r} is not a Point"
    elif not isinstance(coords, list) or len(coords) < 2:
        record["_reason"] = f"Point coordinates {coords!r} are not [lon, lat]"
    else:
        record["longitude"], record["latitude"] = coords[0], coords[1]
    return record


def _json_records(records: list) -> pd.DataFrame:
    rows = [r if isinstance(r, dict) else {} for r in records]
    frame = pd.DataFrame.from_records(rows) if rows else pd.DataFrame()
    frame = frame.astype(object) if len(frame.columns) else pd.DataFrame(index=range(len(rows)))
    frame.columns = [str(c) for c in frame.columns]
    frame["_row"] = range(1, len(rows) + 1)
    frame["_reason"] = ["" if isinstance(r, dict) else "record is not an object" for r in records]
    return frame


def _read_parquet(data: bytes, path: Path) -> pd.DataFrame:
    try:
        frame = pd.read_parquet(io.BytesIO(data))
    except ImportError as err:
        msg = f"Reading {str(path)!r} needs pyarrow: pip install 'geomap[parquet]'"
        raise InputError(msg) from err
    except Exception as err:  # pyarrow raises its own ArrowInvalid/OSError types
        msg = f"Event file {str(path)!r} is not a readable Parquet file: {err}"
        raise InputError(msg) from err
    frame = frame.astype(object).reset_index(drop=True)
    frame["_row"] = range(1, len(frame) + 1)
    frame["_reason"] = ""
    return _geomap_frame(frame, path, "parquet")


_GEOMAP_REQUIRED = ("event_date", "latitude", "longitude")


def _geomap_frame(frame: pd.DataFrame, path: Path, fmt: str) -> pd.DataFrame:
    """Check a table in geomap's own columns; unresolved places and dates may stay."""
    reasons = frame.pop("_reason").astype(object).copy()
    if len(frame):
        # GeoJSON keeps the point in the geometry, which may be null everywhere.
        require_columns(frame, ("event_date",) if fmt == "geojson" else _GEOMAP_REQUIRED, path, fmt)
    lat, lon = text_column(frame, "latitude"), text_column(frame, "longitude")
    screen_coordinates(frame, reasons, lat, lon, required=False)
    raw_dates = text_column(frame, "event_date")
    parsed = parse_dates(reasons, raw_dates.str.slice(0, 10), ["%Y-%m-%d"], required=False,
                         latest=latest_planned())
    frame["event_date"] = iso_dates(parsed)
    _precision(frame, reasons, "time_precision", TIME_PRECISIONS, default="day")
    _precision(frame, reasons, "geo_precision", GEO_PRECISIONS, default="unknown")
    _fill_ids(frame, path)
    _fill_crosswalk(frame)
    frame["_reason"] = reasons
    return frame


def _fill_crosswalk(frame: pd.DataFrame) -> None:
    """Fill empty ACLED, CAMEO and PLOVER columns from the category's crosswalk."""
    category = text_column(frame, "category")
    # One crosswalk per distinct category, not per row: large tables repeat a few.
    walks = {name: crosswalk(name) for name in category.unique()}
    for column in ("event_type", "sub_event_type", "cameo_code", "plover"):
        current = text_column(frame, column)
        fill = category.map({name: walk[column] for name, walk in walks.items()})
        frame[column] = current.where(current != "", fill)


def _precision(frame: pd.DataFrame, reasons: pd.Series, column: str,
               allowed: tuple[str, ...], *, default: str) -> None:
    values = text_column(frame, column).str.lower()
    values = values.where(values != "", default)
    reject(reasons, ~values.isin(allowed),
           lambda m: f"{column} " + values[m].map(repr) + f" is not one of {list(allowed)}")
    frame[column] = values


def _fill_ids(frame: pd.DataFrame, path: Path) -> None:
    stem = path.stem
    article = text_column(frame, "article_id")
    frame["article_id"] = article.where(article != "", stem)
    ids = text_column(frame, "event_id")
    generated = stem + "-" + frame["_row"].astype(str)
    frame["event_id"] = ids.where(ids != "", generated)


# ------------------------------------------------------------------- registry

# Header markers for detection: a format matches when any of its column sets is
# in the header. Datasets come first because a geomap table may carry their
# extra columns but not all of their distinctive ones.
_HEADER_MARKERS: tuple[tuple[str, tuple[frozenset[str], ...]], ...] = (
    ("gdelt", (frozenset({"globaleventid", "sqldate"}),)),
    ("acled", (frozenset({"event_id_cnty"}),
               frozenset({"event_type", "sub_event_type", "geo_precision", "admin1"}))),
    ("ucdp", (frozenset({"where_prec"}), frozenset({"type_of_violence"}),
              frozenset({"dyad_name", "side_a", "side_b"}))),
    ("geomap", (frozenset({"latitude", "longitude"}), frozenset({"event_id", "category"}))),
)

_READERS: dict[str, Callable[[str, Path], pd.DataFrame]] = {
    "geomap": _read_geomap_csv,
    "geojson": _read_geojson,
    "json": _read_json,
    "acled": read_acled,
    "ucdp": read_ucdp,
    "gdelt": read_gdelt,
}


# --------------------------------------------------------------------------- saving


def save_events(df: pd.DataFrame, path: str | Path) -> Path:
    """Write an events table; the format follows the extension.

    ``.csv`` writes geomap's CSV, ``.geojson`` a FeatureCollection of Points
    (see :func:`events_to_geojson`), ``.json`` a list of records with the same
    columns as the CSV, ``.parquet`` Parquet (needs pyarrow). The file is
    written atomically: on any failure no partial file is left.

    Parameters
    ----------
    df : pandas.DataFrame
        The events table; conformed to the contract before writing.
    path : str or pathlib.Path
        Output file.

    Returns
    -------
    pathlib.Path
        The path written.

    Raises
    ------
    ExportError
        When the extension is not one of the above, or writing fails.
    """
    path = Path(path)
    kind = _WRITERS_BY_SUFFIX.get(path.suffix.lower())
    if kind is None:
        msg = (f"Cannot save events to {str(path)!r}: unknown extension {path.suffix!r}; "
               f"expected one of {sorted(_WRITERS_BY_SUFFIX)}")
        raise ExportError(msg)
    events = conform_events(df)
    return atomic_write(path, _SERIALISERS[kind](events, path))


def events_to_geojson(df: pd.DataFrame) -> dict:
    """Return an events table as a GeoJSON FeatureCollection of Points.

    Coordinates are (lon, lat) as GeoJSON requires; the other columns,
    origin and destination included, are the properties. NaN becomes null,
    and rows without coordinates get ``"geometry": null``.

    Parameters
    ----------
    df : pandas.DataFrame
        The events table.

    Returns
    -------
    dict
        A FeatureCollection ready for :func:`json.dumps` (no NaN inside).
    """
    events = conform_events(df)
    records = _json_safe_records(events.drop(columns=["latitude", "longitude"]))
    features = [
        {"type": "Feature", "geometry": _point(lat, lon), "properties": props}
        for lat, lon, props in zip(events["latitude"], events["longitude"], records)
    ]
    return {"type": "FeatureCollection", "features": features}


def _point(lat: float, lon: float) -> dict | None:
    if math.isnan(lat) or math.isnan(lon):
        return None
    return {"type": "Point", "coordinates": [float(lon), float(lat)]}


def _json_safe_records(df: pd.DataFrame) -> list[dict]:
    """Records with NaN/NA as None and numpy scalars as Python ones."""
    obj = df.astype(object)
    obj = obj.where(df.notna(), None)
    return [{k: _py(v) for k, v in rec.items()} for rec in obj.to_dict("records")]


def _py(value: object) -> object:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value.item() if isinstance(value, np.generic) else value


def _json_text(data: object, path: Path, *, indent: int | None = None) -> str:
    """JSON for an export: extra columns' dates as ISO text, other odd objects as str."""
    try:
        text = json.dumps(data, ensure_ascii=False, allow_nan=False, indent=indent,
                          default=_json_default)
    except (TypeError, ValueError) as err:  # e.g. NaN inside a list in an extra column
        msg = f"Cannot write {str(path)!r}: a value is not JSON ({err})"
        raise ExportError(msg) from err
    return text + "\n"


def _json_default(value: object) -> object:
    if isinstance(value, (date, datetime, pd.Timestamp)):
        return value.isoformat()
    if isinstance(value, np.ndarray):
        return value.tolist()
    return str(value)


def _to_csv(events: pd.DataFrame, path: Path) -> str:
    return events.to_csv(index=False, lineterminator="\n")


def _to_geojson(events: pd.DataFrame, path: Path) -> str:
    return _json_text(events_to_geojson(events), path)


def _to_json(events: pd.DataFrame, path: Path) -> str:
    return _json_text(_json_safe_records(events), path, indent=1)


def _to_parquet(events: pd.DataFrame, path: Path) -> bytes:
    buffer = io.BytesIO()
    # Parquet columns hold one type; extra columns of mixed objects are written as text.
    extra = [c for c in events.columns if c not in EVENT_COLUMNS and events[c].dtype == object]
    safe = events.assign(**{c: events[c].map(scalar_text) for c in extra})
    try:
        safe.to_parquet(buffer, index=False)
    except ImportError as err:
        msg = f"Writing {str(path)!r} needs pyarrow: pip install 'geomap[parquet]'"
        raise ExportError(msg) from err
    except Exception as err:  # pyarrow's ArrowInvalid and ArrowTypeError
        msg = f"Cannot write {str(path)!r} as Parquet: {err}"
        raise ExportError(msg) from err
    return buffer.getvalue()


_SERIALISERS: dict[str, Callable[[pd.DataFrame, Path], str | bytes]] = {
    "csv": _to_csv,
    "geojson": _to_geojson,
    "json": _to_json,
    "parquet": _to_parquet,
}
