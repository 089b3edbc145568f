"""simplemd, the fast path for generated pages' Markdown, against MkDocs' own `Page.render`.

For every generated page of the real data (both editions), the minimal fixture and a small synthetic national
dataset: where simplemd converts a page, the HTML, table of contents, title and anchors must be exactly what
`Page.render` gives; and it must convert most pages, or it saves nothing.
"""

from __future__ import annotations

import sys
from pathlib import Path

import markdown
import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkPage

from conftest import MINIMAL, ROOT
from faktabank.load.loader import Options, build
from faktabank.pages.render import Renderer
from faktabank.speed import rawhtml, simplemd

sys.path.insert(0, str(ROOT / "scripts"))
from generate_national import generate

BLOCK_LEVEL = markdown.Markdown().is_block_level


def _toc(items: object) -> list:
    return [(a.title, a.id, a.level, _toc(a.children)) for a in items]


def _compare(data_root: Path, edition: str) -> tuple[int, int]:
    config = load_config(str(ROOT / "mkdocs.yml"))
    config.plugins._current_plugin = None  # File.generated asks which plugin is running
    state = rawhtml.StashState()
    config.markdown_extensions.append(rawhtml.StashExtension(state))
    pages = Renderer(build(data_root, Options(edition=edition))).pages()
    files = Files([File.generated(config, p.src_uri, content="") for p in pages])
    converted = 0
    for p in pages:
        source = p.content
        fast = simplemd.convert(source, BLOCK_LEVEL)
        if fast is None:
            continue
        converted += 1
        page = MkPage(None, files.get_file_from_path(p.src_uri), config)
        page.markdown = source
        state.enabled = True
        page.render(config, files)
        state.enabled = False
        assert fast.content == page.content, p.src_uri
        assert _toc(fast.toc) == _toc(page.toc), p.src_uri
        assert fast.title == page._title_from_render, p.src_uri
        assert fast.anchors == set(page.present_anchor_ids) | state.anchors, p.src_uri
    return converted, len(pages)


@pytest.mark.parametrize("edition", ["public", "internal"])
def test_real_data_converts_exactly_as_mkdocs(edition: str) -> None:
    converted, total = _compare(ROOT, edition)
    assert converted >= 0.8 * total


def test_fixture_and_national_data_convert_exactly_as_mkdocs(tmp_path: Path) -> None:
    converted, total = _compare(MINIMAL, "internal")
    assert converted >= 0.7 * total
    generate(tmp_path, seed=5, forbund=2, years=3)
    converted, total = _compare(tmp_path, "public")
    assert converted >= 0.9 * total


@pytest.mark.parametrize("source", [
    "# Rubrik\n\n- en lista\n",
    "# Rubrik\n\nText med *betoning*.\n",
    "# Rubrik\n\nText med [länk](../x.md).\n",
    "# Rubrik\n\n    kod\n",
    "# Rubrik\n\n!!! note\n    En anteckning.\n",
    "# Rubrik\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
    "# Rubrik\n\nRad med radbrytning  \nnästa.\n",
    "# Rubrik\n\n<script>x</script>\n",
    "# Rubrik # \n",
])
def test_other_markdown_is_left_to_mkdocs(source: str) -> None:
    assert simplemd.convert(source, BLOCK_LEVEL) is None


@pytest.mark.parametrize("block", [
    '<table>\n<tr><td>1</td></tr>\n</table>',
    '<div id="a"><p>x</p></div>',
    "<div class='x' id='b'></div>",
    '<a name="c">x</a>',
    '<a  href="#" name="d">x</a>',
    '<p data-id="e">x</p>',
    '<p title="x id=&quot;f&quot;">x</p>',
    '<td>valid=1 name=x</td>',
])
def test_anchors_are_what_the_expression_finds(block: str) -> None:
    """A block without 'id=' or 'name=' is not scanned: what it skips, the expression never finds."""
    expected = {a or b for a, b in rawhtml._ID.findall(block)}
    assert rawhtml.anchors(block) == {x.replace("&quot;", '"') for x in expected}
