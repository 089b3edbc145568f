"""The row keys (`nyckel`) that some check or comparison reads, and the rows whose key none reads.

A key that nothing reads is almost always a typing mistake, or a figure an editor meant to compare that is then
silently left out; `python -m faktabank check` warns about each one (the build does not fail on it).
"""

from __future__ import annotations

from faktabank.derive import compare, figures, reconcile
from faktabank.load.crossref import REPORT_KEYS
from faktabank.model import Model, Report

READ_BY_CHECKS = frozenset({
    *reconcile.RESULT_KEYS, "summa", "summa-intakter", "medlemsbidrag", "summa-tillgangar",
    "summa-eget-kapital-avsattningar-skulder", "summa-eget-kapital", "ovrigt-eget-kapital", "kassa-bank",
    "kortfristiga-placeringar", "likvida-medel-borjan", "likvida-medel-slut",
})
KNOWN_KEYS = frozenset({
    *READ_BY_CHECKS, *REPORT_KEYS, *(k for _, keys, _ in compare.ROW_SOURCES.values() for k in keys),
    *(k for k, _ in figures.KEY_FIGURES),
})


def _referenced(report: Report) -> set[str]:
    """Keys the report's own marks name (summerar, motsvarar, samma_uppgift): a check reads those rows too."""
    names: set[str] = set()
    for table in report.tables:
        for row in table.rows:
            names.update(e.lstrip("-").rpartition("/")[2] for e in row.summerar)
    for n in report.data.get("nyckeltal", ()):
        names.update(ref.split("/")[1] for ref in n.get("motsvarar", ()))
    for same in report.data.get("samma_uppgift", ()):
        names.update(ref.split("/")[1] for ref in same["platser"])
    return names


def _in_two_tables(model: Model, forbund: str) -> set[str]:
    """Keys in two or more tables of the förbund's reports: the factor-1 000 check compares those."""
    tables_with: dict[str, int] = {}
    for report in model.reports_of(forbund):
        for table in report.tables:
            for key in {row.nyckel for row in table.rows if row.nyckel}:
                tables_with[key] = tables_with.get(key, 0) + 1
    return {key for key, count in tables_with.items() if count > 1}


def unknown_keys(model: Model) -> list[str]:
    """One warning per table row whose key no check or comparison reads: `file:line: nyckel 'x' …`."""
    out = []
    for report in sorted(model.reports.values(), key=lambda r: r.id):
        referenced = _referenced(report) | _in_two_tables(model, report.forbund)
        for table in report.tables:
            for row in table.rows:
                if row.nyckel and row.nyckel not in KNOWN_KEYS and row.nyckel not in referenced:
                    where = f"{report.source.file}:{row.line}" if row.line else report.source.file
                    out.append(f"{where}: nyckel '{row.nyckel}' i tabellen '{table.id}': ingen kontroll eller "
                               "jämförelse läser den (se docs/redaktorer.md)")
    return out
