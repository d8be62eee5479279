"""Reviewing places: which names the events use, where they resolved, and corrections.

An analyst checks the places behind a table of events: :func:`place_table`
lists every place name the events use (as location, origin or destination)
with its point, how many events use it and the gazetteer's candidates.
:func:`apply_correction` moves every event that uses a name to a chosen point,
and :func:`apply_saved_corrections` re-applies the corrections saved in the
user's data folder (:mod:`geomap.corrections`) whenever a table is loaded
(:meth:`geomap.store.EventStore.correct_place` saves one).
"""

from __future__ import annotations

import math

import pandas as pd

from geomap.corrections import find_correction, load_corrections
from geomap.gazetteer import load_gazetteer, normalize_name
from geomap.schema import conform_events

ROLES = {"location": ("latitude", "longitude"),
         "origin_name": ("origin_latitude", "origin_longitude"),
         "destination_name": ("destination_latitude", "destination_longitude")}
UNRESOLVED_FLAG = "place_unresolved"
#: A name the gazetteer lacks, placed at the area the text puts it in ("Fambita, Niger").
WITHIN_FLAG = "place_within"
CORRECTED_FLAG = "place_corrected"


def candidate_label(place) -> str:
    """Return a one-line label for a gazetteer place, for pickers.

    Parameters
    ----------
    place : geomap.gazetteer.Place

    Returns
    -------
    str
        E.g. ``"Panj (city, TJ) 37.23634, 69.09911"``.
    """
    return f"{place.name} ({place.kind}, {place.country_code or '-'}) {place.lat:.5f}, {place.lon:.5f}"


def candidates(name: str, *, limit: int = 8) -> list:
    """Return the gazetteer's places for ``name``, best first.

    Parameters
    ----------
    name : str
    limit : int, optional

    Returns
    -------
    list of geomap.gazetteer.Place
    """
    return load_gazetteer().lookup(name)[:limit] if name.strip() else []


def place_table(events: pd.DataFrame, *, with_candidates: bool = True) -> pd.DataFrame:
    """Return one row per place name used by ``events``.

    Parameters
    ----------
    events : pandas.DataFrame
    with_candidates : bool, optional
        Add the gazetteer's candidate labels (slower on large tables).

    Returns
    -------
    pandas.DataFrame
        ``name``, ``latitude``, ``longitude``, ``resolved``, ``events`` (how
        many use the name), ``corrected`` and, optionally, ``candidates``
        (labels joined by ``" | "``); unresolved names first.
    """
    df = conform_events(events)
    parts = []
    for name_col, (lat_col, lon_col) in ROLES.items():
        part = df[[name_col, lat_col, lon_col]].set_axis(["name", "latitude", "longitude"], axis=1)
        parts.append(part[part["name"] != ""])
    used = pd.concat(parts, ignore_index=True)
    # A name placed only at its province or country is still one to look up.
    approximate = set(df.loc[df["flags"].str.contains(WITHIN_FLAG, regex=False), "location"])
    if used.empty:
        return pd.DataFrame(columns=["name", "latitude", "longitude", "resolved", "events",
                                     "corrected", "candidates"])
    table = used.groupby("name", sort=True).agg(
        latitude=("latitude", "first"), longitude=("longitude", "first"),
        events=("name", "size")).reset_index()
    table["resolved"] = (table["latitude"].notna() & table["longitude"].notna()
                         & ~table["name"].isin(approximate))
    saved = load_corrections()
    table["corrected"] = table["name"].map(lambda n: normalize_name(n) in saved)
    if with_candidates:
        table["candidates"] = table["name"].map(
            lambda n: " | ".join(candidate_label(p) for p in candidates(n)))
    return table.sort_values(["resolved", "name"], kind="stable").reset_index(drop=True)


def apply_correction(events: pd.DataFrame, name: str, *, lat: float, lon: float,
                     country: str = "") -> pd.DataFrame:
    """Return ``events`` with every use of ``name`` moved to ``(lat, lon)``.

    Locations, origins and destinations named ``name`` (compared after
    :func:`~geomap.gazetteer.normalize_name`) take the point; a location also
    takes ``country`` when given. ``place_unresolved`` and ``place_within``
    flags on those events are replaced by ``place_corrected``.

    Parameters
    ----------
    events : pandas.DataFrame
    name : str
    lat, lon : float
    country : str, optional
        ISO2 code.

    Returns
    -------
    pandas.DataFrame
    """
    df = conform_events(events)
    key = normalize_name(name)
    touched = pd.Series(False, index=df.index)
    for name_col, (lat_col, lon_col) in ROLES.items():
        rows = df[name_col].map(normalize_name).eq(key) & df[name_col].ne("")
        df.loc[rows, lat_col] = float(lat)
        df.loc[rows, lon_col] = float(lon)
        if name_col == "location" and country:
            df.loc[rows, "country"] = country.upper()
        touched |= rows
    df.loc[touched, "flags"] = df.loc[touched, "flags"].map(_corrected_flags)
    return df


def _corrected_flags(flags: str) -> str:
    kept = [f for f in flags.split("; ")
            if f and f not in (UNRESOLVED_FLAG, WITHIN_FLAG, CORRECTED_FLAG)]
    return "; ".join(kept + [CORRECTED_FLAG])


def apply_saved_corrections(events: pd.DataFrame) -> pd.DataFrame:
    """Return ``events`` with every saved correction applied to the names it uses.

    Parameters
    ----------
    events : pandas.DataFrame

    Returns
    -------
    pandas.DataFrame
    """
    df = conform_events(events)
    if not load_corrections():
        return df
    names = set(df["location"]) | set(df["origin_name"]) | set(df["destination_name"])
    for name in sorted(names - {""}):
        entry = find_correction(name)
        if entry and not (math.isnan(entry["lat"]) or math.isnan(entry["lon"])):
            df = apply_correction(df, name, lat=entry["lat"], lon=entry["lon"],
                                  country=entry.get("country_code", ""))
    return df
