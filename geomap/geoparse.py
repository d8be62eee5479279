"""Find the place names in English news text and put each on the map, offline.

:func:`geoparse` works in three passes over the text, with no statistical model:

1. **Candidates.** The text is cut into tokens and into runs of capitalised
   tokens (joined by lower-case connectors such as *of*, *de*, *-e-*). Inside a
   run the longest span whose normalised form is a gazetteer name wins, so
   "Hamid Karzai International Airport" is one place, not a person and a
   building.
2. **Recognition.** A candidate is kept or dropped by the words around it:
   a title before it (*President* Biden), another unknown capitalised word
   beside it (Dominic *Raab*, *Xi* Jinping, *South China Morning Post*,
   *Paris Police Department*), a surname already seen in the document, a
   common English word, a small village with no locative cue. Demonyms and
   adjectives (Afghan, Tajik, Chinese) are **not** place mentions by default:
   they name people or things from a place, not a location (CONTRACTS.md);
   ``geoparse(text, demonyms=True)`` reports them at their country.
3. **Resolution.** Each kept name ranks its gazetteer candidates by prior
   (population, or a size for provinces, countries and features) plus the
   document's context: the countries other names resolve to, nearness to
   unambiguous places, "City, Region" pairs, and kind words around the name
   ("the city of Panj", "Kunduz province"). "Panj" beside Dushanbe is the Tajik
   town; "Georgia" beside Atlanta is the US state.

Names that look like places by their form ("Metcalfe County") but are not in
the gazetteer are reported with ``resolved=False`` and no coordinates.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace

from geomap._placewords import (
    TITLES,
    TITLE_AFTER,
    ORG_WORDS,
    STOPWORDS,
    CONNECTORS,
    NAME_ARTICLES,
    MODIFIERS,
    KIND_WORDS,
    OF_PLACE_HEADS,
    LOCATIVES,
    EPONYM_NOUNS,
    PLACE_PREFIXES,
    PLACE_SUFFIXES,
    IRREGULAR_DEMONYMS,
    IRREGULAR_DEMONYM_PLACES,
    ORG_HEADS,
    _DEMONYM_SUFFIXES,
)
from geomap.gazetteer import (
    Gazetteer,
    contains,
    Place,
    distance_km,
    load_gazetteer,
    normalize_name,
    place_weight,
    prior_weights,
    rank_candidates,
)

# ----------------------------------------------------------------------------- tokens

_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}"  # dotted initialisms: U.S., N.Y., B.C.
    r"|[^\W\d_](?:[\w]|[\'\u2019\u02bc\-\u2010\u2011](?=[^\W\d_]))*"  # words, Mazar-i-Sharif
    r"|\d+"
    r"|[^\w\s]",  # punctuation, one character at a time
)
_POSSESSIVE = re.compile(r"[\'\u2019]s$")
_DETERMINERS = frozenset("the a an his her their its this that these those our my your".split())
# Abbreviations inside place names ("St. Louis", "Mt. Kenya", "Ft. Worth").
NAME_ABBREVIATIONS = frozenset({"st", "ste", "mt", "ft", "pt"})
_NOT_AFTER_PLACE = frozenset("$\u00a3\u20ac\u00a50123456789")
# "People's Republic of China": a possessive that belongs to a name.
_NAME_POSSESSIVES = frozenset({"people"})
_SENTENCE_END = frozenset(".!?\u2026")
# The possessive ending cut from a token, and the space after it: "Cox|'s |Bazar".
_POSSESSIVE_GAP = re.compile(r"['\u2019]s[ \t]")
_GAP = re.compile(r"[ \t\u00a0]+")
# A blank line (LF or CRLF files) ends a sentence even without a full stop: titles, captions.
_PARAGRAPH = re.compile(r"[ \t]*\r?\n[ \t]*\r?\n")


class _Token:
    """One word or punctuation mark, with what the rules ask of it computed once."""

    __slots__ = ("text", "start", "end", "index", "sentence_start", "lower", "is_word", "is_cap")

    def __init__(self, text: str, start: int, end: int, index: int, sentence_start: bool = False) -> None:
        self.text, self.start, self.end, self.index = text, start, end, index
        self.sentence_start = sentence_start
        self.lower = text.lower()
        self.is_word = text[:1].isalpha()
        # "al-Malikiyah", "ad-Dawr": a name behind a lower-case Arabic article is capitalised.
        self.is_cap = text[:1].isupper() or bool(_ARTICLE_NAME.match(text))


_ARTICLE_NAME = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|an|ed|en|er|es|et|ez)[-\u2010\u2011][A-Z]")


def _tokenize(text: str, abbreviations=frozenset()) -> list[_Token]:
    tokens: list[_Token] = []
    boundary = True
    for m in _TOKEN.finditer(text):
        word, start, end = m.group(), m.start(), m.end()
        if tokens and start < tokens[-1].end:
            continue  # the dot of an abbreviation already taken
        if text[end : end + 1] == "." and (
            word + "." in abbreviations or word.lower() + "." in TITLES or word.lower() in NAME_ABBREVIATIONS
        ):
            # "Ky.", "Gov.", "St.": the dot belongs to the word, not to the sentence.
            word, end = word + ".", end + 1
        possessive = _POSSESSIVE.search(word)
        if possessive and len(word) > 2 and word[: possessive.start()].lower() not in _NAME_POSSESSIVES:
            word, end = word[: possessive.start()], start + possessive.start()
        tokens.append(_Token(word, start, end, len(tokens), sentence_start=boundary))
        if word in _SENTENCE_END or _PARAGRAPH.match(text, end):
            boundary = True
        elif word in "\"\u201c\u2018(:;\u2014-" and len(word) == 1:
            boundary = boundary or word in "\"\u201c\u2018"
        else:
            boundary = False
    return tokens


def _headline_tokens(text: str, tokens: list[_Token]) -> set[int]:
    """Indexes of the tokens on title-case lines ("Putin, Xi Agree on Joint Approach")."""
    found: set[int] = set()
    line: list[_Token] = []
    for token in tokens + [None]:
        if token is not None and (not line or "\n" not in text[line[-1].end : token.start]):
            line.append(token)
            continue
        words = [t for t in line if t.is_word and len(t.text) > 3]
        if len(words) >= 4 and sum(t.is_cap for t in words) >= 0.8 * len(words):
            found.update(t.index for t in line)
        line = [token] if token is not None else []
    return found


def _adjacent(text: str, left: _Token, right: _Token) -> bool:
    """Whether two tokens are separated only by spaces (no punctuation, no newline)."""
    gap = text[left.end : right.start]
    return gap == " " or gap == "" or (_GAP.fullmatch(gap) is not None and len(gap) <= 3)


# ----------------------------------------------------------------------------- mentions


@dataclass(frozen=True)
class PlaceMention:
    """One place name found in a text.

    Attributes
    ----------
    start, end : int
        Python str offsets, end exclusive: ``text[start:end]`` is the mention.
    name : str
        The mention as written.
    lat, lon : float or None
        WGS84 point of the resolved place; None when unresolved.
    geonameid : int or None
        GeoNames id of the resolved place where known.
    country_code : str
        ISO2 code(s) of the resolved place; empty when unresolved.
    kind : str
        Feature kind (city, country, province, region, river, crossing,
        airport, neighbourhood, border, mountain, sea, continent, ...).
    confidence : float
        0 to 1: how sure geomap is that this is a place *and* this place.
    resolved : bool
        False for names that look like places but are not in the gazetteer.
    place_name : str
        The gazetteer's name for the resolved place.
    source : str
        Gazetteer source of the place (``geonames``, ``countries``, ...).
    """

    start: int
    end: int
    name: str
    lat: float | None
    lon: float | None
    geonameid: int | None
    country_code: str
    kind: str
    confidence: float
    resolved: bool
    place_name: str = ""
    source: str = ""

    def to_dict(self) -> dict:
        """Return the mention as a plain, JSON-ready dict."""
        return asdict(self)


@dataclass
class _Candidate:
    start_tok: int
    end_tok: int  # exclusive
    start: int
    end: int
    surface: str
    places: list[tuple[Place, bool]]
    evidence: float = 0.0
    kinds: tuple[str, ...] = ()
    unresolved: bool = False
    demonym: bool = False
    initial: bool = False
    common: bool = False
    dateline: bool = False
    determiner: bool = False
    only_initial: bool = False
    by_form: bool = False  # its form says place ("X Air Base"): unresolved rather than dropped
    after_locative: bool = False  # "at Bagram": its position says place
    venue: bool = False  # "at Bagram", "at the White House"
    militia: bool = False  # "Fano fighters": may name an armed group rather than a town
    contained: bool = False  # "Lachin in Azerbaijan": the area named next contains it
    respell: bool = False  # "around Koya": where a place is expected; may be respelt
    scores: dict[int, float] = field(default_factory=dict)
    chosen: Place | None = None
    margin: float = 0.0


# ----------------------------------------------------------------------------- recognition


class _Parser:
    """State of one geoparse run over one text."""

    def __init__(self, text: str, gazetteer: Gazetteer, *, demonyms: bool) -> None:
        self.text = text
        self.gaz = gazetteer
        self.want_demonyms = demonyms
        self.tokens = _tokenize(text, gazetteer.short_forms)
        self.lower_words = {t.text for t in self.tokens if t.is_word and t.text.islower()}
        self.headline_tokens = _headline_tokens(text, self.tokens)
        self.person_words: set[str] = set()
        self._candidates: dict[str, list] = {}

    def candidates(self, surface: str) -> list[tuple[Place, bool]]:
        """Gazetteer candidates of a surface form, ranked by prior, memoised per text."""
        found = self._candidates.get(surface)
        if found is None:
            found = self._candidates[surface] = rank_candidates(self.gaz.candidates(surface))
        return found

    # -- runs of capitalised tokens -------------------------------------------------

    def runs(self) -> list[list[_Token]]:
        runs: list[list[_Token]] = []
        current: list[_Token] = []
        for token in self.tokens:
            if self._joins(current, token):
                current.append(token)
                continue
            self._close(runs, current)
            current = [token] if self._starts(token) else []
        self._close(runs, current)
        return runs

    def _starts(self, token: _Token) -> bool:
        if not (token.is_word and token.is_cap) or token.lower in CONNECTORS and not (
                token.lower in NAME_ARTICLES and not token.text.isupper()):
            return False
        return token.lower not in STOPWORDS or token.text.isupper()

    def _joins(self, current: list[_Token], token: _Token) -> bool:
        if current and token.is_cap and _POSSESSIVE_GAP.fullmatch(
                self.text, current[-1].end, token.start) and self._known(
                self.text[current[-1].start:token.end]):
            return True  # "Cox's Bazar": a name that holds a possessive
        if not current or not token.is_word or not _adjacent(self.text, current[-1], token):
            return False
        if token.is_cap:
            # "Kabul on Monday": weekdays and months never continue a name.
            return not token.sentence_start and (token.lower not in STOPWORDS or token.text.isupper())
        # French and Arabic elisions: Côte d'Ivoire, Val d'Isère.
        return token.lower in CONNECTORS or token.text[:2] in ("d'", "d\u2019", "l'", "l\u2019")

    @staticmethod
    def _close(runs: list[list[_Token]], current: list[_Token]) -> None:
        while current and current[-1].lower in CONNECTORS:
            current.pop()
        if current:
            runs.append(current)

    # -- gazetteer spans ---------------------------------------------------------------

    def matches(self, run: list[_Token]) -> list[tuple[int, int]]:
        """Greedy longest gazetteer spans within a run, as (first, stop) run indexes."""
        found = []
        i = 0
        while i < len(run):
            stop = self._longest(run, i)
            if stop:
                found.append((i, stop))
                i = stop
            else:
                i += 1
        return found

    def _longest(self, run: list[_Token], i: int) -> int:
        if run[i].lower in CONNECTORS and not (run[i].lower in NAME_ARTICLES and run[i].is_cap) \
                or run[i].lower in STOPWORDS and not run[i].text.isupper():
            return 0
        for stop in range(min(len(run), i + 7), i, -1):
            if run[stop - 1].lower in CONNECTORS:
                continue
            if stop == i + 1 and run[i].lower in MODIFIERS:
                return 0  # "East" alone is a direction, not Cameroon's Est region
            surface = self.text[run[i].start : run[stop - 1].end]
            if self._known(surface) and (surface in self.gaz.short_forms or not _is_short(surface)
                                         or self._after_locative(run[i])):
                return stop
        return 0

    def _known(self, surface: str) -> bool:
        if not _is_short(surface):
            return self.gaz.has_key(normalize_name(surface))
        # Two- and three-letter names ("US", "NSW", "Ky.") count only as the
        # codes the sources list, written so: "Us", "Of" and "FAO" are not places.
        return surface in self.gaz.short_forms or self._three_letter_name(surface)

    def _after_locative(self, token: _Token) -> bool:
        """"in Gao", "from Van": a three-letter word is a name only where a place is expected."""
        prev = self.tokens[token.index - 1] if token.index > 0 else None
        return prev is not None and (prev.lower in LOCATIVES or prev.lower == "of")

    def _three_letter_name(self, surface: str) -> bool:
        """"Gao", "Ufa", "Ica": a capitalised three-letter word that is the own name of a
        city of 100,000 or more, a province or a country."""
        if len(surface) != 3 or not (surface[0].isupper() and surface[1:].islower() and surface.isalpha()):
            return False
        return any(primary and (p.population >= 100_000 or p.kind == "country")
                   for p, primary in self.candidates(surface))


def _is_large(place: Place) -> bool:
    return place.kind in ("country", "province", "region", "continent") or place.population >= 100_000


def _is_short(surface: str) -> bool:
    return sum(c.isalpha() for c in surface) <= 3


# ----------------------------------------------------------------------------- public API


def geoparse(
    text: str,
    *,
    context: Iterable[str] | None = None,
    demonyms: bool = False,
    corrections: bool = False,
    gazetteer: Gazetteer | None = None,
) -> list[PlaceMention]:
    """Return the place mentions of ``text`` in text order.

    Parameters
    ----------
    text : str
        Article text, as read (offsets index this exact string).
    context : iterable of str, optional
        ISO2 country codes or place names the text is known to be about
        (e.g. ``["AF", "TJ"]``); they weigh like places named in the text.
    demonyms : bool, optional
        Also report demonyms and adjectives ("Afghan", "Tajik") at their
        country. Off by default: they are not place mentions in geomap.
    corrections : bool, optional
        Apply the user's saved place corrections (:mod:`geomap.corrections`)
        to the names they cover. Default False: geoparse depends on the text
        and the shipped gazetteer only; tables built from its output get the
        corrections where they are stored (the dashboard, the geocoder).
    gazetteer : Gazetteer, optional
        Defaults to :func:`geomap.gazetteer.load_gazetteer`.

    Returns
    -------
    list of PlaceMention
        Ordered by ``start``; unresolved names have ``resolved=False``.

    Examples
    --------
    >>> [m.name for m in geoparse("Troops crossed from Kunduz into Tajikistan.")]
    ['Kunduz', 'Tajikistan']
    """
    if not isinstance(text, str):
        msg = f"geoparse expects text as str, got {type(text).__name__!r}"
        raise TypeError(msg)
    gaz = gazetteer or load_gazetteer()
    parser = _Parser(text, gaz, demonyms=demonyms)
    candidates = _recognise(parser)
    _resolve(candidates, gaz, context=context or (), text=text)
    mentions = [_mention(c) for c in candidates if c.chosen is not None or c.unresolved]
    return _apply_corrections(mentions) if corrections and mentions else mentions


def _apply_corrections(mentions: list[PlaceMention]) -> list[PlaceMention]:
    from geomap.corrections import load_corrections

    saved = load_corrections()
    if not saved:
        return mentions
    fixed = []
    for m in mentions:
        entry = saved.get(normalize_name(m.name))
        if entry is not None:
            m = replace(
                m, lat=float(entry["lat"]), lon=float(entry["lon"]), geonameid=entry.get("geonameid"),
                country_code=entry.get("country_code", ""), kind=entry.get("kind") or m.kind,
                resolved=True, confidence=max(m.confidence, 0.95),
                place_name=entry.get("place_name") or m.name, source="correction",
            )
        fixed.append(m)
    return fixed


def demonym_country(word: str, *, gazetteer: Gazetteer | None = None) -> str:
    """Return the ISO2 code of the country a demonym or adjective names, else "".

    The same resolution as ``geoparse(text, demonyms=True)``: "Russian" -> "RU",
    "Tajiks" -> "TJ", "Nigerian" -> "NG" (not Niger). Group names with no single
    country ("Kurdish", "Pashtun") and continents ("European") give "".

    Parameters
    ----------
    word : str
        One word as written, capitalised ("Afghan").
    gazetteer : Gazetteer, optional
        Defaults to :func:`geomap.gazetteer.load_gazetteer`.

    Returns
    -------
    str
        ISO 3166-1 alpha-2 code, or "".

    Examples
    --------
    >>> demonym_country("Afghan"), demonym_country("Kurdish")
    ('AF', '')
    """
    gaz = gazetteer if gazetteer is not None else load_gazetteer()
    return _demonym_country(gaz, word)


@functools.lru_cache(maxsize=4096)
def _demonym_country(gaz: Gazetteer, word: str) -> str:
    places = _demonym_places(gaz, word)
    return places[0][0].country_code if places and places[0][0].kind == "country" else ""


def format_mentions(mentions: Iterable[PlaceMention], *, as_json: bool = False) -> str:
    """Render mentions for the terminal or as JSON.

    Parameters
    ----------
    mentions : iterable of PlaceMention
        As returned by :func:`geoparse`.
    as_json : bool, optional
        Return a JSON array of objects instead of aligned text.

    Returns
    -------
    str
        One line per mention (start-end, name, kind, country, lat, lon,
        confidence, gazetteer name), or JSON.
    """
    items = list(mentions)
    if as_json:
        return json.dumps([m.to_dict() for m in items], ensure_ascii=False, indent=2)
    if not items:
        return ""
    lines = [f"{'span':<13} {'name':<40} {'kind':<13} {'cc':<5} {'lat':>9} {'lon':>9} conf  place"]
    for m in items:
        where = f"{m.lat:9.4f} {m.lon:9.4f}" if m.resolved else f"{'unresolved':>19}"
        lines.append(
            f"{m.start:>6}-{m.end:<6} {m.name[:40]:<40} {m.kind[:13]:<13} "
            f"{m.country_code or '-':<5} {where} {m.confidence:4.2f}  {m.place_name}"
        )
    return "\n".join(lines)


# ----------------------------------------------------------------------------- pass 2


def _recognise(parser: _Parser) -> list[_Candidate]:
    found: list[_Candidate] = []
    for run in parser.runs():
        spans = parser.matches(run)
        for k, (i, stop) in enumerate(spans):
            cand = _classify(parser, run, spans, k)
            if cand is not None:
                found.append(cand)
        _maybe_unresolved(parser, run, spans, found)
        _maybe_named_by_form(parser, run, spans, found)
        _maybe_named_by_apposition(parser, run, spans, found)
        _maybe_named_by_container(parser, run, spans, found)
        _maybe_respelt(parser, run, spans, found)
        _maybe_generic_tail(parser, run, found)
    covered = {i for c in found for i in range(c.start_tok, c.end_tok)}
    found.extend(c for c in _hyphen_prefixes(parser) if c.start_tok not in covered)
    if parser.want_demonyms:
        found.extend(c for c in _demonym_candidates(parser) if c.start_tok not in covered)
    found.sort(key=lambda c: c.start)
    inside = {c.surface for c in found if not c.initial}
    for cand in found:
        cand.only_initial = cand.initial and cand.surface not in inside
    return _drop_person_words(parser, found)


def _classify(parser: _Parser, run: list[_Token], spans, k: int) -> _Candidate | None:
    i, stop = spans[k]
    first, last = run[i], run[stop - 1]
    text = parser.text
    surface = text[first.start : last.end]
    places = parser.candidates(surface)
    if not places or _not_a_place_by_form(parser, surface, first, last, single=stop - i == 1):
        return None
    cand = _Candidate(first.index, last.index + 1, first.start, last.end, surface, places)
    # In a title-case headline a capital letter says as little as at a sentence start.
    cand.initial = first.sentence_start or first.index in parser.headline_tokens
    cand.common = stop - i == 1 and surface.lower() in parser.lower_words
    cand.determiner = first.index > 0 and parser.tokens[first.index - 1].lower == "the"
    nxt_text = parser.tokens[last.index + 1].text if last.index + 1 < len(parser.tokens) else ""
    cand.dateline = first.sentence_start and surface.isupper() and nxt_text in (",", "(", "-", "\u2014", "\u2013")
    if _is_demonym(parser.gaz, surface, places):
        # "American", "Syrian", "Indian" also name small towns or a sea: as a demonym
        # the word points to its country, if it stands as one here.
        places = _demonym_places(parser.gaz, surface) if parser.want_demonyms and stop - i == 1 else []
        if not places or not _demonym_stands(parser, first):
            return None
        return _demonym_candidate(parser, first, places)
    before = run[i - 1] if i > 0 else None
    after = run[stop] if stop < len(run) else None
    verdict = _neighbours(parser, run, spans, k, before, after)
    if verdict is None:
        if first.index not in parser.headline_tokens:
            return None
        # "Taliban Seize Kunduz": in a title-case headline a capitalised neighbour says
        # nothing; the name stands only if the article accepts it elsewhere (one sense).
        verdict = -10.0
    cand.evidence = verdict
    cand.kinds = _kind_cues(parser, cand, after)
    # "the village of Sotk", "Niger River": the form says place; the question left is which.
    cand.by_form = _of_place(parser, cand) or (stop - i > 1 and last.lower in _FORM_TAILS)
    prev = parser.tokens[first.index - 1] if first.index > 0 else None
    cand.after_locative = prev is not None and prev.lower in _PLACE_PREPOSITIONS
    cand.respell = prev is not None and prev.lower in _RESPELL_PREPOSITIONS and \
        not _numbered(parser, last)
    # "at the White House": a venue, where "the White House said" is its government.
    cand.venue = cand.after_locative or (prev is not None and prev.lower == "the" and prev.index > 0
                                         and parser.tokens[prev.index - 1].lower in _PLACE_PREPOSITIONS)
    cand.evidence += _local_evidence(parser, cand)
    return cand


def _not_a_place_by_form(parser: _Parser, surface: str, first: _Token, last: _Token, *, single: bool) -> bool:
    """Forms that are never a place whatever the gazetteer says."""
    low = surface.lower()
    if single and (_generic(low) or low in TITLES):
        return True  # "University", "Police", "Villages": common nouns that are also villages
    after = parser.text[last.end : last.end + 2]
    if after[:1] in _NOT_AFTER_PLACE or re.match(r"-\d", after):
        return True  # "US$460", "UK£", "AK-47": a currency or a code
    nxt = parser.tokens[last.index + 1] if last.index + 1 < len(parser.tokens) else None
    if nxt is not None and nxt.lower in EPONYM_NOUNS:
        return True  # "West Nile virus", "Ebola outbreak": a disease, not a location
    # "Reading the report": a participle opening a sentence, not the town ("in Beijing the ...").
    return (single and first.sentence_start and low.endswith("ing")
            and nxt is not None and nxt.lower in _DETERMINERS)


def _neighbours(parser, run, spans, k, before, after) -> float | None:
    """Score what stands right beside a span inside its capitalised run; None = not a place."""
    i, stop = spans[k]
    # A neighbouring match counts as a place only when it is a large one
    # ("Kabul Afghanistan"); "Dominic" the village does not make Raab a place.
    large = [(s, e) for s, e in spans if _large_span(parser, run, s, e)]
    left_spans = {s for s, _ in large}
    right_spans = {e for _, e in large}
    admin = (i, stop) in large
    evidence = 0.0
    if before is not None and i not in right_spans:
        left = _left_evidence(parser, run, i, stop, before, admin=admin, right_spans=right_spans)
        if left is None:
            return None
        evidence += left
    if after is not None and stop not in left_spans:
        right = _right_evidence(parser, run, i, stop, before, after, admin=admin)
        if right is None:
            return None
        evidence += right
    return evidence


def _left_evidence(parser, run, i, stop, before, *, admin, right_spans) -> float | None:
    low = before.lower.rstrip(".")
    if low in TITLES or before.lower in TITLES:
        _remember_person(parser, run[i:stop])
        return None  # "President Biden", "Minister Raab"
    if low in ("and", "the"):
        return 0.0
    if low in CONNECTORS:
        head = run[i - 2].lower.rstrip(".") if i >= 2 else ""
        if head in OF_PLACE_HEADS or (i - 1) in right_spans:
            return 0.5  # "City of London", "Republic of Korea"
        if head in ORG_WORDS:
            return None  # "University of Texas", "Bank of England"
        return 0.0  # "Anne McLellan of Edmonton", "Mayor of London"
    if low in MODIFIERS:
        return 0.3
    if _is_demonym_token(parser, before) or _is_common(parser, before):
        return 0.0
    if before.sentence_start and admin:
        return 0.0  # "One Edmonton resident": the first word of a sentence is no first name
    if admin and stop == len(run) and (_country_first(parser, run, i, stop) or not _looks_like_name(run)):
        return 0.0  # "Environment Canada", "Team Alberta": named after the country or state
    if _looks_like_name(run) and not before.text.isupper() and not _large_span(parser, run, i, stop):
        # "Dominic Raab", "Jennifer Paterson": a first name, then any city as surname.
        _remember_person(parser, run[i:stop])
    return None  # "Dominic Raab", "George Washington"


def _right_evidence(parser, run, i, stop, before, after, *, admin) -> float | None:
    low = after.lower.rstrip(".")
    if low in TITLE_AFTER or after.lower in TITLE_AFTER:
        return 0.3  # "New York Gov. Cuomo", "US President"
    if low in KIND_WORDS:
        return 0.5
    if after.lower in CONNECTORS or _is_common(parser, after):
        return 0.0  # "Tehran and Islamabad"
    if admin and i == 0 and (_generic(low) or low in TITLES or (len(run) >= 3 and _country_first(parser, run, i, stop))):
        return 0.0  # "Queensland Police", "US Centers for Disease Control", "U.S. Agriculture Secretary"
    if before is None and _looks_like_name(run) and not _big_span(parser, run, i, stop):
        # "Xi Jinping", "Wang Yi": a small place first is a family name; a big
        # one first heads an organisation ("London Homeless Coalition").
        _remember_person(parser, run[i:stop])
    return None  # "Xi Jinping", "Paris Police Department", "South China Morning Post"


def _large_span(parser: _Parser, run: list[_Token], i: int, stop: int) -> bool:
    surface = parser.text[run[i].start : run[stop - 1].end]
    return _is_admin(parser.candidates(surface))


def _country_first(parser: _Parser, run: list[_Token], i: int, stop: int) -> bool:
    surface = parser.text[run[i].start : run[stop - 1].end]
    places = parser.candidates(surface)
    return bool(places) and places[0][0].kind in ("country", "continent")


def _big_span(parser: _Parser, run: list[_Token], i: int, stop: int) -> bool:
    surface = parser.text[run[i].start : run[stop - 1].end]
    return any(_is_large(p) for p, _ in parser.candidates(surface))


def _is_admin(places: list[tuple[Place, bool]]) -> bool:
    """Whether a name first means a country or continent, or a province or region by its own name."""
    if not places:
        return False
    place, primary = places[0]
    return place.kind in ("country", "continent") or (place.kind in ("province", "region") and primary)


def _looks_like_name(run: list[_Token]) -> bool:
    """Whether a run reads as a person's name: "Xi Jinping", "Dominic Raab".

    Two or three words, none of them a word for an organisation, a kind of
    place or a direction ("Buffalo Public Schools", "Village Malakal").
    """
    return 2 <= len(run) <= 3 and not any(_generic(t.lower) for t in run)


def _generic(low: str) -> bool:
    low = low.rstrip(".")
    singular = low[:-1] if low.endswith("s") and len(low) > 3 else low
    return any(w in ORG_WORDS or w in KIND_WORDS or w in OF_PLACE_HEADS or w in MODIFIERS
               or w in STOPWORDS for w in (low, singular))


def _remember_person(parser: _Parser, tokens: list[_Token]) -> None:
    if any(t.index in parser.headline_tokens for t in tokens):
        return  # "Taliban Seize Kunduz": in a title-case headline every word is capitalised
    for token in tokens:
        if token.is_word and token.is_cap:
            parser.person_words.add(token.text)


def _drop_person_words(parser: _Parser, found: list[_Candidate]) -> list[_Candidate]:
    # A surname seen with a title or a first name is that person everywhere in
    # the article ("President Biden ... Biden said").
    # A kind noun before "of" outweighs it: "the northern city of Kunduz" is the city.
    return [c for c in found if c.unresolved or c.surface not in parser.person_words or _of_place(parser, c)]


def _of_place(parser: _Parser, cand: _Candidate) -> bool:
    """"the (northern) city of X": a kind noun, not itself part of a name, then "of"."""
    tokens = parser.tokens
    return (cand.start_tok >= 2 and tokens[cand.start_tok - 1].lower == "of"
            and tokens[cand.start_tok - 2].lower in OF_PLACE_HEADS and not _named_head(parser, cand.start_tok - 2))


def _named_head(parser: _Parser, head: int) -> bool:
    """"the Cacuaco district of Angola": the kind noun belongs to the name before it, and
    what follows "of" is the larger place around it."""
    if head == 0 or parser.tokens[head].is_cap:
        return False
    prev = parser.tokens[head - 1]
    return (prev.is_word and prev.is_cap and prev.lower not in STOPWORDS and prev.lower not in MODIFIERS
            and not _is_demonym_token(parser, prev))


def _is_common(parser: _Parser, token: _Token) -> bool:
    low = token.lower
    return low in STOPWORDS or (token.sentence_start and low in parser.lower_words)


def _is_demonym_token(parser: _Parser, token: _Token) -> bool:
    return token.lower in IRREGULAR_DEMONYMS or _demonym_root(parser.gaz, token.text) is not None


def _kind_cues(parser: _Parser, cand: _Candidate, after: _Token | None) -> tuple[str, ...]:
    tokens = parser.tokens
    nxt = tokens[cand.end_tok] if cand.end_tok < len(tokens) else None
    if nxt is not None and nxt.lower in KIND_WORDS and _adjacent(parser.text, tokens[cand.end_tok - 1], nxt):
        return KIND_WORDS[nxt.lower]
    if cand.start_tok >= 2:
        of, head = tokens[cand.start_tok - 1], tokens[cand.start_tok - 2]
        if of.lower == "of" and head.lower in OF_PLACE_HEADS and not _named_head(parser, cand.start_tok - 2):
            return OF_PLACE_HEADS[head.lower]
    return ()


def _local_evidence(parser: _Parser, cand: _Candidate) -> float:
    """Evidence from the words just outside the span: prepositions, commas, articles."""
    tokens = parser.tokens
    evidence = 0.0
    prev = tokens[cand.start_tok - 1] if cand.start_tok > 0 else None
    if prev is not None and prev.lower in LOCATIVES:
        evidence += 0.6
    if prev is not None and prev.lower == "the":
        evidence += 0.2
    if cand.kinds:
        evidence += 0.6
    if cand.end_tok < len(tokens) and tokens[cand.end_tok].text == ",":
        evidence += 0.2
    if prev is not None and prev.text == ",":
        evidence += 0.2
    return evidence


def _maybe_unresolved(parser: _Parser, run: list[_Token], spans, found: list[_Candidate]) -> None:
    """Report "Metcalfe County"-like names: capitalised words closed by a place noun."""
    # A known name that ends with the suffix ("Metcalfe County" if listed) stands; the
    # suffix word alone being some place's name ("River", "Base") does not count.
    covered = {e for s, e in spans if e - s > 1}
    for j, token in enumerate(run):
        facility = _facility_word(run, j)
        if j == 0 or not (token.lower in PLACE_SUFFIXES or facility) or (j + 1) in covered:
            continue
        head = j - 1 if facility and token.lower in ("base", "field") else j
        while head > 0 and _name_word(run[head - 1]):
            head -= 1
        if head == j or run[j - 1].lower in ORG_WORDS:
            continue  # "School District" names a body, not a place
        if all(t.lower in MODIFIERS or t.text.isupper() or "." in t.text for t in run[head:j]):
            continue  # "U.S. District Court", "Southern District of New York"
        first, last = run[head], token
        surface = parser.text[first.start : last.end]
        places = [(p, True) for p in parser.gaz.lookup(surface)]
        if not places and facility:
            # "Bagram Air Base": a base the gazetteer lacks is at the place it is named after,
            # chosen in context ("Bagram" in an Afghan article is not the Iranian village).
            name = parser.text[first.start : run[j - (2 if token.lower in ("base", "field") else 1)].end]
            places = [(p, pr) for p, pr in parser.candidates(name) if p.kind in ("city", "neighbourhood")]
        found[:] = [c for c in found if not (first.start <= c.start < last.end)]
        cand = _Candidate(first.index, last.index + 1, first.start, last.end, surface, places, evidence=1.0)
        cand.unresolved = not places
        cand.by_form = True
        found.append(cand)


_FACILITIES = frozenset({"airbase", "airfield"})
# Prepositions after which a capitalised name is a place by position.
_PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "into"})
# Last words that make a multi-word name a place by its form.
_FORM_TAILS = PLACE_SUFFIXES | {"river", "bridge", "crossing", "airport", "lake", "valley", "mountains"}


def _facility_word(run: list[_Token], j: int) -> bool:
    """Whether run[j] closes a named air base: "X Airbase", "X Airfield", "X Air Base"."""
    low = run[j].lower
    if low in _FACILITIES:
        return True
    return low in ("base", "field") and j >= 2 and run[j - 1].lower == "air"


def _maybe_named_by_form(parser: _Parser, run: list[_Token], spans, found: list[_Candidate]) -> None:
    """Unknown names whose form says place: "the village of Kampungu", "Fort Hood"."""
    tokens = parser.tokens
    start = run[0].index
    after_head = (start >= 2 and tokens[start - 1].lower == "of"
                  and tokens[start - 2].lower in OF_PLACE_HEADS and not spans)
    fort = run[0].lower in PLACE_PREFIXES and len(run) >= 2 and _name_word(run[1]) and not (
        spans and spans[0] == (0, len(run)))
    if not (after_head or fort):
        return
    stop = 1
    while stop < len(run) and _name_word(run[stop]) and run[stop].lower not in ORG_WORDS:
        stop += 1
    if fort:
        stop = max(stop, 2)
    first, last = run[0], run[stop - 1]
    surface = parser.text[first.start : last.end]
    if parser.gaz.lookup(surface):
        return
    found[:] = [c for c in found if not (first.start <= c.start < last.end)]
    cand = _Candidate(first.index, last.index + 1, first.start, last.end, surface, [], evidence=1.0)
    cand.unresolved = True
    found.append(cand)


def _maybe_named_by_apposition(parser: _Parser, run: list[_Token], spans, found: list[_Candidate]) -> None:
    """Unknown names that an apposition calls a place: "Bulobarde, a town on the river"."""
    if _bare_unknown_name(run, spans, found) and _PLACE_APPOSITION.match(parser.text, run[-1].end):
        found.append(_unresolved_run(parser, run))


def _bare_unknown_name(run: list[_Token], spans, found: list[_Candidate]) -> bool:
    """Whether a run is all name words, no gazetteer name, no organisation, not yet found."""
    if spans or any(c.start < run[-1].end and run[0].start < c.end for c in found):
        return False
    return all(_name_word(t) for t in run) and not any(t.lower in ORG_WORDS for t in run)


def _unresolved_run(parser: _Parser, run: list[_Token]) -> _Candidate:
    first, last = run[0], run[-1]
    cand = _Candidate(first.index, last.index + 1, first.start, last.end,
                      parser.text[first.start : last.end], [], evidence=1.0)
    cand.unresolved = True
    return cand


def _maybe_named_by_container(parser: _Parser, run: list[_Token], spans, found: list[_Candidate]) -> None:
    """Unknown names placed inside a known area: "at Hamdayet in Kassala state",
    "near Fambita, Tillaberi region", "in Bagan, Pakistan". The position after a
    locative and the container after the name together say place."""
    if not _bare_unknown_name(run, spans, found):
        return
    start = run[0].index
    if start == 0 or parser.tokens[start - 1].lower not in _PLACE_PREPOSITIONS:
        return
    container = _CONTAINER.match(parser.text, run[-1].end)
    if container is not None and _is_container(parser, container):
        found.append(_unresolved_run(parser, run))


def _maybe_respelt(parser: _Parser, run: list[_Token], spans, found: list[_Candidate]) -> None:
    """An unknown name where a place is expected ("outside Koya") may be a known town
    spelt another way; :func:`_respell` decides once the article's places are known."""
    start = run[0].index
    if len(run) == 1 and start > 0 and parser.tokens[start - 1].lower in _RESPELL_PREPOSITIONS \
            and not _numbered(parser, run[-1]) and _bare_unknown_name(run, spans, found):
        cand = _unresolved_run(parser, run)
        cand.unresolved, cand.respell = False, True
        found.append(cand)


