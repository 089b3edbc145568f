"""Sum rows and sum columns: every printed total against the figures it adds up.

A row or column says what it adds up in the data (`summerar`, see the report schema): rows or columns by id
(a row also by a key unique in its table, or `tabell/rad` in another table of the report), a leading minus
subtracts, `ovanfor` stands for the rows above since the previous sum row and `sedan-rubrik` for the rows since
the previous heading. A sum row in a note without `summerar` adds up the rows above it since the previous sum row,
or the subtotals above it (the rule the notes follow). Empty cells and dashes count as nothing; a column with words
in a part is not added up. Totals are compared by magnitude, as elsewhere on the Datakvalitet page.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from faktabank.derive.findings import (
    STATEMENTS,
    Figure,
    Finding,
    TextCellError,
    agrees,
    blank,
    cell_at,
    figure_at,
    finding,
    income_block,
    number_columns,
    one,
    side,
)
from faktabank.model import Column, Report, Row, Table

ABOVE = "ovanfor"
SINCE_HEADING = "sedan-rubrik"


@dataclass(frozen=True)
class Term:
    """One part of a sum: a row of a table, added or subtracted."""

    sign: int
    table: Table
    row: Row


def find_row(table: Table, ref: str) -> Row | None:
    """The row with id `ref`, else the only row with the key `ref`."""
    by_id = [r for r in table.rows if r.id == ref]
    if by_id:
        return by_id[0]
    by_key = [r for r in table.rows if r.nyckel == ref]
    return by_key[0] if len(by_key) == 1 else None


def _rows_above(table: Table, position: int, stop: str) -> list[Row]:
    """The `rad` rows above `position`, back to the previous row of slag `stop` ("summa" or "rubrik")."""
    out: list[Row] = []
    for row in reversed(table.rows[:position]):
        if row.slag == stop:
            break
        if row.slag == "rad":
            out.append(row)
    return out[::-1]


def terms(report: Report, table: Table, position: int) -> list[Term]:
    """The parts the row at `position` adds up, as the data marks them. Unknown references were refused on loading."""
    out: list[Term] = []
    for entry in table.rows[position].summerar:
        sign, ref = (-1, entry[1:]) if entry.startswith("-") else (1, entry)
        if ref in (ABOVE, SINCE_HEADING):
            out += [Term(sign, table, r) for r in _rows_above(table, position, "summa" if ref == ABOVE else "rubrik")]
            continue
        where, _, name = ref.rpartition("/")
        other = next((t for t in report.tables if t.id == where), None) if where else table
        row = find_row(other, name) if other else None
        if other is not None and row is not None:
            out.append(Term(sign, other, row))
    return out


def column_in(table: Table, column: Column) -> int | None:
    """The index of the column of `table` that matches `column` of another table: the same id, else the only
    column with the same year and kind."""
    for index, c in enumerate(table.columns):
        if c.id == column.id:
            return index
    same = [i for i, c in enumerate(table.columns) if c.ar == column.ar and c.slag == column.slag and c.ar is not None]
    return same[0] if len(same) == 1 else None


def _note_default(table: Table, position: int) -> tuple[list[Row], list[list[Row]], str] | None:
    """A note's unmarked sum row: (the rows it adds up, other readings that also count as agreeing, label)."""
    above = table.rows[:position]
    last = max((i for i, r in enumerate(above) if r.slag == "summa"), default=-1)
    since = [r for r in above[last + 1:] if r.slag == "rad"]
    if since:
        return since, ([[r for r in above if r.slag == "rad"]] if last >= 0 else []), "Summa av raderna ovanför"
    if last >= 0:
        return [r for r in above if r.slag == "summa"], [], "Summa av delsummorna ovanför"
    return None


def _is_note(table: Table) -> bool:
    return (table.typ == "not" or table.note is not None) and table.typ not in STATEMENTS


def _parts(report: Report, parts: list[Term], index: int, column: Column, table: Table) -> tuple[list[Figure], int] | None:
    """The figures of the parts in the column and their signed sum; None when a part holds words."""
    figures: list[Figure] = []
    total = 0
    for term in parts:
        at = index if term.table is table else column_in(term.table, column)
        if at is None:
            return None
        cell = cell_at(term.row, at)
        if blank(cell):
            continue
        found = figure_at(report, term.table, term.row, at)
        if found is None:
            raise TextCellError
        figures.append(found)
        total += term.sign * found.kronor
    return figures, total


def _label(parts: list[Term], table: Table) -> str:
    names = []
    for i, term in enumerate(parts):
        name = term.row.text if term.table is table else f"{term.row.text} ({term.table.rubrik})"
        names.append(("− " if term.sign < 0 else ("+ " if i else "")) + name)
    return "Beräknat: " + " ".join(names)


def check_rows(report: Report) -> Iterator[Finding]:
    """Each marked row, and each unmarked sum row of a note, against the rows it adds up, in every column."""
    for table in report.tables:
        block = income_block(table)
        covered = block[1] if block else None  # the income total: checked by check_contributions
        for position, row in enumerate(table.rows):
            if row.summerar:
                parts = terms(report, table, position)
                readings: list[list[Term]] = []
                label = _label(parts, table)
            elif row.slag == "summa" and _is_note(table) and row is not covered:
                default = _note_default(table, position)
                if default is None:
                    continue
                primary, others, label = default
                parts = [Term(1, table, r) for r in primary]
                readings = [[Term(1, table, r) for r in rows] for rows in others]
            else:
                continue
            for index, column in number_columns(table):
                total = figure_at(report, table, row, index)
                try:
                    counted = _parts(report, parts, index, column, table)
                    alternatives = [_parts(report, r, index, column, table) for r in readings]
                except TextCellError:
                    continue
                if total is None or counted is None or not counted[0]:
                    continue
                if any(a and a[0] and agrees(side("", a[0], a[1]), one(total), True) for a in alternatives):
                    continue
                what = f"{row.text} i {table.rubrik} mot raderna den summerar, {column.rubrik}"
                found = finding("summa", report, column.ar, what, side(label, counted[0], counted[1]), one(total), True)
                if found:
                    yield found


def check_columns(report: Report) -> Iterator[Finding]:
    """Each marked column against the columns it adds up, on every row with figures."""
    for table in report.tables:
        ids = {c.id: i for i, c in enumerate(table.columns)}
        for index, column in enumerate(table.columns):
            if not column.summerar:
                continue
            parts = [(-1 if e.startswith("-") else 1, ids[e.lstrip("-")]) for e in column.summerar if e.lstrip("-") in ids]
            names = " ".join(("− " if sign < 0 else ("+ " if i else "")) + table.columns[at].rubrik
                             for i, (sign, at) in enumerate(parts))
            for row in table.rows:
                if row.slag == "rubrik":
                    continue
                total = figure_at(report, table, row, index)
                if total is None or any(not blank(cell_at(row, at)) and figure_at(report, table, row, at) is None
                                        for _, at in parts):
                    continue
                figures = [f for _, at in parts for f in [figure_at(report, table, row, at)] if f is not None]
                if not figures:
                    continue
                kronor = sum(sign * f.kronor for sign, at in parts for f in [figure_at(report, table, row, at)] if f)
                what = f"{column.rubrik} på raden {row.text} i {table.rubrik} mot {names}"
                found = finding("kolumnsumma", report, column.ar, what, side(f"Beräknat: {names}", figures, kronor),
                                one(total), True)
                if found:
                    yield found
