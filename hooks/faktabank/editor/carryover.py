"""What a new report takes over from the förbund's previous annual report (`new`): the members and their funding
shares, the board and the auditors as they stood at the end of its period, its insatser (without the year's money
and participants), and every financial table with its rows and the previous report's figures moved into the
columns of the years they belong to. Sections and other values only the new report can give are placeholders.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from faktabank.editor.checkfile import PLACEHOLDER
from faktabank.load.errors import DataError
from faktabank.load.schema import validate
from faktabank.load.yamlload import load

# Tables whose columns are years: carried over with their rows and the previous report's figures
YEARLY_TABLES = ("oversikt", "resultatrakning", "balansrakning", "kassaflodesanalys", "not", "driftredovisning",
                 "budgetuppfoljning", "balanskrav", "medlemsbidrag")
OUTCOME = (None, "utfall")
YEAR = re.compile(r"(?<!\d)(19|20)\d\d(?!\d)")


def _placeholder(what: str, before: str | None = None) -> str:
    return f"{PLACEHOLDER}: {what}" + (f" (förra rapporten: {before})" if before else "")


def _shift(text: str, delta: int, years: set[int]) -> str:
    """`text` with each of the table's column years moved on by `delta` (other numbers, such as 'Lag (2018:597)', stay)."""
    return YEAR.sub(lambda m: str(int(m.group(0)) + delta) if int(m.group(0)) in years else m.group(0), text)


def _shift_date(value: str, delta: int) -> str:
    year, rest = int(value[:4]) + delta, value[4:]
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return f"{year}{'-02-28' if rest == '-02-29' and not leap else rest}"


def _year_of(column: dict[str, Any]) -> int | None:
    return column.get("ar") or (int(column["datum"][:4]) if "datum" in column else None)


def carry_table(table: dict[str, Any], delta: int) -> dict[str, Any] | None:
    """The table for a report `delta` years later: the same rows, columns moved on by `delta` years, and in each
    column the previous report's outcome for that column's year (or null). None if no column is a year."""
    columns = table["kolumner"]
    if not any(_year_of(c) for c in columns):
        return None
    years = {year for year in map(_year_of, columns) if year}
    new_columns, sources = [], []
    for column in columns:
        new = {k: v for k, v in column.items() if k not in ("ar", "datum")}
        new["id"], new["rubrik"] = _shift(column["id"], delta, years), _shift(column["rubrik"], delta, years)
        if "ar" in column:
            new["ar"] = column["ar"] + delta
        if "datum" in column:
            new["datum"] = _shift_date(column["datum"], delta)
        new = {k: new[k] for k in ("id", "rubrik", "ar", "datum", "slag", "enhet") if k in new}
        new_columns.append(new)
        year, kind = _year_of(new), column.get("slag")
        source = next((i for i, c in enumerate(columns) if kind in OUTCOME and c.get("slag") in OUTCOME
                       and year is not None and _year_of(c) == year
                       and (c.get("datum") == new.get("datum") or "datum" not in new)), None)
        sources.append(source)
    rows = []
    for row in table["rader"]:
        new_row = {k: row[k] for k in ("text", "slag", "not", "projekt", "insats", "parter", "nyckel", "enhet")
                   if k in row}
        if "varden" in row:
            values = row["varden"]
            new_row["varden"] = [values[s] if s is not None and s < len(values) else None for s in sources]
        rows.append(new_row)
    out = {"id": _shift(table["id"], delta, years), "typ": table["typ"], "rubrik": _shift(table["rubrik"], delta, years),
           "avsnitt": _placeholder("avsnitt", table["avsnitt"]), "enhet": table["enhet"]}
    if "not" in table:
        out["not"] = table["not"]
    return {**out, "kolumner": new_columns, "rader": rows}