def _is_container(parser: _Parser, match: re.Match) -> bool:
    """Whether the words after a name are a country, or a province by name or kind word."""
    if match.group("kind"):
        return True
    kinds = {p.kind for p in parser.gaz.lookup(match.group("name"))}
    return bool(kinds & {"country", "province"})


# ", Pakistan", " in Kassala state", ", Tillaberi region": an area after a name.
_CONTAINER = re.compile(
    r"(?:,\s+|\s+in\s+)(?:the\s+)?(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})"
    r"(?:\s+(?P<kind>state|province|region|district|governorate|oblast|county))?\b")


_PLACE_APPOSITION = re.compile(
    r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:town|city|village|district|port|settlement|"
    r"camp|hamlet|suburb|neighbou?rhood|municipality|province|region)\b(?!\s+(?:council|"
    r"official|resident|elder|mayor|governor|chief|leader)s?\b)")


# Lower-case words that end some gazetteer names ("Tajik-Afghan border", "Kabul airport").
GENERIC_TAILS = frozenset({"border", "airport", "crossing", "bridge"})


def _maybe_generic_tail(parser: _Parser, run: list[_Token], found: list[_Candidate]) -> None:
    """A run plus the lower-case word after it that together name one place."""
    tokens = parser.tokens
    last = run[-1]
    nxt = tokens[last.index + 1] if last.index + 1 < len(tokens) else None
    if nxt is None or nxt.lower not in GENERIC_TAILS or not _adjacent(parser.text, last, nxt):
        return
    for head in range(len(run)):
        if run[head].lower in CONNECTORS or run[head].lower in STOPWORDS:
            continue  # "the Torkham crossing" is "Torkham crossing"
        surface = parser.text[run[head].start : nxt.end]
        if parser.gaz.has_key(normalize_name(surface)):
            places = parser.candidates(surface)
            found[:] = [c for c in found if not (run[head].start <= c.start < nxt.end)]
            found.append(_Candidate(run[head].index, nxt.index + 1, run[head].start, nxt.end,
                                    surface, places, evidence=1.0))
            return


