"""Reviewing places in the served dashboard: pick a name, correct it, see the map move."""

from __future__ import annotations

from playwright.sync_api import expect


def test_correcting_a_place_moves_its_events(page, dashboard_url):
    page.goto(dashboard_url)
    page.wait_for_selector("iframe.geomap-frame")
    page.get_by_text("Places", exact=True).click()
    cell = page.locator('.tabulator-cell[tabulator-field="name"]', has_text="Dushanbe").first
    cell.wait_for()
    cell.click()
    # The first lookup may wait for the gazetteer index to be built.
    page.locator("option", has_text="Dushanbe (city, TJ)").first.wait_for(state="attached",
                                                                          timeout=90_000)
    expect(page.get_by_label("Latitude")).to_have_value("38.53575")
    latitude = page.get_by_label("Latitude")
    latitude.fill("38.6")
    latitude.press("Enter")
    page.get_by_role("button", name="Correct every event using this name").click()
    page.get_by_text("saved for next time").wait_for(timeout=60_000)
    frame = page.frame_locator("iframe.geomap-frame")
    frame.locator("html[data-geomap-ready]").wait_for(state="attached")
    lats = page.frame(url="about:srcdoc").evaluate(
        "Array.from(Object.values(geomap.instances)[0].points.table.lat)")
    assert 38.6 in lats
    assert page.errors == []
