"""Benchmark: import rate of the real UCDP GED subset through geomap.formats.load_events.

Reads ``../shared/data/events/ucdp_ged_afghanistan_pakistan_2001_2016.csv`` (or the
path given as the first argument) several times with :func:`geomap.formats.load_events`
and, as a baseline in the same run, with a plain :func:`pandas.read_csv`, and prints
both rates in rows per second and their ratio. The file is read from where it lies,
never copied.

Usage: ``.venv/bin/python bench/bench_import.py [PATH] [--repeat N]``
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import pandas as pd

import geomap.formats
from geomap.formats import counts_message, load_events

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "events" / (
    "ucdp_ged_afghanistan_pakistan_2001_2016.csv")


def _best_seconds(func, repeat: int) -> tuple[float, float]:
    """Return (median, fastest) wall time of ``func`` over ``repeat`` runs after one warm-up."""
    func()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times)


def _conform_share(path: Path, repeat: int) -> float:
    """Median seconds spent in ``schema.conform_events`` during one load."""
    original = geomap.formats.conform_events
    spent: list[float] = []

    def timed(df):
        start = time.perf_counter()
        out = original(df)
        spent.append(time.perf_counter() - start)
        return out

    geomap.formats.conform_events = timed
    try:
        for _ in range(repeat):
            load_events(path)
    finally:
        geomap.formats.conform_events = original
    return statistics.median(spent)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the rates; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    if not args.path.exists():
        print(f"UCDP file not found: {args.path}", file=sys.stderr)
        return 2
    result = load_events(args.path)
    rows = result.n_read
    print(counts_message(result))
    geomap_median, geomap_best = _best_seconds(lambda: load_events(args.path), args.repeat)
    pandas_median, pandas_best = _best_seconds(lambda: pd.read_csv(args.path), args.repeat)
    print(f"rows: {rows}  repeats: {args.repeat} (median; fastest in brackets)")
    print(f"geomap load_events: {rows / geomap_median:12,.0f} rows/s "
          f"({rows / geomap_best:,.0f})  {geomap_median * 1000:7.1f} ms")
    print(f"pandas.read_csv:    {rows / pandas_median:12,.0f} rows/s "
          f"({rows / pandas_best:,.0f})  {pandas_median * 1000:7.1f} ms")
    print(f"ratio load_events / read_csv time: {geomap_median / pandas_median:.1f}x slower")
    conform = _conform_share(args.path, args.repeat)
    print(f"of which schema.conform_events: {conform * 1000:.1f} ms "
          f"({conform / geomap_median:.0%} of load_events)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
