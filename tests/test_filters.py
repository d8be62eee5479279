import datetime as dt

import pandas as pd

from geomap.filters import event_intervals, filter_events, filter_mask, filter_options, split_actors


def test_no_filter_keeps_everything(seed_events):
    assert filter_mask(seed_events).all()


def test_category_actor_country_text(seed_events):
    meetings = filter_events(seed_events, categories=["meeting"])
    assert set(meetings["category"]) == {"meeting"} and len(meetings) == 4
    taliban = filter_events(seed_events, actors=["Taliban"])
    assert all("Taliban" in split_actors(a) for a in taliban["actors"])
    assert set(filter_events(seed_events, countries=["TJ"])["country"]) == {"TJ"}
    drills = filter_events(seed_events, text="DRILLS")
    assert drills["category"].tolist() == ["military_exercise"]


def test_date_range_respects_precision(seed_events):
    # The troops (July 2021, month precision) overlap a range ending on 1 July.
    july = filter_events(seed_events, date_range=(dt.date(2021, 6, 20), dt.date(2021, 7, 1)),
                         include_undated=False)
    assert "military_deployment" in set(july["category"])
    # The drills ("last week": week of 16 Aug) do not reach 23 Aug.
    later = filter_events(seed_events, date_range=(dt.date(2021, 8, 23), dt.date(2021, 8, 31)),
                          include_undated=False)
    assert "military_exercise" not in set(later["category"])
    assert "2021-08-24" in set(later["event_date"])


def test_undated_events_are_kept_unless_asked(seed_events):
    seed_events.loc[0, "event_date"] = ""
    rng = (dt.date(2030, 1, 1), dt.date(2030, 2, 1))
    assert filter_mask(seed_events, date_range=rng)[0]
    assert not filter_mask(seed_events, date_range=rng, include_undated=False)[0]


def test_intervals():
    df = pd.DataFrame({"event_date": ["2021-07-01", "2021-08-16", ""],
                       "time_precision": ["month", "week", "day"]})
    start, end = event_intervals(df)
    assert end[0] == pd.Timestamp("2021-08-01") and end[1] == pd.Timestamp("2021-08-23")
    assert pd.isna(start[2])


def test_options(seed_events):
    opts = filter_options(seed_events)
    assert "Taliban" in opts["actors"] and "meeting" in opts["categories"]
    assert opts["date_bounds"] == (dt.date(2021, 1, 1), dt.date(2021, 12, 31))


def test_precomputed_intervals_give_the_same_answer(seed_events):
    rng = (dt.date(2021, 8, 20), dt.date(2021, 8, 31))
    direct = filter_mask(seed_events, date_range=rng)
    kept = filter_mask(seed_events, date_range=rng, intervals=event_intervals(seed_events))
    assert (direct == kept).all() and 0 < direct.sum() < len(seed_events)
