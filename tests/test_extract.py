"""Events from article text: categories, dates, places, movements, evidence offsets."""

from __future__ import annotations

import json
import re
from types import SimpleNamespace

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings as hsettings
from hypothesis import strategies as st

from geomap import settings
from geomap.articles import article_from_text, load_article
from geomap.evaluation import score_events
from geomap.exceptions import InputError
from geomap.extract import events_from_article, events_from_articles, events_from_text
from geomap.gazetteer import load_gazetteer
from geomap.schema import CATEGORIES, EVENT_COLUMNS, crosswalk, validate_events

DATA = settings.geodata_folder.parent / "tests" / "data" / "articles"

# A five-place world for fast tests that need no gazetteer index.
PLACES = {
    "Kabul": (34.52813, 69.17233, "AF", "city"),
    "Dushanbe": (38.53575, 68.77905, "TJ", "city"),
    "Afghanistan": (34.33214, 66.66157, "AF", "country"),
    "Tajikistan": (38.33606, 72.77435, "TJ", "country"),
    "Termez": (37.22417, 67.27833, "UZ", "city"),
}


def stub_geoparser(text):
    found = []
    for name, (lat, lon, cc, kind) in PLACES.items():
        for match in re.finditer(rf"\b{name}\b", text):
            found.append({"start": match.start(), "end": match.end(), "name": name,
                          "lat": lat, "lon": lon, "country_code": cc, "kind": kind,
                          "resolved": True})
    return sorted(found, key=lambda m: m["start"])


class StubGazetteer:
    """Fakes place lookups; everything else (demonyms) comes from the real gazetteer."""

    def __getattr__(self, name):
        return getattr(load_gazetteer(), name)

    def lookup(self, name, *, country_codes=None, kinds=None):
        hit = PLACES.get(name)
        if name in ("Tajikistan-Afghanistan border", "Afghanistan-Tajikistan border"):
            name, hit = "Tajik-Afghan border", (37.5, 69.0, "AF/TJ", "border")
        if hit is None or (kinds and hit[3] not in kinds):
            return []
        lat, lon, cc, kind = hit
        return [SimpleNamespace(name=name, lat=lat, lon=lon, country_code=cc, kind=kind,
                                population=0)]


def extract(text, **options):
    options.setdefault("published", "2021-08-25")
    return events_from_text(text, geoparser=stub_geoparser, gazetteer=StubGazetteer(),
                            **options)


def only(events, category):
    rows = events[events["category"] == category]
    assert len(rows) == 1, events[["category", "trigger", "quote"]]
    return rows.iloc[0]


# ----------------------------------------------------------------------------- the contract


def test_table_has_every_contract_column_and_validates():
    events = extract("On Monday, Tajikistan deployed 2,000 troops to Dushanbe.")
    assert list(events.columns[: len(EVENT_COLUMNS)]) == list(EVENT_COLUMNS)
    validate_events(events)
    row = events.iloc[0]
    assert row["event_id"].endswith("-e01") and row["article_id"].startswith("text-")
    for key, value in crosswalk(row["category"]).items():
        assert row[key] == value


def test_offsets_slice_back_to_the_quote(seed_text):
    events = events_from_text(seed_text, published="2021-08-25")
    for row in events.itertuples():
        assert seed_text[row.char_start:row.char_end] == row.quote
        assert row.category in CATEGORIES


def test_empty_and_eventless_text_give_empty_tables():
    for text in ("", "   \n", "The weather was pleasant and markets were calm."):
        events = extract(text)
        assert events.empty and list(events.columns[:len(EVENT_COLUMNS)]) == list(EVENT_COLUMNS)


def test_bad_inputs_raise_input_error():
    with pytest.raises(InputError, match="str"):
        events_from_text(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="'last Tuesday'"):
        extract("Troops were deployed.", published="last Tuesday")


# ----------------------------------------------------------------------------- categories


@pytest.mark.parametrize("sentence, category", [
    ("On Monday, the foreign ministers held a meeting in Dushanbe.", "meeting"),
    ("Tajikistan deployed troops to Termez on Tuesday.", "military_deployment"),
    ("Tajik forces conducted drills near Dushanbe last week.", "military_exercise"),
    ("Militants attacked a checkpoint in Kabul on Monday.", "armed_clash"),
    ("Hundreds of families crossed the border into Tajikistan on Monday.", "border_crossing"),
    ("The United States evacuated 2,000 people from Kabul on Tuesday.", "evacuation"),
    ("The Taliban appointed a new governor for Kabul on Monday.", "political"),
    ("Aid agencies delivered food to camps near Kabul on Monday.", "humanitarian"),
    ("President Emomali Rahmon said on Tuesday that the border was secure.", "diplomacy"),
    # Passive arrests name no police; fighters driven out or repelled were fought.
    ("Seven suspected insurgents were arrested in Ancuabe on Wednesday.", "political"),
    ("Troops drove them out on Tuesday after a firefight.", "armed_clash"),
    ("Insurgents occupied the coastal village of Quiterajo on Monday.", "armed_clash"),
    ("Thousands of people have been crossing every day this week at Torkham.",
     "border_crossing"),
    ("The wounded man was flown by helicopter to a hospital in Dushanbe on Monday.",
     "evacuation"),
    ("Phnom Penh responded on Thursday by downgrading relations with Bangkok.", "diplomacy"),
    ("The government declared three days of national mourning on Tuesday.", "political"),
    ("Prime Minister Paetongtarn Shinawatra was suspended by the Constitutional Court on "
     "July 1.", "political"),
    # A capitalised destination ends the phrase: "to Ashgabat", not only "to hospital".
    ("About 400 foreigners crossed at Sarakhs on Wednesday and were taken by bus to "
     "Ashgabat for flights home.", "evacuation"),
    ("Xi Jinping sent a message of condolence to Min Aung Hlaing on Saturday.", "diplomacy"),
    ("Riot police used water cannon and tear gas to clear the avenue on Friday.", "political"),
    ("On Dec. 4, masked officers raided the offices of three opposition parties.", "political"),
    ("The United States ordered non-emergency staff to leave its embassy in Juba on Saturday.",
     "evacuation"),
    ("Mourners staged a sit-in outside the press club in Parachinar on Friday.", "political"),
    ("Dozens of civilians were hacked to death in the town of Mai Kadra on Monday night.",
     "armed_clash"),
    ("National Guard units were posted at checkpoints on the roads into Chimbay on Sunday.",
     "military_deployment"),
    ("Foreign help began arriving in Benghazi on Tuesday.", "humanitarian"),
    ("Azerbaijan installed a checkpoint at the entrance to the Lachin corridor on Sunday.",
     "border_crossing"),
    ("Kremlin spokesman Dmitry Peskov praised Washington's reaction on Wednesday.", "diplomacy"),
    ("Poland closed its embassy in Tehran on Wednesday and moved its staff to Baku.",
     "evacuation"),
    ("Frontier Corps soldiers stand guard at a checkpoint near Thall on Friday.",
     "military_deployment"),
    ("On Tuesday, Taliban fighters in pickup trucks manned new checkpoints in Kabul.",
     "military_deployment"),
    ("On Friday, a prosecutor in Cotonou charged three of them and freed the other two.",
     "political"),
    ("The security service arrested three people in Baku on Monday.", "political"),
    ("On Friday morning the shooting resumed near Batken and went on for two hours.",
     "armed_clash"),
    ("The party said its camp near Sulaymaniyah was also hit on Wednesday morning.",
     "armed_clash"),
    ("Border guards said they had stepped up patrols along the frontier since Monday.",
     "military_deployment"),
    ("About 110,000 people were moved to relief camps in Kolkata on Sunday.", "evacuation"),
    ("On Thursday, a military aircraft carried the wounded from Erbil to Baghdad.",
     "evacuation"),
    ("In Koya, the centre said food and blankets were delivered to them on Thursday.",
     "humanitarian"),
    ("Hans Grundberg, the UN envoy for Yemen, also called on Saturday for restraint.",
     "diplomacy"),
    ("On Sunday, two dozen former Afghan ministers gathered at a hotel in Dushanbe.",
     "meeting"),
    ("South Africa reopened the post to cargo at Lebombo on Wednesday morning.",
     "border_crossing"),
    ("On Saturday, Israeli fighter jets flew 1,700 kilometres to strike the port of Hodeidah.",
     "armed_clash"),
    ("Two days later, a court in Mogadishu issued an arrest warrant for Madobe.", "political"),
    ("Thailand closed the Chong Chom and Chong Sa-ngam border checkpoints with Cambodia on "
     "Tuesday.", "border_crossing"),
])
def test_each_category_has_triggers(sentence, category):
    assert only(extract(sentence), category)["trigger"]


@pytest.mark.parametrize("sentence", [
    "The Taliban victory could spell a new period of greater upheaval.",
    "Analysts fear that fighting might spread to Tajikistan.",
    "Officials hope to deploy more troops to the border.",
    "“We will attack Kabul,” a commander said.",
    "After the takeover, markets in Kabul reopened slowly.",
    "Kabul has been an observer since 2012.",
    "Russia has occupied territories in Ukraine since 2014.",
    "He drove out to the farm to see his brother.",
    "Taliban spokesman Zabihullah Mujahid hit back, calling the remarks interference.",
    "The village was hit by the cyclone on Sunday.",
    "A Taliban official in Badakhshan denied any reinforcements had been sent.",
    "The scenario involved a terrorist group crossing from a neighbouring state and seizing a "
    "border village.",
    "Rights groups say dozens of villagers are killed by border guards every year.",
    "He urged supporters to stage a fresh round of nationwide protests from next Wednesday.",
    "\u201cWe are dealing with a new reality,\u201d a senior Uzbek official told Reuters, asking "
    "not to be named.",
    "A former Iranian diplomat, who spoke on condition of anonymity, said Tehran had acted.",
])
def test_opinions_warnings_quotes_and_background_are_not_events(sentence):
    assert extract(sentence).empty, extract(sentence)[["category", "trigger"]]


def test_planned_events_are_marked():
    events = extract("Tajikistan will host a summit in Dushanbe next month.")
    row = only(events, "meeting")
    assert bool(row["planned"]) and row["event_date"] == "2021-09-01"
    assert row["time_precision"] == "month" and row["location"] == "Dushanbe"


def test_sourcing_is_not_a_statement():
    events = extract("Militants attacked a post in Kabul on Monday, officials said.")
    assert list(events["category"]) == ["armed_clash"]


def test_quoted_statement_is_diplomacy():
    events = extract("“We respect Afghanistan’s sovereignty,” the foreign minister said.")
    assert only(events, "diplomacy")["flags"].startswith("place_not_stated")


def test_headline_and_credits_are_skipped():
    text = ("Troops Deployed to Border in Show of Force\n\nAFP / STR\n\n"
            "Tajikistan deployed troops to Termez on Tuesday.")
    events = extract(text)
    assert len(events) == 1 and events.iloc[0]["quote"].startswith("Tajikistan deployed")


def test_photo_caption_reporting_what_happened_is_an_event():
    text = ("The situation was tense.\n\n(FILES) In this file photo taken on August 18, 2021, "
            "a Taliban fighter walks past a shop in Kabul\n\nOfficials met later.")
    row = only(extract(text), "political")
    assert row["event_date"] == "2021-08-18" and row["location"] == "Kabul"
    assert "caption" in row["flags"]
    # Armed men holding a position are deployed there.
    text = text.replace("a Taliban fighter walks past a shop", "Taliban fighters stand guard")
    assert only(extract(text), "military_deployment")["location"] == "Kabul"


# ----------------------------------------------------------------------------- dates


def test_dates_follow_their_clause():
    text = ("During their talk, which came after the government was overthrown on August 15, "
            "the president noted the risks.")
    events = extract(text, published="2021-08-25")
    assert only(events, "political")["event_date"] == "2021-08-15"


