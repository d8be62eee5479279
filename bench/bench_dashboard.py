"""Benchmark the dashboard's filter latency at 10,000 events, in headless Chromium.

As CONTRACTS.md measures it: from the widget's change in the browser to the map
showing the new set of events, median and 95th percentile over 20 changes.
Each change puts a word into "Search quotes" (one ``input`` event, as a paste
does) right after the page records ``performance.now()``; the time ends when
the map's page inside the iframe sets ``data-geomap-visible`` to the new
count (its canvas is drawn by then; a MutationObserver records it), and is
also given one animation frame later ("painted").

The baseline, in the same run, is what Panel's Folium pane does on every
change: rebuild the whole map page for the filtered events in Python
(``render_html(map_from_events(...))``) and load it in a fresh iframe until
geomap marks it drawn, plus one frame. Its transfer to the browser is not
counted, so the ratio is a lower bound.

Run: ``.venv/bin/python bench/bench_dashboard.py`` (or ``make bench``).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from _common import CHROMIUM, CHROMIUM_ARGS, OUT, synthetic_events, table, timed
from geomap.export import render_html
from geomap.filters import filter_mask
from geomap.formats import load_events
from geomap.mapping import map_from_events
from geomap.serve import DashboardProcess

N_EVENTS = 10_000
# Twenty changes; neighbours match different numbers of events, so each change
# shows a new set ("" shows all 10,000).
TERMS = ["item 1", "Actor 7", "Place 12", "", "item 5", "Actor 3", "Place 6", "item 99",
         "Actor 42", "item 2", "Place 1", "reported, item 3", "Actor 1", "Place 45", "item 77",
         "", "Actor 5", "item 8", "Place 2", "item 4"]
TIMEOUT_MS = 30_000

# Finds elements through Bokeh's shadow roots.
DEEP = """
const deep = (root, sel) => {
  const hit = root.querySelector(sel);
  if (hit) return hit;
  for (const el of root.querySelectorAll('*')) {
    if (el.shadowRoot) { const h = deep(el.shadowRoot, sel); if (h) return h; }
  }
  return null;
};
"""

# One filter change: record the time, type the term, wait for the map's new count.
CHANGE = "async ([term, expected, timeoutMs]) => {" + DEEP + """
  const input = deep(document, 'input[placeholder="words in the sentence"]');
  const frame = deep(document, 'iframe.geomap-frame');
  const doc = frame.contentDocument.documentElement;
  return await new Promise((resolve, reject) => {
    let t0 = 0;
    const observer = new frame.contentWindow.MutationObserver(() => {
      if (doc.getAttribute('data-geomap-visible') !== String(expected)) return;
      const drawn = performance.now() - t0;
      observer.disconnect();
      clearTimeout(timer);
      requestAnimationFrame(() => resolve({drawn, painted: performance.now() - t0}));
    });
    observer.observe(doc, {attributes: true, attributeFilter: ['data-geomap-visible']});
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`no map update to ${expected} events for ${JSON.stringify(term)}`));
    }, timeoutMs);
    t0 = performance.now();
    input.value = term;
    input.dispatchEvent(new Event('input', {bubbles: true}));
  });
}"""

# The baseline's browser half: a fresh iframe with the whole page, until drawn.
RELOAD = """async (html) => {
  const t0 = performance.now();
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width:900px;height:800px;border:0';
  document.body.replaceChildren(frame);
  return await new Promise((resolve) => {
    const check = () => {
      const doc = frame.contentDocument;
      if (doc && doc.documentElement.hasAttribute('data-geomap-ready'))
        requestAnimationFrame(() => resolve(performance.now() - t0));
      else setTimeout(check, 2);
    };
    frame.addEventListener('load', check);
    frame.srcdoc = html;
  });
}"""


def start_dashboard(events_path: Path, log_path: Path) -> DashboardProcess:
    """Start ``geomap serve --events`` on a free loopback port, its output in ``log_path``."""
    return DashboardProcess("--events", str(events_path), log_path=log_path, timeout=120)


def server_errors(log_path: Path, *, start: int = 0, end: int | None = None) -> list[str]:
    """Return the lines of the server log (from byte ``start`` to ``end``) that report an error."""
    data = log_path.read_bytes()[start:end]
    lines = data.decode("utf-8", errors="replace").splitlines()
    return [line[:300] for line in lines if "ERROR" in line or line.startswith("Traceback")]


def log_size(log_path: Path) -> int:
    return log_path.stat().st_size


def offline(route):
    """Let loopback through and block everything else (fonts, tiles, CDNs)."""
    if route.request.url.startswith(("http://127.0.0.1", "about:", "data:", "blob:")):
        return route.continue_()
    return route.abort()


def write_events(folder: Path) -> tuple[Path, object]:
    """Write the synthetic table; return its path and the table as geomap reads it."""
    path = folder / f"synthetic-{N_EVENTS}.csv"
    synthetic_events(N_EVENTS).to_csv(path, index=False)
    return path, load_events(path).events


def expected_counts(events) -> list[int]:
    counts = [int(filter_mask(events, text=term).sum()) for term in TERMS]
    assert all(a != b for a, b in zip([len(events), *counts], counts)), counts
    return counts


def stats(values: list[float]) -> dict:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"median_ms": round(statistics.median(ordered), 1), "p95_ms": round(p95, 1),
            "max_ms": round(ordered[-1], 1)}


def open_dashboard(browser, url: str):
    """Open the dashboard in a fresh context; return (context, page, errors, load seconds)."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.route("**/*", offline)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    start = time.perf_counter()
    page.goto(url, timeout=120_000)
    frame = page.locator("iframe.geomap-frame").element_handle(timeout=120_000).content_frame()
    frame.wait_for_selector("html[data-geomap-ready]", state="attached", timeout=120_000)
    return context, page, errors, time.perf_counter() - start


def measure_dashboard(browser, url: str, counts: list[int], log_path: Path):
    """Time the changes; return (samples, page load seconds, errors, server log size at end)."""
    context, page, errors, load_s = open_dashboard(browser, url)
    from playwright.sync_api import Error

    page.wait_for_timeout(1000)  # let the first table page and fonts settle
    samples = []
    for term, count in zip(TERMS, counts):
        try:
            samples.append(page.evaluate(CHANGE, [term, count, TIMEOUT_MS]))
        except Error as err:  # the map never showed the new set: report, do not time
            errors.append(str(err).splitlines()[0])
            break
    end = log_size(log_path)
    context.close()
    return samples, load_s, errors, end


def measure_baseline(browser, events) -> tuple[list[float], list[float]]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.route("**/*", offline)
    page = context.new_page()
    page.goto("about:blank")
    build_ms, load_ms = [], []
    for term in TERMS:
        subset = events[filter_mask(events, text=term)]
        html, seconds = timed(lambda s=subset: render_html(map_from_events(s)))
        build_ms.append(seconds * 1000)
        load_ms.append(page.evaluate(RELOAD, html))
    context.close()
    return build_ms, load_ms


