"""Temporal expressions in news text, resolved against the publication date.

News reports date events relative to the day they are published ("on
Wednesday", "last week", "earlier this month"). :func:`find_date_mentions`
finds such expressions with their offsets; :func:`resolve_mention` turns one
into a :class:`ResolvedDate`: the first day of the period it names, its
precision (``day``, ``week``, ``month``, ``year``) and whether it lies in the
future (``planned``).

Rules, with ``P`` the publication date
--------------------------------------
- Weekdays ("on Wednesday", "a Wednesday phone call"): for past tense the most
  recent such weekday on or before ``P`` (a Wednesday article's "Wednesday" is
  ``P`` itself); for future tense the first one on or after ``P``. Precision day.
- "over the weekend" is the week holding the last Saturday on or before ``P``
  (the next one in future tense), precision week.
- A live-blog time stamp opening a line ("10:15 GMT -") is ``P``, precision day.
- "today", "tonight", "this morning" are ``P``; "yesterday" ``P - 1``;
  "tomorrow" ``P + 1`` (planned). "N days/weeks/months/years ago" count back.
- "last week" is the week before ``P``'s week, dated by its Monday; "this week"
  ``P``'s week; "next week" the week after (planned). Precision week.
- "earlier this month", "this month" are ``P``'s month; "later this month" the
  same month, planned; "last month" the month before; "next month" the month
  after, planned. Precision month. "last/this/next year" likewise, precision year.
- Calendar dates ("on August 15", "15 August", "August 18, 2021", "Aug. 15"):
  day precision; without a year, the year that puts the date on or before ``P``
  for past tense (after ``P`` for future tense). "in August" / "August 2021" is
  month precision; "in 2020" year precision.
- "in the coming days/weeks" is the week after ``P``'s, "in the coming months"
  the month after ``P``'s; both planned.
- Periods ending at ``P`` ("over the past 10 days", "in the past month"): the
  smallest calendar unit (week, month, year) holding both ends, dated by its
  first day; a period of up to 8 days (31 days) across a boundary takes the week
  (month) holding its middle.
- Vague recency ("earlier", "recently", "more recently" without anything more
  precise): ``P``'s month, flagged ``vague``; the extractor uses it only when the
  sentence holds nothing more precise.
- Sequels ("that evening", "the next morning", "two days later", "the day before")
  count from the last day-precise date written before them, not from ``P``:
  :func:`anchor_mentions` rewrites each to that day (precision day) or drops it
  when no such date precedes it; it also keeps a yearless date in the year of a
  chronology's paragraph ("On February 27, 2023, ... on March 18").
- Background: "since 2012", "since November", "from 1996 until 2001", "in the 1990s", "the
  18-year-long insurgency" date a state of affairs, not an event; they are
  returned with ``background=True`` and the extractor never dates an event by
  them.

Without ``P`` only absolute expressions (a calendar date with its year, a
month with its year, a year) resolve; the others give None.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(_MONTHS)} | {"sept": 9}
#: A month's name as news writes it, shared with the extractor's dated sayings.
MONTH_WORD = (r"(?:January|February|March|April|May|June|July|August|September|October|"
               r"November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|"
               r"Sept?\.?|Oct\.?|Nov\.?|Dec\.?)")
#: A weekday's name.
WEEKDAY_WORD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                 "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
                 "twelve": 12, "several": 3, "few": 3, "a few": 3, "couple of": 2,
                 "a couple of": 2}
_NUM = r"(?:\d{1,3}|a few|a couple of|several|few|an?|one|two|three|four|five|six|seven|" \
       r"eight|nine|ten|eleven|twelve)"
_UNIT = r"(?:day|week|fortnight|month|year)s?"

#: A live blog's time stamp opening a line or an entry: "10:15 GMT -", "08:30 PKT:".
TIME_STAMP = (r"\d{1,2}[:.]\d{2}\s*(?:GMT|UTC|[AP]\.?M\.?|local time|EST|EDT|BST|CET|"
              r"CEST|IST|PKT|AFT)?\s*[-–—:]")

# Order matters: longer, more specific patterns first; overlapping later matches are dropped.
_PATTERNS: tuple[tuple[str, str], ...] = (
    ("background", r"\b(?:since|from)\s+(?:the\s+)?(?:early\s+|late\s+|mid-)?"
                   r"(?:1[89]|20)\d\d(?:s)?(?:\s+(?:until|to|till)\s+(?:19|20)\d\d)?\b"),
    # "Since November, the group has launched dozens of attacks": a series, background.
    ("background", r"\bsince\s+(?:early\s+|late\s+|mid-|last\s+)?(?:January|February|March|"
                   r"April|June|July|August|September|October|November|December)"
                   r"(?:\s+(?:19|20)\d\d)?\b(?!\s*\.?\s*\d)"),
    ("background", r"\b(?:in|of|during|throughout)\s+the\s+(?:early\s+|late\s+)?"
                   r"(?:1[89]|20)\d0s\b"),
    # "a 12-year-old boy", "the 20-year-long war": an age, which dates nothing.
    ("age", r"\b\d{1,3}-year-(?:long|old)\b"),
    ("calendar", rf"\b(?P<mon>{MONTH_WORD})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
                 rf"(?:,?\s+(?P<year>(?:19|20)\d\d)|,?\s+(?P<rel>last|this|next|that|the\s+same)"
                 rf"\s+year)?\b"),
    ("calendar", rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{MONTH_WORD})"
                 rf"(?:,?\s+(?P<year>(?:19|20)\d\d))?\b"),
    ("iso", r"\b(?P<year>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<day>[0-3]\d)\b"),
    ("month_name", rf"\b(?:in|since|during|by|until|early|late|mid-)\s*(?P<mon>{MONTH_WORD})"
                   rf"(?:\s+(?P<year>(?:19|20)\d\d)|,?\s+(?P<rel>last|this|next|that|the\s+same)"
                   rf"\s+year)?\b"),
    ("month_name", rf"\b(?P<mon>{MONTH_WORD})\s+(?P<year>(?:19|20)\d\d)\b"),
    ("period", rf"\b(?:over|in|during|for|within)\s+the\s+(?:past|last|previous)\s+"
               rf"(?:(?P<n>{_NUM})\s+)?(?P<unit>{_UNIT})\b"),
    ("coming", r"\b(?:in|over|within|during)\s+the\s+(?:coming|next|following)\s+"
               r"(?:(?:few|couple\s+of|several)\s+)?(?P<unit>days|weeks|months)\b"),
    ("ago", rf"\b(?P<n>{_NUM})\s+(?P<unit>{_UNIT})\s+ago\b"),
    # "That Thursday morning": the story's Thursday, on or after the last day written.
    ("sequel", rf"\b(?:[Tt]hat|[Tt]he\s+same)\s+(?P<wd>{WEEKDAY_WORD})"
               r"(?:\s+(?:morning|afternoon|evening|night))?\b"),
    # "on Monday of last week": before "last week" alone claims the words
    ("weekday", rf"\b(?P<wd>{WEEKDAY_WORD})"
                r"(?:\s+(?:morning|afternoon|evening|night))?\s+of\s+(?P<lastweek>last)\s+week\b"),
    ("relative", r"\b(?P<which>earlier|later)\s+(?:this|in\s+the)\s+(?P<unit>week|month|year)\b"),
    ("relative", r"\b(?P<which>last|this|next|past|previous|coming)\s+(?P<unit>week|month|"
                 r"year|weekend)\b"),
    ("weekend", r"\b(?:over|at|during|on)\s+the\s+weekend\b"),
    ("weekday", rf"\b(?:(?P<last>last|this\s+past)\s+)?(?P<wd>{WEEKDAY_WORD})(?:'s)?"
                r"(?:\s+(?:morning|afternoon|evening|night))?\b"),
    ("stamp", rf"(?m)^[ \t]*{TIME_STAMP}"),
    ("deictic", r"\b(?P<word>today|tonight|yesterday|tomorrow|this\s+morning|"
                r"this\s+afternoon|this\s+evening|last\s+night)\b"),
    ("sequel", r"\b(?:(?P<same>that|the\s+same)|(?P<next>the\s+(?:next|following))|"
               r"(?P<before>the\s+previous))\s+(?:day|morning|afternoon|evening|night)\b"),
    ("sequel", rf"\b(?P<n>{_NUM})\s+(?P<unit>days?|weeks?)\s+(?P<which>later|afterwards|earlier|"
               rf"before)\b"),
    ("sequel", r"\bthe\s+day\s+(?P<which>before|after)\b"),
    ("sequel", r"\b(?:(?:a\s+few|several|\d{1,2})\s+)?(?P<same>hours|minutes)\s+later\b"),
    ("year", r"\b(?:in|during|by|until|of)\s+(?P<year>(?:19|20)\d\d)\b"),
    ("vague", r"\b(?:more\s+recently|recently|earlier)\b"),
)
_COMPILED = tuple((kind, re.compile(p, re.IGNORECASE)) for kind, p in _PATTERNS)
# Month and weekday names must be capitalised in English; "may" and "march" are verbs too.
_CASED_KINDS = {"calendar", "month_name", "weekday"}


@dataclass(frozen=True)
class DateMention:
    """A temporal expression found in text.

    Attributes
    ----------
    start, end : int
        Offsets in the text searched (end exclusive).
    text : str
        The expression as written.
    kind : str
        Pattern family: ``calendar``, ``iso``, ``month_name``, ``period``, ``ago``,
        ``relative``, ``weekday``, ``deictic``, ``year``, ``vague``, ``background``,
        ``age``, ``sequel`` (counted from an earlier date, see :func:`anchor_mentions`).
    parts : tuple
        Named pieces of the match as ``(name, value)`` pairs.
    """

    start: int
    end: int
    text: str
    kind: str
    parts: tuple[tuple[str, str], ...] = ()

    @property
    def background(self) -> bool:
        """True for expressions that date a state of affairs or an age, not an event."""
        return self.kind in ("background", "age")

    @property
    def vague(self) -> bool:
        """True for "earlier", "recently": used only when nothing better is at hand."""
        return self.kind == "vague"


@dataclass(frozen=True)
class ResolvedDate:
    """A date with its precision.

    Attributes
    ----------
    date : str
        ``YYYY-MM-DD``, the first day of the period for coarser precisions.
    precision : str
        ``day``, ``week``, ``month`` or ``year``.
    planned : bool
        True when the period lies after the publication date.
    vague : bool
        True when it comes from "earlier" or "recently".
    """

    date: str
    precision: str
    planned: bool = False
    vague: bool = False


def find_date_mentions(text: str) -> list[DateMention]:
    """Return the temporal expressions in ``text``, in order, without overlaps.

    Parameters
    ----------
    text : str

    Returns
    -------
    list of DateMention

    Examples
    --------
    >>> [m.text for m in find_date_mentions("On Monday the council met, since 2012.")]
    ['Monday', 'since 2012']
    """
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _COMPILED:
        for match in pattern.finditer(text):
            if kind in _CASED_KINDS and not _is_capitalised(match):
                continue
            span = match.span()
            if any(span[0] < end and start < span[1] for start, end in taken):
                continue
            parts = tuple((k, v) for k, v in match.groupdict().items() if v)
            found.append(DateMention(span[0], span[1], match.group(0), kind, parts))
            taken.append(span)
    return sorted(found, key=lambda m: m.start)


def anchor_mentions(mentions: list[DateMention], published: str | dt.date | None, *,
                    text: str = "") -> list[DateMention]:
    """Date what counts from the story's own time rather than from publication.

    - A sequel ("that evening", "two days later") counts from the last date
      before it that resolves to a day; it becomes an ``iso`` mention of that
      day with its own span and text, and is dropped when nothing before it
      gives a day.
    - A date without a year ("on March 18", "in early October") in a paragraph
      whose last full date named its year ("On February 27, 2023, ...") takes the
      first year that puts it on or after that date: an explainer's chronology
      stays in its year instead of jumping to the year of publication.

    Parameters
    ----------
    mentions : list of DateMention
        As :func:`find_date_mentions` returns them, in text order.
    published : str or datetime.date or None
    text : str, optional
        The text searched; its blank lines bound a chronology's paragraph.

    Returns
    -------
    list of DateMention

    Examples
    --------
    >>> found = find_date_mentions("Police fired on September 8. The next morning crowds met.")
    >>> [m.text for m in found], anchor_mentions(found, "2025-10-03")[1].parts
    (['September 8', 'The next morning'], (('year', '2025'), ('m', '09'), ('day', '09')))
    >>> found = find_date_mentions("Talks on May 2, 2023 failed. On June 9, they met.")
    >>> dict(anchor_mentions(found, "2025-03-12")[1].parts)["year"]
    '2023'
    """
    anchored: list[DateMention] = []
    last: dt.date | None = None
    year_from: tuple[dt.date, int] | None = None  # a stated year's date, and where it was
    written_year: int | None = None  # the last year the text wrote
    for mention in mentions:
        if mention.kind == "sequel":
            if last is None:
                continue
            last = last + dt.timedelta(days=_sequel_offset(dict(mention.parts), last))
            anchored.append(DateMention(
                mention.start, mention.end, mention.text, "iso",
                (("year", str(last.year)), ("m", f"{last.month:02d}"), ("day", f"{last.day:02d}"))))
            continue
        parts = dict(mention.parts)
        if "rel" in parts and parts["rel"].lower() not in _REL_YEAR and written_year is not None:
            # "A ceasefire on November 10 that year": the year written before it.
            parts = {k: v for k, v in parts.items() if k != "rel"} | {"year": str(written_year)}
            mention = DateMention(mention.start, mention.end, mention.text, mention.kind,
                                  tuple(parts.items()))
        if mention.kind in ("calendar", "month_name") and "year" not in parts and \
                "rel" not in parts and year_from is not None and \
                "\n\n" not in text[year_from[1]:mention.start]:
            mention = _in_year_after(mention, year_from[0])
        anchored.append(mention)
        resolved = None if mention.kind == "stamp" else resolve_mention(mention, published)
        year = dict(mention.parts).get("year")
        written_year = int(year) if year else written_year
        if resolved is None or resolved.vague:
            continue
        if resolved.precision == "day":
            last = dt.date.fromisoformat(resolved.date)
        if "year" in dict(mention.parts) and resolved.precision == "day":
            year_from = (dt.date.fromisoformat(resolved.date), mention.end)
    return anchored


def _in_year_after(mention: DateMention, anchor: dt.date) -> DateMention:
    """``mention`` given the first year that puts it on or after the month of ``anchor``."""
    month = _month_number(dict(mention.parts)["mon"])
    year = anchor.year if month >= anchor.month else anchor.year + 1
    return DateMention(mention.start, mention.end, mention.text, mention.kind,
                       mention.parts + (("year", str(year)),))


def _sequel_offset(parts: dict[str, str], anchor: dt.date) -> int:
    """Days from the anchor: "the next morning" 1, "the day before" -1, "3 days later" 3,
    "a week earlier" -7, "that Thursday" to the first Thursday on or after it."""
    if "wd" in parts:
        return (_WEEKDAYS.index(parts["wd"].lower()) - anchor.weekday()) % 7
    if "same" in parts:
        return 0
    if "next" in parts:
        return 1
    step = -1 if "before" in parts or parts.get("which", "").lower() in ("earlier", "before") \
        else 1
    return step * span_days(parts.get("n", "1"), parts.get("unit", "day"))


def resolve_mention(mention: DateMention, published: str | dt.date | None, *,
                    future: bool = False) -> ResolvedDate | None:
    """Resolve a temporal expression against the publication date.

    Parameters
    ----------
    mention : DateMention
    published : str or datetime.date or None
        Publication date; None resolves only absolute expressions.
    future : bool, optional
        True when the clause is in the future tense (weekdays and dates without a
        year then point after the publication date).

    Returns
    -------
    ResolvedDate or None
        None for background expressions and for relative ones without a
        publication date.
    """
    if mention.background:
        return None
    pub = _as_date(published)
    parts = dict(mention.parts)
    resolver = _RESOLVERS[mention.kind]
    result = resolver(parts, mention.text.lower(), pub, future)
    if result is None:
        return None
    day, precision, vague = result
    # "later this month" and "tomorrow" lie ahead even when their period holds P.
    ahead = mention.text.lower().startswith(("later", "tomorrow"))
    planned = pub is not None and (ahead or _period_start_after(day, precision, pub))
    return ResolvedDate(day.isoformat(), precision, planned, vague)


def resolve_text(text: str, published: str | dt.date | None, *,
                 future: bool = False) -> ResolvedDate | None:
    """Resolve the most precise non-background expression in ``text``.

    Parameters
    ----------
    text : str
    published : str or datetime.date or None
    future : bool, optional

    Returns
    -------
    ResolvedDate or None

    Examples
    --------
    >>> resolve_text("last week", "2021-08-25")
    ResolvedDate(date='2021-08-16', precision='week', planned=False, vague=False)
    """
    resolved = [resolve_mention(m, published, future=future) for m in find_date_mentions(text)]
    resolved = [r for r in resolved if r is not None]
    if not resolved:
        return None
    return min(resolved, key=lambda r: (r.vague, PRECISION_RANK[r.precision]))


PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


def period_end(date: str, precision: str) -> dt.date:
    """Return the last day of the period that starts at ``date`` with ``precision``.

    Parameters
    ----------
    date : str
        ``YYYY-MM-DD``.
    precision : str
        ``day``, ``week``, ``month`` or ``year``.

    Returns
    -------
    datetime.date
    """
    start = dt.date.fromisoformat(date)
    if precision == "week":
        return start + dt.timedelta(days=6)
    if precision == "month":
        return _add_months(start.replace(day=1), 1) - dt.timedelta(days=1)
    if precision == "year":
        return dt.date(start.year, 12, 31)
    return start


# --- resolvers: each returns (first day, precision, vague) or None -------------------------

#: "last year", "next year"; "that year" counts from publication only when no year was
#: written before it (anchor_mentions gives it that year).
_REL_YEAR = {"last": -1, "this": 0, "next": 1}


def _calendar(parts, text, pub, future):
    month = _month_number(parts["mon"])
    day = int(parts["day"])
    if "year" in parts:
        return _safe_date(int(parts["year"]), month, day, "day")
    if pub is None:
        return None
    year = pub.year
    if parts.get("rel", "").lower() in _REL_YEAR:  # "on November 13 last year"
        return _safe_date(year + _REL_YEAR[parts["rel"].lower()],
                          month, day, "day")
    candidate = _safe_date(year, month, day, "day")
    if candidate is None:
        return None
    when = candidate[0]
    if not future and when > pub:
        return _safe_date(year - 1, month, day, "day")
    if future and when < pub:
        return _safe_date(year + 1, month, day, "day")
    return candidate


def _iso(parts, text, pub, future):
    return _safe_date(int(parts["year"]), int(parts["m"]), int(parts["day"]), "day")


def _month_name(parts, text, pub, future):
    month = _month_number(parts["mon"])
    if "year" in parts:
        return dt.date(int(parts["year"]), month, 1), "month", False
    if pub is None:
        return None
    year = pub.year
    if parts.get("rel", "").lower() in _REL_YEAR:  # "in September last year"
        return dt.date(year + _REL_YEAR[parts["rel"].lower()], month, 1), \
            "month", False
    if not future and month > pub.month:
        year -= 1
    if future and month < pub.month:
        year += 1
    return dt.date(year, month, 1), "month", False


def _year(parts, text, pub, future):
    return dt.date(int(parts["year"]), 1, 1), "year", False


def _weekday(parts, text, pub, future):
    if pub is None:
        return None
    target = _WEEKDAYS.index(parts["wd"].lower())
    if parts.get("lastweek"):
        # "on Monday of last week": that day of the calendar week before publication's
        monday = pub - dt.timedelta(days=pub.weekday() + 7)
        return monday + dt.timedelta(days=target), "day", False
    if future:
        # "will meet on Monday" in a Monday paper is that day; news rarely means next week.
        delta = (target - pub.weekday()) % 7
        return pub + dt.timedelta(days=delta), "day", False
    delta = (pub.weekday() - target) % 7
    if parts.get("last") and delta == 0:
        delta = 7  # "last Thursday" in a Thursday paper is a week back
    return pub - dt.timedelta(days=delta), "day", False


def _weekend(parts, text, pub, future):
    if pub is None:
        return None
    # The weekend before publication (or the coming one in future tense), by its Monday.
    saturday = pub - dt.timedelta(days=(pub.weekday() - 5) % 7)
    if future:
        saturday = pub + dt.timedelta(days=(5 - pub.weekday()) % 7)
    return saturday - dt.timedelta(days=5), "week", False


def _stamp(parts, text, pub, future):
    # A live-blog entry stamped "10:15 GMT -" reports that day's news.
    return (pub, "day", False) if pub is not None else None


def _deictic(parts, text, pub, future):
    if pub is None:
        return None
    word = " ".join(parts["word"].lower().split())
    offsets = {"yesterday": -1, "tomorrow": 1, "last night": -1}
    return pub + dt.timedelta(days=offsets.get(word, 0)), "day", False


def _relative(parts, text, pub, future):
    if pub is None:
        return None
    unit = parts["unit"].lower()
    which = parts["which"].lower()
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(which, 0)
    if unit in ("week", "weekend"):
        monday = pub - dt.timedelta(days=pub.weekday())
        return monday + dt.timedelta(weeks=step), "week", False
    if unit == "month":
        return _add_months(pub.replace(day=1), step), "month", False
    return dt.date(pub.year + step, 1, 1), "year", False


def _period(parts, text, pub, future):
    if pub is None:
        return None
    days = span_days(parts.get("n", "1"), parts["unit"])
    return _smallest_period(pub - dt.timedelta(days=days), pub)


def _ago(parts, text, pub, future):
    if pub is None:
        return None
    unit = parts["unit"].lower().rstrip("s")
    days = span_days(parts["n"], unit)
    when = pub - dt.timedelta(days=days)
    if unit == "day":
        return when, "day", False
    if unit in ("week", "fortnight"):
        return when - dt.timedelta(days=when.weekday()), "week", False
    if unit == "month":
        return when.replace(day=1), "month", False
    return dt.date(when.year, 1, 1), "year", False


def _coming(parts, text, pub, future):
    if pub is None:
        return None
    if parts["unit"].lower() == "months":
        return _add_months(pub.replace(day=1), 1), "month", False
    return pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=1), "week", False


def _sequel(parts, text, pub, future):
    return None  # counted from an earlier date by anchor_mentions, never from P


def _vague(parts, text, pub, future):
    if pub is None:
        return None
    return pub.replace(day=1), "month", True


_RESOLVERS = {
    "calendar": _calendar, "iso": _iso, "month_name": _month_name, "year": _year,
    "weekday": _weekday, "weekend": _weekend, "deictic": _deictic, "stamp": _stamp, "relative": _relative, "period": _period,
    "ago": _ago, "coming": _coming, "vague": _vague, "sequel": _sequel,
}


# --- helpers ---------------------------------------------------------------------------------

def _is_capitalised(match: re.Match) -> bool:
    for name in ("mon", "wd"):
        value = match.groupdict().get(name)
        if value:
            return value[0].isupper()
    return True


def _month_number(word: str) -> int:
    return _MONTH_ABBR[word.rstrip(".").lower()[:4] if word.lower().startswith("sept")
                       else word.rstrip(".").lower()[:3]]


def span_days(number: str, unit: str) -> int:
    """Days in "two weeks", "a day", "3 months" (a month as 30 days, a year as 365).

    Examples
    --------
    >>> span_days("two", "weeks"), span_days("a", "day"), span_days("10", "days")
    (14, 1, 10)
    """
    n = int(number) if number.isdigit() else _NUMBER_WORDS.get(number.lower(), 1)
    unit = unit.lower().rstrip("s")
    return n * {"day": 1, "week": 7, "fortnight": 14, "month": 30, "year": 365}[unit]


def _smallest_period(first: dt.date, last: dt.date):
    if first - dt.timedelta(days=first.weekday()) == last - dt.timedelta(days=last.weekday()):
        return first - dt.timedelta(days=first.weekday()), "week", False
    if (first.year, first.month) == (last.year, last.month):
        return first.replace(day=1), "month", False
    # A short period across a boundary ("over the past week" on a Tuesday, "the past 10 days"
    # early in a month) is dated by the unit holding its middle, not by the whole year.
    middle = first + (last - first) / 2
    if (last - first).days <= 8:
        return middle - dt.timedelta(days=middle.weekday()), "week", False
    if (last - first).days <= 31:
        return middle.replace(day=1), "month", False
    return dt.date(first.year, 1, 1), "year", False


def _safe_date(year: int, month: int, day: int, precision: str):
    try:
        return dt.date(year, month, day), precision, False
    except ValueError:
        return None


def _add_months(first: dt.date, months: int) -> dt.date:
    index = first.year * 12 + first.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _period_start_after(day: dt.date, precision: str, pub: dt.date) -> bool:
    if precision == "day":
        return day > pub
    return day > pub and period_end(day.isoformat(), precision) > pub


def _as_date(value: str | dt.date | None) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])
