"""The events table: its columns, category scheme and validation.

This module is the single home of the column contract of ``CONTRACTS.md``:
:data:`EVENT_COLUMNS` names every column an events table must have,
:data:`CATEGORIES` is geomap's category scheme with its crosswalk to CAMEO,
PLOVER and ACLED, and :func:`validate_events` checks a table against both.
Readers, the extractor, the map and the dashboard all go through
:func:`conform_events` so that every table geomap handles has the same shape.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from geomap.exceptions import EventSchemaError

EVENT_COLUMNS: tuple[str, ...] = (
    "event_id",
    "article_id",
    "category",
    "event_type",
    "sub_event_type",
    "cameo_code",
    "plover",
    "event_date",
    "time_precision",
    "planned",
    "actor1",
    "actor2",
    "actors",
    "location",
    "country",
    "latitude",
    "longitude",
    "geo_precision",
    "origin_name",
    "origin_latitude",
    "origin_longitude",
    "destination_name",
    "destination_latitude",
    "destination_longitude",
    "magnitude",
    "magnitude_unit",
    "quote",
    "char_start",
    "char_end",
    "source",
    "flags",
)

FLOAT_COLUMNS: tuple[str, ...] = (
    "latitude",
    "longitude",
    "origin_latitude",
    "origin_longitude",
    "destination_latitude",
    "destination_longitude",
    "magnitude",
)
INT_COLUMNS: tuple[str, ...] = ("char_start", "char_end")
TIME_PRECISIONS: tuple[str, ...] = ("day", "week", "month", "year")
TEXT_COLUMNS: tuple[str, ...] = tuple(
    c for c in EVENT_COLUMNS if c not in FLOAT_COLUMNS + INT_COLUMNS + ("planned",)
)
GEO_PRECISIONS: tuple[str, ...] = ("exact", "near", "district", "province", "country", "unknown")


@dataclass(frozen=True)
class Category:
    """One category of geomap's scheme and its crosswalk to other schemes.

    Attributes
    ----------
    name : str
        geomap identifier, e.g. ``"military_deployment"``.
    label : str
        Human label for legends and filters.
    color : str
        Colour of its markers (colour-blind safe palette).
    cameo_code : str
        Nearest CAMEO event code.
    plover : str
        Nearest PLOVER event category.
    event_type, sub_event_type : str
        ACLED's event type and sub-event type.
    description : str
        What the category covers.
    """

    name: str
    label: str
    color: str
    cameo_code: str
    plover: str
    event_type: str
    sub_event_type: str
    description: str


_SD = "Strategic developments"

CATEGORIES: dict[str, Category] = {
    c.name: c
    for c in (
        Category("diplomacy", "Diplomacy", "#1f77b4", "040", "CONSULT", _SD, "Other",
                 "calls, statements, talks between governments or leaders"),
        Category("meeting", "Meeting", "#17becf", "044", "CONSULT", _SD, "Other",
                 "summits, conferences, council sessions (in person or by video)"),
        Category("military_deployment", "Military deployment", "#d62728", "154", "MOBILIZE",
                 _SD, "Change to group/activity", "troops or equipment moved or positioned"),
        Category("military_exercise", "Military exercise", "#ff7f0e", "150", "MOBILIZE", _SD,
                 "Other", "drills and exercises"),
        Category("armed_clash", "Armed clash", "#8c564b", "190", "ASSAULT", "Battles",
                 "Armed clash", "fighting, attacks, bombings"),
        Category("border_crossing", "Border crossing", "#9467bd", "172", "COERCE", _SD, "Other",
                 "people crossing a border; crossings opened, closed or checked"),
        Category("evacuation", "Evacuation", "#2ca02c", "074", "AID", _SD, "Other",
                 "airlifts and evacuations"),
        Category("political", "Political", "#7f7f7f", "010", "CONCEDE", _SD,
                 "Non-violent transfer of territory",
                 "takeovers, government formation, appointments"),
        Category("humanitarian", "Humanitarian", "#e377c2", "073", "AID", _SD, "Other",
                 "refugees, displacement, aid"),
    )
}

UNKNOWN_COLOR = "#333333"


def category_color(name: str) -> str:
    """Return the marker colour of a category, grey-black for unknown ones.

    Parameters
    ----------
    name : str
        Category identifier.

    Returns
    -------
    str
        CSS hex colour.
    """
    cat = CATEGORIES.get(name)
    return cat.color if cat else UNKNOWN_COLOR


def crosswalk(name: str) -> dict[str, str]:
    """Return the CAMEO, PLOVER and ACLED columns for a geomap category.

    Parameters
    ----------
    name : str
        Category identifier.

    Returns
    -------
    dict
        ``event_type``, ``sub_event_type``, ``cameo_code`` and ``plover``;
        empty strings for an unknown category.
    """
    cat = CATEGORIES.get(name)
    if cat is None:
        return {"event_type": "", "sub_event_type": "", "cameo_code": "", "plover": ""}
    return {
        "event_type": cat.event_type,
        "sub_event_type": cat.sub_event_type,
        "cameo_code": cat.cameo_code,
        "plover": cat.plover,
    }


def empty_events() -> pd.DataFrame:
    """Return an events table with every contract column and no rows.

    Returns
    -------
    pandas.DataFrame
    """
    return conform_events(pd.DataFrame(columns=list(EVENT_COLUMNS)))


def conform_events(df: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of ``df`` with every contract column, in contract order, typed.

    Missing columns are added empty; extra columns are kept after the contract
    ones. Numbers become floats (NaN when empty), offsets nullable integers,
    ``planned`` a boolean and text columns strings ("" when empty).

    Parameters
    ----------
    df : pandas.DataFrame
        Any table with some of the contract columns.

    Returns
    -------
    pandas.DataFrame
    """
    out = df.copy()
    for col in EVENT_COLUMNS:
        if col not in out.columns:
            out[col] = pd.NA
    # Columns already of the right type are kept: layers conform the table they are
    # given, so a table that is conformed once is not converted again.
    for col in FLOAT_COLUMNS:
        if out[col].dtype != "float64":
            out[col] = pd.to_numeric(out[col], errors="coerce").astype("float64")
    for col in INT_COLUMNS:
        if out[col].dtype != "Int64":
            out[col] = pd.to_numeric(out[col], errors="coerce").astype("Int64")
    if out["planned"].dtype != bool:
        out["planned"] = out["planned"].map(_as_bool).astype(bool)
    for col in TEXT_COLUMNS:
        out[col] = _text_column(out[col])
    extra = [c for c in out.columns if c not in EVENT_COLUMNS]
    return out[list(EVENT_COLUMNS) + extra].reset_index(drop=True)