def test_undated_event_inherits_then_falls_back_to_the_month():
    text = ("Tajikistan deployed troops to Termez on Tuesday. Earlier, the minister warned "
            "Afghanistan. Militants attacked a post in Kabul.")
    events = extract(text)
    assert only(events, "military_deployment")["event_date"] == "2021-08-24"
    assert only(events, "diplomacy")["time_precision"] == "month"
    clash = only(events, "armed_clash")  # no date of its own: the paragraph's last one
    assert clash["event_date"] == "2021-08-01" and "date_inferred" in clash["flags"]
    alone = only(extract("Militants attacked a post in Kabul."), "armed_clash")
    assert (alone["event_date"], alone["time_precision"]) == ("2021-08-01", "month")
    assert "date_assumed" in alone["flags"]


def test_without_published_date_relative_dates_stay_empty_and_flagged():
    events = extract("Tajikistan deployed troops to Termez on Tuesday.", published=None)
    row = only(events, "military_deployment")
    assert row["event_date"] == "" and "date_unresolved" in row["flags"]
    events = extract("Tajikistan deployed troops to Termez on August 18, 2021.", published=None)
    assert only(events, "military_deployment")["event_date"] == "2021-08-18"


# ----------------------------------------------------------------------------- places, movements


def test_deployment_to_a_border_moves_from_the_capital():
    text = "Dushanbe rushed 20,000 troops to its border with Afghanistan last month."
    row = only(extract(text), "military_deployment")
    assert (row["origin_name"], row["destination_name"]) == ("Dushanbe", "Tajik-Afghan border")
    assert (row["latitude"], row["longitude"]) == (37.5, 69.0)
    assert (row["magnitude"], row["magnitude_unit"]) == (20000.0, "troops")
    assert (row["event_date"], row["time_precision"]) == ("2021-07-01", "month")


def test_flight_across_the_border_goes_from_the_movers_country():
    text = ("Tajikistan sent troops to its border with Afghanistan after thousands of Afghan "
            "civilians fled across the border.")
    row = only(extract(text), "border_crossing")
    assert row["origin_name"] == "Afghanistan" and row["destination_name"] == "Tajikistan"
    assert row["country"] == "TJ"


def test_airlift_from_the_place_named_before_where():
    text = ("They asked for safe access to Kabul, where the US has airlifted out some 82,000 "
            "people over the past 10 days.")
    row = only(extract(text), "evacuation")
    assert row["location"] == "Kabul" and row["origin_name"] == "Kabul"
    assert (row["magnitude"], row["magnitude_unit"]) == (82000.0, "people")


def test_calls_have_no_place_and_are_flagged():
    row = only(extract("In a Wednesday phone call, President Vladimir Putin and President "
                       "Xi Jinping agreed to cooperate on Afghanistan."), "diplomacy")
    assert pd.isna(row["latitude"]) and row["geo_precision"] == "unknown"
    assert "place_not_stated" in row["flags"]
    assert row["actor1"] == "Vladimir Putin" and "Xi Jinping" in row["actors"]


def test_unresolved_place_keeps_event_with_flag():
    def geoparser(text):
        start = text.index("Qala-i-Nowhere")
        return [{"start": start, "end": start + 14, "name": "Qala-i-Nowhere", "lat": None,
                 "lon": None, "country_code": "", "kind": "city", "resolved": False}]

    events = events_from_text("Militants attacked a post in Qala-i-Nowhere on Monday.",
                              published="2021-08-25", geoparser=geoparser,
                              gazetteer=StubGazetteer())
    row = only(events, "armed_clash")
    assert row["location"] == "Qala-i-Nowhere" and pd.isna(row["latitude"])
    assert "place_unresolved" in row["flags"]


def test_the_inner_area_holds_an_unknown_town():
    text = "A drone struck the village of Koh-e-Sabz in Balochistan's Panjgur district."

    def geoparser(text):
        found = []
        for name, point, kind in [("Koh-e-Sabz", None, "city"),
                                  ("Balochistan", (28.5, 65.0), "province"),
                                  ("Panjgur district", (26.96, 64.09), "district")]:
            start = text.index(name)
            found.append({"start": start, "end": start + len(name), "name": name,
                          "lat": point and point[0], "lon": point and point[1],
                          "country_code": "PK", "kind": kind, "resolved": bool(point)})
        return found

    row = only(events_from_text(text, published="2024-01-18", geoparser=geoparser,
                                gazetteer=StubGazetteer()), "armed_clash")
    assert row["location"] == "Koh-e-Sabz" and row["geo_precision"] == "district"
    assert (row["latitude"], row["longitude"]) == (26.96, 64.09)


def test_country_fallback_from_demonyms():
    row = only(extract("More recently, Chinese and Tajik forces conducted drills last week."),
               "military_exercise")
    assert row["geo_precision"] == "country" and row["country"] in ("TJ", "CN")


# ----------------------------------------------------------------------------- many articles


def test_events_from_articles_concatenates_with_unique_ids():
    one = article_from_text("Tajikistan deployed troops to Termez on Tuesday.",
                            published="2021-08-25", article_id="one")
    two = article_from_text("Militants attacked a post in Kabul on Monday.",
                            published="2021-08-25", article_id="one")
    table = events_from_articles([one, two], progress=True, geoparser=stub_geoparser,
                                 gazetteer=StubGazetteer())
    assert table["event_id"].is_unique and len(table) == 2
    assert set(table["article_id"]) == {"one"}
    assert events_from_articles([]).empty


def test_events_from_article_uses_its_metadata():
    article = article_from_text("Militants attacked a post in Kabul on Monday.",
                                published="2021-08-25", source="Example", article_id="x")
    row = events_from_article(article, geoparser=stub_geoparser,
                              gazetteer=StubGazetteer()).iloc[0]
    assert (row["source"], row["article_id"], row["event_date"]) == ("Example", "x",
                                                                     "2021-08-23")


# ----------------------------------------------------------------------------- properties

_TEXTS = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400) | \
    st.lists(st.sampled_from([
        "On Monday,", "Tajikistan", "deployed", "20,000 troops", "to its border with",
        "Afghanistan", "“", "”", '"', ".", "\n\n", "\n", "Kabul", "fled across the border",
        "held a meeting", "said", "President Xi Jinping", "(FILES)", "last month", "could",
        "will", "where", "which", ",", "Dushanbe", "airlifted", "since 2012",
    ]), max_size=40).map(" ".join)


@hsettings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS, st.sampled_from([None, "2021-08-25", "2000-02-29"]))
def test_never_raises_and_offsets_slice_back(text, published):
    events = extract(text, published=published)
    assert events["event_id"].is_unique
    for row in events.itertuples():
        assert text[row.char_start:row.char_end] == row.quote
        assert row.category in CATEGORIES


# ----------------------------------------------------------------------------- real geoparser


@pytest.fixture(scope="module")
def seed_scored():
    article = load_article(settings.seed_article, published=settings.seed_published)
    events = events_from_article(article)
    gold = pd.read_csv(settings.seed_events, keep_default_na=False)
    return events, score_events(events, gold)


def test_seed_article_meets_targets(seed_scored):
    events, score = seed_scored
    # The development article: every hand-checked event is found and nothing is invented.
    # A regression guard (the rules were written with it), not a quality figure.
    assert score.recall == 1.0 and score.precision == 1.0, (score.missed, score.invented)


def test_seed_movement_and_caption(seed_scored):
    events, _ = seed_scored
    deployment = only(events, "military_deployment")
    assert deployment["origin_name"] == "Dushanbe" and deployment["magnitude"] == 20000
    assert "border" in deployment["destination_name"].lower()
    evac = only(events, "evacuation")
    assert evac["magnitude"] == 82000 and "Airport" in evac["location"]
    planned = events[events["planned"]]
    assert set(planned["category"]) == {"meeting"} and set(planned["location"]) == {"Dushanbe"}


def _by_trigger(events, word):
    rows = events[events["trigger"].str.contains(word, case=False)]
    assert len(rows) == 1, events[["category", "trigger"]]
    return rows.iloc[0]


def test_other_region_article_sudan_chad():
    """An article written for these tests (not the seed): Sudan and Chad, June 2023."""
    article = load_article(DATA / "sudan-chad-2023-06-16.txt")
    assert article.published == "2023-06-16"  # from its date line
    events = events_from_article(article)
    cats = events.set_index("trigger")["category"].to_dict()
    assert cats == {
        "crossed the border": "border_crossing", "clashed": "armed_clash",
        "phone call": "diplomacy", "deployed": "military_deployment", "summit": "meeting",
        "evacuated": "evacuation", "Aid agencies delivered": "humanitarian",
        "soldier stands guard": "military_deployment",
        "appointed": "political",
    }
    crossing = _by_trigger(events, "crossed")
    assert (crossing["origin_name"], crossing["destination_name"]) == ("Sudan", "Chad")
    assert (crossing["event_date"], crossing["magnitude"]) == ("2023-06-13", 12000)
    clash = _by_trigger(events, "clashed")
    assert (clash["location"], clash["event_date"]) == ("Khartoum", "2023-06-14")
    call = _by_trigger(events, "phone call")
    assert call["event_date"] == "2023-06-15" and call["geo_precision"] == "unknown"
    deploy = _by_trigger(events, "deployed")
    assert (deploy["event_date"], deploy["time_precision"]) == ("2023-06-05", "week")
    assert deploy["magnitude_unit"] == "troops" and deploy["origin_name"] == "Chad"
    summit = _by_trigger(events, "summit")
    assert bool(summit["planned"]) and summit["location"] == "Addis Ababa"
    evac = _by_trigger(events, "evacuated")
    assert evac["location"] == "Port Sudan" and evac["time_precision"] == "month"
    assert _by_trigger(events, "appointed")["event_date"] == "2023-06-02"


def test_other_region_article_baltics_hard_wrapped():
    """Hard-wrapped lines, "U.S." abbreviations, a dateline and a caption."""
    article = load_article(DATA / "baltic-exercise-2022-03-04.txt")
    events = events_from_article(article)
    drills = _by_trigger(events, "exercises")
    assert (drills["category"], drills["event_date"]) == ("military_exercise", "2022-03-03")
    sent = _by_trigger(events, "sent")
    assert (sent["origin_name"], sent["destination_name"]) == ("Germany", "Lithuania")
    assert (sent["event_date"], sent["time_precision"]) == ("2022-02-21", "week")
    fled = _by_trigger(events, "fled")
    assert fled["category"] == "border_crossing" and fled["destination_name"] == "Poland"
    told = _by_trigger(events, "told")
    assert (told["location"], told["event_date"]) == ("Warsaw", "2022-02-26")
    meet = _by_trigger(events, "meet")
    assert bool(meet["planned"]) and meet["event_date"] == "2022-03-07"
    guards = _by_trigger(events, "border guards")
    assert guards["category"] == "border_crossing" and "caption" in guards["flags"]
    assert not guards["quote"].endswith("emergency.")
    assert not events["trigger"].str.contains("deter|believe").any()


#: Articles whose main places the gazetteer lacks (El Fasher, Tawila, Zamzam camp): their
#: events are found but placed at a region or country; they count in the pooled figures only.
_GEOPARSER_LIMITED = frozenset({"sudan-fasher-2024-05-14.events.csv"})


def _blind_round(gold_path) -> bool:
    meta = gold_path.with_name(gold_path.name.replace(".events.csv", ".meta.json"))
    return meta.is_file() and "blind" in json.loads(meta.read_text())["source"]


def _pooled(gold_paths, *, floor: float | None = None) -> tuple[int, int, int]:
    matched = n_gold = n_pred = 0
    for gold_path in gold_paths:
        article = load_article(gold_path.with_name(gold_path.name.replace(".events.csv", ".txt")))
        gold = pd.read_csv(gold_path, keep_default_na=False)
        score = score_events(events_from_article(article), gold)
        if floor is not None and gold_path.name not in _GEOPARSER_LIMITED:
            assert score.recall >= floor and score.precision >= floor, (
                gold_path.name, score.missed, score.invented)
        matched, n_gold, n_pred = (matched + score.n_matched, n_gold + score.n_gold,
                                   n_pred + score.n_predicted)
    return matched, n_gold, n_pred


