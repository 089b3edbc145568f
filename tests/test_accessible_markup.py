"""Accessible markup on every page of the built site (the browser tests run axe-core on one page per kind;
these read all of them): tables have captions and header cells, scrolling table boxes are named focusable
regions with unique names, and charts and images have text alternatives."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markupsafe import Markup

from faktabank.pages import a11y, render
from faktabank.pages.regions import Regions, text_of
from htmlpage import norm


@dataclass
class TableInfo:
    caption: str | None = None
    caption_id: str | None = None
    header_cells: int = 0
    body_rows: int = 0
    body_rows_with_header: int = 0
    has_thead_headers: bool = False


@dataclass
class Box:
    attrs: dict[str, str]
    tables: list[TableInfo] = field(default_factory=list)


class _Article(HTMLParser):
    """Tables, table boxes and graphics inside the page's <article>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[TableInfo] = []
        self.boxes: list[Box] = []
        self.graphics: list[str] = []
        self.captions: dict[str, str] = {}  # id → text, of captions and headings
        self._in_article = 0
        self._stack: list[TableInfo] = []
        self._divs: list[Box | None] = []
        self._caption: list[str] | None = None
        self._section = ""
        self._row_has_th = False
        self._svg_depth = 0
        self._heading: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "article":
            self._in_article += 1
        if not self._in_article:
            return
        if tag == "div":
            box = Box(a) if "fb-table" in a.get("class", "").split() else None
            self._divs.append(box)
            if box:
                self.boxes.append(box)
        elif tag == "table":
            info = TableInfo()
            self._stack.append(info)
            self.tables.append(info)
            open_boxes = [b for b in self._divs if b is not None]
            if open_boxes:
                open_boxes[-1].tables.append(info)
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6") and a.get("id"):
            self._heading = (a["id"], [])
        elif tag == "caption" and self._stack:
            self._caption = []
            self._stack[-1].caption_id = a.get("id")
        elif tag in ("thead", "tbody", "tfoot"):
            self._section = tag
        elif tag == "tr":
            self._row_has_th = False
        elif tag == "th" and self._stack:
            self._stack[-1].header_cells += 1
            self._row_has_th = True
            if self._section == "thead":
                self._stack[-1].has_thead_headers = True
        elif tag == "img":
            if "alt" not in a:
                self.graphics.append(f"<img src={a.get('src')!r}> without alt")
        elif tag == "svg":
            self._svg_depth += 1
            if self._svg_depth == 1 and a.get("aria-hidden") != "true" and not (
                    a.get("role") == "img" and (a.get("aria-label") or a.get("aria-labelledby"))):
                self.graphics.append(f"<svg class={a.get('class')!r}> without role=img and a name (or aria-hidden)")
        elif tag == "canvas" and not (a.get("aria-label") or a.get("aria-labelledby")):
            self.graphics.append("<canvas> without a name")

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._in_article -= 1
        if not self._in_article:
            return
        if tag == "div" and self._divs:
            self._divs.pop()
        elif tag == "table" and self._stack:
            self._stack.pop()
        elif tag == "caption" and self._caption is not None and self._stack:
            self._stack[-1].caption = norm("".join(self._caption))
            if self._stack[-1].caption_id:
                self.captions[self._stack[-1].caption_id] = self._stack[-1].caption
            self._caption = None
        elif tag == "tr" and self._stack and self._section in ("tbody", ""):
            self._stack[-1].body_rows += 1
            self._stack[-1].body_rows_with_header += self._row_has_th
        elif tag == "svg":
            self._svg_depth -= 1
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6") and self._heading:
            self.captions[self._heading[0]] = norm("".join(self._heading[1]))
            self._heading = None

    def handle_data(self, data: str) -> None:
        if self._caption is not None:
            self._caption.append(data)
        if self._heading is not None:
            self._heading[1].append(data)


def pages(site: Path) -> list[tuple[str, _Article]]:
    out = []
    for file in sorted(site.rglob("*.html")):
        parser = _Article()
        parser.feed(file.read_text(encoding="utf-8"))
        out.append((file.relative_to(site).as_posix(), parser))
    return out


