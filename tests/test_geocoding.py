"""Tests of geomap.geocoding, geomap._cache and geomap.corrections, all offline.

Online geocoders are replaced by recorded answers (geopy Location objects) and
fakes that raise geopy's errors; the rate limiter runs on a fake clock.
"""

from __future__ import annotations

import json
import math

import pytest
from geopy.exc import GeocoderQuotaExceeded, GeocoderServiceError, GeocoderTimedOut, GeocoderInsufficientPrivileges
from geopy.location import Location

from geomap._cache import JsonCache, cache_key
from geomap.corrections import delete_correction, find_correction, load_corrections, save_correction
from geomap.exceptions import GeocoderUnavailableError, InputError
from geomap.geocoding import GazetteerGeocoder, GeocoderChain, geocoder_chain

# A recorded Nominatim answer for a name the gazetteer lacks (trimmed).
RECORDED = {
    "Wakhan": Location(
        "Wakhan, Badakhshan, Afghanistan",
        (37.0571, 73.34928),
        {"place_id": 1, "display_name": "Wakhan, Badakhshan, Afghanistan", "class": "boundary"},
    ),
}


class RecordedGeocoder:
    """Answers from RECORDED; counts calls."""

    def __init__(self):
        self.calls = []

    def geocode(self, query, *, exactly_one=True, timeout=None, country_codes=None):
        self.calls.append((query, timeout, country_codes))
        found = RECORDED.get(query)
        if found is None:
            return None if exactly_one else []
        return found if exactly_one else [found]


class FailingGeocoder:
    def __init__(self, error):
        self.error = error
        self.calls = 0

    def geocode(self, query, *, exactly_one=True, timeout=None):
        self.calls += 1
        raise self.error


class GarbageGeocoder:
    def geocode(self, query, *, exactly_one=True, timeout=None):
        return {"lat": "north", "lon": None}


class FakeClock:
    def __init__(self):
        self.now = 1000.0
        self.sleeps = []

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """A fresh user data folder per test: no cache or correction leaks between tests."""
    monkeypatch.setenv("GEOMAP_DATA_DIR", str(tmp_path))
    return tmp_path


# ----------------------------------------------------------------------------- offline


def test_gazetteer_geocoder_has_geopys_shape():
    geocoder = GazetteerGeocoder()
    found = geocoder.geocode("Dushanbe", exactly_one=True, timeout=3)
    assert isinstance(found, Location)
    assert found.raw["country_code"] == "TJ"
    assert found.raw["geonameid"] == 1221874
    assert found.raw["kind"] == "city" and found.raw["source"] == "geonames"
    many = geocoder.geocode("Kabul", exactly_one=False)
    assert isinstance(many, list) and many[0].raw["country_code"] == "AF"


def test_unknown_name_gives_none_or_empty_list():
    geocoder = GazetteerGeocoder()
    assert geocoder.geocode("Qwxzyville") is None
    assert geocoder.geocode("Qwxzyville", exactly_one=False) is None
    assert geocoder.geocode("   ") is None


def test_qualifier_and_country_codes_narrow_the_answer():
    geocoder = GazetteerGeocoder()
    assert geocoder.geocode("Georgia, United States").raw["kind"] == "province"
    assert geocoder.geocode("Georgia", country_codes="US").raw["country_code"] == "US"
    assert geocoder.geocode("Kabul", country_codes=["IL"]).raw["country_code"] == "IL"


def test_brief_places_geocode():
    geocoder = GazetteerGeocoder()
    assert geocoder.geocode("Kabul airport").raw["kind"] == "airport"
    assert geocoder.geocode("Panji Poyon crossing").raw["kind"] == "crossing"
    assert geocoder.geocode("Panj").raw["country_code"] == "TJ"


# ----------------------------------------------------------------------------- corrections


def test_corrections_round_trip_and_win_over_the_gazetteer(data_dir):
    assert load_corrections() == {}
    save_correction("Panj", lat=37.2, lon=69.1, kind="city", country_code="tj", note="the town")
    assert find_correction("PANJ")["country_code"] == "TJ"
    found = GazetteerGeocoder().geocode("panj")
    assert found.raw["source"] == "correction"
    assert found.point[:2] == (37.2, 69.1)
    assert GazetteerGeocoder(corrections=False).geocode("panj").raw["source"] != "correction"
    assert delete_correction("Panj") is True
    assert delete_correction("Panj") is False


