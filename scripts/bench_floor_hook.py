"""MkDocs hook for the benchmark's floor: the same site configuration building trivial pages.

scripts/bench.py puts this file in place of the faktabank plugin (as hooks/floor_hook.py) in a copy of the project whose docs/
holds only the assets (stylesheets, scripts). It adds a trivial page (a heading and one sentence) for every
entry of the navigation and then as many more as FAKTABANK_FLOOR_PAGES asks for, so MkDocs, the theme and
the plugins do their per-page work on exactly as many pages as the real build, with no content to speak of.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files


def _nav_paths(items: object) -> Iterator[str]:
    if isinstance(items, str):
        yield items
    elif isinstance(items, dict):
        for value in items.values():
            yield from _nav_paths(value)
    elif isinstance(items, list):
        for item in items:
            yield from _nav_paths(item)


def _page(number: int) -> str:
    return f"# Sida {number}\n\nDen här sidan har en rubrik och en mening.\n"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    wanted = int(os.environ.get("FAKTABANK_FLOOR_PAGES", "100"))
    number = 0
    for src in _nav_paths(config.nav or []):
        if src.endswith(".md") and files.get_file_from_path(src) is None:
            number += 1
            files.append(File.generated(config, src, content=_page(number)))
    while number < wanted:
        number += 1
        files.append(File.generated(config, f"sidor/{number:05d}.md", content=_page(number)))
    return files
