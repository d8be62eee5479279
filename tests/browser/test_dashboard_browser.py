"""The served dashboard in headless Chromium, driven as a user would.

The page loads with no script errors, the map draws the seed's events, a filter
changes both the map and the table, a pasted article adds events, the CSV
download holds the filtered rows, and hostile text from an event table shows
as text without running. One server per module (each browser session gets its
own dashboard, so tests do not see each other's changes).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pandas as pd
import pytest
from conftest import start_dashboard
from playwright.sync_api import expect

from geomap.articles import article_from_text
from geomap.extract import events_from_article
from geomap.filters import filter_mask

# The events table is the Tabulator with an `actors` column (the pending-article
# and place-review tables have none).
EVENTS_TABLE = ".tabulator:has(.tabulator-col[tabulator-field='actors'])"
CLOSED_SOCKET = ("WebSocketClosedError", "StreamClosedError")
VISIBLE = "document.documentElement.getAttribute('data-geomap-visible')"

ARTICLE = (
    "Ukrainian troops held military drills near Kharkiv on Monday, the defence ministry said.\n"
    "Thousands of residents fled across the border into Poland as fighting intensified near "
    "Lviv.\n"
    "The foreign ministers of Poland and Lithuania met in Warsaw on Tuesday to discuss aid.\n"
)
PUBLISHED = "2022-03-02"
ARTICLE_SOURCE = "Test Wire"

HOSTILE_QUOTE = '</script><script>window.__pwned=1</script><b>bold quote</b>'
HOSTILE_LOCATION = '"><img src=x onerror=window.__pwned=2>'
HOSTILE_ACTORS = "<script>window.__pwned=3</script>; javascript:alert(1)"
HOSTILE_FILE = "<img src=x onerror=window.__pwned=4>.csv"
HOSTILE_ARTICLE = ("Taliban fighters clashed with government forces in Kandahar on Monday, "
                   '<script>window.__pwned=6</script> witnesses said "><img src=x '
                   'onerror=window.__pwned=7>.\n')


# ---- the served app ----------------------------------------------------------------------
class Server:
    """A ``geomap serve`` process whose output each test checks for errors.

    Panel logs a callback's error on the server instead of showing it in the
    page, so a test also fails when the server logged one meanwhile.
    """

    def __init__(self, *args: str) -> None:
        self.process = start_dashboard(*args)
        self.url = self.process.url

    @property
    def lines(self) -> list[str]:
        """Everything the server has printed so far, line by line."""
        return self.process.output().splitlines(keepends=True)

    def errors_since(self, mark: int) -> str:
        """Return the errors the server logged after line ``mark`` ("" when none).

        Writes to a socket the previous test's page closed are not errors of the app.
        """
        text = "".join(self.lines[mark:])
        blocks = re.split(r"\n(?=\S[^\n]*ERROR)", text)
        return "\n".join(block for block in blocks
                         if ("Traceback" in block or "ERROR" in block)
                         and not any(benign in block for benign in CLOSED_SOCKET))

    def stop(self) -> None:
        self.process.stop()


@pytest.fixture(scope="module")
def seed_server():
    server = Server()
    yield server
    server.stop()


@pytest.fixture()
def seed(seed_server, page):
    """The seed dashboard's URL; the test fails if the server logged an error meanwhile."""
    mark = len(seed_server.lines)
    yield seed_server.url
    assert page.errors == []
    assert not seed_server.errors_since(mark), seed_server.errors_since(mark)


# ---- helpers -------------------------------------------------------------------------
def map_frame(page):
    """Return the map iframe's frame once its map is drawn."""
    frame = page.locator("iframe.geomap-frame").element_handle().content_frame()
    frame.wait_for_selector("html[data-geomap-ready]", state="attached")
    return frame


def open_dashboard(page, url):
    """Load the dashboard; return the map's frame."""
    page.goto(url)
    return map_frame(page)


def wait_visible(frame, count: int) -> None:
    """Wait until the map shows ``count`` events (after a filter)."""
    frame.wait_for_function(f"{VISIBLE} === String({count})", timeout=10_000)


def table_rows(page):
    return page.locator(f"{EVENTS_TABLE} .tabulator-row")


def column(page, field: str) -> list[str]:
    cells = page.locator(f"{EVENTS_TABLE} .tabulator-cell[tabulator-field='{field}']")
    return cells.all_inner_texts()


def wait_rows(page, count: int) -> None:
    """Wait until the events table's page holds ``count`` rows (pages hold up to 15)."""
    expect(table_rows(page)).to_have_count(min(count, 15), timeout=10_000)


def widget(page, label: str):
    """The input group (label and input) of the sidebar widget with this label."""
    return page.locator(f".bk-input-group:has(> label:text-is('{label}'))")


