"""A learned second opinion on which event categories a sentence reports.

The rules of :mod:`geomap.extract` name an event only where a trigger phrase
of the lexicon stands; the phrasing of news is wider than any list. This
module holds a small multi-label logistic regression over the words and word
pairs of a sentence, trained on hand-annotated articles (one yes/no per
category and sentence). The extractor uses it twice:

- to **drop** a rule event when the sentence's words, taken together, argue
  against its category: its probability falls below the category's prior
  (:meth:`SentenceModel.prior`, the probability for a sentence of words the
  model never saw, so unknown wording vetoes nothing);
- to **add** an event where the model is confident (at least
  :data:`ADD_FROM`) and the rules found none of that category: "Residents sift
  through the rubble of their homes in Sarbuland village on Sunday." Its
  trigger is the word that weighs most for that category; date and place are
  then found as for any event, and the row carries the flag
  ``category_learned``.

The weights ship in ``geodata/sentence_model.json``; ``make model`` retrains
them from the annotated articles (:func:`train_model`). Training is
deterministic: full-batch gradient descent from zero weights.
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from geomap import settings
from geomap.exceptions import GeomapError
from geomap.schema import CATEGORIES

#: A category with at least this probability, and no rule event, is added.
ADD_FROM = 0.4

_TOKEN = re.compile(r"[a-z][a-z'’-]+|\d[\d,.]*")
MODEL_FILE = "sentence_model.json"
# Numbers and calendar words weigh for categories (news dates its events) but
# name no event: they are never shown as the word that stated one.
_NOT_EVIDENCE = re.compile(r"\d[\d,.]*|(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
                           r"january|february|march|april|may|june|july|august|september|"
                           r"october|november|december|today|yesterday|overnight|week|month")


def tokens(text: str) -> list[re.Match]:
    """Return the word and number tokens of ``text`` (lower-cased matching)."""
    return list(_TOKEN.finditer(text.lower()))


def features(text: str) -> set[str]:
    """Return the features of a sentence: its words and adjacent word pairs.

    Numbers are one feature (``<num>``), so "20,000 troops" and "300 troops"
    read alike.

    Parameters
    ----------
    text : str

    Returns
    -------
    set of str

    Examples
    --------
    >>> sorted(features("Troops crossed 3 bridges"))
    ['<num>', '<num>_bridges', 'bridges', 'crossed', 'crossed_<num>', 'troops', 'troops_crossed']
    """
    words = [_word(m.group()) for m in tokens(text)]
    return set(words) | {f"{a}_{b}" for a, b in zip(words, words[1:])}


def _word(token: str) -> str:
    return "<num>" if token[0].isdigit() else token


@dataclass(frozen=True)
class SentenceModel:
    """Weights of a multi-label logistic regression over sentence features.

    Attributes
    ----------
    categories : tuple of str
    vocabulary : dict
        Feature to row index of ``weights``.
    weights : numpy.ndarray
        Shape (features, categories).
    bias : numpy.ndarray
        Shape (categories,).
    """

    categories: tuple[str, ...]
    vocabulary: dict[str, int]
    weights: np.ndarray
    bias: np.ndarray

    def probabilities(self, text: str) -> dict[str, float]:
        """Return the probability of each category being reported in ``text``."""
        rows = [self.vocabulary[f] for f in features(text) if f in self.vocabulary]
        score = self.weights[rows].sum(axis=0) + self.bias
        return dict(zip(self.categories, (1.0 / (1.0 + np.exp(-score))).tolist()))

    def prior(self, category: str) -> float:
        """Return the probability of ``category`` in a sentence with no known word."""
        return float(1.0 / (1.0 + np.exp(-self.bias[self.categories.index(category)])))

    def evidence(self, text: str, category: str) -> tuple[int, int] | None:
        """Return the span of the word that weighs most for ``category`` in ``text``.

        Parameters
        ----------
        text : str
        category : str

        Returns
        -------
        tuple of int or None
            ``(start, end)`` offsets in ``text``; None when no word weighs for
            it. Numbers and calendar words are passed over.
        """
        column = self.categories.index(category)
        best, span = (False, False, 0.0), None
        for match in tokens(text):
            if _NOT_EVIDENCE.fullmatch(match.group()):
                continue
            row = self.vocabulary.get(match.group())
            # A content word rather than "at" or "the", where one weighs for it at all, and
            # a word of the text rather than of a name ("Food" in "the World Food
            # Programme said"): the trigger's place in the sentence dates and places it.
            named = match.start() > 0 and text[match.start()].isupper()
            weight = (not named, len(match.group()) > 3, float(self.weights[row, column])) if (
                row is not None and self.weights[row, column] > 0) else None
            if weight is not None and weight > best:
                best, span = weight, match.span()
        return span

    def to_json(self) -> dict:
        """Return the model as plain JSON data (weights rounded to 1e-4)."""
        names = sorted(self.vocabulary, key=self.vocabulary.get)
        return {"categories": list(self.categories), "bias": np.round(self.bias, 4).tolist(),
                "weights": {name: np.round(self.weights[self.vocabulary[name]], 4).tolist()
                            for name in names}}

    @classmethod
    def from_json(cls, data: dict) -> SentenceModel:
        """Build a model from :meth:`to_json` data."""
        names = list(data["weights"])
        weights = np.array([data["weights"][n] for n in names], dtype=np.float64)
        return cls(tuple(data["categories"]), {n: i for i, n in enumerate(names)},
                   weights.reshape(len(names), len(data["categories"])),
                   np.array(data["bias"], dtype=np.float64))


def train_model(examples: Iterable[tuple[str, set[str]]], *, min_count: int = 2,
                l2: float = 1.0, epochs: int = 300, rate: float = 0.5) -> SentenceModel:
    """Fit a model on sentences and the categories annotated on them.

    Parameters
    ----------
    examples : iterable of (str, set of str)
        Each sentence with the categories of the events annotated on it (empty
        for a sentence that reports none).
    min_count : int, optional
        Features seen in fewer sentences are left out.
    l2 : float, optional
        Weight decay; keeps rare words from deciding alone.
    epochs, rate : optional
        Full-batch gradient descent steps and step size.

    Returns
    -------
    SentenceModel
    """
    rows = [(features(text), labels) for text, labels in examples]
    counts = Counter(f for feats, _ in rows for f in feats)
    vocabulary = {f: i for i, f in enumerate(sorted(f for f, c in counts.items()
                                                    if c >= min_count))}
    categories = tuple(CATEGORIES)
    matrix = np.zeros((len(rows), len(vocabulary)))
    target = np.zeros((len(rows), len(categories)))
    for i, (feats, labels) in enumerate(rows):
        matrix[i, [vocabulary[f] for f in feats if f in vocabulary]] = 1.0
        target[i, [categories.index(c) for c in labels]] = 1.0
    weights = np.zeros((len(vocabulary), len(categories)))
    bias = np.full(len(categories), -3.0)  # most sentences report nothing
    n = max(len(rows), 1)
    for _ in range(epochs):
        error = 1.0 / (1.0 + np.exp(-(matrix @ weights + bias))) - target
        weights -= rate * (matrix.T @ error / n + l2 * weights / n)
        bias -= rate * error.mean(axis=0)
    return SentenceModel(categories, vocabulary, weights, bias)


def save_model(model: SentenceModel, path: str | Path) -> None:
    """Write ``model`` as JSON to ``path``."""
    Path(path).write_text(json.dumps(model.to_json(), separators=(",", ":")) + "\n",
                          encoding="utf-8")


@functools.cache
def load_model(path: str | Path | None = None) -> SentenceModel:
    """Return the shipped model (``geodata/sentence_model.json``) or the one at ``path``.

    Raises
    ------
    GeomapError
        When the file is missing or not a model.
    """
    path = Path(path) if path else settings.geodata_folder / MODEL_FILE
    try:
        return SentenceModel.from_json(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError) as error:
        msg = f"Cannot read the sentence model {str(path)!r}: {error}"
        raise GeomapError(msg) from error


def examples_from_tables(pairs: Iterable[tuple[Path, Path]]) -> list[tuple[str, set[str]]]:
    """Return training sentences from articles and their hand-annotated events tables.

    Parameters
    ----------
    pairs : iterable of (Path, Path)
        An article file and its events CSV (offsets index the article's text).

    Returns
    -------
    list of (str, set of str)
        Every body sentence and caption with the categories annotated on it;
        headlines and credits are left out, as the extractor skips them.
    """
    import pandas as pd

    from geomap._sentences import split_sentences
    from geomap.articles import load_article

    examples = []
    for article_path, events_path in pairs:
        text = load_article(article_path).text
        events = pd.read_csv(events_path, usecols=["category", "char_start", "char_end"])
        spans = list(zip(events["char_start"], events["char_end"], events["category"]))
        for sentence in split_sentences(text):
            if sentence.role in ("headline", "credit"):
                continue
            labels = {c for start, end, c in spans if start < sentence.end and sentence.start < end}
            examples.append((text[sentence.start:sentence.end], labels))
    return examples


def main(argv: list[str] | None = None) -> None:
    """Retrain the shipped model: ``python -m geomap.sentencemodel OUT.json FOLDER...``."""
    import sys

    out, *folders = argv if argv is not None else sys.argv[1:]
    pairs = [(csv.with_name(csv.name.replace(".events.csv", ".txt")), csv)
             for folder in folders for csv in sorted(Path(folder).glob("*.events.csv"))]
    model = train_model(examples_from_tables(pairs))
    save_model(model, out)
    print(f"{out}: {len(model.vocabulary)} features from {len(pairs)} annotated articles")


if __name__ == "__main__":
    main()