def test_test_articles_meet_targets():
    """Thirty-four articles written and hand-annotated for these tests (publication date from a date
    line or a sidecar). Each was scored blind first, then used to generalise the rules; the
    pooled figures must not fall and no article may collapse."""
    older = [p for p in sorted(DATA.glob("*.events.csv")) if not _blind_round(p)]
    assert len(older) == 34
    matched, n_gold, n_pred = _pooled(older, floor=0.5)
    # A regression guard, not the target: these articles were used to generalise the rules.
    # Their tables predate two conventions the blind annotators follow (a saying with its own
    # occasion is a statement; "held talks" may also be a meeting), which cost them about
    # 0.03 precision in the seventh session (0.84 -> 0.80); the guard allows for that. In the
    # eighth, one row per listed place (which these tables keep as one) and two learned rows
    # of the model retrained with rounds 35-37 (a caption's guard post read as a clash) took
    # it to 0.77.
    assert matched / n_gold >= 0.8 and matched / n_pred >= 0.77, (matched, n_gold, n_pred)


def test_blind_rounds_stay_above_their_first_fixes():
    """Articles annotated by people who never saw the extractor (rounds 17-43). Scored
    blind at recall 0.23-0.51 / precision 0.28-0.58 per round (rounds 31-43 per set: 0.23-0.56 /
    0.27-0.58); after the general fixes each round taught and the sentence model
    trained on them, 0.525 / 0.538 pooled (in sample; 0.56 / 0.57 before rounds 38 and 39
    joined, 0.546 / 0.553 before rounds 40-43 joined, each with few fixes drawn from them).
    The guard sits a little below that, room for a retrained model's noise; the target
    (0.8 / 0.9 on unseen articles) is not met."""
    newer = [p for p in sorted(DATA.glob("*.events.csv")) if _blind_round(p)]
    assert len(newer) == 218
    matched, n_gold, n_pred = _pooled(newer)
    assert matched / n_gold >= 0.52 and matched / n_pred >= 0.52, (matched, n_gold, n_pred)


def test_round13_general_rules():
    """Habits, reduced relatives, reported actions, camps as targets, 'out of' origins."""
    text = ("Iran has repeatedly staged military drills near its border with Azerbaijan.\n\n"
            "Hezbollah said its fighters fired rockets at Israeli troops gathered near the "
            "border town of Metula on Tuesday.\n\n"
            "Mortar shells landed in a displacement camp on the outskirts of Goma on Tuesday.\n\n"
            "Germany began flying its citizens out of Beirut on Tuesday, the foreign ministry "
            "in Berlin said.\n")
    events = events_from_text(text, published="2024-10-02", source="", article_id="r13")
    assert "military_exercise" not in set(events["category"])
    assert list(events["category"]).count("armed_clash") == 2
    assert not {"meeting", "border_crossing", "humanitarian", "diplomacy"} & set(
        events["category"])
    evacuation = events[events["category"] == "evacuation"].iloc[0]
    assert evacuation["location"] == "Beirut"


def test_round14_general_rules():
    """Responses take the date of the event they name; asides place nothing; descriptions of
    known actors are no news; conditional forecasts are no events; closed borders; votes."""
    text = ("March 19, 2024\n\n"
            "Warplanes bombed militant hideouts in Khost province on Monday, officials said.\n\n"
            "President Asif Ali Zardari vowed on Sunday that the deaths would be avenged.\n\n"
            "The Taliban's spokesman condemned the strikes.\n\n"
            "France, which has about 1,500 troops in Niger, evacuated 1,000 people from Niamey "
            "on Tuesday.\n\n"
            "The junta that seized power shows no sign of backing down.\n\n"
            "Analysts said further strikes were likely if militant attacks continued.\n\n"
            "The bloc closed its members' borders with Niger on Tuesday.\n")
    events = events_from_text(text, published="2024-03-19", source="", article_id="r14")
    condemned = _by_trigger(events, "condemned")
    assert condemned["event_date"] == "2024-03-18"
    assert _by_trigger(events, "evacuated")["location"] == "Niamey"
    assert not events["quote"].str.contains("seized power|were likely").any()
    assert "border_crossing" in set(events["category"])


def test_round15_general_rules():
    """Series since a month are background; a comma closing an aside is no attribution;
    interceptions are clashes; old events date nothing; 'after Friday prayers' dates."""
    text = ("January 13, 2024\n\n"
            "Since November, the group has launched dozens of drones and missiles at ships.\n\n"
            "Oman, which has mediated between Saudi Arabia and the Houthis, condemned the "
            "strikes on Friday.\n\n"
            "On Wednesday, U.S. forces shot down 21 drones over the Red Sea.\n\n"
            "A similar flare-up in April 2021 killed about 50 people.\n\n"
            "Kyrgyz authorities said Tajik troops had shelled the airport in Batken.\n\n"
            "Thousands of supporters rallied in Sanaa after Friday prayers.\n")
    events = events_from_text(text, published="2024-01-13", source="", article_id="r15")
    assert not events["quote"].str.contains("Since November|April 2021").any()
    assert _by_trigger(events, "condemned")["category"] == "diplomacy"
    assert _by_trigger(events, "shot down")["category"] == "armed_clash"
    assert _by_trigger(events, "shelled")["category"] == "armed_clash"
    assert _by_trigger(events, "rallied")["event_date"] == "2024-01-12"


# ----------------------------------------------------------------------------- round 17 rules


def real(text, published="2024-03-11"):
    return events_from_text("News\n\n" + text, published=published)


def categories(text, **options):
    return set(real(text, **options)["category"])


def test_unknown_town_takes_the_point_of_the_area_named_with_it():
    # Real gazetteer: neither town is in it, both areas are.
    for sentence, town, area, precision in [
            ("Gunmen attacked a mosque in Fambita, Niger, on Friday.", "Fambita", "NE",
             "country"),
            ("Refugees crossed at Hamdayet in Kassala state on Monday.", "Hamdayet", "SD",
             "province")]:
        row = real(sentence).iloc[0]
        assert row["location"] == town and row["country"] == area
        assert row["geo_precision"] == precision and pd.notna(row["latitude"])
        assert "place_within" in row["flags"] and "place_unresolved" not in row["flags"]


def test_an_act_on_people_takes_the_time_and_place_of_what_they_were_doing():
    row = only(real("Security forces killed eight gunmen who stormed a port complex in "
                    "Balochistan on Wednesday, the military said.", published="2024-03-21"),
               "armed_clash")
    assert (row["event_date"], row["time_precision"]) == ("2024-03-20", "day")
    assert row["location"] == "Balochistan"
    # A clause set off by a comma is an aside about another time.
    row = only(real("Security forces killed eight gunmen, who had stormed a port complex in "
                    "Balochistan on Wednesday.", published="2024-03-21"), "armed_clash")
    assert row["event_date"] != "2024-03-20"
    # So does a movement: the people turned back were crossing there.
    row = only(real("Tajik border guards turned back 34 Afghans who tried to cross the Panj "
                    "near Ishkoshim last week.", published="2021-09-29"), "border_crossing")
    assert row["location"] == "Ishkoshim"


def test_a_place_named_after_its_kind_is_where_it_happened():
    for sentence in ("Militants attacked a hotel in the capital, Kabul, on Monday.",
                     "Militants attacked a hotel in the political capital Kabul on Monday."):
        row = only(real(sentence), "armed_clash")
        assert row["location"] == "Kabul" and "place_assumed" not in row["flags"]


def test_a_time_of_day_after_after_is_no_clause():
    row = only(real("Shells struck a resort in Zakho shortly after midday on Wednesday.",
                    published="2022-07-21"), "armed_clash")
    assert row["event_date"] == "2022-07-20" and "date_inferred" not in row["flags"]


def test_a_lag_reaches_across_a_long_noun_phrase():
    row = only(real("Monday's bombing came three days after a suicide attack at the Guzargah "
                    "mosque in the western city of Herat killed 18 people.",
                    published="2022-09-06"), "armed_clash")
    assert row["event_date"] == "2022-09-02"


def test_a_sentence_after_an_aside_takes_the_main_clause_date():
    events = real("Hundreds of Chinese nationals were evacuated from Laukkai on Monday. The "
                  "move, confirmed late on Monday, came two days after rebels attacked a post "
                  "near Nansan. The embassy said the evacuees had crossed at the Nansan "
                  "checkpoint.",
                  published="2023-11-28")
    row = only(events, "border_crossing")
    assert row["event_date"] == "2023-11-27"


def test_a_statement_takes_the_date_of_the_main_clause_before_it():
    events = real("Burundi closed its border with Rwanda on Thursday, accusing it of arming "
                  "the rebels who killed 20 people near Gatumba last month. The interior "
                  "minister announced the closure at a news conference in Gitega.",
                  published="2024-01-13")
    row = only(events, "diplomacy")
    assert (row["event_date"], row["location"]) == ("2024-01-11", "Gitega")


def test_a_caption_shows_the_place_it_names_in_any_clause():
    events = events_from_text(
        "News\n\nAzerbaijan said on Saturday that its foreign ministry in Baku would recall "
        "its staff.\n\nA damaged window at the entrance of the Azerbaijani embassy in Tehran "
        "after Friday's attack. (AFP)\n\nMore text follows here about the talks.",
        published="2023-01-29")
    row = only(events, "armed_clash")
    assert row["location"] == "Tehran" and row["flags"] == "caption"


def test_people_sent_back_are_at_the_crossing_the_story_stands_at():
    events = real("BUJUMBURA, Burundi (Reuters) - Burundi closed its border on Thursday. "
                  "Bujumbura's traders were worried. Officials in Bujumbura said little.\n\n"
                  "On Friday, soldiers were deployed near Cibitoke to guard the crossing. "
                  "Burundian police sent back around 300 people who had tried to cross on foot.",
                  published="2024-01-13")
    rows = events[events["trigger"] == "sent back"]
    assert rows["location"].tolist() == ["Cibitoke"]
    assert "place_inferred" in rows.iloc[0]["flags"]


def test_an_unknown_town_alone_stays_unresolved():
    row = real("Gunmen attacked a mosque in the village of Fambita on Friday.").iloc[0]
    assert row["location"] == "Fambita" and pd.isna(row["latitude"])
    assert "place_unresolved" in row["flags"]


def test_part_of_a_country_is_placed_in_that_part():
    row = only(real("Israeli jets struck targets in southern Lebanon on Monday."), "armed_clash")
    country = load_gazetteer().lookup("Lebanon", kinds=["country"])[0]
    assert row["location"] == "southern Lebanon" and row["geo_precision"] == "province"
    assert row["latitude"] < country.lat - 0.3
    row = only(real("Rebels attacked a base in the north of Mali on Monday."), "armed_clash")
    assert row["location"] == "the north of Mali" and row["latitude"] > 17


def test_territory_taken_by_force_is_a_clash_power_taken_is_political():
    events = real("Rebels seized the town of Kidal on Monday.")
    assert set(events["category"]) == {"armed_clash"}
    events = real("The army seized power in a coup on Monday.")
    assert set(events["category"]) == {"political"}
    events = real("The insurgents captured the town on Monday after troops agreed to withdraw "
                  "under a local ceasefire.")
    assert "armed_clash" not in set(events["category"])


def test_reported_facts_and_anonymous_speakers_are_no_statements():
    assert real("Azerbaijan's defence ministry said 50 of its servicemen had died.").empty
    assert real('"We need eyes on the ground," one EU diplomat said on Monday.').empty
    row = only(real("The United States said on Monday it was concerned by the new cabinet."),
               "diplomacy")
    assert row["event_date"] == "2024-03-11"


def test_a_toll_after_an_attack_is_that_attack():
    events = real("Militants attacked a police post in Kidal on Sunday. "
                  "Two officers were killed, officials said.")
    assert list(events["category"]) == ["armed_clash"]


def test_a_statement_states_no_place_unless_a_capital_acts():
    # "the foreign ministry urged": the annotated tables give such statements no place.
    for text in ("China's foreign ministry on Monday urged all parties to cease fire.",
                 "Tajikistan's Foreign Ministry on Thursday urged the Taliban to secure the "
                 "frontier.",
                 "President Vladimir Putin spoke by phone with President Xi Jinping on Monday."):
        row = only(real(text), "diplomacy")
        assert row["location"] == "" and "place_not_stated" in row["flags"]
    # A capital named as the actor is the government acting at home.
    row = only(real("Islamabad responded on Monday by recalling its ambassador from Kabul."),
               "diplomacy")
    assert row["location"] == "Islamabad" and "place_assumed" in row["flags"]