def _serving(people: list[dict[str, Any]], start: str, end: str) -> list[dict[str, Any]]:
    """Who held a seat at the end of the previous period: person (or vacancy) and role, no dates. A seat ends with
    its `till`; an entry that starts during the period (`fran`) is taken to replace the nearest open entry before it."""
    open_: list[dict[str, Any]] = []
    for p in people:
        if p.get("fran", start) > start:
            earlier = [q for q in open_ if "fran" not in q or q["fran"] <= p["fran"]]
            if earlier:
                open_.remove(earlier[-1])
        if p.get("till", end) >= end:
            open_.append(p)
    return [{k: p[k] for k in ("person", "vakant", "roll") if k in p} for p in open_]


def carry_over(previous: dict[str, Any], year: int) -> tuple[dict[str, Any], list[str]]:
    """What a new report takes from the previous one, and notes on what was left out."""
    delta = year - int(previous["period"]["till"][:4])
    begin, end = previous["period"]["fran"], previous["period"]["till"]
    out: dict[str, Any] = {}
    notes: list[str] = []
    if "medlemmar" in previous:
        m = previous["medlemmar"]
        out["medlemmar"] = {"avsnitt": _placeholder("avsnitt", m["avsnitt"]), "parter": m["parter"],
                            **({"finansiering": [{k: f[k] for k in ("parter", "andel_procent") if k in f}
                                                 for f in m["finansiering"]]} if "finansiering" in m else {})}
    if "styrelse" in previous:
        s = previous["styrelse"]
        out["styrelse"] = {"avsnitt": _placeholder("avsnitt", s["avsnitt"]), "mandat": [
            {"utsedd_av": m["utsedd_av"], "ordinarie": _serving(m["ordinarie"], begin, end),
             **({"ersattare": _serving(m["ersattare"], begin, end)} if m.get("ersattare") else {})} for m in s["mandat"]]}
    if "revisorer" in previous:
        r = previous["revisorer"]
        keep = ("person", "vakant", "organisation", "utsedd_av", "foretrader", "roll", "funktion", "funktion_text")
        out["revisorer"] = {"avsnitt": _placeholder("avsnitt", r["avsnitt"]),
                            "poster": [{k: p[k] for k in keep if k in p} for p in r["poster"] if p.get("till", end) >= end]}
    start = f"{year}-01-01"
    running = []
    for item in previous.get("insatser", []):  # all of them: the editor removes those the new report leaves out
        period = item.get("period", {})
        new = {"insats": item["insats"], "avsnitt": _placeholder("avsnitt", item["avsnitt"])}
        new.update({k: item[k] for k in ("namn_i_rapporten", "agare") if k in item})
        if item.get("styrgrupp"):
            group = {k: item["styrgrupp"][k] for k in ("organisation", "parter") if k in item["styrgrupp"]}
            if group:
                new["styrgrupp"] = group
        if "fran" in period and "till" in period and period["till"] >= start:  # still running
            new["period"] = {"fran": period["fran"], "till": period["till"]}
        running.append(new)
    if running:
        out["insatser"] = running
    tables, skipped = [], []
    for table in previous.get("tabeller", []):
        carried = carry_table(table, delta) if table["typ"] in YEARLY_TABLES else None
        if carried:
            tables.append(carried)
        else:
            skipped.append(table["id"])
    out["tabeller"] = tables
    if skipped:
        notes.append("tabeller i förra rapporten som inte följer med (inte årskolumner): " + ", ".join(skipped))
    return out, notes


def previous_report(root: Path, forbund: str, year: int) -> tuple[str, dict[str, Any]] | None:
    """The förbund's latest annual report before `year` that passes its schema: (its path, its data)."""
    found = []
    for file in (root / "data" / "rapporter").glob(f"{forbund}-*.yaml"):
        match = re.fullmatch(rf"{re.escape(forbund)}-(\d{{4}})", file.stem)
        if match and int(match.group(1)) < year:
            found.append((int(match.group(1)), file))
    for _, file in sorted(found, reverse=True):
        rel = file.relative_to(root).as_posix()
        try:
            doc = load(file, rel)
        except DataError:
            continue
        data = doc.data
        if validate(doc, "rapport"):
            continue  # a report that does not pass its schema is no model to copy; an older one may be
        if data.get("forbund") == forbund and data.get("typ") == "arsredovisning":
            return rel, data
    return None
