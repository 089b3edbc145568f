"""A comparison value as text: what a cell, a chart point and the open data say of it (the cell's HTML is the
macro cmp_cell in templates/cells.html.j2)."""

from __future__ import annotations

from faktabank.derive.compare import Value
from faktabank.text import formatting


def value_text(v: Value | None) -> str:
    """A comparison value as text: '4 512 tkr', '14,6 %', '57', '35 621 kr'."""
    if v is None:
        return "uppgift saknas"
    text = formatting.amount(v.number, v.unit) if v.unit != "antal" else formatting.number(v.number)
    return f"ca {text}" if v.approx else text
