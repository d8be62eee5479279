"""Private: events as compact columns for the browser, and safe JavaScript literals.

The map sends events once as columns: coordinates as numbers rounded to about
a metre, the category as a small integer, and every text field
dictionary-encoded (a list of distinct values and one index per event), which
keeps repeated values such as dates, sources and actors cheap. Popups are
built from these columns in the browser.
"""

from __future__ import annotations

import json
import math

import pandas as pd

from geomap.schema import CATEGORIES, conform_events

# Text fields the browser needs for popups, filters and the time slider.
TEXT_FIELDS: tuple[str, ...] = (
    "event_id",
    "event_date",
    "time_precision",
    "planned",
    "location",
    "geo_precision",
    "actors",
    "magnitude",
    "quote",
    "source",
    "flags",
)
MOVEMENT_FIELDS: tuple[str, ...] = (
    "origin_name",
    "origin_latitude",
    "origin_longitude",
    "destination_name",
    "destination_latitude",
    "destination_longitude",
)

_JS_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def js_literal(value: object) -> str:
    """Return ``value`` as JSON that is safe inside an HTML ``<script>`` element.

    ``<``, ``>``, ``&``, U+2028 and U+2029 are escaped, so no string can close
    the script or start a comment, whatever the input holds.

    Parameters
    ----------
    value : object
        JSON-serialisable data (NaN is not allowed: use None).

    Returns
    -------
    str
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, escape in _JS_ESCAPES.items():
        text = text.replace(char, escape)
    return text


def _coordinate(values: pd.Series) -> list:
    return [None if math.isnan(v) else round(v, 5) for v in values.astype(float)]


def _coordinate_text(value: float) -> str:
    return "" if math.isnan(value) else f"{value:.5f}"


def _dictionary(values: pd.Series) -> dict:
    codes, uniques = pd.factorize(values, sort=False)
    return {"v": [str(u) for u in uniques], "i": codes.tolist()}


def _magnitude_text(events: pd.DataFrame) -> pd.Series:
    text = [
        "" if math.isnan(m) else f"{m:,.0f} {unit}".strip()
        for m, unit in zip(events["magnitude"], events["magnitude_unit"])
    ]
    return pd.Series(text, index=events.index, dtype=object)


def event_columns(events: pd.DataFrame, *, movements: bool = False) -> dict:
    """Return the events as the column payload ``geomap.js`` reads.

    Parameters
    ----------
    events : pandas.DataFrame
        An events table (it is conformed to the contract first).
    movements : bool, optional
        Include origin and destination fields.

    Returns
    -------
    dict
        ``n``, ``lat``, ``lon``, ``cat`` (index into ``cats``), ``cats``
        (name, label, colour of every category) and ``text`` (dictionary
        columns).
    """
    df = conform_events(events)
    cats = [{"name": c.name, "label": c.label, "color": c.color} for c in CATEGORIES.values()]
    index = {c["name"]: i for i, c in enumerate(cats)}
    for name in sorted(set(df["category"]) - set(index)):
        index[name] = len(cats)
        cats.append({"name": name, "label": name or "uncategorised", "color": "#333333"})
    fields = TEXT_FIELDS + (MOVEMENT_FIELDS if movements else ())
    ends = [c for c in fields if c.startswith(("origin_", "destination_")) and c.endswith("itude")]
    text = df.assign(
        planned=df["planned"].map({True: "true", False: ""}),
        magnitude=_magnitude_text(df),
        **{c: df[c].map(_coordinate_text) for c in ends},
    )
    return {
        "n": len(df),
        "lat": _coordinate(df["latitude"]),
        "lon": _coordinate(df["longitude"]),
        "cat": [index[c] for c in df["category"]],
        "cats": cats,
        "text": {f: _dictionary(text[f].astype(str)) for f in fields},
    }
