"""The movements layer: troops, people and airlifts as arrows from origin to destination.

Only events with both an origin and a destination point are drawn as arrows;
a movement with one known end (an airlift "out of" an airport) stays a point
in the events layer. Planned movements are dashed.
"""

from __future__ import annotations

import pandas as pd
from folium.map import Layer
from jinja2 import Template

from geomap.layers._payload import event_columns, js_literal
from geomap.schema import conform_events


class MovementsLayer(Layer):
    """Folium layer of movement arrows drawn by ``geomap.movementsLayer``."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = geomap.movementsLayer({{ this.payload }});
        {% endmacro %}
        """
    )

    def __init__(self, events: pd.DataFrame, *, name: str = "Movements") -> None:
        super().__init__(name=name, overlay=True, control=True, show=True)
        self._name = "MovementsLayer"
        self.count = len(events)
        self.payload = js_literal(event_columns(events, movements=True))


def movement_rows(events: pd.DataFrame) -> pd.DataFrame:
    """Return the events that have both an origin and a destination point.

    Parameters
    ----------
    events : pandas.DataFrame

    Returns
    -------
    pandas.DataFrame
    """
    df = conform_events(events)
    ends = ["origin_latitude", "origin_longitude", "destination_latitude", "destination_longitude"]
    return df[df[ends].notna().all(axis=1)]


def movements_layer(events: pd.DataFrame, *, name: str = "Movements") -> MovementsLayer:
    """Return the layer of arrows for the movements among ``events``.

    Parameters
    ----------
    events : pandas.DataFrame
        Events table; rows without both ends are left to the events layer.
    name : str, optional
        Name in the layer control.

    Returns
    -------
    MovementsLayer
    """
    return MovementsLayer(movement_rows(events), name=name)
