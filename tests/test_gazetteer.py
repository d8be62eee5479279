"""Tests of geomap.gazetteer: names, ranking, curated places and the cached index."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from geomap import gazetteer, settings
from geomap.exceptions import PlaceNotFoundError
from geomap.gazetteer import Place, distance_km, load_gazetteer, near_spelling, normalize_name


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Mazar-i-Sharif", "Mazār-e Sharīf"),
        ("Mazar-e-Sharif", "Mazar i Sharif"),
        ("Shahr-e Naw", "SHAHR-E-NAW"),
        ("Qal'ai Khumb", "Qal’ai Khumb"),
        ("U.S.", "US"),
        ("Tajik–Afghan border", "Tajik-Afghan Border"),
        ("The Gambia", "Gambia"),
        ("Łódź", "Lodz"),
        ("Đakovica", "Dakovica"),
        ("Øresund", "Oresund"),
    ],
)
def test_normalize_name_folds_variants(a, b):
    assert normalize_name(a) == normalize_name(b)


def test_normalize_name_keeps_distinct_names_apart():
    assert normalize_name("Panj") != normalize_name("Panjim")
    assert normalize_name("") == ""


@pytest.mark.parametrize(
    ("query", "country", "kind", "lat", "lon"),
    [
        ("Kabul", "AF", "city", 34.53, 69.17),
        ("Dushanbe", "TJ", "city", 38.54, 68.78),
        ("Panj", "TJ", "city", 37.24, 69.10),
        ("Tehran", "IR", "city", 35.69, 51.42),
        ("Islamabad", "PK", "city", 33.72, 73.04),
        ("Shar-e-Naw", "AF", "neighbourhood", 34.53, 69.17),
        ("Shahr-e Naw", "AF", "neighbourhood", 34.53, 69.17),
        ("Hamid Karzai International Airport", "AF", "airport", 34.566, 69.213),
        ("Kabul airport", "AF", "airport", 34.566, 69.213),
        ("Panji Poyon crossing", "AF/TJ", "crossing", 37.194, 68.577),
        ("Kunduz province", "AF", "province", 36.90, 68.68),
        ("Badakhshan", "AF", "province", 37.0, 70.7),
        ("Khatlon", "TJ", "province", 37.81, 69.11),
        ("Termez", "UZ", "city", 37.22, 67.28),
        ("Mazār-e Sharīf", "AF", "city", 36.71, 67.11),
        ("Afghanistan", "AF", "country", 33.0, 65.0),
    ],
)
def test_lookup_resolves_the_brief_places(gaz, query, country, kind, lat, lon):
    best = gaz.lookup(query)[0]
    assert (best.country_code, best.kind) == (country, kind)
    assert distance_km(best.lat, best.lon, lat, lon) < 30


def _inside(lon, lat, rings):
    # Even-odd ray casting over every ring of a (multi)polygon.
    inside = False
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
            if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
                inside = not inside
    return inside


def test_countries_sit_at_their_reference_point_inside_the_country(gaz):
    shapes = json.loads((Path(settings.geodata_folder) / "boundaries" / "afghanistan_core_50m.geojson").read_text())
    for feature in shapes["features"]:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        rings = [ring for polygon in polygons for ring in polygon]
        place = gaz.lookup(feature["properties"]["name"], kinds=["country"])[0]
        assert place.country_code == feature["properties"]["iso_a2"]
        assert _inside(place.lon, place.lat, rings), place
    # The reference point, not the pole of inaccessibility (39.1 N, 98.1 W).
    united_states = gaz.lookup("United States", kinds=["country"])[0]
    assert (united_states.lat, united_states.lon) == (38.0, -97.0)


def test_lookup_ranks_kabul_afghanistan_before_the_israeli_village(gaz):
    found = gaz.lookup("Kabul")
    assert found[0].geonameid == 1138958
    assert any(p.country_code == "IL" for p in found)


def test_lookup_filters_by_country_and_kind(gaz):
    assert gaz.lookup("Georgia", country_codes=["US"])[0].kind == "province"
    assert gaz.lookup("Georgia", kinds=["country"])[0].country_code == "GE"
    assert gaz.lookup("Panj", kinds=["river"])[0].kind == "river"


def test_countries_carry_geonames_ids_and_interior_points(gaz):
    afghanistan = gaz.lookup("Afghanistan")[0]
    assert afghanistan.geonameid == 1149361
    kabul = gaz.lookup("Kabul")[0]
    assert distance_km(afghanistan.lat, afghanistan.lon, kabul.lat, kabul.lon) > 100


def test_short_forms_match_only_as_written(gaz):
    assert gaz.lookup("Ky.")[0].name == "Kentucky"
    assert gaz.lookup("U.S.")[0].country_code == "US"
    assert "KY" in gaz.short_forms


def test_get_raises_with_the_name(gaz):
    with pytest.raises(PlaceNotFoundError, match="Qwxzyville"):
        gaz.get("Qwxzyville")


def test_place_is_frozen_and_serialisable(gaz):
    place = gaz.lookup("Dushanbe")[0]
    assert isinstance(place, Place)
    with pytest.raises(AttributeError):
        place.lat = 0.0  # type: ignore[misc]
    assert place.to_dict()["geonameid"] == 1221874


def _curated_rows():
    folder = settings.geodata_folder
    with (folder / "features.csv").open(encoding="utf-8") as fh:
        yield from (("features", r) for r in csv.DictReader(fh))
    with (folder / "crossings.csv").open(encoding="utf-8") as fh:
        yield from (("crossings", r) for r in csv.DictReader(fh) if r["lat"])


@pytest.mark.parametrize(("source", "row"), list(_curated_rows()), ids=lambda v: v if isinstance(v, str) else v["id"])
def test_every_curated_place_is_found_by_its_name(gaz, source, row):
    name = gazetteer._PAREN.sub(" ", row["name"]).strip()
    found = gaz.lookup(name)
    assert found, name
    lat, lon = float(row["lat"]), float(row["lon"])
    assert min(distance_km(p.lat, p.lon, lat, lon) for p in found[:3]) < 1.0


def _tiny_index():
    return {"format": gazetteer.INDEX_FORMAT, "columns": [[]] * 12, "names": {}, "short": {}}


def test_index_is_cached_in_the_data_folder_read_at_call_time(tmp_path, monkeypatch):
    monkeypatch.setenv("GEOMAP_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(gazetteer, "_build", _tiny_index)
    gazetteer._load_index()
    path = gazetteer.index_path()
    assert path.is_file() and path.parent == tmp_path
    assert path.name == f"gazetteer-index-{gazetteer.index_version()}.pickle"

    def no_rebuild():
        raise AssertionError("the cached index should have been read")

    monkeypatch.setattr(gazetteer, "_build", no_rebuild)
    assert gazetteer._load_index()["format"] == gazetteer.INDEX_FORMAT


def test_stale_index_files_are_removed(tmp_path, monkeypatch):
    monkeypatch.setenv("GEOMAP_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(gazetteer, "_build", _tiny_index)
    stale = tmp_path / "gazetteer-index-0000000000000000.pickle"
    stale.write_bytes(b"old")
    gazetteer._load_index()
    assert not stale.exists()


def test_corrupt_index_is_rebuilt(tmp_path, monkeypatch, caplog):
    monkeypatch.setenv("GEOMAP_DATA_DIR", str(tmp_path))
    built = _tiny_index()
    monkeypatch.setattr(gazetteer, "_build", lambda: built)
    gazetteer.index_path().write_bytes(b"not a pickle")
    assert gazetteer._load_index() is built
    assert "unreadable" in caplog.text


def test_generic_form_bases_give_the_seat_its_short_name(gaz):
    # GeoNames lists the seat beside Bagram air base only as "Woluswali-i-Bagram" and the like.
    found = gaz.lookup("Bagram", country_codes=["AF"])
    assert found and distance_km(found[0].lat, found[0].lon, 34.946, 69.265) < 10
    assert gazetteer._generic_form_bases(["Hukumat-e Nad 'Ali", "Kabul"]) == ["Nad 'Ali"]
    # GeoNames has Chimbay, Karakalpakstan, as "Gorod Chimbay" and "Chimboy Shahri" only.
    assert gazetteer._generic_form_bases(["Gorod Chimbay", "Chimboy Shahri", "Selo"]) == [
        "Chimbay", "Chimboy"]
    assert gaz.lookup("Chimbay")[0].country_code == "UZ"


def test_russian_and_french_spellings_of_j_meet(gaz):
    # GeoNames spells Xo'jayli "Khodzheyli" (Russian); the press writes "Khodjeyli".
    assert normalize_name("Khodjeyli") == normalize_name("Khodzheyli") == "khojeyli"
    assert gaz.lookup("Khodjeyli")[0].country_code == "UZ"


def test_part_of_country_follows_the_direction(gaz):
    south = gaz.part_of_country("AF", "south")
    north = gaz.part_of_country("AF", "north")
    east, west = gaz.part_of_country("AF", "east"), gaz.part_of_country("AF", "west")
    assert south[0] < north[0] and west[1] < east[1]
    assert gaz.part_of_country("AF", "upwards") is None
    assert gaz.part_of_country("XX", "north") is None


@pytest.mark.parametrize("name", ["regional_places.csv", "seats.csv"])
def test_curated_places_cite_a_source_per_coordinate(name):
    with (Path(settings.geodata_folder) / name).open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and all("http" in r["coord_source"] for r in rows)


def test_regional_places_and_seats_resolve(gaz):
    white_house = gaz.lookup("White House")[0]
    assert (white_house.country_code, white_house.kind) == ("US", "neighbourhood")
    assert "landmark" in white_house.subkind
    bajaur = gaz.lookup("Bajaur")[0]
    assert (bajaur.country_code, bajaur.kind) == ("PK", "province")
    assert gaz.lookup("Masnaa border crossing")[0].kind == "crossing"


def test_an_arab_town_is_also_named_without_its_article(gaz):
    # GeoNames files "El Hermel" and "El Fasher"; news writes "Hermel" and "Fasher" too.
    assert [(p.name, primary) for p, primary in gaz.candidates("Hermel")] == [("El Hermel", True)]
    assert gaz.lookup("Fasher")[0].name == "El Fasher"
    # ... and an alternate with the article ("El-Hodeidah") gives its bare form as alternate.
    assert sorted((p.country_code, p.kind, primary) for p, primary in gaz.candidates("Hodeidah")
                  ) == [("YE", "city", False), ("YE", "province", False)]
    assert gaz.lookup("Hodeidah")[0].kind == "city"  # news mean the city
    # Provinces too: "Anbar" for Al-Anbar, ranked as the province it is.
    assert [(p.name, p.kind) for p in gaz.lookup("Anbar")][:1] == [("Al-Anbar", "province")]
    # Not in Spanish-speaking countries: "Paso" is no own name of El Paso.
    assert not any(p.name == "El Paso" and primary for p, primary in gaz.candidates("Paso"))


def test_a_doubled_consonant_matches_as_an_alias(gaz):
    # "Baramulla" for GeoNames' Bāramūla, "Mukala" for Mukalla: transliterations double
    # consonants at will. Such a match counts as an alias, weaker than an own name.
    assert [(p.name, primary) for p, primary in gaz.candidates("Baramulla")] == [
        ("Bāramūla", False)]
    assert gaz.lookup("Mukala")[0].name == "Mukalla"
    assert gaz.has_key("baramulla")
    # An exact name still wins: "Latakia" is the city, "Lattakia" also names the province.
    assert gaz.lookup("Latakia")[0].kind == "city"


@pytest.mark.parametrize(("a", "b", "near"), [
    ("koya", "koye", True), ("murghab", "murghob", True), ("chorkuh", "chorku", True),
    ("qala", "kala", False),  # the first letter must agree
    ("koya", "kona", False),  # a consonant changed
    ("iraq", "irak", True), ("kabul", "kabul", False), ("ufa", "ufo", False),
])
def test_near_spellings_differ_by_one_soft_letter(a, b, near):
    assert near_spelling(a, b) is near and near_spelling(b, a) is near


def test_respellings_are_towns_of_the_given_countries(gaz):
    assert [p.name for p in gaz.respellings("Koya", countries=["IQ"])] == ["Koysinceq"]
    assert gaz.respellings("Koya", countries=["TJ"]) == []
    assert gaz.respellings("Ufa", countries=["RU"]) == []  # too short to respell