def test_crowds_at_a_crossing_and_queues_to_cross_are_crossings():
    row = only(real("Thousands of Afghan families crowded the Torkham border crossing on Thursday.",
                    published="2023-11-02"), "border_crossing")
    assert row["location"] == "Torkham" and row["event_date"] == "2023-11-02"
    row = only(real("At Chaman, hundreds of families queued on Thursday to cross into Afghanistan.",
                    published="2023-11-02"), "border_crossing")
    assert row["event_date"] == "2023-11-02"
    assert real("Families hoped to cross into Afghanistan.", published="2023-11-02").empty


def test_dateline_dates_the_report_not_the_event():
    row = only(real("ADDIS ABABA, Aug 14 - A drone strike on the town of Finote Selam killed "
                    "26 people on Sunday, residents said.", published="2023-08-14"), "armed_clash")
    assert row["event_date"] == "2023-08-13"


def test_background_and_targets_are_not_events():
    # A state of affairs in a relative clause, a convoy that was the target, a toll sourced.
    assert real("Leaders met in Kingston on Monday to discuss Haiti, where gangs have overrun "
                "the capital.")["category"].tolist() == ["meeting"]
    events = real("On Sept. 2, fighters ambushed a convoy of trucks carrying food near Mahas.")
    assert events["category"].tolist() == ["armed_clash"]
    events = real("Drones struck the town on Nov. 7 in a raid that officials said killed 14.")
    assert "diplomacy" not in set(events["category"])


def test_statements_placed_where_the_government_is():
    row = only(real("Islamabad responded on Wednesday by recalling its ambassador from Tehran."),
               "diplomacy")
    assert row["location"] == "Islamabad"
    row = only(real("Pakistan's foreign minister spoke by telephone from Islamabad with his "
                    "Iranian counterpart on Friday."), "diplomacy")
    assert row["location"] == "Islamabad"
    row = only(real("BEIJING, Aug 16 (Reuters) - China said on Monday it was ready to deepen "
                    "relations with Afghanistan.", published="2021-08-16"), "diplomacy")
    assert row["location"] == ""  # the dateline is where the reporter is



def test_statements_placed_at_their_venue_or_opening_scene():
    row = only(real("Prime Minister Petteri Orpo announced the decision at a news conference "
                    "in Helsinki late on Wednesday, saying Finland had no choice."), "diplomacy")
    assert row["location"] == "Helsinki"
    row = only(real("The Defence Ministry announced a ceasefire on Wednesday afternoon in a "
                    "statement issued in Tripoli."), "diplomacy")
    assert row["location"] == "Tripoli"
    row = only(real("In Kabul, Taliban chief spokesman Zabihullah Mujahid said on Sunday that "
                    "aid groups should help the survivors."), "diplomacy")
    assert row["location"] == "Kabul"
    # A place further on, outside a venue phrase, is what the statement is about.
    row = only(real("The foreign ministry said on Sunday it rejected any plan to move "
                    "people out of Rafah."), "diplomacy")
    assert row["location"] == ""

def test_the_country_is_the_country_of_the_last_place():
    text = ("The U.S. military said on Sunday it had flown forces into Port-au-Prince. "
            "It also airlifted embassy staff out of the country overnight.")
    row = only(real(text), "evacuation")
    assert (row["origin_name"], row["location"], row["country"]) == ("Haiti", "Haiti", "HT")


def test_a_militia_named_like_a_town_is_not_a_place():
    row = only(real("Government troops re-entered Lalibela on Wednesday after Fano fighters "
                    "pulled out."), "military_deployment")
    assert (row["location"], row["country"]) == ("Lalibela", "ET")


def test_columns_on_the_move_and_places_under_fire():
    events = real("A column of more than 100 armoured vehicles and supply trucks left the "
                  "forward base at Anefis on Friday.")
    assert events["category"].tolist() == ["military_deployment"]
    events = real("The defence ministry said Goris came under heavy shelling on Tuesday.")
    assert events["category"].tolist() == ["armed_clash"]


def test_round18_rules():
    # Soldiers carrying people evacuate them; a ship carrying evacuees is an evacuation.
    row = only(real("U.S. special operations forces airlifted fewer than 100 people out of "
                    "Khartoum on Saturday."), "evacuation")
    assert row["event_date"] == "2024-03-09"
    assert "evacuation" in categories("A Saudi navy ship carrying evacuees from 20 countries "
                                    "docked in Jeddah on Monday.")
    # "south of Haifa" is near Haifa; a truce announced is a statement; guards who detain
    # a president make a political event; a president who flew somewhere visits.
    row = only(real("Hezbollah fired rockets at the Atlit naval base south of Haifa on Monday."),
               "armed_clash")
    assert row["location"] == "Haifa" and row["geo_precision"] == "near"
    assert "diplomacy" in categories("The truce was announced in Washington on Monday by the "
                                   "Secretary of State.")
    assert "political" in categories("Members of the presidential guard detained President "
                                   "Mohamed Bazoum in Niamey on Wednesday.")
    assert "diplomacy" in categories("Chad's President Mahamat Idriss Deby flew to Niamey on "
                                   "Sunday on a mediation mission.")


def test_round18_rules_speakers_and_scenes():
    # An apposition between a leader and the verb; representatives meet; chairing a meeting.
    assert "diplomacy" in categories("Turkish President Tayyip Erdogan, Baku's closest ally, "
                                   "visited Nakhchivan on Monday.")
    assert "meeting" in categories("Representatives of the Karabakh Armenians met Azerbaijani "
                                 "officials in the town of Yevlakh on Thursday.")
    assert "meeting" in categories("President Vladimir Putin, chairing a meeting with security "
                                 "officials on Monday, ordered troops to the region.")
    # Houses set on fire are an attack; a hypothetical operation is not.
    assert "armed_clash" in categories("Dozens of houses were set on fire in Kok-Tash on "
                                     "Thursday.")
    assert real("Analysts say a military operation would be fraught with risk.").empty


def test_the_district_refers_back():
    text = ("Militants attacked army posts in the remote Chitral district on Wednesday. "
            "On Thursday, the army said it had sent reinforcements to the district.")
    row = only(real(text), "military_deployment")
    assert row["location"] == "Chitral"


def test_warnings_to_the_world_are_not_events_talks_are():
    assert real("U.N. Secretary-General Antonio Guterres warned on Monday that the violence "
                "risked a catastrophe.").empty
    assert real("President Emomali Rahmon warned of a growing threat from militants.").empty
    assert "diplomacy" in categories("Chinese Foreign Minister Wang Yi cautioned his British "
                                     "counterpart that pressure would backfire.")


def test_a_disaster_toll_is_no_attack():
    assert categories("Earthquakes killed more than 2,000 people in Herat province on "
                      "Saturday.") == {"humanitarian"}


def test_round23_rules():
    # A date right after "Since" dates the main clause.
    row = only(real("Since Sunday, more than 65,000 people have crossed the Hakari bridge into "
                    "Armenia.", published="2023-09-28"), "border_crossing")
    assert (row["event_date"], row["time_precision"]) == ("2023-09-24", "day")
    # Casualties flown out are evacuated, whoever flies them.
    assert categories("Armenian military helicopters flew dozens of the most severely burned "
                      "victims from Goris to Yerevan on Tuesday.") == {"evacuation"}
    assert categories("Wounded soldiers were flown from Timbuktu to the capital Bamako on "
                      "Wednesday.") == {"evacuation"}
    # A minister named in apposition is a political speaker.
    assert categories("On Saturday, Abdul Kabir, the Taliban's minister for refugees, met "
                      "Iran's ambassador in Kabul.") == {"meeting"}
    assert real("John Smith, a local farmer, met reporters in Kabul on Monday.").empty
    row = only(real("On Monday about 31,000 Afghans crossed back from Iran at Islam Qala."),
               "border_crossing")
    assert row["origin_name"] == "Iran"
    # An aid convoy crossing delivers aid; troop planes landing deploy troops.
    row = only(real("A Red Crescent convoy of 20 trucks carrying tents and food crossed into "
                    "Afghanistan at Islam Qala on Sunday."), "humanitarian")
    assert row["location"] == "Islam Qala"
    assert categories("Russian military transport planes carrying paratroopers landed at "
                      "Almaty airport on Thursday.") == {"military_deployment"}
    # A post handed over is politics, not a battle.
    assert categories("On Wednesday, Tokayev accepted the government's resignation and took "
                      "over from Nursultan Nazarbayev as head of the Security Council.") == {
        "political"}
    assert categories("Kazakhstan halted freight traffic at its border crossings with "
                      "Kyrgyzstan on Wednesday.") == {"border_crossing"}
    row = only(real("Heavy fighting broke out on Friday on the eastern edge of Myawaddy."),
               "armed_clash")
    assert row["location"] == "Myawaddy"


def test_round19_rules():
    # Crowds that storm or seize riot; planes carrying paratroopers deploy them; undated
    # events in a story take its last stated day.
    assert categories("Thousands of protesters stormed the mayor's office in Almaty on "
                      "Wednesday.") == {"political"}
    row = only(real("Russian military transport planes began landing in Almaty on Thursday "
                    "carrying paratroopers."), "military_deployment")
    assert row["location"] == "Almaty" and row["latitude"] < 44  # the city, not the region
    text = ("Border forces exchanged gunfire near the border on Saturday. "
            "Two guards died. Iranian authorities closed the Milak crossing.")
    row = only(real(text, published="2023-05-28"), "border_crossing")
    assert row["event_date"] == "2023-05-27" and "date_inferred" in row["flags"]


def test_round19_captions_airspace_and_named_dates():
    text = ("Iran launched drones at Israel late on Saturday.\n\n"
            "Israel's Iron Dome system intercepts rockets after Iran launched drones towards "
            "Israel, as seen from Ashkelon, Israel, April 14, 2024.")
    events = real(text, published="2024-04-15")
    caption = events[events["flags"].str.contains("caption")].iloc[0]
    assert caption["location"] == "Ashkelon"
    assert categories("Jordan closed its airspace to all flights on Saturday evening.") == {
        "border_crossing"}
    row = only(real("The April 1 strike destroyed Iran's consular building in Damascus and "
                    "killed seven officers.", published="2024-04-15"), "armed_clash")
    assert row["event_date"] == "2024-04-01"


def test_round19_words():
    assert categories("Later on Wednesday he imposed a nationwide state of emergency.") == {
        "political"}
    assert categories("Iranian and Taliban border forces exchanged heavy gunfire on Saturday "
                      "near the border post.") == {"armed_clash"}
    assert "evacuation" in categories("Rescue teams moved hundreds of families from low-lying "
                                      "areas to higher ground on Sunday.")
    assert "evacuation" in categories("Foreign governments pressed ahead on Tuesday with the "
                                      "evacuation of thousands of their citizens.")


def test_round20_rules():
    assert categories("U.S. Air Force cargo planes dropped more than 38,000 meals along the "
                      "Gaza coastline on Saturday.") == {"humanitarian"}
    assert real("Tajikistan has said it is ready to take in 100,000 Afghan refugees.").empty
    assert categories("In Islamabad, the foreign ministry said it had summoned Afghanistan's "
                      "charge d'affaires on Friday to protest the firing.") == {"diplomacy"}
    text = ("Border forces exchanged fire at the Torkham crossing on Thursday. "
            "Additional troops were moved to the area on Friday morning.")
    assert only(real(text), "military_deployment")["location"].startswith("Torkham")


def test_round21_rules():
    row = only(real("A suicide bomber detonated explosives among crowds at Hamid Karzai "
                    "International Airport on Monday. Later, gunmen attacked people at the "
                    "airport's Abbey Gate."), "armed_clash")
    assert "Airport" in row["location"]
    assert "evacuation" in categories("Italy's last evacuation flight from Kabul landed in "
                                      "Rome on Friday, the government said.")
    row = only(real("African leaders are also due to discuss the crisis at an African Union "
                    "summit in Addis Ababa on Feb. 17.", published="2024-02-08"), "meeting")
    assert row["planned"] and row["event_date"] == "2024-02-17"


