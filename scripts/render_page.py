"""Render one generated page's Markdown source to stdout, for debugging templates.

Usage: PYTHONPATH=hooks python scripts/render_page.py rapporter/vasterbergslagen-2020.md
"""

from __future__ import annotations

import sys
from pathlib import Path

from faktabank.load.errors import DataError
from faktabank.load.loader import build
from faktabank.load.options import from_environment
from faktabank.pages.render import Renderer

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        pages = {p.src_uri: p for p in Renderer(build(ROOT, from_environment())).pages()}
    except DataError as exc:
        print(exc, file=sys.stderr)
        return 1
    page = pages.get(argv[0])
    if page is None:
        print(f"ingen genererad sida {argv[0]!r}; till exempel: {', '.join(sorted(pages)[:5])}", file=sys.stderr)
        return 1
    sys.stdout.write(page.content)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