def _name_word(token: _Token) -> bool:
    low = token.lower.rstrip(".")
    return (token.is_cap and low not in STOPWORDS and low not in TITLES and low not in CONNECTORS
            and low not in PLACE_SUFFIXES)


def _hyphen_prefixes(parser: _Parser) -> list[_Candidate]:
    """Places inside hyphenated words: "Kabul-based", "US-backed", "US-China", "Afghan-Pakistan"."""
    found = []
    for token in parser.tokens:
        if "-" not in token.text or not token.is_cap or parser.gaz.has_key(normalize_name(token.text)):
            continue
        parts = token.text.split("-")
        if any(part in CONNECTORS for part in parts[1:]) or any(len(p) < 2 or not p.isalpha() for p in parts):
            continue  # "Mazār-e Sharīf" is one name; "AK-47", "D-CA" are codes
        offset, found_here = token.start, []
        for part in parts:
            cand = _hyphen_part(parser, token, part, offset)
            if cand is None and part[:1].isupper() and not _is_demonym_token(parser, _Token(part, 0, 0, 0)):
                found_here = []  # "Kerry-Ann", "France-Presse": one name, not places
                break
            if cand is not None:
                found_here.append(cand)
            offset += len(part) + 1
        found.extend(found_here)
    return found


def _hyphen_part(parser: _Parser, token: _Token, part: str, offset: int) -> _Candidate | None:
    if not part[:1].isupper() or len(part) < 2 or (len(part) <= 3 and not part.isupper()):
        return None
    places = parser.gaz.candidates(part)
    if not places or _is_demonym(parser.gaz, part, places):
        return None
    big = [(p, pr) for p, pr in places if p.kind in ("country", "continent")
           or (pr and (p.kind in ("province", "region") or p.population >= 100_000))]
    if not big:
        return None
    return _Candidate(token.index, token.index + 1, offset, offset + len(part), part, big, evidence=0.3)


