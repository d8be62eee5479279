"""Article text to events table: typed, dated, located events, each with its sentence.

:func:`events_from_text` reads an English news article with rules, and a
small learned model as a second opinion on each sentence's categories
(:mod:`geomap.sentencemodel`: it drops rule events the sentence's words argue
against and adds events it is confident of, flag ``category_learned``):

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
from dataclasses import dataclass, field, replace

import pandas as pd

from geomap import _lexicon as lex
from geomap._eventplaces import (
    _MOTION,
    MOVEMENTS,
    PlaceReader,
    _country_name,
    _Mention,
    _mentions,
)
from geomap._sentences import Sentence, quoted_spans, split_sentences
from geomap.articles import Article, text_id
from geomap.dates import (
    MONTH_WORD,
    WEEKDAY_WORD,
    DateMention,
    ResolvedDate,
    anchor_mentions,
    find_date_mentions,
    period_end,
    resolve_mention,
    span_days,
)
from geomap.exceptions import InputError
from geomap.schema import conform_events, crosswalk, empty_events
from geomap.sentencemodel import ADD_FROM, SentenceModel, load_model

logger = logging.getLogger(__name__)


_CAPTION_ACTORS = (
    ("military_deployment", re.compile(r"\b(?:soldiers?|troops|tanks?|armou?red vehicles?|"
                                       r"servicem[ae]n|marines|paratroopers)\b", re.I)),
    ("political", re.compile(r"\b(?:fighters?|militants?|insurgents?|gunmen|rebels?)\b", re.I)),
    ("evacuation", re.compile(r"\bevacuees?\b", re.I)),
    ("humanitarian", re.compile(r"\b(?:refugees?|displaced|migrants?)\b", re.I)),
)
#: Armed men holding or moving to a position: a deployment, not a show of control.
_POSTURE = re.compile(r"\b(?:stand(?:s|ing)?\s+guard|guard(?:s|ing)?|patrol(?:s|ling)?|"
                      r"rid(?:e|es|ing)|driv(?:e|es|ing)|man(?:s|ning)?|head(?:s|ing)?\s+(?:to|towards?)|"
                      r"take\s+(?:up\s+)?positions?|deploy(?:s|ing)?)\b", re.I)
_AID_OBJECT = re.compile(r"\b(?:aid|food|flour|wheat|rice|sugar|grain|fuel|medicine|"
                         r"medical supplies|supplies|relief|water|"
                         r"shelter|tents|blankets|vaccines)\b", re.I)
#: A call to act: "urged supporters to stage a fresh round of protests".
_CALL_TO_ACT = re.compile(r"\b(?:urged|urging|called\s+on|calling\s+on|asked|appealed\s+to)\s+"
                          r"(?:[\w’'-]+\s+){1,3}?to\s+(?:stage|hold|join|launch|organi[sz]e|"
                          r"take\s+part\s+in)\s+(?:[\w-]+\s+){0,5}$", re.I)
#: What makes the rest of a clause unreal: a denial of it, or a drill's make-believe.
_UNREAL = re.compile(r"\b(?:(?:denied|denies|deny|denying)\s+(?:that\s+)?(?:[\w’'-]+\s+){0,6}|"
                     r"(?:scenarios?|simulated|simulating|mock|imaginary|hypothetical)\b"
                     r"[^.;]{0,120})$", re.I)
#: A habit told after its verb: "are killed by BSF fire every year".
_HABIT_AFTER = re.compile(r"[^.;]{0,60}?\b(?:every|each)\s+(?:year|month|week|day)\b", re.I)
#: Aid as the subject of a passive: "food and blankets were delivered to them".
_AID_DELIVERED = re.compile(_AID_OBJECT.pattern + r"(?:\s+and\s+[\w-]+)?\s+(?:were|was|had\s+been|"
                            r"have\s+been|has\s+been)\s+$", re.I)
_CROWD = re.compile(r"\b(?:people|protesters|demonstrators|crowds?|residents|students|"
                    r"thousands|hundreds|supporters|women|opposition|activists|workers|villagers|"
                    r"traders|farmers|labourers|laborers|locals|youths|mourners)\b", re.I)
_ATTRIBUTION = re.compile(r"^[,\s]*(?:[\w’'.()-]+\s+){0,8}?$")
_NUMBER = re.compile(
    r"(?<![\w,.])(?:(?:some|about|around|nearly|almost|more than|over|at least|up to|roughly|"
    r"approximately|an estimated)\s+)?(?P<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    r"(?:\s+(?P<scale>million|thousand|hundred))?\s+(?P<words>(?:[\w’'-]+\s+){0,2}?)"
    r"(?P<noun>[A-Za-z-]+s|people|personnel|staff|aircraft|artillery)\b")
_TIME_AFTER = re.compile(r"\s+(?:(?:a|an|the|few|several|\d+)\s+)?(?:midnight|mid-?day|noon|dawn|dusk|"
                         r"sunrise|sunset|daybreak|nightfall|minutes?|hours?|days?|weeks?)\b",
                         re.I)
_ARMED = re.compile(rf"\b(?:{lex._MILITARY_NOUNS}|fighters|militants|rebels|insurgents|gunmen|"
                    r"army|military|Taliban|jihadists|separatists|missiles?|rockets?|drones?|"
                    r"warplanes?|jets|aircraft|helicopters|gunships|"
                    r"shells|bombs?|air ?strikes?|artillery)\b", re.I)
_MILITARY = re.compile(rf"\b(?:{lex._MILITARY_NOUNS})\b", re.I)
#: "the strikes", "the attack": a later sentence naming an event already reported.
_REFERENCE_EXTRAS = {"border_crossing": r"closures?|reopening"}
_REFERENCES = {category: re.compile(r"\bthe\s+(?:[\w-]+\s+)?(?:" + "|".join(
    pattern for kind, pattern in patterns if kind == "noun") + "|" + _REFERENCE_EXTRAS.get(
        category, r"strikes?|violence|incidents?") + r")\b")
    for category, patterns in lex.TRIGGERS.items()
    if category in ("armed_clash", "political", "military_exercise", "evacuation",
                    "border_crossing")}

#: Nouns that an event noun may modify ("a displacement camp", "an evacuation order").
_MODIFIED_HEAD = re.compile(r"\s+(?:camps?|sites?|cent(?:re|er)s?|zones?|areas?|crisis|"
                            r"helicopters?|aircraft|routes?|rooms?|halls?|plans?|deadlines?|"
                            r"orders?|warnings?|figures|data|statistics|vehicles?|"
                            r"units?|positions?|capabilit(?:y|ies)|experience|season|"
                            r"places?|points?|venues?)\b")
#: Arrests, which make a raid a police matter.
_DETAINED = re.compile(r"\b(?:detained|detaining|arrested|arresting|arrests|detentions|"
                       r"searched\s+the\s+homes)\b", re.I)
#: A second group of the movers doing something else: "fled south, and some crossed".
_OTHERS_CROSSED = re.compile(r"(?:,\s*|\s)(?:and|while|but)\s+(?:then\s+)?(?:some|others|many|most|"
                             r"hundreds|thousands|dozens|a\s+few|several)\b|;")
#: Verbs that only report what someone said; "urged", "condemned" are acts of their own.
_REPORTING = re.compile(r"said|says|told|tells|noted|notes|stated|added|adding|confirmed",
                        re.I)
#: A reported fact: a perfect or passive clause ("50 servicemen had died", "were killed");
#: not a diplomatic act ("it had accepted a proposal", "had summoned the envoy").
_REPORTED_FACT = re.compile(
    r"\s+(?:that\s+)?(?:[\w’',-]+\s+){0,18}?(?:had|have|has|were|was)\s+"
    r"(?:not\s+|also\s+|already\s+|been\s+)*(?!(?:concerned|committed|prepared|determined|"
    r"interested|alarmed|disappointed|pleased|satisfied|opposed|convinced|worried|open|"
    r"ready|accepted|agreed|rejected|refused|signed|proposed|offered|requested|asked|"
    r"invited|urged|demanded|summoned|recalled|expelled|protested|lodged|conveyed|"
    r"welcomed|condemned|instructed|ordered|authori[sz]ed|informed|decided|approved|"
    # "the strikes had been measured and proportionate": a judgement, not a fact
    r"measured|justified|unprovoked)\b)[a-z]+(?:ed|en|wn|ne|lt|ft|ck|ght|id|un|ot)\b")
#: A source who may not be named: what they say is reporting, not a statement.
_UNNAMED_SOURCE = re.compile(r"\b(?:on\s+condition\s+of\s+anonymity|(?:asked|asking|declined|"
                             r"requested)\s+not\s+to\s+be\s+(?:named|identified)|declined\s+to\s+be\s+"
                             r"(?:named|identified)|not\s+authori[sz]ed\s+to\s+(?:speak|talk|brief))\b",
                             re.I)
#: A speaker nobody can hold to it: "one EU diplomat", "a Thai security official", "officials".
_ANONYMOUS_SPEAKER = re.compile(
    r"\s*(?:a|an|one|two|three|several|some|many|other)\s+(?:[A-Z][\w.’'-]*\s+){0,2}(?:[a-z-]+\s+){0,2}"
    r"(?:officials?|diplomats?|sources?|residents?|witnesses|analysts?|experts?|observers?|"
    r"spokes(?:man|woman|person)|member|commander|aid workers?|elders?|groups?)\s*$")


#: Takeover verbs that name taking a place by force, like the ``verb_territory`` ones.
_FORCED_ENTRY = re.compile(r"overran|overrun|swept into|marched into|rolled into|took control|"
                           r"taken control|seized control", re.I)
#: A place handed over, not fought for (ACLED: non-violent transfer of territory).
_WITHOUT_A_FIGHT = re.compile(r"without (?:a fight|resistance|a shot|firing)|agreed to (?:withdraw|"
                              r"leave|hand)|under a (?:local )?(?:ceasefire|deal|truce|agreement)|"
                              r"handed (?:over|it)", re.I)
#: What a political takeover takes.
_POWER_OBJECT = re.compile(r"\b(?:power|government|presidential palace|palace|country|regime|"
                           r"administration|parliament|presidency)\b", re.I)


#: A toll in the passive ("were killed", "had been wounded"), ending at the trigger.
_CASUALTIES = re.compile(r".*\b(?:were|was|had been|have been|has been)\s+(?:\w+\s+)?"
                         r"(?:killed|wounded|injured)\Z", re.S)


#: An event dated by its lag before another: "on Wednesday, a day after gunmen killed".
_LAG = re.compile(r"\b(?P<n>a|one|two|three|four|five|six)\s+(?P<unit>days?|weeks?)\s+after\s+"
                  r"(?:[\w’'-]+\s+){0,15}?$", re.I)

#: The date of a saying: "said on Monday", "told reporters late on Tuesday".
_SAYING_DATE = re.compile(r"\b(?:said|says|told\s+(?:[\w-]+\s+){0,2}?|announced|reported|added)"
                          r"\s+(?:late\s+|early\s+)?(?:on\s+)?$")
_AFTER_OPENING = re.compile(r"After\b")
_ZONE_ASIDE = re.compile(r"\(\s*[\d:.]+\s*(?:a\.m\.|p\.m\.)?\s*(?:GMT|UTC)\s+(?:on\s+)?$")

#: A saying given its own occasion: "said on Saturday", "said in a statement", "told reporters".
_DATED_SAYING = re.compile(r"\s+(?:(?:in|at)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?:statement|address|"
                           r"briefing|conference|interview)\b|(?:reporters|journalists|a\s+(?:news|"
                           r"press)\s+conference)\b|(?:(?:late|early)\s+)?on\s+"
                           rf"(?:{WEEKDAY_WORD}|{MONTH_WORD}\s+\d{{1,2}})\b)")

#: A present tense after "before", "until", "once" speaks of the future: "before the new
#: government is sworn in".
_PRESENT_FOR_FUTURE = re.compile(r"\b(?:before|until|once|unless)\s+(?:[\w’'-]+\s+){0,5}?"
                                 r"(?:is|are)\s+$", re.I)

#: Objects and complements that are no territory: "taken the shuttle", "captured on video".
_NOT_TERRITORY = re.compile(r"\s+(?:(?:a|an|the)\s+(?:[\w-]+\s+)?(?:shuttle|bus|train|flight|"
                            r"plane|boat|ferry|road|route|stage|lead|decision|step|view)\b|"
                            r"on\s+(?:video|camera|film|tape))", re.I)
#: Diplomats as the object: "expelled India's high commissioner".
_DIPLOMAT_OBJECT = re.compile(r"\s+(?:[\w.’'-]+\s+){0,3}?" + lex.DIPLOMATS + r"\b", re.I)

#: A noun as the topic of talk: "a debate on the clash", "an inquiry into the attack".
_TOPIC_OF = re.compile(r"\b(?:debate|discussion|inquiry|investigation|probe|report|briefing|"
                       r"questions?|comments?|remarks|statement)\s+(?:on|about|over|into)\s+"
                       r"(?:the|this|that|these|those)\s+(?:[\w-]+\s+)?$", re.I)

#: The object between a trigger and a clause about it: "killed eight gunmen who ...".
_OBJECT_GAP = re.compile(r"(?:\s+[\w'’.-]+){1,6}\s+")
#: What follows another event by an unstated few days: "fled in the days after ...".
_AFTERMATH = re.compile(r"\b(?:(?P<days>(?:in\s+)?the\s+days)|hours|minutes|moments|shortly|"
                        r"soon|just)\s+(?:after|following)\b", re.I)

#: An old event told as a precedent: "A similar flare-up in April 2021 killed 50".
_PRECEDENT = re.compile(r"\b(?:similar|comparable|previous|earlier|last such)\b", re.I)

#: A wire dateline opening a sentence: "YEREVAN, Sept 14 -", "BEIJING, Aug 16 (Reuters) -".
_DATELINE = re.compile(r"[A-Z][A-Z .’'/-]{2,40}(?:,\s*[A-Z][\w.]*)?,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}"
                       r"(?:,\s*\d{4})?\s*(?:\([^)]{1,30}\)\s*)?[-—–]+\s*")


#: People as the object of a movement: "airlifted fewer than 100 people", "flew 538 people".
_PEOPLE_OBJECT = re.compile(r"\s+(?:[\w,-]+\s+){0,6}?(?:people|civilians|nationals|citizens|"
                            r"evacuees|passengers|staff|diplomats|foreigners|families|residents|"
                            r"villagers|children|victims|wounded|injured|patients|casualties)\b")
#: A crossing named right after a verb that opens or closes it: "closed Torkham".
_CROSSING_VERB = re.compile(r"\b(?P<verb>closed|shut|sealed|reopened|re-opened|opened|blocked)\s+"
                            r"(?:the\s+)?(?:main\s+|key\s+)?\Z")
#: The same after the name, passive: "Kharlachi was last closed for nine days".
_CROSSING_PASSIVE = re.compile(r"\s+(?:(?:border\s+)?crossing\s+)?(?:was|were|had\s+been|has\s+been)\s+"
                               r"(?:(?:last|briefly|temporarily|again|fully|partially|also)\s+)?"
                               r"(?P<verb>closed|shut|sealed|reopened|re-opened|blocked)\b")
#: Casualties as the subject: "Wounded soldiers were flown to Bamako" is a medical evacuation.
_CASUALTY_SUBJECT = re.compile(r"\b(?:wounded|injured|sick|burned|burnt|victims|patients|casualties)\b",
                               re.I)


#: Someone spoken to: "cautioned his British counterpart", "warned Raab".
_ADDRESSEE = re.compile(r"\s+(?:(?:his|her|their|its|the)\s+(?:[\w-]+\s+){0,2}?(?:counterparts?|"
                        r"ministers?|presidents?|leaders?|envoys?|ambassadors?|officials?)\b|"
                        r"[A-Z][a-z])")


#: Killers that are no armed actor.
#: A further infinitive in a list of wishes: "..., and to hold a wider meeting".
_LATER_WISH = re.compile(r"(?:,\s*|\band\s+)to\s+[a-z]+\b")
#: Words of war: where they stand, a death toll is a war's, not a disaster's.
_WAR_WORDS = re.compile(r"\b(?:attack(?:s|ed)?|air ?strikes?|strikes|shell(?:s|ing|ed)|fighting|"
                        r"clash(?:es|ed)?|gunmen|militants|insurgents|troops|bomb(?:s|ing|ed)?|"
                        r"rockets?|missiles?|drones?|mortars?)\b", re.I)
_DISASTER = re.compile(r"\b(?:earthquakes?|quakes?|tremors?|aftershocks?|floods?|flooding|"
                       r"flash floods|landslides?|mudslides?|storms?|cyclones?|typhoons?|hurricanes?|"
                       r"avalanches?|droughts?|heatwaves?|wildfires?|cholera|outbreaks?|epidemics?|"
                       r"crash(?:es)?|accidents?)\b", re.I)


#: Crowds as the subject: what they storm or seize is a protest (ACLED: riots).
_RIOTERS = re.compile(r"\b(?:protesters|demonstrators|rioters|crowds?|mobs?|marchers)\b", re.I)


_OBJECTS = {
    "verb_post": re.compile(r"\b(?:council|government|cabinet|ministers?|post|president|head|"
                            r"chief|governor|leaders?|committee|as\s+(?:the\s+)?(?:new\s+)?"
                            r"(?:acting\s+)?[a-z]+)\b", re.I),
    "verb_government": re.compile(r"\b(?:government|cabinet|council|emirate|caliphate|"
                                  r"interim|caretaker|state of emergency|independence|"
                                  r"administration|martial law|curfew|ministers|"
                                  r"(?:days?\s+of\s+)?(?:national\s+)?mourning)\b", re.I),
    "verb_territory": re.compile(r"\b(?:city|cities|capital|towns?|districts?|provinces?|"
                                 r"territory|territories|bases?|airports?|power|control|villages?|"
                                 r"areas?|posts|crossings?|(?<!-)border|palace|headquarters|"
                                 r"checkpoints?|compounds?|[A-Z][a-z]+)\b"),
}
_POLITICAL_OBJECT = re.compile(
    r"\b(?:council|government|cabinet|ministers?|post|president|head|chief|governor|"
    r"leaders?|committee|emirate|interim|caretaker|state of emergency|independence|"
    r"administration|as\s+(?:the\s+)?(?:new\s+)?(?:acting\s+)?[a-z]+|city|cities|capital|"
    r"towns?|districts?|provinces?|territory|territories|bases?|airports?|power|control|"
    r"villages?|areas?|posts|crossings?|border|palace|headquarters|checkpoints?)\b", re.I)


# ----------------------------------------------------------------------------- data holders


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
    learned: bool = True,
    model: SentenceModel | None = None,
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
    learned : bool, optional
        Also consult the learned sentence model (:mod:`geomap.sentencemodel`):
        drop rule events it finds very unlikely, add events it is confident of
        (flag ``category_learned``). Default True; False gives the rules alone.
    model : SentenceModel, optional
        The sentence model to consult instead of the shipped one
        (:func:`geomap.sentencemodel.train_model`); ignored when ``learned`` is False.

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
    reader = _Reader(text, pub, geoparser=geoparser, gazetteer=gazetteer,
                     model=(model or load_model()) if learned else None)
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


class _Reader(PlaceReader):
    """One article being read: its sentences, place mentions, actors and borders."""

    def __init__(self, text: str, published: dt.date | None, *, geoparser, gazetteer,
                 model: SentenceModel | None = None) -> None:
        self.text = text
        self.model = model
        self.published = published
        self.sentences = split_sentences(text)
        self._gazetteer = gazetteer
        self._raw_mentions = _mentions(text, geoparser)
        self.mentions = self._complete(self._raw_mentions)
        self.quotes = quoted_spans(text)
        # "at 3 a.m. (2230 GMT on Sunday)": the same moment in another zone dates nothing.
        self.dates = anchor_mentions([m for m in find_date_mentions(text) if not _ZONE_ASIDE.search(
            text, max(0, m.start - 24), m.start)], published, text=text)
        self.people = _people(text)
        self.officials = _people(text, officials=True)
        self.acronyms = set(lex.ORG_ACRONYM.findall(text))
        self.focus = self._focus()
        self.focus_city = self._focus_city()
        self.disaster_story = _is_disaster_story(text)
        self.last_border: dict = {}
        self._unquoted: str | None = None
        self._leaders: dict[str, str] | None = None
        self._placed: list[_Draft] = []
        self._marker_cache: dict[int, list[tuple[int, int, str]]] = {}


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
                    drafts.extend(replace(draft, place=place, flags=list(draft.flags),
                                          actors=list(draft.actors))
                                  for place in self.listed_places(draft))
        self._carry_dates(drafts)
        return [d for d in drafts if not self._history(d)]

    def _history(self, draft: _Draft) -> bool:
        """An event over a year before publication ("fought a war in 2020") is background,
        unless its own sentence gives its day or month ("On September 24, 2023, gunmen
        ambushed a patrol"): an explainer's dated chronology reports events."""
        if self.published is None or draft.date is None or draft.planned:
            return False
        end = period_end(draft.date.date, draft.date.precision)
        stated = draft.date.precision in ("day", "week", "month") and not {
            "date_inferred", "date_assumed"} & set(draft.flags) and not _PRECEDENT.search(
            self.text, draft.sentence.start, draft.trigger.start)
        return (self.published - end).days > 365 and not stated

    def triggers(self, sentence: Sentence) -> list[_Trigger]:
        masked = self._masked(sentence)
        found: dict[str, _Trigger] = {}
        considered: set[str] = set()  # categories whose trigger words stand here
        every: list[_Trigger] = []
        for category, patterns in lex.TRIGGERS.items():
            for kind, pattern in patterns:
                for match in _trigger_regex(pattern).finditer(masked):
                    considered.add(category)
                    trigger = self._check(sentence, masked, category, kind, match)
                    key = trigger.category if trigger else category
                    if trigger:
                        every.append(trigger)
                    if trigger and (key not in found or self._rank(sentence, trigger) <
                                    self._rank(sentence, found[key])):
                        found[key] = trigger
        if "border_crossing" not in found:
            self._crossing_by_name(sentence, masked, found)
        self._upgrade_flight(sentence, masked, found)
        if "political" in found and "diplomacy" in found and found["diplomacy"].start < \
                found["political"].start < found["diplomacy"].end and re.search(
                    r"protest", self.text[found["diplomacy"].start:found["diplomacy"].end]):
            del found["political"]  # "lodged a strong protest": a note, not a demonstration
        evacuation, aid = found.get("evacuation"), found.get("humanitarian")
        if evacuation and aid and aid.start > evacuation.start and re.search(
                r"\b(?:left|abandoned)\b", self.text[aid.start:aid.end]):
            del found["humanitarian"]  # "a flight carrying 230 Australians and families left"
        clash, deployment = found.get("armed_clash"), found.get("military_deployment")
        if clash and deployment and (deployment.start <= clash.start < deployment.end + 60 and
                                     re.match(r"(?:sent|sending|scrambled|scrambling|dispatched)\b",
                                              self.text[clash.start:clash.end])
                                     or clash.start <= deployment.start < clash.end):
            # "sent jets to strike positions", "jets flew 1,700 km to strike": the strike
            del found["military_deployment"]
        if "diplomacy" in found and any(t.start == found["diplomacy"].start
                                        for c, t in found.items() if c != "diplomacy"):
            # "declared a state of emergency" is political, not a statement.
            del found["diplomacy"]
        deployment, statement = found.get("military_deployment"), found.get("diplomacy")
        if deployment and statement and deployment.start <= statement.start < deployment.end:
            del found["diplomacy"]  # "a column of trucks carrying Interior Ministry forces arrived"
        if "meeting" in found and "diplomacy" in found and found["diplomacy"].kind == "speech":
            gap = self.text[found["meeting"].end:found["diplomacy"].start]
            if re.search(r"\band\b", gap) and not lex.CLAUSE_MARKERS.search(gap):
                del found["diplomacy"]  # "met in Dushanbe and agreed to ...": one meeting
        crossing = found.get("border_crossing")
        if crossing is not None and re.match(r"(?:reinforc|fortif|bolster|strengthen)\w*\s+(?:[\w’'-]+"
                                             r"\s+){0,3}?(?:troops|forces|soldiers|units|guards)\b",
                                             self.text[crossing.start:crossing.end]):
            # "reinforced its troops along the border": troops positioned, not a crossing
            found.pop("border_crossing")
            found.setdefault("military_deployment", _Trigger(
                "military_deployment", crossing.start, crossing.end, "phrase", crossing.planned))
        if "border_crossing" in found and "military_deployment" in found and found[
                "military_deployment"].start >= found["border_crossing"].start and found[
                "military_deployment"].start < found["border_crossing"].end:
            del found["military_deployment"]  # "flew military aircraft across the border"
        if "border_crossing" in found and "humanitarian" in found and _MOTION.match(
                self.text, found["humanitarian"].start) and not _OTHERS_CROSSED.search(
                    self.text, found["humanitarian"].end, found["border_crossing"].start):
            # "fled across the border" is one crossing, not also a displacement; "fled south
            # towards Uvira, and some crossed into Burundi" is both.
            del found["humanitarian"]
        clash = found.get("armed_clash")
        if clash is not None and re.fullmatch(r"raids?", self.text[clash.start:clash.end], re.I) \
                and _DETAINED.search(masked):
            # "detained 24 people in a series of raids": police raids, arrests, not a battle
            del found["armed_clash"]
            found.setdefault("political", _Trigger("political", clash.start, clash.end,
                                                   "phrase", clash.planned))
        crossing, aid = found.get("border_crossing"), found.get("humanitarian")
        if crossing and aid and crossing.kind == "arrival" and aid.start <= crossing.start < aid.end:
            del found["border_crossing"]  # "a rescue team from Yunnan arrived": aid, not a crossing
        clash, aid = found.get("armed_clash"), found.get("humanitarian")
        if clash is not None and aid is not None and 0 <= aid.start - clash.end <= 40 and \
                clash.kind != "noun":
            del found["humanitarian"]  # "ambushed a convoy of trucks carrying food": the target
        if not found and sentence.role == "caption":
            found.update(self._caption_fallback(sentence, masked))
        if self.model is not None:
            # Only statements are kept from a second guess once the rules set them aside:
            # which sayings count is a convention the rules hold, not a wording to learn.
            self._second_opinion(sentence, masked, found,
                                 (considered & {"diplomacy"}) | set(found))
        return sorted([*found.values(), *self._lagged(found, every)], key=lambda t: t.start)

    def _lagged(self, found: dict[str, _Trigger], every: list[_Trigger]) -> list[_Trigger]:
        """A second event of a kind already found, told as what it followed: "Fighting
        spread on Friday, a day after Thai jets bombed Cambodian positions" reports two
        clashes, a day apart."""
        extra = []
        for trigger in every:
            main = found.get(trigger.category)
            if main is None or trigger.start <= main.end or any(
                    t.category == trigger.category for t in extra):
                continue
            lag = _LAG.search(self.text, main.end, trigger.start)
            if lag is not None and not lex.CLAUSE_MARKERS.search(
                    self.text, lag.end(), trigger.start):
                extra.append(trigger)
        return extra

    def _second_opinion(self, sentence, masked, found, closed) -> None:
        """Drop what the sentence's words argue against; add what the model is sure of.

        Nothing is added in a category in ``closed`` ("said that 50 servicemen
        had died" is not a statement event).
        """
        text = self.text[sentence.start:sentence.end]
        probability = self.model.probabilities(text)
        for category in [c for c in found if probability[c] < self.model.prior(c)]:
            del found[category]
        threshold = ADD_FROM
        if sentence.role == "caption" and not found:
            # A caption shows something that happened ("Residents sift through the rubble"),
            # in the present tense the rules do not read: the likeliest category, if likely
            # enough, is what it shows.
            best = max(probability, key=probability.get)
            probability, threshold = {best: probability[best]}, ADD_FROM / 2
        for category, p in probability.items():
            span = self.model.evidence(text, category) if p >= threshold else None
            if category in closed or span is None or self._in_quote(
                    sentence.start + span[0]):
                continue
            window = [w.lower() for w in _words(_clause_tail(masked[:span[0]]))[-6:]]
            if any(w in lex.MODALS for w in window) or any(w in lex.NEGATION
                                                           for w in window[-3:]):
                continue  # "could spell", "did not cross": no more an event than for the rules
            if window[-1:] in (["to"], ["from"]) and not lex.FUTURE.search(" ".join(window)):
                continue  # "to stop armed groups from crossing": a purpose, not an event
            if re.search(r"\b(?:near|outside|beside|behind|around)\s+(?:the|a|an)\s+"
                         r"(?:[\w-]+\s+){0,2}$", masked[:span[0]]):
                continue  # "stands guard near the border crossing": the word names a place
            if found and re.search(r",\s+(?:their|its|his|her|the)\s+(?:[\w-]+\s+){0,3}$",
                                   masked[:span[0]]):
                continue  # "held talks ..., their second face-to-face meeting": a renaming
            # "is due to raise it at the OSCE Permanent Council": the whole clause says when
            found[category] = _Trigger(category, sentence.start + span[0],
                                       sentence.start + span[1], "learned",
                                       bool(lex.FUTURE.search(_clause_tail(masked[:span[0]]))))

    def _rank(self, sentence: Sentence, trigger: _Trigger) -> tuple[bool, int]:
        """Order same-category triggers: main clause first ("refugees who crossed in July
        were returned on Saturday" reports the return), then text order."""
        marker = self._open_marker(sentence, trigger.start)
        return (bool(marker and marker[2] in ("who", "which", "whom")), trigger.start)

    def _check(self, sentence, masked, category, kind, match) -> _Trigger | None:
        before = masked[:match.start()]
        window = _words(_clause_tail(before))[-6:]
        lowered = [w.lower() for w in window]
        start, end = sentence.start + match.start(), sentence.start + match.end()
        planned = bool(lex.FUTURE.search(" ".join(window))) or bool(_PRESENT_FOR_FUTURE.search(
            before[-80:]))
        if _UNREAL.search(before) and category != "military_exercise":
            # "denied any reinforcements had been sent"; a drill's "scenario involved a group
            # crossing from a neighbouring state"
            return None
        if _HABIT_AFTER.match(masked, match.end()) and re.search(r"\b(?:are|is)\s+$", before):
            return None  # "are killed by BSF fire every year"
        if kind == "noun":
            return self._check_noun(sentence, masked, category, match, planned)
        if re.fullmatch(r"(?:swept|marched|rolled)\s+into", match.group(0)) and not _ARMED.search(
                _clause_tail(before)):
            return None  # "trucks loaded with solar panels rolled into Hairatan": trade
        if any(w in lex.MODALS for w in lowered) or any(w in lex.NEGATION for w in lowered[-3:]):
            return None
        if re.fullmatch(r"[a-z]+ed", match.group(0)) and re.search(
                r"\b(?:the|a|an|its|their|this)\s+$", before, re.I) and re.match(
                r"\s+[a-z][\w-]*", masked[match.end():]):
            return None  # "the proposed railway": a participle describing a noun, no act
        trying = category == "border_crossing" and re.search(
            r"\b(?:trying|tried|try|attempting|attempted|seeking|sought|waiting|waited|wait|queued|queuing|"
            r"lined up)\s+(?:(?:on|late|early|in)\s+[\w-]+\s+)?to\s+$", before)
        if lowered[-1:] == ["to"] and not planned and not trying:
            return None  # "hopes to deploy": a wish, not an event
        if lex.IRREALIS.search(" ".join(window[-4:])) and not planned:
            return None
        if lex.HABITUAL.search(" ".join(window)):
            return None  # "has repeatedly staged drills": a habit, background
        if kind not in ("speech",) and re.search(r"\b[Tt]he\s+(?:[\w-]+\s+){1,2}(?:that|who)\s+$",
                                                 before) and not any(
                m.start >= start and m.start < sentence.end for m in self.dates
                if not m.background and m.start - end < 60):
            return None  # "the junta that seized power": a description, not the news
        marker = self._open_marker(sentence, start)
        if re.search(r"\b(?:has|have)\s+(?:[a-z]+ly\s+|long\s+|also\s+)?$", before) and marker \
                and marker[2] in ("where", "which", "who") and not any(
                    self._usable(sentence, m.start, m.end, start, end) for m in self.dates
                    if sentence.start <= m.start < sentence.end and not m.background):
            return None  # "Haiti, where gangs have overrun the capital": a state of affairs
        if re.search(r"\b(?:at|on|against|toward|towards|with)\s+(?:[\w’'-]+\s+){0,2}?(?:"
                     + "|".join(sorted(lex.TROOP_NOUNS | lex.PEOPLE_NOUNS)) + r")\s+$", before):
            return None  # "fired at troops gathered near the border": a reduced relative
        after = masked[match.end():match.end() + 120]
        if kind == "verb_military" and not _MILITARY.search(
                masked[max(0, match.start() - 60):match.end() + 90]):
            return None
        if kind == "verb_military" and re.match(r"(?:flew|flown|brought|moved|transferred)$",
                                                match.group(0)) and _PEOPLE_OBJECT.match(after):
            category = "evacuation"  # "military aircraft flew 538 people to Djibouti"
        if kind == "verb_military" and lowered[-1:] in (["was"], ["were"]) and re.match(
                r"(?:flown|airlifted|taken|moved|transferred|brought|evacuated)$", match.group(0)) \
                and _CASUALTY_SUBJECT.search(_clause_tail(before)):
            category = "evacuation"  # "Wounded soldiers were flown from Lere to Bamako"
        plain_after = self.text[start + len(match.group(0)):start + len(match.group(0)) + 120]
        if set(match.group(0).lower().split()) & lex.MODALS:
            return None  # "the crossing would remain open": a forecast
        # The object of a verb lies in its own clause, not in the next sentence.
        object_text = re.split(r"[.;:!?]", plain_after, maxsplit=1)[0]
        # A territory is taken within the object's first words ("seizing 60 kg of hashish,
        # the committee said" takes none).
        scope = " ".join(object_text.split(",")[0].split()[:7]) if kind == "verb_territory" \
            else object_text
        if kind in _OBJECTS and not _OBJECTS[kind].search(scope) and not re.search(
                r"\b(?:which|that)\s+(?:[\w’'-]+\s+){1,4}$", before):
            return None  # "which the Taliban had seized": the object is the antecedent
        if category == "border_crossing" and _DIPLOMAT_OBJECT.match(plain_after):
            return None  # "expelled India's high commissioner": a diplomatic act
        if kind == "verb_territory" and _NOT_TERRITORY.match(plain_after):
            return None  # "taken the shuttle", "captured on video": no place taken
        if kind == "verb_territory" and _PEOPLE_OBJECT.match(" " + object_text.lstrip()):
            return None  # "buses took 1,500 people from Kornidzor to Goris": no capture
        if kind == "verb_territory" and {"was", "were", "been"} & set(lowered[-2:]) and \
                set(_words(_clause_tail(before).lower())) & lex.PEOPLE_NOUNS:
            return None  # "staff were then taken on to Kigali": people moved, no capture
        if kind == "verb_river" and not any(
                m.kind == "river" and re.fullmatch(r"\s+(?:back\s+)?(?:across\s+)?(?:the\s+)?",
                                                   self.text[end:m.start])
                for m in self._mentions_in(end, end + 60)):
            return None  # "crossed the Street": only a river named right after counts
        if kind == "arrival" and not self._arrival_abroad(sentence, match):
            return None
        if kind == "arrival" and _MILITARY.search(_clause_tail(before)):
            category = "military_deployment"  # "transport planes carrying paratroopers landed"
        if kind == "arrival" and lex.PERSON_TITLE.search(before[-80:]):
            category = "diplomacy"  # "U.S. envoy Tom Perriello arrived in Port Sudan": a visit
        if re.search(r"\bthe\s+(?:staff|evacuees|diplomats|nationals|citizens|troops|soldiers|"
                     r"refugees|migrants)\b", match.group(0) + plain_after[:30]) and any(
                d.trigger.category == category and d.sentence.index == sentence.index - 1
                for d in self._placed):
            return None  # "flew the staff back": the evacuation just reported, continued
        if category == "evacuation" and _MILITARY.search(masked[max(0, match.start() - 40):
                                                               match.start()].split(",")[-1]) \
                and not _CASUALTY_SUBJECT.search(_clause_tail(before)) \
                and not _PEOPLE_OBJECT.match(" " + match.group(0).partition(" ")[2] + plain_after):
            category = "military_deployment"  # "special forces were airlifted to Herat"
        elif category == "evacuation" and re.match(
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
        if kind == "disaster" and not (self.disaster_story or _DISASTER.search(masked)):
            return None  # "the toll rose to 40" in a war is the war's
        if kind == "verb_aid" and not _AID_OBJECT.search(after[:60]) and not \
                _AID_DELIVERED.search(before):
            return None  # "delivered food"; passive: "food and blankets were delivered"
        if kind == "verb_protest" and not _CROWD.search(masked[max(0, match.start() - 60):
                                                             match.start()]):
            return None
        if kind == "speech" and _UNNAMED_SOURCE.search(masked):
            return None  # "..., an official said, speaking on condition of anonymity": a source
        if kind == "speech" and lowered[-1:] and lowered[-1] in ("was", "were", "been", "being") \
                and not re.match(r"(?:announced|agreed|signed|declared)$", match.group(0)):
            return None  # "students were told": reported to, not a statement
        if category == "humanitarian" and re.match(r"fleeing\s+[a-z]+s\b", masked[match.start():]) \
                and re.search(r"\b(?:by|the|of|with|for)\s+$", before):
            return None  # "flown by fleeing pilots": who flew, not a displacement
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
        if kind == "verb_meeting" and (not self._political_speaker(sentence, masked, match) or
                                       re.search(r"\b(?:borders|frontiers|boundaries|rivers|roads)\s+"
                                                 r"(?:of\s+)?[^.;:]{0,50}$", before)):
            # "thousands gathered at the crossing", "where the borders of Syria, Iraq and
            # Jordan meet": no meeting
            return None
        if kind == "speech" and re.match(r"(?:warn|caution|fear|predict)", match.group(0), re.I) \
                and not _ADDRESSEE.match(plain_after) and (re.match(r"\s+(?:that\s+)?(?:[\w’'-]+\s+){0,6}?(?:could|would|might|may)\b",
                              plain_after)
                     or re.match(r"\s+(?:(?:on|late|early|last)\s+\w+\s+|for\s+(?:months|years|weeks)\s+)?"
                                 r"(?:that|of|about|against)\b", plain_after)):
            # "warned that the airport could close", "warned of a catastrophe": a warning to
            # the world, not an event; "cautioned his British counterpart" is talks.
            return None
        if category == "armed_clash" and match.group(0).lower() in ("killed", "kills", "killing") \
                and (_DISASTER.search(masked[max(0, match.start() - 120):match.end() + 60]) or
                     self.disaster_story and not _WAR_WORDS.search(masked)):
            # "earthquakes that killed 2,000", or "23 people were killed" in a story about
            # one: a disaster's toll
            category = "humanitarian"
        if category == "border_crossing" and kind == "phrase" and re.search(
                r"\b(?:convoys?|trucks|lorries|shipments?|consignments?)\b", before[-120:]) \
                and _AID_OBJECT.search(before[-120:]):
            # "a convoy of 20 trucks carrying tents crossed into ...": aid delivered
            return _Trigger("humanitarian", start, end, "aid_crossing", planned)
        if category == "armed_clash" and _CASUALTIES.match(self.text, max(0, start - 20), end) \
                and self._recent(sentence, "armed_clash"):
            return None  # "two children were killed": the toll of the attack just reported
        # "The truce was announced in Washington by Secretary of State Antony Blinken."
        agent = lowered[-1:] in (["was"], ["were"]) and re.search(
            r"\bby\s+(?:[\w.’'-]+\s+){0,3}?(?:[A-Z][\w.]*)", plain_after[:90]) and \
            lex.POLITICAL_SPEAKER.search(plain_after[:110])
        if kind == "speech" and re.search(r"\b(?:has|have)\s+$", before) and not any(
                sentence.start <= m.start < sentence.end and not m.background for m in self.dates):
            return None  # "Tajikistan has said it is ready to ...": a standing position
        if kind == "speech" and self._accuses(sentence, masked, match) and (
                self._political_speaker(sentence, masked, match) or agent):
            return _Trigger("diplomacy", start, end, "speech", planned)  # an accusation
        if kind == "speech" and (self._attribution(masked, match)
                                 or self._reports_other_event(sentence, masked, match)
                                 or not (agent or self._political_speaker(sentence, masked, match))):
            return None
        if category == "political" and self._seized_by_force(match, kind, start, end, object_text) \
                and not _RIOTERS.search(_clause_tail(before)[-90:]):
            category = "armed_clash"
        if category == "armed_clash" and kind != "noun" and _RIOTERS.search(_clause_tail(before)[-90:]):
            category = "political"  # "protesters stormed the mayor's office": a riot, not a battle
        return _Trigger(category, start, end, kind, planned)

    def _seized_by_force(self, match, kind, start, end, object_text) -> bool:
        """A town, base or crossing taken is a battle (ACLED: Battles / overtakes territory);
        power, a government, a country or its capital taken is a political takeover."""
        if not (kind == "verb_territory" or _FORCED_ENTRY.fullmatch(match.group(0))
                or match.group(0).endswith("fell")):
            return False
        if _POWER_OBJECT.search(match.group(0) + object_text[:50]) or _WITHOUT_A_FIGHT.search(
                self.text[start:end + len(object_text)]):
            return False
        named = [m for m in self._mentions_in(start, end + len(object_text)) if m.resolved]
        return not any(m.kind == "country" or self._is_capital(m) for m in named[:1])

    def _check_noun(self, sentence, masked, category, match, planned) -> _Trigger | None:
        before = masked[:match.start()]
        if re.search(r"\b(?:press|news)\s+$", before, re.I):
            return None  # a press conference is a statement, not a meeting
        if re.search(r"\bto\s+$", before):
            return None  # "summoned the envoy to protest": a verb's infinitive, not a noun
        # A caption's "after Israeli strikes" reports what the photo follows.
        after_in_caption = sentence.role == "caption" and re.search(
            r"\b(?:after|during|following|amid)\s+(?:[\w’'-]+\s+){0,4}$", before)
        if _TOPIC_OF.search(before[-60:]):
            return None  # "refused a debate on the clash": what is talked about, told elsewhere
        happened = lex.HAPPENED_AFTER.match(masked[match.end():match.end() + 80])
        if lex.BACKGROUND_BEFORE.search(before[-80:]) and not after_in_caption and \
                not self._dated_clause(sentence, match, happened):
            return None
        if re.search(r"\b(?!(?:conducting|holding|hosting|staging|launching|attending|chairing|"
                     r"leading|convening|opening|addressing|"
                     r"carrying|setting|building|during|including|following|regarding|"
                     r"concerning|morning|evening)\b)[a-z]+ing\s+(?:an?|the)\s+(?:[\w-]+\s+)?$",
                     before):
            return None  # "journalists covering a protest": a circumstance, not the event
        marker = self._open_marker(sentence, sentence.start + match.start())
        if re.search(r"\bthe\s+(?:[\w-]+\s+)?$", before) and marker and marker[2] in (
                "who", "which", "that"):
            return None  # "the troops who carried out the evacuation": already known
        if re.search(r"\bthe\s+(?:[\w-]+\s+)?$", before) and self._recent(sentence, category) \
                and sentence.role != "caption":
            return None  # "took part in the exercises": the drills just reported
        tail = _clause_tail(before)
        words = _words(tail)[-8:]
        support = lex.SUPPORT_VERBS.search(" ".join(words))
        if happened and set(happened.group(0).lower().split()) & lex.MODALS:
            happened = None  # "fighting might spread": a fear, not an event
        participle = match.group(0).lower() in ("meeting", "gathering") and re.search(
            r",\s*$", before) and re.match(r"\s+(?:in|at)\s+[A-Z]", masked[match.end():])
        if not support and not happened and not participle and not after_in_caption and \
                not lex.INDEFINITE.search(before[-60:]):
            return None
        if lex.IRREALIS.search(" ".join(words[-6:])) or _CALL_TO_ACT.search(tail) or re.search(
                r"\b(?:likely|unlikely|possible|probable)\b", masked[match.end():match.end() + 40]) \
                or re.match(r"\s+(?:[\w-]+\s+){0,2}?(?:would|could|might|may)\s+be\b",
                            masked[match.end():match.end() + 40]):
            return None  # "strikes were likely", "a military operation would be risky": forecasts
        if lex.HABITUAL.search(" ".join(words)):
            return None  # "regularly holds drills": a habit, background
        if re.match(r"(?:refugee |tent )?(?:camps?|shelters?|tents)$", match.group(0)) and re.search(
                r"\b(?:in|at|near|outside|inside|into|from|on|around)\s+(?:an?|the|one|two|"
                r"several)\s+(?:[\w-]+\s+){0,2}$", before) and any(
                    kind != "noun" and _trigger_regex(pattern).search(before)
                    for kind, pattern in lex.TRIGGERS["armed_clash"]):
            return None  # "shells landed in a displacement camp": the camp is the target
        if _MODIFIED_HEAD.match(masked[match.end():]):
            return None  # "a displacement camp", "an evacuation order": the noun modifies another
        planned = planned or bool(happened and happened.group("future"))
        lowered = [w.lower() for w in words]
        if any(w in lex.MODALS for w in lowered):
            return None
        # "are also due to discuss the crisis at an African Union summit": the whole clause.
        planned = planned or bool(lex.FUTURE.search(" ".join(words))) or bool(
            re.search(r"\b(?:is|are)\s+(?:also\s+|still\s+)?(?:due|set|scheduled|expected)\s+to\b",
                      tail[-140:])) or bool(
            # "agreed to share data, to crack down on smuggling and to hold a conference"
            re.match(r"\s*(?:and\s+|or\s+)?to\s+[a-z]+", tail) and lex.FUTURE.search(before))
        return _Trigger(category, sentence.start + match.start(), sentence.start + match.end(),
                        "noun", planned)

    def _dated_clause(self, sentence, match, happened) -> bool:
        """"after fighting erupted there on April 15": a noun that opens its own clause,
        happened and dated in it, is stated, not a reference to something told elsewhere."""
        if not happened or not happened.group("past") or self.published is None:
            return False
        start = sentence.start + match.end() + happened.end()
        for mention in self.dates:
            if start <= mention.start <= start + 25 and not mention.background:
                resolved = resolve_mention(mention, self.published)
                if resolved is not None and resolved.precision == "day":
                    return True
        return False

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
        if masked[:1].isspace():
            return False  # the sentence opens with a quotation (blanked): "“...,” X, an adviser, said."
        if not subject.strip() and re.search(r",\s*(?:which|who|whose)\b(?:[^,]|(?<=\d),(?=\d))*$",
                                             head):
            # "Oman, which has mediated ..., condemned": the comma closes an aside; but
            # "... province, which hosts U.S. troops, the official said": a source.
            return False
        after = re.split(r",\s*(?:as|while|amid|when|but|though|even as|calling|describing|"
                         r"saying|noting|an? (?:claim|charge|"
                         r"allegation|report|account|version)\b)", after)[0].strip()
        if match.group(0).lower() == "told":
            # "..., a council member told AFP." / "told reporters on Monday."
            after = re.sub(r"^(?:reporters|journalists|the\s+\w+|[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3})"
                           r"\s*", "", after)
        after = re.sub(r"^(?:at|in)\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}\s*", "", after)
        if re.fullmatch(r"(?:(?:on|late|early|in|last|this|earlier|later)\s+(?:[\w-]+\s*){1,3})?"
                        r"[.!?]?", after):
            # "..., a government spokesman said (on Tuesday)."
            return bool(_ATTRIBUTION.match(subject))
        if re.match(r",\s*[a-z]+ing\b", after):
            # "..., a spokesman said, adding that ...", "..., officials said, joining ..."
            return bool(_ATTRIBUTION.match(subject))
        # "..., said a government spokesman." (only verbs of saying stand before their subject)
        return not subject.strip() and bool(_REPORTING.fullmatch(match.group(0))) and bool(
            re.fullmatch(r"(?:[\w’'.-]+\s+){0,6}[\w’'.-]+[.!?]", after))

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
        """"The UN said 50,000 people had been displaced": the saying only sources it.

        Not when it accuses another party: "Tajikistan's foreign ministry said Kyrgyz forces
        had provoked the clash" is a statement (CAMEO 112), not a report of the clash."""
        if self._accuses(sentence, masked, match):
            return False
        if _DATED_SAYING.match(masked, match.end()):
            # "the ministry said on Saturday that its forces had targeted ...": a saying with
            # its own occasion is a statement as well as a source (the seed's convention).
            return False
        rest = masked[match.end():]
        stop = lex.CLAUSE_MARKERS.search(rest)
        complement = rest[:stop.start()] if stop else rest
        if re.search(r"\b(?:that|which)\s+(?:[\w’'-]+\s+){1,3}$", masked[:match.start()]) and any(
                kind != "noun" and _trigger_regex(pattern).match(complement.lstrip())
                for category, patterns in lex.TRIGGERS.items() if category != "diplomacy"
                for kind, pattern in patterns):
            return True  # "a strike that officials said killed 14": the saying sources it
        if not re.match(r"\s+(?:[\w’',-]+\s+){0,18}?(?:had|have|has|were|was|had been)"
                        r"\b", masked[match.end():match.end() + 160]):
            # "Hezbollah said its fighters fired rockets": a past action it reports.
            if not re.match(r"\s+(?:that\s+)?(?:its|their|his|her|the|[A-Z][\w’'-]*)\s",
                            complement):
                return False
            clause = complement[:90]
            for category, patterns in lex.TRIGGERS.items():
                if category == "diplomacy":
                    continue
                for kind, pattern in patterns:
                    found = _trigger_regex(pattern).search(clause)
                    if not found or kind == "noun" or len(clause[:found.start()].split()) > 5:
                        continue
                    lead = clause[:found.start()].lower().split()
                    if set(lead) & lex.MODALS or lex.FUTURE.search(clause[:found.start()]):
                        continue
                    if found.group(0).split()[0].endswith("ed") or kind in ("phrase",
                                                                            "verb_armed"):
                        return True
            return False
        if _REPORTING.fullmatch(match.group(0)) and _REPORTED_FACT.match(complement):
            return True  # "the ministry said 50 servicemen had died": it reports a fact
        for category, patterns in lex.TRIGGERS.items():
            if category == "diplomacy":
                continue
            for kind, pattern in patterns:
                found = _trigger_regex(pattern).search(complement)
                if found and (kind != "noun" or lex.SUPPORT_VERBS.search(
                        complement[:found.start()])):
                    return True
        return False

    def _accuses(self, sentence, masked, match) -> bool:
        """Whether a statement says what another country's forces did."""
        start = sentence.start + match.start()
        speaker = set(self._demonym_codes(sentence.start, start)) | {
            m.country_code for m in self._mentions_in(sentence.start, start)
            if m.resolved and (m.kind == "country" or self._is_capital(m))}
        if not speaker:
            return False
        head = re.match(r"\s+(?:on\s+\w+\s+|in\s+a\s+statement\s+(?:[\w-]+\s+){0,4}?)?"
                        r"(?:that\s+)?((?:[\w’'-]+\s+){1,3}?)(?:forces|troops|soldiers|"
                        r"border guards|guards|army|military|police|aircraft|drones|jets)\b",
                        masked[match.end():match.end() + 160])
        if head is None:
            return False
        accused = set(self._demonym_codes(sentence.start + match.end() + head.start(1),
                                          sentence.start + match.end() + head.end(1)))
        return bool(accused) and not accused & speaker

    def _political_speaker(self, sentence, masked, match) -> bool:
        # "Hans Grundberg, the UN envoy, also called for": the adverb says nothing of who.
        head = re.sub(r"(?<=,)\s*(?:also|later|then|again)\s+$", " ", masked[:match.start()])
        head = re.sub(r",\s*(?:which|who)\b[^,]*,\s*$", " ", head)
        # "Pakistan's intelligence chief, Faiz Hameed, visited": the name is in apposition.
        head = re.sub(r",\s*(?:[A-Z][\w’'-]*\s*){1,4},\s*$", " ", head)
        # "Turkish President Tayyip Erdogan, Baku's closest ally, visited": any short apposition.
        apposition = re.search(r",([^,;:\u201d\"]{1,70}),\s*$", head)
        if apposition and lex.POLITICAL_SPEAKER.search(apposition.group(1)):
            return True  # "Abdul Kabir, the Taliban's minister for refugees, met ..."
        head = re.sub(r",[^,;:\u201d\"]{1,70},\s*$", " ", head)
        before = re.split(r"[,;:\u201d\"—]", head)[-1]
        if _ANONYMOUS_SPEAKER.match(before):
            return False  # "one EU diplomat said", "officials said": a source, not a state's act
        if re.fullmatch(r"\s*(?:(?:where|when|and)\s+)?(?:[Hh]e|[Ss]he|They)\s+"
                        r"(?:also\s+|later\s+|then\s+)?", before) and (
                self._official_nearby(sentence) or
                lex.POLITICAL_SPEAKER.search(masked[:match.start()])):
            # "He also spoke by phone with ...", after a named official; "The prime
            # minister travelled to Adre, where he met ..."
            return True
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
        return any(m.kind == "country" and (m.name in names or (" " in m.name and m.name in subject))
                   and not self._in_quote(m.start)
                   for m in self._mentions_in(sentence.start, sentence.start + match.start()))

    def _crossing_by_name(self, sentence, masked, found) -> None:
        """"Pakistan closed Torkham": a crossing the gazetteer knows, closed or opened."""
        for mention in self._mentions_in(sentence.start, sentence.end):
            if mention.kind != "crossing" or self._in_quote(mention.start):
                continue
            before = masked[:mention.start - sentence.start]
            verb = _CROSSING_VERB.search(before)
            offset = sentence.start
            if verb is None:
                verb = _CROSSING_PASSIVE.match(masked, mention.end - sentence.start)
                before = masked[:mention.start - sentence.start]
            if verb is None:
                continue
            window = " ".join(_words(_clause_tail(before[:min(verb.start(), len(before))]))[-4:]
                              ).lower()
            if set(window.split()) & (lex.MODALS | lex.NEGATION):
                continue  # "could close Torkham", "did not reopen Torkham"
            found["border_crossing"] = _Trigger(
                "border_crossing", offset + verb.start("verb"), offset + verb.end("verb"),
                "phrase", bool(lex.FUTURE.search(window)))
            return

    def _upgrade_flight(self, sentence, masked, found) -> None:
        """Make "fled into Tajikistan" a border crossing: flight into another country."""
        trigger = found.get("humanitarian")
        if trigger is None or "border_crossing" in found or trigger.kind == "aid_crossing" \
                or _AID_OBJECT.search(self.text, trigger.start, trigger.end):
            return  # aid carried into a country is delivered, not a crossing of people
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
                if category == "political" and _POSTURE.search(masked):
                    category = "military_deployment"  # "MNDAA fighters stand guard at the gate"
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
        if draft.date is None and any(
                m.kind == "background" and sentence.start <= m.start < trigger.start and
                not lex.CLAUSE_MARKERS.search(self.text, m.end, trigger.start)
                for m in self.dates):
            return None  # "Since November, the group has launched dozens of drones": a series
        if draft.date is not None and draft.date.planned:
            draft.planned = True
        self._locate(draft)
        draft.actors = self._actors(sentence, trigger)
        draft.magnitude, draft.magnitude_unit = self._magnitude(sentence, trigger)
        if sentence.role == "caption":
            draft.flags.append("caption")
        if trigger.kind == "learned":
            draft.flags.append("category_learned")
        return draft

    def _date(self, sentence: Sentence, trigger: _Trigger) -> ResolvedDate | None:
        candidates = [m for m in self.dates if sentence.start <= m.start < sentence.end
                      and not m.background and not self._in_quote(m.start)]
        if any(m.kind != "stamp" for m in candidates):
            # "06:30 GMT – ... met the ambassador on Monday": the entry's own date wins.
            candidates = [m for m in candidates if m.kind != "stamp"]
        dateline = _DATELINE.match(self.text, sentence.start)
        if dateline and any(m.start >= dateline.end() for m in candidates):
            # "ADDIS ABABA, Aug 14 - A drone strike ... on Sunday": the dateline dates the
            # report; a date of the sentence's own dates the event.
            candidates = [m for m in candidates if m.start >= dateline.end()]
        best = self._nearest_date(sentence, candidates, trigger.start, trigger.end, trigger)
        if best is None:
            # "Saturday's assault, in which a bomber rammed a truck into the compound before
            # gunmen stormed it": each clause inherits the time of the one it hangs from.
            for marker in reversed([m for m in self._markers(sentence) if m[1] <= trigger.start]):
                if marker[2] not in lex.INHERITING_MARKERS:
                    break
                best = self._nearest_date(sentence, candidates, marker[0], marker[0], trigger)
                if best is not None:
                    break
        if best is None:
            best = self._date_of_object_clause(sentence, candidates, trigger)
        if best is None:
            return self._date_of_aftermath(sentence, candidates, trigger)
        resolved = resolve_mention(best, self.published, future=trigger.planned)
        lag = _LAG.search(self.text, best.end, trigger.start) if best.end <= trigger.start \
            else None
        if resolved is not None and lag is not None and resolved.precision == "day":
            # "closed the crossing on Wednesday, a day after gunmen killed 26 people": the
            # killing was on Tuesday.
            day = dt.date.fromisoformat(resolved.date) - dt.timedelta(
                days=span_days(lag.group("n"), lag.group("unit")))
            resolved = ResolvedDate(day.isoformat(), "day", resolved.planned, resolved.vague)
        return resolved

    def _date_of_object_clause(self, sentence, candidates, trigger) -> DateMention | None:
        """"killed eight gunmen who stormed the complex on Wednesday": an undated act on
        people takes the time of what they were doing, told in the clause that follows."""
        clause = self._object_clause(sentence, trigger)
        if clause is None:
            return None
        inside = [m for m in candidates if clause[0] <= m.start and m.end <= clause[1]
                  and resolve_mention(m, self.published, future=trigger.planned) is not None]
        return inside[0] if inside else None

    def _object_clause(self, sentence, trigger) -> tuple[int, int] | None:
        """The span of a "who" clause on the trigger's object, if one follows it closely."""
        markers = self._markers(sentence)
        following = [m for m in markers if m[0] >= trigger.end]
        if not following or following[0][2] != "who" or \
                not _OBJECT_GAP.fullmatch(self.text, trigger.end, following[0][0]):
            return None
        end = following[1][0] if len(following) > 1 else sentence.end
        return following[0][1], end

    def _date_of_aftermath(self, sentence, candidates, trigger) -> ResolvedDate | None:
        """"fled Khartoum in the days after fighting erupted there on April 15": the week
        from the date of the event it follows; "hours after" or "shortly after" it: its day."""
        after = _AFTERMATH.search(self.text, trigger.end, min(sentence.end, trigger.end + 60))
        month_only = False
        if after is None:
            # "Hours after the attack on Monday, the prime minister chaired a meeting"; "After
            # India revoked ... in August 2019, Pakistan expelled ...": that month, no closer.
            after = _AFTERMATH.match(self.text, sentence.start) or _AFTER_OPENING.match(
                self.text, sentence.start)
            if after is None or after.groupdict().get("days"):
                return None
            month_only = after.group(0) == "After"
        following = [m for m in candidates if m.start >= after.end()
                     and m.end <= max(trigger.start, after.end() + 80)]
        resolved = resolve_mention(following[0], self.published) if following else None
        if resolved is None or trigger.planned:
            return None
        if month_only:
            return resolved if resolved.precision == "month" else None
        if resolved.precision != "day":
            return None
        return ResolvedDate(resolved.date, "week" if after.group("days") else "day", False,
                            resolved.vague)

    def _nearest_date(self, sentence, candidates, start, end, trigger) -> DateMention | None:
        usable = [m for m in candidates if self._usable(sentence, m.start, m.end, start, end)
                  and not self._attributive(m, trigger)
                  # "agreed to share data ... and to hold a meeting in November": the date
                  # of a later wish, not of the agreement ("agreed to facilitate it in
                  # phone calls on Saturday" is dated by its own clause)
                  and (trigger.planned or m.start < end or
                       not _LATER_WISH.search(self.text, end, m.start))
                  and resolve_mention(m, self.published, future=trigger.planned) is not None]
        if not usable:
            return None
        if trigger.category != "diplomacy":
            # "The WFP said on Monday it had moved flour to Hairatan in September": the date
            # of the saying is not the date of what it reports, when that has its own.
            own = [m for m in usable if not (m.end <= start and _SAYING_DATE.search(
                self.text, max(0, m.start - 40), m.start))]
            if any(m.kind in ("calendar", "iso", "month_name", "weekday") for m in own):
                usable = own  # a named day or month; "in the past month" is no date of its own

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
        if re.match(r"\s+(?:strikes?|attacks?|bombings?|raids?|assault|blasts?|explosion|coup|"
                    r"takeover|offensive|clashes)\s+(?!deadline|anniversary)[a-z]+", after):
            return False  # "The April 1 strike destroyed ...": the date of the event named
        return not (0 <= trigger.start - mention.end <= 2)

    # -- clauses ---------------------------------------------------------------------------

    def _markers(self, sentence: Sentence) -> list[tuple[int, int, str]]:
        # Asked for by every date and place check of the sentence: found once.
        if sentence.index not in self._marker_cache:
            self._marker_cache[sentence.index] = self._find_markers(sentence)
        return self._marker_cache[sentence.index]

    def _find_markers(self, sentence: Sentence) -> list[tuple[int, int, str]]:
        masked = self._masked(sentence)
        # "have fled since Sunday": a date right after "since" or "until" is a time, not a
        # clause.
        dated = {d.start for d in self.dates if sentence.start <= d.start < sentence.end}
        return [(sentence.start + m.start(), sentence.start + m.end(),
                 " ".join(m.group(0).lower().lstrip(", ").split()))
                for m in lex.CLAUSE_MARKERS.finditer(masked)
                # "a minute before midnight on Monday" is a time, not a clause
                if not _TIME_AFTER.match(masked, m.end()) and not (
                    re.search(r"\b(?:since|until)$", m.group(0), re.I)
                    and any(0 < d - sentence.start - m.end() <= 2 for d in dated))]

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
                # ... and a clause closed by a comma before the trigger holds ``a`` alone;
                # but "Since Sunday, ..." is a preposition dating the main clause.
                if not re.search(r"[,;]", self.text[last[1]:a_start]) and not (
                        last[2] == "since" and not self.text[last[1]:a_start].strip()):
                    return False
            return True
        # "rallied after Friday prayers": a date right after "after" times the trigger itself;
        # "were killed when a camp was attacked late on Wednesday": so does a "when" clause
        # not set off by a comma (", when ..." is an aside about another time).
        return not any(t_end <= m[0] and m[1] <= a_start and not (
            m[2] in ("after", "before") and not self.text[m[1]:a_start].strip()) and not (
            m[2] == "when" and not self.text[m[0]:m[1]].startswith(","))
            for m in markers)

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
            code = self._demonym_code(word.group(0))
            if code:
                # "Russian President Vladimir Putin": the person acts, the state stands behind.
                titled = lex.PERSON_TITLE.match(region, word.end() + 1)
                position = titled.end() if titled else word.start()
                found.append((position, _country_name(code)))
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
        asides = {id(d) for d in drafts if self._in_relative_clause(d)}
        for i, draft in enumerate(drafts):
            if draft.date is not None:
                continue
            if self.published is None:
                draft.flags.append("date_unresolved")
                continue
            previous = [d for d in drafts[:i] if d.date is not None and not d.planned
                        and not self._history(d)]  # an old war dates nothing new
            same = [d for d in previous if d.trigger.category == draft.trigger.category]
            last = [d for d in previous if d.sentence.index == draft.sentence.index - 1]
            near = [d for d in previous if d.sentence.paragraph == draft.sentence.paragraph]
            # "condemned the strikes": a response takes the date of the event it names.
            text = self.text[draft.sentence.start:draft.sentence.end]
            named = [d for d in previous if d.trigger.category != draft.trigger.category
                     and d.trigger.category in _REFERENCES
                     and _REFERENCES[d.trigger.category].search(text)]
            recent = [d for d in previous if draft.sentence.index - d.sentence.index <= 4]
            # "Burundi closed its border on Thursday, accusing ... rebels who killed 20
            # people last month": the next sentence follows the main clause, not the aside.
            last, near = ([d for d in group if id(d) not in asides] for group in (last, near))
            recent = [d for d in recent if id(d) not in asides] or recent
            source = (named or same or last or near or recent or [None])[-1]
            anchor = None if source is not None or draft.planned else self._narrative_date(draft)
            if source is not None and not draft.planned:
                draft.date = source.date
                draft.flags.append("date_inferred")
            elif anchor is not None:
                # The story's last stated day ("on Saturday" in the lead) frames what follows.
                draft.date = anchor
                draft.flags.append("date_inferred")
            else:
                # News reports recent events: the month of publication, marked as assumed.
                draft.date = ResolvedDate(self.published.replace(day=1).isoformat(), "month",
                                          draft.planned)
                draft.flags.append("date_assumed")

    def _in_relative_clause(self, draft: _Draft) -> bool:
        """Whether an event is told in an aside: "rebels who killed 20", "came two days
        after the army began drills"."""
        marker = self._open_marker(draft.sentence, draft.trigger.start)
        return marker is not None and marker[2] in ("who", "which", "whom", "whose", "after",
                                                    "before")

    def _narrative_date(self, draft: _Draft) -> ResolvedDate | None:
        """The last date stated before the event's sentence, if it lies in the month
        before publication (older dates are background, not the story's time)."""
        for mention in reversed([m for m in self.dates if m.end <= draft.sentence.start]):
            if mention.background or mention.kind == "stamp" or self._in_quote(mention.start):
                continue
            resolved = resolve_mention(mention, self.published)
            if resolved is None or resolved.planned:
                continue
            if 0 <= (self.published - dt.date.fromisoformat(resolved.date)).days <= 31:
                return resolved
            return None
        return None

    # -- helpers ---------------------------------------------------------------------------


    def _masked_places(self, start: int, end: int) -> str:
        """Text without quotes and place names ("Hamid Karzai International Airport")."""
        spans = self.quotes + [(m.start, m.end) for m in self._mentions_in(start, end)
                               if m.kind not in ("country",)]
        # Mask only this stretch: masking the whole text per sentence made long
        # articles quadratic.
        shifted = [(max(a, start) - start, min(b, end) - start) for a, b in spans
                   if a < end and b > start]
        return _mask(self.text[start:end], shifted)

    def _masked(self, sentence: Sentence) -> str:
        if self._unquoted is None:
            self._unquoted = _mask(self.text, self.quotes)
        return self._unquoted[sentence.start:sentence.end]

    def _in_quote(self, position: int) -> bool:
        return any(q0 <= position < q1 for q0, q1 in self.quotes)


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


def _is_disaster_story(text: str) -> bool:
    """Whether an earthquake, a flood or the like, rather than a war, is the story."""
    disasters = len(_DISASTER.findall(text))
    return disasters >= 3 and disasters > len(_WAR_WORDS.findall(text))


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


@functools.lru_cache(maxsize=None)
def _trigger_regex(pattern: str) -> re.Pattern:
    """Compile a lexicon pattern; its spaces match any white space ("border\n\nguards")."""
    parts = re.split(r"(\(\?<!?[^)]*\))", pattern)  # look-behinds must keep a fixed width
    flexible = "".join(p if p.startswith("(?<") else p.replace(" ", r"\s+") for p in parts)
    return re.compile(r"\b(?:" + flexible + r")\b", re.I)


