from geomap.layers import (
    borders_layer,
    countries_layer,
    crossings_layer,
    events_layer,
    movements_layer,
    rivers_layer,
)
from geomap.layers.crossings import load_crossings
from geomap.layers.movements import movement_rows


def test_events_layer_carries_every_event(seed_events):
    layer = events_layer(seed_events, name="Seed")
    assert layer.count == len(seed_events) and layer.layer_name == "Seed"
    assert "Putin" in layer.payload


def test_movements_need_both_ends(seed_events):
    rows = movement_rows(seed_events)
    # Troops to the border and people fleeing across it; the airlift has no destination.
    assert set(rows["category"]) == {"military_deployment", "border_crossing"}
    assert movements_layer(seed_events).count == 2


def test_crossings_keep_their_sources():
    rows = load_crossings()
    names = " ".join(r["name"] for r in rows)
    assert "Panji Poyon" in names and "Torkham" in names
    panji = next(r for r in rows if r["id"] == "TJ-1")
    assert abs(panji["lat"] - 37.19443) < 1e-6 and "GeoNames" in panji["coord_source"]
    approx = [r for r in rows if r["coord_source"].startswith("approximate")]
    assert approx, "proxy points are marked approximate"
    assert crossings_layer().count == len(rows)


def test_boundary_layers_load_shipped_geojson():
    assert len(countries_layer().data["features"]) == 7
    assert len(borders_layer().data["features"]) == 6
    assert any("Panj" in (f["properties"].get("name") or "") for f in rivers_layer().data["features"])
