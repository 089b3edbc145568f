"""Hostile values in every string field of every kind of data file, built: nothing of them becomes markup.

A scratch copy of data/ gets one batch of values in every string field the JSON Schemas declare (tests/hostile.py
lists them from the schemas, so a new field is covered) and is built once per batch. The built pages, the search
index and the open data are then read: no element, attribute, link or image came from the data, nothing was
evaluated as a template, no traceback, and the values are in the open data exactly as written.
"""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from hostile import FREE, MARKDOWN, NAME, all_string_fields, data_files, fill

from conftest import MINIMAL, ROOT, make_project, run_build
from faktabank.load.limits import MAX_STRING_CHARS
from faktabank.load.yamlload import load
from faktabank.text.markdownfields import markdown_html, markdown_inline

MARK = "fbx"  # every element, attribute, scheme or host a payload tries to add contains it
HTML = (f'<{MARK}el {MARK}attr="1">x</{MARK}el></title><script>{MARK}script()</script>'
        f'<img src=x onerror={MARK}onerror()> x" {MARK}dq="1 y\' {MARK}sq=\'1 &amp; &lt;{MARK}ent {MARK}eattr=1&gt;')
# Markup written as entities: text, unless something unescapes it twice (as Material's title did). A name may
# hold it (it has no < or >).
ENTITIES = f'Karin &lt;/title&gt;&lt;{MARK}ent {MARK}eattr=1&gt; &amp;lt;{MARK}twice&amp;gt; x" {MARK}dq="1'
ATTR_LIST = f"{{: {MARK}attr=1 onclick={MARK}click() }}"
LINKS = (f"[{MARK}js](javascript:{MARK}js()) [{MARK}data](data:text/html,{MARK}data) "
         f"![{MARK}img](https://{MARK}.invalid/i.png) <javascript:{MARK}auto()>")
JINJA = f"{{{{ '{MARK}' ~ 'jinja' }}}} {{% raw %}} {{# {MARK}comment #}}"
# A title as a hand-written page could give it: the text "</title><script>…" written as entities in a heading
TITLE_PAGE = f"# Karin &lt;/title&gt;&lt;script&gt;{MARK}title()&lt;/script&gt;&lt;title&gt;\n\nText.\n"


# An address the payloads write: a script or data scheme, or their host (a page's own anchors may hold the mark:
# a heading's id is made from its text)
_FOREIGN = re.compile(rf"(javascript|data|vbscript)\s*:|{MARK}\.invalid", re.IGNORECASE)


