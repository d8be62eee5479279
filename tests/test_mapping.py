import pandas as pd

from geomap.mapping import REGION_BOUNDS, event_bounds, map_from_events
from geomap.schema import empty_events


def test_bounds_cover_points_and_movement_ends(seed_events):
    (s, w), (n, e) = event_bounds(seed_events)
    lats = pd.concat([seed_events[c] for c in ("latitude", "origin_latitude", "destination_latitude")]).dropna()
    assert s < lats.min() and n > lats.max()
    assert w < seed_events["longitude"].min() and e > seed_events["longitude"].max()


def test_bounds_without_places_show_the_region():
    (s, w), (n, e) = event_bounds(empty_events())
    assert ((s, w), (n, e)) == REGION_BOUNDS


def test_map_has_every_layer(seed_events):
    m = map_from_events(seed_events)
    names = {getattr(child, "layer_name", None) for child in m._children.values()}
    assert {"Events", "Movements", "Border crossings", "Countries", "Rivers"} <= names


def test_layers_can_be_left_out(seed_events):
    m = map_from_events(seed_events, crossings=False, borders=False, rivers=False, tiles=None)
    names = {getattr(child, "layer_name", None) for child in m._children.values()}
    assert "Border crossings" not in names and "Rivers" not in names
