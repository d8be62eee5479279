"""Private text plumbing for the extractor: sentences, quotations and clauses.

Web articles copied as text break sentences apart wherever the page had a
link: "the Taliban\\n\\nnamed several figures\\n\\nrepresenting ...". The
splitter first cuts the text into blocks at line breaks, then glues a block to
the next one when the block cannot end a sentence (no final punctuation, and
it ends with a comma, a lower-case word or a title such as "Minister", or the
next block starts in lower case). Two or more blank lines always end a
paragraph. Blocks that stay unpunctuated are headlines (the first one),
photo captions (long) or credits (short).

Inside a paragraph, sentences end at ``.``, ``!`` or ``?`` (with any closing
quotes or brackets) followed by white space and a capital, a digit or an
opening quote, except after common abbreviations and initials.

Offsets are Python str offsets into the text as given; every span satisfies
``text[start:end] == sentence.text``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geomap.dates import TIME_STAMP

_TERMINAL = tuple(".!?:;") + ("\u201d", '"', "\u2019", ")")
# Words after which a line break cannot end a sentence: a person's title comes before a name.
_TITLE_END = frozenset(
    """president minister secretary state chancellor premier spokesman spokeswoman spokesperson
    ambassador envoy general gen. commander chief leader king queen emir prince mr. mrs. ms. dr.
    sen. gov. rep. director chairman official officials correspondent reporter""".split()
)
# Words that cannot end a sentence: "as quoted by the", "because it has", "including".
_FUNCTION_END = frozenset(
    """the a an of to by with and or but in on at for from as that which who whose whom
    including into onto than its their his her our your has have had is are was were be been
    being will would could should can may might must said says told according via over under
    between among against about after before during despite like such these those this""".split()
)
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col maj capt sgt adm cmdr sen rep gov st mt ft jr sr inc ltd co
    corp vs etc e.g i.e u.s u.k u.n u.s.a no nos jan feb mar apr jun jul aug sep sept oct nov
    dec approx est fig al a.m p.m""".split()
)
_BLOCK_BREAK = re.compile(r"[ \t]*(?:\r\n|\r|\n)(?:[ \t]*(?:\r\n|\r|\n))*[ \t]*")
_SENTENCE_END = re.compile(
    r"[.!?]+[\"\u201d\u2019')\]]*(?=\s+[\"\u201c\u2018'(\[]?[A-Z0-9\u00c0-\u024f])")
_QUOTE = re.compile(r"\u201c[^\u201c\u201d]*(?:\u201d|$)|\"[^\"\n]*\"", re.MULTILINE)
_CAPTION_START = re.compile(r"^\s*(?:\(FILES?\)|\(PHOTO\)|\(AP Photo|\(AFP|\(Reuters|photo:|"
                            r"file photo|in this (?:file )?(?:photo|picture|image))", re.I)


@dataclass(frozen=True)
class Sentence:
    """One sentence (or caption) of an article.

    Attributes
    ----------
    start, end : int
        Offsets in the article text, end exclusive.
    text : str
        ``article_text[start:end]``.
    index : int
        Position among the article's sentences.
    paragraph : int
        Index of the paragraph (after gluing broken lines) it belongs to.
    role : str
        ``"body"``, ``"headline"``, ``"caption"`` or ``"credit"``.
    """

    start: int
    end: int
    text: str
    index: int
    paragraph: int
    role: str = "body"


