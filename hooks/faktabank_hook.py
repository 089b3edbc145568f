"""MkDocs hook: load and validate data/ before anything is written, then add the generated pages.

Thin on purpose: each event calls into the faktabank package (hooks/faktabank/).
on_startup  → remembers the command: under `mike` (which only reads the config) on_config builds nothing
on_config   → loader.build (parse, schema, cross-references, model; with workers a large data/ is read by two
              processes); reconcile (the checks for Datakvalitet; with workers in a background process);
              opendata.write (the open-data files, to a temporary folder; with workers in a background
              process); render.Renderer (every page planned; a page's template runs only when its
              content is made); privacyscan.install (Material's privacy plugin scans only the stretches of
              a page that can hold an external URL)
on_files    → adds every generated page as a virtual file (File.generated) with an empty source, and the
              open-data files (data/*.csv, data/faktabank.json, data/datapackage.json) from that folder, once
              they are written; while it waits for them it makes the content of pages the main process will
              make itself (_premake)
on_nav      → remembers the navigation for on_env
on_page_markdown → about.Sections fills marker lines in hand-written pages (<!-- faktabank:kallor -->);
                   rawhtml.Stash (a Markdown preprocessor) passes generated pages' HTML blocks straight through;
                   a generated page is given the template PAGE_TEMPLATE, which writes out the finished page, and
                   MkDocs does not convert its still empty source (content.defer)
on_env      → themecache.cache_parts (theme parts shared by entity pages rendered once, the table of contents
              and the page template as frames); starts the worker processes that make and render the
              generated pages (workers.Workers; the main process takes over a page rather than wait for it)
on_page_content → a hand-written page: glossary.Annotator wraps glossary terms in <abbr title> (tooltips);
                  a11y.improve makes table boxes named, keyboard-focusable regions
on_page_context → a generated page gets its content (content.make, the same passes) and the theme's page
                  around it (content.render: in a worker, or here), just before MkDocs writes it; Material's
                  search plugin indexes its title and summary (searchtext.summary), not every table cell
on_post_page → the generated page's content is dropped again
"""

from __future__ import annotations

import gc
import logging
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkPage

sys.path.insert(0, str(Path(__file__).parent))

from faktabank.derive import compare, reconcile
from faktabank.derive.roles import roles_of
from faktabank.export import opendata
from faktabank.load.errors import DataError
from faktabank.load.loader import build
from faktabank.load.options import from_environment
from faktabank.pages import a11y
from faktabank.pages.about import Sections
from faktabank.pages.glossary import Annotator
from faktabank.pages.render import Page, Renderer
from faktabank.plugin import content
from faktabank.speed import privacyscan, rawhtml, themecache
from faktabank.speed.workers import Background, Workers, main_share, split_work

_pages: dict[str, Page] = {}  # every generated page, by src_uri
_data_files: dict[str, Path] = {}  # the open-data files (written by opendata.write), by path under site/
_data_folder: list[Path] = []  # where they are written for this build
_annotator: list[Annotator] = []
_command: list[str] = []
_sections: list[Sections] = []
_generated: set[str] = set()  # src_uri of every generated page
_files: list[Files] = []  # this build's files, and its config: what content.make needs for a page
_config: list[MkDocsConfig] = []
_workers: list[Workers] = []
_open_data: list[Background | opendata.Published] = []  # the open-data files' description, or the process writing them
_renderer: list[Renderer] = []
_nav: list[Navigation] = []
_stash = rawhtml.StashState()
_GC_THRESHOLDS = gc.get_threshold()
_theme: list[content.Theme] = []  # what the theme renders a page with, from on_env
_made: dict[str, content.Made] = {}  # a generated page's content while its page-context events run
_premade: dict[str, content.Made] = {}  # pages this process makes itself, made while on_files waited (_premake)
PAGE_TEMPLATE = "faktabank/sida.html"  # a generated page's template: the page content.render finished


