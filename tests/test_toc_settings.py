"""mkdocs.yml's `toc` settings on generated pages (plugin/content.toc_settings): a generated page's headings are
written as Python-Markdown writes a hand-written page's, its table of contents lists the levels `toc_depth` asks
for, and a setting that has no right equivalent stops the build with a message."""

from __future__ import annotations

import html
import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import markdown
import pytest

from conftest import ROOT, make_project, run_build
from faktabank.pages.render import make_env
from faktabank.plugin import content


def settings(toc: dict[str, Any]) -> content.Toc:
    return content.toc_settings(SimpleNamespace(markdown_extensions=["toc"], mdx_configs={"toc": toc}))


@pytest.mark.parametrize("toc", [
    {},
    {"permalink": True},
    {"permalink": "#", "permalink_class": "fb-lank", "permalink_title": ""},
    {"permalink": True, "permalink_leading": True},
    {"anchorlink": True},
    {"anchorlink": True, "anchorlink_class": "rubriklank", "permalink": "§", "permalink_leading": True},
])
def test_a_generated_heading_is_written_as_python_markdown_writes_one(toc: dict[str, Any]) -> None:
    by_markdown = markdown.Markdown(extensions=["attr_list", "toc"], extension_configs={"toc": toc}).convert(
        "## Två *ord* & co {#x}")
    template = make_env(heading_style=settings(toc).style).from_string(
        '{% call h(2, "x") %}Två <em>ord</em> &amp; co{% endcall %}')
    # Python-Markdown writes ¶ as &para; and & as &amp;: the same text
    assert html.unescape(template.render()) == html.unescape(by_markdown)


def test_toc_depth_sets_the_levels_a_generated_page_lists() -> None:
    page = ('<h1 id="a">A</h1><h2 id="b">B<a class="fb-lank" href="#b">#</a></h2><h3 id="c">C</h3>'
            '<h4 id="d">D</h4>')

    def listed(toc: dict[str, Any]) -> list[tuple[int, str, str]]:
        made = content.make(page, lambda x: x, settings(toc))
        out: list[tuple[int, str, str]] = []

        def walk(items: Any) -> None:
            for item in items:
                out.append((item.level, item.id, item.title))
                walk(item.children)

        walk(made.toc)
        assert made.title == "A"
        return out

    assert listed({}) == [(1, "a", "A"), (2, "b", "B#"), (3, "c", "C"), (4, "d", "D")]
    assert listed({"toc_depth": 2, "permalink_class": "fb-lank"}) == [(1, "a", "A"), (2, "b", "B")]
    assert listed({"toc_depth": "2-3"}) == [(2, "b", "B#"), (3, "c", "C")]


@pytest.mark.parametrize(("toc", "message"), [
    ({"baselevel": 2}, "toc: baselevel stöds inte"),
    ({"toc_depth": "två"}, "toc: toc_depth ska vara ett tal"),
])
def test_a_toc_setting_without_an_equivalent_is_refused(toc: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        settings(toc)


def test_a_build_with_toc_settings_writes_generated_and_hand_written_headings_alike(tmp_path: Path) -> None:
    project = make_project(tmp_path, ROOT / "data")
    config = project / "mkdocs.yml"
    text = config.read_text()
    assert "      permalink: false\n" in text
    config.write_text(text.replace("      permalink: false\n", "      permalink: '#'\n      permalink_class: fb-lank\n"
                                   "      anchorlink: true\n      toc_depth: 2\n"))
    site = tmp_path / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stderr[-3000:]
    report = (site / "rapporter" / "vasteras-2021" / "index.html").read_text()
    assert ('<h2 id="ekonomi"><a class="toclink" href="#ekonomi">Ekonomi</a>'
            '<a class="fb-lank" href="#ekonomi" title="Permanent link">#</a></h2>') in report
    toc = report.split('<nav class="md-nav md-nav--secondary"', 1)[1].split("</nav>", 1)[0]
    listed = re.findall(r'href="#([^"]+)"', toc)
    assert "ekonomi" in listed and "ekonomi-resultatrakning" not in listed  # an h2 listed, an h3 not
    assert '<h3 id="ekonomi-resultatrakning"><a class="toclink" href="#ekonomi-resultatrakning">' in report
    om = (site / "om" / "index.html").read_text()  # a hand-written page, by Python-Markdown
    assert re.search(r'<h2 id="([^"]+)"><a class="toclink" href="#\1">[^<]+</a><a class="fb-lank" href="#\1"', om)
