import re

import pytest

from geomap import _assets
from geomap.exceptions import ExportError
from geomap.export import render_html, save_html, save_png
from geomap.mapping import map_from_events

EXTERNAL = re.compile(r'<(?:script|link)[^>]+(?:src|href)="https?://')


def test_default_export_is_self_contained(seed_events):
    html = render_html(map_from_events(seed_events))
    assert not EXTERNAL.search(html)
    assert "geomap-asset:" not in html
    assert "Leaflet 1.9.4" in html and "geomap.pointsLayer" in html
    assert "data:image/png;base64" in html  # layer-control icon inlined


def test_cdn_export_links_leaflet(seed_events):
    html = render_html(map_from_events(seed_events), cdn=True)
    assert '<script src="https://cdn.jsdelivr.net/npm/leaflet@1.9.4/dist/leaflet.js">' in html
    assert "geomap.pointsLayer" in html  # geomap's own runtime is always inline
    assert len(html) < len(render_html(map_from_events(seed_events)))


def test_export_is_deterministic(seed_events):
    assert render_html(map_from_events(seed_events)) == render_html(map_from_events(seed_events))


def test_export_shows_layers_and_attribution(seed_events):
    html = render_html(map_from_events(seed_events))
    for text in ("Border crossings", "Movements", "Countries", "Rivers",
                 "GeoNames (CC BY 4.0)", "Natural Earth", "OpenStreetMap"):
        assert text in html


def test_article_text_is_escaped(hostile_events):
    html = render_html(map_from_events(hostile_events))
    assert "<script>window.__pwned" not in html
    assert "<img src=x" not in html and "<b>bold</b>" not in html
    assert html.count("</script>") == html.count("<script")


def test_save_html_is_atomic(tmp_path, seed_events):
    out = save_html(map_from_events(seed_events), tmp_path / "map.html")
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["map.html"]
    with pytest.raises(ExportError, match="does not exist"):
        save_html(map_from_events(seed_events), tmp_path / "missing" / "map.html")


def test_png_without_chromium_says_so(tmp_path, seed_events, monkeypatch):
    monkeypatch.setattr("geomap.export.find_chromium", lambda: None)
    with pytest.raises(ExportError, match="Chromium"):
        save_png(map_from_events(seed_events), tmp_path / "map.png")
    assert not (tmp_path / "map.png").exists()


def test_assets_are_pinned_files():
    for asset in _assets.ASSETS:
        assert asset.path.is_file(), asset
    assert "</script" not in _assets.asset_text(_assets.ASSETS[0])
