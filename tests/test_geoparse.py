"""Tests of geomap.geoparse: recognition, resolution in context, and properties."""

from __future__ import annotations

import csv
import json

import pytest
from hypothesis import HealthCheck, given, settings as hsettings
from hypothesis import strategies as st

from geomap import settings
from geomap.corrections import save_correction
from geomap.gazetteer import _PAREN, distance_km, load_gazetteer
from geomap.geocoding import GazetteerGeocoder
from geomap.geoparse import PlaceMention, demonym_country, format_mentions, geoparse


@pytest.fixture(autouse=True)
def _own_data_folder(tmp_path, monkeypatch):
    """Corrections saved by other tests in the session folder must not leak in."""
    monkeypatch.setenv("GEOMAP_DATA_DIR", str(tmp_path))


def names(text, **kwargs):
    return [m.name for m in geoparse(text, **kwargs)]


def only(text, name):
    found = [m for m in geoparse(text) if m.name == name]
    assert found, f"{name!r} not found in {text!r}"
    return found[0]


# ----------------------------------------------------------------------------- recognition


def test_spans_index_the_text():
    text = "Fighters crossed from Kunduz into Tajikistan on Monday."
    found = geoparse(text)
    assert [text[m.start : m.end] for m in found] == ["Kunduz", "Tajikistan"]
    assert all(isinstance(m, PlaceMention) and m.resolved for m in found)


@pytest.mark.parametrize(
    "text",
    [
        "Britain's Foreign Secretary Dominic Raab spoke on Tuesday. Raab said more was needed.",
        "Chinese President Xi Jinping called. Later, Xi told reporters nothing.",
        "Foreign Minister Wang Yi met envoys. Wang said talks went well.",
        "President Biden said the deadline stands. Biden spoke for an hour.",
    ],
)
def test_person_names_that_are_places_are_not_places(text):
    found = set(names(text))
    assert not found & {"Raab", "Xi", "Wang", "Biden", "Jinping", "Yi"}


def test_organisations_containing_places_are_not_places():
    text = ("As quoted by the South China Morning Post, officers of the Paris Police Department "
            "said nothing.")
    assert names(text) == []


def test_longest_gazetteer_match_wins():
    text = "Crowds gathered at Hamid Karzai International Airport, where former president Hamid Karzai was seen."
    found = geoparse(text)
    assert [m.name for m in found] == ["Hamid Karzai International Airport"]
    assert found[0].kind == "airport"


def test_demonyms_are_not_places_by_default_but_can_be_asked_for():
    text = "Afghan soldiers and Tajik border guards met Chinese officials."
    assert names(text) == []
    asked = geoparse(text, demonyms=True)
    assert {m.name for m in asked} >= {"Afghan", "Tajik"}
    assert all(m.kind == "demonym" for m in asked)


def test_multiword_and_transliterated_names():
    text = "Fighting reached Mazar-i-Sharif and Mazār-e Sharīf, then Shar-e-Naw in Kabul."
    found = geoparse(text)
    assert [m.name for m in found] == ["Mazar-i-Sharif", "Mazār-e Sharīf", "Shar-e-Naw", "Kabul"]
    assert found[0].geonameid == found[1].geonameid
    assert found[2].kind == "neighbourhood"


def test_lower_case_connectors_and_cities_named_like_their_region():
    found = geoparse("Leaders met in Dar es Salaam, then flew to Brussels.")
    assert [(m.name, m.country_code) for m in found] == [("Dar es Salaam", "TZ"),
                                                         ("Brussels", "BE")]
    assert found[1].kind == "city"  # not the Brussels Capital Region