def test_round22_rules():
    assert categories("China lodged a strong protest with India on Tuesday, the foreign "
                      "ministry said.") == {"diplomacy"}
    assert categories("Trade resumed on Saturday at the Taftan crossing.") == {"border_crossing"}
    assert "border_crossing" in categories("Trucks wait to cross into Iran at the Taftan border "
                                           "crossing in Balochistan province, Pakistan, "
                                           "January 20, 2024.", published="2024-01-20")


def test_a_head_of_state_acts_from_the_capital():
    text = ("Uzbek President Shavkat Mirziyoyev toured the canal site.\n\n"
            "On Friday, President Shavkat Mirziyoyev appointed a deputy minister to lead a task "
            "force on the canal.\n\n"
            "In Kazakhstan, President Kassym-Jomart Tokayev met the army chiefs. On Wednesday, "
            "Tokayev accepted the government's resignation.")
    events = real(text, published="2024-10-08")
    political = events[events["category"] == "political"]
    assert list(political["location"]) == ["Tashkent", "Astana"]
    assert all("place_assumed" in flags for flags in political["flags"])
    # A parliament sits in the capital.
    row = only(real("Georgia is divided.\n\nParliament passed the bill in its third reading "
                    "on Tuesday.", published="2024-05-14"), "political")
    assert row["location"] == "Tbilisi"
    # The Taliban are no head of state: their acts stay in the country.
    row = only(real("On Wednesday, the Taliban named several figures to a governing council "
                    "in Afghanistan."), "political")
    assert row["geo_precision"] == "country"


def test_round24_rules():
    assert categories("The Lebanese army said its units had returned fire towards positions "
                      "inside Syria on Monday.") == {"armed_clash"}
    row = only(real("Dozens of families left Hermel in Lebanon on Monday morning."),
               "humanitarian")
    assert row["origin_name"] == "Hermel"
    assert real("The president left Kabul on Monday.").empty
    assert categories("The municipality opened two schools to shelter around 40 families on "
                      "Monday.") == {"humanitarian"}
    assert categories("The most seriously injured were flown by Armenian military helicopters "
                      "from Goris to hospitals in Yerevan on Tuesday.") == {"evacuation"}
    assert categories("A jirga of tribal elders from both sides met at Torkham on Sunday.") == {
        "meeting"}


def test_a_crossing_named_after_its_verb_and_live_blog_headings():
    row = only(real("Pakistan closed Torkham on February 21 after Afghan authorities began "
                    "building a new border post."), "border_crossing")
    assert row["location"] == "Torkham" and row["event_date"] == "2024-02-21"
    assert real("Pakistan could close Torkham next week.").empty
    # A live blog's stamped heading announces the entry below it; only the entry counts.
    text = ("Live: border clashes\n\nMarch 17, 2025\n\n10:50 - Lebanese army returns fire, "
            "sends reinforcements\n\nThe Lebanese army returned fire towards Syria near Hermel "
            "on Monday.\n")
    events = events_from_text(text, published="2025-03-17")
    assert list(events["category"]) == ["armed_clash"]
    assert events["quote"].iloc[0].startswith("The Lebanese army")


def test_round25_statements():
    # A governor's or an adviser's quoted remark is a statement, however the sentence opens.
    assert categories("\"The enemy once again targeted our Danube ports,\" Odesa regional "
                      "governor Oleh Kiper said on Wednesday.") == {"diplomacy"}
    assert categories("\"Bangladesh cannot accept more refugees,\" Touhid Hossain, foreign "
                      "affairs adviser to the interim government, said on Thursday.") == {
        "diplomacy"}
    # "he said" after a named official.
    events = real("Defence Minister Angel Tilvar spoke in Bucharest on Wednesday.\n\n"
                  "\"We are dealing with a serious situation,\" he said.")
    assert list(events["category"]).count("diplomacy") == 2
    # Accusing another country's forces is a statement; the act it reports stays an event.
    found = categories("In Minsk, the State Border Committee said on Monday that Polish "
                       "soldiers had fired shots towards Belarusian territory.")
    assert "diplomacy" in found
    row = only(real("Tajikistan's foreign ministry said in a statement on Friday that Kyrgyz "
                    "forces had shelled the village of Ovchi."), "diplomacy")
    assert row["location"] != "Ovchi"  # the statement is not where the shelling was
    # A force reporting its own action only sources it, unless the saying has its own
    # occasion ("said on Monday", "said in a statement"): then it is a statement too, as
    # annotators of rounds 23-31 counted it.
    assert categories("Pakistan's army said its troops had killed six militants in "
                      "North Waziristan.") == {"armed_clash"}
    assert categories("Pakistan's army said on Monday its troops had killed six militants in "
                      "North Waziristan.") == {"armed_clash", "diplomacy"}


def test_distances_at_sea_and_the_city_a_story_is_about():
    row = only(real("A bulk carrier was struck by a drone boat in the Red Sea about 66 nautical "
                    "miles southwest of Hodeidah on Wednesday."), "armed_clash")
    assert row["location"] == "Hodeidah" and row["geo_precision"] == "near"
    # In a story about one city, a district the gazetteer lacks is in that city.
    text = ("Tripoli clashes\n\nFighting shook Tripoli on Monday. Residents of Tripoli fled. "
            "Shops in Tripoli closed.\n\nFighting broke out in Abu Salim on Monday night, "
            "residents said.\n")
    events = events_from_text(text, published="2025-05-13")
    last = events[events["quote"].str.startswith("Fighting broke out")].iloc[0]
    assert last["location"] == "Tripoli" and "place_assumed" in last["flags"]


def test_diplomatic_acts_reported_and_area_wide_events():
    # "said it had accepted a proposal" reports a diplomatic act: a statement, not a source.
    assert categories("Sudan's army said on Wednesday it had accepted a proposal by IGAD to "
                      "extend the truce.") == {"diplomacy"}
    assert real("The ministry said that 50 servicemen had died.").empty
    # With its own occasion the saying is a statement (annotators of rounds 23-31 count it).
    assert categories("The ministry said on Monday that 50 servicemen had died.") == {
        "diplomacy"}
    # "across Yemen, including sites near Hodeidah": the whole country.
    row = only(real("Warships struck more than 60 targets across Yemen on Friday, including "
                    "radar sites near the port city of Hodeidah."), "armed_clash")
    assert row["location"] == "Yemen"


def test_people_taken_somewhere_are_no_capture_and_check_posts_are_crossed():
    assert "armed_clash" not in categories("Buses took some 1,500 people from Kornidzor to "
                                           "shelters in Goris on Monday.")
    assert categories("Rebels took the town of Goris on Monday.") == {"armed_clash"}
    assert categories("On Sunday, 237 Pakistani nationals walked across the Attari Integrated "
                      "Check Post into Pakistan.") == {"border_crossing"}
    assert categories("Pakistan retaliated on Thursday by shutting its side of the border.") == {
        "border_crossing"}


def test_round27_rules():
    # "infantry fighting vehicles" is equipment, not fighting; the remark is a statement
    # (and the sentence model adds the vehicles sent as a deployment).
    found = categories("\"We will not leave our ally alone,\" Russian Defence Minister Sergei "
                       "Shoigu said in Moscow on Tuesday, adding that Russia had sent 17 "
                       "infantry fighting vehicles to its base in Dushanbe.")
    assert "diplomacy" in found and "armed_clash" not in found
    # Seizing goods is no capture of territory.
    assert categories("Border guards exchanged fire with smugglers near Kalai Khumb on Sunday, "
                      "killing one and seizing 60 kg of hashish, Tajikistan's security "
                      "committee said.") == {"armed_clash"}
    # A spy chief who visited a city visited it there.
    row = only(real("The head of Pakistan's intelligence service, Lieutenant General Faiz "
                    "Hameed, visited Kabul on Saturday."), "diplomacy")
    assert row["location"] == "Kabul"


def test_crowds_at_a_seat_of_power_and_warplanes():
    assert categories("Hundreds of junta supporters gathered on Thursday outside the French "
                      "embassy in Niamey.") == {"political"}
    assert categories("Around 150 villagers rallied in front of the municipal office in "
                      "Hajnowka on Wednesday.") == {"political"}
    assert categories("Residents said warplanes struck positions in Omdurman on Wednesday.") == {
        "armed_clash"}
    assert categories("U.S. Central Command said its forces had destroyed three radar sites "
                      "near Hodeidah on Wednesday.") == {"armed_clash"}
    # Floods destroy homes: a disaster, not fighting.
    assert categories("Floods destroyed 1,300 homes in Sindh on Monday.") == {"humanitarian"}


def test_a_town_taken_as_the_antecedent_of_which_is_still_a_capture():
    # The object-scope rule for goods seized must keep "which the Taliban had seized".
    row = only(real("Troops returned to Kunduz, which the Taliban had seized last week.",
                    published="2021-08-10"), "armed_clash")
    assert row["location"] == "Kunduz"


def rules(text, published="2024-10-08"):
    """The rules alone: these tests pin rules, not what the sentence model adds."""
    return events_from_text("News\n\n" + text, published=published, learned=False)


def test_an_age_dates_nothing_and_hides_no_event():
    # "12-year-old" is an age, not a period framing the sentence as background.
    events = rules("Two men and a 12-year-old boy were killed when a mortar round struck "
                   "their house.")
    assert set(events["category"]) == {"armed_clash"}


def test_fire_traded_is_a_clash_dated_by_its_own_clause():
    row = only(rules("Pakistan closed the crossing on Tuesday after Pakistani troops and "
                     "Afghan border forces traded mortar and artillery fire late on Monday."),
               "armed_clash")
    assert row["event_date"] == "2024-10-07"


def test_closures_and_removals_in_the_passive():
    events = rules("Kharlachi was last closed for nine days late last month. The crossing was "
                   "briefly shut again on Sunday.")
    assert list(events["category"]) == ["border_crossing", "border_crossing"]
    assert list(events["location"]) == ["Kharlachi", "Kharlachi"]
    assert list(events["event_date"]) == ["2024-09-01", "2024-10-06"]
    row = only(rules("The larger Torkham crossing in Khyber district was shut for a week in "
                     "September."), "border_crossing")
    assert row["location"] == "Torkham crossing"
    assert categories("Local authorities said about 200 families had been moved from villages "
                      "along the border to schools in Parachinar.") >= {"evacuation"}


def test_an_unplaced_strike_takes_the_scene_of_the_previous_one_not_the_attacker():
    events = rules("Israeli jets struck Tyre on Saturday. An Israeli drone later hit a car on "
                   "the coastal road, the army said.", published="2024-10-19")
    assert list(events["location"]) == ["Tyre", "Tyre"]
    assert "place_inferred" in events.iloc[1]["flags"]
    # A live blog's entries are separate scenes.
    events = rules("09:30 GMT - Israeli jets struck Tyre on Saturday.\n\n10:10 GMT - An Israeli "
                   "drone later hit a car on the coastal road, the army said.",
                   published="2024-10-19")
    assert events.iloc[1]["location"] != "Tyre"
    # A far country that owns the target is not where the attack happened.
    row = only(rules("Wednesday's raids in Syria followed a drone attack late on Tuesday on a "
                     "U.S. outpost in the desert.", published="2024-08-14"), "armed_clash")
    assert row["country"] != "US"


def test_sources_asides_and_meeting_borders():
    # A relative clause before ", the official said" is no aside before a verb of saying.
    assert set(rules("A second drone was shot down on Monday as it approached the air base in "
                     "Anbar province, which hosts U.S. troops, the official said.",
                     published="2024-08-14")["category"]) == {"armed_clash"}
    assert set(rules("The drone was shot down near the point where the borders of Syria, Iraq "
                     "and Jordan meet.", published="2024-08-14")["category"]) == {"armed_clash"}
    # "the U.S. charge d'affaires" summoned; a letter of protest is no demonstration.
    events = rules("The Iraqi Foreign Ministry said it had summoned the U.S. charge d'affaires "
                   "to deliver a formal letter of protest.", published="2024-08-14")
    assert list(events["category"]) == ["diplomacy"]


