"""geomap: news reporting about a regional situation, as a map an analyst can trust.

The public API, importable from ``geomap`` directly::

    events = geomap.load_events("acled.csv").events      # or events_from_text(...)
    geomap.save_html(geomap.map_from_events(events), "map.html")

Names are loaded on first use, so ``import geomap`` (and the command line) stays fast.
"""

from __future__ import annotations

import importlib
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("geomap")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0"

_EXPORTS = {
    "events_from_text": "geomap.extract",
    "events_from_article": "geomap.extract",
    "events_from_articles": "geomap.extract",
    "load_article": "geomap.articles",
    "article_from_text": "geomap.articles",
    "geoparse": "geomap.geoparse",
    "load_gazetteer": "geomap.gazetteer",
    "GazetteerGeocoder": "geomap.geocoding",
    "geocoder_chain": "geomap.geocoding",
    "load_events": "geomap.formats",
    "save_events": "geomap.formats",
    "filter_events": "geomap.filters",
    "map_from_events": "geomap.mapping",
    "render_html": "geomap.export",
    "save_html": "geomap.export",
    "save_png": "geomap.export",
    "validate_events": "geomap.schema",
    "EVENT_COLUMNS": "geomap.schema",
    "CATEGORIES": "geomap.schema",
}
__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    msg = f"module 'geomap' has no attribute {name!r}"
    raise AttributeError(msg)
