"""Private plumbing of the event readers: bytes to text, text to rows, rows screened.

Every reader in :mod:`geomap.formats` and :mod:`geomap._datasets` goes through
these helpers, so files are decoded, rows numbered and bad values reported the
same way whatever the format. Screening functions never raise for a bad row:
they write a reason into a ``reasons`` Series (one string per row, "" when the
row is fine), and the row is dropped later with its reason reported.

Settings
--------
EARLIEST_DATE : pandas.Timestamp
    Dates before this are rejected as implausible (typos such as ``0202-08-25``).
PLANNED_HORIZON_YEARS : int
    geomap tables may hold planned events; dates further ahead are rejected.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import logging
import math
import zipfile
import zlib
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

from geomap._io import decode_text, read_input
from geomap.exceptions import FormatError, InputError

logger = logging.getLogger("geomap.formats")

EARLIEST_DATE = pd.Timestamp("1900-01-01")
PLANNED_HORIZON_YEARS = 10

# ---------------------------------------------------------------- bytes and text


def read_bytes(path: Path) -> bytes:
    """Return an event file's bytes (see :func:`geomap._io.read_input`)."""
    data = read_input(path, what="Event file")
    if not data.strip():
        msg = f"Event file {str(path)!r} is empty"
        raise InputError(msg)
    return data


MAX_UNPACKED_BYTES = 1_000_000_000
"""Largest content read out of a .zip or .gz event file (guards against zip bombs)."""


def unpack(data: bytes, path: Path) -> bytes:
    """Return the content of a gzip file or a one-file zip (as GDELT ships), else ``data``."""
    if data.startswith(b"\x1f\x8b"):
        return _gunzip(data, path)
    if data.startswith(b"PK\x03\x04"):
        return _unzip(data, path)
    return data


def _gunzip(data: bytes, path: Path) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
            content = fh.read(MAX_UNPACKED_BYTES + 1)
    except (OSError, EOFError, zlib.error) as err:
        msg = f"Event file {str(path)!r} is not a readable gzip file: {err}"
        raise InputError(msg) from err
    _check_unpacked_size(len(content), path)
    return content


def _unzip(data: bytes, path: Path) -> bytes:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            member = _only_member(archive, path)
            _check_unpacked_size(member.file_size, path)
            with archive.open(member) as fh:
                content = fh.read(MAX_UNPACKED_BYTES + 1)
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error, RuntimeError,
            NotImplementedError) as err:  # RuntimeError: encrypted members
        msg = f"Event file {str(path)!r} is not a readable zip file: {err}"
        raise InputError(msg) from err
    _check_unpacked_size(len(content), path)
    return content


def _only_member(archive: zipfile.ZipFile, path: Path) -> zipfile.ZipInfo:
    members = [m for m in archive.infolist()
               if not m.is_dir() and not m.filename.startswith("__MACOSX/")]
    if len(members) != 1:
        names = [m.filename for m in members][:5]
        msg = (f"Event file {str(path)!r} is a zip of {len(members)} files {names}; "
               "expected exactly one")
        raise InputError(msg)
    return members[0]


def _check_unpacked_size(size: int, path: Path) -> None:
    if size > MAX_UNPACKED_BYTES:
        msg = f"Event file {str(path)!r} unpacks to more than {MAX_UNPACKED_BYTES:,} bytes"
        raise InputError(msg)


def decode(data: bytes, path: Path) -> str:
    """Decode an event file's bytes (see :func:`geomap._io.decode_text`)."""
    return decode_text(data, name=str(path), what="Event file")