def main() -> None:
    from playwright.sync_api import sync_playwright

    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="geomap-bench-") as tmp:
        path, events = write_events(Path(tmp))
        counts = expected_counts(events)
        log_path = OUT / "bench_dashboard.server.log"
        with start_dashboard(path, log_path) as server, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            samples, load_s, errors, end = measure_dashboard(browser, server.url, counts, log_path)
            build_ms, load_ms = measure_baseline(browser, events)
            browser.close()
    problems = errors + server_errors(log_path, end=end)
    if len(samples) < len(TERMS):
        print(f"FAILED after {len(samples)} of {len(TERMS)} changes:")
        print("\n".join(problems[:10]))
        sys.exit(1)
    drawn = stats([s["drawn"] for s in samples])
    painted = stats([s["painted"] for s in samples])
    baseline = [b + lo for b, lo in zip(build_ms, load_ms)]
    rows = [
        {"measure": "dashboard: change -> map drawn", "changes": len(samples), **drawn},
        {"measure": "dashboard: change -> map painted", "changes": len(samples), **painted},
        {"measure": "baseline: rebuild page (Python)", "changes": len(build_ms), **stats(build_ms)},
        {"measure": "baseline: load page in new iframe", "changes": len(load_ms),
         **stats(load_ms)},
        {"measure": "baseline: rebuild + reload", "changes": len(baseline), **stats(baseline)},
    ]
    print(f"Dashboard filter latency, {N_EVENTS:,} events, headless Chromium, loopback only "
          f"(dashboard page loaded in {load_s:.1f} s)")
    print(table(rows))
    base = stats(baseline)
    print(f"median {base['median_ms'] / painted['median_ms']:.1f}x and p95 "
          f"{base['p95_ms'] / painted['p95_ms']:.1f}x faster than rebuilding the map per change")
    target = painted["median_ms"] < 300 and painted["p95_ms"] < 300
    print(f"target (median and p95 under 300 ms): {'met' if target else 'NOT met'}")
    print(f"page errors: {len(errors)}; server errors: {len(problems) - len(errors)}")
    if problems:
        print("\n".join(problems[:10]))
        sys.exit(1)


if __name__ == "__main__":
    main()