@pytest.mark.parametrize(("lat", "lon"), [(91, 0), (0, 181), (math.nan, 0), ("x", 0)])
def test_bad_correction_is_refused_with_the_name(data_dir, lat, lon):
    with pytest.raises(InputError, match="Wakhan"):
        save_correction("Wakhan", lat=lat, lon=lon)


def test_empty_correction_name_is_refused(data_dir):
    with pytest.raises(InputError):
        save_correction(" - ", lat=1, lon=1)


# ----------------------------------------------------------------------------- cache


def test_cache_keeps_entries_and_survives_a_corrupt_file(data_dir, caplog):
    cache = JsonCache("test-cache.json")
    cache.set(cache_key("a"), {"v": 1})
    cache.set(cache_key("b"), {"v": 2})
    assert cache.get(cache_key("a")) == {"v": 1}
    cache.path.write_text("{not json", encoding="utf-8")
    assert cache.get(cache_key("a")) is None
    assert "unreadable" in caplog.text
    assert len(cache.set_aside) == 1 and cache.set_aside[0].read_text() == "{not json"
    cache.set(cache_key("c"), {"v": 3})
    assert json.loads(cache.path.read_text()) == {cache_key("c"): {"v": 3}}


def test_cache_key_is_stable():
    assert cache_key("Nominatim", "Kabul", True) == cache_key("Nominatim", "Kabul", True)
    assert cache_key("Nominatim", "Kabul", True) != cache_key("Nominatim", "Kabul", False)


# ----------------------------------------------------------------------------- online chain


def test_offline_answer_comes_first_and_online_is_not_called(data_dir):
    online = RecordedGeocoder()
    chain = GeocoderChain(online=online, min_delay=0)
    assert chain.geocode("Kabul").raw["country_code"] == "AF"
    assert online.calls == []


def test_online_answer_is_cached_across_chains(data_dir):
    online = RecordedGeocoder()
    clock = FakeClock()
    chain = GeocoderChain(online=online, min_delay=1, timeout=7, clock=clock, sleep=clock.sleep)
    found = chain.geocode("Wakhan")
    assert found.point[:2] == (37.0571, 73.34928)
    assert online.calls == [("Wakhan", 7, None)]
    again = GeocoderChain(online=online, min_delay=1).geocode("Wakhan")
    assert again.latitude == found.latitude and len(online.calls) == 1


def test_rate_limiter_waits_on_the_fake_clock(data_dir):
    online = RecordedGeocoder()
    clock = FakeClock()
    chain = GeocoderChain(online=online, min_delay=2.5, clock=clock, sleep=clock.sleep)
    for name in ("Nowhere1", "Nowhere2", "Nowhere3"):
        chain.geocode(name)
    assert len(online.calls) == 3
    assert clock.sleeps == [2.5, 2.5]


@pytest.mark.parametrize(
    "error",
    [GeocoderTimedOut("timed out"), GeocoderQuotaExceeded("HTTP 429"),
     GeocoderInsufficientPrivileges("HTTP 403"), GeocoderServiceError("HTTP 500")],
)
def test_network_failures_fall_back_with_a_warning(data_dir, caplog, error):
    chain = GeocoderChain(online=FailingGeocoder(error), min_delay=0)
    assert chain.geocode("Wakhan") is None
    assert chain.geocode("Kabul").raw["country_code"] == "AF"
    assert "Wakhan" in caplog.text and "offline" in caplog.text


def test_garbage_answer_falls_back(data_dir, caplog):
    chain = GeocoderChain(online=GarbageGeocoder(), min_delay=0)
    assert chain.geocode("Wakhan") is None
    assert "unexpected answer" in caplog.text


def test_failures_surface_as_geocoder_unavailable_when_asked(data_dir):
    chain = GeocoderChain(online=FailingGeocoder(GeocoderTimedOut("slow")), min_delay=0, raise_errors=True)
    with pytest.raises(GeocoderUnavailableError, match="Wakhan") as info:
        chain.geocode("Wakhan")
    assert isinstance(info.value.__cause__, GeocoderTimedOut)
    assert isinstance(info.value, OSError)


def test_geocoder_chain_is_offline_unless_asked(data_dir):
    assert geocoder_chain().online is None
    assert geocoder_chain(online=False).online is None
    chain = geocoder_chain(online=True)
    assert type(chain.online).__name__ == "Nominatim"
    assert chain.online.headers["User-Agent"].startswith("geomap")
