"""Every table of the report as a `tabeller` entry: kind, section, unit, columns, rows and values as printed."""

from __future__ import annotations

import re
from typing import Any

from faktabank.importer.blocks import Block
from faktabank.importer.kinds import SUM_ROW, column_date, column_kind, kind_of, row_key, unit_in
from faktabank.importer.markup import clean
from faktabank.importer.numbers import DASHES, parse_number
from faktabank.importer.registry import Registry, Review, slug
from faktabank.importer.sections import Sections
from faktabank.importer.tables import Grid, grids, settle_columns

FINANCIAL = {"oversikt", "resultatrakning", "balansrakning", "kassaflodesanalys", "not", "driftredovisning",
             "budgetuppfoljning", "balanskrav", "medlemsbidrag"}
MAX_TEXT_WORDS = 11  # longer text in a cell is prose: left for the editor, never copied
_NOTE_ROW = re.compile(r"^(?:not\s+)?(\d{1,2})\.?\s+([A-ZÅÄÖa-zåäö].*)$", re.I)
_LEADING_PROJECT = re.compile(r"^(\d{3,4})\s+(?=[A-ZÅÄÖa-zåäö])")


def is_governance(grid: Grid) -> bool:
    joined = " ".join([grid.corner, *grid.labels]).lower()
    return bool(re.search(r"ordinarie|ersättare|\bfunktion\b", joined))


def _title(lines: list[str], block: Block) -> str:
    """The nearest short line above the table (its caption), if any."""
    for k in range(block.first_line - 2, max(block.first_line - 6, -1), -1):
        t = clean(lines[k])
        if not t:
            continue
        if re.match(r"^(alla\s+)?(belopp|beloppen|siffror|siffrorna)\b", t, re.I) and len(t) < 60:
            continue  # the unit's line; the caption stands above it
        if len(t) <= 100 and "\t" not in lines[k] and not lines[k].lstrip().startswith("|"):
            return t.strip("# ")
        break
    return ""


def _unit_above(lines: list[str], first_line: int) -> str | None:
    """The unit a short line just above the table states ('Siffror i kkr.', 'Belopp i tkr')."""
    for k in range(first_line - 2, max(first_line - 6, -1), -1):
        t = clean(lines[k])
        if t and len(t) < 80 and re.search(r"belopp|siffror|anges i|står i", t, re.I):
            return unit_in(t)
    return None


def _after(lines: list[str], grid: Grid, sections: Sections) -> str:
    """A line just below the table that states its unit ('Beloppen står i tkr')."""
    heads = {h.line for h in sections.headings if h.major or h.note is not None}
    out = []
    for k in range(grid.last_line, min(grid.last_line + 3, len(lines))):
        t = clean(lines[k])
        if t and len(t) < 80 and (k + 1) not in heads and re.search(r"belopp|siffror|står i|anges i", t, re.I):
            out.append(t)
    return " ".join(out)


def _inherited(kind: str, avsnitt: str, units: list[tuple[str, str, str, bool]]) -> str | None:
    """A table that states no unit: a note takes the statements' unit, another table that of the table before
    it in the same section."""
    if kind == "not":
        for k, _, unit, stated in units:
            if stated and k in ("resultatrakning", "balansrakning", "kassaflodesanalys"):
                return unit
        return None
    for _, where, unit, stated in reversed(units):
        if where == avsnitt and stated:
            return unit
    return None


def _toc(lines: list[str], block: Block, title: str, grid: Grid) -> bool:
    above = " ".join(clean(lines[k]) for k in range(max(block.first_line - 8, 0), block.first_line - 1)).lower()
    labels = " ".join([grid.corner, *grid.labels]).lower()
    dotted = sum(1 for r in grid.rows if "...." in r.text or "…" in r.text)
    words = [label.strip(" .:;") for label in [grid.corner, *grid.labels]]
    return ("innehållsförteckning" in above or "innehållsförteckning" in labels or "sida" in words
            or "innehåll" in title.lower() or dotted * 2 >= max(len(grid.rows), 1))


_INDICATOR = re.compile(r"[↑↓→]|\b(högre|lägre)\b", re.I)


