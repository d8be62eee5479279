"""The dashboard's map: a Panel component that shows an exported map and filters it in place.

Panel's Folium pane re-sends the whole map on every change. :class:`MapView`
instead sends the self-contained page once (per change of the data) and then
only the row positions of the events to show, which ``geomap.js`` applies
without reloading; the vendored Leaflet inside the page keeps the dashboard
working with no network.
"""

from __future__ import annotations

from pathlib import Path

import param
from panel.custom import JSComponent


class MapView(JSComponent):
    """An exported geomap page, filtered and zoomed from Python.

    Parameters
    ----------
    html : str
        The page from :func:`geomap.export.render_html`.
    shown : list of int or None
        Row positions (in the mapped table) of the events to show; None shows all.
        (Not ``visible``: every Bokeh model already has a boolean of that name.)
    zoom : list of int
        Row positions to fit the view to (e.g. the selected table rows).
    """

    html = param.String(default="", doc="The exported map page.")
    shown = param.List(default=None, allow_None=True, item_type=int,
                         doc="Row positions of the events to show; None shows all.")
    zoom = param.List(default=[], item_type=int, doc="Row positions to fit the view to.")

    _esm = Path(__file__).parent / "static" / "mapview.js"
