"""The page reader (pages/headings.py) gives what html.parser reads from every generated page of the real data:
the same headings (level, id, text without the permalink) and the same ids."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from conftest import ROOT
from faktabank.load.loader import Options, build
from faktabank.pages.headings import Heading, outline
from faktabank.pages.render import HeadingStyle, Renderer, make_env

LEVELS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}


class _Reference(HTMLParser):
    """html.parser's reading of the same page: the plain way the reader is checked against."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.headings: list[Heading] = []
        self.level, self.id, self.text, self.skip = 0, None, [], 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"])
        if tag in LEVELS and not self.level:
            self.level, self.id, self.text = LEVELS[tag], values.get("id"), []
        elif self.level and tag == "a" and "headerlink" in (values.get("class") or "").split():
            self.skip += 1

    def handle_endtag(self, tag: str) -> None:
        if self.level and tag == "a" and self.skip:
            self.skip -= 1
        elif self.level and LEVELS.get(tag) == self.level:
            self.headings.append(Heading(self.level, self.id, " ".join("".join(self.text).split())))
            self.level = 0

    def handle_data(self, data: str) -> None:
        if self.level and not self.skip:
            self.text.append(data)


def reference(page: str) -> _Reference:
    parser = _Reference()
    parser.feed(page)
    parser.close()
    return parser


@pytest.mark.parametrize("permalink", [False, True])
def test_the_reader_reads_every_generated_page_as_html_parser_does(permalink: bool) -> None:
    model = build(ROOT, Options(edition="internal"))
    env = make_env(heading_style=HeadingStyle(permalink="¶") if permalink else HeadingStyle())
    pages = Renderer(model, env=env).pages()
    assert len(pages) > 200
    for page in pages:
        html = page.content
        found, want = outline(html), reference(html)
        assert found.headings == want.headings, page.src_uri
        assert found.ids == want.ids, page.src_uri


def test_escaped_text_and_a_permalink() -> None:
    page = ('<h1 id="sidrubrik">Team &lt;b&gt; &amp; co<a class="headerlink" href="#sidrubrik" title="x">¶</a></h1>'
            '<div class="fb-table" id="a&amp;b"><a name="n1"></a><h2 id="x">Två <em>ord</em></h2></div>'
            '<p data-id="d" title="id=&#34;t&#34;">id=&#34;u&#34; <span\nid="nl">x</span></p>')
    found = outline(page)
    assert found.title == "Team <b> & co"
    assert found.headings[1] == Heading(2, "x", "Två ord")
    assert found.ids == {"sidrubrik", "a&b", "n1", "x", "nl"} == reference(page).ids
