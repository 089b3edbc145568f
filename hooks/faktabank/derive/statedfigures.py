"""The same figure in two places: running text against a table, two text figures, two tables.

A figure in the running text (`nyckeltal`) names the table cells that state the same thing (`motsvarar`); two text
figures with the same key and year state the same thing; `samma_uppgift` lists cells of different tables that do.
Each pair that disagrees beyond rounding is a finding. Amounts are compared by magnitude, as elsewhere. A text
figure may also be the sum of other text figures (`summerar`), and a share may come with the count and the whole it
is of (`del`, `helhet`), which must give the share when divided and rounded.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import Any

from faktabank.derive.findings import CHECK_TITLE, Figure, Finding, Side, figure_at, finding, one, side
from faktabank.derive.sums import find_row
from faktabank.model import UNIT_FACTOR, Report
from faktabank.text.formatting import number


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


def _decimals(value: float) -> int:
    """How many decimals a printed share has: 46 → 0, 46.5 → 1."""
    text = repr(float(value))
    return 0 if float(value).is_integer() else len(text.split(".")[1])


def share_agrees(share: float, part: float, whole: float) -> bool:
    """Whether `share` % is part/whole rounded to the share's decimals, to the nearest (a quotient exactly halfway
    may go either way). Truncating is not accepted: the reports round (20 of 31 is printed as 65 %)."""
    exact = 100 * part / whole
    return abs(exact - share) <= 0.5 * 10 ** -_decimals(share) + 1e-9


def check_shares_of(report: Report) -> Iterator[Finding]:
    """A share printed with its count and whole (`del`, `helhet`: '36 av 77 (46 %)') against the quotient."""
    for index, n in enumerate(report.data.get("nyckeltal", ())):
        if n["enhet"] != "procent" or "del" not in n or "helhet" not in n or not n["helhet"]:
            continue
        if share_agrees(n["varde"], n["del"], n["helhet"]):
            continue
        text = text_figure(report, index, n)
        exact = 100 * n["del"] / n["helhet"]
        part, whole = (replace(text, value=n[k], unit="antal", kronor=n[k], row=f"{label} ({n['etikett'].lower()})")
                       for k, label in (("del", "Antalet"), ("helhet", "Helheten")))
        quotient = Side(f"{number(n['del'])} av {number(n['helhet'])}", round(exact, 2), (part, whole))
        yield Finding("procent", CHECK_TITLE["procent"], report.id, n.get("ar"),
                      f"{n['etikett']}: andelen i texten mot {number(n['del'])} av {number(n['helhet'])}", one(text),
                      quotient, False, 0, round(abs(exact - n["varde"]), 2), "procent")


def check_text_sums(report: Report) -> Iterator[Finding]:
    """A text figure that the report gives as the sum of other text figures (`summerar`: their keys, same year)."""
    stated = report.data.get("nyckeltal", ())
    for index, n in enumerate(stated):
        if not n.get("summerar"):
            continue
        parts = []
        for key in n["summerar"]:
            at = next((i for i, m in enumerate(stated) if m.get("nyckel") == key and m.get("ar") == n.get("ar")
                       and i != index), None)
            if at is not None:
                parts.append(text_figure(report, at, stated[at]))
        if not parts:
            continue
        total = text_figure(report, index, n)
        what = f"{n['etikett']} mot uppgifterna i texten som den summerar"
        found = finding("summa", report, n.get("ar"), what, side("Summa: " + " + ".join(f.row for f in parts), parts),
                        one(total), False)
        if found:
            yield found


def check(report: Report) -> Iterator[Finding]:
    yield from check_shares_of(report)
    yield from check_text_sums(report)
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
