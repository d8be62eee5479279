"""Geocode place names: user corrections, then the offline gazetteer, then (opt-in) online.

:class:`GazetteerGeocoder` has geopy's call shape,
``geocode(query, *, exactly_one=True, timeout=None)``, and returns
:class:`geopy.location.Location` objects, so code written for geopy works with
it and any geopy geocoder can stand behind it. :func:`geocoder_chain` builds
that chain: offline answers first; only when the user opts in, a geopy
geocoder (Nominatim with :data:`geomap.settings.user_agent` by default),
rate-limited by geopy's :class:`~geopy.extra.rate_limiter.RateLimiter`
(:data:`geomap.settings.geocoder_min_delay`), with
:data:`geomap.settings.geocoder_timeout`, behind a persistent JSON cache
(:mod:`geomap._cache`). A timeout, a refusal (HTTP 403/429) or a garbage answer
logs a warning and falls back to the offline answer; it never crashes, unless
``raise_errors=True`` asks for :class:`~geomap.exceptions.GeocoderUnavailableError`.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Iterable

from geopy.exc import GeopyError
from geopy.extra.rate_limiter import RateLimiter
from geopy.location import Location

from geomap import settings
from geomap._cache import JsonCache, cache_key
from geomap.corrections import find_correction
from geomap.exceptions import GeocoderUnavailableError
from geomap.gazetteer import Gazetteer, Place, load_gazetteer

logger = logging.getLogger(__name__)


def location_from_place(place: Place, *, query: str = "") -> Location:
    """Return a geopy Location for a gazetteer place.

    Parameters
    ----------
    place : Place
        The place.
    query : str, optional
        The query that found it, kept in ``raw["query"]``.

    Returns
    -------
    geopy.location.Location
        ``address`` is the place name and country code; ``raw`` carries every
        :class:`~geomap.gazetteer.Place` field (kind, country_code, geonameid,
        source, ...).
    """
    address = f"{place.name}, {place.country_code}" if place.country_code else place.name
    raw = place.to_dict() | {"query": query}
    return Location(address, (place.lat, place.lon), raw)


def _location_from_correction(entry: dict, query: str) -> Location:
    raw = {
        "name": entry.get("place_name") or entry.get("name"),
        "lat": entry["lat"],
        "lon": entry["lon"],
        "kind": entry.get("kind", "place"),
        "country_code": entry.get("country_code", ""),
        "geonameid": entry.get("geonameid"),
        "population": 0,
        "source": "correction",
        "query": query,
    }
    return Location(raw["name"], (entry["lat"], entry["lon"]), raw)


class GazetteerGeocoder:
    """Offline geocoder over geomap's gazetteer, with geopy's ``geocode`` contract.

    Parameters
    ----------
    gazetteer : Gazetteer, optional
        Defaults to :func:`geomap.gazetteer.load_gazetteer` (loaded on first use).
    corrections : bool, optional
        Apply the user's saved place corrections first. Default True.

    Examples
    --------
    >>> GazetteerGeocoder().geocode("Dushanbe").raw["country_code"]
    'TJ'
    """

    def __init__(self, *, gazetteer: Gazetteer | None = None, corrections: bool = True) -> None:
        self._gazetteer = gazetteer
        self.corrections = corrections

    @property
    def gazetteer(self) -> Gazetteer:
        """The gazetteer answering queries."""
        if self._gazetteer is None:
            self._gazetteer = load_gazetteer()
        return self._gazetteer

    def geocode(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        timeout: float | None = None,
        country_codes: str | Iterable[str] | None = None,
    ) -> Location | list[Location] | None:
        """Return the place named ``query``.

        A query may carry its country or region after commas
        (``"Panj, Tajikistan"``), which narrows the candidates.

        Parameters
        ----------
        query : str
            Place name.
        exactly_one : bool, optional
            Return the best Location (default) or a list of all, best first.
        timeout : float, optional
            Accepted for geopy compatibility; the gazetteer never waits.
        country_codes : str or iterable of str, optional
            Keep only places in these ISO2 countries.

        Returns
        -------
        geopy.location.Location, list of Location, or None
            None when nothing matches, as geopy's geocoders do.
        """
        del timeout  # offline: nothing to wait for
        found = self._locations(query, country_codes=_codes(country_codes))
        return _shape(found, exactly_one=exactly_one)

    def _locations(self, query: str, *, country_codes: set[str] | None) -> list[Location]:
        if not isinstance(query, str) or not query.strip():
            return []
        if self.corrections:
            entry = find_correction(query.strip())
            if entry is not None:
                return [_location_from_correction(entry, query)]
        name, qualifiers = _split_query(query)
        places = self.gazetteer.lookup(name, country_codes=country_codes)
        if qualifiers:
            places = _prefer_qualified(self.gazetteer, places, qualifiers)
        return [location_from_place(p, query=query) for p in places]


def _codes(country_codes: str | Iterable[str] | None) -> set[str] | None:
    if country_codes is None:
        return None
    items = [country_codes] if isinstance(country_codes, str) else list(country_codes)
    return {c.strip().upper() for c in items if c and c.strip()} or None


def _split_query(query: str) -> tuple[str, list[str]]:
    parts = [p.strip() for p in query.split(",") if p.strip()]
    return (parts[0] if parts else query.strip()), parts[1:]


def _prefer_qualified(gaz: Gazetteer, places: list[Place], qualifiers: list[str]) -> list[Place]:
    """Put first the places inside the countries or regions named after the commas."""
    countries: set[str] = set()
    for qualifier in qualifiers:
        for place in gaz.lookup(qualifier, kinds=("country", "province", "region"))[:3]:
            countries.update(place.country_code.split("/"))
    inside = [p for p in places if countries & set(p.country_code.split("/"))]
    return inside + [p for p in places if p not in inside]


# ----------------------------------------------------------------------------- online fallback


class _RateLimiter(RateLimiter):
    """geopy's RateLimiter with an injectable clock and sleep, for deterministic tests."""

    def __init__(self, func, *, clock: Callable[[], float] | None = None,
                 sleep: Callable[[float], None] | None = None, **kwargs) -> None:
        super().__init__(func, **kwargs)
        self._clock_fn = clock
        self._sleep_fn = sleep

    def _clock(self):
        return self._clock_fn() if self._clock_fn else super()._clock()

    def _sleep(self, seconds):
        if self._sleep_fn:
            self._sleep_fn(seconds)
        else:
            super()._sleep(seconds)


