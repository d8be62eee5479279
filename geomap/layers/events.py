"""The events layer: every placed event as a point on one canvas, coloured by category.

Events are sent to the browser once, as columns, and drawn by
``geomap.pointsLayer``; popups are built on click from the same columns. The
layer also wires the legend (which filters categories), the time window and
the list of events that have no place, so none is lost from view.
"""

from __future__ import annotations

import pandas as pd
from folium.map import Layer
from jinja2 import Template

from geomap.layers._payload import event_columns, js_literal


class EventsLayer(Layer):
    """Folium layer drawing an events table with ``geomap.js``.

    Parameters
    ----------
    events : pandas.DataFrame
        Events table (CONTRACTS columns).
    name : str, optional
        Name in the layer control.
    radius : int, optional
        Point radius in pixels.
    attribution : list of str, optional
        Plain-text attributions to add to the map (escaped in the browser).
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = geomap.pointsLayer(
                {{ this.payload }}, {{ this.options }}
            );
        {% endmacro %}
        """
    )

    def __init__(self, events: pd.DataFrame, *, name: str = "Events", radius: int = 5,
                 attribution: list[str] | None = None) -> None:
        super().__init__(name=name, overlay=True, control=True, show=True)
        self._name = "EventsLayer"
        self.count = len(events)
        self.payload = js_literal(event_columns(events))
        self.options = js_literal({"radius": radius})
        self.attribution = list(attribution or [])


class EventControls(Layer):
    """Legend, time window, unplaced-events list and attribution for an :class:`EventsLayer`.

    Rendered after the layer, so the controls can refer to it; not listed in
    the layer control.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            geomap.setup({{ this._parent.get_name() }}, {{ this.layer.get_name() }},
                {{ this.options }});
        {% endmacro %}
        """
    )

    def __init__(self, layer: EventsLayer, *, instance_name: str = "map") -> None:
        super().__init__(name=None, overlay=True, control=False, show=False)
        self._name = "EventControls"
        self.layer = layer
        self.options = js_literal({"name": instance_name, "attribution": layer.attribution})


def events_layer(events: pd.DataFrame, *, name: str = "Events", radius: int = 5,
                 attribution: list[str] | None = None) -> EventsLayer:
    """Return the layer that draws ``events`` as points coloured by category.

    Parameters
    ----------
    events : pandas.DataFrame
        Events table; rows without coordinates are listed beside the map.
    name : str, optional
        Name in the layer control.
    radius : int, optional
        Point radius in pixels.
    attribution : list of str, optional
        Plain-text attributions for the data shown.

    Returns
    -------
    EventsLayer
    """
    return EventsLayer(events, name=name, radius=radius, attribution=attribution)