class _Elements(HTMLParser):
    """Every element of a page: tag, attributes, and the text inside <script> and <title>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.script_text: list[str] = []
        self.title_text: list[str] = []
        self._in: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        self._in.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._in:
            del self._in[len(self._in) - 1 - self._in[::-1].index(tag):]

    def handle_data(self, data: str) -> None:
        if self._in and self._in[-1] == "script":
            self.script_text.append(data)
        if self._in and self._in[-1] == "title":
            self.title_text.append(data)


def markup_from_data(html: str) -> list[str]:
    """What of the payloads became markup in one HTML text: elements, attributes, links, images, scripts."""
    parser = _Elements()
    parser.feed(html)
    found = []
    for tag, attrs in parser.tags:
        if MARK in tag:
            found.append(f"element <{tag}>")
        for name, value in attrs:
            value = value or ""
            if MARK in name:
                found.append(f"attribute {name} on <{tag}>")
            elif name.startswith("on") and MARK in value:
                found.append(f"handler {name}={value!r} on <{tag}>")
            elif name in ("href", "src", "action", "formaction", "srcset") and _FOREIGN.search(value):
                found.append(f"{name}={value!r} on <{tag}>")
    found += [f"script {text[:60]!r}" for text in parser.script_text if MARK in text]
    if f"{MARK}jinja" in html:
        found.append("a Jinja expression from the data was evaluated")
    return found


def _scratch(tmp: Path, name: str, data: Path = ROOT / "data") -> Path:
    folder = tmp / name
    folder.mkdir()
    return make_project(folder, data)


def _uncovered_lists(project: Path) -> frozenset[str]:
    """The lists no data file has yet, holding a string field: added with one item so that the field is filled."""
    touched: set[str] = set()
    for file, kind in data_files(project):
        _, found = fill(load(file, file.name).data, kind, lambda *_: "x")
        touched |= found
    return frozenset(field.rsplit("[]", 1)[0] for field in set(all_string_fields()) - touched if "[]" in field)


def put_values(project: Path, free: str, name: str, only: str | None = None) -> set[str]:
    """Every free-text field (plain or Markdown) of every data file gets `free` added to its text (or as its text,
    when missing); every name field gets `name` added; with `only`, only the fields of that kind get anything.
    Returns the fields filled."""
    lists = _uncovered_lists(project)
    touched: set[str] = set()

    def value_for(_field: str, kind: str, old: str) -> str:
        extra = name if kind == NAME else free
        if only is not None and kind != only:
            extra = ""
        return f"{old or 'Tillagd'} {extra}".strip()

    for file, kind in data_files(project):
        data, found = fill(load(file, file.name).data, kind, value_for, add_lists=lists)
        touched |= found
        file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    return touched


def build_checked(project: Path, site: Path, edition: str = "public") -> list[str]:
    """Build; every finding of markup from the data in pages, search index and open data."""
    result = run_build(project, site, {"FAKTABANK_EDITION": edition})
    assert result.returncode == 0, result.stderr[-4000:]
    assert "Traceback" not in result.stderr
    findings = []
    for page in sorted(site.rglob("*.html")):
        findings += [f"{page.relative_to(site)}: {f}" for f in markup_from_data(page.read_text(encoding="utf-8"))]
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for doc in index["docs"]:
        for key in ("title", "text"):
            findings += [f"search index {doc['location']} {key}: {f}" for f in markup_from_data(doc.get(key, ""))]
    return findings


def open_data_texts(site: Path) -> str:
    """The open data as a reuser reads it: every CSV cell and every JSON string, one per line."""
    texts: list[str] = []
    for file in sorted((site / "data").rglob("*.csv")):
        texts += [cell for row in csv.reader(io.StringIO(file.read_text(encoding="utf-8"))) for cell in row]

    def strings(value: object) -> None:
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, dict):
            for v in value.values():
                strings(v)
        elif isinstance(value, list):
            for v in value:
                strings(v)

    for file in sorted((site / "data").rglob("*.json")):
        strings(json.loads(file.read_text(encoding="utf-8")))
    return "\n".join(texts)


def test_every_string_field_of_every_schema_is_filled(tmp_path: Path) -> None:
    project = _scratch(tmp_path, "fields")
    touched = put_values(project, "x", "x")
    assert set(all_string_fields()) - touched == set()
    assert len(touched) > 90


@pytest.mark.parametrize("edition", ["public", "internal"])
def test_html_in_every_text_field_stays_text(tmp_path: Path, edition: str) -> None:
    project = _scratch(tmp_path, edition)
    put_values(project, HTML, ENTITIES)  # a name with < or > is refused (test_hostile_input)
    (project / "docs" / "titeltest.md").write_text(TITLE_PAGE, encoding="utf-8")
    site = tmp_path / edition / "out"
    assert build_checked(project, site, edition) == []
    pages = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    assert f"&lt;{MARK}el {MARK}attr=" in pages  # the payload is on the pages, as text
    assert f"&amp;lt;{MARK}ent {MARK}eattr=1&amp;gt;" in pages  # entities in a name too, in headings and titles
    assert re.search(f"<title>[^<]* Karin &amp;lt;/title&amp;gt;&amp;lt;{MARK}ent [^<]*</title>", pages)
    title = (site / "titeltest" / "index.html").read_text(encoding="utf-8")
    assert f"<title>Karin &lt;/title&gt;&lt;script&gt;{MARK}title()&lt;/script&gt;&lt;title&gt; - " in title
    assert HTML in open_data_texts(site) and ENTITIES in open_data_texts(site)  # exactly as written


def test_jinja_syntax_in_every_field_is_never_evaluated(tmp_path: Path) -> None:
    project = _scratch(tmp_path, "jinja")
    put_values(project, JINJA, JINJA)
    site = tmp_path / "jinja" / "out"
    assert build_checked(project, site) == []
    pages = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    assert f"{MARK}comment" in pages and f"{MARK}jinja" not in pages
    assert JINJA in open_data_texts(site)


def test_long_texts_in_every_field_build(tmp_path: Path) -> None:
    """Texts just under the limit (limits.MAX_STRING_CHARS) in every field of the small fixture, names included:
    the build neither fails nor crashes (a heading's anchor, a page title and a table cell of 9 000 characters)."""
    project = _scratch(tmp_path, "long", MINIMAL / "data")  # data/ with this in every field passes 5 MB a file
    long_text = ("Långt" + "x" * 40 + " ") * 200  # 9 200 characters in words of 46
    assert len(long_text) + len("Samordningsförbundet Exempel ") < MAX_STRING_CHARS
    put_values(project, long_text, long_text)
    site = tmp_path / "long" / "out"
    assert build_checked(project, site) == []
    assert long_text.strip() in open_data_texts(site)


def test_links_and_images_in_markdown_fields_stay_text(tmp_path: Path) -> None:
    """javascript:, data: and other hosts' images in the Markdown fields are not made links or images (an external
    image would also fail the strict build: the privacy plugin refuses it)."""
    project = _scratch(tmp_path, "links")
    put_values(project, LINKS, "", only=MARKDOWN)
    site = tmp_path / "links" / "out"
    assert build_checked(project, site) == []
    pages = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    assert f"[{MARK}js](javascript:{MARK}js())" in pages  # shown as the text that was written
    assert LINKS in open_data_texts(site)


def test_links_and_images_in_plain_text_fields_stay_text(tmp_path: Path) -> None:
    """The same in the fields that are not Markdown (headings, table rows, labels): Python-Markdown made them
    links and images before generated pages were rendered straight to HTML (issue 16)."""
    project = _scratch(tmp_path, "plainlinks")
    put_values(project, LINKS, "", only=FREE)
    site = tmp_path / "plainlinks" / "out"
    assert build_checked(project, site) == []


def test_markdown_syntax_in_names_stays_text(tmp_path: Path) -> None:
    """A name ending in `{: onclick=… }` became an attribute of the <h1>; `[x](javascript:…)` a link."""
    project = _scratch(tmp_path, "names")
    put_values(project, "", f"{ATTR_LIST} {LINKS.split(' ![')[0]}")
    site = tmp_path / "names" / "out"
    assert build_checked(project, site) == []


def test_attribute_lists_in_text_fields_stay_text(tmp_path: Path) -> None:
    """`{: onclick=… }` at the end of a text (a heading's, a paragraph's, a table cell's) stays text."""
    project = _scratch(tmp_path, "attrs")
    put_values(project, ATTR_LIST, "")
    site = tmp_path / "attrs" / "out"
    assert build_checked(project, site) == []


def test_the_checks_see_markup() -> None:
    """The reader of the built files finds what it is meant to find (it could otherwise pass on anything)."""
    assert markup_from_data(f"<p>{HTML}</p>") != []
    assert markup_from_data(f'<h1 {MARK}attr="1" onclick="{MARK}click()">x</h1>') != []
    assert markup_from_data(f'<a href="javascript:{MARK}js()">x</a>') != []
    assert markup_from_data(f"<title>x</title><script>{MARK}()</script>") != []
    assert markup_from_data(f"<p>{MARK}jinja</p>") != []
    assert markup_from_data("<p>&lt;fbxel fbxattr=1&gt; {: fbxattr=1 } [x](javascript:fbx())</p>") == []


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)",
                                 " javascript:alert(1)", "vbscript:x", "data:text/html,x", "file:///etc/passwd",
                                 "//fbx.invalid/x", "\\\\\\\\fbx.invalid/x", "%2F%2Ffbx.invalid/x", "ftp://fbx.invalid/"])
def test_a_markdown_field_links_only_where_it_may(url: str) -> None:
    html = markdown_html(f"[länk](<{url}>) och <{url}>")
    assert "<a " not in html, html


@pytest.mark.parametrize("url", ["https://www.finsam.se/", "http://example.org/a?b=c", "mailto:info@example.org",
                                 "../forbund/vasteras/", "#avsnitt", "oppna-data.md"])
def test_a_markdown_field_links_to_the_web_mail_and_the_site(url: str) -> None:
    assert '<a href="' in markdown_html(f"[länk]({url})")


def test_a_markdown_field_shows_only_the_sites_own_images() -> None:
    assert '<img src="../bilder/karta.png"' in markdown_html("![Karta](../bilder/karta.png)")
    for url in ("https://fbx.invalid/i.png", "//fbx.invalid/i.png", "data:image/png;base64,AAAA"):
        html = markdown_inline(f"![bild]({url})")
        assert "<img" not in html and "![bild](" in html, html