def test_a_list_of_countries_is_no_city_region_pair():
    # "Iraq, Iran" and "Russia, U.S." read like "Atlanta, Georgia"; but a country's own
    # name opens them, so they are countries, not the villages Iraq (Iran) or Russia (Ohio).
    found = geoparse("The agency asked Armenia, Azerbaijan, Georgia, Iraq, Iran, and Syria to "
                     "take measures.")
    assert all(m.kind == "country" for m in found) and found[3].country_code == "IQ"
    found = geoparse("It lent credence to his reporting on entanglements in Russia, U.S. "
                     "officials said.")
    assert (found[0].name, found[0].country_code) == ("Russia", "RU")
    found = geoparse("He grew up in Atlanta, Georgia.")
    assert [(m.name, m.country_code) for m in found] == [("Atlanta", "US"), ("Georgia", "US")]


def test_provinces_and_kind_words():
    text = "The Taliban took Kunduz province, then moved into Badakhshan and Khatlon."
    found = {m.name: m for m in geoparse(text)}
    assert found["Kunduz"].kind == "province"
    assert found["Badakhshan"].kind == "province" and found["Badakhshan"].country_code == "AF"
    assert found["Khatlon"].country_code == "TJ"


def test_names_not_in_the_gazetteer_are_reported_unresolved():
    text = "Floods hit Qwxzyville County overnight."
    found = geoparse(text)
    assert [(m.name, m.resolved, m.lat, m.lon) for m in found] == [("Qwxzyville County", False, None, None)]


# ----------------------------------------------------------------------------- resolution


def test_panj_beside_dushanbe_is_the_tajik_town():
    text = "Refugees reached the city of Panj. Officials in Dushanbe said the border was calm."
    panj = only(text, "Panj")
    assert panj.country_code == "TJ" and panj.kind == "city"
    assert distance_km(panj.lat, panj.lon, 37.236, 69.099) < 5


def test_kabul_is_the_afghan_capital():
    kabul = only("The Taliban entered Kabul on Sunday.", "Kabul")
    assert kabul.country_code == "AF" and kabul.geonameid == 1138958


def test_georgia_beside_atlanta_is_the_us_state():
    state = only("Storms hit Atlanta, Georgia, on Friday.", "Georgia")
    assert state.country_code == "US" and state.kind == "province"
    country = only("Russian troops remain in Georgia, near Tbilisi.", "Georgia")
    assert country.country_code == "GE"


def test_countries_at_their_representative_point_with_geonames_id():
    afghanistan = only("Aid reached Afghanistan.", "Afghanistan")
    assert afghanistan.geonameid == 1149361
    assert (afghanistan.lat, afghanistan.lon) == (33.0, 65.0)


def test_seed_article_places():
    text = settings.seed_article.read_text(encoding="utf-8")
    found = geoparse(text)
    by_name = {}
    for m in found:
        by_name.setdefault(m.name, m)
    for name in ("Kabul", "Dushanbe", "Tehran", "Islamabad", "Beijing", "Shar-e-Naw",
                 "Hamid Karzai International Airport", "Panj", "Tajikistan"):
        assert name in by_name, name
    assert by_name["Panj"].country_code == "TJ"
    assert not {"Raab", "Xi", "Putin", "Biden"} & set(by_name)


def test_context_countries_steer_ambiguous_names():
    plain = only("Officials met in Panj.", "Panj")
    assert plain.country_code == "TJ"
    steered = only("Officials met in Georgia.", "Georgia")
    assert steered.country_code == "GE"
    assert only_with_context("Officials met in Georgia.", "Georgia", ["US"]).country_code == "US"


def only_with_context(text, name, context):
    return next(m for m in geoparse(text, context=context) if m.name == name)


def test_user_corrections_apply(tmp_path, monkeypatch):
    monkeypatch.setenv("GEOMAP_DATA_DIR", str(tmp_path))
    save_correction("Kunduz", lat=36.0, lon=68.0, kind="city", country_code="AF")
    assert only("Fighting in Kunduz.", "Kunduz").source != "correction"
    kunduz = next(m for m in geoparse("Fighting in Kunduz.", corrections=True) if m.name == "Kunduz")
    assert (kunduz.lat, kunduz.lon, kunduz.source) == (36.0, 68.0, "correction")


# ----------------------------------------------------------------------------- output


