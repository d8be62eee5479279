"""Pure filters over an events table, shared by the dashboard and the command line.

:func:`filter_mask` returns which rows pass; :func:`filter_events` the rows
themselves; :func:`filter_options` the values a filter widget can offer. Dates
respect precision: an event known only to its month passes a date range that
overlaps that month.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import numpy as np
import pandas as pd

from geomap.schema import conform_events

_PERIOD = {"day": pd.DateOffset(days=1), "week": pd.DateOffset(days=7),
           "month": pd.DateOffset(months=1), "year": pd.DateOffset(years=1)}


def split_actors(actors: str) -> list[str]:
    """Return the actors of an ``actors`` cell (``"; "``-separated).

    Parameters
    ----------
    actors : str

    Returns
    -------
    list of str
    """
    return [a.strip() for a in str(actors).split(";") if a.strip()]


def event_intervals(events: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Return the first day and the day after the last of the period each event may cover.

    Parameters
    ----------
    events : pandas.DataFrame
        Events table with ``event_date`` and ``time_precision``.

    Returns
    -------
    tuple of pandas.Series
        ``start`` and ``end`` (exclusive) timestamps; NaT for undated events.
    """
    start = pd.to_datetime(events["event_date"], format="%Y-%m-%d", errors="coerce")
    end = start.copy()
    for precision, offset in _PERIOD.items():
        rows = events["time_precision"].eq(precision)
        end[rows] = start[rows] + offset
    unknown = ~events["time_precision"].isin(list(_PERIOD))
    end[unknown] = start[unknown] + _PERIOD["day"]
    return start, end


def _isin(values: pd.Series, wanted: Iterable[str] | None) -> np.ndarray:
    if wanted is None:
        return np.ones(len(values), dtype=bool)
    return values.isin(list(wanted)).to_numpy()


def filter_mask(
    events: pd.DataFrame,
    *,
    categories: Iterable[str] | None = None,
    actors: Iterable[str] | None = None,
    countries: Iterable[str] | None = None,
    date_range: tuple[dt.date | None, dt.date | None] | None = None,
    text: str = "",
    geo_precisions: Iterable[str] | None = None,
    sources: Iterable[str] | None = None,
    include_undated: bool = True,
    intervals: tuple[pd.Series, pd.Series] | None = None,
) -> np.ndarray:
    """Return a boolean array: which events pass every given filter.

    A filter left at None (or an empty ``text``) does not filter.

    Parameters
    ----------
    events : pandas.DataFrame
        Events table.
    categories, countries, geo_precisions, sources : iterable of str, optional
        Allowed values of ``category``, ``country``, ``geo_precision``, ``source``.
    actors : iterable of str, optional
        An event passes when any of its actors is listed.
    date_range : tuple of datetime.date, optional
        ``(first, last)`` days, inclusive; either end may be None.
    text : str, optional
        Case-insensitive substring of the quoted sentence, location or actors.
    include_undated : bool, optional
        Keep events without a date when a date range is given (default True:
        an undated event is flagged, not hidden).
    intervals : tuple of pandas.Series, optional
        :func:`event_intervals` of ``events``, when the caller keeps them
        (the dashboard computes them once per change of the data, not per filter).

    Returns
    -------
    numpy.ndarray of bool
    """
    mask = _isin(events["category"], categories)
    mask &= _isin(events["country"], countries)
    mask &= _isin(events["geo_precision"], geo_precisions)
    mask &= _isin(events["source"], sources)
    if actors is not None:
        wanted = set(actors)
        mask &= events["actors"].map(lambda a: bool(wanted & set(split_actors(a)))).to_numpy()
    if text:
        needle = text.casefold()
        haystack = events["quote"] + "\n" + events["location"] + "\n" + events["actors"]
        mask &= haystack.str.casefold().str.contains(needle, regex=False).to_numpy()
    if date_range is not None:
        start, end = intervals if intervals is not None else event_intervals(events)
        mask &= _date_mask(start, end, date_range, include_undated=include_undated)
    return mask


def _date_mask(start: pd.Series, end: pd.Series, date_range, *,
               include_undated: bool) -> np.ndarray:
    first, last = date_range
    ok = np.ones(len(start), dtype=bool)
    if first is not None:
        ok &= (end > pd.Timestamp(first)).to_numpy()
    if last is not None:
        ok &= (start <= pd.Timestamp(last)).to_numpy()
    undated = start.isna().to_numpy()
    return np.where(undated, include_undated, ok)


def filter_events(events: pd.DataFrame, **filters) -> pd.DataFrame:
    """Return the events that pass the filters of :func:`filter_mask`.

    Parameters
    ----------
    events : pandas.DataFrame
    **filters
        Keyword filters of :func:`filter_mask`.

    Returns
    -------
    pandas.DataFrame
    """
    df = conform_events(events)
    return df[filter_mask(df, **filters)]


def filter_options(events: pd.DataFrame) -> dict:
    """Return the values each filter can offer for ``events``.

    Parameters
    ----------
    events : pandas.DataFrame

    Returns
    -------
    dict
        ``categories``, ``actors``, ``countries``, ``geo_precisions``,
        ``sources`` (sorted lists) and ``date_bounds`` (first and last day, or
        None when no event is dated).
    """
    df = conform_events(events)
    actors = sorted({a for cell in df["actors"] for a in split_actors(cell)})
    start, end = event_intervals(df)
    bounds = None
    if start.notna().any():
        bounds = (start.min().date(), (end.max() - pd.Timedelta(days=1)).date())
    return {
        "categories": sorted(set(df["category"]) - {""}),
        "actors": actors,
        "countries": sorted(set(df["country"]) - {""}),
        "geo_precisions": sorted(set(df["geo_precision"]) - {""}),
        "sources": sorted(set(df["source"]) - {""}),
        "date_bounds": bounds,
    }
