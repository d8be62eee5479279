"""Shared pieces of the benchmarks: synthetic events and timing a page in headless Chromium.

Figures follow CONTRACTS.md "How figures are measured": a map is drawn at two
animation frames after the ``load`` event, with every event feature created,
in headless Chromium on this machine with the network blocked.
"""

from __future__ import annotations

import statistics
import subprocess
import tarfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
UCDP = SHARED / "data" / "events" / "ucdp_ged_afghanistan_pakistan_2001_2016.csv"
OUT = REPO / "bench" / "out"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
LEAFLET = REPO / "geomap" / "static" / "vendor" / "leaflet-1.9.4"

# Marks the moment the page is drawn: two animation frames after `load`.
DRAWN_SCRIPT = """
window.addEventListener('load', () => requestAnimationFrame(() => requestAnimationFrame(() => {
  window.__drawnAt = performance.now();
})));
"""


def synthetic_events(n: int, *, seed: int = 0) -> pd.DataFrame:
    """Return ``n`` random events over Afghanistan with short free-text fields (< 30 chars)."""
    rng = np.random.default_rng(seed)
    cats = ["diplomacy", "meeting", "military_deployment", "armed_clash", "border_crossing",
            "humanitarian", "evacuation", "political", "military_exercise"]
    days = rng.integers(0, 3650, n)
    return pd.DataFrame({
        "event_id": [f"e{i}" for i in range(n)],
        "article_id": "synthetic",
        "category": rng.choice(cats, n),
        "event_date": (pd.Timestamp("2012-01-01") + pd.to_timedelta(days, unit="D")).strftime("%Y-%m-%d"),
        "time_precision": rng.choice(["day", "week", "month"], n),
        "geo_precision": "exact",
        "latitude": rng.uniform(29.5, 38.5, n).round(5),
        "longitude": rng.uniform(61.0, 74.5, n).round(5),
        "location": [f"Place {i % 700}" for i in range(n)],
        "country": "AF",
        "actors": [f"Actor {i % 60}" for i in range(n)],
        "quote": [f"Clash reported, item {i}" for i in range(n)],
        "source": "synthetic",
    })


def jquery_path() -> Path:
    """Return a local jQuery 3.7.1 (the naive folium map needs it), fetched once with npm."""
    target = OUT / "vendor" / "package" / "dist" / "jquery.min.js"
    if not target.exists():
        (OUT / "vendor").mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "pack", "jquery@3.7.1", "--silent"], cwd=OUT / "vendor", check=True,
                       capture_output=True)
        with tarfile.open(OUT / "vendor" / "jquery-3.7.1.tgz") as tar:
            tar.extractall(OUT / "vendor", filter="data")
    return target


def _serve_local(route):
    url = route.request.url
    if url.startswith("file:"):
        return route.continue_()
    # The naive folium map links CDNs: serve Leaflet and jQuery (its popups call
    # `$`) from local copies and answer the rest (Bootstrap, icon fonts) empty,
    # so both maps are timed without the network.
    local = {"leaflet.js": LEAFLET / "leaflet.js", "leaflet.css": LEAFLET / "leaflet.css",
             "jquery-3.7.1.min.js": jquery_path()}
    for suffix, path in local.items():
        if url.endswith(suffix):
            kind = "text/css" if suffix.endswith(".css") else "text/javascript"
            return route.fulfill(path=str(path), content_type=kind)
    if url.endswith((".js", ".css")):
        return route.fulfill(body="", status=200)
    return route.abort()


# How many event features a page created: markers for folium, drawn points for geomap.
FEATURE_COUNT = """() => {
  const canvas = document.querySelector('canvas.geomap-points');
  if (canvas) return Object.values(geomap.instances)[0].points.table.n;
  return document.querySelectorAll('.leaflet-marker-icon').length;
}"""


def draw_times(paths: list[Path], *, repeat: int = 3,
               timeout_ms: int = 600_000) -> list[tuple[float, int]]:
    """Return (median draw seconds, features created) of each page (see module docstring).

    Raises AssertionError when a page has script errors, so a broken page is
    never timed as a fast one.
    """
    from playwright.sync_api import sync_playwright

    results = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for path in paths:
            samples, features = [], []
            for _ in range(repeat):
                context = browser.new_context(viewport={"width": 1400, "height": 900})
                context.route("**/*", _serve_local)
                context.add_init_script(DRAWN_SCRIPT)
                page = context.new_page()
                errors = []
                page.on("pageerror", lambda err, errors=errors: errors.append(str(err)))
                page.set_default_timeout(timeout_ms)
                page.goto(path.as_uri(), timeout=timeout_ms)
                page.wait_for_function("window.__drawnAt !== undefined", timeout=timeout_ms)
                samples.append(page.evaluate("window.__drawnAt") / 1000)
                assert not errors, f"{path.name}: {errors[:3]}"
                features.append(page.evaluate(FEATURE_COUNT))
                context.close()
            results.append((statistics.median(samples), features[-1]))
        browser.close()
    return results


def timed(func, *args, **kwargs):
    """Return ``(result, seconds)`` of one call."""
    start = time.perf_counter()
    result = func(*args, **kwargs)
    return result, time.perf_counter() - start


def table(rows: list[dict]) -> str:
    """Format rows of figures as an aligned text table."""
    cols = list(rows[0])
    width = {c: max(len(c), *(len(str(r[c])) for r in rows)) for c in cols}
    lines = ["  ".join(c.rjust(width[c]) for c in cols)]
    lines += ["  ".join(str(r[c]).rjust(width[c]) for c in cols) for r in rows]
    return "\n".join(lines)