def test_every_table_has_a_caption_and_header_cells(built_site: Path) -> None:
    problems, count = [], 0
    for url, page in pages(built_site):
        for t in page.tables:
            count += 1
            if not t.caption:
                problems.append(f"{url}: a table without caption")
            if not (t.has_thead_headers or t.body_rows_with_header == t.body_rows) or not t.header_cells:
                problems.append(f"{url}: table {t.caption!r} has rows without header cells")
    assert count > 500
    assert not problems, "\n".join(problems[:40])


def region_problems(site: Path) -> tuple[list[str], int]:
    """Table boxes in a built site that are not named, focusable regions, or share a name on their page; and how
    many boxes hold a table."""
    problems, count = [], 0
    for url, page in pages(site):
        names = []
        for box in page.boxes:
            if not box.tables:
                continue
            count += 1
            a = box.attrs
            name = " ".join(page.captions.get(i, "") for i in a.get("aria-labelledby", "").split()).strip()
            if a.get("role") != "region" or a.get("tabindex") != "0" or not name:
                problems.append(f"{url}: box {a.get('id')!r} is not a named region with tabindex=0: {a}")
            names.append(name)
        problems += [f"{url}: two regions named {n!r}" for n, k in Counter(names).items() if k > 1 and n]
    return problems, count


def test_table_boxes_are_named_focusable_regions_with_unique_names(built_site: Path) -> None:
    problems, count = region_problems(built_site)
    assert count > 300
    assert not problems, "\n".join(problems[:40])


def test_charts_and_images_have_text_alternatives(built_site: Path) -> None:
    problems = [f"{url}: {g}" for url, page in pages(built_site) for g in page.graphics]
    assert not problems, "\n".join(problems[:40])


def test_a_repeated_caption_gets_a_number_only_a_screen_reader_hears() -> None:
    """The templates' table_box, three boxes with one caption and a caption that reads like a numbered one: every
    box a region named by its own caption, no two names alike, the first caption as it is."""
    env = render.make_env()
    template = env.from_string(
        '<article>{% set c %}Pengar <span class="fb-unit">(kr)</span>{% endset %}'
        '{% for _ in range(3) %}{% call table_box(regions, c) %}<tbody><tr><th>1</th></tr></tbody>{% endcall %}'
        '{% endfor %}{% call table_box(regions, "Pengar (kr) (tabell 3)", id="x") %}<tbody><tr><th>1</th></tr>'
        '</tbody>{% endcall %}</article>')
    page = _Article()
    page.feed(template.render(regions=Regions()))
    names = [" ".join(page.captions[i] for i in b.attrs["aria-labelledby"].split()) for b in page.boxes]
    assert names == ["Pengar (kr)", "Pengar (kr) (tabell 2)", "Pengar (kr) (tabell 3)", "Pengar (kr) (tabell 3) (tabell 2)"]
    assert all(b.attrs["role"] == "region" and b.attrs["tabindex"] == "0" for b in page.boxes)
    assert [b.attrs.get("id") for b in page.boxes] == [None, None, None, "x"]


def test_markdown_tables_get_captions() -> None:
    html = a11y.improve('<article><h2 id="a">Avsnitt &amp; A</h2><table>\n<thead><tr><th>x</th></tr></thead></table>'
                        '<p class="fb-caption">Filerna</p>\n<table>\n<thead><tr><th>x</th></tr></thead></table></article>')
    page = _Article()
    page.feed(html)
    assert [t.caption for t in page.tables] == ["Avsnitt & A", "Filerna"]


@pytest.mark.parametrize("caption", ['Pengar <span class="fb-unit">(kr)</span><br><span>Källa: <a href="x">Å &amp; B</a></span>',
                                     "A<b>B</b>  &lt;c&gt;\n d", "plain"])
def test_a_caption_is_named_by_its_text_as_striptags_reads_it(caption: str) -> None:
    assert text_of(Markup(caption)) == Markup(caption).striptags()
