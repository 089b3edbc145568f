"""Command line: `python -m faktabank check [ROOT]` validates data/ without building the site;
`python -m faktabank import FILE --forbund ID` drafts a report (faktabank.importer)."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from faktabank.load.errors import DataError
from faktabank.load.loader import build
from faktabank.load.options import from_environment


def main(argv: list[str]) -> int:
    if argv and argv[0] == "import":
        return run_import(argv[1:])
    if not argv or argv[0] != "check":
        print("användning: python -m faktabank check [PROJEKTROT]", file=sys.stderr)
        return 2
    root = Path(argv[1]) if len(argv) > 1 else Path.cwd()
    gc.disable()  # the model has no reference cycles; the cycle collector only slows reading it (see the hook)
    try:
        model = build(root, from_environment())
    except DataError as exc:
        print(exc, file=sys.stderr)
        print(f"{len(exc.problems)} fel i data/", file=sys.stderr)
        return 1
    print(f"data/ är giltig: {len(model.forbund)} förbund, {len(model.reports)} rapporter, "
          f"{len(model.insatser)} insatser, {len(model.organisations)} organisationer, {len(model.persons)} personer")
    return 0


def run_import(argv: list[str]) -> int:
    """The importer (faktabank.importer.cli): a report → a draft in data/."""
    from faktabank.importer.cli import main as importer_main

    return importer_main(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
