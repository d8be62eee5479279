"""Benchmark the exported map against the naive folium map (a Marker and Popup per row).

Prints, for 1k, 10k and 100k synthetic events and the real UCDP GED subset:
build time, HTML bytes, bytes per event, and draw time in headless Chromium
with the network blocked; the naive map is measured at 1k and 10k in the same
run (at 100k it takes minutes to build), and ratios are printed. Also times the
whole ``geomap map`` command on 100k events.

Run: ``.venv/bin/python bench/bench_export.py`` (or ``make bench``).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

import folium

from _common import OUT, UCDP, draw_times, synthetic_events, table, timed
from geomap.export import render_html
from geomap.mapping import map_from_events

SIZES = (1_000, 10_000, 100_000)
NAIVE_SIZES = (1_000, 10_000)


def naive_html(events) -> str:
    m = folium.Map(location=[34.5, 66.0], zoom_start=5)
    for row in events.itertuples():
        popup = folium.Popup(f"{row.event_date} {row.category}: {row.quote}")
        folium.Marker([row.latitude, row.longitude], popup=popup).add_to(m)
    return m.get_root().render()


def geomap_html(events) -> str:
    return render_html(map_from_events(events))


def write(name: str, html: str):
    path = OUT / name
    path.write_text(html, encoding="utf-8")
    return path


def measure(label: str, build, events, empty_bytes: int) -> dict:
    html, seconds = timed(build, events)
    path = write(f"{label}.html", html)
    size = path.stat().st_size
    return {"map": label, "events": len(events), "build_s": round(seconds, 2), "bytes": size,
            "bytes_per_event": round((size - empty_bytes) / max(1, len(events)), 1), "path": path}


def load_ucdp():
    from geomap.formats import load_events

    return load_events(UCDP).events


def cli_seconds(events, *, repeat: int = 3) -> float:
    """Median wall time of the whole ``geomap map`` command (one sample is too noisy)."""
    table_path = OUT / "cli-100k.csv"
    events.to_csv(table_path, index=False)
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "geomap", "map", str(table_path), "-o",
                        str(OUT / "cli-100k.html")], check=True, capture_output=True)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    OUT.mkdir(exist_ok=True)
    empty = synthetic_events(0)
    geomap_empty = len(geomap_html(empty).encode())
    naive_empty = len(naive_html(empty).encode())
    rows = []
    for n in SIZES:
        events = synthetic_events(n)
        rows.append(measure(f"geomap-{n}", geomap_html, events, geomap_empty))
        if n in NAIVE_SIZES:
            rows.append(measure(f"naive-{n}", naive_html, events, naive_empty))
    if UCDP.exists():
        rows.append(measure("geomap-ucdp", geomap_html, load_ucdp(), geomap_empty))
    for row, (seconds, features) in zip(rows, draw_times([r.pop("path") for r in rows])):
        row["draw_s"] = round(seconds, 3)
        row["features"] = features
    print(table(rows))
    by = {r["map"]: r for r in rows}
    for n in NAIVE_SIZES:
        g, v = by[f"geomap-{n}"], by[f"naive-{n}"]
        print(f"{n:>7} events: draw {v['draw_s'] / g['draw_s']:.1f}x faster, build "
              f"{v['build_s'] / max(g['build_s'], 1e-3):.1f}x faster, "
              f"{v['bytes'] / g['bytes']:.1f}x smaller than the naive folium map")
    print(f"geomap map on 100,000 events (CSV -> HTML, whole command, median of 3): "
          f"{cli_seconds(synthetic_events(100_000)):.2f} s")


if __name__ == "__main__":
    main()
