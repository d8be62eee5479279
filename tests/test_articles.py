"""Reading articles: decoding, metadata, hostile input."""

from __future__ import annotations

import json

import pytest

from geomap import settings
from geomap.articles import (
    article_from_text,
    decode_bytes,
    find_date_line,
    iter_article_paths,
    load_article,
    text_id,
)
from geomap.exceptions import GeomapError, InputError

TEXT = "Headline Here\n\nAugust 25, 2021\n\nOn Monday, the council met in Dushanbe.\r\n"


def test_seed_article_loads_with_published_argument():
    article = load_article(settings.seed_article, published="2021-08-25")
    assert article.article_id == "article-2021-08-25-putin-xi-afghanistan"
    assert article.published == "2021-08-25"
    assert article.title.startswith("Putin, Xi Agree")
    assert article.source == settings.seed_article.name
    assert article.text == settings.seed_article.read_bytes().decode("utf-8")


def test_line_endings_are_kept(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(TEXT.encode("utf-8"))
    assert load_article(path).text == TEXT


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be",
                                      "cp1252", "latin-1"])
def test_encodings_decode_to_the_same_text(tmp_path, encoding):
    text = "Caf\u00e9 talks \u2013 \u201cquoted\u201d in K\u00f6ln.\n"
    if encoding in ("latin-1",):
        text = "Caf\u00e9 talks in K\u00f6ln.\n"
    data = text.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):
        data = ("\ufeff" + text).encode(encoding)
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    decoded = load_article(path).text
    assert decoded == text
    assert not decoded.startswith("\ufeff")


def test_sidecar_metadata(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("The Taliban took Kabul on Sunday.", encoding="utf-8")
    meta = {"published": "2021-08-17T09:00:00Z", "source": "Example News",
            "url": "https://example.org/story", "title": "Kabul falls"}
    (tmp_path / "story.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    article = load_article(path)
    assert (article.published, article.source, article.url, article.title) == (
        "2021-08-17", "Example News", "https://example.org/story", "Kabul falls")
    assert load_article(path, published="2021-08-18", source="X").published == "2021-08-18"
    assert load_article(path, source="X").source == "X"


def test_bad_sidecar_is_an_input_error(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Text.", encoding="utf-8")
    (tmp_path / "story.meta.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="story.meta.json"):
        load_article(path)


def test_date_line_near_the_top():
    assert find_date_line(TEXT) == "2021-08-25"
    assert find_date_line("Title\n2021-08-18\nBody.") == "2021-08-18"
    assert find_date_line("Title\n25 August 2021\nBody.") == "2021-08-25"
    long_line = "In a long sentence on August 25, 2021 something " + "x " * 40
    assert find_date_line(long_line) is None
    assert find_date_line("No date here.") is None


def test_article_from_text_hashes_and_finds_date():
    article = article_from_text(TEXT)
    assert article.article_id == text_id(TEXT)
    assert article.article_id.startswith("text-") and len(article.article_id) == 15
    assert article.published == "2021-08-25"
    assert article_from_text("Body only.").published is None
    assert article_from_text("\ufeffBody.").text == "Body."


@pytest.mark.parametrize("make, problem", [
    (lambda p: p, "does not exist"),
    (lambda p: (p.mkdir(), p)[1], "folder"),
    (lambda p: (p.write_bytes(b""), p)[1], "empty"),
    (lambda p: (p.write_bytes(b"  \n\t\n"), p)[1], "empty"),
    (lambda p: (p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR"), p)[1], "binary"),
])
def test_hostile_files_raise_input_error_naming_the_path(tmp_path, make, problem):
    path = make(tmp_path / "bad.txt")
    with pytest.raises(InputError, match=problem) as info:
        load_article(path)
    assert repr(str(path)) in str(info.value)
    assert isinstance(info.value, GeomapError) and isinstance(info.value, ValueError)


def test_too_large_file(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_text("x" * 100, encoding="utf-8")
    monkeypatch.setattr(settings, "max_article_bytes", 50)
    with pytest.raises(InputError, match="over the limit"):
        load_article(path)


def test_bad_published_date(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Text.", encoding="utf-8")
    with pytest.raises(InputError, match="not YYYY-MM-DD"):
        load_article(path, published="25/08/2021")
    with pytest.raises(InputError, match="not YYYY-MM-DD"):
        article_from_text("Text.", published="2021-02-30")


def test_non_str_text_is_rejected():
    with pytest.raises(InputError, match="bytes"):
        article_from_text(b"bytes")  # type: ignore[arg-type]


def test_decode_bytes_rejects_nul():
    with pytest.raises(InputError, match="binary"):
        decode_bytes("a\x00b".encode("utf-8"), name="x")


def test_iter_article_paths_expands_folders_sorted(tmp_path):
    for name in ("b.txt", "a.txt", "c.md"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    single = tmp_path / "elsewhere.log"
    found = list(iter_article_paths([tmp_path, single]))
    assert found == [tmp_path / "a.txt", tmp_path / "b.txt", single]
