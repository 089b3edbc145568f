"""Swedish formatting of numbers, amounts, percentages and dates."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

NBSP = "\u00a0"
MINUS = "\u2212"
UNIT_LABEL = {"kr": "kr", "tkr": "tkr", "kkr": "kkr", "procent": "%", "antal": "", "kr/dag": "kr/dag",
              "procentenheter": "procentenheter", "text": ""}
UNIT_NAME = {"kr": "kronor", "tkr": "tusental kronor", "kkr": "tusental kronor", "procent": "procent",
             "antal": "antal", "kr/dag": "kronor per dag", "procentenheter": "procentenheter", "text": "text"}


def number(value: Any, *, signed: bool = False) -> str:
    """4511722 → '4 511 722'; −58818 → '−58 818'; 0.5 → '0,5'. Text passes through unchanged."""
    if type(value) is int and not signed:  # most numbers: what the general path below gives for them
        return f"{value:,}".replace(",", NBSP) if value >= 0 else MINUS + f"{-value:,}".replace(",", NBSP)
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    negative = value < 0
    magnitude = abs(value)
    if isinstance(magnitude, float) and not magnitude.is_integer():
        whole, frac = f"{magnitude:.10g}".split(".") if "." in f"{magnitude:.10g}" else (f"{magnitude:.10g}", "")
        whole_part = int(whole)
        tail = "," + frac if frac else ""
    else:
        whole_part = int(magnitude)
        tail = ""
    digits = f"{whole_part:,}".replace(",", NBSP)
    sign = MINUS if negative else ("+" if signed and value > 0 else "")
    return f"{sign}{digits}{tail}"


def amount(value: Any, unit: str) -> str:
    """A value with its unit: '4 511 722 kr', '93 %', '−59 tkr'."""
    if value is None:
        return ""
    text = number(value)
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return text
    label = UNIT_LABEL.get(unit, unit)
    return f"{text}{NBSP}{label}" if label else text


def percent(value: Any) -> str:
    return amount(value, "procent")


def date(value: str | None) -> str:
    """Dates are stored as ISO strings already (2021-03-24); this only guards the type."""
    return value or ""


def is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def table_cell(cell: Any, table_unit: str) -> Markup:
    """A transcribed table cell as the statement tables show it: a number in the table's unit bare, in another
    unit with that unit, text as written; escaped for HTML. The templates' filter `cell` (a function rather than a
    template macro, and a filter rather than a call, which Jinja makes through its context: it runs for every cell
    of every statement)."""
    value = cell.value
    if value is None:
        return Markup("")
    if is_number(value):
        return escape(amount(value, cell.unit) if cell.unit != table_unit else number(value))
    return escape(value)


MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
          "november", "december")
MONTH_END = {"01": ("31",), "02": ("28", "29"), "03": ("31",), "04": ("30",), "05": ("31",), "06": ("30",),
             "07": ("31",), "08": ("31",), "09": ("30",), "10": ("31",), "11": ("30",), "12": ("31",)}


def period(fran: str, till: str) -> str:
    """A period as a reader names it: '2019' for a calendar year, 'januari–juni 2019' for whole months of one
    year, otherwise both dates ('2019-01-15 – 2019-06-30'). Dates are ISO strings."""
    fran, till = str(fran), str(till)
    whole_months = fran[8:10] == "01" and till[8:10] in MONTH_END.get(till[5:7], ())
    if fran[:4] != till[:4] or not whole_months:
        return f"{fran} – {till}"
    if fran[5:7] == "01" and till[5:7] == "12":
        return fran[:4]
    first, last = MONTHS[int(fran[5:7]) - 1], MONTHS[int(till[5:7]) - 1]
    return f"{first}–{last} {fran[:4]}" if first != last else f"{first} {fran[:4]}"


def report_period(report: Any) -> str:
    """A report's period as a reader names it: '2021' for an annual report, 'januari–juni 2019' for a delårsrapport."""
    return period(report.fran, report.till) if report.partial else str(report.year)


TKR_RULE = ("belopp i tkr, avrundade till hela tusental kronor; klicka på ett belopp för att se det som "
            "rapporten skriver det")  # the unit rule of a table that compares förbund or years


def whole_tkr(kronor: int) -> int:
    """Kronor as whole thousands, rounded half away from zero: 4 511 722 → 4 512, −58 818 → −59, 500 → 1."""
    magnitude = (abs(kronor) + 500) // 1000
    return magnitude if kronor >= 0 else -magnitude


def tkr(value: Any, unit: str, kronor: int | None) -> str:
    """An amount as a comparison column shows it: in whole tkr ('4 512 tkr'); a figure without kronor (a
    percentage, a count, text) as printed."""
    if kronor is None or unit not in ("kr", "tkr", "kkr"):
        return amount(value, unit)
    return amount(whole_tkr(kronor), "tkr")