def _text_column(values: pd.Series) -> pd.Series:
    # Tables read by geomap are already all strings; checking that in C keeps
    # conforming 100,000 rows fast, and only mixed columns go value by value.
    if values.dtype == object and _all_strings(values):
        return values
    values = values.astype(object).where(values.notna(), "")
    if _all_strings(values):
        return values
    return values.map(_as_text).astype(object)


def _all_strings(values: pd.Series) -> bool:
    return pd.api.types.infer_dtype(values, skipna=False) in ("string", "empty")


def _as_bool(value: object) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in {"true", "1", "yes", "y", "t"}
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return False
    return bool(value)


def _as_text(value: object) -> str:
    if value is None or value is pd.NA:
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return str(int(value)) if value.is_integer() else str(value)
    return str(value)


def dedupe_event_ids(events: pd.DataFrame, *, by: str = "article_id") -> pd.DataFrame:
    """Return ``events`` with repeated ids made unique by prefixing the ``by`` column.

    Tables from different sources may both number their events 1, 2, 3. The
    first occurrence keeps its id, so adding a source never renames events
    already shown.

    Parameters
    ----------
    events : pandas.DataFrame
    by : str, optional
        Column whose value prefixes a repeated id (``"<by>:<event_id>"``).

    Returns
    -------
    pandas.DataFrame
    """
    out = events.copy()
    dup = out["event_id"].duplicated(keep="first")
    out.loc[dup, "event_id"] = out.loc[dup, by].astype(str) + ":" + out.loc[dup, "event_id"]
    # A prefixed id may itself collide (rare); number what is left.
    still = out["event_id"].duplicated(keep="first")
    out.loc[still, "event_id"] = out.loc[still, "event_id"] + ":" + out.index[still].astype(str)
    return out


def validate_events(df: pd.DataFrame) -> pd.DataFrame:
    """Check an events table against the contract and return it conformed.

    Parameters
    ----------
    df : pandas.DataFrame
        The events table.

    Returns
    -------
    pandas.DataFrame
        The table as :func:`conform_events` returns it.

    Raises
    ------
    EventSchemaError
        When columns are missing, ids repeat, or values are out of their
        domain (unknown precision, latitude outside [-90, 90], an offset range
        that is empty or reversed). The message names the rows.
    """
    missing = [c for c in EVENT_COLUMNS if c not in df.columns]
    if missing:
        msg = f"Events table is missing columns {missing}; expected {list(EVENT_COLUMNS)}"
        raise EventSchemaError(msg)
    out = conform_events(df)
    problems = list(_row_problems(out))
    if problems:
        shown = "; ".join(problems[:5])
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        msg = f"Events table has invalid values: {shown}{more}"
        raise EventSchemaError(msg)
    return out


def _row_problems(df: pd.DataFrame):
    dup = df["event_id"][df["event_id"].duplicated()]
    for value in dup.unique():
        yield f"event_id {value!r} repeats"
    checks = (
        ("time_precision", TIME_PRECISIONS),
        ("geo_precision", GEO_PRECISIONS),
    )
    # An unresolved date (flagged date_unresolved) has no precision either.
    undated = df["event_date"].eq("") & df["time_precision"].eq("")
    for col, allowed in checks:
        bad = df.index[~df[col].isin(allowed) & ~(undated if col == "time_precision" else False)]
        for i in bad:
            yield f"row {i}: {col}={df.at[i, col]!r} not in {list(allowed)}"
    for lat_col, lon_col in (
        ("latitude", "longitude"),
        ("origin_latitude", "origin_longitude"),
        ("destination_latitude", "destination_longitude"),
    ):
        bad = df.index[(df[lat_col].abs() > 90) | (df[lon_col].abs() > 180)]
        for i in bad:
            yield f"row {i}: ({df.at[i, lat_col]}, {df.at[i, lon_col]}) is not a WGS84 point"
    bad_dates = df.index[pd.to_datetime(df["event_date"], format="%Y-%m-%d", errors="coerce").isna()
                         & (df["event_date"] != "")]
    for i in bad_dates:
        yield f"row {i}: event_date {df.at[i, 'event_date']!r} is not YYYY-MM-DD"
    spans = df["char_start"].notna() & df["char_end"].notna()
    bad_spans = df.index[spans & (df["char_start"] >= df["char_end"])]
    for i in bad_spans:
        yield f"row {i}: char_start {df.at[i, 'char_start']} >= char_end {df.at[i, 'char_end']}"
