"""Scoring extracted events against a hand-checked table (``CONTRACTS.md``, "Events").

A predicted event matches a gold event when

- its ``char_start..char_end`` overlaps the gold sentence,
- its ``category`` is the same,
- its date lies within the gold date's precision (the gold period starting at
  ``event_date`` and lasting a day, week, month or year contains the predicted
  ``event_date``),
- its point lies within 50 km of the gold place (500 km when the gold
  ``geo_precision`` is ``country``) or of the gold movement's origin or
  destination. When the gold event has no point at all (a phone call), the
  place test passes only for a prediction without a point either.

Planned events are left out on both sides. Matching is one-to-one: each gold
event takes the first unmatched prediction that passes, in table order.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from geomap.dates import period_end
from geomap.schema import conform_events

#: Distance within which a predicted point matches, by gold ``geo_precision``.
PLACE_TOLERANCE_KM = {"country": 500.0}
DEFAULT_TOLERANCE_KM = 50.0
EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True)
class Score:
    """Result of :func:`score_events`.

    Attributes
    ----------
    recall, precision : float
        Matched gold / gold, matched predictions / predictions.
    n_gold, n_predicted, n_matched : int
        Counts after removing planned events.
    pairs : list of (str, str)
        ``(gold event_id, predicted event_id)`` of each match.
    missed : list of str
        Gold event ids with no match.
    invented : list of str
        Predicted event ids with no match.
    """

    recall: float
    precision: float
    n_gold: int
    n_predicted: int
    n_matched: int
    pairs: list
    missed: list
    invented: list


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the haversine distance between two WGS84 points in kilometres.

    Parameters
    ----------
    lat1, lon1, lat2, lon2 : float

    Returns
    -------
    float
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def score_events(predicted: pd.DataFrame, gold: pd.DataFrame) -> Score:
    """Match predicted events to gold events and return recall and precision.

    Parameters
    ----------
    predicted, gold : pandas.DataFrame
        Events tables (conformed on the way in).

    Returns
    -------
    Score
    """
    pred = conform_events(predicted)
    ref = conform_events(gold)
    pred = pred[~pred["planned"]].reset_index(drop=True)
    ref = ref[~ref["planned"]].reset_index(drop=True)
    used: set[int] = set()
    pairs = []
    for _, g in ref.iterrows():
        for j, p in pred.iterrows():
            if j not in used and why_not(p, g) == "":
                used.add(j)
                pairs.append((g["event_id"], p["event_id"]))
                break
    matched_gold = {g for g, _ in pairs}
    missed = [e for e in ref["event_id"] if e not in matched_gold]
    invented = [pred.at[j, "event_id"] for j in range(len(pred)) if j not in used]
    n_gold, n_pred = len(ref), len(pred)
    return Score(
        recall=len(pairs) / n_gold if n_gold else 0.0,
        precision=len(pairs) / n_pred if n_pred else 0.0,
        n_gold=n_gold, n_predicted=n_pred, n_matched=len(pairs),
        pairs=pairs, missed=missed, invented=invented,
    )


def why_not(pred: pd.Series, gold: pd.Series) -> str:
    """Return why a predicted event does not match a gold one ("" when it does).

    Parameters
    ----------
    pred, gold : pandas.Series
        One row each of conformed events tables.

    Returns
    -------
    str
        ``"span"``, ``"category"``, ``"date"``, ``"place"`` or ``""``.
    """
    if not _overlaps(pred, gold):
        return "span"
    if pred["category"] != gold["category"]:
        return "category"
    if not date_matches(pred["event_date"], gold["event_date"], gold["time_precision"]):
        return "date"
    if not place_matches(pred, gold):
        return "place"
    return ""


def date_matches(predicted: str, gold: str, precision: str) -> bool:
    """Return whether ``predicted`` lies in the gold period.

    Parameters
    ----------
    predicted, gold : str
        ``YYYY-MM-DD`` (or "").
    precision : str
        Gold precision: ``day``, ``week``, ``month`` or ``year``.

    Returns
    -------
    bool
        False when either date is empty.
    """
    if not predicted or not gold:
        return False
    end = period_end(gold, precision or "day")
    return gold <= predicted <= end.isoformat()


def place_matches(pred: pd.Series, gold: pd.Series) -> bool:
    """Return whether the predicted point is close enough to the gold place.

    Parameters
    ----------
    pred, gold : pandas.Series

    Returns
    -------
    bool
    """
    gold_points = [
        (gold[f"{prefix}latitude"], gold[f"{prefix}longitude"])
        for prefix in ("", "origin_", "destination_")
        if pd.notna(gold[f"{prefix}latitude"]) and pd.notna(gold[f"{prefix}longitude"])
    ]
    has_point = pd.notna(pred["latitude"]) and pd.notna(pred["longitude"])
    if not gold_points:
        return not has_point
    if not has_point:
        return False
    limit = PLACE_TOLERANCE_KM.get(gold["geo_precision"], DEFAULT_TOLERANCE_KM)
    return any(distance_km(pred["latitude"], pred["longitude"], lat, lon) <= limit
               for lat, lon in gold_points)


def _overlaps(pred: pd.Series, gold: pd.Series) -> bool:
    values = (pred["char_start"], pred["char_end"], gold["char_start"], gold["char_end"])
    if any(pd.isna(v) for v in values):
        return False
    return int(pred["char_start"]) < int(gold["char_end"]) and int(gold["char_start"]) < int(
        pred["char_end"])
