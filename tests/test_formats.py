"""Tests of geomap.formats: reading event files in every format and writing them back."""

from __future__ import annotations

import csv
import gzip
import io
import json
import tempfile
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geomap.exceptions import ExportError, FormatError, GeomapError, InputError
from geomap.formats import (
    ACLED_SUB_EVENTS,
    CAMEO_ROOTS,
    GDELT_COLUMNS,
    UCDP_GEO_PRECISION,
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
    if suffix == ".parquet":
        pytest.importorskip("pyarrow", reason="Parquet needs the parquet extra (pyarrow)")
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


# --------------------------------------------------------------- GeoJSON and JSON


def test_geojson_reader_takes_point_from_geometry():
    result = load_events(DATA / "events.geojson")
    assert result.format == "geojson"
    first = result.events.iloc[0]
    assert (first["latitude"], first["longitude"]) == (34.5167, 69.1833)
    assert first["destination_name"] == "Doha"
    assert first["destination_latitude"] == 25.2854
    assert first["cameo_code"] == "074"  # filled from the category's crosswalk
    assert pd.isna(result.events.iloc[1]["latitude"])
    assert [row for row, _ in result.rejected] == [3, 4, 5, 6]
    assert "'LineString' is not a Point" in result.rejected[0][1]
    assert "outside [-90, 90]" in result.rejected[2][1]


def test_json_reader_reports_records():
    result = load_events(DATA / "events.json")
    assert result.format == "json"
    assert list(result.events["event_id"]) == ["j1", "j2"]
    assert list(result.events["planned"]) == [False, True]
    assert result.events.loc[0, "char_end"] == 40
    assert dict(result.rejected) == {
        3: "latitude 'north' is not a number",
        4: "date '20210916' is not a date",
        5: "record is not an object",
    }


# ----------------------------------------------------------------------------- ACLED


@pytest.fixture(scope="module")
def acled() -> LoadResult:
    return load_events(DATA / "acled_afghanistan.csv")


def test_acled_detected_and_bad_rows_reported(acled):
    assert acled.format == "acled"
    assert read_counts(acled) == (10, 5, 5)
    reasons = dict(acled.rejected)
    assert sorted(reasons) == [6, 7, 8, 9, 10]
    assert "missing" in reasons[6]
    assert "269.7" in reasons[7]
    assert "'2021-13-45'" in reasons[8]
    assert "future" in reasons[9]
    assert "geo_precision '9'" in reasons[10]


def test_acled_crosswalk_keeps_acled_types(acled):
    events = acled.events.set_index("event_id")
    bomb = events.loc["AFG50002"]
    assert (bomb["category"], bomb["event_type"], bomb["sub_event_type"]) == (
        "armed_clash", "Explosions/Remote violence", "Suicide bomb")
    assert (bomb["cameo_code"], bomb["plover"]) == ("183", "ASSAULT")
    assert events.loc["AFG50003", "category"] == "diplomacy"
    assert events.loc["AFG50004", "category"] == "political"
    assert events.loc["AFG50010", "category"] == "military_deployment"


def test_acled_fields(acled):
    events = acled.events.set_index("event_id")
    bomb = events.loc["AFG50002"]
    assert bomb["quote"].startswith("On 26 August 2021, a suicide bomber")
    assert bomb["source"] == "ACLED; Reuters"
    assert bomb["magnitude"] == 170 and bomb["magnitude_unit"] == "fatalities"
    assert bomb["country"] == "AF"
    assert bomb["actors"] == "Islamic State (Afghanistan); Civilians (Afghanistan)"
    assert bomb["article_id"] == "acled_afghanistan"
    assert bomb["dataset"] == "ACLED"
    protest = events.loc["AFG50004"]
    assert protest["actors"] == "Protesters (Afghanistan); Women (Afghanistan)"


def test_acled_precisions(acled):
    events = acled.events.set_index("event_id")
    assert events.loc["AFG50001", ["time_precision", "geo_precision"]].tolist() == [
        "day", "exact"]
    # Month precision starts on the first of the month, as the contract asks.
    assert events.loc["AFG50003", ["event_date", "time_precision", "geo_precision"]].tolist() == [
        "2021-08-01", "month", "near"]
    assert events.loc["AFG50004", ["time_precision", "geo_precision"]].tolist() == [
        "week", "province"]
    assert events.loc["AFG50010", "event_date"] == "2021-08-15"  # "15 August 2021"


def test_acled_missing_columns(tmp_path):
    path = tmp_path / "acled.csv"
    path.write_text("event_id_cnty,event_date,latitude\nAFG1,2021-08-15,34\n")
    with pytest.raises(FormatError, match=r"acled\.csv.*\['event_type', 'longitude'\]"):
        load_events(path)


# ------------------------------------------------------------------------- UCDP GED


def test_ucdp_full_codebook_columns():
    result = load_events(DATA / "ucdp_ged_sample.csv")
    assert result.format == "ucdp"
    events = result.events.set_index("event_id")
    assert list(events.index) == [f"ucdp-23600{i}" for i in (1, 2, 3, 4, 6)]
    kunduz = events.loc["ucdp-236001"]
    assert kunduz[["event_date", "time_precision", "geo_precision", "country"]].tolist() == [
        "2016-10-03", "day", "exact", "AF"]
    assert kunduz["magnitude"] == 18 and kunduz["magnitude_unit"] == "deaths"
    assert kunduz["location"] == "Kunduz town"
    assert kunduz["quote"].startswith("Pajhwok Afghan News,2016-10-03")
    assert kunduz["source"] == "UCDP GED; Pajhwok Afghan News"
    assert events.loc["ucdp-236002", ["time_precision", "geo_precision", "country"]].tolist() == [
        "week", "district", "PK"]
    one_sided = events.loc["ucdp-236003"]
    assert one_sided[["category", "event_type", "event_date", "time_precision"]].tolist() == [
        "armed_clash", "Violence against civilians", "2016-07-01", "month"]
    assert events.loc["ucdp-236004", ["geo_precision", "time_precision"]].tolist() == [
        "country", "year"]
    # Swapped coordinates are caught by the latitude range.
    assert dict(result.rejected) == {
        6: "latitude 'NA' is not a number",
        8: "type_of_violence '4' is not 1, 2 or 3",
        9: "date '2016-02-30' is not a date",
    }


def test_ucdp_subset_with_year_only():
    result = load_events(DATA / "ucdp_subset_sample.csv")
    assert result.format == "ucdp"
    first = result.events.iloc[0]
    assert first[["event_date", "time_precision", "geo_precision", "category"]].tolist() == [
        "2001-01-01", "year", "near", "armed_clash"]
    assert first["magnitude"] == 10  # deaths_a + deaths_b + civilians + unknown
    assert result.rejected == [(4, "date '2011x-01-01' is not a date")]


REAL_UCDP = Path("/work/shared/data/events/ucdp_ged_afghanistan_pakistan_2001_2016.csv")


@pytest.mark.skipif(not REAL_UCDP.exists(), reason=f"real UCDP subset not present at {REAL_UCDP}")
def test_real_ucdp_subset_loads_every_event():
    result = load_events(REAL_UCDP)
    events = result.events
    assert result.format == "ucdp"
    assert result.rejected == []
    assert len(events) == 22_070
    assert events["latitude"].between(24.86, 37.67).all()
    assert events["longitude"].between(60.58, 74.59).all()
    assert events["country"].value_counts().to_dict() == {"AF": 18_127, "PK": 3_943}
    assert events["magnitude"].sum() == 129_046
    assert events["event_id"].is_unique
    validate_events(events)


# ---------------------------------------------------------------------------- GDELT


@pytest.fixture(scope="module")
def gdelt() -> LoadResult:
    return load_events(DATA / "20210827000000.export.CSV")


def test_gdelt_detected_without_header(gdelt):
    assert gdelt.format == "gdelt"
    assert dict(gdelt.rejected) == {
        5: "expected 61 fields, found 60",
        6: "no coordinates",
        7: "SQLDATE '2021082' is not YYYYMMDD",
    }


def test_gdelt_cameo_crosswalk_and_precision(gdelt):
    events = gdelt.events.set_index("event_id")
    call = events.loc["gdelt-1005000001"]
    assert call[["category", "cameo_code", "plover", "event_date"]].tolist() == [
        "meeting", "040", "CONSULT", "2021-08-25"]
    assert call[["geo_precision", "country", "location"]].tolist() == [
        "exact", "RU", "Moscow, Moskva, Russia"]  # FIPS RS is ISO RU
    assert call["source"] == "GDELT; https://example.org/putin-xi-call"
    assert call["actors"] == "RUSSIA; CHINA"
    assert events.loc["gdelt-1005000002", "category"] == "armed_clash"
    drills = events.loc["gdelt-1005000003"]
    assert drills[["category", "geo_precision", "country"]].tolist() == [
        "military_exercise", "province", "TJ"]  # FIPS TI is ISO TJ
    assert events.loc["gdelt-1005000004", ["category", "geo_precision"]].tolist() == [
        "diplomacy", "country"]


def test_gdelt_wrong_width_is_a_format_error(tmp_path):
    path = tmp_path / "old.export.CSV"
    path.write_text("\t".join(["1"] * 58) + "\n")
    with pytest.raises(FormatError, match="58 tab-separated columns"):
        load_events(path, format="gdelt")


# ------------------------------------------------------------------ detection, names


@pytest.mark.parametrize(("name", "fmt"), [
    ("geomap_events.csv", "geomap"), ("events.geojson", "geojson"), ("events.json", "json"),
    ("acled_afghanistan.csv", "acled"), ("ucdp_ged_sample.csv", "ucdp"),
    ("ucdp_subset_sample.csv", "ucdp"), ("20210827000000.export.CSV", "gdelt"),
])
def test_named_format_matches_detected(name, fmt):
    detected = load_events(DATA / name)
    named = load_events(DATA / name, format=fmt)
    assert detected.format == named.format == fmt
    pd.testing.assert_frame_equal(detected.events, named.events)


def test_wrong_named_format_names_missing_columns():
    with pytest.raises(FormatError, match=r"read as acled lacks required columns"):
        load_events(DATA / "ucdp_ged_sample.csv", format="acled")


@pytest.mark.parametrize("suffix", [".csv", ".geojson", ".json", ".parquet"])
@pytest.mark.parametrize("name", ["acled_afghanistan.csv", "ucdp_ged_sample.csv",
                                  "20210827000000.export.CSV"])
def test_dataset_tables_round_trip_as_geomap_tables(name, suffix, tmp_path):
    if suffix == ".parquet":
        pytest.importorskip("pyarrow", reason="Parquet needs the parquet extra (pyarrow)")
    events = load_events(DATA / name).events
    again = load_events(save_events(events, tmp_path / f"events{suffix}"))
    assert again.format in ("geomap", "geojson", "json", "parquet")
    assert again.rejected == []
    pd.testing.assert_frame_equal(again.events, events)


# ------------------------------------------------------------------ property tests

_NAMES = ["event_id", "event_date", "latitude", "longitude", "category", "event_id_cnty",
          "event_type", "sub_event_type", "where_prec", "id", "year", "date_start", "date_prec",
          "side_a", "side_b", "time_precision", "geo_precision", "type_of_violence", "planned",
          "char_start", "iso", "country", "best", "deaths_a", "fatalities", "assoc_actor_1",
          "globaleventid", "sqldate", "eventcode", "actiongeo_type", "actiongeo_lat",
          "actiongeo_long", "x"]
_FORMATS = [None, "geomap", "geojson", "json", "parquet", "acled", "ucdp", "gdelt"]


def _load_or_geomap_error(data: bytes, fmt: str | None, suffix: str = ".csv") -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        try:
            result = load_events(path, format=fmt)
        except GeomapError:
            return
        assert result.n_read == result.n_accepted + result.n_rejected
        assert result.events["latitude"].dropna().between(-90, 90).all()
        assert result.events["longitude"].dropna().between(-180, 180).all()


@settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=400), fmt=st.sampled_from(_FORMATS))
def test_readers_raise_only_geomap_errors_on_bytes(data, fmt):
    _load_or_geomap_error(data, fmt)