class GeocoderChain:
    """Corrections and gazetteer first, then an online geopy geocoder behind a cache.

    Parameters
    ----------
    offline : GazetteerGeocoder, optional
        The offline geocoder; a new one by default.
    online : geopy geocoder, optional
        Any object with geopy's ``geocode(query, exactly_one=..., timeout=...)``.
        None keeps the chain offline.
    cache : JsonCache, optional
        Persistent cache of online answers; ``geocode-cache.json`` in the
        user data folder by default.
    min_delay : float, optional
        Seconds between online requests; default
        :data:`geomap.settings.geocoder_min_delay`.
    timeout : float, optional
        Seconds per online request; default :data:`geomap.settings.geocoder_timeout`.
    raise_errors : bool, optional
        Raise :class:`GeocoderUnavailableError` on online failures instead of
        warning and returning the offline answer. Default False.
    clock, sleep : callable, optional
        Replace the rate limiter's clock and sleep (tests).
    """

    def __init__(
        self,
        *,
        offline: GazetteerGeocoder | None = None,
        online: object | None = None,
        cache: JsonCache | None = None,
        min_delay: float | None = None,
        timeout: float | None = None,
        raise_errors: bool = False,
        clock: Callable[[], float] | None = None,
        sleep: Callable[[float], None] | None = None,
    ) -> None:
        self.offline = offline or GazetteerGeocoder()
        self.online = online
        self.cache = cache or JsonCache()
        self.timeout = settings.geocoder_timeout if timeout is None else timeout
        self.raise_errors = raise_errors
        self._limited = None
        if online is not None:
            delay = settings.geocoder_min_delay if min_delay is None else min_delay
            self._limited = _RateLimiter(
                online.geocode, min_delay_seconds=delay, max_retries=0,
                swallow_exceptions=False, clock=clock, sleep=sleep,
            )

    def geocode(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        timeout: float | None = None,
        country_codes: str | Iterable[str] | None = None,
    ) -> Location | list[Location] | None:
        """Return the place named ``query``: offline answer, else cached or online answer.

        Parameters
        ----------
        query : str
            Place name.
        exactly_one : bool, optional
            Return one Location (default) or a list.
        timeout : float, optional
            Seconds for the online request; default the chain's timeout.
        country_codes : str or iterable of str, optional
            Restrict to these ISO2 countries (passed on to geocoders that
            accept ``country_codes``, such as Nominatim).

        Returns
        -------
        geopy.location.Location, list of Location, or None

        Raises
        ------
        GeocoderUnavailableError
            Only with ``raise_errors=True``, when the online geocoder fails.
        """
        offline = self.offline.geocode(query, exactly_one=exactly_one, country_codes=country_codes)
        if offline or self._limited is None:
            return offline
        answer = self._online(query, exactly_one=exactly_one, timeout=timeout,
                              country_codes=_codes(country_codes))
        return answer if answer is not None else offline

    def _online(self, query, *, exactly_one, timeout, country_codes):
        name = type(self.online).__name__
        key = cache_key(name, query, exactly_one, sorted(country_codes or ()))
        stored = self.cache.get(key)
        if isinstance(stored, dict):
            return _from_cache(stored, exactly_one=exactly_one)
        try:
            result = self._call(query, exactly_one=exactly_one, timeout=timeout, country_codes=country_codes)
        except GeopyError as err:
            return self._failed(query, err)
        locations = _valid_locations(result)
        if locations is None:
            return self._failed(query, ValueError(f"unexpected answer {str(result)[:120]!r}"))
        self.cache.set(key, {"locations": [_to_json(loc) for loc in locations]})
        return _shape(locations, exactly_one=exactly_one)

    def _call(self, query, *, exactly_one, timeout, country_codes):
        kwargs = {"exactly_one": exactly_one, "timeout": self.timeout if timeout is None else timeout}
        if country_codes:
            kwargs["country_codes"] = sorted(country_codes)
        try:
            return self._limited(query, **kwargs)
        except TypeError as err:
            if "country_codes" not in str(err):
                raise
            del kwargs["country_codes"]  # that geocoder has no country filter
            return self._limited(query, **kwargs)

    def _failed(self, query: str, err: Exception) -> None:
        msg = f"Online geocoder {type(self.online).__name__} failed on {query!r}: {err}"
        if self.raise_errors:
            raise GeocoderUnavailableError(msg) from err
        logger.warning("%s; using the offline answer", msg)
        return None