def choose(page, label: str, option: str) -> None:
    """Pick one option of a MultiChoice, as a user does: open the list and click it."""
    group = widget(page, label)
    group.locator("input.choices__input--cloned").click()
    group.locator(".choices__item--choice", has_text=option).first.click()
    page.keyboard.press("Escape")


def pick_date(page, label: str, iso: str) -> None:
    """Choose a day in a DatePicker's calendar."""
    year, month, day = (int(part) for part in iso.split("-"))
    widget(page, label).locator("input.form-control").click()
    calendar = page.locator(".flatpickr-calendar.open")
    calendar.locator("select.flatpickr-monthDropdown-months").select_option(str(month - 1))
    calendar.locator("input.cur-year").fill(str(year))
    calendar.locator("input.cur-year").press("Enter")
    calendar.locator(".flatpickr-day:not(.prevMonthDay):not(.nextMonthDay)").get_by_text(
        str(day), exact=True).click()


def search(page, words: str) -> None:
    page.get_by_placeholder("words in the sentence").fill(words)


# ---- the seed dashboard ----------------------------------------------------------------
def test_loads_and_draws_the_seed_without_errors(page, seed, seed_events):
    frame = open_dashboard(page, seed)
    placed = int(seed_events["latitude"].notna().sum())
    assert frame.evaluate("geomap.instances.map.points.table.n") == len(seed_events)
    assert frame.evaluate("geomap.instances.map.points.visibleCount") == len(seed_events)
    assert int(frame.get_attribute("canvas.geomap-points", "data-drawn")) == placed
    wait_rows(page, len(seed_events))
    assert page.get_by_text(f"{len(seed_events)} of {len(seed_events)} events").count() == 1
    assert page.errors == []


def test_search_changes_map_and_table(page, seed, seed_events):
    frame = open_dashboard(page, seed)
    expected = int(filter_mask(seed_events, text="drills").sum())
    assert 0 < expected < len(seed_events)
    search(page, "drills")
    wait_visible(frame, expected)
    wait_rows(page, expected)
    assert all("drills" in quote.lower() for quote in column(page, "quote"))
    assert frame.evaluate("geomap.instances.map.points.visibleCount") == expected
    search(page, "")
    wait_visible(frame, len(seed_events))
    wait_rows(page, len(seed_events))
    assert page.errors == []


def test_event_type_changes_map_and_table(page, seed, seed_events):
    frame = open_dashboard(page, seed)
    expected = int(seed_events["category"].eq("meeting").sum())
    choose(page, "Event type", "meeting")
    wait_visible(frame, expected)
    wait_rows(page, expected)
    assert set(column(page, "category")) == {"meeting"}
    placed = int((seed_events["category"].eq("meeting") & seed_events["latitude"].notna()).sum())
    assert frame.get_attribute("html", "data-geomap-drawn") == str(placed)
    assert page.errors == []


def test_csv_download_holds_the_filtered_rows(page, seed, seed_events):
    frame = open_dashboard(page, seed)
    wanted = seed_events[seed_events["category"].eq("meeting")]
    choose(page, "Event type", "meeting")
    wait_visible(frame, len(wanted))
    with page.expect_download() as info:
        page.get_by_role("button", name="Events (CSV)").click()
    download = info.value
    assert download.suggested_filename.endswith(".csv")
    got = pd.read_csv(io.BytesIO(Path(download.path()).read_bytes()), dtype=str,
                      keep_default_na=False)
    assert {"event_id", "category", "quote", "latitude", "longitude"} <= set(got.columns)
    assert sorted(got["event_id"]) == sorted(wanted["event_id"])
    assert set(got["category"]) == {"meeting"}
    assert page.errors == []


def add_article(page, text: str, *, published: str, source: str = "") -> None:
    """Paste an article, set its date and source, extract its events and keep them."""
    page.get_by_placeholder("Paste an article here").fill(text)
    pick_date(page, "Published", published)
    if source:
        widget(page, "Source (outlet or URL)").locator("input").fill(source)
        page.keyboard.press("Tab")
    page.get_by_role("button", name="Extract events").click()
    keep = page.get_by_role("button", name="Keep")
    keep.wait_for(state="visible", timeout=30_000)
    keep.click()


def check_article_added(page, seed_events, published: str) -> None:
    extracted = events_from_article(article_from_text(ARTICLE, published=published,
                                                      source=ARTICLE_SOURCE))
    assert len(extracted) >= 2 and "Warsaw" in set(extracted["location"])
    total = len(seed_events) + len(extracted)
    add_article(page, ARTICLE, published=published, source=ARTICLE_SOURCE)
    page.get_by_text(f"{total} of {total} events").wait_for(timeout=10_000)
    assert page.get_by_role("checkbox", name=ARTICLE_SOURCE).is_checked()
    frame = map_frame(page)  # the map page is re-sent once when the data change
    frame.wait_for_function(f"geomap.instances.map.points.table.n === {total}")
    search(page, "Warsaw")
    warsaw = int(extracted["quote"].str.contains("Warsaw").sum())
    wait_visible(frame, warsaw)
    wait_rows(page, warsaw)
    assert "Warsaw" in column(page, "location")
    assert set(column(page, "event_date")) <= set(extracted["event_date"])


