"""Events benchmark: events_from_text against a hand-checked events table.

Scores follow CONTRACTS.md "How figures are measured / Events" (see
geomap/evaluation.py): overlapping sentence, same category, date within the
gold precision, point within 50 km of the gold place (500 km for a country)
or of a movement's end; planned events left out on both sides.

A naive baseline runs in the same process for comparison: one event per
sentence holding any trigger word of the lexicon, with the category of the
first trigger, dated by the sentence's first resolvable date (else the
publication date) and placed at the sentence's first place mention.

Usage::

    .venv/bin/python bench/bench_events.py                      # the seed article
    .venv/bin/python bench/bench_events.py ARTICLE.txt GOLD.csv --published YYYY-MM-DD
    .venv/bin/python bench/bench_events.py --all   # seed + annotated test articles, pooled
    .venv/bin/python bench/bench_events.py --held-out   # the sentence model held out by round
    .venv/bin/python bench/bench_events.py --breakdown  # blind misses by what failed first

``--held-out`` scores each blind round from 23 on (the round number is in the article's
sidecar, "round 31") with a sentence model trained on every other annotated article, so no
round is scored by a model that saw it; the rules are the same for all rounds (they were
generalised from these articles, so the figure is held out for the model only). It trains
one model per round: a few minutes.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from pathlib import Path

import pandas as pd

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from geomap import _lexicon as lex  # noqa: E402
from geomap import settings  # noqa: E402
from geomap._sentences import split_sentences  # noqa: E402
from geomap.articles import load_article  # noqa: E402
from geomap.dates import find_date_mentions, resolve_mention  # noqa: E402
from geomap.evaluation import Score, score_events, why_not  # noqa: E402
from geomap.extract import events_from_text  # noqa: E402
from geomap.geoparse import geoparse  # noqa: E402
from geomap.schema import conform_events, crosswalk  # noqa: E402
from geomap.sentencemodel import examples_from_tables, train_model  # noqa: E402

#: The first blind round annotated under the conventions the rules now follow.
FIRST_HELD_OUT_ROUND = 23


def baseline_events(text: str, *, published: str, article_id: str) -> pd.DataFrame:
    """One event per sentence with a trigger word, at the first place mentioned."""
    mentions = geoparse(text)
    rows = []
    for sentence in split_sentences(text):
        category = _first_category(sentence.text)
        if category is None:
            continue
        dates = [m for m in find_date_mentions(sentence.text) if not m.background]
        resolved = [r for r in (resolve_mention(m, published) for m in dates) if r]
        date = resolved[0] if resolved else None
        place = next((m for m in mentions
                      if sentence.start <= m.start < sentence.end and m.resolved), None)
        rows.append({
            "event_id": f"{article_id}-b{len(rows) + 1:02d}", "article_id": article_id,
            "category": category, **crosswalk(category),
            "event_date": date.date if date else published,
            "time_precision": date.precision if date else "day",
            "planned": bool(date and date.planned),
            "location": place.name if place else "",
            "latitude": place.lat if place else None, "longitude": place.lon if place else None,
            "geo_precision": "exact" if place else "unknown",
            "quote": sentence.text, "char_start": sentence.start, "char_end": sentence.end,
        })
    return conform_events(pd.DataFrame(rows))


def _first_category(sentence: str) -> str | None:
    best = None
    for category, patterns in lex.TRIGGERS.items():
        for _, pattern in patterns:
            found = re.search(rf"\b(?:{pattern})\b", sentence, re.I)
            if found and (best is None or found.start() < best[0]):
                best = (found.start(), category)
    return best[1] if best else None


def report(name: str, score: Score, predicted: pd.DataFrame, gold: pd.DataFrame) -> None:
    print(f"{name}: recall {score.recall:.3f}  precision {score.precision:.3f}  "
          f"(gold {score.n_gold}, predicted {score.n_predicted}, matched {score.n_matched}; "
          f"planned excluded)")


def diff(score: Score, predicted: pd.DataFrame, gold: pd.DataFrame) -> None:
    pred = conform_events(predicted).set_index("event_id", drop=False)
    ref = conform_events(gold).set_index("event_id", drop=False)
    matched = dict(score.pairs)
    print("\nper gold event (planned excluded):")
    for gid in ref.index:
        g = ref.loc[gid]
        if g["planned"]:
            continue
        label = f"  {gid[-3:]} {g['category']:<19} {g['event_date']} {g['time_precision']:<5}"
        if gid in matched:
            p = pred.loc[matched[gid]]
            print(f"{label} ok   <- {matched[gid]} [{p['trigger'] if 'trigger' in p else ''}]")
            continue
        reasons = [f"{pid}:{why_not(p, g)}" for pid, p in pred.iterrows()
                   if not p["planned"] and why_not(p, g) != "span"]
        print(f"{label} MISS {'; '.join(reasons) or 'no prediction on this sentence'}")
    print("\ninvented (predicted, unmatched):")
    for pid in score.invented:
        p = pred.loc[pid]
        print(f"  {pid} {p['category']} {p['event_date']} {p['location']!r} "
              f"[{p.get('trigger', '')}] {p['quote'][:70]!r}")
    if not score.invented:
        print("  none")


def score_all() -> int:
    """Score the seed and every annotated test article; print per-article and pooled figures."""
    pairs = [(settings.seed_article, settings.seed_events, settings.seed_published)]
    for gold in sorted((REPO / "tests" / "data" / "articles").glob("*.events.csv")):
        pairs.append((_text_of(gold), gold, None))
    totals = {"geomap": [0, 0, 0], "baseline": [0, 0, 0]}
    groups: dict[str, list[int]] = {}
    geoparse("warm up")
    for text_path, gold_path, published in pairs:
        article = load_article(text_path, published=published)
        # Articles annotated by people who never saw the extractor say so in their sidecar.
        group = "annotated blind by others" if "blind" in (article.source or "") else \
            "written with the rules"
        gold = pd.read_csv(gold_path, keep_default_na=False)
        ours = score_events(events_from_text(article.text, published=article.published,
                                             article_id=article.article_id), gold)
        base = score_events(baseline_events(article.text, published=article.published,
                                            article_id=article.article_id), gold)
        for name, score in (("geomap", ours), ("baseline", base)):
            totals[name][0] += score.n_matched
            totals[name][1] += score.n_gold
            totals[name][2] += score.n_predicted
        counts = groups.setdefault(group, [0, 0, 0])
        for i, n in enumerate((ours.n_matched, ours.n_gold, ours.n_predicted)):
            counts[i] += n
        print(f"{article.article_id:<45} gold {ours.n_gold:>2}  geomap R {ours.recall:.2f} "
              f"P {ours.precision:.2f}   baseline R {base.recall:.2f} P {base.precision:.2f}")
    for name, (matched, n_gold, n_pred) in totals.items():
        print(f"pooled {name:<8}: recall {matched / n_gold:.3f}  precision "
              f"{matched / max(n_pred, 1):.3f}  (gold {n_gold}, predicted {n_pred}, "
              f"matched {matched})")
    for group, (matched, n_gold, n_pred) in groups.items():
        print(f"geomap, {group}: recall {matched / n_gold:.3f}  precision "
              f"{matched / max(n_pred, 1):.3f}  (gold {n_gold}, predicted {n_pred})")
    return 0


def _rounds() -> dict[int, list[Path]]:
    """Annotated test articles by blind round (0: not from a numbered round)."""
    rounds: dict[int, list[Path]] = {}
    for gold in sorted((REPO / "tests" / "data" / "articles").glob("*.events.csv")):
        found = re.search(r"round (\d+)", load_article(_text_of(gold)).source or "")
        rounds.setdefault(int(found.group(1)) if found else 0, []).append(gold)
    return rounds


def score_breakdown() -> int:
    """Sort what the extractor misses on the blind rounds by what failed first.

    Each unmatched gold event is put down to its nearest miss among the predictions on
    its sentence (place, then date, then category), or to no prediction there at all; each
    unmatched prediction to whether its sentence holds a gold event. In sample: the
    shipped sentence model has seen these rounds.
    """
    misses: Counter = Counter()
    invented: Counter = Counter()
    geoparse("warm up")
    for number, golds in sorted(_rounds().items()):
        if number < FIRST_HELD_OUT_ROUND:
            continue
        for gold_path in golds:
            article = load_article(_text_of(gold_path))
            pred = conform_events(events_from_text(article.text, published=article.published,
                                                   article_id=article.article_id))
            gold = conform_events(pd.read_csv(gold_path, keep_default_na=False))
            score = score_events(pred, gold)
            matched = dict(score.pairs)
            pred_rows = [p for _, p in pred.iterrows() if not p["planned"]]
            gold_rows = [g for _, g in gold.iterrows() if not g["planned"]]
            for g in gold_rows:
                reasons = {why_not(p, g) for p in pred_rows}
                misses["matched" if g["event_id"] in matched else next(
                    (r for r in ("place", "date", "category") if r in reasons),
                    "no prediction on the sentence")] += 1
            by_id = pred.set_index("event_id", drop=False)
            for pid in score.invented:
                p = by_id.loc[pid]
                invented["on a sentence with a gold event" if any(
                    why_not(p, g) != "span" for g in gold_rows) else
                    "on a sentence without one"] += 1
    n_gold = sum(misses.values())
    print(f"blind rounds {FIRST_HELD_OUT_ROUND}+ (in sample), {n_gold} gold events:")
    for reason, n in misses.most_common():
        print(f"  {reason:<32} {n:>5}  ({n / n_gold:.1%})")
    print(f"unmatched predictions, {sum(invented.values())}:")
    for reason, n in invented.most_common():
        print(f"  {reason:<32} {n:>5}")
    return 0


def score_held_out() -> int:
    """Score each blind round with a sentence model trained without it; print the
    per-round and pooled figures, with the rules alone beside them."""
    rounds = _rounds()
    seed = [(settings.seed_article, settings.seed_events)]
    geoparse("warm up")
    totals = {"with the model": [0, 0, 0], "rules alone": [0, 0, 0]}
    for number in sorted(r for r in rounds if r >= FIRST_HELD_OUT_ROUND):
        others = [(_text_of(g), g) for r, golds in rounds.items() if r != number for g in golds]
        model = train_model(examples_from_tables(seed + others))
        line = []
        for name, options in (("with the model", {"model": model}),
                              ("rules alone", {"learned": False})):
            counts = [0, 0, 0]
            for gold_path in rounds[number]:
                article = load_article(_text_of(gold_path))
                score = score_events(events_from_text(
                    article.text, published=article.published, article_id=article.article_id,
                    **options), pd.read_csv(gold_path, keep_default_na=False))
                for i, n in enumerate((score.n_matched, score.n_gold, score.n_predicted)):
                    counts[i] += n
                    totals[name][i] += n
            line.append(f"{name} R {counts[0] / counts[1]:.3f} P {counts[0] / max(counts[2], 1):.3f}")
        print(f"round {number:>2} ({len(rounds[number])} articles, gold {counts[1]}): "
              + ";  ".join(line), flush=True)
    for name, (matched, n_gold, n_pred) in totals.items():
        print(f"held out, {name}: recall {matched / n_gold:.3f}  precision "
              f"{matched / max(n_pred, 1):.3f}  (gold {n_gold}, predicted {n_pred})")
    return 0


def _text_of(gold_path: Path) -> Path:
    return gold_path.with_name(gold_path.name.replace(".events.csv", ".txt"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", nargs="?", default=str(settings.seed_article))
    parser.add_argument("gold", nargs="?", default=str(settings.seed_events))
    parser.add_argument("--published", default=None,
                        help="publication date (default: the seed's, or the article's own)")
    parser.add_argument("--all", action="store_true",
                        help="also score every tests/data/articles/*.events.csv and pool them")
    parser.add_argument("--held-out", action="store_true",
                        help="score each blind round with a sentence model trained without it")
    parser.add_argument("--breakdown", action="store_true",
                        help="sort the misses on the blind rounds by what failed first")
    args = parser.parse_args(argv)
    if args.all:
        return score_all()
    if args.breakdown:
        return score_breakdown()
    if args.held_out:
        return score_held_out()
    if args.published is None and args.article == str(settings.seed_article):
        args.published = settings.seed_published
    article = load_article(args.article, published=args.published)
    gold = pd.read_csv(args.gold, keep_default_na=False)
    geoparse("warm up")  # load the gazetteer index outside the timing
    started = time.perf_counter()
    predicted = events_from_text(article.text, published=article.published,
                                 article_id=article.article_id)
    seconds = time.perf_counter() - started
    baseline = baseline_events(article.text, published=article.published,
                               article_id=article.article_id)
    ours, base = score_events(predicted, gold), score_events(baseline, gold)
    print(f"article {article.article_id} (published {article.published}), "
          f"{len(article.text)} chars, extraction {seconds:.2f} s")
    report("geomap  ", ours, predicted, gold)
    report("baseline", base, baseline, gold)
    if base.recall and base.precision:
        print(f"ratio geomap/baseline: recall x{ours.recall / base.recall:.2f}, "
              f"precision x{ours.precision / base.precision:.2f}")
    diff(ours, predicted, gold)
    return 0


if __name__ == "__main__":
    sys.exit(main())
