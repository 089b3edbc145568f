"""Numbers as the reports print them: `4 511 722`, `4.511.722`, `- 2 904`, `+394 153`, `−1 346`, `93%`, `1,5`."""

from __future__ import annotations

import re
from dataclasses import dataclass

_MINUS = "\\-−–‑"
_NUMBER = re.compile(
    r"^(?P<sign>[+" + _MINUS + r"]?)\s*"
    r"(?P<int>\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d{1,3}(?:\.\d{3}){2,}|\d{1,3}\.\d{3}(?=\s*(?:kr|tkr|kkr)?$)|\d+)"
    r"(?:,(?P<dec>\d+))?"
    r"\s*(?P<unit>%|kr|tkr|kkr|st|pers|procent)?\.?$", re.I)
DASHES = frozenset({"-", "−", "–", "—"})
_YEAR = re.compile(r"^(19|20)\d{2}$")


@dataclass(frozen=True)
class Number:
    """A parsed number: its value (int, or float for decimals) and the unit written beside it, if any."""

    value: int | float
    unit: str | None  # "%", "kr", "tkr", "kkr", "st" or None


def parse_number(text: str) -> Number | None:
    """The number a cell holds, or None when it holds text (a bare dash is text: the report's '-')."""
    t = text.strip().replace("\u2212", "-")
    if not t or t in DASHES:
        return None
    m = _NUMBER.match(t)
    if not m:
        return None
    digits = re.sub(r"[ .\u00a0\u202f]", "", m["int"])
    value: int | float = int(digits)
    if m["dec"]:
        value = float(f"{digits}.{m['dec']}")
    if m["sign"] and m["sign"] != "+":
        value = -value
    unit = (m["unit"] or "").lower() or None
    if unit in ("procent",):
        unit = "%"
    if unit == "pers":
        unit = "st"
    return Number(value, unit)


def is_year(text: str) -> bool:
    return bool(_YEAR.match(text.strip()))
