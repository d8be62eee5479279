"""Headless Chromium (Debian's package) driven by Playwright, with the network blocked."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

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


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_dashboard(*args: str, timeout: float = 60.0):
    """Start ``geomap serve`` on a free port; return (process, url).

    The server's output goes to a temporary file (a pipe nobody reads could
    fill and block it); :func:`server_output` reads it.
    """
    port = free_port()
    cmd = [sys.executable, "-m", "geomap", "serve", "--port", str(port), "--address",
           "127.0.0.1", *args]
    with tempfile.NamedTemporaryFile(prefix="geomap-serve-", suffix=".log", delete=False) as log:
        proc = subprocess.Popen(cmd, cwd=REPO, stdout=log, stderr=subprocess.STDOUT)
    proc.log_path = Path(log.name)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            output = server_output(proc)
            proc.log_path.unlink(missing_ok=True)
            raise RuntimeError(f"dashboard exited: {output}")
        try:
            with urllib.request.urlopen(url, timeout=5) as resp:
                if resp.status == 200:
                    return proc, url
        except OSError:
            time.sleep(0.3)
    stop_dashboard(proc)
    raise RuntimeError("dashboard did not start in time")


def server_output(proc) -> str:
    """Return what a server from :func:`start_dashboard` has printed so far."""
    return proc.log_path.read_text(encoding="utf-8", errors="replace")


def stop_dashboard(proc) -> None:
    """Stop a server from :func:`start_dashboard` and remove its log."""
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    proc.log_path.unlink(missing_ok=True)


@pytest.fixture(scope="module")
def dashboard_url():
    proc, url = start_dashboard()
    yield url
    stop_dashboard(proc)
