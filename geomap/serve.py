"""Serve the dashboard: ``geomap serve`` and ``make serve`` come here.

The Panel app lives in ``dashboard.py`` at the top of the repository (so that
``panel serve dashboard.py`` works too); this module loads it and serves it
with Panel's server on one port.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import threading
from pathlib import Path
from types import ModuleType

from geomap.exceptions import InputError
from geomap.gazetteer import load_gazetteer

DASHBOARD = Path(__file__).resolve().parent.parent / "dashboard.py"


def load_dashboard(path: Path = DASHBOARD) -> ModuleType:
    """Import ``dashboard.py`` as a module.

    Parameters
    ----------
    path : pathlib.Path, optional
        The dashboard file; default the repository's.

    Returns
    -------
    module

    Raises
    ------
    InputError
        When the file does not exist (geomap installed without its repository).
    """
    if not path.is_file():
        msg = f"Dashboard {str(path)!r} not found; run geomap from its repository checkout"
        raise InputError(msg)
    if "geomap_dashboard" in sys.modules:
        return sys.modules["geomap_dashboard"]
    spec = importlib.util.spec_from_file_location("geomap_dashboard", path)
    module = importlib.util.module_from_spec(spec)
    # Registered like any import, so tools that look functions up by module (pn.cache) work.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def serve_dashboard(*, port: int = 5006, address: str = "localhost", show: bool = False,
                    events: list[str] | None = None) -> None:
    """Serve the dashboard until interrupted.

    Parameters
    ----------
    port : int, optional
        Port to listen on.
    address : str, optional
        Address to bind.
    show : bool, optional
        Open a browser tab.
    events : list of str, optional
        Event tables to open instead of the seed article's.
    """
    import panel as pn

    if events:
        os.environ["GEOMAP_EVENTS"] = os.pathsep.join(str(Path(e).resolve()) for e in events)
        for event_file in events:
            if not Path(event_file).is_file():
                msg = f"Event table {event_file!r} does not exist"
                raise InputError(msg)
    dashboard = load_dashboard()
    # Build or load the gazetteer index while the first page loads, so the first
    # place lookup or pasted article does not wait for it.
    threading.Thread(target=load_gazetteer, name="geomap-gazetteer", daemon=True).start()
    print(f"geomap dashboard: http://{address}:{port}/", flush=True)
    pn.serve({"/": dashboard.create_app}, port=port, address=address, show=show,
             title="geomap", websocket_origin=[f"{address}:{port}", f"127.0.0.1:{port}",
                                                f"localhost:{port}"])


class DashboardProcess:
    """``geomap serve`` in a child process on a free loopback port (tests, benchmarks).

    Its output goes to ``log_path`` (a pipe nobody reads could fill and block
    the server). Use as a context manager, or call :meth:`stop`.

    Parameters
    ----------
    *args : str
        Extra ``geomap serve`` arguments, e.g. ``"--events", "table.csv"``.
    log_path : pathlib.Path
        Where the server's output goes.
    timeout : float, optional
        Seconds to wait for the first page.

    Attributes
    ----------
    url : str
        The dashboard's address.
    """

    def __init__(self, *args: str, log_path: Path, timeout: float = 120.0) -> None:
        import socket
        import subprocess
        import time
        import urllib.request

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        self.log_path = Path(log_path)
        cmd = [sys.executable, "-m", "geomap", "serve", "--port", str(port), "--address",
               "127.0.0.1", *args]
        with self.log_path.open("wb") as log:
            self.proc = subprocess.Popen(cmd, cwd=DASHBOARD.parent, stdout=log,
                                         stderr=subprocess.STDOUT)
        self.url = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                msg = f"dashboard exited: {self.output()}"
                raise RuntimeError(msg)
            try:
                with urllib.request.urlopen(self.url, timeout=30) as resp:
                    if resp.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        self.stop()
        msg = f"dashboard did not answer at {self.url} within {timeout} s"
        raise RuntimeError(msg)

    def output(self) -> str:
        """Return what the server has printed so far."""
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        """Stop the server."""
        import subprocess

        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()

    def __enter__(self) -> DashboardProcess:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