def test_a_disaster_and_its_toll_are_humanitarian_where_a_disaster_is_the_story():
    quake = ("A magnitude 6.2 earthquake struck Baghlan province at 00:02 GMT on Monday. "
             "The quake flattened mud-brick homes in Nahrin. Rescuers pulled 11 people alive "
             "from the rubble of a collapsed school. The death toll has risen to 64, officials "
             "said. An aftershock followed.")
    events = rules(quake, published="2026-02-17")
    assert set(events["category"]) == {"humanitarian"}
    assert len(events) == 4  # the quake, the damage, the rescue, the toll
    # In a war the same words are the war's toll.
    assert "humanitarian" not in set(rules("Fighting raged in Khartoum on Monday. The death "
                                           "toll has risen to 64, officials said.")["category"])
    # A tower or a bridge that fell in the quake, and a search for survivors, are its damage.
    quake = ("A magnitude 7.7 earthquake struck central Myanmar on Friday.\n\nThe control "
             "tower at the airport in Naypyitaw collapsed in the quake.\n\nThe old bridge over "
             "the river came down within seconds of the quake hitting.\n\nRescuers searched "
             "for survivors in Mandalay on Saturday.")
    events = rules(quake, published="2025-03-29")
    assert list(events["category"]) == ["humanitarian"] * 4


def test_plans_inside_an_agreement_and_scheduled_talks():
    events = rules("In a joint statement, they agreed to share migration data, to crack down "
                   "on smuggling and to hold a wider regional conference in San José in "
                   "November.", published="2023-10-05")
    statement = only(events, "diplomacy")
    meeting = only(events, "meeting")
    assert statement["event_date"].startswith("2023-10") and not statement["planned"]
    assert meeting["planned"] and meeting["event_date"] == "2023-11-01"
    row = only(rules("Another round of talks is scheduled for Thursday at the customs house."),
               "diplomacy")
    assert row["planned"] and row["event_date"] == "2024-10-10"


def test_a_meeting_is_placed_at_the_antecedent_of_where():
    row = only(rules("The prime minister travelled to Adre on Monday, where he met the "
                     "president of Chad.", published="2023-11-08"), "meeting")
    assert row["location"] == "Adre"


def test_round30_words():
    assert set(rules("On Tuesday, a Thai soldier lost his left leg when he stepped on a mine "
                     "near the temple.", published="2025-08-16")["category"]) == {"armed_clash"}
    # Jets sent to strike: the strike, not a deployment.
    assert set(rules("Thailand answered by sending F-16 fighter jets to strike Cambodian "
                     "positions in Oddar Meanchey province.", published="2025-08-16")[
        "category"]) == {"armed_clash"}
    assert "armed_clash" in set(rules("Gunmen went from house to house in the camp over the "
                                      "weekend, shooting men and boys.")["category"])
    assert set(rules("Across Surin province, more than 50,000 people were moved to temporary "
                     "shelters within three days.", published="2025-08-16")["category"]) == {
        "evacuation"}
    assert "evacuation" in set(rules("Soldiers loaded villagers onto army trucks and drove them "
                                     "north to Surin.", published="2025-08-16")["category"])
    assert set(rules("The two sides signed 18 agreements on Friday.")["category"]) == {
        "diplomacy"}


def test_an_evacuation_is_placed_where_it_leaves_from():
    events = rules("A chartered ferry carrying 1,150 foreign nationals left the port of Beirut "
                   "for Larnaca in Cyprus this morning. An Australian flight carrying 230 "
                   "Australians and their families left Beirut for Larnaca.",
                   published="2024-10-19")
    assert list(events["category"]) == ["evacuation", "evacuation"]
    assert set(events["location"]) == {"Beirut"}


def test_round31_words():
    assert set(rules("The Assam Rifles moved two additional companies into Zokhawthar on "
                     "Friday.", published="2024-06-10")["category"]) == {"military_deployment"}
    assert set(rules("Trade through the Zokhawthar land customs station has been suspended "
                     "since Wednesday.", published="2024-06-10")["category"]) == {
        "border_crossing"}
    assert set(rules("The state government released 30 million rupees in emergency relief for "
                     "border villages on Friday.", published="2024-06-10")["category"]) == {
        "humanitarian"}


def test_a_dateline_town_named_again_is_the_scene_of_unplaced_events():
    events = rules("KHOROG, Tajikistan - Police shot a driver at a checkpoint in Khorog on "
                   "September 8.\n\nSecurity forces opened fire on the crowd that evening.",
                   published="2025-10-03")
    row = events[events["quote"].str.startswith("Security forces")].iloc[0]
    assert (row["location"], row["event_date"]) == ("Khorog", "2025-09-08")


def test_a_meeting_on_the_margins_is_held_where_the_story_meets():
    events = rules("BISHKEK, Kyrgyzstan - Foreign ministers met in Bishkek on Tuesday.\n\n"
                   "Iran's foreign minister met his Uzbek counterpart later on Tuesday to "
                   "discuss transit routes.", published="2026-05-13")
    assert list(events["category"]) == ["meeting", "meeting"]
    assert list(events["location"]) == ["Bishkek", "Bishkek"]


def test_a_meeting_named_without_a_place_is_held_where_the_last_one_was():
    # A summit or meeting by noun, like one by verb, follows the talks just reported.
    events = rules("Foreign ministers of the SCO met in Bishkek on Tuesday to discuss "
                   "Afghanistan.\n\nThe talks were chaired by Kyrgyz Foreign Minister Zheenbek "
                   "Kulubaev, who held a summit with Uzbek officials on Tuesday.",
                   published="2025-02-20")
    summit = events[events["trigger"] == "summit"].iloc[0]
    assert summit["location"] == "Bishkek" and "place_inferred" in summit["flags"]


def test_a_caption_reports_the_meeting_it_follows():
    events = rules("Ministers met on Tuesday.\n\nPhoto: Kyrgyz Foreign Minister Zheenbek "
                   "Kulubaev speaks to reporters after the SCO foreign ministers' meeting in "
                   "Bishkek, May 12, 2026.\n\nThe talks ended.", published="2026-05-13")
    caption = events[events["quote"].str.startswith("Photo")]
    assert set(caption["category"]) == {"meeting", "diplomacy"}


def test_an_old_event_stays_when_its_own_sentence_dates_it():
    events = rules("On September 24, 2023, around 30 gunmen ambushed a police patrol near "
                   "Zvecan.\n\nThe two countries fought a war in 2020.", published="2025-03-12")
    assert list(events["event_date"]) == ["2023-09-24"]


def test_a_long_convoy_arriving_is_a_deployment():
    row = only(rules("On September 11, a column of armoured personnel carriers and trucks "
                     "carrying Interior Ministry special forces arrived in Khorog from Dushanbe.",
                     published="2025-10-03"), "military_deployment")
    assert row["event_date"] == "2025-09-11"
    # The convoy's "arrived in" is no visit, though it carries Interior Ministry forces.
    assert "diplomacy" not in set(rules("On September 11, a column of armoured personnel "
                                        "carriers and trucks carrying Interior Ministry special "
                                        "forces arrived in Khorog from Dushanbe.",
                                        published="2025-10-03")["category"])


def test_only_armed_men_roll_into_a_town():
    assert rules("Forty-two Chinese trucks loaded with solar panels rolled into the river port "
                 "of Hairatan last Thursday.", published="2024-06-18").empty
    assert set(rules("Taliban fighters rolled into Kunduz on Sunday.",
                     published="2021-08-10")["category"]) == {"armed_clash"}
    # Helicopters that had "taken off" from a base took nothing.
    assert "political" not in set(rules("The helicopters had taken off from Camp Lemonnier in "
                                        "Djibouti on Sunday.", published="2023-04-24")["category"])


def test_a_capital_accusing_is_a_government_not_a_scene():
    row = only(rules("The fighting spread on Friday along the disputed frontier, with Bishkek "
                     "accusing Tajik forces of using tanks.", published="2022-09-17"),
               "armed_clash")
    assert row["location"] != "Bishkek"


@pytest.mark.parametrize(("text", "published", "category", "location"), [
    # A capital named by its country's adjective.
    ("Foreign ministers of the Shanghai Cooperation Organization met in the Kyrgyz capital on "
     "Tuesday.", "2026-05-13", "meeting", "Bishkek"),
    # "a bombing on Istanbul's ...": the attack's object, though the possessive looks like a
    # subject.
    ("It followed a bombing on Istanbul's Istiklal Avenue on Sunday that killed six people.",
     "2022-11-14", "armed_clash", "Istanbul"),
    # The town that fell.
    ("Mae Sot faces Myawaddy across the Moei river.\n\nMyawaddy, Myanmar's main trading "
     "gateway to Thailand, fell to forces led by the KNU on April 11.", "2024-04-20",
     "armed_clash", "Myawaddy"),
    # A clause whose places stand outside its locative phrases: the most specific one.
    ("The crisis began on Tuesday, when Iran struck what it called bases of a militant group "
     "near Panjgur in Pakistan's southwestern Balochistan province, killing two children.",
     "2024-01-20", "armed_clash", "Panjgur"),
    # The town a takeover's own phrase names, not the flight's destination.
    ("The airmen crossed into Uzbekistan on Aug. 15, the day Kabul fell, flying 22 planes "
     "out of Mazar-i-Sharif to Termez.", "2021-09-01", "political", "Kabul"),
    # The province after a town ("X in Y") only says where the town is.
    ("At Chaman in Balochistan, hundreds of traders blocked the road on Thursday, protesting "
     "against a rule requiring passports for everyone crossing the border.", "2023-11-03",
     "border_crossing", "Chaman"),
    # "across the Nile" is the river, so the town struck is the place.
    ("Residents said warplanes struck RSF positions in Bahri, across the Nile from central "
     "Khartoum, on Wednesday morning.", "2023-04-27", "armed_clash", "Bahri"),
    # The bridge crossed, not the river under it.
    ("A train of 40 wagons crossed the Friendship Bridge over the Amu Darya and reached "
     "Hairatan on Thursday.", "2022-07-28", "border_crossing", "Friendship Bridge"),
    # "in Dar es Salaam" closes the summit's long name: where it met.
    ("A joint summit of the East African Community and the Southern African Development "
     "Community in Dar es Salaam on February 8 called for a ceasefire.", "2025-02-20",
     "meeting", "Dar es Salaam"),
    # The scene set before "when"; "the embassies of Rwanda" are whose, not where.
    ("Anger spilled over in Kinshasa on Tuesday, when protesters attacked the embassies of "
     "Rwanda and France.", "2025-01-30", "political", "Kinshasa"),
    # The background after ", the SDF said, as ..." is not the scene.
    ("Turkish drones struck targets around the Kurdish-held cities of Qamishli and Kobani in "
     "northeast Syria on Wednesday, the Syrian Democratic Forces (SDF) said, as Ankara pressed "
     "on with a campaign it launched after a bombing in Istanbul.", "2022-11-23", "armed_clash",
     "Qamishli"),
    # Rockets "fired from territory in Syria" land where they hit.
    ("On Monday, rockets fired from Kurdish-held territory in Syria slammed into the Turkish "
     "border town of Karkamis, killing two people.", "2022-11-23", "armed_clash", "Karkamis"),
    # A place named as a modifier yields to the town it describes.
    ("A coalition air strike on a telecommunications building in the Red Sea port city of "
     "Hodeidah overnight killed three people.", "2022-01-21", "armed_clash", "Hodeidah"),
])
def test_where_it_happened(text, published, category, location):
    assert only(rules(text, published=published), category)["location"] == location


def test_an_unplaced_event_happens_where_the_story_stands():
    # No place in its sentence: the last place named in the event's country (Kathmandu,
    # not New Delhi named since, in India), not the country's centre.
    text = ("Thousands of demonstrators marched on parliament in Kathmandu on Monday.\n\n"
            "An Indian minister spoke in New Delhi.\n\n"
            "Protesters defied a curfew on Tuesday and set fire to government offices.")
    row = rules(text, published="2025-09-10").iloc[-1]
    assert row["location"] == "Kathmandu" and "place_inferred" in row["flags"]


def test_a_place_that_says_whom_a_statement_addresses_is_not_its_place():
    row = only(rules("Tajikistan's Foreign Ministry on Thursday called on the Taliban "
                     "authorities in Kabul to secure the frontier.", published="2025-11-28"),
               "diplomacy")
    assert row["location"] == ""
    # But those met in a place were met there.
    row = only(rules("Uzbek envoys met Taliban officials in Kabul on Thursday.",
                     published="2025-11-28"), "meeting")
    assert row["location"] == "Kabul"