def test_format_mentions_text_and_json():
    found = geoparse("From Kabul to Qwxzyville District.")
    text = format_mentions(found)
    assert "Kabul" in text and "unresolved" in text
    data = json.loads(format_mentions(found, as_json=True))
    assert data[0]["name"] == "Kabul" and data[0]["geonameid"] == 1138958
    assert set(data[0]) >= {"start", "end", "name", "lat", "lon", "geonameid", "country_code",
                            "kind", "confidence", "resolved"}


def test_geoparse_refuses_non_text():
    with pytest.raises(TypeError):
        geoparse(b"Kabul")  # type: ignore[arg-type]


# ----------------------------------------------------------------------------- properties

_WORDS = st.sampled_from(
    ["Kabul", "Panj", "Georgia", "President", "Xi", "the", "of", "U.S.", "Mazar-i-Sharif", "’s",
     "New", "York", "County", "\n\n", ",", ".", "Afghan", "Shar-e-Naw", "É", "-", "St.", "d'Ivoire"]
)


@hsettings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=300), st.lists(_WORDS, max_size=40).map(" ".join)))
def test_geoparse_never_raises_and_spans_are_valid(text):
    previous = -1
    for m in geoparse(text):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.name
        assert m.start >= previous
        previous = m.start
        assert 0.0 <= m.confidence <= 1.0
        if m.resolved:
            assert -90 <= m.lat <= 90 and -180 <= m.lon <= 180
        else:
            assert m.lat is None and m.lon is None


def _curated_names():
    folder = settings.geodata_folder
    rows = []
    for file in ("features.csv", "crossings.csv"):
        with (folder / file).open(encoding="utf-8") as fh:
            rows += [r for r in csv.DictReader(fh) if r["lat"]]
    return rows


@pytest.mark.parametrize("row", _curated_names(), ids=lambda r: r["id"])
def test_every_curated_name_geocodes_back_to_its_coordinates(row):
    geocoder = GazetteerGeocoder(corrections=False)
    lat, lon = float(row["lat"]), float(row["lon"])
    name = _PAREN.sub(" ", row["name"]).strip()
    found = geocoder.geocode(name, exactly_one=False)
    assert found, name
    assert min(distance_km(loc.latitude, loc.longitude, lat, lon) for loc in found[:3]) < 1.0


@hsettings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=10**9))
def test_gazetteer_places_geocode_back_to_themselves(seed):
    gaz = load_gazetteer()
    place = gaz.place(seed % len(gaz))
    found = gaz.lookup(place.name)
    assert any(p == place for p in found)
    assert -90 <= place.lat <= 90 and -180 <= place.lon <= 180


def test_places_inside_hyphenated_words():
    text = "The Kabul-based envoy discussed US-China trade on the Afghan-Pakistan border with Kerry-Ann."
    assert names(text) == ["Kabul", "US", "China", "Pakistan"]
    assert names("They carried AK-47 rifles and paid US$400.") == []


def test_crlf_text_gives_the_same_places():
    text = settings.seed_article.read_text(encoding="utf-8")
    crlf = text.replace("\n", "\r\n")
    assert [m.name for m in geoparse(text)] == [m.name for m in geoparse(crlf)]
    assert all(crlf[m.start : m.end] == m.name for m in geoparse(crlf))


def test_the_river_not_the_province_of_its_short_name():
    # "Nile" is also a short name of Sudan's River Nile State; "the Nile" is the river.
    nile = only("Warplanes struck Bahri, across the Nile from central Khartoum.", "Nile")
    assert nile.kind == "river"
    assert only("Fighting spread in River Nile state.", "River Nile").kind == "province"


def test_named_border_and_bare_name_versus_the_river():
    found = geoparse("Soldiers fled across the Tajik-Afghan border near Panj. Boats sank on the Panj.")
    assert [(m.name, m.kind) for m in found] == [
        ("Tajik-Afghan border", "border"), ("Panj", "city"), ("Panj", "river")]


