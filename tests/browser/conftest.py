"""Headless Chromium (Debian's package) driven by Playwright, with the network blocked."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from geomap.serve import DashboardProcess

CHROMIUM = os.environ.get("GEOMAP_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]
REPO = Path(__file__).resolve().parents[2]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    """A headless Chromium; tests fail (not skip) without it, since CI installs it."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), f"{CHROMIUM} missing: run `make browser`"
    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


def _offline(route):
    url = route.request.url
    if url.startswith(("http://127.0.0.1", "http://localhost", "file:", "data:", "about:", "blob:")):
        return route.continue_()
    return route.abort()


@pytest.fixture()
def page(browser):
    """A fresh page that records script errors and has no network beyond loopback."""
    context = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    context.route("**/*", _offline)
    pg = context.new_page()
    pg.errors = []
    pg.on("pageerror", lambda err: pg.errors.append(str(err)))
    yield pg
    context.close()


def start_dashboard(*args: str) -> DashboardProcess:
    """Start ``geomap serve`` on a free loopback port, its output in a temporary file."""
    log = Path(tempfile.mkdtemp(prefix="geomap-serve-")) / "server.log"
    return DashboardProcess(*args, log_path=log, timeout=90)


@pytest.fixture(scope="module")
def dashboard_url():
    with start_dashboard() as server:
        yield server.url
