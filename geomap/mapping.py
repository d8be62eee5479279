"""Assemble a map from an events table: base map, geomap's layers and a layer control.

:func:`map_from_events` is the one place where layers are put together; the
command line, the export and the dashboard all call it.
"""

from __future__ import annotations

import math

import folium
import pandas as pd

from geomap import _assets
from geomap.layers import (
    borders_layer,
    countries_layer,
    crossings_layer,
    events_layer,
    movements_layer,
    rivers_layer,
)
from geomap.layers.events import EventControls
from geomap.schema import conform_events

# The region shown when no event has a place: Afghanistan and its neighbours.
REGION_BOUNDS = ((29.0, 60.0), (39.5, 75.5))
BASE_ATTRIBUTION = (
    "Places: GeoNames (CC BY 4.0), mledoze/countries (ODbL)",
    "Borders and rivers: Natural Earth",
)


class GeomapMap(folium.Map):
    """A folium map that links only the assets geomap needs (Leaflet and geomap.js).

    folium's default page also loads jQuery, Bootstrap and Font Awesome from
    CDNs; geomap's layers need none of them, and fewer assets keep the
    self-contained export small.
    """

    default_js = _assets.JS_ASSETS
    default_css = _assets.CSS_ASSETS


def map_from_events(
    events: pd.DataFrame,
    *,
    title: str | None = None,
    tiles: str | None = "OpenStreetMap",
    crossings: bool = True,
    borders: bool = True,
    rivers: bool = True,
    instance_name: str = "map",
) -> GeomapMap:
    """Return a folium map of ``events`` with geomap's layers.

    Parameters
    ----------
    events : pandas.DataFrame
        Events table (CONTRACTS columns; missing ones are added empty).
    title : str, optional
        Page title.
    tiles : str or None, optional
        folium tile set; None draws no tiles (borders and rivers still show).
    crossings, borders, rivers : bool, optional
        Include the border crossings, country outlines and borders, rivers.
    instance_name : str, optional
        Key of the map in the page's ``geomap.instances`` registry.

    Returns
    -------
    GeomapMap
    """
    df = conform_events(events)
    m = GeomapMap(tiles=tiles, prefer_canvas=True, control_scale=True, zoom_start=5)
    if title:
        m.get_root().title = title
    if borders:
        countries_layer().add_to(m)
        borders_layer().add_to(m)
    if rivers:
        rivers_layer().add_to(m)
    if crossings:
        crossings_layer().add_to(m)
    movements_layer(df).add_to(m)
    layer = events_layer(df, attribution=_attribution(df)).add_to(m)
    folium.LayerControl(collapsed=True).add_to(m)
    EventControls(layer, instance_name=instance_name).add_to(m)
    m.fit_bounds(event_bounds(df))
    return m


def _attribution(df: pd.DataFrame) -> list[str]:
    sources = sorted({s for s in df["source"] if s})
    shown = sources[:3] + (["\u2026"] if len(sources) > 3 else [])
    return list(BASE_ATTRIBUTION) + ([f"Events: {', '.join(shown)}"] if shown else [])


def event_bounds(events: pd.DataFrame) -> list[list[float]]:
    """Return ``[[south, west], [north, east]]`` around every placed point of ``events``.

    Origins and destinations count, so arrows stay in view. With no placed
    event, the region around Afghanistan is returned.

    Parameters
    ----------
    events : pandas.DataFrame

    Returns
    -------
    list
        Bounds in (lat, lon) order, padded by a little so points are not on the edge.
    """
    lats, lons = [], []
    for prefix in ("", "origin_", "destination_"):
        lats.append(events[f"{prefix}latitude"])
        lons.append(events[f"{prefix}longitude"])
    lat = pd.concat(lats).dropna()
    lon = pd.concat(lons).dropna()
    if lat.empty or lon.empty:
        (s, w), (n, e) = REGION_BOUNDS
        return [[s, w], [n, e]]
    pad = max(0.2, 0.05 * max(lat.max() - lat.min(), lon.max() - lon.min()))
    s, n = max(-85.0, lat.min() - pad), min(85.0, lat.max() + pad)
    w, e = max(-180.0, lon.min() - pad), min(180.0, lon.max() + pad)
    return [[_r(s), _r(w)], [_r(n), _r(e)]]


def _r(value: float) -> float:
    return round(float(value), 4) if math.isfinite(value) else 0.0