def _indicator(grid: Grid) -> bool:
    """An indicator table (`77/53 ↓ Lägre`): its figures belong under `indikatorer`, written by the editor."""
    texts = [c for r in grid.rows for c in r.cells if c and parse_number(c) is None and c not in DASHES]
    return bool(texts) and sum(1 for c in texts if _INDICATOR.search(c)) * 2 >= len(texts)


def build_tables(lines: list[str], blocks: list[Block], sections: Sections, reg: Registry,
                 year: int) -> list[dict[str, Any]]:
    """The draft's `tabeller`, in the report's order; governance tables are left to `governance`."""
    out: list[dict[str, Any]] = []
    units: list[tuple[str, str, str, bool]] = []
    for block in blocks:
        title = _title(lines, block)
        try:
            parts = grids(block)
        except (ValueError, IndexError, KeyError) as exc:
            reg.review.append(Review(block.first_line, f"tabellen kunde inte läsas ({type(exc).__name__}): för in "
                                                       "den för hand"))
            continue
        for grid in parts:
            settle_columns(grid)
            if is_governance(grid) or _toc(lines, block, title, grid):
                continue
            if _indicator(grid):
                reg.review.append(Review(grid.first_line, "indikatortabell: för in resultaten under `indikatorer` "
                                                           "(importen läser dem inte)"))
                continue
            out += _tables(lines, block, grid, title, sections, reg, year, units)
    out = _unnumbered_notes(out)
    _units_by_comparison(out, reg)
    ids: set[str] = set()
    for t in out:
        base = t["id"]
        n = 2
        while t["id"] in ids:
            t["id"] = f"{base}-{n}"
            n += 1
        ids.add(t["id"])
    return out


def _cell(text: str) -> tuple[Any, str | None]:
    """A cell's value and the unit written in it; long text is not copied (None, "prosa")."""
    if not text:
        return None, None
    if text in DASHES:
        return "-", None
    number = parse_number(text)
    if number is not None:
        return number.value, number.unit
    if len(text.split()) > MAX_TEXT_WORDS:
        return None, "prosa"
    return text, None


