"""The exported map in a real browser with no network: it draws, filters and escapes."""

from __future__ import annotations

import pytest

from geomap.export import save_html
from geomap.mapping import map_from_events


@pytest.fixture()
def open_map(page, tmp_path):
    def _open(events, **kwargs):
        path = save_html(map_from_events(events, **kwargs), tmp_path / "map.html")
        page.goto(path.as_uri())
        page.wait_for_selector("html[data-geomap-ready]")
        return page
    return _open


def drawn(page) -> int:
    return int(page.get_attribute("canvas.geomap-points", "data-drawn"))


def test_seed_map_draws_offline(open_map, seed_events):
    page = open_map(seed_events)
    placed = int(seed_events["latitude"].notna().sum())
    assert drawn(page) == placed
    assert page.locator(".geomap-crossing-icon").count() >= 17
    assert page.locator(".geomap-arrow").count() == 2
    assert page.locator(".leaflet-control-layers").count() == 1
    assert "10 events without a place" in page.inner_text(".geomap-unplaced")
    assert page.is_visible(".geomap-tile-notice")  # tiles are the one online part
    assert page.errors == []


def test_legend_filters_categories(open_map, seed_events):
    page = open_map(seed_events)
    before = drawn(page)
    page.uncheck('input[data-category="political"]')
    political = int((seed_events["category"].eq("political") & seed_events["latitude"].notna()).sum())
    assert drawn(page) == before - political


def test_time_window_hides_events_outside(open_map, seed_events):
    page = open_map(seed_events)
    before = drawn(page)
    page.locator(".geomap-time input").first.evaluate(
        "(el) => { el.value = el.max; el.dispatchEvent(new Event('input')); }")
    assert drawn(page) < before
    assert "2021-12-31 \u2013 2021-12-31" in page.inner_text(".geomap-time-label")


def test_popup_shows_the_quote(open_map, seed_events):
    page = open_map(seed_events[seed_events["category"] == "military_exercise"])
    page.locator(".leaflet-container").click(position=_point_position(page))
    page.wait_for_selector(".geomap-popup")
    text = page.inner_text(".geomap-popup")
    assert "counter-terrorism drills" in text and "week of 2021-08-16" in text


def _point_position(page) -> dict:
    return page.evaluate("""() => {
        const inst = Object.values(geomap.instances)[0], t = inst.points.table;
        const p = inst.map.latLngToContainerPoint([t.lat[0], t.lon[0]]);
        return {x: p.x, y: p.y};
    }""")


def test_hostile_text_never_runs(open_map, hostile_events):
    page = open_map(hostile_events)
    page.locator(".leaflet-container").click(position=_point_position(page))
    page.wait_for_selector(".geomap-popup")
    assert page.evaluate("window.__pwned") is None
    assert "</script><script>window.__pwned=1</script>" in page.inner_text(".geomap-popup")
    page.click(".geomap-unplaced-toggle")
    assert "onerror=window.__pwned=3" in page.inner_text(".geomap-unplaced-list")
    assert page.evaluate("window.__pwned") is None
    assert page.errors == []


def test_png_export(tmp_path, seed_events):
    from geomap.export import save_png

    out = save_png(map_from_events(seed_events, tiles=None), tmp_path / "map.png", width=800,
                   height=600)
    data = out.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 10_000
    assert [p.name for p in tmp_path.iterdir()] == ["map.png"]