def _valid_locations(result) -> list[Location] | None:
    """Locations of a geocoder answer, or None for garbage (wrong type, bad coordinates)."""
    if result is None:
        return []
    items = result if isinstance(result, list) else [result]
    valid = []
    for item in items:
        if not isinstance(item, Location):
            return None
        lat, lon = item.latitude, item.longitude
        if not (isinstance(lat, (int, float)) and isinstance(lon, (int, float))):
            return None
        if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
            return None
        valid.append(item)
    return valid


def _to_json(location: Location) -> dict:
    raw = location.raw if isinstance(location.raw, dict) else {}
    keep = {k: v for k, v in raw.items() if isinstance(v, (str, int, float, bool, type(None)))}
    return {"address": location.address, "lat": location.latitude, "lon": location.longitude,
            "raw": keep | {"source": raw.get("source", "online")}}


def _from_cache(stored: dict, *, exactly_one: bool):
    locations = []
    for item in stored.get("locations", []):
        try:
            locations.append(Location(item["address"] or "", (item["lat"], item["lon"]), item.get("raw", {})))
        except (KeyError, TypeError, ValueError):
            continue  # one damaged entry does not spoil the others
    return _shape(locations, exactly_one=exactly_one)


def _shape(locations: list[Location], *, exactly_one: bool):
    if exactly_one:
        return locations[0] if locations else None
    return locations or None


def geocoder_chain(*, online: bool | object | None = None, **options) -> GeocoderChain:
    """Return the geocoder geomap uses for names without coordinates.

    Parameters
    ----------
    online : bool or geopy geocoder, optional
        None or False (default): offline only (corrections and gazetteer).
        True: add Nominatim with :data:`geomap.settings.user_agent` (needs the
        network; install the ``remote`` extra for ``requests``). A geopy
        geocoder instance: add that one.
    **options
        Passed to :class:`GeocoderChain` (``cache``, ``min_delay``,
        ``timeout``, ``raise_errors``, ``clock``, ``sleep``).

    Returns
    -------
    GeocoderChain
    """
    if online is True:
        from geopy.geocoders import Nominatim

        online = Nominatim(user_agent=settings.user_agent, timeout=settings.geocoder_timeout)
    elif online is False:
        online = None
    return GeocoderChain(online=online, **options)
