"""Load test: 20 browser sessions filtering one dashboard of 10,000 events at the same time.

One headless Chromium with 20 contexts (async Playwright) opens the dashboard
served on 127.0.0.1; once every session has drawn its map, all of them make
five filter changes each at once ("Search quotes", as in
``bench_dashboard.py``), each timed in its browser from the change to the map
showing the new set of events. Each session has its own dashboard, so a
session that saw another's filter would never reach its expected count and is
reported as an error. Bounded in time: sessions get 90 s to load and the
filtering stops after 60 s.

Prints the errors seen (page errors, changes that failed or timed out, errors
in the server log), which must be 0, and the median, 95th percentile and
slowest filter-change-to-map latency.

Run: ``.venv/bin/python bench/bench_load.py`` (or ``make bench``).
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from pathlib import Path

from _common import CHROMIUM, CHROMIUM_ARGS, OUT, table
from bench_dashboard import (CHANGE, N_EVENTS, TERMS, expected_counts, log_size, server_errors,
                             start_dashboard, stats, write_events)

SESSIONS = 20
CHANGES_PER_SESSION = 5
LOAD_S = 90
LOAD_AT_ONCE = 4
FILTER_S = 60
TIMEOUT_MS = 30_000


async def offline(route):
    if route.request.url.startswith(("http://127.0.0.1", "about:", "data:", "blob:")):
        await route.continue_()
    else:
        await route.abort()


def plan(k: int) -> list[int]:
    """Indices into TERMS for session ``k``: consecutive terms, never starting with all."""
    start = k % (len(TERMS) - CHANGES_PER_SESSION)
    if TERMS[start] == "":
        start += 1
    return list(range(start, start + CHANGES_PER_SESSION))


class Session:
    """One browser context on the dashboard."""

    def __init__(self, k: int, errors: list[str]) -> None:
        self.k = k
        self.errors = errors
        self.samples: list[dict] = []
        self.context = None

    async def open(self, browser, url: str) -> float:
        start = time.perf_counter()
        self.context = await browser.new_context(viewport={"width": 1280, "height": 800})
        await self.context.route("**/*", offline)
        self.page = await self.context.new_page()
        self.page.on("pageerror", lambda err: self.errors.append(f"session {self.k}: {err}"))
        await self.page.goto(url, timeout=LOAD_S * 1000)
        handle = await self.page.locator("iframe.geomap-frame").element_handle(
            timeout=LOAD_S * 1000)
        frame = await handle.content_frame()
        await frame.wait_for_selector("html[data-geomap-ready]", state="attached",
                                      timeout=LOAD_S * 1000)
        return time.perf_counter() - start

    async def filter(self, start: asyncio.Event, counts: list[int]) -> None:
        from playwright.async_api import Error

        await start.wait()
        for index in plan(self.k):
            try:
                self.samples.append(await self.page.evaluate(
                    CHANGE, [TERMS[index], counts[index], TIMEOUT_MS]))
            except Error as err:
                self.errors.append(f"session {self.k}: {str(err).splitlines()[0]}")
                return

    async def close(self) -> None:
        if self.context is not None:
            await self.context.close()


async def run(url: str, counts: list[int], log_path: Path) -> tuple[list[Session], list[str], dict]:
    from playwright.async_api import async_playwright

    errors: list[str] = []
    timing = {}
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        sessions = [Session(k, errors) for k in range(SESSIONS)]
        gate = asyncio.Semaphore(LOAD_AT_ONCE)

        async def open_one(session):
            async with gate:
                return await asyncio.wait_for(session.open(browser, url), LOAD_S)

        began = time.perf_counter()
        loads = await asyncio.gather(*(open_one(s) for s in sessions), return_exceptions=True)
        timing["load_s"] = time.perf_counter() - began
        for session, result in zip(sessions, loads):
            if isinstance(result, BaseException):
                errors.append(f"session {session.k} did not load: {result!r}"[:300])
        ready = [s for s, r in zip(sessions, loads) if not isinstance(r, BaseException)]
        timing["slowest_load_s"] = max((r for r in loads if isinstance(r, float)), default=0)
        go = asyncio.Event()
        tasks = [asyncio.create_task(s.filter(go, counts)) for s in ready]
        began = time.perf_counter()
        go.set()
        done, pending = await asyncio.wait(tasks, timeout=FILTER_S)
        timing["filter_s"] = time.perf_counter() - began
        for task in pending:
            task.cancel()
        if pending:
            errors.append(f"{len(pending)} sessions still filtering after {FILTER_S} s")
        # Closing 20 sessions at once makes the server log writes to closed
        # sockets; only what it logged while the sessions were in use counts.
        timing["log_end"] = log_size(log_path)
        await asyncio.gather(*(s.close() for s in sessions), return_exceptions=True)
        await browser.close()
    return sessions, errors, timing


def main() -> None:
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="geomap-bench-") as tmp:
        path, events = write_events(Path(tmp))
        counts = expected_counts(events)
        log_path = OUT / "bench_load.server.log"
        with start_dashboard(path, log_path) as server:
            sessions, errors, timing = asyncio.run(run(server.url, counts, log_path))
    errors += server_errors(log_path, end=timing["log_end"])
    after = server_errors(log_path, start=timing["log_end"])
    samples = [s for session in sessions for s in session.samples]
    wanted = SESSIONS * CHANGES_PER_SESSION
    print(f"Load: {SESSIONS} concurrent sessions (one Chromium, one context each), "
          f"{N_EVENTS:,} events, {CHANGES_PER_SESSION} filter changes per session, loopback only")
    print(f"all sessions loaded in {timing['load_s']:.1f} s; filtering took "
          f"{timing['filter_s']:.1f} s; {len(samples)} of {wanted} changes timed")
    if samples:
        rows = [
            {"measure": "change -> map drawn", "changes": len(samples),
             **stats([s["drawn"] for s in samples])},
            {"measure": "change -> map painted", "changes": len(samples),
             **stats([s["painted"] for s in samples])},
        ]
        print(table(rows))
    print(f"errors seen: {len(errors)} (server log lines with errors after the sessions "
          f"closed, not counted: {len(after)})")
    for line in errors[:10]:
        print("  " + line)
    if errors or len(samples) < wanted:
        sys.exit(1)


if __name__ == "__main__":
    main()
