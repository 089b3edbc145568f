"""`new --forbund <id> --ar <år>`: a report file to start from, `status: utkast`, that validates as written.

Pre-filled from the förbund's previous annual report: the members and their funding shares, the board and the
auditors as they stood at the end of that report's period, its insatser (without the year's money and participants;
the editor removes those the new report leaves out), and every financial table
with its rows and with the previous report's figures moved into the columns of the years they belong to (last
year's outcome lands in the new table's column for last year; this year's columns are empty). Where only the new
report can say what belongs (sections, dates) the value is a placeholder (PLACEHOLDER), which `check --file` lists.
Without a previous report the file holds what the schema requires and nothing else.

Each block is preceded by comments on its fields, their allowed values and descriptions, generated from the JSON
Schema (pages.schemadoc), so they are never typed twice. An existing file is never overwritten.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, TextIO

import yaml

from faktabank.editor.checkfile import PLACEHOLDER
from faktabank.editor.schemaline import schema_line
from faktabank.load.errors import DataError
from faktabank.load.schema import SCHEMA_DIR, schema, validate
from faktabank.load.yamlload import load
from faktabank.pages.schemadoc import SchemaField, schema_fields

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


# ---------------------------------------------------------------- the file with its comments


class _Dumper(yaml.SafeDumper):
    """Block style for the structure, flow style for short lists and table columns and rows (as the data/ files)."""


def _scalar(value: Any) -> bool:
    return value is None or isinstance(value, (str, int, float, bool))


def _represent_list(dumper: yaml.SafeDumper, value: list) -> yaml.Node:
    flow = all(_scalar(v) for v in value) and len(json.dumps(value, ensure_ascii=False)) < 100
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow)


def _represent_dict(dumper: yaml.SafeDumper, value: dict) -> yaml.Node:
    flat = all(_scalar(v) or (isinstance(v, list) and all(_scalar(x) for x in v)) for v in value.values())
    flow = flat and len(value) > 1 and len(json.dumps(value, ensure_ascii=False)) < 160
    return dumper.represent_mapping("tag:yaml.org,2002:map", value, flow_style=flow)


_Dumper.add_representer(list, _represent_list)
_Dumper.add_representer(dict, _represent_dict)


def _dump(value: dict[str, Any]) -> str:
    return yaml.dump(value, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000, default_flow_style=False)


def _generic_descriptions() -> dict[str, str]:
    """The common definitions' descriptions, shown as a short type instead of repeated in full."""
    common = json.loads((SCHEMA_DIR / "common.schema.json").read_text(encoding="utf-8"))["$defs"]
    return {common["id"]["description"]: "id", common["datum"]["description"]: "datum ÅÅÅÅ-MM-DD",
            common["text"]["description"]: "text med egna ord", common["avsnitt"]["description"]: "avsnitt",
            common["ar"]["description"]: "årtal"}


def field_comments(key: str, fields: list[SchemaField]) -> list[str]:
    """Comment lines on one top-level block: its description, then each field, its type or allowed values."""
    generic = _generic_descriptions()
    lines = []
    for f in fields:
        if f.path != key and not f.path.startswith((f"{key}.", f"{key}[]")):
            continue
        kind = generic.get(f.description, f.type)
        text = "" if f.description in generic else f.description
        required = " (obligatoriskt)" if f.required else ""
        if f.path == key:
            lines.append(f"# {key}{required}: {text or kind}")
            continue
        lines.append(f"#   {f.path[len(key):].lstrip('.')}{required}: {kind}" + (f" – {text}" if text else ""))
    return lines


HEADER = """\
# Rapport: {id} ({status}). Skriven av `make new` – fyll i och kontrollera mot rapporten, block för block.
# Kontrollera filen med: make check FILE={rel}
# Platshållare ("{placeholder}: …") ska ersättas med det rapporten anger; check listar de som är kvar.
# Fälten och deras tillåtna värden nedan kommer från hooks/faktabank/schemas/rapport.schema.json.
# Se docs/redaktorer.md (För redaktörer) för arbetsgången och granskningslistan.
"""


def render(data: dict[str, Any], rel: str, notes: list[str]) -> str:
    """The file's text: schema line, header, and each block of the schema in its order with its comments."""
    fields = schema_fields("rapport")
    parts = [schema_line(rel, "rapport"),
             HEADER.format(id=data["id"], status=data["status"], rel=rel, placeholder=PLACEHOLDER).rstrip()]
    parts += [f"# Obs: {note}" for note in notes]
    for key in schema("rapport")["properties"]:
        parts.append("")
        parts += field_comments(key, fields)
        if key in data:
            parts.append(_dump({key: data[key]}).rstrip())
        else:
            parts.append(f"# ({key} är inte ifyllt: lägg till det om rapporten har det)")
    return "\n".join(parts) + "\n"


def skeleton(root: Path, forbund: str, year: int) -> tuple[dict[str, Any], list[str], str | None]:
    """The new report's data, notes on what was left out, and the previous report's path (if any)."""
    report_id = f"{forbund}-{year}"
    data: dict[str, Any] = {
        "id": report_id, "forbund": forbund, "typ": "arsredovisning",
        "period": {"fran": f"{year}-01-01", "till": f"{year}-12-31"},
        "kalla": {"fil": f"{forbund}-arsredovisning-{year}.txt", "titel": f"Årsredovisning {year}"},
        "status": "utkast",
    }
    found = previous_report(root, forbund, year)
    if found is None:
        data["intern"] = "Utkast från make new, utan tidigare rapport att utgå från."
        data["tabeller"] = []
        return data, [], None
    rel, previous = found
    carried, notes = carry_over(previous, year)
    data["intern"] = (f"Utkast från make new, förifyllt från {previous['id']}: medlemmar, styrelse och revisorer "
                      "som de var vid den periodens slut, pågående insatser och tabellernas rader med förra "
                      "rapportens siffror i kolumnerna för tidigare år. Kontrollera allt mot rapporten.")
    data.update(carried)
    return data, notes, rel


def write_skeleton(root: Path, forbund: str, year: int, out: TextIO, err: TextIO) -> int:
    """Write data/rapporter/<förbund>-<år>.yaml; 1 (and nothing written) if it exists or the förbund is unknown."""
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", forbund) or not (root / "data" / "forbund" / f"{forbund}.yaml").is_file():
        print(f"data/forbund/{forbund}.yaml: (dokument): förbundet '{forbund}' finns inte "
              f"(tips: lägg till förbundet i data/forbund/ först, eller sök id:t med make id NAMN=\"…\")", file=err)
        return 1
    if not 1990 <= year <= 2100:
        print(f"ar: ett årtal 1990–2100 förväntades, fick {year}", file=err)
        return 1
    rel = f"data/rapporter/{forbund}-{year}.yaml"
    target = root / rel
    if target.exists():
        print(f"{rel}: (dokument): filen finns redan och skrivs aldrig över "
              f"(tips: kontrollera den med make check FILE={rel})", file=err)
        return 1
    data, notes, source = skeleton(root, forbund, year)
    text = render(data, rel, notes)
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8") as handle:  # "x": fails rather than overwrite a file made meanwhile
        handle.write(text)
    print(f"skrev {rel}" + (f", förifylld från {source}" if source else " (ingen tidigare årsredovisning att utgå från)"),
          file=out)
    print(f"nästa steg: fyll i från rapporten och kör make check FILE={rel}", file=out)
    return 0
