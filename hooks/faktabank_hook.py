"""MkDocs hook: load and validate data/ before anything is written, then add the generated pages.

Thin on purpose: each event calls into the faktabank package (hooks/faktabank/).
on_startup  → remembers the command: under `mike` (which only reads the config) on_config builds nothing
on_config   → loader.build (parse, schema, cross-references, model); opendata.write (the open-data files, to
              a temporary folder); render.Renderer (every page planned; a page's template runs only when its
              content is made)
on_files    → adds every generated page as a virtual file (File.generated) with an empty source, and the
              open-data files (data/*.csv, data/faktabank.json, data/datapackage.json) from that folder
on_nav      → starts the worker processes that make the generated pages' content (workers.Workers)
on_page_markdown → about.Sections fills marker lines in hand-written pages (<!-- faktabank:kallor -->);
                   rawhtml.Stash (a Markdown preprocessor) passes generated pages' HTML blocks straight through
on_page_content → a hand-written page: glossary.Annotator wraps glossary terms in <abbr title> (tooltips);
                  a11y.improve makes table boxes named, keyboard-focusable regions
on_page_context → a generated page gets its content (content.make, the same passes), just before MkDocs
                  writes it; around Material's search plugin it is indexed by its title and summary
                  (searchtext.summary), not every table cell
on_post_page → the generated page's content is dropped again
"""

from __future__ import annotations

import gc
import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkPage

sys.path.insert(0, str(Path(__file__).parent))

from faktabank import a11y, content, opendata, rawhtml, searchtext
from faktabank.about import Sections
from faktabank.errors import DataError
from faktabank.glossary import Annotator
from faktabank.loader import build
from faktabank.options import from_environment
from faktabank.render import Page, Renderer
from faktabank.workers import Workers

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
_stash = rawhtml.StashState()
_GC_THRESHOLDS = gc.get_threshold()
_full_content: dict[str, str] = {}  # a generated page's content while the search plugin reads its summary


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
    # its young generations run (what the templates leave behind dies young); then it collects once and moves
    # the pages out of its way too. unfreeze first, so that under `mkdocs serve` the previous build's objects
    # can be collected.
    gc.unfreeze()
    gc.disable()
    try:
        options = from_environment()
        model = build(root, options)
        gc.freeze()
        gc.set_threshold(_GC_THRESHOLDS[0], _GC_THRESHOLDS[1], 1 << 30)
        gc.enable()
        renderer = Renderer(model, use_directory_urls=config.use_directory_urls)
        _remove_data_folder()
        folder = Path(tempfile.mkdtemp(prefix="faktabank-data-"))
        _data_folder[:] = [folder]
        renderer.open_data = opendata.write(model, folder)  # the files wait on disk, not in memory, until copied
        data_files = {path: folder / path for path in renderer.open_data.sizes}
        pages = renderer.pages()
    except DataError as exc:
        count = len(exc.problems)
        raise PluginError(f"faktabank: {count} fel i data/ – inget har skrivits till site/:\n{exc}") from None
    finally:
        gc.set_threshold(*_GC_THRESHOLDS)
        gc.enable()
    gc.collect()
    gc.freeze()
    _stop_workers()
    _pages.clear()
    _pages.update((p.src_uri, p) for p in pages)
    _data_files.clear()
    _data_files.update(data_files)
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
    if os.environ.get("MIKE_DOCS_VERSION"):  # a yearly snapshot: Material's version selector reads mike's versions.json
        config.extra["version"] = {"provider": "mike", "default": "latest", "alias": True}
    return config


def on_page_markdown(markdown: str, page: MkPage, **_: object) -> str:
    """Marker lines in hand-written pages become sections rendered from the model."""
    _stash.enabled = page.file.src_uri in _generated
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


@event_priority(100)  # before everything else that reads the page's content
def _fill(context: dict, page: MkPage, **_: object) -> dict:
    """A generated page gets its content from its worker, or made here when no worker made it."""
    src_uri = page.file.src_uri
    if src_uri in _generated:
        made = _workers[0].take(src_uri) if _workers else None
        if made is None:
            made = _make(src_uri)
        for name, level, message in made.warnings:  # logged in a worker: logged here, where --strict counts
            logging.getLogger(name).log(level, message)
        content.apply(made, page, _files[0])
    return context


@event_priority(50)  # before Material's search plugin (priority 0)
def _summary_for_search(context: dict, page: MkPage, **_: object) -> dict:
    if page.file.src_uri in _generated:
        _full_content[page.file.src_uri] = page.content
        page.content = searchtext.summary(page.content)
    return context


@event_priority(-50)  # after it: the page is written with its full content
def _full_page_again(context: dict, page: MkPage, **_: object) -> dict:
    if page.file.src_uri in _full_content:
        page.content = _full_content.pop(page.file.src_uri)
    return context


on_page_context = CombinedEvent(_fill, _summary_for_search, _full_page_again)


def on_post_page(output: str, page: MkPage, **_: object) -> str:
    """A generated page's content is dropped once the page is written."""
    if page.file.src_uri in _generated:
        page.content = None  # written; at national scale all pages' HTML would not fit in memory
    return output


def on_files(files: Files, config: MkDocsConfig) -> Files:
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


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """Start the workers: the file list is final, and no page has been converted yet."""
    _stop_workers()
    _files[:] = [files]
    count = content.worker_count()
    jobs = [(f.src_uri, _make, _pages[f.src_uri].group) for f in files.documentation_pages() if f.src_uri in _generated]
    if count > 0 and jobs:
        gc.collect()
        gc.freeze()  # the workers share the model with this process; the collector should not touch it
        _workers[:] = [Workers(jobs, count)]
        _workers[0].start()
    return nav


def _stop_workers() -> None:
    for workers in _workers:
        workers.close()
    _workers.clear()


def _remove_data_folder() -> None:
    for folder in _data_folder:
        shutil.rmtree(folder, ignore_errors=True)
    _data_folder.clear()


def on_post_build(config: MkDocsConfig) -> None:
    _stop_workers()
    _remove_data_folder()


def on_build_error(error: Exception) -> None:
    _stop_workers()
    _remove_data_folder()


def on_shutdown() -> None:
    _stop_workers()
    _remove_data_folder()
