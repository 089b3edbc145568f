"""The Datakvalitet findings as warning lines for the terminal (`make check`, `make check FILE=`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from faktabank.derive.reconcile import Finding, TextFinding
from faktabank.model import Model
from faktabank.text.formatting import amount


def _where(model: Model, finding: Finding) -> str:
    """`file:line` of the first figure's table row (or the report's file when the row is not found)."""
    report = model.reports[finding.report]
    for figure in finding.figures:
        table = next((t for t in report.tables if t.id == figure.table), None)
        row = next((r for r in table.rows if r.text == figure.row), None) if table else None
        if row is not None and row.line:
            return f"{report.source.file}:{row.line}"
    return report.source.file


def _figure(value: int | float, unit: str) -> str:
    """A figure in the finding's unit (kronor where amounts are compared), with plain spaces for the terminal."""
    return amount(value, unit).replace("\u00a0", " ")


def print_findings(model: Model, findings: Iterable[Finding], out: TextIO) -> int:
    """One warning line per finding: where, which check and year, both sides in kronor and the difference.
    Returns the number printed."""
    count = 0
    for f in findings:
        year = f" {f.year}" if f.year else ""
        print(f"varning: {_where(model, f)}: Datakvalitet, {f.title}{year}: {f.compared}: "
              f"{f.left.label} {_figure(f.left.kronor, f.unit)} mot {f.right.label} {_figure(f.right.kronor, f.unit)}, "
              f"skillnad {_figure(f.difference, f.unit)}", file=out)
        count += 1
    return count


def print_text_findings(model: Model, findings: Iterable[TextFinding], out: TextIO) -> int:
    """One warning line per disagreement in names or roles: the report's file, the check and both statements with
    their sections. Returns the number printed."""
    count = 0
    for f in findings:
        report = model.reports[f.report]
        print(f"varning: {report.source.file}: Datakvalitet, {f.title}: {f.compared}: {f.left.text} "
              f"(avsnitt {f.left.avsnitt}) mot {f.right.text} (avsnitt {f.right.avsnitt})", file=out)
        count += 1
    return count