# ----------------------------------------------------------------------------- demonyms


def _demonym_candidates(parser: _Parser) -> list[_Candidate]:
    """With ``demonyms=True``: "Afghan", "Tajik", "Chinese" at their country or region."""
    found = []
    for token in parser.tokens:
        if not (token.is_word and token.is_cap) or parser.gaz.has_key(normalize_name(token.text)):
            continue
        places = _demonym_places(parser.gaz, token.text)
        if _demonym_stands(parser, token):
            cand = _demonym_candidate(parser, token, places)
            if cand is not None:
                found.append(cand)
    # "Ashraf Ghani ... Ghani said": a surname once is a surname everywhere.
    return [c for c in found if c.surface not in parser.person_words]


def _demonym_candidate(parser: _Parser, token: _Token, places: list[tuple[Place, bool]]) -> _Candidate | None:
    first = token
    prev = parser.tokens[token.index - 1] if token.index > 0 else None
    if prev is not None and prev.lower in _COMPASS and prev.is_cap and _adjacent(parser.text, prev, token):
        # "South African", "North Korean", "South Sudanese": the compass word is part of the name.
        names, _ = _region_names(parser.gaz)
        key = normalize_name(token.text)
        whole = [f"{prev.lower} {r}" for r in _demonym_stems(key) if f"{prev.lower} {r}" in names]
        found = [(p, pr) for name in whole for p, pr in parser.gaz.candidates(name) if p.kind == "country"]
        if found:
            first, places = prev, rank_candidates(found)[:1]
    if not places:
        return None
    cand = _Candidate(first.index, token.index + 1, first.start, token.end,
                      parser.text[first.start : token.end], places, evidence=1.0)
    cand.demonym = True
    return cand