def parse_csv(text: str, path: Path, *, delimiter: str = ",",
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


def require_columns(frame: pd.DataFrame, columns: Iterable[str], path: Path, fmt: str) -> None:
    """Raise FormatError naming the file and the columns it lacks."""
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        msg = (f"Event file {str(path)!r} read as {fmt} lacks required columns {missing}; "
               f"found {[c for c in frame.columns if not c.startswith('_')][:40]}")
        raise FormatError(msg)


def text_column(frame: pd.DataFrame, column: str) -> pd.Series:
    """Return a column as stripped strings, "" where absent or empty."""
    if column not in frame:
        return pd.Series("", index=frame.index, dtype=object)
    values = frame[column]
    if pd.api.types.infer_dtype(values, skipna=True) not in ("string", "empty"):
        return values.map(scalar_text).astype(object)
    # Fast path for text (CSV cells); JSON and Parquet numbers, nulls and lists go one by one.
    text = values.str.strip()
    other = text.isna()
    if other.any():
        text[other] = values[other].map(scalar_text)
    return text


def scalar_text(value: object) -> str:
    """Return one cell as text: "" for nulls, repr for floats, JSON for lists and dicts."""
    if value is None or value is pd.NA:
        return ""
    if isinstance(value, float):
        return "" if math.isnan(value) else repr(value)
    if isinstance(value, (dict, list)):
        return json.dumps(value)
    return str(value).strip()


# ------------------------------------------------------------------ row screening


def reject(reasons: pd.Series, mask: pd.Series,
           message: str | Callable[[pd.Series], pd.Series]) -> None:
    """Record a reason for rows in ``mask`` that have none yet (the first problem wins).

    ``message`` is a string, or a function of the boolean mask of those rows
    returning their messages: built only when some row is bad, which keeps
    clean files fast.
    """
    fresh = mask & (reasons == "")
    if fresh.any():
        reasons[fresh] = message if isinstance(message, str) else message(fresh)


def screen_coordinates(frame: pd.DataFrame, reasons: pd.Series, lat_raw: pd.Series,
                       lon_raw: pd.Series, *, required: bool) -> None:
    """Set ``latitude``/``longitude`` as floats and reject rows whose point is unusable.

    Both empty is an unresolved place: allowed in geomap's own tables (the
    contract says "empty when unresolved"), rejected for datasets that always
    georeference. One empty, text, NaN, infinity or out of range is rejected.
    """
    for name, raw, limit in (("latitude", lat_raw, 90), ("longitude", lon_raw, 180)):
        value = pd.to_numeric(raw.where(raw != "", None), errors="coerce").astype("float64")
        finite = pd.Series(np.isfinite(value.to_numpy()), index=value.index)
        reject(reasons, (raw != "") & ~finite,
               lambda m, name=name, raw=raw: f"{name} " + raw[m].map(repr) + " is not a number")
        reject(reasons, finite & (value.abs() > limit),
               lambda m, name=name, raw=raw, limit=limit: (
                   f"{name} " + raw[m] + f" is outside [-{limit}, {limit}]"))
        frame[name] = value.where(finite)
    both_empty = (lat_raw == "") & (lon_raw == "")
    reject(reasons, (lat_raw == "") ^ (lon_raw == ""), "latitude or longitude is missing")
    if required:
        reject(reasons, both_empty, "no coordinates")


def parse_dates(reasons: pd.Series, raw: pd.Series, formats: Iterable[str], *, required: bool,
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
    reject(reasons, raw.notna() & parsed.isna(), lambda m: "date " + raw[m].map(repr) + raw[
        m].map(lambda v: _unparsed_date_problem(v, formats)))
    reject(reasons, parsed < EARLIEST_DATE, lambda m: "date " + raw[m].map(repr) + (
        f" is before {EARLIEST_DATE.date().isoformat()}"))
    reject(reasons, parsed > latest, lambda m: "date " + raw[m].map(repr) + " is in the future")
    if required:
        reject(reasons, raw.isna(), "date is missing")
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


def latest_observed() -> pd.Timestamp:
    """Latest date a dataset row may carry: datasets record what happened."""
    # Tomorrow, not today, so that time zones ahead of this machine's pass.
    return pd.Timestamp(date.today() + timedelta(days=1))


def latest_planned() -> pd.Timestamp:
    """Latest date a geomap table may carry: planned events lie ahead, within a horizon."""
    return pd.Timestamp(date.today()) + pd.DateOffset(years=PLANNED_HORIZON_YEARS)


def snap_dates(parsed: pd.Series, precision: pd.Series) -> pd.Series:
    """Move dates to the first day of their month or year, as the contract asks."""
    out = parsed.copy()
    month = precision == "month"
    year = precision == "year"
    out[month] = parsed[month].dt.to_period("M").dt.start_time
    out[year] = parsed[year].dt.to_period("Y").dt.start_time
    return out


def iso_dates(parsed: pd.Series) -> pd.Series:
    """Format timestamps as ``YYYY-MM-DD``, "" where missing."""
    return parsed.dt.strftime("%Y-%m-%d").fillna("")


def reject_duplicate_ids(frame: pd.DataFrame, reasons: pd.Series, rows: pd.Series) -> None:
    """Reject rows whose ``event_id`` repeats an earlier accepted row, naming that row."""
    if "event_id" not in frame:
        return
    ok = reasons == ""
    ids = frame["event_id"].where(ok)
    dup = ok & ids.duplicated(keep="first")
    if dup.any():
        first_row = rows[ok].groupby(ids[ok]).transform("first").reindex(ids.index)
        reject(reasons, dup, lambda m: "event_id " + ids[m].map(repr) + " repeats row "
               + first_row[m].astype(int).astype(str))


# ---------------------------------------------------------------- codes and values


def code_map(raw: pd.Series, table: dict[str, str], *, name: str, reasons: pd.Series,
             default: str | None = None) -> pd.Series:
    """Map a dataset's code column through ``table``; unknown codes reject the row.

    Codes may come as "1" or "1.0" (a float column written by R or Excel).
    """
    codes = map_unique(raw, strip_float_zero)
    mapped = codes.map(table)
    if default is not None:
        mapped = mapped.where(codes != "", default)
    reject(reasons, mapped.isna(),
           lambda m: f"{name} " + raw[m].map(repr) + f" is not one of {sorted(table)}")
    return mapped.fillna("")


def strip_float_zero(code: str) -> str:
    """Return "1" for "1.0": code columns saved as floats by R or Excel."""
    return code[:-2] if code.endswith(".0") else code


def map_unique(values: pd.Series, func: Callable[[str], str]) -> pd.Series:
    """Apply ``func`` once per distinct value: codes and names repeat on every row."""
    return values.map({v: func(v) for v in values.unique()}).astype(object)


def join_values(*parts: pd.Series) -> pd.Series:
    """Join non-empty values with "; " (the contract's separator for actors and flags)."""
    joined = parts[0]
    for part in parts[1:]:
        sep = ((joined != "") & (part != "")).map({True: "; ", False: ""})
        joined = joined + sep + part
    return joined
