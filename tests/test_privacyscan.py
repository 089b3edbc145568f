"""The privacy plugin asked only about the stretches of a page that can hold an external URL
(hooks/faktabank/privacyscan.py) gives what it gives for the whole page."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File

from conftest import ROOT
from faktabank.speed import privacyscan

TRICKY = [
    "",
    "<p>no links at all</p>",
    '<a href="https://example.org/" target="_blank">x</a>',
    '<p>before</p><a class="x" HREF=\'https://example.org/a\' target="_blank" rel="nofollow">y</a><p>after</p>',
    '<a href=//example.org/protocol-relative>z</a>',  # the plugin writes this tag anew (quotes the value)
    '<a data-href="https://example.org/" href="../lokal/">w</a>',
    '<a title="a>b" href="https://example.org/">after a > in a value</a>',
    '<a href="https://one.example/"><a href="https://two.example/" target="_blank">two in a row</a></a>',
    '<a href="https://unfinished.example/',
    'text href="https://example.org/" outside a tag <b>bold</b>',
    '<abbr title="t" href="https://example.org/">abbr starts with a</abbr>',
    '<span>1</span><span>2</span><a\nhref="https://example.org/"\ntarget="_blank">across lines</a>',
]


@pytest.fixture(scope="module")
def privacy(tmp_path_factory: pytest.TempPathFactory):
    site = tmp_path_factory.mktemp("site")
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site))
    plugin = config.plugins["material/privacy"]
    plugin.on_config(config)
    original = plugin._parse_html  # the plugin's own scan, bound to the configured plugin
    assert privacyscan.install(plugin) and plugin._parse_html is not original
    initiator = File("personer/exempel.md", config.docs_dir, config.site_dir, True)
    return original, plugin._parse_html, initiator, config


@pytest.mark.parametrize("html", TRICKY)
def test_the_windowed_scan_gives_what_the_whole_scan_gives(privacy, html: str) -> None:
    original, windowed, initiator, config = privacy
    assert windowed(html, initiator, config) == original(html, initiator, config)


def test_every_page_of_the_site_scans_the_same(privacy, built_site: Path) -> None:
    original, windowed, initiator, config = privacy
    pages = sorted(built_site.rglob("*.html"))
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert windowed(html, initiator, config) == original(html, initiator, config), path
    assert len(pages) > 100 and privacyscan.windows(pages[0].read_text(encoding="utf-8"))


def test_a_window_is_the_tag_around_the_url_and_no_more() -> None:
    html = '<p>a</p><a class="x" href="https://example.org/">b</a><p>c</p>'
    (start, end), = privacyscan.windows(html)
    assert html[start:end] == '<a class="x" href="https://example.org/">'
    assert privacyscan.windows('<a href="https://a/"><a href="https://b/">') == [(0, 21), (21, 42)]
    assert privacyscan.windows('<a data-src="//x/" href="https://b/">') == [(0, 37)]


def test_another_scan_is_left_alone() -> None:
    class Other:
        def _parse_html(self, output, initiator, config):
            return output.replace("http://", "https://")

    plugin = Other()
    assert not privacyscan.install(plugin)
    assert plugin._parse_html.__func__ is Other._parse_html
