"""The one switch for the speed layer, and the versions it was verified against.

Every shortcut in speed/ (worker processes that make and render pages, reading a large data/ in two processes,
the open data written in a background process, the compiled templates kept between builds of `make serve`) gives
the same site as MkDocs' own path, and `make test` compares the two byte for byte. That was verified with the
versions below. With any other version of MkDocs, Material, Python-Markdown, Jinja or MarkupSafe installed, the
speed layer turns itself off with a warning, and the site is built the plain way.

The switch: `speed: false` under the faktabank plugin in mkdocs.yml, or FAKTABANK_SPEED=0 in the environment
(which wins over mkdocs.yml).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from importlib import metadata

VERIFIED = {"mkdocs": "1.6.1", "mkdocs-material": "9.8.1", "Markdown": "3.11.3", "Jinja2": "3.1.6",
            "MarkupSafe": "3.0.4"}
ENV = "FAKTABANK_SPEED"


@dataclass(frozen=True)
class Decision:
    on: bool
    warning: str | None = None  # why it was turned off against the configuration's wish


def installed(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def decide(configured: bool, versions: dict[str, str | None] | None = None) -> Decision:
    """Whether the speed layer is on: the configuration (mkdocs.yml), overridden by FAKTABANK_SPEED, and only
    with the versions it was verified against."""
    wanted = os.environ.get(ENV, "").strip().lower()
    if wanted in ("0", "false", "nej", "off", "no"):
        return Decision(False)
    if wanted not in ("", "1", "true", "ja", "on", "yes"):
        raise ValueError(f"{ENV} ska vara 0 eller 1, fick {wanted!r}")
    if not configured and not wanted:
        return Decision(False)
    found = versions if versions is not None else {name: installed(name) for name in VERIFIED}
    differs = [f"{name} {found.get(name) or 'saknas'} (verifierad med {want})"
               for name, want in VERIFIED.items() if found.get(name) != want]
    if differs:
        return Decision(False, "faktabank: snabbvägarna är avstängda eftersom andra versioner än de verifierade är "
                               "installerade: " + ", ".join(differs) + ". Sajten byggs på MkDocs egen väg; "
                               "kör make test (som jämför vägarna) och uppdatera speed/switch.py:VERIFIED.")
    return Decision(True)