def _curated_aliases():
    return [(row["id"], alias.strip().strip('"'))
            for row in _curated_names()
            for alias in row["alt_names"].split(";") if alias.strip()]


@pytest.mark.parametrize(("row_id", "alias"), _curated_aliases())
def test_every_curated_alias_geocodes_back_to_its_place(row_id, alias):
    row = next(r for r in _curated_names() if r["id"] == row_id)
    geocoder = GazetteerGeocoder(corrections=False)
    found = geocoder.geocode(alias, exactly_one=False)
    assert found, alias
    lat, lon = float(row["lat"]), float(row["lon"])
    best = min(distance_km(loc.latitude, loc.longitude, lat, lon) for loc in found[:3])
    if best >= 1.0:
        # A crossing alias that is also a town's name ("Termiz") means the town;
        # the crossing answers to "<name> crossing".
        assert row_id[:2] in ("TJ", "UZ", "TM", "IR", "PK", "CN") and found[0].raw["population"] >= 10_000
        crossing = geocoder.geocode(f"{alias} crossing")
        assert distance_km(crossing.latitude, crossing.longitude, lat, lon) < 1.0


def test_sentence_initial_common_words_are_not_towns():
    text = "Reading the report, officials were alarmed. Mobile phones were banned. Orange juice rose."
    assert names(text) == []
    assert names("He moved to Reading last year.") == ["Reading"]


def test_afghan_crossings_and_cities():
    text = ("Taliban fighters seized Spin Boldak and the Torkham crossing. "
            "Kandahar, Herat and Lashkar Gah fell. Trucks waited in Termez.")
    found = {m.name: m for m in geoparse(text)}
    assert found["Spin Boldak"].kind == "crossing" and found["Spin Boldak"].country_code == "AF/PK"
    assert found["Torkham crossing"].kind == "crossing"
    assert found["Kandahar"].kind == "city"
    assert found["Termez"].kind == "city" and found["Termez"].country_code == "UZ"


# ----------------------------------------------------------------------------- events engineer's misses


def test_kind_phrase_names_a_place_even_after_a_title_case_headline():
    # In a title-case headline a name beside capitalised verbs is no surname, and
    # "the <adjective> city of X" says place outright.
    text = ("Rebels Storm Jalalabad, Seize Compound\n\n"
            "Rebels overran the eastern city of Jalalabad on Monday, a provincial official said.")
    found = [m for m in geoparse(text) if m.name == "Jalalabad"]
    assert len(found) == 2
    assert all(m.country_code == "AF" and m.kind == "city" for m in found)


def test_dominant_country_wins_for_a_name_known_only_by_an_alternate_name():
    # "Bagram" is an alternate name of a village in Iran and, through its district's
    # name, of the district seat beside the Afghan air base.
    text = "The Afghan army took over Bagram Air Base north of Kabul, and fighting went on near Kandahar."
    base = only(text, "Bagram Air Base")
    assert base.resolved and base.country_code == "AF"
    assert distance_km(base.lat, base.lon, 34.946, 69.265) < 10
    # With no Afghan context the name is not borrowed by the Iranian village.
    elsewhere = only("Visitors toured Bagram Air Base on Monday.", "Bagram Air Base")
    assert elsewhere.country_code != "IR"
    # A bare name after a locative, in an article about Afghanistan.
    held = only("Prisoners held at Bagram were moved, officials in Kabul said. Fighting went on near "
                "Kandahar.", "Bagram")
    assert held.country_code == "AF"
    assert all(m.country_code != "IR" for m in geoparse("Prisoners held at Bagram were moved on Monday."))


def test_words_in_organisation_names_with_a_generic_head_are_not_places():
    text = ("Delegates of the African Union flew to Washington, and the Islamic Front "
            "issued a statement in Texas.")
    assert names(text) == ["Washington", "Texas"]
    assert "African" not in names(text, demonyms=True)


