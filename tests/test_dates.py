"""Temporal expressions resolved against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geomap.dates import (
    ResolvedDate,
    anchor_mentions,
    find_date_mentions,
    period_end,
    resolve_mention,
    resolve_text,
)

PUB = "2021-08-25"  # a Wednesday


@pytest.mark.parametrize("text, date, precision, planned", [
    ("on Wednesday", "2021-08-25", "day", False),
    ("In a Wednesday phone call", "2021-08-25", "day", False),
    ("on Tuesday", "2021-08-24", "day", False),
    ("on Monday", "2021-08-23", "day", False),
    ("on Thursday", "2021-08-19", "day", False),
    ("last week", "2021-08-16", "week", False),
    ("on Monday of last week", "2021-08-16", "day", False),
    ("on November 13 last year", "2020-11-13", "day", False),
    ("Friday morning of last week", "2021-08-20", "day", False),
    ("this week", "2021-08-23", "week", False),
    ("next week", "2021-08-30", "week", True),
    ("earlier this month", "2021-08-01", "month", False),
    ("this month", "2021-08-01", "month", False),
    ("later this month", "2021-08-01", "month", True),
    ("last month", "2021-07-01", "month", False),
    ("next month", "2021-09-01", "month", True),
    ("on August 15", "2021-08-15", "day", False),
    ("on 15 August", "2021-08-15", "day", False),
    ("Aug. 15", "2021-08-15", "day", False),
    ("August 18, 2021", "2021-08-18", "day", False),
    ("2021-08-18", "2021-08-18", "day", False),
    ("on September 3", "2020-09-03", "day", False),
    ("in July", "2021-07-01", "month", False),
    ("in May 2020", "2020-05-01", "month", False),
    ("in 2019", "2019-01-01", "year", False),
    ("over the past 10 days", "2021-08-01", "month", False),
    ("in the past two days", "2021-08-23", "week", False),
    ("over the past month", "2021-08-01", "month", False),
    ("yesterday", "2021-08-24", "day", False),
    ("today", "2021-08-25", "day", False),
    ("tomorrow", "2021-08-26", "day", True),
    ("two days ago", "2021-08-23", "day", False),
    ("three weeks ago", "2021-08-02", "week", False),
    ("last year", "2020-01-01", "year", False),
    ("last Wednesday", "2021-08-18", "day", False),  # in a Wednesday paper: a week back
    ("last Monday", "2021-08-23", "day", False),
])
def test_expressions(text, date, precision, planned):
    resolved = resolve_text(text, PUB)
    assert resolved is not None, text
    assert (resolved.date, resolved.precision, resolved.planned) == (date, precision, planned)


def test_future_tense_points_weekdays_and_dates_forward():
    assert resolve_text("on Friday", PUB, future=True) == ResolvedDate("2021-08-27", "day", True)
    assert resolve_text("on Wednesday", PUB, future=True).date == "2021-08-25"
    assert resolve_text("on Tuesday", PUB, future=True).date == "2021-08-31"
    assert resolve_text("on September 3", PUB, future=True).date == "2021-09-03"


@pytest.mark.parametrize("text", ["since 2012", "from 1996 until 2001", "the civil war of the 1990s",
                                  "its 18-year-long insurgency", "a 12-year-old boy"])
def test_background_expressions_date_no_event(text):
    mentions = find_date_mentions(text)
    assert mentions and all(m.background for m in mentions)
    assert resolve_text(text, PUB) is None


def test_vague_recency_is_month_and_loses_to_anything_precise():
    assert resolve_text("Earlier, the minister said", PUB) == ResolvedDate(
        "2021-08-01", "month", False, True)
    assert resolve_text("More recently, drills took place last week", PUB).precision == "week"


def test_month_and_weekday_names_must_be_capitalised():
    assert find_date_mentions("it may rain; troops march on") == []
    assert find_date_mentions("a monday meeting") == []


def test_without_publication_date_only_absolute_expressions_resolve():
    assert resolve_text("on Wednesday", None) is None
    assert resolve_text("last month", None) is None
    assert resolve_text("August 18, 2021", None).date == "2021-08-18"
    assert resolve_text("in 2019", None).date == "2019-01-01"


def test_invalid_calendar_dates_are_ignored():
    assert resolve_text("February 30, 2021", PUB) is None


def test_offsets_slice_back():
    text = "On Monday, the CSTO met; since 2012 it grew. Next month it meets."
    for m in find_date_mentions(text):
        assert text[m.start:m.end] == m.text


@pytest.mark.parametrize("date, precision, end", [
    ("2021-08-25", "day", "2021-08-25"), ("2021-08-16", "week", "2021-08-22"),
    ("2021-02-01", "month", "2021-02-28"), ("2021-12-01", "month", "2021-12-31"),
    ("2021-01-01", "year", "2021-12-31"),
])
def test_period_end(date, precision, end):
    assert period_end(date, precision).isoformat() == end


@given(st.text(max_size=300), st.dates(min_value=dt.date(1900, 1, 1),
                                       max_value=dt.date(2099, 12, 31)), st.booleans())
def test_never_raises_and_dates_are_iso(text, published, future):
    for mention in find_date_mentions(text):
        assert text[mention.start:mention.end] == mention.text
        resolved = resolve_mention(mention, published, future=future)
        if resolved is not None:
            dt.date.fromisoformat(resolved.date)
            assert resolved.precision in ("day", "week", "month", "year")


@pytest.mark.parametrize(
    ("text", "date"),
    [("In September last year", "2021-09-01"), ("in March this year", "2022-03-01"),
     ("in June next year", "2023-06-01")],
)
def test_month_with_a_relative_year(text, date):
    (mention,) = find_date_mentions(text)
    resolved = resolve_mention(mention, "2022-10-22")
    assert (resolved.date, resolved.precision) == (date, "month")


def anchored(text, published="2025-10-03"):
    """Each anchored mention's text and the day it resolves to."""
    found = anchor_mentions(find_date_mentions(text), published, text=text)
    return [(m.text, resolve_mention(m, published).date) for m in found]


