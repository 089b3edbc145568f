"""MkDocs hook: load and validate data/ before anything is written, then add the generated pages.

Thin on purpose: each event calls into the faktabank package (hooks/faktabank/).
on_startup  → remembers the command: under `mike` (which only reads the config) on_config builds nothing
on_config   → loader.build (parse, schema, cross-references, model) and render.Renderer (all pages)
on_files    → adds every rendered page as a virtual file (File.generated), and the open-data files
              (opendata.files: data/*.csv, data/faktabank.json, data/datapackage.json)
on_page_markdown → about.Sections fills marker lines in hand-written pages (<!-- faktabank:kallor -->);
                   rawhtml.Stash (a Markdown preprocessor) passes generated pages' HTML blocks straight through
on_page_content → glossary.Annotator wraps glossary terms in <abbr title> (tooltips);
                  a11y.improve makes table boxes named, focusable regions
on_page_context → around Material's search plugin: a generated page is indexed by its title and summary
                  (searchtext.summary), not every table cell
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkPage

sys.path.insert(0, str(Path(__file__).parent))

from faktabank import a11y, opendata, rawhtml, searchtext
from faktabank.about import Sections
from faktabank.errors import DataError
from faktabank.glossary import Annotator
from faktabank.loader import build
from faktabank.options import from_environment
from faktabank.render import Page, Renderer

_pages: list[Page] = []
_annotator: list[Annotator] = []
_command: list[str] = []
_sections: list[Sections] = []
_generated: set[str] = set()  # src_uri of every generated page
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
        pages = Renderer(model, use_directory_urls=config.use_directory_urls).pages()
        pages += [Page(path, data.decode("utf-8"), path, None) for path, data in opendata.files(model).items()]
    except DataError as exc:
        count = len(exc.problems)
        raise PluginError(f"faktabank: {count} fel i data/ – inget har skrivits till site/:\n{exc}") from None
    finally:
        gc.set_threshold(*_GC_THRESHOLDS)
        gc.enable()
    gc.collect()
    gc.freeze()
    _pages[:] = pages
    _generated.clear()
    _generated.update(p.src_uri for p in pages if p.src_uri.endswith(".md"))
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


def on_page_content(html: str, page: MkPage, **_: object) -> str:
    """Glossary terms get a tooltip (<abbr title>); table boxes become named, keyboard-focusable regions."""
    if _stash.anchors and page.present_anchor_ids is not None:  # the anchors in blocks rawhtml.Stash passed through
        page.present_anchor_ids |= _stash.anchors
    html = _annotator[0].annotate(html) if _annotator else html
    return a11y.improve(html)


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


on_page_context = CombinedEvent(_summary_for_search, _full_page_again)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for page in _pages:
        if files.get_file_from_path(page.src_uri) is not None:
            raise PluginError(f"faktabank: docs/{page.src_uri} krockar med en genererad sida; ta bort filen")
        files.append(File.generated(config, page.src_uri, content=page.content))
    return files