def test_demonyms_mode_points_each_demonym_at_its_country():
    text = ("Chinese and Indian engineers joined Nigerian, Algerian and American teams, and "
            "Afghan President Ashraf Ghani thanked them. Ghani said Syrian and Burmese refugees would stay.")
    found = {m.name: m for m in geoparse(text, demonyms=True)}
    expected = {"Chinese": "CN", "Indian": "IN", "Nigerian": "NG", "Algerian": "DZ", "American": "US",
                "Afghan": "AF", "Syrian": "SY", "Burmese": "MM"}
    assert {name: found[name].country_code for name in expected if name in found} == expected
    assert all(found[name].kind == "demonym" for name in expected)
    assert "Ghani" not in found
    compound = {m.name: m.country_code for m in geoparse(
        "South Sudanese and North Korean delegates arrived.", demonyms=True)}
    assert compound == {"South Sudanese": "SS", "North Korean": "KP"}


# ----------------------------------------------------------------------------- general causes found on unseen text


def test_three_letter_city_names_written_as_words():
    gao = only("Gunmen attacked a market in Gao on Sunday, officials in Bamako said.", "Gao")
    assert gao.country_code == "ML" and gao.kind == "city"
    assert names("Ask Bob and Ann about it.") == []


def test_unknown_river_is_reported_unresolved():
    found = geoparse("Boats capsized on the Qwzzat River near Mopti, in Mali.")
    assert [(m.name, m.resolved, m.kind) for m in found][0] == ("Qwzzat River", False, "river")


def test_the_village_of_a_small_place_in_the_articles_country():
    village = only("Shells fell on the village of Chinari in Armenia's Tavush province, near Ijevan.", "Chinari")
    assert village.country_code == "AM"


def test_a_local_features_alias_abroad_is_not_borrowed():
    text = ("Traders crossed the Friendship Bridge from Thailand into Laos near Vientiane, "
            "and trucks queued in Nong Khai.")
    bridge = only(text, "Friendship Bridge")
    assert "AF" not in bridge.country_code


def test_an_alias_named_by_form_needs_nearby_support():
    # "Turkey" is an alias of a town in New Jersey; "the city of Turkey" beside Texas is not it.
    text = "Tickets are sold by the city of Turkey. The dance is in Hall County, Texas."
    turkey = only(text, "Turkey")
    assert not (turkey.resolved and turkey.kind == "country") and turkey.lat is None or turkey.lon < -95


@pytest.mark.parametrize(
    ("word", "code"),
    [("Afghan", "AF"), ("Tajiks", "TJ"), ("Nigerian", "NG"), ("Chinese", "CN"),
     ("British", "GB"), ("Kurdish", ""), ("European", ""), ("Kabul", "")],
)
def test_demonym_country_names_the_country_or_nothing(word, code):
    assert demonym_country(word) == code


def test_an_apposition_names_an_unknown_place():
    found = geoparse("The strike hit near Qarfawdeen, a town on the river, on Sunday.")
    assert [(m.name, m.resolved) for m in found] == [("Qarfawdeen", False)]
    assert geoparse("John Smith, a town official, said.") == []


def test_an_unknown_name_placed_inside_a_known_area_is_reported():
    found = geoparse("Most of them crossed at Hamdayet in Kassala state on Monday.")
    assert [(m.name, m.resolved) for m in found] == [("Hamdayet", False), ("Kassala", True)]
    found = geoparse("Gunmen attacked a mosque in Fambita, Niger, on Friday.")
    assert [(m.name, m.resolved) for m in found] == [("Fambita", False), ("Niger", True)]
    # Neither the position nor the area alone makes a place of a name.
    assert [m.name for m in geoparse("He met Smith in Kassala state.")] == ["Kassala"]
    assert [m.name for m in geoparse("Talks at Chatham House, London.")][-1:] == ["London"]


