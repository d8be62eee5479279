import pandas as pd
import pytest

from geomap.exceptions import EventSchemaError
from geomap.schema import (
    CATEGORIES,
    EVENT_COLUMNS,
    category_color,
    conform_events,
    crosswalk,
    dedupe_event_ids,
    empty_events,
    validate_events,
)


def test_seed_table_follows_the_contract(seed_events):
    validate_events(seed_events)
    assert list(seed_events.columns[: len(EVENT_COLUMNS)]) == list(EVENT_COLUMNS)


def test_seed_quotes_are_verbatim_at_their_offsets(seed_events, seed_text):
    for row in seed_events.itertuples():
        assert seed_text[row.char_start : row.char_end] == row.quote, row.event_id


def test_seed_table_covers_the_reported_events(seed_events):
    cats = seed_events["category"].value_counts()
    assert {"diplomacy", "meeting", "military_deployment", "military_exercise", "political",
            "border_crossing", "evacuation"} <= set(cats.index)
    troops = seed_events[seed_events["category"] == "military_deployment"].iloc[0]
    assert (troops["magnitude"], troops["magnitude_unit"]) == (20000, "troops")
    assert troops["origin_name"] == "Dushanbe" and troops["destination_name"]
    airlift = seed_events[seed_events["category"] == "evacuation"].iloc[0]
    assert airlift["magnitude"] == 82000
    planned = seed_events[seed_events["planned"]]
    assert set(planned["location"]) == {"Dushanbe"}  # the CSTO and SCO meetings next month


def test_every_category_has_a_crosswalk():
    for name, cat in CATEGORIES.items():
        cw = crosswalk(name)
        assert cw["cameo_code"] and cw["plover"] and cw["event_type"] and cw["sub_event_type"]
        assert category_color(name) == cat.color
    assert crosswalk("nonsense")["cameo_code"] == ""


def test_conform_adds_missing_columns_and_types():
    df = conform_events(pd.DataFrame({"event_id": ["a"], "latitude": ["34.5"], "planned": ["True"]}))
    assert list(df.columns) == list(EVENT_COLUMNS)
    assert df.loc[0, "latitude"] == 34.5
    assert bool(df.loc[0, "planned"]) is True
    assert df.loc[0, "quote"] == ""
    assert len(empty_events()) == 0


def test_validate_names_missing_columns():
    with pytest.raises(EventSchemaError, match="missing columns.*quote"):
        validate_events(pd.DataFrame({"event_id": ["a"]}))


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("latitude", 95.0, "WGS84"),
        ("time_precision", "fortnight", "time_precision"),
        ("geo_precision", "street", "geo_precision"),
        ("event_date", "25/08/2021", "YYYY-MM-DD"),
        ("char_end", 0, "char_start"),
    ],
)
def test_validate_rejects_bad_values(seed_events, column, value, message):
    seed_events.loc[1, column] = value
    with pytest.raises(EventSchemaError, match=message):
        validate_events(seed_events)


def test_validate_rejects_repeated_ids(seed_events):
    seed_events.loc[1, "event_id"] = seed_events.loc[0, "event_id"]
    with pytest.raises(EventSchemaError, match="repeats"):
        validate_events(seed_events)


def test_dedupe_keeps_first_ids_and_prefixes_repeats():
    df = conform_events(pd.DataFrame({"event_id": ["1", "2", "1"], "article_id": ["a", "a", "b"]}))
    out = dedupe_event_ids(df)
    assert out["event_id"].tolist() == ["1", "2", "b:1"]
    assert out["event_id"].is_unique


def test_an_undated_event_needs_no_precision(seed_events):
    seed_events.loc[1, ["event_date", "time_precision", "flags"]] = ["", "", "date_unresolved"]
    validate_events(seed_events)
    seed_events.loc[2, "time_precision"] = ""  # dated, so a precision is required
    with pytest.raises(EventSchemaError, match="time_precision"):
        validate_events(seed_events)