def test_an_agreement_is_signed_where_the_sentence_says():
    # "signed" is an act: its venue may follow the object ("in Tashkent").
    row = only(rules("The three governments signed a road map for the Trans-Afghan railway in "
                     "Tashkent in February 2021, but the money has yet to be found.",
                     published="2021-03-10"), "diplomacy")
    assert row["location"] == "Tashkent"
    # A saying's later place is what was said about: no place.
    row = only(rules("The minister said on Monday that the embassy in Kabul would reopen.",
                     published="2021-09-14"), "diplomacy")
    assert row["location"] == ""


@pytest.mark.parametrize("text", [
    "On Friday, the U.S. Treasury sanctioned Ivanishvili himself.",
    "On Dec. 2, Estonia imposed entry bans on 11 Georgian officials.",
    # A saying dated by its own day of the month is a statement as well as a source.
    "Niger announced on March 17 that it was leaving the International Organisation of La "
    "Francophonie.",
    "On Tuesday evening, the government confirmed the deployment in a statement.",
    # A post on social media is a saying.
    "\"The declaration is not a withdrawal agreement,\" M23 spokesman Lawrence Kanyuka wrote on "
    "X on Sunday.",
])
def test_sanctions_and_dated_announcements_are_diplomacy(text):
    assert only(rules(text, published="2024-12-30"), "diplomacy")["trigger"]


def test_an_event_at_a_list_of_places_is_one_event_at_each():
    events = rules("Rallies were held on Saturday in Kutaisi, Zugdidi and Batumi.",
                   published="2024-12-02")
    assert sorted(events["location"]) == ["Batumi", "Kutaisi", "Zugdidi"]
    assert set(events["category"]) == {"political"} and events["quote"].nunique() == 1
    # A town and where it lies is one place; a statement about two places one statement.
    events = rules("Gunmen attacked a checkpoint in Bahir Dar, Amhara region, on Tuesday.",
                   published="2023-08-09")
    assert list(events["location"]) == ["Bahir Dar"]
    events = rules("UN Secretary-General Antonio Guterres condemned the coalition air strikes "
                   "in Saada and Hodeidah on Friday.", published="2022-01-22")
    assert len(events[events["category"] == "diplomacy"]) == 1


@pytest.mark.parametrize(("text", "category"), [
    ("Residents said Israeli tanks had entered Quneitra on Monday morning.",
     "military_deployment"),
    ("Soldiers also took up positions on the Syrian side of Mount Hermon on Sunday.",
     "military_deployment"),
    ("Explosions shook Damascus through the night on Monday.", "armed_clash"),
    ("Saudi Arabia and Qatar issued similar condemnations on Monday.", "diplomacy"),
    ("A relief train carrying freed passengers reached Mach railway station on Wednesday.",
     "evacuation"),
    ("Hundreds of thousands of people have poured into central Dhaka on Monday.", "political"),
    ("On Oct. 25, a Bishkek district court ordered 21 of them held in pre-trial detention.",
     "political"),
    ("Mozambicans voted in general elections on Oct. 9.", "political"),
    ("Two weeks later, the electoral commission declared Chapo the winner.", "political"),
    ("Hundreds of people gathered in the centre of Hargeisa on Monday night to celebrate the "
     "signing.", "political"),
])
def test_round37_wordings(text, category):
    # Drawn from round 37 after its first run: troops that entered or took up positions,
    # explosions that shook a city, condemnations issued, a train carrying the freed,
    # crowds pouring into a city, a court's detention order.
    assert only(rules(text, published="2024-12-10"), category)["trigger"]


def test_raids_that_detain_people_are_arrests_not_battles():
    events = rules("The GKNB detained 24 people in a series of raids in Bishkek on Oct. 23.",
                   published="2022-11-03")
    assert list(events["category"]) == ["political"]


def test_an_agreement_reached_moves_no_troops():
    assert rules("The troops reached an agreement with the rebels on Monday.",
                 published="2024-12-10").empty


def test_a_team_arriving_from_somewhere_arrived_where_it_came():
    # "from Yunnan province arrived in Yangon": Yangon, and aid arriving is no crossing.
    events = rules("A 37-member Chinese rescue team from Yunnan province arrived in Yangon "
                   "early on Saturday.", published="2025-03-29")
    assert list(zip(events["category"], events["location"])) == [("humanitarian", "Yangon")]


def test_a_council_a_leader_chairs_meets_in_the_capital():
    text = ("DUSHANBE, Tajikistan - Gunmen attacked a camp in Tajikistan on Wednesday.\n\n"
            "President Emomali Rahmon chaired an emergency session of the Security Council on "
            "Thursday.")
    row = only(rules(text, published="2025-11-28"), "meeting")
    assert row["location"] == "Dushanbe" and "place_assumed" in row["flags"]


def test_a_nationwide_event_is_not_placed_where_the_story_stands():
    text = ("Protesters blocked the road at Ressano Garcia on Monday.\n\n"
            "Mozambicans voted in general elections on Oct. 9.")
    row = rules(text, published="2025-01-09").iloc[-1]
    assert (row["location"], row["geo_precision"]) == ("Mozambique", "country")


def test_a_parliament_that_votes_sits_in_the_capital():
    # The legislature is the trigger's own word ("parliament voted"), not the words before it.
    text = ("Refugees reached Goris in Syunik province on Monday.\n\n"
            "On Tuesday, Armenia's parliament voted to join the International Criminal Court.")
    assert only(rules(text, published="2023-09-28"), "political")["location"] == "Yerevan"


def test_flight_and_a_crossing_by_some_are_two_events():
    # "fled across the border" is one crossing; "fled ..., and some crossed" is both.
    events = rules("Thousands of families fled south towards Uvira on Monday, and some crossed "
                   "into Burundi.", published="2025-07-16")
    assert set(events["category"]) == {"humanitarian", "border_crossing"}
    events = rules("Thousands of Afghans fled across the border into Tajikistan on Monday.",
                   published="2021-07-06")
    assert list(events["category"]) == ["border_crossing"]


def test_an_event_told_as_what_another_followed_is_its_own_event():
    # Two clashes a day apart in one sentence: the second is told as the first's cause.
    events = rules("Fighting spread to more points along the frontier on Friday, a day after "
                   "Thai jets bombed Cambodian positions.", published="2025-07-25")
    assert sorted(zip(events["category"], events["event_date"])) == [
        ("armed_clash", "2025-07-24"), ("armed_clash", "2025-07-25")]


def test_a_caption_closed_by_its_agency_credit_is_a_caption():
    # One sentence then "(Reuters)": a photo caption, whose soldiers are deployed there.
    events = rules("Pakistan began deporting Afghans on Wednesday.\n\nRwandan soldiers serving "
                   "with MINUSCA take up positions on the road to Bangui on Wednesday. "
                   "(Reuters)\n\nOfficials met later.", published="2021-01-13")
    row = only(events, "military_deployment")
    assert "caption" in row["flags"] and row["event_date"] == "2021-01-13"


def test_a_when_clause_dates_the_event_it_explains():
    # "were killed when their vehicle hit a mine on Wednesday": the same moment.
    row = only(rules("Three soldiers were killed when their vehicle hit a mine on Wednesday.",
                     published="2025-11-28"), "armed_clash")
    assert (row["event_date"], row["time_precision"]) == ("2025-11-26", "day")


def test_since_a_day_and_a_day_after_date_the_event():
    # "have fled since Sunday": the flight began on Sunday, not when the government spoke.
    row = only(rules("More than 50,000 ethnic Armenians have fled Nagorno-Karabakh for Armenia "
                     "since Sunday, the Armenian government said on Wednesday.",
                     published="2023-09-27"), "humanitarian")
    assert row["event_date"] == "2023-09-24"
    # "on Wednesday, a day after gunmen killed 26 people": the killing was on Tuesday.
    events = rules("India closed the crossing on Wednesday, a day after gunmen killed 26 "
                   "people at a meadow above Pahalgam.", published="2025-04-24")
    assert only(events, "armed_clash")["event_date"] == "2025-04-22"
    assert only(events, "border_crossing")["event_date"] == "2025-04-23"


def test_papers_checked_at_a_crossing_are_a_crossing_event():
    # A caption showing a soldier at the border: the border checks, not a deployment.
    events = rules("Pakistan began deporting Afghans on Wednesday.\n\nA Pakistani soldier checks "
                   "the documents of Afghan returnees at the Torkham border on Thursday. (EPA)"
                   "\n\nOfficials met later.", published="2023-11-03")
    row = events[events["flags"].str.contains("caption")].iloc[0]
    assert row["category"] == "border_crossing" and row["event_date"] == "2023-11-02"
    # Border police are moved like troops.
    assert "military_deployment" in set(rules(
        "Panama began moving hundreds of extra border police towards the Colombian border on "
        "Thursday.", published="2023-10-06")["category"])


def test_a_crossing_closed_is_the_place_of_its_closure():
    # Not the town on the highway where the trucks were left.
    row = only(rules("Iran closed the Dogharoun-Islam Qala crossing to commercial traffic on "
                     "Wednesday, leaving hundreds of fuel tankers stranded on the highway to "
                     "Herat.", published="2024-11-06"), "border_crossing")
    assert row["location"] == "Dogharoun-Islam Qala"
    # A crossing the gazetteer lacks, named by its two towns, sits at the one it knows.
    row = only(rules("Romanian border police suspended ferry traffic at the Isaccea-Orlivka "
                     "crossing on Wednesday.", published="2023-09-14"), "border_crossing")
    assert row["location"] == "Isaccea-Orlivka"
    assert abs(row["latitude"] - 45.27) < 0.1 and abs(row["longitude"] - 28.46) < 0.1


def test_aid_is_placed_where_it_is_taken_not_at_a_later_scene():
    events = rules("Iran's Red Crescent Society said it had flown relief supplies from Mashhad "
                   "to Herat on Sunday, and rescue teams had crossed into Afghanistan at the "
                   "Islam Qala border post.", published="2023-10-09")
    assert only(events, "humanitarian")["location"] == "Herat"
    # Taken "into Afghanistan at Islam Qala": the country is no closer than the crossing.
    events = rules("An Iranian convoy of 20 trucks carrying tents and food crossed into "
                   "Afghanistan at Islam Qala on Sunday.", published="2023-10-09")
    assert set(events["location"]) <= {"Islam Qala", "Eslam Qaleh"}


def test_name_patterns_in_triggers_need_capitals():
    # Trigger patterns match case-insensitively; where they ask for a name, only a
    # capitalised word is one ("crossing on the Thai frontier" crosses nothing).
    assert rules("The loss of Myawaddy would leave the military without control of any "
                 "major crossing on the Thai frontier, analysts said.",
                 published="2024-04-12").empty
    assert set(rules("Refugees crossing the Friendship Bridge reached Termez on Monday.",
                     published="2024-04-12")["category"]) == {"border_crossing"}
    assert "political" not in set(rules("Traders said their takings fell to almost nothing "
                                        "on Monday.", published="2024-04-12")["category"])
    assert "armed_clash" in set(rules("Kunduz fell on Sunday after a week of fighting.",
                                      published="2021-08-10")["category"])


def test_a_speaker_reporting_his_own_order_makes_a_statement():
    # "that he had instructed the army": the president's own act, not a fact he sources.
    assert set(rules("President Joseph Aoun told reporters on Monday that he had instructed "
                     "the army to respond to the sources of fire from Syria.",
                     published="2025-03-18")["category"]) == {"diplomacy"}
    # "that 50 servicemen had died" still only sources a fact.
    assert rules("The ministry said that 50 servicemen had died.",
                 published="2025-03-18").empty


