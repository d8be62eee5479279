import pandas as pd

from geomap.corrections import save_correction
from geomap.review import apply_correction, apply_saved_corrections, candidates, place_table
from geomap.schema import conform_events


def test_place_table_lists_every_name_once(seed_events):
    table = place_table(seed_events)
    assert table["name"].is_unique
    dushanbe = table.set_index("name").loc["Dushanbe"]
    assert dushanbe["events"] == 3 and dushanbe["resolved"]
    assert "Dushanbe (city, TJ)" in dushanbe["candidates"]


def test_unresolved_names_come_first():
    events = conform_events(pd.DataFrame({
        "event_id": ["a", "b"], "location": ["Kabul", "Nowhereville"],
        "latitude": [34.5, None], "longitude": [69.2, None], "flags": ["", "place_unresolved"]}))
    table = place_table(events, with_candidates=False)
    assert table["name"].tolist() == ["Nowhereville", "Kabul"]


def test_a_name_placed_only_at_its_area_is_still_unresolved():
    events = conform_events(pd.DataFrame({
        "event_id": ["a"], "location": ["Fambita"], "latitude": [16.0], "longitude": [8.0],
        "flags": ["place_within"]}))
    assert not place_table(events, with_candidates=False).loc[0, "resolved"]
    out = apply_correction(events, "Fambita", lat=14.9, lon=1.5)
    assert out.loc[0, "flags"] == "place_corrected"


def test_correction_moves_every_role_and_updates_flags():
    events = conform_events(pd.DataFrame({
        "event_id": ["a", "b"], "location": ["Nowhereville", "Kabul"],
        "origin_name": ["", "nowhereville"], "flags": ["place_unresolved", ""]}))
    out = apply_correction(events, "Nowhereville", lat=35.0, lon=70.0, country="af")
    assert out.loc[0, ["latitude", "longitude", "country"]].tolist() == [35.0, 70.0, "AF"]
    assert out.loc[1, ["origin_latitude", "origin_longitude"]].tolist() == [35.0, 70.0]
    assert out["flags"].tolist() == ["place_corrected", "place_corrected"]


def test_saved_corrections_apply_to_new_tables():
    save_correction("Qala-i-Nowhere", lat=36.0, lon=65.0, country_code="AF")
    events = conform_events(pd.DataFrame({"event_id": ["x"], "location": ["Qala-i-Nowhere"]}))
    out = apply_saved_corrections(events)
    assert (out.loc[0, "latitude"], out.loc[0, "longitude"]) == (36.0, 65.0)


def test_candidates_for_an_empty_name():
    assert candidates("   ") == []
