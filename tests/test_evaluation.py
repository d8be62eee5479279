"""The event match rule of CONTRACTS.md."""

from __future__ import annotations

import pandas as pd
import pytest

from geomap.evaluation import date_matches, distance_km, place_matches, score_events, why_not
from geomap.schema import conform_events


def event(**values):
    base = {"event_id": "e1", "category": "meeting", "event_date": "2021-08-23",
            "time_precision": "day", "char_start": 10, "char_end": 50, "planned": False,
            "geo_precision": "exact", "latitude": 38.5, "longitude": 68.8}
    base.update(values)
    return conform_events(pd.DataFrame([base])).iloc[0]


def test_distance_km():
    assert distance_km(0, 0, 0, 1) == pytest.approx(111.19, abs=0.01)
    assert distance_km(34.5, 69.2, 34.5, 69.2) == 0


@pytest.mark.parametrize("pred, gold, precision, ok", [
    ("2021-08-23", "2021-08-23", "day", True), ("2021-08-24", "2021-08-23", "day", False),
    ("2021-08-22", "2021-08-16", "week", True), ("2021-08-23", "2021-08-16", "week", False),
    ("2021-08-31", "2021-08-01", "month", True), ("2021-07-31", "2021-08-01", "month", False),
    ("2021-12-31", "2021-01-01", "year", True), ("", "2021-01-01", "year", False),
])
def test_date_within_gold_precision(pred, gold, precision, ok):
    assert date_matches(pred, gold, precision) is ok


def test_place_tolerances():
    gold = event(latitude=38.0, longitude=71.0)
    assert place_matches(event(latitude=38.3, longitude=71.0), gold)  # ~33 km
    assert not place_matches(event(latitude=38.6, longitude=71.0), gold)  # ~67 km
    country = event(latitude=34.3, longitude=66.7, geo_precision="country")
    assert place_matches(event(latitude=34.5, longitude=69.2), country)  # ~230 km
    movement = event(latitude=38.0, longitude=71.0, origin_latitude=38.5,
                     origin_longitude=68.8)
    assert place_matches(event(latitude=38.5, longitude=68.8), movement)


def test_gold_without_point_wants_none():
    gold = event(latitude=None, longitude=None, geo_precision="unknown")
    assert place_matches(event(latitude=None, longitude=None), gold)
    assert not place_matches(event(), gold)


def test_why_not_names_the_first_failed_test():
    gold = event()
    assert why_not(event(), gold) == ""
    assert why_not(event(char_start=50, char_end=60), gold) == "span"
    assert why_not(event(category="diplomacy"), gold) == "category"
    assert why_not(event(event_date="2021-08-24"), gold) == "date"
    assert why_not(event(latitude=0.0), gold) == "place"


def test_score_is_one_to_one_and_ignores_planned():
    gold = pd.DataFrame([event(event_id="g1"), event(event_id="g2", planned=True)])
    pred = pd.DataFrame([event(event_id="p1"), event(event_id="p2"),
                         event(event_id="p3", planned=True)])
    score = score_events(pred, gold)
    assert (score.n_gold, score.n_predicted, score.n_matched) == (1, 2, 1)
    assert score.recall == 1.0 and score.precision == 0.5
    assert score.pairs == [("g1", "p1")] and score.invented == ["p2"]
    empty = score_events(pred.iloc[:0], gold.iloc[:0])
    assert empty.recall == 0.0 and empty.precision == 0.0