_CELL = st.one_of(st.text(max_size=12), st.sampled_from(
    ["", "nan", "NaN", "inf", "-1e400", "91", "34.5", "69.2", "2021-08-25", "20210825",
     "15 August 2021", "9999-12-31", "0001-01-01", "1", "2", "7", "true", '"', "\t", "\r"]))


@settings(max_examples=200, deadline=None)
@given(header=st.lists(st.sampled_from(_NAMES), min_size=1, max_size=8),
       rows=st.lists(st.lists(_CELL, max_size=9), max_size=6),
       fmt=st.sampled_from(_FORMATS))
def test_readers_raise_only_geomap_errors_on_csv_text(header, rows, fmt):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    _load_or_geomap_error(buffer.getvalue().encode("utf-8"), fmt)


_JSON_VALUE = st.recursive(
    st.none() | st.booleans() | st.floats() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(_NAMES), inner,
                                                                max_size=4),
    max_leaves=12)


@settings(max_examples=150, deadline=None)
@given(value=_JSON_VALUE, as_features=st.booleans())
def test_json_readers_raise_only_geomap_errors(value, as_features):
    if as_features:
        value = {"type": "FeatureCollection", "features": value if isinstance(value, list) else [
            {"type": "Feature", "geometry": value, "properties": value}]}
    data = json.dumps(value).encode("utf-8")
    _load_or_geomap_error(data, None, ".geojson" if as_features else ".json")


