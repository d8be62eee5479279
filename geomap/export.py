"""Write a map as one HTML file (self-contained by default) or as a PNG image.

:func:`render_html` turns a folium map into a page whose bytes depend only on
its input: element ids are numbered in tree order instead of folium's random
ones, and every script and stylesheet is inlined from the pinned copies in
``geomap/static`` (or, with ``cdn=True``, Leaflet is linked from its CDN).
Writes are atomic, so a failed export leaves no partial file.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path

import branca.element
import folium

from geomap import _assets
from geomap._io import atomic_write
from geomap.exceptions import ExportError

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome")

# Element ids are a class-level hook in branca; patching it must not interleave
# between threads (the dashboard renders maps for several sessions at once).
_RENDER_LOCK = threading.Lock()


@contextmanager
def _numbered_ids():
    counter = iter(range(10**9))
    original = branca.element.Element.__dict__["_generate_id"]
    branca.element.Element._generate_id = classmethod(lambda cls: f"{next(counter):06d}")
    try:
        yield counter
    finally:
        branca.element.Element._generate_id = original


def _renumber(root: branca.element.Element, counter) -> None:
    stack = [root]
    while stack:
        element = stack.pop(0)
        element._id = f"{next(counter):06d}"
        stack.extend(element._children.values())


def render_html(m: folium.Map, *, cdn: bool = False) -> str:
    """Return the map as one HTML page, byte-identical for the same input.

    Parameters
    ----------
    m : folium.Map
        Typically from :func:`geomap.mapping.map_from_events`.
    cdn : bool, optional
        Link Leaflet from its CDN instead of inlining it (smaller file, needs
        the network). geomap's own script and styles are always inlined.

    Returns
    -------
    str
        The page.
    """
    with _RENDER_LOCK, _numbered_ids() as counter:
        root = m.get_root()
        _renumber(root, counter)
        html = root.render()
    return _assets.link_assets(html, cdn=cdn)


def save_html(m: folium.Map, path: str | os.PathLike, *, cdn: bool = False) -> Path:
    """Write the map to ``path`` as one HTML file.

    Parameters
    ----------
    m : folium.Map
    path : str or os.PathLike
        Target file; written atomically.
    cdn : bool, optional
        See :func:`render_html`.

    Returns
    -------
    pathlib.Path

    Raises
    ------
    ExportError
        When the file cannot be written.
    """
    return atomic_write(path, render_html(m, cdn=cdn))


def find_chromium() -> str | None:
    """Return the path of an installed Chromium or Chrome, or None.

    Returns
    -------
    str or None
    """
    env = os.environ.get("GEOMAP_CHROMIUM")
    for candidate in ((env,) if env else ()) + CHROMIUM_CANDIDATES:
        found = shutil.which(candidate)
        if found:
            return found
    return None


def save_png(m: folium.Map, path: str | os.PathLike, *, width: int = 1400,
             height: int = 900, timeout: float = 60.0) -> Path:
    """Render the map to a PNG image through headless Chromium.

    Parameters
    ----------
    m : folium.Map
    path : str or os.PathLike
        Target PNG; written atomically.
    width, height : int, optional
        Image size in pixels.
    timeout : float, optional
        Seconds Chromium may take.

    Returns
    -------
    pathlib.Path

    Raises
    ------
    ExportError
        When no Chromium is installed or it fails.
    """
    browser = find_chromium()
    if browser is None:
        msg = (f"Cannot write {str(path)!r}: PNG export needs headless Chromium "
               "(install Debian's 'chromium' package or set GEOMAP_CHROMIUM)")
        raise ExportError(msg)
    with tempfile.TemporaryDirectory(prefix="geomap-png-") as tmp:
        page = Path(tmp) / "map.html"
        shot = Path(tmp) / "map.png"
        page.write_text(render_html(m), encoding="utf-8")
        _screenshot(browser, page, shot, width=width, height=height, timeout=timeout,
                    profile=Path(tmp) / "profile")
        if not shot.is_file():
            msg = f"Cannot write {str(path)!r}: Chromium produced no image"
            raise ExportError(msg)
        return atomic_write(path, shot.read_bytes())


def _screenshot(browser: str, page: Path, shot: Path, *, width: int, height: int,
                timeout: float, profile: Path) -> None:
    args = [
        browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
        "--disable-background-networking", "--disable-component-update", "--no-first-run",
        "--disable-sync", f"--user-data-dir={profile}", f"--window-size={width},{height}",
        "--virtual-time-budget=5000", f"--screenshot={shot}", page.as_uri(),
    ]
    try:
        subprocess.run(args, check=True, capture_output=True, timeout=timeout)
    except (subprocess.SubprocessError, OSError) as err:
        msg = f"Cannot write {str(shot.name)!r}: Chromium failed ({err})"
        raise ExportError(msg) from err
