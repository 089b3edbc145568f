"""MkDocs hook: load and validate data/ before anything is written, then add the generated pages.

Thin on purpose: each event calls into the faktabank package (hooks/faktabank/).
on_config   → loader.build (parse, schema, cross-references, model) and render.Renderer (all pages)
on_files    → adds every rendered page as a virtual file (File.generated)
on_page_content → glossary.Annotator wraps glossary terms in <abbr title> (tooltips)
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

sys.path.insert(0, str(Path(__file__).parent))

from faktabank.errors import DataError
from faktabank.glossary import Annotator
from faktabank.loader import build
from faktabank.options import from_environment
from faktabank.render import Page, Renderer

_pages: list[Page] = []
_annotator: list[Annotator] = []


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Everything that can fail on bad data happens here, before MkDocs cleans or writes site/."""
    root = Path(config.config_file_path).parent
    options = from_environment()
    try:
        model = build(root, options)
        pages = Renderer(model, use_directory_urls=config.use_directory_urls).pages()
    except DataError as exc:
        count = len(exc.problems)
        raise PluginError(f"faktabank: {count} fel i data/ – inget har skrivits till site/:\n{exc}") from None
    _pages[:] = pages
    _annotator[:] = [Annotator(model.glossary)]
    if options.upto:
        config.site_name = f"{config.site_name} – läge {options.upto}"
    return config


def on_page_content(html: str, **_: object) -> str:
    """Glossary terms get a tooltip (<abbr title>) wherever they appear in page content."""
    return _annotator[0].annotate(html) if _annotator else html


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for page in _pages:
        if files.get_file_from_path(page.src_uri) is not None:
            raise PluginError(f"faktabank: docs/{page.src_uri} krockar med en genererad sida; ta bort filen")
        files.append(File.generated(config, page.src_uri, content=page.content))
    return files