_COMPASS = frozenset({"north", "south", "east", "west", "central"})


def _demonym_stems(key: str) -> list[str]:
    """Every root the suffix rules derive from a demonym's key ("sudanese" -> "sudan", ...)."""
    roots = []
    for suffix in _DEMONYM_SUFFIXES:
        if key.endswith(suffix):
            stem = key[: -len(suffix)]
            roots += [stem, stem + "a", stem + "ia", stem + "e", stem + "y", stem + "ey", stem + "land"]
    return [r for r in roots if len(r) >= 3]


def _demonym_stands(parser: _Parser, token: _Token) -> bool:
    """Whether a demonym-like word is one here: not a surname, not part of an organisation's name."""
    tokens = parser.tokens
    nxt = tokens[token.index + 1] if token.index + 1 < len(tokens) else None
    if nxt is not None and nxt.is_cap and nxt.lower in ORG_HEADS and _adjacent(parser.text, token, nxt):
        return False  # "African Union", "Islamic Front"
    prev = tokens[token.index - 1] if token.index > 0 else None
    if (prev is not None and prev.is_word and prev.is_cap and not token.sentence_start
            and _adjacent(parser.text, prev, token) and prev.index not in parser.headline_tokens):
        low = prev.lower.rstrip(".")
        if not (low in STOPWORDS or low in MODIFIERS or low in TITLES or _is_demonym_token(parser, prev)
                or any(_is_large(p) for p, _ in parser.candidates(prev.text))):
            parser.person_words.add(token.text)
            return False  # "Ashraf Ghani": a first name, then a surname that looks like a demonym
    return True


