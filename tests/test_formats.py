"""Tests of geomap.formats: reading event files in every format and writing them back."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from geomap.exceptions import ExportError, FormatError, InputError
from geomap.formats import (
    LoadResult,
    counts_message,
    events_to_geojson,
    load_events,
    read_counts,
    rejected_messages,
    save_events,
)
from geomap.schema import EVENT_COLUMNS, validate_events

DATA = Path(__file__).parent / "data" / "formats"


# ------------------------------------------------------------------ geomap's own CSV


@pytest.fixture
def geomap_result() -> LoadResult:
    return load_events(DATA / "geomap_events.csv")


def test_geomap_csv_accepts_good_rows(geomap_result):
    events = geomap_result.events
    assert geomap_result.format == "geomap"
    assert list(events["event_id"]) == ["e1", "e2", "e3"]
    assert list(events.columns[: len(EVENT_COLUMNS)]) == list(EVENT_COLUMNS)
    assert events.loc[1, "magnitude"] == 20000
    assert events.loc[1, "origin_latitude"] == pytest.approx(55.7558)
    assert bool(events.loc[2, "planned"]) is True
    validate_events(events)


def test_geomap_csv_keeps_unresolved_place(geomap_result):
    row = geomap_result.events.set_index("event_id").loc["e3"]
    assert pd.isna(row["latitude"]) and pd.isna(row["longitude"])
    assert row["flags"] == "place_unresolved"


def test_geomap_csv_reports_bad_rows_with_file_line_numbers(geomap_result):
    rejected = dict(geomap_result.rejected)
    assert sorted(rejected) == [5, 6, 7, 8, 9, 10]
    assert "outside [-90, 90]" in rejected[5]
    assert "'26/08/2021' is not a date" in rejected[6]
    assert "missing" in rejected[7]
    assert "'NaN' is not a number" in rejected[8]
    assert "future" in rejected[9]
    assert "expected 27 fields, found 28" in rejected[10]


def test_counts_and_messages(geomap_result):
    assert read_counts(geomap_result) == (9, 3, 6)
    assert counts_message(geomap_result).endswith("(geomap): read 9, accepted 3, rejected 6")
    lines = rejected_messages(geomap_result, limit=2)
    assert lines[0].endswith(":5: latitude 134.5 is outside [-90, 90]")
    assert lines[-1].endswith("and 4 more rejected rows")


def test_duplicate_event_id_is_rejected(tmp_path):
    path = tmp_path / "dup.csv"
    path.write_text("event_id,event_date,latitude,longitude\n"
                    "a,2021-08-25,34,69\nb,2021-08-25,34,69\na,2021-08-26,35,70\n")
    result = load_events(path)
    assert list(result.events["event_id"]) == ["a", "b"]
    assert result.rejected == [(4, "event_id 'a' repeats row 2")]


def test_missing_ids_are_generated_from_file_stem(tmp_path):
    path = tmp_path / "notes.csv"
    path.write_text("category,event_date,latitude,longitude\nmeeting,2021-08-25,34,69\n")
    events = load_events(path).events
    assert events.loc[0, "event_id"] == "notes-2"
    assert events.loc[0, "article_id"] == "notes"


# ------------------------------------------------------------------------ round trips


@pytest.mark.parametrize("suffix", [".csv", ".geojson", ".json", ".parquet"])
def test_round_trip(geomap_result, tmp_path, suffix):
    path = save_events(geomap_result.events, tmp_path / f"events{suffix}")
    again = load_events(path)
    assert again.rejected == []
    pd.testing.assert_frame_equal(again.events, geomap_result.events)


def test_geojson_is_lon_lat_with_null_geometry(geomap_result):
    collection = events_to_geojson(geomap_result.events)
    first, _, unresolved = collection["features"]
    assert first["geometry"] == {"type": "Point", "coordinates": [37.6173, 55.7558]}
    assert unresolved["geometry"] is None
    assert unresolved["properties"]["magnitude"] is None
    assert collection["features"][1]["properties"]["origin_latitude"] == 55.7558


def test_save_unknown_extension_names_it(geomap_result, tmp_path):
    with pytest.raises(ExportError, match=r"'\.xlsx'"):
        save_events(geomap_result.events, tmp_path / "events.xlsx")
    assert not list(tmp_path.iterdir())


def test_save_into_missing_folder_leaves_nothing(geomap_result, tmp_path):
    with pytest.raises(ExportError):
        save_events(geomap_result.events, tmp_path / "nope" / "events.csv")


# ------------------------------------------------------------------------ bad files


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        load_events(tmp_path / "absent.csv")


@pytest.mark.parametrize("content", [b"", b"   \n\n", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"])
def test_empty_or_binary_file(tmp_path, content):
    path = tmp_path / "events.csv"
    path.write_bytes(content)
    with pytest.raises(InputError, match="events.csv"):
        load_events(path)


def test_missing_required_columns_name_file_and_columns(tmp_path):
    path = tmp_path / "partial.csv"
    path.write_text("event_id,category,latitude\na,meeting,34\n")
    with pytest.raises(FormatError, match=r"partial\.csv.*\['event_date', 'longitude'\]"):
        load_events(path)


def test_undetectable_format(tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("name,value\nx,1\n")
    with pytest.raises(FormatError, match="Cannot detect"):
        load_events(path)


def test_unknown_format_name(tmp_path):
    with pytest.raises(FormatError, match="'shapefile'"):
        load_events(DATA / "geomap_events.csv", format="shapefile")


def test_utf16_and_latin1_are_read(tmp_path):
    text = "event_id,event_date,latitude,longitude,location\na,2021-08-25,34,69,Hérat\n"
    for encoding in ("utf-16", "cp1252", "utf-8-sig"):
        path = tmp_path / f"{encoding}.csv"
        path.write_bytes(text.encode(encoding))
        assert load_events(path).events.loc[0, "location"] == "Hérat"
