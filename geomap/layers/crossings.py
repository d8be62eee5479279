"""The border-crossings layer: Afghanistan's land crossings from ``geodata/crossings.csv``.

Each crossing keeps the source of its coordinates and its status in August
2021, shown in its popup, so an analyst can judge how far to trust the point.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

import pandas as pd
from folium.map import Layer
from jinja2 import Template

from geomap import settings
from geomap.layers._payload import js_literal

log = logging.getLogger(__name__)


class CrossingsLayer(Layer):
    """Folium layer of border crossings drawn by ``geomap.crossingsLayer``."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = geomap.crossingsLayer({{ this.payload }});
        {% endmacro %}
        """
    )

    def __init__(self, rows: list[dict], *, name: str = "Border crossings") -> None:
        super().__init__(name=name, overlay=True, control=True, show=True)
        self._name = "CrossingsLayer"
        self.count = len(rows)
        self.payload = js_literal(rows)


@lru_cache(maxsize=4)
def load_crossings(path: Path | None = None) -> tuple[dict, ...]:
    """Return the shipped border crossings as popup-ready records.

    Parameters
    ----------
    path : pathlib.Path, optional
        A crossings CSV with the columns of ``geodata/crossings.csv``;
        default the shipped file.

    Returns
    -------
    tuple of dict
        ``name, between, type, status, coord_source, lat, lon`` per crossing.
    """
    df = pd.read_csv(path or settings.geodata_folder / "crossings.csv", dtype=str).fillna("")
    records = []
    for _, row in df.iterrows():
        point = _point(row)
        if point is None:
            # Visible in the log rather than drawn at an invented place.
            log.info("Border crossing %r has no coordinates; not drawn", row["name"])
            continue
        records.append({
            "id": row["id"],
            "name": row["name"],
            "between": f"{row['country_a']} \u2013 {row['neighbour']}",
            "type": row["type"],
            "status": row["status_aug_2021"],
            "coord_source": point[2],
            "lat": point[0],
            "lon": point[1],
        })
    return tuple(records)


def _point(row: pd.Series) -> tuple[float, float, str] | None:
    if row["lat"] and row["lon"]:
        return float(row["lat"]), float(row["lon"]), row["coord_source"]
    if row["proxy_lat"] and row["proxy_lon"]:
        note = f"approximate: {row['proxy_source'] or 'proxy point'}"
        return float(row["proxy_lat"]), float(row["proxy_lon"]), note
    return None


def crossings_layer(*, path: Path | None = None, name: str = "Border crossings") -> CrossingsLayer:
    """Return the layer of border crossings.

    Parameters
    ----------
    path : pathlib.Path, optional
        Crossings CSV; default the shipped ``geodata/crossings.csv``.
    name : str, optional
        Name in the layer control.

    Returns
    -------
    CrossingsLayer
    """
    return CrossingsLayer(list(load_crossings(path)), name=name)
