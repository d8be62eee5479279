"""Private file plumbing: atomic writes, so no reader ever sees a half-written file.

Every writer in geomap (exports, event tables, caches, user corrections) goes
through :func:`atomic_write`: it writes a temporary file in the target folder,
flushes it to disk, then renames it over the target. A full disk or a crash
leaves the old file (or none), never a partial one. Every reader of text
(articles, event tables, uploads) goes through :func:`decode_text`.
"""

from __future__ import annotations

import codecs
import logging
import os
import secrets
import stat
import unicodedata
from pathlib import Path

from geomap.exceptions import ExportError, InputError

log = logging.getLogger(__name__)


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
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
    try:
        # Mode 0o666 less the umask, as for any new file (mkstemp's 0o600 would make an
        # exported map unreadable to the web server that publishes it); a file written
        # over keeps its mode.
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            if target.exists():
                os.chmod(fh.fileno(), stat.S_IMODE(target.stat().st_mode))
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        msg = f"Cannot write {str(target)!r}: {err.strerror or err}"
        raise ExportError(msg) from err
    return target


def read_input(path: Path, *, what: str = "Input", limit: int | None = None) -> bytes:
    """Return an input file's bytes, the one way geomap opens articles and tables.

    Parameters
    ----------
    path : pathlib.Path
    what : str, optional
        What the input is, for messages: ``"Article"``, ``"Event file"``.
    limit : int, optional
        Largest size accepted, in bytes.

    Returns
    -------
    bytes

    Raises
    ------
    InputError
        Naming the file when it is missing, a folder, over ``limit`` or unreadable.
    """
    path = Path(path)
    try:
        if path.is_dir():
            msg = f"{what} {str(path)!r} is a folder; expected a file"
            raise InputError(msg)
        size = path.stat().st_size
        if limit is not None and size > limit:
            msg = f"{what} {str(path)!r} is {size} bytes, over the limit of {limit}"
            raise InputError(msg)
        return path.read_bytes()
    except FileNotFoundError as err:
        msg = f"{what} {str(path)!r} does not exist"
        raise InputError(msg) from err
    except OSError as err:
        msg = f"Cannot read {what.lower()} {str(path)!r}: {err.strerror or err}"
        raise InputError(msg) from err


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_text(data: bytes, *, name: str, what: str = "Input") -> str:
    """Decode the bytes of an article or a table, the one way geomap reads text.

    A BOM selects UTF-32, UTF-16 or UTF-8 (and is removed); otherwise UTF-8,
    then Windows-1252 as Excel writes it (logged), then Latin-1, which decodes
    anything. Line endings are kept.

    Parameters
    ----------
    data : bytes
    name : str
        The input's name for messages (a path or an upload's file name).
    what : str, optional
        What the input is, for messages: ``"Article"``, ``"Event file"``.

    Returns
    -------
    str

    Raises
    ------
    InputError
        When the text is empty (or only a BOM and white space) or binary (NUL
        characters, or many control characters).
    """
    text = _decode(data, name)
    if _looks_binary(text):
        msg = f"{what} {name!r} is binary (control characters such as NUL); expected text"
        raise InputError(msg)
    if not text.strip():
        msg = f"{what} {name!r} is empty; expected text"
        raise InputError(msg)
    return text


def _decode(data: bytes, name: str) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                break
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; Latin-1 decodes anything.
        text = data.decode("latin-1")
    log.warning("%s is not UTF-8; read it as Windows-1252", name)
    return text


def _looks_binary(text: str) -> bool:
    sample = text[:65_536]
    controls = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f")
    return "\x00" in sample or controls > max(2, len(sample) // 200)
