"""Reading news articles: bytes on disk to decoded text plus metadata.

An :class:`Article` is the text geomap extracts events from, exactly as the
offsets of the events table index it (``CONTRACTS.md``): the file's bytes
decoded (UTF-8, UTF-16 with a byte order mark, else cp1252/Latin-1), the BOM
removed, line endings kept as they are in the file. Metadata (publication
date, source, URL, title) comes from keyword arguments, else from an optional
sidecar ``ARTICLE.meta.json`` beside ``ARTICLE.txt``, else, for the date only,
from a date line near the top of the article.

Hostile input (a missing file, a folder, an empty or binary file, a file over
``settings.max_article_bytes``) raises :class:`~geomap.exceptions.InputError`
naming the path and the problem.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from geomap import settings
from geomap._io import decode_text, read_input
from geomap.exceptions import InputError

#: How far into the article a date line is looked for (characters).
DATE_LINE_WINDOW = 600

_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
_MONTH_RE = "|".join(m.capitalize() for m in _MONTHS) + "|" + "|".join(
    m[:3].capitalize() + r"\.?" for m in _MONTHS)
# A line that is (mostly) a date: "August 25, 2021", "25 August 2021", "2021-08-25",
# optionally after a dateline word such as "Published" or "Updated".
_DATE_LINE_RES = (
    re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b"),
    re.compile(rf"\b(?P<mon>{_MONTH_RE})\s+(?P<d>\d{{1,2}}),?\s+(?P<y>(?:19|20)\d\d)\b"),
    re.compile(rf"\b(?P<d>\d{{1,2}})\s+(?P<mon>{_MONTH_RE})\s+(?P<y>(?:19|20)\d\d)\b"),
)


@dataclass(frozen=True)
class Article:
    """One article's text and metadata.

    Attributes
    ----------
    text : str
        Decoded text; event offsets index this string.
    article_id : str
        File stem, or a short hash of the text for text without a file.
    published : str or None
        Publication date ``YYYY-MM-DD``; None when unknown.
    source : str
        Outlet, URL or file name.
    url : str
        Address of the article, "" when unknown.
    title : str
        Headline, "" when unknown.
    path : pathlib.Path or None
        File the text came from.
    """

    text: str
    article_id: str
    published: str | None = None
    source: str = ""
    url: str = ""
    title: str = ""
    path: Path | None = None


def load_article(path: str | os.PathLike, *, published: str | None = None,
                 source: str | None = None) -> Article:
    """Read an article file with its metadata.

    Parameters
    ----------
    path : str or os.PathLike
        A text file (``.txt`` or any other extension).
    published : str, optional
        Publication date ``YYYY-MM-DD``; overrides the sidecar and the date line.
    source : str, optional
        Outlet, URL or name; overrides the sidecar. Default: the sidecar's
        ``source``, else its ``url``, else the file name.

    Returns
    -------
    Article

    Raises
    ------
    InputError
        When the file is missing, a folder, empty, binary, too large, or the
        sidecar or ``published`` is malformed.

    Examples
    --------
    >>> from geomap import settings
    >>> article = load_article(settings.seed_article, published="2021-08-25")
    >>> article.article_id
    'article-2021-08-25-putin-xi-afghanistan'
    """
    file = Path(path)
    text = decode_bytes(_read_bytes(file), name=str(file))
    meta = _read_sidecar(file)
    date = published or meta.get("published") or None
    if date is None:
        date = find_date_line(text)
    return Article(
        text=text,
        article_id=file.stem,
        published=_check_date(date, name=str(file)),
        source=source or meta.get("source") or meta.get("url") or file.name,
        url=meta.get("url", ""),
        title=meta.get("title") or _headline(text),
        path=file,
    )


def article_from_text(text: str, *, published: str | None = None, source: str | None = None,
                      article_id: str | None = None) -> Article:
    """Wrap text that did not come from a file as an :class:`Article`.

    Parameters
    ----------
    text : str
        Article text, already decoded.
    published : str, optional
        Publication date ``YYYY-MM-DD``; default: a date line in the text, else None.
    source : str, optional
        Outlet, URL or name.
    article_id : str, optional
        Default: ``"text-"`` and the first 10 hex digits of the text's SHA-1.

    Returns
    -------
    Article

    Raises
    ------
    InputError
        When ``text`` is not a string, is empty, or ``published`` is not ``YYYY-MM-DD``.
    """
    if not isinstance(text, str):
        msg = f"Article text must be a str, got {type(text).__name__!r}"
        raise InputError(msg)
    text = text.removeprefix("\ufeff")
    if not text.strip():
        msg = f"Article {article_id or '<text>'!r} is empty; expected article text"
        raise InputError(msg)
    size = len(text.encode("utf-8", errors="replace"))
    if size > settings.max_article_bytes:
        msg = (f"Article {article_id or '<text>'!r} is {size} bytes, over the limit of "
               f"{settings.max_article_bytes}")
        raise InputError(msg)
    date = published or find_date_line(text)
    return Article(
        text=text,
        article_id=article_id or text_id(text),
        published=_check_date(date, name="<text>"),
        source=source or "",
        title=_headline(text),
    )


def require_published(article: Article) -> Article:
    """Return ``article`` if it has a publication date, else raise.

    Relative dates ("on Wednesday", "last month") resolve against the
    publication date, so extraction needs one.

    Parameters
    ----------
    article : Article

    Returns
    -------
    Article

    Raises
    ------
    InputError
        Naming the article and the ways to give a date.
    """
    if not article.published:
        name = str(article.path) if article.path else article.article_id
        msg = (f"Article {name!r} has no publication date: give one (--published YYYY-MM-DD "
               "on the command line, the Published field in the dashboard), or add a date line "
               "or a .meta.json sidecar")
        raise InputError(msg)
    return article


def text_id(text: str) -> str:
    """Return a short stable id for a text: ``text-`` and 10 hex digits of its SHA-1.

    Parameters
    ----------
    text : str

    Returns
    -------
    str
    """
    digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()
    return f"text-{digest[:10]}"


def iter_article_paths(paths: Iterable[str | os.PathLike]) -> Iterator[Path]:
    """Yield article files, expanding folders into their ``*.txt`` files (sorted).

    Files named explicitly are yielded as given, whatever their extension, so
    that a missing or wrong one fails loudly in :func:`load_article`.

    Parameters
    ----------
    paths : iterable of str or os.PathLike

    Yields
    ------
    pathlib.Path
    """
    for item in paths:
        path = Path(item)
        if path.is_dir():
            yield from sorted(p for p in path.glob("*.txt") if p.is_file())
        else:
            yield path


def decode_bytes(data: bytes, *, name: str = "<bytes>") -> str:
    """Decode article bytes: BOM-detected UTF-16/32 or UTF-8, else cp1252, else Latin-1.

    Line endings are kept; a BOM is removed.

    Parameters
    ----------
    data : bytes
    name : str, optional
        Name of the input for messages.

    Returns
    -------
    str

    Raises
    ------
    InputError
        When the data is empty (or only a BOM and whitespace) or binary.
    """
    return decode_text(data, name=name, what="Article")


def find_date_line(text: str, *, window: int = DATE_LINE_WINDOW) -> str | None:
    """Return the date of a date line near the top of an article, or None.

    A date line is a short line (under 80 characters) in the first ``window``
    characters that holds a full date: ``2021-08-25``, ``August 25, 2021`` or
    ``25 August 2021``. Dates inside running sentences are not publication
    dates, so longer lines are ignored.

    Parameters
    ----------
    text : str
    window : int, optional
        Characters searched from the start.

    Returns
    -------
    str or None
        ``YYYY-MM-DD``.
    """
    for line in text[:window].splitlines():
        if not line.strip() or len(line.strip()) >= 80:
            continue
        for pattern in _DATE_LINE_RES:
            found = pattern.search(line)
            if found and (date := _date_from_match(found)):
                return date
    return None


def _date_from_match(found: re.Match) -> str | None:
    parts = found.groupdict()
    if parts.get("mon"):
        month = _MONTHS.index(next(m for m in _MONTHS if m.startswith(
            parts["mon"].rstrip(".").lower()[:3]))) + 1
    else:
        month = int(parts["m"])
    try:
        return dt.date(int(parts["y"]), month, int(parts["d"])).isoformat()
    except ValueError:
        return None


def _read_bytes(file: Path) -> bytes:
    return read_input(file, what="Article", limit=settings.max_article_bytes)


def _read_sidecar(file: Path) -> dict[str, str]:
    sidecar = file.with_name(file.stem + ".meta.json")
    if not sidecar.is_file():
        return {}
    try:
        meta = json.loads(sidecar.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        msg = f"Article metadata {str(sidecar)!r} is not valid JSON: {err}"
        raise InputError(msg) from err
    if not isinstance(meta, dict):
        msg = f"Article metadata {str(sidecar)!r} must be a JSON object, got {type(meta).__name__}"
        raise InputError(msg)
    keys = ("published", "source", "url", "title")
    return {k: str(meta[k]) for k in keys if meta.get(k) not in (None, "")}


def _check_date(value: str | None, *, name: str) -> str | None:
    """Return ``YYYY-MM-DD`` from a date or ISO timestamp (sidecars often carry one)."""
    if value is None:
        return None
    found = re.match(r"(\d{4}-\d{2}-\d{2})(?:$|[T ])", str(value).strip())
    try:
        return dt.date.fromisoformat(found.group(1)).isoformat() if found else _bad_date(
            value, name)
    except ValueError:
        return _bad_date(value, name)


def _bad_date(value: object, name: str) -> None:
    msg = f"Published date {value!r} for article {name!r} is not YYYY-MM-DD"
    raise InputError(msg)


def _headline(text: str) -> str:
    """Return the first line when it reads as a headline (short, no final full stop)."""
    first = text.lstrip().split("\n", 1)[0].strip()
    if 0 < len(first) <= 200 and not first.endswith((".", "!", "?", ":")):
        return first
    return ""