def on_startup(*, command: str, dirty: bool) -> None:
    _command[:] = [command]


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Everything that can fail on bad data happens here, before MkDocs cleans or writes site/."""
    if _command == ["mike"]:  # mike only reads the config; the `mkdocs build` it starts runs this hook in full
        return config
    root = Path(config.config_file_path).parent
    # The model and the pages are millions of objects. Python's cycle collector would walk all of them again and
    # again while they are built (at national scale a third of on_config's time): it is paused while the model
    # is read (no cycles there), which then moves out of its way (gc.freeze); while the pages are rendered only
    # its young generations run (what the templates leave behind dies young); then the pages move out of its
    # way too, without a full collection first (nationally one took half a second and found nothing). unfreeze
    # first, so that under `mkdocs serve` the previous build's objects can be collected.
    gc.unfreeze()
    gc.disable()
    _stop_workers()
    _premade.clear()
    try:
        options = from_environment(config.site_dir)  # the internal edition is never written to site/
        parallel = content.worker_count() > 0  # with workers: data/ is read, and the open data written, in two processes
        model = build(root, options, split_work if parallel else None)
        gc.freeze()
        gc.set_threshold(_GC_THRESHOLDS[0], _GC_THRESHOLDS[1], 1 << 30)
        gc.enable()
        _remove_data_folder()
        folder = Path(tempfile.mkdtemp(prefix="faktabank-data-"))
        _data_folder[:] = [folder]
        # The open-data files are written to that folder (they wait on disk, not in memory, until MkDocs copies
        # them), in a forked process while the pages are planned here; on_files waits for it. Both need the
        # comparisons and the roles: made first, the forked process inherits them instead of making them again.
        # With workers, the checks of figures against each other (Datakvalitet) run in a forked process too,
        # which the second core would otherwise leave idle until the open data is written.
        findings = Background(reconcile.reconcile, model) if parallel else None
        try:
            compare.of(model)
            roles_of(model)
            _open_data[:] = [Background(opendata.write, model, folder) if parallel else opendata.write(model, folder)]
            renderer = Renderer(model, use_directory_urls=config.use_directory_urls,
                                findings=findings.result if findings is not None else None)
            pages = renderer.pages()
        finally:
            if findings is not None:
                findings.close()  # taken by pages(), unless something failed before
    except DataError as exc:
        count = len(exc.problems)
        raise PluginError(f"faktabank: {count} fel i data/ – inget har skrivits till site/:\n{exc}") from None
    finally:
        gc.set_threshold(*_GC_THRESHOLDS)
        gc.enable()
    gc.freeze()
    _pages.clear()
    _pages.update((p.src_uri, p) for p in pages)
    _renderer[:] = [renderer]
    _generated.clear()
    _generated.update(_pages)
    config.markdown_extensions.append(rawhtml.StashExtension(_stash))
    _annotator[:] = [Annotator(model.glossary)]
    _sections[:] = [Sections(model, config.extra.get("kontakt") or {}, config.use_directory_urls)]
    if options.upto:
        config.site_name = f"{config.site_name} – läge {options.upto}"
    if options.edition == "internal":
        config.site_name = f"{config.site_name} – intern utgåva"
    config.extra["faktabank"] = {"edition": options.edition, "upto": options.upto}  # read by overrides/main.html
    privacy = config.plugins.get("material/privacy")
    if privacy is not None:
        privacyscan.install(privacy)  # it scans only the stretches of a page that can hold an external URL
    if os.environ.get("MIKE_DOCS_VERSION"):  # a yearly snapshot: Material's version selector reads mike's versions.json
        config.extra["version"] = {"provider": "mike", "default": "latest", "alias": True}
    return config


def on_page_markdown(markdown: str, page: MkPage, **_: object) -> str:
    """Marker lines in hand-written pages become sections rendered from the model."""
    _stash.enabled = page.file.src_uri in _generated
    if _stash.enabled:
        page.meta["template"] = PAGE_TEMPLATE  # until MkDocs has chosen it, in _build_page (_fill removes it again)
        content.defer(page)  # nothing to convert yet: the content is made in on_page_context
    if not _sections:
        return markdown
    try:
        return _sections[0].fill(markdown, page.file.src_uri)
    except ValueError as exc:
        raise PluginError(f"faktabank: {exc}") from None


def _improve(html: str) -> str:
    """The content passes every page gets: glossary tooltips, then accessible table regions."""
    html = _annotator[0].annotate(html) if _annotator else html
    return a11y.improve(html)


def on_page_content(html: str, page: MkPage, **_: object) -> str:
    """Glossary terms get a tooltip (<abbr title>); table boxes become named, keyboard-focusable regions."""
    if page.file.src_uri in _generated:
        return html  # still empty: the content is made in on_page_context
    if _stash.anchors and page.present_anchor_ids is not None:  # the anchors in blocks rawhtml.Stash passed through
        page.present_anchor_ids |= _stash.anchors
    return _improve(html)


def _make(src_uri: str) -> content.Made:
    """A generated page's content: its template, MkDocs' Markdown conversion, the content passes."""
    page = _files[0].get_file_from_path(src_uri).page
    return content.make(page, _pages[src_uri].content, _config[0], _files[0], _stash, _improve)


def _make_and_render(src_uri: str) -> content.Made:
    """What a worker does for a page: its content, then the whole page around it (the content itself is not
    sent back: the page holds it), and the page's folder in site/, where MkDocs then writes it (making a
    folder is the slowest part of writing a page on some disks)."""
    made = _make(src_uri)
    file = _files[0].get_file_from_path(src_uri)
    made.output = content.render(made, file.page, _theme[0])
    made.content = ""
    Path(file.abs_dest_path).parent.mkdir(parents=True, exist_ok=True)
    return made


@event_priority(100)  # before everything else that reads the page's content
def _fill(context: dict, page: MkPage, **_: object) -> dict:
    """A generated page gets its content from its worker, or made here when no worker made it; Material's
    search plugin (priority 0) then reads its summary."""
    src_uri = page.file.src_uri
    if src_uri in _generated:
        made = _workers[0].take(src_uri) if _workers else None
        if made is None:
            made = _premade.pop(src_uri, None)
        if made is None:
            made = _make(src_uri)
        for name, level, message in made.warnings:  # logged in a worker: logged here, where --strict counts
            logging.getLogger(name).log(level, message)
        content.apply(made, page, _files[0])
        page.meta.pop("template", None)  # MkDocs has chosen PAGE_TEMPLATE; the theme sees the page's own metadata
        page.content = made.summary
        _made[src_uri] = made
    return context


@event_priority(-50)  # after the search plugin
def _finish(context: dict, page: MkPage, **_: object) -> dict:
    """The whole page, rendered by a worker or now with the theme's template and this context, is what
    PAGE_TEMPLATE writes out."""
    made = _made.pop(page.file.src_uri, None)
    if made is not None:
        if made.output is None:
            page.content = made.content
            made.output = _theme[0].env.get_template(content.THEME_TEMPLATE).render(context)
        page.content = made.output
    return context


on_page_context = CombinedEvent(_fill, _finish)


def on_post_page(output: str, page: MkPage, **_: object) -> str:
    """A generated page's content and table of contents are dropped once the page is written."""
    if page.file.src_uri in _generated:
        page.content = None  # written; at national scale all pages' HTML would not fit in memory
        page.toc = []  # (as MkDocs makes a page) its anchors stay, for MkDocs' check of links to them
    return output


