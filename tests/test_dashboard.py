"""The dashboard's objects, built without a browser: filters, table, map, sources, downloads."""

from __future__ import annotations

import asyncio
import concurrent.futures
import datetime as dt
import json

import pandas as pd
import pytest

pn = pytest.importorskip("panel")

from geomap.serve import load_dashboard  # noqa: E402
from geomap.store import EventStore, events_download, load_upload  # noqa: E402


def run_callback(callback) -> None:
    """Run an async widget callback to its end, as Panel's event loop would.

    On its own thread: Playwright's sync API (the browser tests) may already
    run an event loop on this one.
    """
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, callback(None)).result()


@pytest.fixture(scope="module")
def dashboard_module():
    return load_dashboard()


@pytest.fixture()
def dash(dashboard_module, seed_events):
    return dashboard_module.Dashboard(EventStore(sources={"seed": seed_events}))


def test_opens_on_the_seed_article(dashboard_module):
    app = dashboard_module.create_app()
    dash = app.dashboard
    assert len(dash.table.value) == 20 and dash.mapview.shown is None
    assert "geomap.pointsLayer" in dash.mapview.html
    assert dashboard_module.SEED_SOURCE in dash.sources.options


def test_filter_changes_table_and_map_without_rebuilding(dash):
    html = dash.mapview.html
    dash.category.value = ["meeting"]
    assert set(dash.table.value["category"]) == {"meeting"}
    assert len(dash.mapview.shown) == 4
    assert dash.mapview.html is html  # only positions travel, not the map
    dash.category.value = []
    assert dash.mapview.shown is None


def test_text_date_and_source_filters(dash):
    dash.text.value_input = "drills"
    assert dash.table.value["category"].tolist() == ["military_exercise"]
    dash.text.value_input = ""
    dash.dates.value = (dt.date(2021, 8, 24), dt.date(2021, 8, 25))
    assert set(dash.table.value["event_date"]) <= {"2021-08-24", "2021-08-25", "2021-08-01",
                                                   "2021-01-01"}
    dash.sources.value = []
    assert len(dash.table.value) == 0 and dash.mapview.shown == []


def test_selecting_rows_zooms_to_them(dash):
    dash.category.value = ["meeting"]
    dash.table.selection = [1]
    assert dash.mapview.zoom == [dash.table.value.index[1]]


def test_pasted_article_is_previewed_then_kept(dash, seed_text):
    dash.article_text.value = seed_text
    dash.article_date.value = dt.date(2021, 8, 25)
    dash.article_source.value = "Pasted"
    run_callback(dash._on_extract)
    assert dash.pending.visible and len(dash.pending.value) > 0
    before = len(dash.store.events)
    dash._on_keep(None)
    assert len(dash.store.events) > before and "Pasted" in dash.sources.options
    assert "Pasted" in dash.sources.value and not dash.pending.visible


def test_article_without_text_shows_an_alert(dash):
    dash.article_text.value = "   "
    run_callback(dash._on_extract)
    assert dash.alert.visible and dash.alert.object


def test_uploaded_table_adds_a_source(dash, tmp_path):
    data = events_download(dash.store.events.head(3), suffix=".csv")
    dash.table_file.filename = "../../etc/passwd.csv"
    dash.table_file.value = data
    assert "passwd.csv (geomap): read 3, accepted 3" in dash.notice.object
    assert len(dash.store.events) == 23


def test_bad_upload_shows_an_alert(dash):
    dash.table_file.filename = "junk.csv"
    dash.table_file.value = b"\x00\x01binary\x00"
    assert dash.alert.visible and "junk.csv" in dash.alert.object


def test_downloads_return_files(dash):
    dash.category.value = ["meeting"]
    table = pd.read_csv(dash.download_csv.callback(), keep_default_na=False)
    assert len(table) == 4 and set(table["category"]) == {"meeting"}
    geo = json.loads(dash.download_geojson.callback().getvalue())
    assert len(geo["features"]) == 4
    html = dash.download_map.callback().getvalue()
    assert html.startswith("<!DOCTYPE html>") and "geomap.pointsLayer" in html


def test_upload_name_never_becomes_a_path(tmp_path):
    data = b"event_id,event_date,latitude,longitude\n1,2021-08-25,34.5,69.2\n"
    result = load_upload(data, filename="../../../../tmp/evil.csv")
    assert str(result.path) == "evil.csv"
    assert not (tmp_path / "evil.csv").exists()


def test_place_review_corrects_every_event_and_remembers(dash, dashboard_module):
    names = dash.places.value["name"].tolist()
    row = names.index("Dushanbe")
    dash.places.selection = [row]
    assert dash.place_name.value == "Dushanbe"
    assert any("TJ" in label for label in dash.place_candidate.options)
    dash.place_lat.value, dash.place_lon.value = 38.5, 68.8
    dash._on_correct(None)
    used = dash.store.events["location"].eq("Dushanbe") | dash.store.events["origin_name"].eq("Dushanbe")
    assert (dash.store.events.loc[dash.store.events["location"].eq("Dushanbe"), "latitude"] == 38.5).all()
    assert dash.store.events.loc[used, "flags"].str.contains("place_corrected").all()
    # A new session (same user data folder) applies the saved correction.
    fresh = dashboard_module.Dashboard(EventStore(sources={"seed": dash.store.sources["seed"]}))
    assert (fresh.store.events.loc[fresh.store.events["location"].eq("Dushanbe"), "longitude"] == 68.8).all()


def test_correction_needs_a_point(dash):
    # Nothing chosen yet: the coordinates start empty, and correcting says what is missing.
    assert dash.place_lat.value is None and dash.place_lon.value is None
    dash.place_name.value = "Somewhere"
    dash._on_correct(None)
    assert dash.alert.visible and "Somewhere" in dash.alert.object


def test_filters_update_the_rendered_bokeh_models(dash):
    # Building the models validates every property the browser receives
    # (a parameter named like a Bokeh property once broke every filter).
    root = dash.main().get_root()
    dash.category.value = ["meeting"]
    dash.text.value_input = "Dushanbe"
    assert dash.mapview.shown is not None
    assert root.select_one({"type": type(dash.mapview._models[root.ref["id"]][0])}) is not None


def test_adding_events_outside_the_date_range(dash, seed_events):
    later = seed_events.head(2).assign(event_date="2022-03-01", event_id=["x1", "x2"])
    dash.store.add_source("later", later)
    assert dash.dates.value[1].isoformat() >= "2022-03-01"
    assert len(dash.table.value) == 22