def _demonym_places(gaz: Gazetteer, word: str) -> list[tuple[Place, bool]]:
    """The country, continent or region a demonym points to ("Chinese" -> China), or []."""
    low = word.lower()
    if low in IRREGULAR_DEMONYM_PLACES:
        name = IRREGULAR_DEMONYM_PLACES[low]
    else:
        name = _demonym_root(gaz, word)
    if not name:
        return []
    ranked = rank_candidates([(p, pr) for p, pr in gaz.candidates(name) if p.kind in _DEMONYM_KINDS])
    if not ranked:
        return []
    best = min(_DEMONYM_KINDS.index(p.kind) for p, _ in ranked)
    return [pair for pair in ranked if _DEMONYM_KINDS.index(pair[0].kind) == best][:1]


_DEMONYM_KINDS = ("country", "continent", "region", "province")
_DEMONYM_CACHE: dict[int, tuple[dict[str, int], frozenset[str]]] = {}


def _region_names(gaz: Gazetteer) -> tuple[dict[str, int], frozenset[str]]:
    """Names of countries, continents, regions and provinces with the rank of their
    best kind (a country first), and the prefixes of 4+ letters of one-word names."""
    cached = _DEMONYM_CACHE.get(id(gaz))
    if cached is None:
        names: dict[str, int] = {}
        for p in gaz.iter_kinds(_DEMONYM_KINDS):
            key = normalize_name(p.name)
            names[key] = min(names.get(key, 9), _DEMONYM_KINDS.index(p.kind))
        prefixes = {n[:k] for n in names if " " not in n for k in range(4, len(n))}
        cached = _DEMONYM_CACHE[id(gaz)] = (names, frozenset(prefixes))
    return cached


def _demonym_root(gaz: Gazetteer, word: str) -> str | None:
    """The country-like name a demonym comes from ("Russian" -> "russia"), else None.

    Of all the roots the suffix rules give, a country beats a continent, a region or a
    province, and a longer root a shorter one: "Chinese" is China (not Chin State),
    "Nigerian" Nigeria (not Niger), "Algerian" Algeria (not Alger).
    """
    key = normalize_name(word)
    if len(key) < 4 or " " in key or not word[:1].isupper():
        return None
    names, prefixes = _region_names(gaz)
    if key in names:
        return None
    roots = [r for r in _demonym_stems(key) if r in names]
    roots += [key + tail for tail in ("istan", "stan", "land") if key + tail in names]
    if roots:
        return min(roots, key=lambda r: (names[r], -len(r)))
    if key[:5] in prefixes and key.endswith(("ese", "ish", "ian", "ean", "ic")):
        return key[:5]
    return None


def _is_demonym(gaz: Gazetteer, surface: str, places: list[tuple[Place, bool]]) -> bool:
    if any(p.kind in ("country", "province", "continent") and pr for p, pr in places):
        return False
    low = surface.lower()
    return low in IRREGULAR_DEMONYMS or _demonym_root(gaz, surface) is not None


# ----------------------------------------------------------------------------- pass 3

_CONTEXT_KINDS = ("country", "province", "region")
ACCEPT_THRESHOLD = 4.6


def _resolve(candidates: list[_Candidate], gaz: Gazetteer, *, context: Iterable[str], text: str) -> None:
    countries = _context_countries(gaz, context)
    for cand in candidates:
        cand.places = _filter_kinds(cand.places, cand.kinds)
        _score(cand, Counter())
    # One vote per distinct name: sixteen "London"s must not outvote the
    # Ontario towns around them, and a name never votes for itself.
    anchors = {normalize_name(a.surface): a for a in _anchors(candidates)}
    done: dict[tuple, _Candidate] = {}
    for cand in candidates:
        if not cand.places:
            continue
        key = normalize_name(cand.surface)
        twin = done.get((key, cand.kinds, cand.determiner))
        if twin is not None:
            # The same name with the same cues has the same context everywhere:
            # score it once (a long article repeats its names hundreds of times).
            cand.chosen, cand.scores, cand.margin = twin.chosen, twin.scores, twin.margin
            continue
        others = [a for k, a in anchors.items() if k != key]
        doc = countries + Counter(cc for a in others for cc in _countries(a.chosen))
        _score(cand, doc, anchors=[a.chosen for a in others])
        done[(key, cand.kinds, cand.determiner)] = cand
    _pair_cities_with_regions(candidates, text)
    _keep_in_possessor(candidates, text)
    for cand in candidates:
        key = normalize_name(cand.surface)
        cand.militia = _ARMED_GROUP_AFTER.match(text, cand.end) is not None
        doc = countries + Counter(cc for k, a in anchors.items() if k != key for cc in _countries(a.chosen))
        _accept(cand, doc, Counter(), near=[a.chosen for k, a in anchors.items() if k != key and a.chosen])
    _respell(candidates, gaz)
    _one_sense(candidates)


#: How far from the article's other places a respelt town may lie.
_RESPELL_KM = 150.0
_RESPELL_WINDOW = 400  # characters: the places named around a name
_RESPELL_PREPOSITIONS = _PLACE_PREPOSITIONS | {"around"}


def _stray_town(place: Place, accepted: list[Place]) -> bool:
    """A small town far from every other place of the article ("Koya town" beside Erbil
    read as Kōya in Japan): a reading a near respelling may replace."""
    return place.kind in ("city", "neighbourhood") and place.population < 100_000 and \
        _far_from_all(place, [a for a in accepted if a is not place], any_size=True)


