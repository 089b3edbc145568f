"""No third-party requests: nothing in site/ loads from another host, and the build itself refuses external assets."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from conftest import run_build

# Attributes that make a browser fetch something, by element.
FETCHING = {
    "script": ("src",), "img": ("src", "srcset"), "source": ("src", "srcset"), "video": ("src", "poster"),
    "audio": ("src",), "track": ("src",), "iframe": ("src",), "frame": ("src",), "embed": ("src",),
    "object": ("data",), "input": ("src",), "image": ("href", "xlink:href"), "use": ("href", "xlink:href"),
    "link": ("href",),
}
LINK_RELS_THAT_FETCH_NOTHING = {"canonical", "alternate", "author", "license", "help", "bookmark", "me", "next", "prev"}
CSS_URL = re.compile(r"""url\(\s*(['"]?)(?P<url>[^'")]+)\1\s*\)|@import\s+(['"])(?P<import>[^'"]+)\3""")


def external(url: str) -> bool:
    url = url.strip()
    return url.startswith("//") or urlsplit(url).scheme in ("http", "https", "ftp", "ws", "wss")


def css_urls(text: str) -> list[str]:
    return [m.group("url") or m.group("import") for m in CSS_URL.finditer(text)]


class _Loads(HTMLParser):
    """Every URL a page makes the browser load (src, href of resources, srcset, url() in styles), and its links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.loads: list[str] = []
        self.links: list[str] = []
        self._style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        for name in FETCHING.get(tag, ()):
            if name not in a:
                continue
            if tag == "link" and set(a.get("rel", "").split()) <= LINK_RELS_THAT_FETCH_NOTHING and a.get("rel"):
                self.links.append(a[name])
            elif name == "srcset":
                self.loads += [part.strip().split()[0] for part in a[name].split(",") if part.strip()]
            else:
                self.loads.append(a[name])
        if tag in ("a", "area", "form"):
            self.links.append(a.get("href", a.get("action", "")))
        if "style" in a:
            self.loads += css_urls(a["style"])
        if tag == "meta" and a.get("http-equiv", "").lower() == "refresh":
            self.loads += re.findall(r"url=(\S+)", a.get("content", ""), re.I)
        self._style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._style = False

    def handle_data(self, data: str) -> None:
        if self._style:
            self.loads += css_urls(data)


def test_nothing_in_the_site_loads_from_another_host(built_site: Path) -> None:
    foreign, checked = [], 0
    for file in sorted(built_site.rglob("*.html")):
        parser = _Loads()
        parser.feed(file.read_text(encoding="utf-8"))
        checked += len(parser.loads)
        foreign += [f"{file.relative_to(built_site)}: {url}" for url in parser.loads if external(url)]
    for file in sorted(built_site.rglob("*.css")):
        urls = css_urls(file.read_text(encoding="utf-8"))
        checked += len(urls)
        foreign += [f"{file.relative_to(built_site)}: {url}" for url in urls if external(url)]
    assert checked > 1000
    assert not foreign, "\n".join(foreign[:50])


def test_the_scanner_tells_loads_from_links() -> None:
    """What the scan above counts as a load (a request the browser makes by itself) and as a link."""
    parser = _Loads()
    parser.feed('<link rel="stylesheet" href="https://cdn.example.org/a.css"><link rel="canonical" href="https://x.se/">'
                '<img srcset="https://img.example.org/a.png 1x, b.png 2x"><div style="background: url(//t.example.org/p.gif)">'
                '<a href="https://www.digg.se/">Digg</a><style>@import "https://fonts.example.org/f.css";</style>')
    assert [u for u in parser.loads if external(u)] == ["https://cdn.example.org/a.css", "https://img.example.org/a.png",
                                                        "//t.example.org/p.gif", "https://fonts.example.org/f.css"]
    assert parser.links == ["https://x.se/", "https://www.digg.se/"]


def test_no_page_has_a_mermaid_diagram(built_site: Path) -> None:
    """mkdocs.yml lets the privacy plugin pass Material's reference to Mermaid (a CDN script), which the theme
    loads only for a page with a mermaid diagram: there must be none."""
    pages = [f for f in built_site.rglob("*.html") if 'class="mermaid"' in f.read_text(encoding="utf-8")]
    assert not pages


def test_the_build_refuses_an_external_asset(minimal_project: Path, tmp_path: Path) -> None:
    """Material's privacy plugin (assets_fetch: false) reports every external asset; --strict turns that into a failure."""
    config = minimal_project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  - stylesheets/faktabank.css\n" in text
    config.write_text(text.replace("  - stylesheets/faktabank.css\n",
                                   "  - stylesheets/faktabank.css\n  - https://cdn.example.org/theme.css\n"), encoding="utf-8")
    about = minimal_project / "docs" / "om.md"
    about.write_text(about.read_text(encoding="utf-8") + '\n<img src="https://images.example.org/logo.png" alt="Logga">\n',
                     encoding="utf-8")
    result = run_build(minimal_project, tmp_path / "site")
    assert result.returncode != 0
    assert "External file: https://cdn.example.org/theme.css" in result.stderr
    assert "External file: https://images.example.org/logo.png" in result.stderr