def split_sentences(text: str) -> list[Sentence]:
    """Split an article into sentences, captions and headlines with offsets.

    Parameters
    ----------
    text : str

    Returns
    -------
    list of Sentence

    Examples
    --------
    >>> [s.text for s in split_sentences("The Taliban\\n\\nnamed a council. It met.")]
    ['The Taliban\\n\\nnamed a council.', 'It met.']
    """
    sentences: list[Sentence] = []
    paragraphs = _paragraphs(text)
    for number, (start, end, gap) in enumerate(paragraphs):
        last = number == len(paragraphs) - 1
        role = _paragraph_role(text, start, end, first=number == 0, alone=gap < 3 and not last,
                               last=last)
        for s_start, s_end in _split_paragraph(text, start, end):
            sentences.append(Sentence(s_start, s_end, text[s_start:s_end], len(sentences),
                                      number, role))
    return sentences


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Return the spans of text inside double quotation marks (marks included).

    Parameters
    ----------
    text : str

    Returns
    -------
    list of (int, int)
    """
    return [m.span() for m in _QUOTE.finditer(text)]


def _blocks(text: str) -> list[tuple[int, int, int]]:
    """Return ``(start, end, newlines_after)`` for each non-blank run between line breaks."""
    blocks = []
    pos = 0
    for brk in _BLOCK_BREAK.finditer(text):
        if brk.start() > pos and text[pos:brk.start()].strip():
            blocks.append([pos, brk.start(), 0])
        if blocks:
            blocks[-1][2] = max(blocks[-1][2], brk.group(0).count("\n") + brk.group(0).count(
                "\r") - brk.group(0).count("\r\n"))
        pos = brk.end()
    if pos < len(text) and text[pos:].strip():
        blocks.append([pos, len(text), 0])
    return [(_lstrip(text, s, e), _rstrip(text, s, e), n) for s, e, n in blocks]


def _paragraphs(text: str) -> list[tuple[int, int, int]]:
    """Return ``(start, end, newlines_after)`` of each paragraph, broken lines glued."""
    blocks = _blocks(text)
    paragraphs: list[tuple[int, int, int]] = []
    i = 0
    while i < len(blocks):
        start, end, gap = blocks[i]
        while i + 1 < len(blocks) and _glue(text, (start, end), blocks[i + 1], gap, start == 0):
            i += 1
            end, gap = blocks[i][1], blocks[i][2]
        paragraphs.append((start, end, gap))
        i += 1
    return paragraphs


def _glue(text: str, current: tuple[int, int], nxt: tuple[int, int, int], gap: int,
          at_top: bool) -> bool:
    """Return whether the block after ``current`` continues its sentence."""
    if gap >= 3:  # two or more blank lines: the writer ended the paragraph
        return False
    body = text[current[0]:current[1]].rstrip()
    if not body or body.endswith(_TERMINAL):
        return False
    following = text[nxt[0]:nxt[1]]
    if _DATELINE_START.match(following):
        return False  # "..., SDF says\n\nQAMISHLI, Syria, Nov 23 (Reuters) -": a new story line
    if following[:1].islower() or following[:1] in ",;)–-":
        return True
    last = body.split()[-1]
    if body.endswith((",", "-", "–", "—")) or last.lower() in _TITLE_END | _FUNCTION_END:
        return True
    # A single line break inside a paragraph is hard wrapping, except below a headline.
    return gap == 1 and not at_top


#: A wire dateline opening a block: "QAMISHLI, Syria, Nov 23 (Reuters) -", "KABUL (AP) -".
_DATELINE_START = re.compile(r"[A-Z][A-Z.’'/ -]{2,40}(?:,\s*[A-Z][\w.]*){0,2}(?:,\s*[A-Z][a-z]{2,8}"
                             r"\.?\s+\d{1,2})?\s*(?:\([^)]{1,30}\)\s*)?[-—–]\s")

#: A photo credit closing a caption: "(Reuters)", "(AFP)", "(Russian Defence Ministry/Handout)".
_CREDIT_END = re.compile(r"[.!?]\s*\((?:[A-Z][\w.’'-]*)(?:[\s/][\w.’'-]+){0,5}\)$")

_CAPTION_DATE_END = re.compile(
    r"(?:,\s*|\bon\s+)(?:(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\s+\d{1,2},\s+\d{4}|\d{1,2}\s+(?:January|February|March|"
    r"April|May|June|July|August|September|October|November|December)\s+\d{4})\.$")


_STAMPED = re.compile(TIME_STAMP + r"\s+\S")


def _paragraph_role(text: str, start: int, end: int, *, first: bool, alone: bool,
                    last: bool = False) -> str:
    """Name what an unpunctuated paragraph is.

    A caption or credit stands between body paragraphs with one blank line
    around it; a paragraph whose last words were a link ends with a hard break
    (two blank lines) or the end of the text, and is body text.
    """
    body = text[start:end].strip()
    if _CAPTION_START.match(body):
        return "caption"
    credit = _CREDIT_END.search(body)
    if credit and not first and not re.search(r"[.!?]\s+[A-Z]", body[:credit.start()]):
        # "Soldiers check papers at the Torkham border on Thursday. (EPA)": one sentence
        # closed by the photo agency's credit.
        return "caption"
    if body.endswith(_TERMINAL):
        # "Soldiers stand guard at a checkpoint in X, on March 18, 2024.": a photo caption
        # (agencies close captions with the full date), one sentence standing alone.
        if not first and _CAPTION_DATE_END.search(body) and not re.search(r"[.!?]\s+[A-Z]",
                                                                        body[:-1]):
            return "caption"
        return "body"
    if first or _STAMPED.match(body):
        # "10:50 - Lebanese army returns fire": a live blog's entry heading, which the
        # entry below it tells in full.
        return "headline"
    if last and len(body.split()) >= 6:
        return "caption"  # a photo caption closing the copied text
    if not alone:
        return "body"
    return "caption" if len(body.split()) >= 6 else "credit"


def _split_paragraph(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    pos = start
    chunk = text[start:end]
    quotes = quoted_spans(chunk)
    for match in _SENTENCE_END.finditer(chunk):
        cut = match.end()
        if _is_abbreviation(chunk, match.start()) or _inside(quotes, match.start(), cut):
            continue
        spans.append((pos, start + cut))
        pos = _lstrip(text, start + cut, end)
    if pos < end:
        spans.append((pos, end))
    return [(s, e) for s, e in ((_lstrip(text, s, e), _rstrip(text, s, e)) for s, e in spans)
            if e > s]


def _inside(quotes: list[tuple[int, int]], dot: int, cut: int) -> bool:
    # A full stop inside a quotation ends the sentence only when the quotation ends there too.
    return any(q0 < dot and cut < q1 for q0, q1 in quotes)


def _is_abbreviation(chunk: str, dot: int) -> bool:
    if chunk[dot] != ".":
        return False
    word = re.search(r"([\w.]+)$", chunk[:dot])
    if word is None:
        return False
    token = word.group(1).lower()
    return token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def _lstrip(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
