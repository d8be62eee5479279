"""Benchmark geomap's geoparser on the shared development corpora.

Runs ``../shared/geoparse-dev/evaluate.py`` (the scorer CONTRACTS.md names) on
TR-News and GeoVirus, once with :func:`geomap.geoparse.geoparse` and once with a
naive baseline in the same run (every capitalised word sequence that is a
gazetteer name, at its most populous place), and prints recognition
precision/recall/F1 (exact spans), accuracy within 161 km, and documents per
second for both, with the ratio.

The corpora are read where they lie; nothing is copied into the project.

Usage::

    .venv/bin/python bench/bench_geoparse.py [--corpus trnews --corpus geovirus] [--max-docs N]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVALUATE = Path(os.environ.get("GEOPARSE_DEV", ROOT.parent / "shared" / "geoparse-dev")) / "evaluate.py"
CORPORA = ("trnews", "geovirus")
_CAPS = re.compile(r"[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*")


def geomap_predict(text: str) -> list[dict]:
    """Predictions of geomap's geoparser in the scorer's format."""
    from geomap.geoparse import geoparse

    return [m.to_dict() for m in geoparse(text)]


def baseline_predict(text: str) -> list[dict]:
    """Naive baseline: the longest capitalised n-gram that is a gazetteer name, most populous place."""
    from geomap.gazetteer import load_gazetteer, normalize_name

    gaz = load_gazetteer()
    found = []
    for run in _CAPS.finditer(text):
        words = list(re.finditer(r"\S+", run.group()))
        i = 0
        while i < len(words):
            for j in range(len(words), i, -1):
                start = run.start() + words[i].start()
                end = run.start() + words[j - 1].end()
                name = text[start:end].rstrip(".,'")
                end = start + len(name)
                if gaz.has_key(normalize_name(name)):
                    place = gaz.lookup(name)[0]
                    found.append({"start": start, "end": end, "name": name, "lat": place.lat,
                                  "lon": place.lon, "geonameid": place.geonameid})
                    i = j - 1
                    break
            i += 1
    return found


def run_scorer(function: str, corpus: str, *, max_docs: int = 0) -> dict:
    """Run evaluate.py on one corpus with one of this file's functions; return its JSON summary."""
    command = [sys.executable, str(EVALUATE), "--module", f"{__file__}:{function}",
               "--corpus", corpus, "--quiet", "--name", function]
    if max_docs:
        command += ["--max-docs", str(max_docs)]
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)
    if done.returncode != 0:
        msg = f"evaluate.py failed on {corpus!r} with {function!r}: {done.stderr.strip()[-500:]}"
        raise RuntimeError(msg)
    return json.loads(done.stdout.strip().splitlines()[-1])["results"][corpus]


def acc161_by_kind(corpus: str, *, max_docs: int = 0) -> dict[str, float]:
    """acc@161 of geomap over exact-span matches, split into countries/continents and the rest.

    Corpora place countries by their own conventions (GeoVirus: coarse points
    and no GeoNames ids), so the split shows where the distance comes from.
    """
    from geomap.gazetteer import distance_km
    from geomap.geoparse import geoparse

    path = EVALUATE.parent / "corpus" / f"{corpus}.jsonl"
    hits: dict[str, list[bool]] = {"countries": [], "others": []}
    with path.open(encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh if line.strip()]
    for doc in docs[: max_docs or None]:
        found = {(m.start, m.end): m for m in geoparse(doc["text"])}
        for gold in doc["toponyms"]:
            m = found.get((gold["start"], gold["end"]))
            if m is None or gold["lat"] is None:
                continue
            same_id = gold.get("geonameid") and str(gold["geonameid"]) == str(m.geonameid)
            ok = bool(same_id) or (m.resolved and distance_km(m.lat, m.lon, gold["lat"], gold["lon"]) <= 161)
            hits["countries" if m.kind in ("country", "continent") else "others"].append(ok)
    return {k: sum(v) / len(v) if v else float("nan") for k, v in hits.items()}


def index_load_seconds(*, cold: bool) -> float:
    """Seconds a fresh process takes to import geomap and load the gazetteer.

    Cold builds the index in an empty temporary data folder; warm loads the
    cached index of the current data folder (built first if missing).
    """
    import tempfile

    code = ("import time; t = time.perf_counter(); from geomap.gazetteer import load_gazetteer; "
            "load_gazetteer(); print(time.perf_counter() - t)")
    env = dict(os.environ)
    with tempfile.TemporaryDirectory() as folder:
        if cold:
            env["GEOMAP_DATA_DIR"] = folder
        else:
            subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, check=True, cwd=ROOT)
        done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                              check=True, cwd=ROOT)
    return float(done.stdout.strip().splitlines()[-1])


def _figures(result: dict) -> dict:
    rec = result["recognition"]["exact"]
    res = result["resolution"]["exact"]
    return {"P": rec["precision"], "R": rec["recall"], "F1": rec["f1"],
            "acc161": res["acc161"], "docs_s": result["throughput"]["docs_per_s"]}


def main(argv: list[str] | None = None) -> int:
    """Print the comparison table; return a process exit code."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", action="append", help="corpus name; default trnews and geovirus")
    parser.add_argument("--max-docs", type=int, default=0)
    args = parser.parse_args(argv)
    if not EVALUATE.is_file():
        print(f"bench_geoparse: scorer {str(EVALUATE)!r} not found; skipped", file=sys.stderr)
        return 0
    print(f"gazetteer index load: cold {index_load_seconds(cold=True):.2f} s, "
          f"warm {index_load_seconds(cold=False):.2f} s")
    rows = []
    for corpus in args.corpus or CORPORA:
        for function in ("geomap_predict", "baseline_predict"):
            rows.append((corpus, function, _figures(run_scorer(function, corpus, max_docs=args.max_docs))))
    print(f"{'corpus':<10} {'system':<17} {'P':>6} {'R':>6} {'F1':>6} {'acc161':>7} {'docs/s':>8}")
    for corpus, function, f in rows:
        print(f"{corpus:<10} {function:<17} {f['P']:6.3f} {f['R']:6.3f} {f['F1']:6.3f} "
              f"{f['acc161']:7.3f} {f['docs_s']:8.1f}")
    for corpus in args.corpus or CORPORA:
        ours, base = [f for c, _, f in rows if c == corpus]
        split = acc161_by_kind(corpus, max_docs=args.max_docs)
        print(f"{corpus}: F1 x{ours['F1'] / max(base['F1'], 1e-9):.2f}, "
              f"acc161 x{ours['acc161'] / max(base['acc161'], 1e-9):.2f} over the baseline; "
              f"geomap acc161 countries/continents {split['countries']:.3f}, "
              f"other places {split['others']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