# ------------------------------------------------------------------------- the docs

DOCS = Path(__file__).parents[1] / "docs" / "formats.md"


def test_docs_show_the_crosswalk_tables_the_code_uses():
    text = DOCS.read_text(encoding="utf-8")
    for sub, (category, cameo, plover) in ACLED_SUB_EVENTS.items():
        assert f"| {sub} | `{category}` | {cameo} | {plover} |" in text
    for root, (category, plover) in CAMEO_ROOTS.items():
        assert f"| `{category}` | {plover} |" in text and f"| {root} |" in text
    for code, word in UCDP_GEO_PRECISION.items():
        assert f"| {code} | `{word}` |" in text
    assert ", ".join(GDELT_COLUMNS) in " ".join(text.replace("`", "").split())


@pytest.mark.parametrize("data", [b"\x01\r\x01", b"a,b\rc\n1,2\n", b'"unclosed,\n1,2\n',
                                  b"latitude,longitude,where_prec,id,year\n"])
def test_found_by_hypothesis(data):
    _load_or_geomap_error(data, None)


@settings(max_examples=150, deadline=None)
@given(cells=st.lists(_CELL, min_size=61, max_size=61), rows=st.integers(1, 3),
       fmt=st.sampled_from([None, "gdelt"]))
def test_gdelt_reader_raises_only_geomap_errors(cells, rows, fmt):
    line = "\t".join(c.replace("\t", " ").replace("\n", " ").replace("\r", " ") for c in cells)
    _load_or_geomap_error(((line + "\n") * rows).encode("utf-8"), fmt, ".export.CSV")