def test_pasted_article_adds_events(page, seed, seed_events):
    open_dashboard(page, seed)
    check_article_added(page, seed_events, "2021-09-08")
    assert page.errors == []


def test_article_of_another_year_adds_events(page, seed, seed_events):
    """An article dated after the loaded events widens the date range (found broken)."""
    open_dashboard(page, seed)
    check_article_added(page, seed_events, PUBLISHED)
    assert page.errors == []


# ---- hostile input ------------------------------------------------------------------------
@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    rows = pd.DataFrame({
        "event_id": ["h1", "h2", "h3"],
        "category": ["armed_clash", "meeting", "diplomacy"],
        # wide enough that the hostile article's event (2021-08-23) lies inside
        "event_date": ["2021-08-01", "2021-08-21", "2021-09-30"],
        "time_precision": ["day", "day", "day"],
        "latitude": ["34.5", "36.7", ""],
        "longitude": ["69.2", "67.1", ""],
        "location": [HOSTILE_LOCATION, "Mazar-i-Sharif", HOSTILE_LOCATION],
        "actors": [HOSTILE_ACTORS, "Taliban", HOSTILE_ACTORS],
        "quote": [HOSTILE_QUOTE, "Plain sentence about a meeting.", HOSTILE_QUOTE],
        "source": ["<script>window.__pwned=5</script>", "wire", "wire"],
    })
    path = folder / HOSTILE_FILE
    path.write_text(rows.to_csv(index=False), encoding="utf-8")
    server = Server("--events", str(path))
    yield server
    server.stop()


@pytest.fixture()
def hostile_url(hostile_server, page):
    mark = len(hostile_server.lines)
    yield hostile_server.url
    assert page.errors == []
    assert not hostile_server.errors_since(mark), hostile_server.errors_since(mark)


def test_hostile_event_table_shows_as_text(page, hostile_url):
    frame = open_dashboard(page, hostile_url)
    wait_rows(page, 3)
    quotes = column(page, "quote")
    assert quotes.count(HOSTILE_QUOTE) == 2
    assert HOSTILE_LOCATION in column(page, "location")
    assert any(HOSTILE_ACTORS in actors for actors in column(page, "actors"))
    assert page.get_by_text(HOSTILE_FILE, exact=True).count() >= 1  # the source's checkbox
    # The map's popups and the list of events without a place build text nodes too.
    frame.click(".geomap-unplaced-toggle")
    assert HOSTILE_QUOTE in frame.inner_text(".geomap-unplaced-list")
    search(page, "bold quote")
    wait_visible(frame, 2)
    assert page.evaluate("window.__pwned") is None
    assert frame.evaluate("window.__pwned") is None
    assert page.errors == []


def test_hostile_article_text_shows_as_text(page, hostile_url):
    open_dashboard(page, hostile_url)
    page.get_by_placeholder("Paste an article here").fill(HOSTILE_ARTICLE)
    pick_date(page, "Published", "2021-08-25")
    page.get_by_role("button", name="Extract events").click()
    keep = page.get_by_role("button", name="Keep")
    keep.wait_for(state="visible", timeout=30_000)
    pending = page.locator(".tabulator:has(.tabulator-col[tabulator-field='quote'])"
                           ":not(:has(.tabulator-col[tabulator-field='actors']))")
    # The table may render its rows a moment after the button shows: wait for the cell.
    expect(pending.locator(".tabulator-cell", has_text="<script>window.__pwned=6</script>")
           ).not_to_have_count(0, timeout=10_000)
    keep.click()
    search(page, "Kandahar")
    expect(page.locator(f"{EVENTS_TABLE} .tabulator-cell[tabulator-field='quote']",
                        has_text="onerror=window.__pwned=7")).to_have_count(1)
    assert page.evaluate("window.__pwned") is None
    assert map_frame(page).evaluate("window.__pwned") is None
    assert page.errors == []


def test_csv_download_is_csv(page, hostile_url):
    """The download of hostile rows is still a well-formed CSV with the text intact."""
    open_dashboard(page, hostile_url)
    with page.expect_download() as info:
        page.get_by_role("button", name="Events (CSV)").click()
    got = pd.read_csv(io.BytesIO(Path(info.value.path()).read_bytes()), dtype=str,
                      keep_default_na=False)
    assert sorted(got["quote"]) == sorted([HOSTILE_QUOTE, HOSTILE_QUOTE,
                                           "Plain sentence about a meeting."])
    assert page.errors == []