def test_a_river_is_not_a_far_town_of_its_name():
    text = ("Border guards raised their flag over a new checkpoint at the Hakari river bridge "
            "on Sunday, near Lachin in Azerbaijan, a few kilometres from Kornidzor in Armenia.")
    hakari = only(text, "Hakari")  # Hakkâri, a Turkish town 300 km away, is not meant
    assert not hakari.resolved and hakari.kind == "river"
    # A town by the river it names is still that river's place.
    panj = only("Tajik border guards patrol the Panj river near Dushanbe and Kulob.", "Panj")
    assert panj.resolved and panj.country_code


def test_an_alias_inside_the_area_named_with_it_is_taken():
    # "Lachin" is only an alternate name of Laçın, a town of 2,300: the country after it
    # says which one.
    lachin = only("They put up a post near Lachin in Azerbaijan.", "Lachin")
    assert lachin.resolved and lachin.country_code == "AZ"


def test_a_small_town_known_by_an_alias_far_from_the_story_is_not_taken():
    # "Kang" is an alternate name of Zuitai, a Chinese town 4,000 km from Nimroz.
    text = ("Fighting broke out near Zaranj, the capital of Nimroz province, and families "
            "from Kang district fled to Zaranj. China called for calm.")
    kang = only(text, "Kang")
    assert not kang.resolved and kang.country_code == ""
    # Nor Caen, a city of 100,000 in France, when nothing else in the article is French.
    text = ("Iranian and Taliban forces exchanged fire near Zabol on Saturday. Residents of "
            "villages in Kang district fled towards Zaranj, a local elder said.")
    kang = only(text, "Kang")
    assert not kang.resolved and kang.country_code == ""
    # Beside its neighbours the alias is the town.
    assert only("Officials in Gansu toured Longnan, Zuitai and Kang county.", "Kang").country_code == "CN"


def test_a_place_owned_by_a_country_lies_in_it():
    found = geoparse("Fighting in Pakistan's Punjab spread to India's Punjab.")
    assert [m.country_code for m in found if m.name == "Punjab"] == ["PK", "IN"]
    # Iraq's Kurdistan region is not Iran's Kordestan province; the gazetteer lacks it.
    kurdistan = only("Iran fired missiles at Iraq's Kurdistan region on Monday.", "Kurdistan")
    assert not kurdistan.resolved
    assert geoparse("Russia's Wagner group said so.")[-1].name == "Russia"


def test_a_province_named_a_and_b_is_found_hyphenated():
    found = only("Pakistan struck hideouts in Iran's Sistan-Baluchestan province.",
                 "Sistan-Baluchestan")
    assert (found.country_code, found.kind) == ("IR", "province")


def test_names_opened_by_an_article():
    # "El", "Al", "La" start many names; lower-case "al" still only joins them.
    found = geoparse("Fighting in El Fasher and Al Fashir spread; aid reached El Geneina.")
    assert [(m.name, m.country_code) for m in found] == [
        ("El Fasher", "SD"), ("Al Fashir", "SD"), ("El Geneina", "SD")]
    assert [m.name for m in geoparse("Flights from El Paso to La Paz resumed.")] == [
        "El Paso", "La Paz"]


def test_a_militia_named_like_a_far_town_is_not_that_town():
    # "Fano" is a town in Italy and an Amhara militia; beside Lalibela it is the militia.
    found = geoparse("Government troops re-entered Lalibela on Wednesday after Fano fighters "
                     "pulled out.")
    assert [m.name for m in found] == ["Lalibela"]
    # A town's fighters near the story stay a place: Misrata beside Tripoli.
    assert [m.name for m in geoparse("Misrata fighters drove into Tripoli on Monday.")] == [
        "Misrata", "Tripoli"]


def test_a_name_holding_a_possessive_is_one_place():
    text = "Nearly 8,000 Rohingya have slipped into Cox's Bazar district since August."
    (found,) = geoparse(text)
    assert text[found.start:found.end] == "Cox's Bazar" and found.country_code == "BD"
    # An ordinary possessive still ends the name: "Iraq's Kurdistan region" is two mentions.
    assert [m.name for m in geoparse("Iraq's Kurdistan region was hit.")][0] == "Iraq"