def _jobs(src_uris: Iterable[str]) -> list[tuple[str, Callable[[str], content.Made], str | None]]:
    """The generated pages as the workers take them (workers.share gives each a lane by its förbund): one
    list for _premake and on_env, which must divide the pages alike (MkDocs builds them in _pages' order)."""
    return [(src_uri, _make_and_render, _pages[src_uri].group) for src_uri in src_uris]


def _make_ahead(src_uri: str) -> content.Made | None:
    """A page's content made in this process before MkDocs gets to it (_premake, and while a worker is busy):
    the fast path only, which needs nothing of MkDocs."""
    return content.make_simple(_pages[src_uri].content, _improve)


def _premake(background: Background) -> None:
    """While the open-data process is still writing, make the content of pages this process will make itself
    once the workers run (workers.main_share), in build order, until the open data is there. Only the fast
    path (content.make_simple), which needs nothing of MkDocs; the theme's page comes later, in _finish."""
    for src_uri in main_share(_jobs(_pages), content.worker_count()):
        if background.ready():
            return
        made = _make_ahead(src_uri)
        if made is not None:
            _premade[src_uri] = made


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if _open_data:
        published = _open_data[0]
        if isinstance(published, Background):
            _premake(published)
            published = published.result()
        _open_data.clear()
        _renderer[0].open_data = published
        _data_files.clear()
        _data_files.update((path, _data_folder[0] / path) for path in published.sizes)
    for src_uri in [*_pages, *_data_files]:
        if files.get_file_from_path(src_uri) is not None:
            raise PluginError(f"faktabank: docs/{src_uri} krockar med en genererad sida; ta bort filen")
    for src_uri in _pages:
        files.append(File.generated(config, src_uri, content=""))  # content.make fills it
    for path, written in _data_files.items():
        files.append(File.generated(config, path, abs_src_path=str(written)))
    _files[:] = [files]
    _config[:] = [config]
    return files


@event_priority(-100)  # after every plugin's on_env: the theme's environment is final
def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    """Start the workers: the file list, the navigation and the theme are final, and MkDocs has read every
    page (hand-written pages' titles and metadata are in the navigation a page shows)."""
    nav = _nav[0]
    _stop_workers()
    env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({PAGE_TEMPLATE: "{{ page.content }}"}), env.loader])
    themecache.cache_parts(env, [page.url for page in nav.pages], {page.file.src_uri for page in nav.pages},
                           [str(path) for path in (*config.extra_css, *config.extra_javascript)])
    _files[:] = [files]
    pages = files.documentation_pages()
    _theme[:] = [content.Theme(config, files, pages, nav, env)]
    _made.clear()
    count = content.worker_count()
    jobs = _jobs(f.src_uri for f in pages if f.src_uri in _generated)
    if count > 0 and jobs:
        gc.collect()
        gc.freeze()  # the workers share the model with this process; the collector should not touch it
        _workers[:] = [Workers(jobs, count, make_here=_make_ahead)]
        _workers[0].start()
    return env


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    _nav[:] = [nav]
    return nav


def _stop_workers() -> None:
    for workers in _workers:
        workers.close()
    _workers.clear()
    for published in _open_data:
        if isinstance(published, Background):
            published.close()
    _open_data.clear()


def _remove_data_folder() -> None:
    for folder in _data_folder:
        shutil.rmtree(folder, ignore_errors=True)
    _data_folder.clear()


def on_post_build(config: MkDocsConfig) -> None:
    _premade.clear()
    _stop_workers()
    _remove_data_folder()


def on_build_error(error: Exception) -> None:
    _stop_workers()
    _remove_data_folder()


def on_shutdown() -> None:
    _stop_workers()
    _remove_data_folder()
