"""The theme parts rendered once (hooks/faktabank/themecache.py) are exactly what Material renders per page.

Real Material templates and the repository's overrides: every page is rendered with a plain theme
environment and with the cached one, in an order where a page reuses what another page left in the cache.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
from mkdocs.commands.build import get_context
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import get_navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import url_filter

from conftest import ROOT
from faktabank.speed import themecache

IN_NAV = ["index.md", "forbund/index.md", "ordlista.md"]
# Two pages per folder, and pages at the same depth in different folders (their links to the navigation differ)
ASSETS = ["stylesheets/faktabank.css", "javascripts/faktabank-tabeller.js"]  # the site's own (mkdocs.yml)
ENTITIES = ["personer/anna.md", "personer/bo.md", "forbund/exempel.md", "forbund/annat.md",
            "rapporter/exempel-2020.md", "insatser/exempel/ar/2020.md", "insatser/exempel/ar/2021.md",
            "personer/cilla.md", "personer/site.md", "personer/tecken.md", "personer/tecken2.md"]
TITLES = {"personer/site.md": "Finsam faktabank"}  # the site's name: twice in the header, which is never split
# Headings with markup and characters to escape, nested: in the table of contents, a title is written as it is
# and, as the label of its nested list, through `striptags | e`
SOURCES = {
    "personer/tecken.md": "# Tecken\n\n## Avgift & <code>A<B</code> \"kr\"\n\n### Under 'ett'\n\nText.\n\n## Sist\n\nText.\n",
    "personer/tecken2.md": "# Tecken 2\n\n## Annan <em>rubrik</em> &amp; mer\n\n### Under > två\n\nText.\n\n## Slut\n",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory):
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path_factory.mktemp("site")),
                         nav=[{"Start": "index.md"}, {"Förbund": "forbund/index.md"}, {"Ordlista": "ordlista.md"}])
    config.plugins._current_plugin = None  # set while MkDocs runs a plugin's event; File.generated reads it
    files = Files([File.generated(config, uri, content=SOURCES.get(
        uri, f"# {TITLES.get(uri, 'Sidan ' + uri)}\n\n## Avsnitt\n\nText.\n")) for uri in IN_NAV + ENTITIES])
    nav = get_navigation(files, config)
    for file in files.documentation_pages():
        page = file.page or Page(None, file, config)
        page.read_source(config)
        page.render(config, files)
    return config, files, nav


def _render(env, config, files, nav, uri: str) -> str:
    page = files.get_file_from_path(uri).page
    page.active = True
    try:
        return env.get_template("main.html").render(get_context(nav, files.documentation_pages(), config, page))
    finally:
        page.active = False


def test_cached_parts_give_the_same_pages(site) -> None:
    config, files, nav = site
    plain = config.theme.get_env()
    expected = {uri: _render(plain, config, files, nav, uri) for uri in IN_NAV + ENTITIES}
    env = config.theme.get_env()
    cache = themecache.cache_parts(env, [p.url for p in nav.pages], {p.file.src_uri for p in nav.pages}, ASSETS)
    for _ in range(2):
        for uri in ENTITIES + IN_NAV:
            assert _render(env, config, files, nav, uri) == expected[uri], uri
    assert cache.hits >= 2 * len(ENTITIES) - 4  # each folder and depth rendered once, then reused
    checked = [split for split in cache.splits.values() if split is not themecache.OFF and split[0]]
    assert checked  # the header: split around the title in a folder, checked on a second page, then reused
    assert cache.frames is not None and cache.frames.hits >= len(ENTITIES)  # the pages' frames, checked, then used
    assert all(frame is not themecache.OFF for frame in cache.frames.frames.values())
    # the tables of contents: one shape per kind of page, learned, checked on that page, then used
    assert cache.toc is not None and cache.toc.hits >= 2 * len(ENTITIES) - 2
    assert len(cache.toc.frames) == 2 and all(f is not themecache.OFF for f in cache.toc.frames.values())
    labels = [p for frame in cache.toc.frames.values() for p in frame[1][1::2] if p[0] == "label"]
    assert labels  # a nested list's label: the title through striptags | e
    make_module = env.get_template(themecache.LANGUAGE_TEMPLATE).make_module
    assert make_module.faktabank_cached
    assert len(make_module.faktabank_modules) == 1  # the translations: made once for every page, not per page


class _Page:
    def __init__(self, title: str, url: str, toc: list | None = None) -> None:
        self.title, self.url, self.meta, self.toc = title, url, {}, toc or []
        self.file = type("F", (), {"src_uri": url + ".md"})()


class _Anchor:
    def __init__(self, id: str) -> None:
        self.url = "#" + id


# A page template in the shape of Material's: the page's own blocks (themecache.HOLES) and a skip link
_BASE = """<html><head>{% block site_meta %}<meta name="p" content="{{ page.url }}">{% endblock %}
{% block htmltitle %}<title>{{ page.title }}</title>{% endblock %}</head><body>
{% if page.toc | first is defined %}{% set skip = page.toc | first %}<a href="{{ skip.url | url }}">Hoppa</a>{% endif %}
{% block header %}<header>{{ page.title }}</header>{% endblock %}
{% block site_nav %}<nav>{{ page.toc | length }}</nav>{% endblock %}
{% block container %}<main>{{ page.content }}</main>{% endblock %}{% block footer %}<footer></footer>{% endblock %}
OUTSIDE</body></html>"""


def _frames_env(outside: str):
    partials = {name: "" for name in (*themecache.PARTIALS, *themecache.TITLED, themecache.LANGUAGE_TEMPLATE,
                                      themecache.TOC_TEMPLATE)}
    env = jinja2.Environment(loader=jinja2.DictLoader({
        **partials, "base.html": _BASE.replace("OUTSIDE", outside), "main.html": '{% extends "base.html" %}'}))
    env.filters["url"] = url_filter
    return env


def _pages() -> list[_Page]:
    pages = [_Page(f"Titel {n}", f"personer/p{n}/", [_Anchor(f"p{n}"), _Anchor("roller")]) for n in range(4)]
    pages += [_Page("Samma namn", f"personer/tom{n}/") for n in range(2)] + [_Page("Annat namn", "personer/tom2/")]
    for n, page in enumerate(pages):
        page.content = f"<p>Sida {n}</p>"
    return pages


@pytest.mark.parametrize(("outside", "framed"), [("<script></script>", True), ("<i>{{ page.title }}</i>", False)])
def test_a_page_is_its_frame_and_its_own_blocks_where_the_frame_holds(outside: str, framed: bool) -> None:
    plain = _frames_env(outside)
    expected = [plain.get_template("main.html").render(page=p, base_url="../..") for p in _pages()]
    env = _frames_env(outside)
    cache = themecache.cache_parts(env, [], set())
    got = [env.get_template("main.html").render(page=p, base_url="../..") for p in _pages()]
    assert got == expected
    assert 'href="#p3"' in got[3] and "Hoppa" not in got[5]
    if framed:  # with and without a table of contents: learned, checked on a page named otherwise, then used
        assert cache.frames.hits == 2 and all(f is not themecache.OFF for f in cache.frames.frames.values())
    else:  # the page's title outside its own blocks: the check on the second page fails, Jinja renders every page
        assert cache.frames.hits == 0 and list(cache.frames.frames.values()) == [themecache.OFF, themecache.OFF]


def test_a_titled_part_that_names_the_page_otherwise_is_rendered_in_full() -> None:
    cache = themecache.PartCache([], set())
    part = cache.wrap_titled("del", lambda context: iter([f"<b>{context['page'].title}</b> {context['page'].url}"]))
    pages = [_Page(f"Titel {n}", f"personer/p{n}") for n in range(4)]
    assert ["".join(part({"page": p, "base_url": ".."})) for p in pages] == [
        f"<b>Titel {n}</b> personer/p{n}" for n in range(4)]
    assert list(cache.splits.values()) == [themecache.OFF] and cache.hits == 0


def test_a_titled_part_is_split_around_the_title_once_checked() -> None:
    cache = themecache.PartCache([], set())
    rendered: list[str] = []

    def header(context):
        rendered.append(context["page"].url)
        return iter([f"<header><span>{context['page'].title}</span></header>"])

    part = cache.wrap_titled("del", header)
    pages = [_Page(f"Titel {n}", f"personer/p{n}") for n in range(4)] + [_Page("", "personer/tom")]
    out = ["".join(part({"page": p, "base_url": ".."})) for p in pages]
    assert out == [f"<header><span>{p.title}</span></header>" for p in pages]
    assert rendered == ["personer/p0", "personer/p1"] and cache.hits == 3  # learned, checked, then reused


def test_pages_in_the_navigation_are_not_cached(site) -> None:
    config, files, nav = site
    env = config.theme.get_env()
    cache = themecache.cache_parts(env, [p.url for p in nav.pages], {p.file.src_uri for p in nav.pages}, ASSETS)
    for uri in IN_NAV * 2:
        html = _render(env, config, files, nav, uri)
        assert "md-nav__link--active" in html  # its own entry is marked, which a cached part would not be
    assert cache.hits == 0 and cache.parts == {}


def test_the_navigation_differs_by_folder_not_only_by_depth(site) -> None:
    config, files, nav = site
    env = config.theme.get_env()
    cache = themecache.cache_parts(env, [p.url for p in nav.pages], {p.file.src_uri for p in nav.pages}, ASSETS)
    _render(env, config, files, nav, "personer/anna.md")
    _render(env, config, files, nav, "forbund/exempel.md")
    navs = [html for (part, _), html in cache.parts.items() if part == themecache.NAV_TEMPLATE]
    assert len(navs) == 2 and 'href="../"' in navs[1] and 'href="../../forbund/"' in navs[0]


def test_the_wrapped_templates_are_wrapped_once(site) -> None:
    config, _, nav = site
    env = config.theme.get_env()
    themecache.cache_parts(env, [p.url for p in nav.pages], set())
    nav_render = env.get_template(themecache.NAV_TEMPLATE).root_render_func
    themecache.cache_parts(env, [p.url for p in nav.pages], set())
    assert env.get_template(themecache.NAV_TEMPLATE).root_render_func is nav_render


def test_repository_overrides_are_in_use(site) -> None:
    config, *_ = site
    assert Path(config.theme.custom_dir) == ROOT / "overrides"


def test_a_table_of_contents_written_otherwise_is_rendered_in_full() -> None:
    """A toc template that writes an entry's title in a way the frame does not know (here upper case): no frame,
    every page rendered by Jinja, with the same result."""
    toc = ('{% for toc_item in page.toc %}<a href="{{ toc_item.url }}">{{ toc_item.title | upper }}</a>'
           '{% endfor %}')
    pages = [_Page(f"Titel {n}", f"personer/p{n}/", [_Anchor(f"a{n}")]) for n in range(3)]
    for page in pages:
        for anchor in page.toc:
            anchor.title, anchor.level, anchor.children = f"Rubrik {anchor.url}", 2, []

    def env() -> jinja2.Environment:
        return jinja2.Environment(loader=jinja2.DictLoader({themecache.TOC_TEMPLATE: toc}))

    plain = [env().get_template(themecache.TOC_TEMPLATE).render(page=p, base_url="../..") for p in pages]
    cached_env = env()
    cache = themecache.PartCache([], set())
    template = cached_env.get_template(themecache.TOC_TEMPLATE)
    cache.toc = themecache.TocFrames(cache)
    template.root_render_func = cache.toc.wrap(template.root_render_func)
    got = [template.render(page=p, base_url="../..") for p in pages]
    assert got == plain and "RUBRIK #A2" in got[2]
    assert cache.toc.hits == 0 and list(cache.toc.frames.values()) == [themecache.OFF]