def _respell(candidates: list[_Candidate], gaz: Gazetteer) -> None:
    """Resolve a name the gazetteer lacks, in a place's position, to a town of the
    article's countries spelt one soft letter apart ("around Koya" beside Erbil is
    Koysinceq, also written Koye), the nearest to the places named around it."""
    accepted = [c for c in candidates if c.chosen is not None and not c.demonym]
    places = [c.chosen for c in accepted]
    countries = {cc for place in places for cc in _countries(place)}
    for cand in candidates:
        if not _wants_respelling(cand, places):
            continue
        around = [c.chosen for c in accepted if c is not cand
                  and abs(c.start - cand.start) <= _RESPELL_WINDOW]
        # "near the village of Balyun in southern Idlib": inside the area named next.
        area = next((c.chosen for c in accepted if 0 <= c.start - cand.end <= 24
                     and c.chosen.kind in ("country", "province")), None)
        near = [(_reach(place, around), place)
                for place in gaz.respellings(cand.surface, countries=countries)
                if area is None or contains(area, place)]
        near = [pair for pair in near if pair[0] <= _RESPELL_KM]
        if near:
            cand.chosen = min(near, key=lambda pair: pair[0])[1]
            cand.unresolved, cand.evidence, cand.margin = False, ACCEPT_THRESHOLD, 0.0


def _wants_respelling(cand: _Candidate, accepted: list[Place]) -> bool:
    """A name where a place is expected that the gazetteer lacks, or reads only as a stray
    town; not an acronym ("NASA"), nor a name cued as something other than a town."""
    if cand.chosen is not None and not _stray_town(cand.chosen, accepted):
        return False
    if not (cand.respell or cand.unresolved) or cand.surface.isupper():
        return False
    return not cand.kinds or bool(set(cand.kinds) & {"city", "neighbourhood"})


def _numbered(parser: _Parser, token: _Token) -> bool:
    """"at Euro 2016": a name followed by a number names an event or a model."""
    following = token.index + 1
    return following < len(parser.tokens) and parser.tokens[following].text[:1].isdigit()


def _reach(town: Place, around: list[Place]) -> float:
    """How far a town lies from the places named around it: 0 inside a province named
    there, else the distance to the nearest town (a country is too wide to say)."""
    best = math.inf
    for place in around:
        if place.kind in ("country", "province", "region", "continent"):
            if place.kind == "province" and contains(place, town):
                return 0.0
            continue
        best = min(best, distance_km(town.lat, town.lon, place.lat, place.lon))
    return best


def _context_countries(gaz: Gazetteer, context: Iterable[str]) -> Counter:
    counts: Counter = Counter()
    for item in context:
        if isinstance(item, str) and len(item) == 2 and item.isupper():
            counts[item] += 2
        elif isinstance(item, str):
            found = gaz.lookup(item)
            if found:
                counts.update({cc: 2 for cc in _countries(found[0])})
    return counts


def _filter_kinds(places, kinds):
    if not kinds:
        return places
    narrowed = [(p, pr) for p, pr in places if p.kind in kinds]
    return narrowed or places


def _countries(place: Place | None) -> list[str]:
    return [c for c in place.country_code.split("/") if c] if place else []


def _score(cand: _Candidate, doc: Counter, *, anchors: list[Place] | None = None) -> None:
    # The prior's top dozen: "Buffalo" has fifty namesakes, none of them the answer past those.
    ranked = rank_candidates(cand.places)[:12]
    priors = prior_weights(ranked)
    bare = " " not in cand.surface and not cand.kinds and not cand.determiner
    total = sum(doc.values()) or 1
    scores = {}
    for n, (place, primary) in enumerate(ranked):
        score = priors[id(place)] - 0.001 * n
        if bare and place.kind in ("river", "lake", "mountain", "physical"):
            score -= 1.0  # "near Panj": a bare one-word name is the town, not the river
            if cand.after_locative:
                score -= 2.0  # "arrived in Tumbes": the town, though the river is the border
        if (cand.determiner and not cand.kinds and not primary
                and place.kind in ("province", "region")):
            score -= 1.0  # "across the Nile": the river, not River Nile State's short name
        # max, not sum: a border river is not twice as likely as the town on it
        share = max((doc.get(cc, 0) for cc in _countries(place)), default=0) / total
        score += 3.0 * share + (1.0 if share > 0 else 0.0)
        # Nearness speaks for towns and features; a province's label point is no location.
        if anchors and place.kind not in ("country", "continent", "province", "region"):
            score += _nearness(place, anchors)
        scores[id(place)] = score
    best = max(ranked, key=lambda pair: scores[id(pair[0])], default=None)
    cand.scores = scores
    cand.chosen = best[0] if best else None
    # The margin that matters is over the best rival elsewhere: a city and the
    # province around it, a few km apart, are not competing answers.
    rivals = [scores[id(p)] for p, _ in ranked
              if best and p is not best[0] and distance_km(p.lat, p.lon, best[0].lat, best[0].lon) > 100]
    cand.margin = scores[id(best[0])] - max(rivals) if best and rivals else 5.0


def _nearness(place: Place, anchors: list[Place]) -> float:
    """Bonus for a candidate inside a province the article names, or near its other places."""
    if any(a.kind == "province" and contains(a, place) for a in anchors if a is not place):
        return 1.5
    near = min((distance_km(place.lat, place.lon, a.lat, a.lon) for a in anchors
                if a.kind not in ("country", "continent") and a is not place), default=1e9)
    return 1.5 if near < 100 else 0.8 if near < 400 else 0.0


def _anchors(candidates: list[_Candidate]) -> list[_Candidate]:
    """Mentions sure enough to steer the others: countries and clear winners."""
    return [
        c for c in candidates
        if c.chosen is not None and not c.demonym
        and (c.chosen.kind in _CONTEXT_KINDS + ("continent",) or c.margin >= 1.5)
    ]


# "Atlanta, Georgia", "Herat (Afghanistan)", "Milak, in Nimroz province", "Urgun in Paktika".
_PAIR_GAP = re.compile(r",[ \t]?(?:in[ \t]+(?:the[ \t]+)?)?|[ \t]?\(|[ \t]+in[ \t]+(?:the[ \t]+)?")


def _pair_cities_with_regions(candidates: list[_Candidate], text: str) -> None:
    """"Atlanta, Georgia": put the region where the city is, and the city in it."""
    for left, right in zip(candidates, candidates[1:]):
        if left.chosen is None or not right.places:
            continue
        gap = text[left.end : right.start]
        if not _PAIR_GAP.fullmatch(gap):
            continue
        if any(p.kind == "country" and pr for p, pr in left.places):
            continue  # "Georgia, Iraq, Iran": a list of countries, not "Iraq" the village in Iran
        for city, _ in sorted(left.places, key=lambda pr: -left.scores.get(id(pr[0]), 0)):
            for region, _ in right.places:
                if region.kind in ("province", "country", "region") and _contains(region, city):
                    left.chosen, right.chosen = city, region
                    left.margin = right.margin = max(left.margin, 2.0)
                    left.contained = True
                    break
            else:
                continue
            break
        else:
            country = right.chosen
            if (country is not None and country.kind in ("country", "province")
                    and left.chosen is not None and left.chosen.kind == "city"
                    and left.chosen.population < 100_000
                    and country.country_code not in _countries(left.chosen)):
                # "Kartarpur, Pakistan", "Milak, in Nimroz province": the Indian town of
                # that name is not meant; the one there is a place the gazetteer lacks
                # ("Head of Mission in Chad" names no place at all).
                left.chosen = None
                left.unresolved = gap.startswith(",") or left.after_locative or bool(left.kinds)


_POSSESSIVE_GAP = re.compile(r"[’']s[ \t]+(?:(?:northern|southern|eastern|western|central|"
                             r"north|south|east|west|restive|remote)[ \t]+)?")


def _keep_in_possessor(candidates: list[_Candidate], text: str) -> None:
    """"Iraq's Kurdistan region" lies in Iraq: never Iran's Kordestan province."""
    for owner, cand in zip(candidates, candidates[1:]):
        if owner.chosen is None or owner.chosen.kind != "country" or not cand.places:
            continue
        if not _POSSESSIVE_GAP.fullmatch(text[owner.end : cand.start]):
            continue
        code = owner.chosen.country_code
        if cand.chosen is not None and code in _countries(cand.chosen):
            continue
        inside = [p for p, _ in cand.places if code in _countries(p)]
        if inside:
            cand.chosen = max(inside, key=lambda p: cand.scores.get(id(p), 0.0))
        else:
            # A part of that country the gazetteer lacks ("Kurdistan region"), or no place
            # at all ("Russia's Wagner").
            cand.chosen, cand.unresolved = None, bool(cand.kinds) or cand.by_form


def _contains(region: Place, city: Place) -> bool:
    if city.kind not in ("city", "neighbourhood", "airport", "crossing"):
        return False
    return contains(region, city)