def test_a_bare_name_after_in_is_the_town_not_the_border_river():
    # "Tumbes" is a Peruvian city and the river on the Ecuador border.
    tumbes = only("Ecuador shut its border. Soldiers arrived in Tumbes overnight, Peru said.",
                  "Tumbes")
    assert tumbes.kind == "city" and tumbes.country_code == "PE"


def test_a_town_named_with_another_country_is_not_its_namesake():
    # The Indian Kartarpur is not "Kartarpur, Pakistan"; a big city in a list stays itself.
    found = geoparse("Pilgrims took the shuttle to the shrine in Kartarpur, Pakistan.")
    assert [(m.name, m.resolved) for m in found] == [("Kartarpur", False), ("Pakistan", True)]
    found = geoparse("Delegations from Kabul, Tehran, Pakistan and India met.")
    assert all(m.resolved for m in found)
    # "X, in Y province": the Indian Milak is not the crossing in Afghanistan's Nimroz.
    found = geoparse("A boy rests after crossing from Iran at Milak, in Nimroz province.")
    assert [(m.name, m.resolved) for m in found] == [
        ("Iran", True), ("Milak", False), ("Nimroz", True)]
    # Without a place's cue, a name so placed is not reported at all.
    assert [m.name for m in geoparse("MSF's Head of Mission in Chad spoke.")] == ["Chad"]


def test_a_seat_of_government_is_a_place_only_as_a_venue():
    # "at the White House": Washington; "The White House said": the government speaking.
    found = geoparse("Aliyev and Pashinyan signed the text at the White House on Friday.")
    assert [(m.name, m.country_code) for m in found if m.resolved][-1:] == [("White House", "US")]
    assert geoparse("The White House said on Monday it would act.") == []
    assert [m.name for m in geoparse("Putin met Xi at the Kremlin.")] == ["Kremlin"]
    assert geoparse("The Kremlin said the talks went well.") == []


def test_a_name_behind_a_lower_case_arabic_article_is_found():
    text = ("A reporter was killed in a strike near al-Malikiyah on Sunday, and troops entered "
            "al-Qaim. He said al-Sudani met officials in Baghdad.")
    assert [(m.name, m.country_code) for m in geoparse(text) if m.resolved][:2] == [
        ("al-Malikiyah", "SY"), ("al-Qaim", "IQ")]
    assert not any(m.name == "al-Sudani" for m in geoparse(text))


def test_a_town_spelt_another_way_is_found_near_the_article_places():
    # GeoNames knows Koya (Iraq) as Koysinceq or "Koye"; "Koya" alone is a Japanese town.
    koya = only("Drones struck bases around Koya, about 60 km east of Erbil, on Wednesday.",
                "Koya")
    assert koya.country_code == "IQ" and distance_km(koya.lat, koya.lon, 36.08, 44.63) < 10
    koya = only("Families shelter in mosques in Koya town, near Erbil.", "Koya")
    assert koya.country_code == "IQ"
    # A respelling must lie in the area named with the name, and a name with a number
    # or in capitals is no town.
    found = geoparse("A convoy was hit near the village of Balyun in southern Idlib.")
    assert [(m.name, m.resolved) for m in found if m.name == "Balyun"] in ([], [("Balyun", False)])
    assert not any(m.name in ("Euro", "NASA") for m in geoparse(
        "He starred at Euro 2016 in Paris and spoke at NASA in Houston."))


def test_a_crossing_named_after_a_range_is_not_the_range():
    # The Lebombo crossing lies ~80 km from the Lebombo Mountains' midpoint: a crossing cue
    # makes the name an unresolved crossing everywhere in the article.
    found = geoparse("Families wait at the Lebombo border post on Wednesday. Lorries waiting "
                     "to cross at Lebombo queued for 20 kilometres.")
    assert [(m.name, m.resolved) for m in found] == [("Lebombo", False), ("Lebombo", False)]
    (rng,) = geoparse("Fighting flared in the Lebombo mountains.")
    assert rng.kind == "mountain_range" and rng.resolved
