"""Module-level settings: where data lives and how the online fallback behaves.

Settings
--------
geodata_folder : pathlib.Path
    Folder of the shipped data (boundaries, gazetteer supplements, curated
    features, the seed article and its events table). Default: ``geodata/``
    beside the package, overridden by the ``GEOMAP_GEODATA`` environment variable.
data_folder : pathlib.Path
    Folder for what users create: place corrections, the gazetteer index
    cache, the online geocoding cache, added articles. Default:
    ``$GEOMAP_DATA_DIR``, else ``$XDG_DATA_HOME/geomap``, else
    ``~/.local/share/geomap``. Never inside the package.
seed_article : pathlib.Path
    The embedded default article (2021-08-25, Russia and China on Afghanistan).
seed_events : pathlib.Path
    The hand-checked events table for the seed article.
seed_published : str
    Publication date of the seed article, ``"2021-08-25"``.
geocoder_timeout : float
    Seconds an online geocoder may take per request. Default 10.
geocoder_min_delay : float
    Minimum seconds between online geocoder requests (Nominatim's usage policy
    asks for at most one per second). Default 1.
user_agent : str
    User agent sent to online geocoders.
max_article_bytes : int
    Largest article geomap reads, in bytes. Default 1 MB: about 150,000 words,
    far beyond any news report; larger inputs are refused with a clear message
    rather than tying up the extractor.
"""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _default_geodata() -> Path:
    env = os.environ.get("GEOMAP_GEODATA")
    return Path(env) if env else _PACKAGE_DIR.parent / "geodata"


def _default_data_folder() -> Path:
    env = os.environ.get("GEOMAP_DATA_DIR")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg) if xdg else Path.home() / ".local" / "share"
    return base / "geomap"


geodata_folder: Path = _default_geodata()
data_folder: Path = _default_data_folder()
seed_article: Path = geodata_folder / "articles" / "article-2021-08-25-putin-xi-afghanistan.txt"
seed_events: Path = geodata_folder / "articles" / "article-2021-08-25-putin-xi-afghanistan.events.csv"
seed_published: str = "2021-08-25"
geocoder_timeout: float = 10.0
geocoder_min_delay: float = 1.0
user_agent: str = "geomap/0.1 (offline-first news mapping)"
max_article_bytes: int = 1_000_000


def user_data_folder() -> Path:
    """Return the user data folder, creating it if needed.

    Returns
    -------
    pathlib.Path
        ``data_folder``, read at call time so tests can point it elsewhere.
    """
    folder = Path(os.environ.get("GEOMAP_DATA_DIR") or data_folder)
    folder.mkdir(parents=True, exist_ok=True)
    return folder
