import json

import pandas as pd
import pytest

from geomap.layers._payload import event_columns, js_literal


@pytest.mark.parametrize("text", ["</script><script>alert(1)</script>", "a & b", "<!--", "\u2028\u2029"])
def test_js_literal_cannot_break_out_of_a_script(text):
    out = js_literal({"q": text})
    for raw in ("<", ">", "&", "\u2028", "\u2029"):
        assert raw not in out
    assert json.loads(out) == {"q": text}


def test_js_literal_refuses_nan():
    with pytest.raises(ValueError):
        js_literal({"x": float("nan")})


def decode(payload, field):
    col = payload["text"][field]
    return [col["v"][i] for i in col["i"]]


def test_columns_round_trip(seed_events):
    payload = event_columns(seed_events)
    assert payload["n"] == len(seed_events)
    assert decode(payload, "quote") == seed_events["quote"].tolist()
    assert decode(payload, "event_id") == seed_events["event_id"].tolist()
    names = [payload["cats"][c]["name"] for c in payload["cat"]]
    assert names == seed_events["category"].tolist()
    placed = seed_events["latitude"].notna()
    assert [lat is None for lat in payload["lat"]] == (~placed).tolist()
    troops = seed_events.index[seed_events["category"] == "military_deployment"][0]
    assert decode(payload, "magnitude")[troops] == "20,000 troops"


def test_unknown_categories_get_their_own_entry():
    payload = event_columns(pd.DataFrame({"event_id": ["a"], "category": ["protest"]}))
    assert payload["cats"][payload["cat"][0]]["name"] == "protest"


def test_dictionary_encoding_shares_repeated_values(seed_events):
    payload = event_columns(seed_events)
    assert len(payload["text"]["source"]["v"]) == 1
