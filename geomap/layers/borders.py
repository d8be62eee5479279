"""Country outlines, Afghanistan's borders and rivers from ``geodata/boundaries``.

These Natural Earth layers keep the map readable without tiles (offline, or
printed): Afghanistan and its neighbours are filled and outlined, its land
borders drawn strongly, and the region's rivers (the Panj among them) in blue.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import folium

from geomap import settings


@lru_cache(maxsize=8)
def load_geojson(name: str) -> dict:
    """Return a shipped GeoJSON file from ``geodata/boundaries`` by file name.

    Parameters
    ----------
    name : str
        File name, e.g. ``"afghanistan_core_50m.geojson"``.

    Returns
    -------
    dict
    """
    path: Path = settings.geodata_folder / "boundaries" / name
    return json.loads(path.read_text(encoding="utf-8"))


def _country_style(feature: dict) -> dict:
    focus = feature["properties"].get("role") == "afghanistan"
    return {
        "color": "#555555",
        "weight": 1,
        "fillColor": "#f3e9d2" if focus else "#eeeeee",
        "fillOpacity": 0.55 if focus else 0.35,
    }


def countries_layer(*, name: str = "Countries") -> folium.GeoJson:
    """Return Afghanistan and its neighbours as filled outlines with name tooltips.

    Parameters
    ----------
    name : str, optional
        Name in the layer control.

    Returns
    -------
    folium.GeoJson
    """
    return folium.GeoJson(
        load_geojson("afghanistan_core_50m.geojson"),
        name=name,
        style_function=_country_style,
        tooltip=folium.GeoJsonTooltip(fields=["name"], labels=False),
        smooth_factor=1,
    )


def borders_layer(*, name: str = "Afghanistan's borders") -> folium.GeoJson:
    """Return Afghanistan's six land borders as lines.

    Parameters
    ----------
    name : str, optional
        Name in the layer control.

    Returns
    -------
    folium.GeoJson
    """
    return _lines("afghanistan_borders_50m.geojson", name=name, color="#7b3294", weight=2.5)


def rivers_layer(*, name: str = "Rivers") -> folium.GeoJson:
    """Return the region's rivers (Natural Earth 1:50m), the Panj among them.

    Parameters
    ----------
    name : str, optional
        Name in the layer control.

    Returns
    -------
    folium.GeoJson
    """
    return _lines("rivers_region_50m.geojson", name=name, color="#4a90c2", weight=1.5)


def _lines(file: str, *, name: str, color: str, weight: float) -> folium.GeoJson:
    style = {"color": color, "weight": weight, "opacity": 0.8}
    return folium.GeoJson(load_geojson(file), name=name, style_function=lambda _feature: style)
