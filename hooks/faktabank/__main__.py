"""Command line: `python -m faktabank check [ROOT]` validates data/ without building the site."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from faktabank.derive import reconcile
from faktabank.derive.keys import unknown_keys
from faktabank.load.errors import DataError
from faktabank.load.loader import build
from faktabank.load.options import from_environment
from faktabank.model import Model
from faktabank.text.formatting import amount


def main(argv: list[str]) -> int:
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
    print_findings(model)
    return 0


def print_findings(model: Model) -> None:
    """The Datakvalitet page's findings and the keys no check reads, as warnings: valid data still exits 0."""
    findings = reconcile.reconcile(model)
    for f in findings:
        left, right = (amount(s.kronor, f.unit) for s in (f.left, f.right))
        year = f" {f.year}" if f.year is not None else ""
        print(f"varning: {f.report}{year}: {f.title}: {f.compared}: {f.left.label} {left} mot {f.right.label} {right}, "
              f"skillnad {amount(f.difference, f.unit)}")
    unknown = unknown_keys(model)
    for line in unknown:
        print(f"varning: {line}")
    print(f"{len(findings)} avvikelser i källorna (sidan Datakvalitet), {len(unknown)} okända nycklar")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