def _accept(cand: _Candidate, doc: Counter, own: Counter, *, near: list[Place] = ()) -> None:
    """Drop weak candidates: small places with no cue, alias-only matches, common words."""
    if cand.unresolved or cand.chosen is None:
        return
    # Whether the name is a place at all is judged on its strongest reading:
    # "Edmonton" near Cairns is the small Australian suburb, but a place anyway.
    strength = max(_strength(cand, place, primary, doc, own) for place, primary in cand.places)
    primary = any(pr for p, pr in cand.places if p is cand.chosen)
    settlement = cand.chosen.kind in ("city", "neighbourhood")
    if ((cand.by_form or (cand.after_locative and settlement))
            and any(doc.get(cc, 0) > 0 for cc in _countries(cand.chosen))
            and (primary or cand.contained or _nearness(cand.chosen, list(near)) > 0)):
        # Its form ("the village of X") or its position ("at X") already says place; the
        # article's countries say which one, and an alias match must also lie near the
        # article's other places ("Bagram" by Kabul) or in the area named with it ("near
        # Lachin in Azerbaijan").
        strength = max(strength, ACCEPT_THRESHOLD)
    if ((not primary or cand.militia) and settlement and _far_from_all(
            cand.chosen, near, any_size=_support(cand.chosen, doc, own) <= 0)):
        # "Kang district" beside Zaranj is neither Zuitai in China nor Caen in France, of
        # which "Kang" is an alternate name: a town known only by an alias, far from every
        # other place of the article, is another place the gazetteer lacks. A city of any
        # size counts when nothing else in the article is in its country ("Peking" in an
        # article that names China is still Beijing).
        strength = min(strength, ACCEPT_THRESHOLD - 0.1)
        cand.unresolved = bool(cand.kinds)  # "Kang district" is a place; a bare "Kang" may not be
    if (cand.kinds and set(cand.kinds) <= _PHYSICAL_CUES and cand.chosen.kind not in cand.kinds
            and _far_from_all(cand.chosen, near, km=_NAMESAKE_KM, any_size=True)):
        # "the Hakari river bridge" by Lachin: the river is not Hakkâri, a Turkish town
        # 300 km away. A town may lend its name to the river it stands on ("the Panj
        # river"), but only a town near the article's other places.
        strength = min(strength, ACCEPT_THRESHOLD - 0.1)
        cand.unresolved = True
    if (cand.kinds and set(cand.kinds) <= {"crossing", "border"}
            and cand.chosen.kind in ("mountain", "mountain_range")):
        # "the Lebombo border post": a crossing named after the range it cuts through is
        # not the range's midpoint, which may lie far from it.
        strength = min(strength, ACCEPT_THRESHOLD - 0.1)
        cand.unresolved = True
    if "landmark" in cand.chosen.subkind and not cand.venue:
        # "The White House said": the government speaking, not a place; "talks at the
        # White House" were held there.
        strength = min(strength, ACCEPT_THRESHOLD - 0.1)
    if strength < ACCEPT_THRESHOLD:
        cand.chosen = None
        cand.unresolved = cand.unresolved or cand.by_form
        return
    cand.evidence = strength


#: Kind cues of natural features, and how far a namesake town of one may lie from the
#: article's other places.
_PHYSICAL_CUES = frozenset({"river", "lake", "mountain", "mountain_range", "physical"})
_NAMESAKE_KM = 200.0

#: An armed group's noun right after a name: "Fano fighters", "Wagner mercenaries".
_ARMED_GROUP_AFTER = re.compile(r"[ \t]+(?:fighters|militia(?:s|men)?|rebels|gunmen|insurgents|"
                                r"militants|mercenaries)\b")


def _far_from_all(place: Place, near: list[Place], *, km: float = 1500.0,
                  any_size: bool = False) -> bool:
    """Whether a small place (any place when ``any_size``) lies over ``km`` from every
    located place the article names."""
    located = [a for a in near if a.kind not in ("country", "continent", "province", "region")]
    return bool(located) and (any_size or place.population < 100_000) and all(
        distance_km(place.lat, place.lon, a.lat, a.lon) > km for a in located)


def _support(place: Place, doc: Counter, own: Counter) -> int:
    """How often the article names the place's countries, besides this name itself."""
    return sum(doc.get(cc, 0) - own.get(cc, 0) for cc in _countries(place))


def _strength(cand: _Candidate, place: Place, primary: bool, doc: Counter, own: Counter) -> float:
    strength = place_weight(place, primary=primary) + cand.evidence + min(cand.margin, 2.0) * 0.3
    # Other names of the same country make a small place plausible (one topic per article).
    support = _support(place, doc, own)
    strength += 0.8 if support > 0 else 0.0
    if support <= 0 and sum(doc.values()) >= 3 and place.kind == "city" and place.population < 50_000:
        strength -= 0.8  # a small town abroad in an article about elsewhere: likely another sense
    single = " " not in cand.surface.strip() and "-" not in cand.surface
    if single and place.kind in ("river", "lake", "mountain", "physical") and not cand.kinds:
        # "Ebola", "Yellow": a bare one-word river is rare in news; "the Danube" is one.
        strength -= 1.0 if cand.determiner else 3.0
    if (not primary and support <= 0 and sum(doc.values()) >= 3
            and place.kind in ("crossing", "border", "airport", "neighbourhood")):
        # "Friendship Bridge" in an article about Thailand: a local feature's alias abroad
        # is another place of the same generic name.
        strength -= 3.0
    if single and place.kind == "island":
        strength -= 0.3
    if single and place.kind == "city" and not place.feature_id:
        strength -= 0.5
        if cand.determiner:
            strength -= 1.0  # "the White House": towns seldom take an article
        if place.population < 20_000 and cand.evidence < 0.3:
            strength -= 0.3  # a village with no locative cue is more often a surname
        if cand.initial:
            strength -= 0.7  # a capital letter at a sentence start says nothing
            if cand.only_initial and place.population < 1_000_000:
                strength -= 0.6  # "Reading the report", "Mobile phones": never named mid-sentence
    if cand.surface.isupper() and len(cand.surface) > 3 and place.kind == "city" and not cand.dateline:
        strength -= 2.0  # headlines and acronyms in capitals; datelines ("LONDON, Ky.") are places
    if cand.common:
        strength -= 2.0  # the same word also appears in lower case: a common noun
    return strength


def _one_sense(candidates: list[_Candidate]) -> None:
    """A name accepted once in an article means the same place everywhere in it; a name
    cued once as a crossing the gazetteer lacks ("the Lebombo border post") is that
    crossing everywhere, not the range it is named after ("cross at Lebombo")."""
    crossings = {normalize_name(c.surface) for c in candidates
                 if c.chosen is None and c.unresolved and c.kinds
                 and set(c.kinds) <= {"crossing", "border"}}
    for cand in candidates:
        if cand.chosen is not None and cand.chosen.kind in ("mountain", "mountain_range") \
                and normalize_name(cand.surface) in crossings:
            cand.chosen, cand.unresolved, cand.kinds = None, True, ("crossing",)
    accepted = {normalize_name(c.surface): c for c in candidates if c.chosen is not None}
    for cand in candidates:
        if cand.chosen is None and not cand.unresolved:
            twin = accepted.get(normalize_name(cand.surface))
            if twin is not None:
                cand.chosen, cand.evidence, cand.margin = twin.chosen, twin.evidence - 0.5, twin.margin


def _mention(cand: _Candidate) -> PlaceMention:
    if cand.chosen is None:
        return PlaceMention(cand.start, cand.end, cand.surface, None, None, None, "",
                            _unresolved_kind(cand.surface, cand.kinds), 0.3, False)
    place = cand.chosen
    confidence = 1 / (1 + math.exp(-(cand.evidence - 4.0)))
    confidence = round(min(0.99, confidence * (0.6 + 0.4 * min(cand.margin, 2.0) / 2.0)), 2)
    kind = "demonym" if cand.demonym else place.kind
    return PlaceMention(
        cand.start, cand.end, cand.surface, place.lat, place.lon, place.geonameid,
        place.country_code, kind, confidence, True, place.name, place.source,
    )


def _unresolved_kind(surface: str, cues: tuple[str, ...] = ()) -> str:
    """The kind its own last word or the cue around it gives a name ("Hakari" river)."""
    last = surface.split()[-1].lower() if surface.split() else ""
    if last in ("road", "street", "avenue", "boulevard", "highway"):
        return "street"
    return KIND_WORDS.get(last, cues or ("place",))[0]
