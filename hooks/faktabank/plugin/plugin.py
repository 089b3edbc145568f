"""The faktabank as a MkDocs plugin: loads and checks data/ before anything is written, adds the generated pages
and fills them with the HTML their templates render.

The plain path, which MkDocs' own build runs with `speed: false` or FAKTABANK_SPEED=0:
  on_config        load, validate and model data/ (load/); the Datakvalitet checks, comparisons and roles
                   (derive/); write the open-data files to a temporary folder (export/); plan every page
                   (pages/render). Bad data stops the build here, before MkDocs writes anything.
  on_files         every generated page as a virtual file (File.generated) with an empty source; the open-data
                   files under data/
  on_page_content  a hand-written page gets the sections its markers ask for (pages/about), glossary tooltips and
                   captions for its Markdown tables (pages/a11y). A generated page is left empty here: MkDocs
                   reads every page before it writes the first, and all the generated pages' HTML would not fit
                   in memory together.
  on_page_context  a generated page gets its content just before the theme renders it: its template's HTML and
                   the same content passes, its table of contents, title and anchors (content.make). Material's
                   search plugin then indexes its title and summary, not every table cell.
  on_post_page     a generated page's content is dropped once written.
The speed layer (speed/, on by default) changes how, not what: data/ read by two processes, the open data
written in a background process, worker processes that make and render pages while MkDocs writes others (the
theme's page rendered in the worker with MkDocs' own context), and the compiled templates kept between builds of
`make serve`. `make test` builds the site both ways and requires identical output.
"""

from __future__ import annotations

import gc
import logging
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkPage

from faktabank.derive import compare
from faktabank.derive.roles import roles_of
from faktabank.export import opendata
from faktabank.load.errors import DataError, Problem
from faktabank.load.loader import Options, build
from faktabank.load.options import from_environment
from faktabank.model import Model
from faktabank.pages import a11y
from faktabank.pages.about import Sections
from faktabank.pages.glossary import Annotator
from faktabank.pages.headings import outline
from faktabank.pages.page import Page
from faktabank.pages.regions import Regions
from faktabank.pages.render import DATA_COPY, Renderer, make_env
from faktabank.plugin import content
from faktabank.plugin.config import FaktabankConfig
from faktabank.speed import reading, switch
from faktabank.speed.compiled import COMPILED
from faktabank.speed.workers import Background, Workers, main_share

log = logging.getLogger("mkdocs.plugins.faktabank")
# The speed layer's notice goes to a logger outside MkDocs' tree: printed, but not a warning that fails --strict
# (the site is still right, only built the slower way).
notice = logging.getLogger("faktabank.speed")
PAGE_TEMPLATE = "faktabank/sida.html"  # speed layer: a generated page's template writes out the finished page