def test_what_follows_an_event_by_days_or_hours_takes_its_date():
    events = rules("Most of the new arrivals fled Khartoum in the days after fighting erupted "
                   "there on April 15.", published="2023-05-16")
    fled = only(events, "humanitarian")
    assert (fled["event_date"], fled["time_precision"]) == ("2023-04-15", "week")
    # The fighting, stated and dated in its own clause, is an event too.
    assert only(events, "armed_clash")["event_date"] == "2023-04-15"
    row = only(rules("Hours after the attack on Monday, Prime Minister Mohammed Shia al-Sudani "
                     "chaired a meeting of the security council in Baghdad.",
                     published="2022-11-17"), "meeting")
    assert (row["event_date"], row["time_precision"]) == ("2022-11-14", "day")


def test_a_participle_describing_a_noun_is_no_event():
    events = rules("Envoys discussed the proposed railway from Termez to Kabul on Thursday.",
                   published="2022-07-28")
    assert not (events["trigger"] == "proposed").any()


def test_words_told_to_a_meeting_are_said_where_it_sits():
    events = rules("Envoys from Russia and China met in Termez on Thursday.\n\nForeign "
                   "Minister Wang Yi told the conference that China opposed sanctions against "
                   "Afghanistan.", published="2022-07-28")
    told = events[events["trigger"] == "told"].iloc[0]
    assert told["location"] == "Termez" and "place_inferred" in told["flags"]


def test_a_border_named_with_adjectives_or_as_a_frontier():
    events = rules("Peru's government declared a state of emergency along its entire northern "
                   "border with Ecuador on Tuesday, and President Dina Boluarte ordered police "
                   "and armed forces to the frontier.", published="2024-01-10")
    for category in ("political", "military_deployment"):
        assert only(events, category)["location"] == "Peru–Ecuador border"


def test_a_parliament_meets_in_the_capital():
    row = only(rules("QUITO, Ecuador - Ecuador closed its borders on Tuesday.\n\nThe National "
                     "Assembly met in an emergency session on Tuesday night.",
                     published="2024-01-10"), "meeting")
    assert row["location"] == "Quito" and "place_assumed" in row["flags"]


def test_people_taken_somewhere_are_not_a_capture():
    events = rules("Several hundred staff were then taken on to Kigali by road on Saturday.",
                   published="2025-01-30")
    assert "political" not in set(events["category"])


def test_ordered_departures_and_emptied_towns_are_evacuations():
    row = only(rules("The U.S. State Department on Friday ordered non-emergency staff and family "
                     "members at its embassy in Beirut to leave Lebanon.",
                     published="2023-10-20"), "evacuation")
    assert row["location"] == "Beirut"
    row = only(rules("Hezbollah fired at an Israeli army post near Metula in northern Israel "
                     "on Friday.\n\nMetula, a village of about 1,700 people surrounded by "
                     "Lebanon on three sides, was emptied earlier this week.",
                     published="2023-10-20"), "evacuation")
    assert row["location"] == "Metula" and row["time_precision"] == "week"


def test_a_walk_out_is_a_protest_and_a_debate_on_a_clash_is_none():
    events = rules("In New Delhi, opposition lawmakers walked out of parliament several times "
                   "last week after the government refused to allow a debate on the clash.",
                   published="2022-12-21")
    assert list(events["category"]) == ["political"]
    assert events["location"].iloc[0] == "New Delhi"


def test_words_to_parliament_are_said_in_the_capital():
    events = rules("India and China agreed to keep talking.\n\nIndian Defence Minister Rajnath "
                   "Singh told parliament on Dec. 13 that troops had prevented the "
                   "transgression.", published="2022-12-21")
    row = events[events["trigger"] == "told"].iloc[0]
    assert row["location"] == "New Delhi" and "place_assumed" in row["flags"]


def test_the_crossing_far_from_the_last_named_is_the_story_s_crossing():
    events = rules("HERAT, Afghanistan - Buses arrive at the Islam Qala crossing before sunrise."
                   "\n\nOn Monday, 31,000 Afghans crossed back from Iran at Islam Qala. Another "
                   "6,000 returned through the Milak crossing into Nimroz.\n\nMany had lived in "
                   "Iran for years, and some had never seen Afghanistan, aid workers in Herat "
                   "said, describing families who arrived with nothing but plastic bags and "
                   "children who had never set foot in the country, after years of work on "
                   "building sites in Isfahan and Shiraz.\n\nThe "
                   "World Food Programme distributed biscuits to 9,000 families at the crossing "
                   "on Monday.", published="2025-07-08")
    assert only(events, "humanitarian")["location"] == "Islam Qala crossing"


def test_there_is_the_last_place_named():
    events = rules("Thousands of deportees crossed at Torkham on Monday.\n\nThe World Food "
                   "Programme distributed food to 40,000 returnees there on Tuesday.",
                   published="2023-11-08")
    assert only(events, "humanitarian")["location"] == "Torkham"


def test_a_leader_removed_is_a_takeover():
    row = only(rules("Traoré's faction announced on state television late on Friday that it had "
                     "removed Lieutenant Colonel Paul-Henri Damiba in Ouagadougou.",
                     published="2022-10-04"), "political")
    assert row["event_date"] == "2022-09-30"


def test_a_river_crossed_is_placed_at_the_town_named_before_it():
    for verb in ("crossed", "waded across"):
        row = only(rules("The small Texas border city of Eagle Pass has been at the heart of "
                         f"the surge.\n\nOn Monday, about 2,000 migrants {verb} the Rio Grande.",
                         published="2023-12-27"), "border_crossing")
        assert row["location"] == "Eagle Pass"
    # Only a river: crossing a street is no border crossing.
    assert rules("Police crossed the Main Street on Monday.").empty


def test_a_cross_border_trade_taken_is_no_capture_and_a_future_oath_is_planned():
    events = rules("Ukrainian firms have since taken a large share of the cross-border trade.",
                   published="2023-11-28")
    assert events.empty
    events = rules("Few expect a deal before the new government is sworn in.",
                   published="2023-11-28")
    assert events["planned"].all()


def test_a_leader_s_country_comes_from_his_own_sentence():
    events = rules("The figures came from the Syrian Observatory, a Britain-based war monitor.\n\n"
                   "President Tayyip Erdogan told lawmakers from his ruling AK Party in Ankara on "
                   "Tuesday that the air strikes were only the beginning.", published="2022-11-23")
    assert events[events["trigger"] == "told"].iloc[0]["location"] == "Ankara"


def test_diplomats_expelled_and_things_taken_or_captured_on_video():
    events = rules("After India revoked the special status of Jammu and Kashmir in August 2019, "
                   "Pakistan expelled India's high commissioner.", published="2021-11-21")
    row = only(events, "diplomacy")
    assert (row["event_date"], row["time_precision"]) == ("2019-08-01", "month")
    assert "border_crossing" not in set(events["category"])
    assert rules("Pilgrims had taken the shuttle to the shrine in Kartarpur on Wednesday.",
                 published="2021-11-21").empty
    assert "armed_clash" not in set(rules(
        "At Kartarpur on Saturday, Sidhu greeted an official in an exchange that was captured "
        "on video.", published="2021-11-21")["category"])


def test_a_headline_ending_in_an_attribution_stays_apart_from_the_dateline():
    text = ("Turkish drones hit Kurdish-held northeast Syria for fourth day, SDF says\n\n"
            "QAMISHLI, Syria, Nov 23 (Reuters) - Turkish drones struck targets near Qamishli "
            "on Wednesday.")
    events = events_from_text(text, published="2022-11-23", learned=False)
    # One event, from the dateline's sentence: the headline is not glued to it.
    assert list(events["quote"]) == [text.split("\n\n")[1]]


def test_a_dateline_of_two_cities_starts_its_own_sentence():
    text = ("China pulls citizens out of Myanmar's Laukkai as rebel offensive closes in\n\n"
            "BEIJING/BANGKOK, Nov 28 (Reuters) - Hundreds of Chinese nationals were evacuated "
            "from the town of Laukkai on Monday.")
    row = only(events_from_text(text, published="2023-11-28", learned=False), "evacuation")
    assert row["quote"] == text.split("\n\n")[1]
    assert row["event_date"] == "2023-11-27"  # "on Monday", not the dateline's day


def test_a_time_given_in_another_zone_dates_nothing():
    events = rules("Pakistani planes bombed homes in Khost at around 3 a.m. (2230 GMT on "
                   "Sunday).", published="2024-03-18")
    assert only(events, "armed_clash")["event_date"] != "2024-03-17"


def test_a_clause_inherits_the_time_of_the_clause_it_hangs_from():
    row = only(rules("Saturday's assault on the post at Mir Ali, in which a suicide bomber rammed "
                     "a truck into the compound before gunmen stormed it, killed seven soldiers.",
                     published="2024-03-18"), "armed_clash")
    assert row["event_date"] == "2024-03-16"


def test_crossings_reopened_and_people_who_had_crossed():
    events = rules("The Yayladağı border gate in Hatay province reopened at 8 a.m. on Thursday "
                   "for Syrians returning home.\n\nBy mid-morning about 450 people had crossed, "
                   "many pushing handcarts.", published="2024-12-19")
    assert list(events["category"]) == ["border_crossing", "border_crossing"]
    assert list(events["location"]) == ["Yayladağı", "Yayladağı"]
    assert "place_inferred" in events["flags"].iloc[1]
    # "the bridges" are the ones named before, in their town.
    events = rules("On Monday, officials closed the international rail bridges in Eagle Pass."
                   "\n\nThe bridges reopened on Saturday morning, officials said.",
                   published="2023-12-27")
    reopened = events[events["trigger"] == "bridges reopened"].iloc[0]
    assert reopened["location"] == "Eagle Pass"


def test_returnees_home_are_a_crossing():
    events = rules("More than 230,000 Afghans have returned home, the agency said on Monday.",
                   published="2023-11-07")
    assert "border_crossing" in set(events["category"])


def test_the_date_of_a_saying_does_not_date_what_it_reports():
    row = only(rules("The World Food Programme said on Monday it had delivered 2,400 tonnes of "
                     "wheat flour from Termez to Hairatan in September.", published="2024-10-08"),
               "humanitarian")
    assert (row["event_date"], row["time_precision"]) == ("2024-09-01", "month")


def test_a_place_a_country_owns_is_the_place_not_the_country():
    row = only(rules("A Houthi projectile killed two people in Saudi Arabia's Jizan province on "
                     "Thursday.", published="2022-01-21"), "armed_clash")
    assert (row["location"], row["geo_precision"]) == ("Jizan", "province")
    row = only(rules("Ugandan special forces have deployed to South Sudan's capital Juba, the army "
                     "said on Tuesday.", published="2025-03-12"), "military_deployment")
    assert row["location"] == "Juba" and not row["flags"]
    # A possessor that is itself the subject passes on no role: Batken is what the
    # fighting centred on, still placed there.
    row = only(rules("Fighting that erupted on Sept. 14 along the border, centred on "
                     "Kyrgyzstan's Batken region, killed 100 people.", published="2022-10-22"),
               "armed_clash")
    assert row["location"] == "Batken"


def test_words_spoken_on_a_visit_or_at_headquarters_are_placed_there():
    row = only(rules("US Secretary of State Antony Blinken thanked Qatar during a visit to Doha "
                     "last week.", published="2021-09-14"), "diplomacy")
    assert row["location"] == "Doha"
    row = only(rules("Nato Secretary General Jens Stoltenberg speaks to the media at the "
                     "alliance's headquarters in Brussels on Wednesday.", published="2022-11-16"),
               "diplomacy")
    assert row["location"] == "Brussels"


def test_the_sides_of_a_meeting_speak_where_it_was_held():
    events = rules("Trade talks\n\nUzbek and Afghan delegations met in Termez on Friday to "
                   "discuss trade.\n\nThe two sides signed 18 agreements on Friday, officials said.",
                   published="2023-05-22")
    signed = _by_trigger(events, "signed")
    assert signed["location"] == "Termez" and "place_inferred" in signed["flags"]
    # A named outsider speaking is not at the meeting; nor is a post on X.
    events = rules("Trade talks\n\nUzbek and Afghan delegations met in Termez on Friday to "
                   "discuss trade.\n\nKremlin spokesman Dmitry Peskov said on Friday that Moscow welcomed the deal. "
                   "He wrote on X on Saturday that the talks were useful.", published="2023-05-22")
    assert _by_trigger(events, "said")["location"] == ""
    assert _by_trigger(events, "wrote")["location"] == ""
