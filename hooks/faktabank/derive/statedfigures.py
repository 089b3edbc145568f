"""The same figure in two places: running text against a table, two text figures, two tables.

A figure in the running text (`nyckeltal`) names the table cells that state the same thing (`motsvarar`); two text
figures with the same key and year state the same thing; `samma_uppgift` lists cells of different tables that do.
Each pair that disagrees beyond rounding is a finding. Amounts are compared by magnitude, as elsewhere.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from typing import Any

from faktabank.derive.findings import Figure, Finding, figure_at, finding, one
from faktabank.derive.sums import find_row
from faktabank.model import UNIT_FACTOR, Report


def cell_figure(report: Report, ref: str) -> Figure | None:
    """The printed figure at 'tabell/rad/kolumn', or None when the cell is empty or words."""
    table_id, row_ref, column_id = ref.split("/")
    table = next((t for t in report.tables if t.id == table_id), None)
    if table is None:
        return None
    row = find_row(table, row_ref)
    index = next((i for i, c in enumerate(table.columns) if c.id == column_id), None)
    if row is None or index is None:
        return None
    return figure_at(report, table, row, index)


def text_figure(report: Report, index: int, n: Mapping[str, Any]) -> Figure:
    """A figure of the running text (the report's `nyckeltal` number index + 1) as a Figure."""
    value = n["varde"]
    kronor = value * UNIT_FACTOR[n["enhet"]] if n["enhet"] in UNIT_FACTOR else value
    return Figure(value, n["enhet"], kronor, report.id, "nyckeltal", f"nyckeltal-{index + 1}",
                  f"Uppgift i texten ({n['avsnitt']})", n["etikett"], str(n.get("ar", "")), n.get("ar"))


def _comparable(a: Figure, b: Figure) -> bool:
    return (a.unit in UNIT_FACTOR) == (b.unit in UNIT_FACTOR) and (a.unit in UNIT_FACTOR or a.unit == b.unit)


def check(report: Report) -> Iterator[Finding]:
    stated = report.data.get("nyckeltal", ())
    by_key: dict[tuple[str, int | None], list[Figure]] = defaultdict(list)
    for index, n in enumerate(stated):
        text = text_figure(report, index, n)
        if n.get("nyckel") and not n.get("ungefar"):
            by_key[(n["nyckel"], n.get("ar"))].append(text)
        for ref in n.get("motsvarar", ()):
            cell = cell_figure(report, ref)
            if cell is None or not _comparable(text, cell):
                continue
            what = f"{n['etikett']}: texten mot {cell.table_title}, {cell.row}, {cell.column}"
            found = finding("samma-uppgift", report, n.get("ar"), what, one(text), one(cell), True)
            if found:
                yield found
    for (_, year), figures in by_key.items():
        first = figures[0]
        for other in figures[1:]:
            if not _comparable(first, other):
                continue
            what = f"{first.row} ({first.table_title}) mot {other.row} ({other.table_title})"
            found = finding("samma-uppgift", report, year, what, one(first), one(other), True)
            if found:
                yield found
    for same in report.data.get("samma_uppgift", ()):
        cells = [cell_figure(report, ref) for ref in same["platser"]]
        present = [c for c in cells if c is not None]
        for other in present[1:]:
            if not _comparable(present[0], other):
                continue
            what = f"{same['uppgift']}: {present[0].table_title} mot {other.table_title}"
            found = finding("samma-uppgift", report, other.year or present[0].year, what, one(present[0]), one(other),
                            True)
            if found:
                yield found