# ------------------------------------------------------------ compressed, atomic


def test_zipped_gdelt_and_gzipped_acled(tmp_path, gdelt, acled):
    zipped = tmp_path / "20210827000000.export.CSV.zip"
    with zipfile.ZipFile(zipped, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(DATA / "20210827000000.export.CSV", "20210827000000.export.CSV")
    from_zip = load_events(zipped)
    assert from_zip.format == "gdelt" and from_zip.rejected == gdelt.rejected
    pd.testing.assert_frame_equal(from_zip.events.drop(columns="article_id"),
                                  gdelt.events.drop(columns="article_id"))
    gzipped = tmp_path / "acled.csv.gz"
    gzipped.write_bytes(gzip.compress((DATA / "acled_afghanistan.csv").read_bytes()))
    assert read_counts(load_events(gzipped)) == read_counts(acled)


def test_zip_of_several_files_is_refused(tmp_path):
    path = tmp_path / "two.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a.csv", "event_id,event_date,latitude,longitude\n")
        archive.writestr("b.csv", "event_id,event_date,latitude,longitude\n")
    with pytest.raises(InputError, match=r"two\.zip.*2 files"):
        load_events(path)


def test_failed_write_leaves_old_file_and_no_temporary(geomap_result, tmp_path, monkeypatch):
    target = tmp_path / "events.csv"
    target.write_text("old\n")

    def disk_full(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("geomap._io.os.replace", disk_full)
    with pytest.raises(ExportError, match="No space left"):
        save_events(geomap_result.events, target)
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["events.csv"]


@pytest.mark.parametrize("suffix", [".csv", ".geojson", ".json", ".parquet"])
def test_save_tolerates_odd_extra_columns(geomap_result, tmp_path, suffix):
    if suffix == ".parquet":
        pytest.importorskip("pyarrow", reason="Parquet needs the parquet extra (pyarrow)")
    events = geomap_result.events.assign(
        seen=pd.Timestamp("2021-08-25"), mixed=[1, "a", [1, 2]], count=np.int64(5))
    again = load_events(save_events(events, tmp_path / f"odd{suffix}")).events
    assert list(again["event_id"]) == ["e1", "e2", "e3"]
    assert "mixed" in again.columns