def _tables(lines: list[str], block: Block, grid: Grid, title: str, sections: Sections, reg: Registry,
            year: int, units: list[tuple[str, str, str, bool]]) -> list[dict[str, Any]]:
    avsnitt = sections.at(grid.first_line)
    note = sections.note_at(grid.first_line)
    context = " ".join([title, grid.corner, avsnitt.split(" – ")[-1], avsnitt])
    kind = "not" if note is not None else kind_of(context, grid.labels, [r.text for r in grid.rows])
    width = max([len(grid.labels)] + [len(r.cells) for r in grid.rows])
    labels = grid.labels + [""] * (width - len(grid.labels))
    raw_cells = [r.cells + [""] * (width - len(r.cells)) for r in grid.rows]
    parsed = [[_cell(c) for c in cells] for cells in raw_cells]
    for k in range(width):  # a column that also holds words keeps '16 st' as written
        if any(isinstance(row[k][0], str) and row[k][0] != "-" for row in parsed):
            for r, row in enumerate(parsed):
                if row[k][1] == "st":
                    row[k] = (raw_cells[r][k], None)
    if not any(isinstance(v, (int, float)) for row in parsed for v, _ in row):
        reg.review.append(Review(grid.first_line, f"tabell utan siffror ({title or avsnitt}) togs inte med: "
                                                   "för in den för hand om den behövs, med egna ord"))
        return []
    if kind == "annan" and sum(1 for row in parsed for v, _ in row if isinstance(v, (int, float))) < 2:
        reg.review.append(Review(grid.first_line, f"uppställning med en enda siffra ({title or avsnitt}) togs "
                                                   "inte med som tabell: för in uppgiften där den hör hemma"))
        return []
    in_cells = {u for row in parsed for v, u in row if isinstance(v, (int, float)) and u in ("kr", "tkr", "kkr")}
    unit = (unit_in(grid.corner) or unit_in(title) or _unit_above(lines, block.first_line) or _row_unit(grid)
            or (in_cells.pop() if len(in_cells) == 1 else None) or unit_in(_after(lines, grid, sections)))
    stated = unit is not None
    if unit is None and kind in FINANCIAL:
        unit = _inherited(kind, avsnitt, units)
    if unit is not None:
        units.append((kind, avsnitt, unit, stated))
    if kind == "deltagare" or (kind == "annan" and not stated):
        unit = "antal"
    percent_cells = sum(1 for row in parsed for v, u in row if u == "%")
    numbers = [v for row in parsed for v, _ in row if isinstance(v, (int, float))]
    if kind == "annan" and numbers and percent_cells == len(numbers):
        unit = "procent"
    if unit is None and numbers and max(abs(v) for v in numbers) >= 100_000:
        unit = "kr"
    if unit is None:
        unit = "kr"
        reg.review.append(Review(grid.first_line, f"tabellen '{title or avsnitt}' anger ingen enhet; "
                                                   "kr antogs – kontrollera"))
    columns = _columns(labels, parsed, year)
    rows: list[dict[str, Any]] = []
    for r, cells in zip(grid.rows, parsed, strict=True):
        values = [v for v, _ in cells]
        text = r.text or ("(summa utan radtext)" if any(v is not None for v in values) else "")
        if not grid.has_row_text:
            text = title or "Värden"
        if not text:
            continue
        row: dict[str, Any] = {}
        project = r.project
        m = _LEADING_PROJECT.match(text)
        if m and kind in ("driftredovisning", "budgetuppfoljning") and not project:
            project, text = m.group(1), text[m.end():]
        row["text"] = text
        has_values = any(v is not None for v in values)
        if not has_values:
            row["slag"] = "rubrik"
        elif r.bold or SUM_ROW.match(text) or not r.text:
            row["slag"] = "summa"
        if r.note:
            row["not"] = r.note
        if project:
            row["projekt"] = project
        if has_values:
            insats = reg.insats_by_text(text)
            if insats:
                row["insats"] = insats
            key = row_key(kind, text)
            if key:
                row["nyckel"] = key
            if any(u == "%" for _, u in cells) and unit != "procent":
                row["enhet"] = "procent"
            elif re.match(r"antal\b", text, re.I) and unit in ("kr", "tkr", "kkr"):
                row["enhet"] = "antal"
            if any(u == "prosa" for _, u in cells):
                reg.review.append(Review(r.line, "en cell med löptext lämnades tom: sammanfatta den med egna ord"))
            row["varden"] = values
        rows.append(row)
    if not rows:
        return []
    rubrik = title or avsnitt.split(" – ")[-1]
    table = {"id": slug(rubrik if kind == "annan" else kind, 6), "typ": kind, "rubrik": rubrik,
             "avsnitt": avsnitt, "enhet": unit, "kolumner": columns, "rader": rows}
    table["_rad"] = grid.first_line  # where it stands, for linking it to an insats (removed before writing)
    if note is not None:
        table["not"] = note
        table["id"] = f"not-{note}"
    if not stated and unit in ("kr", "tkr", "kkr"):
        table["kommentar"] = f"Enheten anges inte vid tabellen i rapporten; importen antog {unit}."
        table["_antagen"] = grid.first_line
    return _split_notes(table) if kind == "not" and note is None else [table]


def _row_unit(grid: Grid) -> str | None:
    for r in grid.rows[:3]:
        unit = unit_in(r.text) if re.search(r"belopp|siffror|\(.*kr.*\)", r.text, re.I) else None
        if unit:
            return unit
    return None


def _columns(labels: list[str], parsed: list[list[tuple[Any, str | None]]], year: int) -> list[dict[str, Any]]:
    columns: list[dict[str, Any]] = []
    seen: set[str] = set()
    for k, label in enumerate(labels):
        rubrik = label or f"Kolumn {k + 1}"
        cid = slug(rubrik, 6)
        n = 2
        while cid in seen:
            cid = f"{slug(rubrik, 6)}-{n}"
            n += 1
        seen.add(cid)
        col: dict[str, Any] = {"id": cid, "rubrik": rubrik}
        ar, datum = column_date(label, year)
        kind = column_kind(label)
        texts = [row[k][0] for row in parsed if k < len(row) and row[k][0] is not None]
        if texts and all(isinstance(v, str) and v != "-" for v in texts):
            kind = "text"
        if ar is None and kind not in (None, "text"):
            ar = year
        if ar is not None:
            col["ar"] = ar
        if datum:
            col["datum"] = datum
        if kind:
            col["slag"] = kind
        if kind == "text":
            col["enhet"] = "text"
        columns.append(col)
    return columns


