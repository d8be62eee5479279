"""Map layers, one module per layer, each exposing one ``<what>_layer`` function.

Every layer is a folium :class:`~folium.map.Layer`, so it appears in the
map's layer control. Event-driven layers send their data once as compact
columns (see ``_payload``) and are drawn by ``geomap.js``.
"""

from geomap.layers.borders import borders_layer, countries_layer, rivers_layer
from geomap.layers.crossings import crossings_layer
from geomap.layers.events import EventsLayer, events_layer
from geomap.layers.movements import movements_layer

__all__ = [
    "EventsLayer",
    "borders_layer",
    "countries_layer",
    "crossings_layer",
    "events_layer",
    "movements_layer",
    "rivers_layer",
]
