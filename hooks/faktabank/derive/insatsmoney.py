"""An insats's money in a report's overview of insatser: granted, budget and outcome as the insats's own
section gives them, and where it leaves budget or outcome out, as the same report's tables give them.

A table row that names the insats (`insats:`) in a column of the report's year gives the figure: a budget
column for the budget, an outcome or cost column for the outcome. Costs are shown without their minus sign
(a budget follow-up prints them negative). The figure is filled only when the report's tables agree on it;
it carries the table it comes from. Money that is not the förbund's own (`ekonomi.finansiar`: an ESF grant to
a joint project) says whose it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from faktabank.derive.figures import table_anchor
from faktabank.model import Report

KINDS = {"budget": ("budget",), "utfall": ("utfall", "kostnad")}
TABLE_ORDER = ("driftredovisning", "budgetuppfoljning", "not")  # where a figure is looked for, in this order


@dataclass(frozen=True)
class Money:
    value: int | float
    unit: str
    anchor: str = ""  # the table it was taken from, when the insats's section does not give it
    table: str = ""
    negative: bool = False  # the table prints it with a minus sign (a cost)

    @property
    def derived(self) -> bool:
        return bool(self.anchor)


def _from_tables(report: Report, insats: str, kinds: tuple[str, ...]) -> Money | None:
    found: list[tuple[int, Money]] = []
    for t in report.tables:
        if t.typ not in TABLE_ORDER:
            continue
        for row in t.rows:
            if row.insats != insats:
                continue
            for col, cell in zip(t.columns, row.cells, strict=False):
                if col.slag in kinds and col.ar == report.year and cell.is_number:
                    found.append((TABLE_ORDER.index(t.typ), Money(abs(cell.value), cell.unit, table_anchor(t), t.rubrik,
                                                                  cell.value < 0)))
    magnitudes = {(m.value * (1000 if m.unit in ("tkr", "kkr") else 1)) for _, m in found}
    if len(magnitudes) != 1:  # none, or the tables disagree: nothing is filled
        return None
    return min(found, key=lambda x: x[0])[1]


def overview(report: Report, entry: Any) -> dict[str, Money]:
    """beviljat, budget and utfall of one insats entry of `report` (those that are known)."""
    e = entry.get("ekonomi", {})
    out = {k: Money(e[k], e["enhet"]) for k in ("beviljat", "budget", "utfall") if e.get(k) is not None}
    for key, kinds in KINDS.items():
        if key not in out:
            money = _from_tables(report, entry["insats"], kinds)
            if money is not None:
                out[key] = money
    return out
