"""The learned sentence model: training, evidence, files, and its use by the extractor."""

import pytest

from geomap import settings
from geomap.exceptions import GeomapError
from geomap.extract import events_from_text
from geomap.sentencemodel import (
    ADD_FROM,
    SentenceModel,
    examples_from_tables,
    features,
    load_model,
    save_model,
    train_model,
)

_EXAMPLES = [
    ("Artillery shelled the village on Monday.", {"armed_clash"}),
    ("Rebels shelled the town overnight.", {"armed_clash"}),
    ("Guns shelled positions near the river.", {"armed_clash"}),
    ("Families fled to the camp on Monday.", {"humanitarian"}),
    ("Thousands fled to the camp overnight.", {"humanitarian"}),
    ("The river is wide here.", set()),
    ("The town is known for its apricots.", set()),
    ("The valley is quiet on Monday.", set()),
] * 3


@pytest.fixture(scope="module")
def toy():
    return train_model(_EXAMPLES, epochs=400)


def test_features_are_words_and_pairs_with_one_number_feature():
    assert features("20,000 troops") == features("300 troops") == {
        "<num>", "troops", "<num>_troops"}


def test_training_learns_which_words_state_which_category(toy):
    shelled = toy.probabilities("Artillery shelled the road.")
    assert shelled["armed_clash"] > 0.5 > shelled["humanitarian"]
    quiet = toy.probabilities("The river is quiet.")
    assert quiet["armed_clash"] < toy.prior("armed_clash")


def test_evidence_is_the_content_word_that_weighs_most(toy):
    text = "On Monday rebels shelled the town."
    start, end = toy.evidence(text, "armed_clash")
    assert text[start:end] == "shelled"
    assert toy.evidence("Apricots grow well.", "humanitarian") is None  # no known word
    # A word of a name ("the Camp Authority") is passed over for a word of the text.
    text = "The Camp Authority said people fled."
    start, end = toy.evidence(text, "humanitarian")
    assert text[start:end] == "fled"


def test_a_saved_model_reads_back_the_same(toy, tmp_path):
    path = tmp_path / "model.json"
    save_model(toy, path)
    again = load_model(path)
    text = "Families fled the shelled town."
    assert again.probabilities(text) == pytest.approx(toy.probabilities(text), abs=1e-3)


def test_a_broken_model_file_is_named_in_the_error(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(GeomapError, match="broken.json"):
        load_model(path)


def test_examples_come_from_annotated_sentences_and_skip_headlines():
    examples = examples_from_tables([(settings.seed_article, settings.seed_events)])
    labelled = [labels for _, labels in examples if labels]
    assert len(labelled) >= 10
    assert {"military_deployment", "evacuation"} <= set().union(*labelled)
    assert any(not labels for _, labels in examples)  # background sentences stay, as negatives
    headline = settings.seed_article.read_text(encoding="utf-8").splitlines()[0]
    assert all(sentence != headline for sentence, _ in examples)


def test_the_shipped_model_adds_an_event_the_rules_have_no_words_for():
    text = "Thousands of families in Herat spent the night in parks and streets on Saturday."
    assert events_from_text(text, published="2024-03-11", learned=False).empty
    events = events_from_text(text, published="2024-03-11")
    assert events["category"].tolist() == ["humanitarian"]
    row = events.iloc[0]
    assert "category_learned" in row["flags"]
    assert (row["location"], row["event_date"]) == ("Herat", "2024-03-09")
    assert isinstance(load_model(), SentenceModel)
    assert load_model().probabilities(text)["humanitarian"] >= ADD_FROM


def test_the_shipped_model_drops_a_rule_event_its_words_argue_against():
    text = ("Turkey has trained thousands of Somali soldiers and is helping to rebuild the "
            "country's navy under a defence agreement signed last year.")
    rules = events_from_text(text, published="2024-03-11", learned=False)
    assert "military_exercise" in set(rules["category"])  # "trained ... soldiers": drills?
    assert "military_exercise" not in set(events_from_text(text, published="2024-03-11")[
        "category"])


def test_the_model_adds_nothing_for_purposes_or_set_aside_statements():
    text = ("Chad deployed 1,500 soldiers to its border with Sudan last week to stop armed "
            "groups from crossing, a government spokesman said.")
    assert "border_crossing" not in set(events_from_text(text, published="2023-06-16")[
        "category"])
    # The rules set this saying aside (no occasion of its own); the model adds nothing back.
    assert events_from_text("The ministry said that 50 servicemen had died.",
                            published="2024-03-11").empty


def test_a_caption_the_rules_cannot_read_shows_its_likeliest_category():
    # Captions speak in the present tense ("Residents sift through the rubble"), which the
    # trigger rules do not read; the model names what the photo shows.
    text = ("News\n\nAn earthquake struck Herat province on Saturday.\n\nResidents sift through "
            "the rubble of their homes in Zindajan district on Sunday. (AFP)\n\nOfficials "
            "met later.")
    learned = events_from_text(text, published="2023-10-09")
    caption = learned[learned["flags"].str.contains("caption")]
    assert list(caption["category"]) == ["humanitarian"]
    assert "category_learned" in caption.iloc[0]["flags"]
    assert caption.iloc[0]["event_date"] == "2023-10-08"
    rules = events_from_text(text, published="2023-10-09", learned=False)
    assert not rules["flags"].str.contains("caption").any()


def test_the_extractor_consults_a_model_it_is_given():
    # A word no rule knows, learned as an attack: the given model adds the event.
    zapped = [("Gunmen zapped the post on Monday.", {"armed_clash"}),
              ("Rebels zapped a checkpoint overnight.", {"armed_clash"})] * 3
    model = train_model(_EXAMPLES + zapped, epochs=400)
    text = "News\n\nMilitants zapped the ridge on Monday."
    assert events_from_text(text, published="2024-03-11", learned=False).empty
    row = events_from_text(text, published="2024-03-11", model=model).iloc[0]
    assert row["category"] == "armed_clash" and row["trigger"] == "zapped"
    assert "category_learned" in row["flags"]
