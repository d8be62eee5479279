"""Shared fixtures: the seed article and its events, and an isolated user data folder."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

from geomap import settings
from geomap.schema import conform_events

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
UCDP_FILE = SHARED / "data" / "events" / "ucdp_ged_afghanistan_pakistan_2001_2016.csv"


@pytest.fixture(scope="session", autouse=True)
def _user_data_folder(tmp_path_factory):
    """Keep every test's user data (caches, corrections) out of the real home folder."""
    folder = tmp_path_factory.mktemp("geomap-data")
    old = os.environ.get("GEOMAP_DATA_DIR")
    os.environ["GEOMAP_DATA_DIR"] = str(folder)
    yield folder
    if old is None:
        os.environ.pop("GEOMAP_DATA_DIR", None)
    else:
        os.environ["GEOMAP_DATA_DIR"] = old


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The seed article's text, decoded as geomap decodes it."""
    return settings.seed_article.read_bytes().decode("utf-8")


@pytest.fixture()
def seed_events() -> pd.DataFrame:
    """The hand-checked events table of the seed article."""
    df = pd.read_csv(settings.seed_events, dtype=str, keep_default_na=False)
    return conform_events(df)


@pytest.fixture()
def hostile_events(seed_events) -> pd.DataFrame:
    """Seed events whose free-text fields carry markup and script."""
    df = seed_events.head(4).copy()
    df["quote"] = '</script><script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'
    df["location"] = '"><img src=x onerror=window.__pwned=3>'
    df["actors"] = "<b>bold</b>; javascript:alert(1)"
    df["source"] = "<script>window.__pwned=4</script>"
    df.loc[0, "latitude"], df.loc[0, "longitude"] = 34.5, 69.2
    return df
