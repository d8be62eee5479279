"""Private file plumbing: atomic writes, so no reader ever sees a half-written file.

Every writer in geomap (exports, event tables, caches, user corrections) goes
through :func:`atomic_write`: it writes a temporary file in the target folder,
flushes it to disk, then renames it over the target. A full disk or a crash
leaves the old file (or none), never a partial one.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from geomap.exceptions import ExportError


def atomic_write(path: str | os.PathLike, data: str | bytes, *, encoding: str = "utf-8") -> Path:
    """Write ``data`` to ``path`` atomically.

    Parameters
    ----------
    path : str or os.PathLike
        Target file. Its folder must exist.
    data : str or bytes
        Content; ``str`` is encoded with ``encoding``.
    encoding : str, optional
        Text encoding, default UTF-8.

    Returns
    -------
    pathlib.Path
        The path written.

    Raises
    ------
    ExportError
        When the folder is missing or writing fails (disk full, permissions);
        the target is left untouched and the temporary file removed.
    """
    target = Path(path)
    payload = data.encode(encoding) if isinstance(data, str) else data
    if not target.parent.is_dir():
        msg = f"Cannot write {str(target)!r}: folder {str(target.parent)!r} does not exist"
        raise ExportError(msg)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as err:
        Path(tmp).unlink(missing_ok=True)
        msg = f"Cannot write {str(target)!r}: {err.strerror or err}"
        raise ExportError(msg) from err
    return target