def _split_notes(table: dict[str, Any]) -> list[dict[str, Any]]:
    """A block of several notes (`1 Verksamhetens intäkter …`, `2 …`) as one table per note."""
    out: list[dict[str, Any]] = []
    current: dict[str, Any] | None = None
    for row in table["rader"]:
        m = _NOTE_ROW.match(row["text"]) if row.get("slag") == "rubrik" else None
        if m:
            number = int(m.group(1))
            current = {**table, "id": f"not-{number}", "not": number, "rubrik": row["text"], "rader": []}
            current.pop("kommentar", None)
            out.append(current)
            continue
        if current is None:
            current = {**table, "rader": []}
            out.append(current)
        current["rader"].append(row)
    return [t for t in out if t["rader"]] or [table]


def _unnumbered_notes(tables: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A note printed without its number ('Avsättningar' under note 5): when the statements refer to a note the
    notes lack, and a heading row in the notes starts like the statement row that refers to it, the note starts
    there."""
    statements = [t for t in tables if t["typ"] in ("resultatrakning", "balansrakning", "kassaflodesanalys")]
    refs: dict[int, list[str]] = {}
    for t in statements:
        for row in t["rader"]:
            if row.get("not"):
                refs.setdefault(row["not"], []).append(row["text"].lower())
    present = {t.get("not") for t in tables if t["typ"] == "not"}
    missing = {n: texts for n, texts in refs.items() if n not in present}
    if not missing:
        return tables
    out: list[dict[str, Any]] = []
    for t in tables:
        if t["typ"] != "not" or t.get("not") is None:
            out.append(t)
            continue
        current = {**t, "rader": []}
        out.append(current)
        for row in t["rader"]:
            stem = row["text"].lower()[:6]
            hit = next((n for n, texts in missing.items() if n > (current.get("not") or 0)
                        and row.get("slag") == "rubrik" and len(stem) >= 5
                        and any(x.startswith(stem) for x in texts)), None)
            if hit is not None:
                current = {**t, "id": f"not-{hit}", "not": hit, "rubrik": row["text"], "rader": []}
                out.append(current)
                del missing[hit]
            current["rader"].append(row)
    return [t for t in out if t["rader"]]


FACTOR = {"kr": 1, "tkr": 1000, "kkr": 1000}


def _year_values(table: dict[str, Any]) -> dict[tuple[str, int], float]:
    """(row key, year) → the row's figure in that year's outcome column."""
    out: dict[tuple[str, int], float] = {}
    for k, col in enumerate(table["kolumner"]):
        year = col.get("ar")
        if year is None or col.get("slag") not in (None, "utfall"):
            continue
        for row in table["rader"]:
            values = row.get("varden", [])
            key = row.get("nyckel")
            if key and k < len(values) and isinstance(values[k], (int, float)) and values[k] and "enhet" not in row:
                out.setdefault((key, year), values[k])
    return out


def _units_by_comparison(tables: list[dict[str, Any]], reg: Registry) -> None:
    """A table whose unit the report does not state gets the unit that makes its known rows agree with the
    same rows in a table whose unit it does state (4 512 in the overview against 4 511 722 kr: tkr)."""
    stated = {}
    for t in tables:
        if "_antagen" not in t and t["enhet"] in FACTOR:
            for key, value in _year_values(t).items():
                stated.setdefault(key, value * FACTOR[t["enhet"]])
    for t in tables:
        line = t.pop("_antagen", None)
        if line is None:
            continue
        votes: dict[str, int] = {}
        for key, value in _year_values(t).items():
            if key in stated:
                ratio = abs(stated[key] / value)
                unit = "kr" if 0.5 < ratio < 2 else "tkr" if 500 < ratio < 2000 else None
                if unit:
                    votes[unit] = votes.get(unit, 0) + 1
        if votes:
            unit = max(votes, key=lambda u: votes[u])
            if unit != t["enhet"]:
                t["enhet"] = unit
            t["kommentar"] = (f"Enheten anges inte vid tabellen i rapporten; {unit} ger samma belopp som "
                              "tabellerna som anger sin enhet.")
            reg.review = [r for r in reg.review if not (r.line == line and "anger ingen enhet" in r.what)]
            reg.review.append(Review(line, f"tabellen anger ingen enhet; {unit} valdes eftersom beloppen då "
                                           "stämmer med resultat- och balansräkningen – kontrollera"))