@pytest.mark.parametrize(("sequel", "day"), [
    ("that evening", "2025-09-13"), ("The next morning", "2025-09-14"),
    ("Two days later", "2025-09-15"), ("the day before", "2025-09-12"),
    ("A week earlier", "2025-09-06"), ("Hours later", "2025-09-13"),
])
def test_a_sequel_counts_from_the_last_day_written(sequel, day):
    text = f"Crowds blocked the road on September 13. {sequel} police fired."
    assert anchored(text)[-1] == (sequel, day)


def test_sequels_chain_and_need_an_anchor():
    # Nothing before "that evening" gives a day: no guess from the publication date.
    assert anchored("Police fired that evening.") == []
    assert anchored("Shots on September 8. The next morning crowds gathered. That afternoon "
                    "the internet went dead.")[1:] == [("The next morning", "2025-09-09"),
                                                       ("That afternoon", "2025-09-09")]


def test_a_chronology_keeps_its_year():
    text = ("Talks in Brussels on February 27, 2023 ended in a deal. Three weeks later, on "
            "March 18, they met in Ohrid, and troops arrived in early October.\n\n"
            "On March 10 the road was blocked.")
    assert anchored(text, "2025-03-12") == [
        ("February 27, 2023", "2023-02-27"), ("Three weeks later", "2023-03-20"),
        ("March 18", "2023-03-18"), ("early October", "2023-10-01"),
        # A new paragraph is the story's own time again.
        ("March 10", "2025-03-10")]


def test_a_background_month_lends_no_year():
    # "returned to power in August 2021" is background; "in September" is this year's.
    text = "The Taliban returned to power in August 2021. A bombing in September killed 50."
    assert anchored(text, "2023-11-02")[-1] == ("in September", "2023-09-01")


def test_that_year_is_the_year_written_before():
    text = ("The war began on September 27, 2020. A ceasefire on November 10 that year ended "
            "it.\n\nThe next war in 2016? In April that year, talks failed.")
    assert anchored(text, "2025-08-14")[1::2] == [
        ("November 10 that year", "2020-11-10"), ("In April that year", "2016-04-01")]
    # Nothing written before: the nearest past November 10, as with no year at all.
    assert anchored("A ceasefire on November 10 that year held.", "2025-08-14") == [
        ("November 10 that year", "2024-11-10")]


def test_that_weekday_is_the_storys_weekday():
    # "That Thursday morning" after "July 22": the Thursday of that week, not last Thursday.
    text = "Shelling began on July 22. That Thursday morning, villagers were moved."
    assert anchored(text, "2025-08-14")[1] == ("That Thursday morning", "2025-07-24")
