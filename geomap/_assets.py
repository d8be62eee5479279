"""Private: the scripts and stylesheets a geomap page needs, and how they are linked.

Maps name each asset by a URL. Leaflet has a real CDN URL (used by ``--cdn``
exports); geomap's own runtime uses a ``geomap-asset:`` placeholder because it
has no CDN. :func:`link_assets` rewrites a rendered page: every known asset is
inlined from the pinned copy shipped in ``geomap/static`` (the default, so the
file works offline), or, with ``cdn=True``, Leaflet keeps its CDN link and only
geomap's own files are inlined.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

STATIC = Path(__file__).resolve().parent / "static"
LEAFLET_DIR = STATIC / "vendor" / "leaflet-1.9.4"


@dataclass(frozen=True)
class Asset:
    """One script or stylesheet: the URL maps use, and the file shipped for it."""

    name: str
    url: str
    path: Path
    kind: str  # "js" or "css"

    @property
    def has_cdn(self) -> bool:
        """Whether ``url`` is a real CDN address rather than a placeholder."""
        return self.url.startswith("https://")


ASSETS: tuple[Asset, ...] = (
    Asset("leaflet", "https://cdn.jsdelivr.net/npm/leaflet@1.9.4/dist/leaflet.js",
          LEAFLET_DIR / "leaflet.js", "js"),
    Asset("geomap", "geomap-asset:geomap.js", STATIC / "geomap.js", "js"),
    Asset("leaflet_css", "https://cdn.jsdelivr.net/npm/leaflet@1.9.4/dist/leaflet.css",
          LEAFLET_DIR / "leaflet.css", "css"),
    Asset("geomap_css", "geomap-asset:geomap.css", STATIC / "geomap.css", "css"),
)

JS_ASSETS = [(a.name, a.url) for a in ASSETS if a.kind == "js"]
CSS_ASSETS = [(a.name, a.url) for a in ASSETS if a.kind == "css"]


@lru_cache(maxsize=None)
def asset_text(asset: Asset) -> str:
    """Return an asset's content, ready to inline.

    Stylesheet images are turned into data URIs, and ``</`` sequences in
    scripts are escaped so that no inlined file can close its own tag.
    """
    text = asset.path.read_text(encoding="utf-8")
    if asset.kind == "css":
        return re.sub(r"url\((images/[^)]+\.png)\)", _data_uri, text)
    return text.replace("</script", "<\\/script")


def _data_uri(match: re.Match) -> str:
    data = (LEAFLET_DIR / match.group(1)).read_bytes()
    return f"url(data:image/png;base64,{base64.b64encode(data).decode('ascii')})"


def link_assets(html: str, *, cdn: bool = False) -> str:
    """Inline (or, with ``cdn``, keep CDN links for) every known asset in a page.

    Parameters
    ----------
    html : str
        A rendered page whose assets are linked by the URLs in :data:`ASSETS`.
    cdn : bool, optional
        Keep CDN links where an asset has one.

    Returns
    -------
    str
        The page.
    """
    for asset in ASSETS:
        if cdn and asset.has_cdn:
            continue
        if asset.kind == "js":
            link = f'<script src="{asset.url}"></script>'
            inline = f"<script>{asset_text(asset)}</script>"
        else:
            link = f'<link rel="stylesheet" href="{asset.url}"/>'
            inline = f"<style>{asset_text(asset)}</style>"
        html = html.replace(link, inline)
    return html