class FaktabankPlugin(BasePlugin[FaktabankConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command: str | None = None
        self.speed = switch.Decision(False)
        self.toc = content.Toc()  # mkdocs.yml's `toc` settings for the generated pages (on_config)
        self.pages: dict[str, Page] = {}  # every generated page, by src_uri
        self.renderer: Renderer | None = None
        self.annotator: Annotator | None = None
        self.sections: Sections | None = None
        self.files: Files | None = None
        self.nav: Navigation | None = None
        self.theme: content.Theme | None = None
        self.data_folder: Path | None = None  # where this build's open-data files are written
        self.data_files: dict[str, Path] = {}  # the open-data files, by path under site/
        self.open_data: Background | opendata.Published | None = None
        self.workers: Workers | None = None
        self.made: dict[str, content.Made] = {}  # a generated page's content while its page events run
        self.premade: dict[str, content.Made] = {}  # speed: pages made while on_files waited for the open data
        self.gc_thresholds = gc.get_threshold()
        self.problems: list[Problem] = []  # under `mkdocs serve`: the data's problems, shown in the browser
        self.unchanged: reading.Unchanged | None = None  # speed, under `mkdocs serve`: documents read last time

    # --- configuration and data -------------------------------------------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Everything that can fail on bad data happens here, before MkDocs cleans or writes the site."""
        if self.command == "mike":  # mike only reads the config; the `mkdocs build` it starts runs this in full
            return config
        try:
            self.speed = switch.decide(self.config.speed)
            self.toc = content.toc_settings(config)
        except ValueError as exc:
            raise PluginError(f"faktabank: {exc}") from None
        if self.speed.warning:
            notice.warning(self.speed.warning)
        self._stop()
        self.premade.clear()
        root = Path(config.config_file_path).parent
        try:
            options = from_environment(config.site_dir)  # the internal edition is never written to site/
            model, renderer, pages = self._model_and_pages(root, config, options)
        except DataError as exc:
            if self.command != "serve":
                raise PluginError(f"faktabank: {len(exc.problems)} fel i data/ – inget har skrivits:\n{exc}") from None
            return self._serve_problems(exc, config)
        self.problems = []
        self.renderer = renderer
        self.pages = {page.src_uri: page for page in pages}
        self.annotator = Annotator(model.glossary)
        self.sections = Sections(model, config.extra.get("kontakt") or {}, config.use_directory_urls)
        if options.upto:
            config.site_name = f"{config.site_name} – läge {options.upto}"
        if options.edition == "internal":
            config.site_name = f"{config.site_name} – intern utgåva"
        config.extra["faktabank"] = {"edition": options.edition, "upto": options.upto,  # read by overrides/main.html
                                     "forbund": options.forbund}
        if options.forbund:
            config.site_name = f"{config.site_name} – förhandsvisning av {model.forbund[options.forbund].kortnamn}"
        if os.environ.get("MIKE_DOCS_VERSION"):  # a yearly snapshot: Material's version selector reads mike's file
            config.extra["version"] = {"provider": "mike", "default": "latest", "alias": True}
        return config

    def _model_and_pages(self, root: Path, config: MkDocsConfig, options: Options) -> tuple[Model, Renderer, list[Page]]:
        """Load and model data/, derive what the pages need, start writing the open data, plan the pages."""
        parallel = self.speed.on and content.worker_count() > 0
        # The model and the pages are millions of objects that hold no reference cycles: the cycle collector is
        # paused while they are built and then moved out of its way (gc.freeze). Both ways of building do this:
        # it changes when memory is scanned, never what a page holds, and without it the collector's full scans
        # of the model cost a sixth of the national build (docs/prestanda.md).
        gc.unfreeze()
        gc.disable()
        try:
            if self.command == "serve":  # a rebuild reads only the files that changed (the cache lives on the plugin)
                self.unchanged = self.unchanged or reading.Unchanged(parallel)
                reader = self.unchanged
            else:
                reader = partial(reading.read_all, parallel=parallel)
            model = build(root, options, reader if self.speed.on else None)
            gc.freeze()
            gc.set_threshold(self.gc_thresholds[0], self.gc_thresholds[1], 1 << 30)
            gc.enable()
            self._remove_data_folder()
            self.data_folder = Path(tempfile.mkdtemp(prefix="faktabank-data-"))
            compare.of(model)  # made before forking: the open-data process inherits them
            roles_of(model)
            # One process besides this one at a time: a forked process soon holds its own copy of most of the
            # model (reading an object writes its reference count), so the Datakvalitet checks are worked out
            # here while the open data is written (docs/prestanda.md).
            self.open_data = (Background(opendata.write, model, self.data_folder) if parallel
                              else opendata.write(model, self.data_folder))
            env = make_env(bytecode_cache=COMPILED, heading_style=self.toc.style) if self.speed.on \
                else make_env(heading_style=self.toc.style)
            renderer = Renderer(model, use_directory_urls=config.use_directory_urls, env=env)
            pages = renderer.pages()
        finally:
            gc.set_threshold(*self.gc_thresholds)
            gc.enable()
        gc.freeze()
        return model, renderer, pages

    def _serve_problems(self, error: DataError, config: MkDocsConfig) -> MkDocsConfig:
        """Under `mkdocs serve` a data error does not stop the server: it is logged, and the start page and every
        page of the navigation that data/ would have made show the problems (on_files), so that an editor sees
        them in the browser; every page says so in its banner."""
        log.warning(f"faktabank: {len(error.problems)} fel i data/:\n{error}")
        self.problems = error.problems
        self.speed = switch.Decision(False)
        self.renderer, self.sections, self.annotator = None, None, None
        env = make_env(heading_style=self.toc.style)
        page = env.get_template("fel.html.j2")
        problems = tuple(error.problems)

        def render() -> str:
            return page.render(problems=problems, regions=Regions())

        self.pages = {"index.md": Page("index.md", "Fel i data/", None, render)}
        for src_uri in nav_paths(config.nav or []):
            self.pages.setdefault(src_uri, Page(src_uri, "Fel i data/", None, render))
        config.extra["faktabank"] = {"edition": "public", "upto": None, "fel": len(problems)}
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        if self.problems:  # under serve, with errors in data/: the pages that say so, where docs/ has none
            self.pages = {uri: page for uri, page in self.pages.items() if files.get_file_from_path(uri) is None}
            for src_uri in self.pages:
                files.append(File.generated(config, src_uri, content=""))
            self.files = files
            return files
        if self.renderer is None:  # under mike
            return files
        published = self.open_data
        if isinstance(published, Background):
            self._premake(published)
            published = published.result()
        assert isinstance(published, opendata.Published)
        self.open_data = None
        self.renderer.open_data = published
        self.data_files = {path: self.data_folder / path for path in published.sizes} if self.data_folder else {}
        for src_uri in [*self.pages, *self.data_files]:
            if files.get_file_from_path(src_uri) is not None:
                raise PluginError(f"faktabank: docs/{src_uri} krockar med en genererad sida; ta bort filen")
        for src_uri in self.pages:
            files.append(File.generated(config, src_uri, content=""))  # filled in on_page_content
        for path, written in self.data_files.items():
            files.append(File.generated(config, path, abs_src_path=str(written)))
        model = self.renderer.ctx.model
        if model.edition == "internal":  # the YAML every internal page links to (pages.render.DATA_COPY)
            root = Path(config.config_file_path).parent
            for path in model.files:
                files.append(File.generated(config, DATA_COPY + path.removeprefix("data/"), abs_src_path=str(root / path)))
        self.files = files
        return files

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav = nav
        return nav

    # --- pages ------------------------------------------------------------------------------------------------

    def _improve(self, html: str) -> str:
        """The content passes every page gets: glossary tooltips, then captions for the tables Markdown wrote (a
        hand-written page's, a Markdown field's). The templates' table boxes are named regions as written."""
        html = self.annotator.annotate(html) if self.annotator else html
        return a11y.improve(html)

    def _make(self, src_uri: str) -> content.Made:
        return content.make(self.pages[src_uri].content, self._improve, self.toc)

    def on_page_markdown(self, markdown: str, page: MkPage, **_: Any) -> str:
        if page.file.src_uri in self.pages and self.speed.on:
            page.meta["template"] = PAGE_TEMPLATE  # writes out the page a worker (or _finish) rendered
        return markdown

    def on_page_content(self, html: str, page: MkPage, **_: Any) -> str:
        src_uri = page.file.src_uri
        if src_uri in self.pages:
            # Made in on_page_context (by a worker, or here): MkDocs reads every page's source before it writes
            # the first, and at national scale all the generated pages' HTML would not fit in memory together.
            return html
        if self.sections is not None:  # markers in hand-written pages: sections rendered from the model
            try:
                html = self.sections.fill(html, src_uri)
            except ValueError as exc:
                raise PluginError(f"faktabank: {exc}") from None
            if page.present_anchor_ids is not None:
                page.present_anchor_ids |= outline(html).ids
        return self._improve(html)

    @event_priority(100)  # before Material's search plugin (priority 0) reads the page
    def _fill(self, context: dict, page: MkPage, **_: Any) -> dict:
        """The search plugin indexes a generated page's title and summary, not every table cell."""
        src_uri = page.file.src_uri
        if src_uri not in self.pages:
            return context
        made = self.workers.take(src_uri) if self.workers else None
        made = made or self.premade.pop(src_uri, None) or self._make(src_uri)
        for name, level, message in made.warnings:  # logged in a worker: logged here, where --strict counts
            logging.getLogger(name).log(level, message)
        content.apply(made, page)
        if self.speed.on:
            page.meta.pop("template", None)  # the theme sees the page's own metadata
        self.made[src_uri] = made
        page.content = made.summary
        return context

    @event_priority(-50)  # after the search plugin
    def _finish(self, context: dict, page: MkPage, **_: Any) -> dict:
        made = self.made.pop(page.file.src_uri, None)
        if made is None:
            return context
        page.content = made.content
        if self.speed.on:  # PAGE_TEMPLATE writes out the whole page: a worker's, or rendered here now
            if made.output is None:
                assert self.theme is not None
                made.output = self.theme.env.get_template(content.THEME_TEMPLATE).render(context)
            page.content = made.output
        return context

    on_page_context = CombinedEvent(_fill, _finish)

    def on_post_page(self, output: str, page: MkPage, **_: Any) -> str:
        if page.file.src_uri in self.pages:
            page.content = None  # written; at national scale all pages' HTML would not fit in memory
            page.toc = []  # its anchors stay, for MkDocs' check of links to them
        return output

    # --- speed layer: workers ---------------------------------------------------------------------------------

    def _make_and_render(self, src_uri: str) -> content.Made:
        """What a worker does for a page: its content, then the whole page around it, and the page's folder."""
        assert self.files is not None and self.theme is not None
        made = self._make(src_uri)
        file = self.files.get_file_from_path(src_uri)
        file.page.meta.pop("template", None)
        made.output = content.render(made, file.page, self.theme)
        made.content = ""
        Path(file.abs_dest_path).parent.mkdir(parents=True, exist_ok=True)
        return made

    def _jobs(self, src_uris: Iterable[str]) -> list[tuple[str, Callable[[str], content.Made], str | None]]:
        """The generated pages as the workers take them: one list for _premake and on_env, which must divide
        the pages alike."""
        return [(src_uri, self._make_and_render, self.pages[src_uri].group) for src_uri in src_uris]

    def _premake(self, background: Background) -> None:
        """While the open data is still being written, make the content of pages this process will make."""
        for src_uri in main_share(self._jobs(self.pages), content.worker_count()):
            if background.ready():
                return
            self.premade[src_uri] = self._make(src_uri)

    @event_priority(-100)  # after every plugin's on_env: the theme's environment is final
    def on_env(self, env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        if not self.pages or not self.speed.on:
            return env
        assert self.nav is not None
        self._stop_workers()
        env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({PAGE_TEMPLATE: "{{ page.content }}"}), env.loader])
        pages = files.documentation_pages()
        self.files = files
        self.theme = content.Theme(config, files, pages, self.nav, env)
        self.made.clear()
        count = content.worker_count()
        jobs = self._jobs(f.src_uri for f in pages if f.src_uri in self.pages)
        if count > 0 and jobs:
            gc.collect()
            gc.freeze()  # the workers share the model with this process; the collector should not touch it
            self.workers = Workers(jobs, count, make_here=self._make)
            self.workers.start()
        return env

    # --- the end of a build -----------------------------------------------------------------------------------

    def _stop_workers(self) -> None:
        if self.workers is not None:
            self.workers.close()
        self.workers = None

    def _stop(self) -> None:
        self._stop_workers()
        if isinstance(self.open_data, Background):
            self.open_data.close()
        self.open_data = None

    def _remove_data_folder(self) -> None:
        if self.data_folder is not None:
            shutil.rmtree(self.data_folder, ignore_errors=True)
        self.data_folder = None

    def on_post_build(self, config: MkDocsConfig) -> None:
        self.premade.clear()
        self.made.clear()
        self._stop()
        self._remove_data_folder()

    def on_build_error(self, error: Exception) -> None:
        self._stop()
        self._remove_data_folder()

    def on_shutdown(self) -> None:
        self._stop()
        self._remove_data_folder()


def nav_paths(items: object) -> Iterator[str]:
    """The Markdown files mkdocs.yml's nav names."""
    if isinstance(items, str):
        if items.endswith(".md"):
            yield items
    elif isinstance(items, dict):
        for value in items.values():
            yield from nav_paths(value)
    elif isinstance(items, list):
        for item in items:
            yield from nav_paths(item)
