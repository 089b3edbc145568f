"""Reconciliation: every build checks the reports' figures against each other.

Nothing here changes a figure, and nothing here fails the build: a disagreement is a fact
about the source. Each one becomes a `Finding` with both sides, every printed figure that
went into them (value as printed, unit, table, row and column) and the difference in kronor;
the Datakvalitet page lists them. Only figures present in the model are compared.

Rows are found by their `nyckel` (docs/redaktorer.md lists the keys) and notes by `not`.
Amounts are compared in kronor. Figures in kr must agree exactly; figures in tkr or kkr are
rounded, so half a unit per rounded figure is allowed, rounded up to whole units and at
least one unit (a tkr figure against a kr figure: within 1 000 kr). Costs are printed with or
without a minus sign, so where the sign is only a convention the magnitudes are compared.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from faktabank.derive.figures import table_anchor
from faktabank.model import UNIT_FACTOR, Cell, Column, Model, Report, Row, Table


@dataclass(frozen=True)
class Check:
    id: str
    title: str
    description: str


CHECKS = (
    Check("not", "Rad mot not",
          "En rad i resultaträkningen eller balansräkningen som hänvisar till en not jämförs med notens summarad "
          "för samma år. Hänvisar flera rader till samma not får de också stämma tillsammans."),
    Check("balans", "Balansräkningen balanserar",
          "Summa tillgångar jämförs med summa eget kapital, avsättningar och skulder i varje kolumn."),
    Check("resultat", "Resultatet",
          "I resultaträkningen: verksamhetens resultat = intäkter − kostnader; resultat efter finansiella poster = "
          "verksamhetens resultat + finansiella intäkter − finansiella kostnader; årets resultat = resultat efter "
          "finansiella poster."),
    Check("likvida-medel", "Likvida medel",
          "Likvida medel vid årets slut i kassaflödesanalysen jämförs med kassa och bank i balansräkningen samma år, "
          "och likvida medel vid årets början med kassa och bank året innan. Både kassa och bank ensamt och kassa och "
          "bank plus kortfristiga placeringar godtas."),
    Check("medlemsbidrag", "Medlemsbidragen",
          "Medlemsbidragen och intäktsraderna under dem (till exempel övriga intäkter) summeras och jämförs med "
          "tabellens summa för intäkterna."),
    Check("oversikt", "Flerårsöversikten",
          "Intäkter, kostnader och resultat i översikten över flera år jämförs med resultaträkningen för samma år, "
          "också med resultaträkningen i förbundets andra rapporter."),
    Check("eget-kapital", "Eget kapital och årets resultat",
          "Förändringen av eget kapital jämförs med årets resultat: summa eget kapital mellan två år, eller övrigt "
          "eget kapital som ska vara förra årets övriga egna kapital plus förra årets resultat. Årets resultat i "
          "balansräkningen jämförs med resultaträkningen."),
    Check("notsumma", "Summor i noterna",
          "Varje summarad i en not jämförs med summan av raderna ovanför den, räknat från förra summaraden; en "
          "summarad direkt efter delsummor jämförs med delsummorna."),
)
CHECK_TITLE = {c.id: c.title for c in CHECKS}

STATEMENTS = ("resultatrakning", "balansrakning")
STATEMENT_NAME = {"resultatrakning": "resultaträkningen", "balansrakning": "balansräkningen"}
ACTUAL = (None, "utfall")  # column kinds that hold the year's outcome
DASHES = frozenset({"-", "–", "—", "−"})
COST_KEYS = frozenset({"kostnader", "finansiella-kostnader"})
RESULT_KEYS = ("intakter", "kostnader", "verksamhetens-resultat", "finansiella-intakter", "finansiella-kostnader",
               "resultat-efter-finansiella-poster", "arets-resultat")
KEY_LABEL = {
    "intakter": "Verksamhetens intäkter",
    "kostnader": "Verksamhetens kostnader",
    "verksamhetens-resultat": "Verksamhetens resultat",
    "finansiella-intakter": "Finansiella intäkter",
    "finansiella-kostnader": "Finansiella kostnader",
    "resultat-efter-finansiella-poster": "Resultat efter finansiella poster",
    "arets-resultat": "Årets resultat",
}


@dataclass(frozen=True)
class Figure:
    """One printed amount and where it stands."""

    value: int | float
    unit: str
    kronor: int
    report: str
    table: str
    anchor: str
    table_title: str
    row: str
    column: str
    year: int | None


@dataclass(frozen=True)
class Side:
    """One side of a comparison: a printed figure, or several printed figures combined as `label` says."""

    label: str
    kronor: int
    figures: tuple[Figure, ...]


@dataclass(frozen=True)
class Finding:
    """A disagreement between figures in the sources. `difference` is in kronor, never negative."""

    check: str
    title: str
    report: str
    year: int | None
    compared: str
    left: Side
    right: Side
    by_magnitude: bool
    tolerance: int
    difference: int

    @property
    def figures(self) -> tuple[Figure, ...]:
        return self.left.figures + self.right.figures


@dataclass(frozen=True)
class NameVariant:
    """A person or organisation whose name the reports spell in more than one way."""

    kind: str
    id: str
    namn: str
    alias: tuple[str, ...]


# ---------------------------------------------------------------- figures and comparison


class _TextCellError(Exception):
    """A cell holds words, so the column cannot be summed."""


def _blank(cell: Cell | None) -> bool:
    return cell is None or cell.value is None or (isinstance(cell.value, str) and cell.value.strip() in DASHES)


def _cell(row: Row, index: int) -> Cell | None:
    return row.cells[index] if index < len(row.cells) else None


def _figure(report: Report, table: Table, row: Row, index: int) -> Figure | None:
    """The printed amount in row × column, or None when the cell is empty, a dash, words or not an amount."""
    cell = _cell(row, index)
    if cell is None or cell.kronor is None or not cell.is_number:
        return None
    column = table.columns[index]
    return Figure(cell.value, cell.unit, cell.kronor, report.id, table.id, table_anchor(table), table.rubrik, row.text,
                  column.rubrik, column.ar)


def _parts(report: Report, table: Table, rows: Iterable[Row], index: int) -> list[Figure]:
    """The amounts of rows in one column; empty cells and dashes count as nothing. Raises _TextCellError on words."""
    out = []
    for row in rows:
        cell = _cell(row, index)
        if _blank(cell):
            continue
        figure = _figure(report, table, row, index)
        if figure is None:
            raise _TextCellError
        out.append(figure)
    return out


def tolerance(figures: Iterable[Figure]) -> int:
    """Kronor by which rounded figures may disagree: half a unit per figure in tkr/kkr, rounded up, at least one unit."""
    coarse = [UNIT_FACTOR[f.unit] for f in figures if UNIT_FACTOR[f.unit] > 1]
    if not coarse:
        return 0
    return max(coarse) * max(1, math.ceil(len(coarse) / 2))


def _gap(left: Side, right: Side, by_magnitude: bool) -> int:
    if by_magnitude:
        return abs(abs(left.kronor) - abs(right.kronor))
    return abs(left.kronor - right.kronor)


def _agrees(left: Side, right: Side, by_magnitude: bool) -> bool:
    return _gap(left, right, by_magnitude) <= tolerance(left.figures + right.figures)


def _side(label: str, figures: Iterable[Figure], kronor: int | None = None) -> Side:
    figures = tuple(figures)
    return Side(label, sum(f.kronor for f in figures) if kronor is None else kronor, figures)


def _one(figure: Figure) -> Side:
    return Side(figure.row, figure.kronor, (figure,))


def _finding(check: str, report: Report, year: int | None, compared: str, left: Side, right: Side,
             by_magnitude: bool) -> Finding | None:
    """A Finding if the two sides disagree beyond rounding, else None."""
    if _agrees(left, right, by_magnitude):
        return None
    by_magnitude = by_magnitude and (left.kronor < 0) != (right.kronor < 0)  # say so only where it mattered
    return Finding(check, CHECK_TITLE[check], report.id, year, compared, left, right, by_magnitude,
                   tolerance(left.figures + right.figures), _gap(left, right, by_magnitude))


def _keyed(table: Table, key: str) -> Row | None:
    return next((row for row in table.rows if row.nyckel == key), None)


def _actual_columns(table: Table) -> Iterator[tuple[int, Column]]:
    for index, column in enumerate(table.columns):
        if column.ar is not None and column.slag in ACTUAL:
            yield index, column


def _amount_columns(table: Table) -> Iterator[tuple[int, Column]]:
    for index, column in enumerate(table.columns):
        if column.slag != "text" and column.enhet in UNIT_FACTOR:
            yield index, column


def _keyed_figure(report: Report, table: Table, key: str, index: int) -> Figure | None:
    row = _keyed(table, key)
    return _figure(report, table, row, index) if row else None


def _by_year(report: Report, table: Table, key: str) -> dict[int, Figure]:
    out: dict[int, Figure] = {}
    row = _keyed(table, key)
    if row is None:
        return out
    for index, column in _actual_columns(table):
        figure = _figure(report, table, row, index)
        if figure is not None and column.ar not in out:
            out[column.ar] = figure
    return out


def _tables(report: Report, *typ: str) -> list[Table]:
    return [t for t in report.tables if t.typ in typ]


# ---------------------------------------------------------------- the checks


def check_notes(report: Report) -> Iterator[Finding]:
    """Statement rows with `not: N` against the `summa` row of note N, same year."""
    notes: dict[int, list[Table]] = defaultdict(list)
    for t in report.tables:
        if t.note is not None and t.typ not in STATEMENTS:
            notes[t.note].append(t)
    for table in _tables(report, *STATEMENTS):
        groups: dict[int, list[Row]] = defaultdict(list)
        for row in table.rows:
            if row.note is not None:
                groups[row.note].append(row)
        for note, rows in groups.items():
            for index, column in _actual_columns(table):
                present = [f for f in (_figure(report, table, row, index) for row in rows) if f is not None]
                candidates = [
                    f for nt in notes.get(note, ()) for n_index, n_column in _actual_columns(nt) if n_column.ar == column.ar
                    for row in nt.rows if row.nyckel == "summa"
                    for f in [_figure(report, nt, row, n_index)] if f is not None
                ]
                if not present or not candidates:
                    continue
                unmatched = [f for f in present if not any(_agrees(_one(f), _one(c), True) for c in candidates)]
                if not unmatched:
                    continue
                if len(present) > 1 and any(_agrees(_side("", present), _one(c), True) for c in candidates):
                    continue
                left = _one(unmatched[0]) if len(unmatched) == 1 else _side(
                    " + ".join(f.row for f in unmatched), unmatched)
                nearest = min(candidates, key=lambda c: _gap(left, _one(c), True))
                right = Side(f"{nearest.table_title}: {nearest.row}", nearest.kronor, (nearest,))
                name = STATEMENT_NAME[table.typ]
                what = (f"{left.label} i {name} mot summan i not {note}" if len(unmatched) == 1 else
                        f"Raderna med not {note} i {name} tillsammans mot summan i noten")
                found = _finding("not", report, column.ar, what, left, right, True)
                if found:
                    yield found


def check_balance(report: Report) -> Iterator[Finding]:
    """Summa tillgångar = summa eget kapital, avsättningar och skulder."""
    for table in _tables(report, "balansrakning"):
        for index, column in _amount_columns(table):
            assets = _keyed_figure(report, table, "summa-tillgangar", index)
            claims = _keyed_figure(report, table, "summa-eget-kapital-avsattningar-skulder", index)
            if assets and claims:
                found = _finding("balans", report, column.ar, f"Tillgångar mot eget kapital, avsättningar och skulder, "
                                 f"{column.rubrik}", _one(assets), _one(claims), False)
                if found:
                    yield found


def _between_has_amount(table: Table, a: Row, b: Row, index: int) -> bool:
    """Whether a row without a key between rows a and b holds an amount other than zero in the column."""
    i, j = sorted((table.rows.index(a), table.rows.index(b)))
    for row in table.rows[i + 1:j]:
        cell = _cell(row, index)
        if row.nyckel is None and not _blank(cell) and cell is not None and cell.value != 0:
            return True
    return False


def check_result(report: Report) -> Iterator[Finding]:
    """Result = income − costs ± financial items, step by step down the resultaträkning."""
    for table in _tables(report, "resultatrakning"):
        for index, column in _amount_columns(table):
            f = {key: _keyed_figure(report, table, key, index) for key in RESULT_KEYS}
            income, costs, operating = f["intakter"], f["kostnader"], f["verksamhetens-resultat"]
            label = column.rubrik
            if income and costs and operating:
                computed = _side("Intäkter − kostnader", (income, costs), income.kronor - abs(costs.kronor))
                found = _finding("resultat", report, column.ar, f"Verksamhetens resultat mot intäkter − kostnader, {label}",
                                 _one(operating), computed, False)
                if found:
                    yield found
            after = f["resultat-efter-finansiella-poster"]
            target = after or f["arets-resultat"]
            base: tuple[Figure, ...] = ()
            base_kronor, base_label = 0, ""
            if operating:
                base, base_kronor, base_label = (operating,), operating.kronor, "Verksamhetens resultat"
            elif income and costs:
                base, base_kronor, base_label = (income, costs), income.kronor - abs(costs.kronor), "Intäkter − kostnader"
            if target and base:
                fin_in, fin_out = f["finansiella-intakter"], f["finansiella-kostnader"]
                kronor = base_kronor + (fin_in.kronor if fin_in else 0) - (abs(fin_out.kronor) if fin_out else 0)
                extra = [x for x in (fin_in, fin_out) if x]
                computed = _side(base_label + (" + finansiella intäkter" if fin_in else "")
                                 + (" − finansiella kostnader" if fin_out else ""), (*base, *extra), kronor)
                found = _finding("resultat", report, column.ar,
                                 f"{target.row} mot {computed.label.lower()}, {label}", _one(target), computed, False)
                if found:
                    yield found
            final = f["arets-resultat"]
            if after and final:
                rows = (_keyed(table, "resultat-efter-finansiella-poster"), _keyed(table, "arets-resultat"))
                if rows[0] and rows[1] and not _between_has_amount(table, rows[0], rows[1], index):
                    found = _finding("resultat", report, column.ar, f"Årets resultat mot resultat efter finansiella "
                                     f"poster, {label}", _one(final), _one(after), False)
                    if found:
                        yield found


def _cash(report: Report, sheet: Table, year: int) -> list[Side]:
    """The balance sheet's cash of a year: kassa och bank, and kassa och bank + kortfristiga placeringar."""
    options = []
    for index, column in _actual_columns(sheet):
        if column.ar != year:
            continue
        bank = _keyed_figure(report, sheet, "kassa-bank", index)
        if bank is None:
            continue
        options.append(_one(bank))
        deposits = _keyed_figure(report, sheet, "kortfristiga-placeringar", index)
        if deposits:
            options.append(_side("Kassa och bank + kortfristiga placeringar", (bank, deposits)))
        break
    return options


def check_cash(report: Report) -> Iterator[Finding]:
    """Likvida medel in the cash-flow statement = kassa och bank (+ kortfristiga placeringar) in the balance sheet."""
    sheets = _tables(report, "balansrakning")
    for table in _tables(report, "kassaflodesanalys"):
        for key, offset, when in (("likvida-medel-slut", 0, "vid årets slut"), ("likvida-medel-borjan", 1,
                                                                                   "vid årets början")):
            for year, flow in _by_year(report, table, key).items():
                for sheet in sheets:
                    options = _cash(report, sheet, year - offset)
                    if not options or any(_agrees(_one(flow), o, False) for o in options):
                        continue
                    nearest = min(options, key=lambda o: abs(o.kronor - flow.kronor))
                    what = (f"Likvida medel {when} {year} i kassaflödesanalysen mot kassa och bank i balansräkningen "
                            f"{year - offset}")
                    found = _finding("likvida-medel", report, year, what, _one(flow), nearest, False)
                    if found:
                        yield found


def _income_block(table: Table) -> tuple[list[Row], Row] | None:
    """The rows from the first member contribution down to the income total below it, and that total."""
    first = next((i for i, row in enumerate(table.rows) if row.nyckel == "medlemsbidrag"), None)
    if first is None:
        return None
    total = next((i for i in range(first + 1, len(table.rows)) if table.rows[i].slag == "summa"
                  or table.rows[i].nyckel in ("summa", "summa-intakter")), None)
    if total is None:
        return None
    return [row for row in table.rows[first:total] if row.slag == "rad"], table.rows[total]


def check_contributions(report: Report) -> Iterator[Finding]:
    """Member contributions and the other income rows beside them add up to the table's income total."""
    for table in report.tables:
        block = _income_block(table)
        if block is None:
            continue
        rows, total_row = block
        for index, column in _amount_columns(table):
            total = _figure(report, table, total_row, index)
            try:
                parts = _parts(report, table, rows, index)
            except _TextCellError:
                continue
            if total is None or not parts:
                continue
            what = f"Medlemsbidrag och övriga intäkter mot {total_row.text.lower()} i {table.rubrik}, {column.rubrik}"
            found = _finding("medlemsbidrag", report, column.ar, what, _side("Summa av raderna", parts), _one(total), True)
            if found:
                yield found


_Stated = dict[tuple[str, str, str], dict[int, Figure]]  # (report id, table id, key) → figure by year


def check_overview(model: Model, report: Report, stated_by: _Stated | None = None) -> Iterator[Finding]:
    """Multi-year overview figures against the resultaträkning of the same year, in every report of the förbund.
    `stated_by` keeps the resultaträkningar's figures between calls: every report of a förbund reads them all."""
    stated_by = {} if stated_by is None else stated_by
    statements = [(s, t) for s in model.reports_of(report.forbund) for t in _tables(s, "resultatrakning")]
    for table in _tables(report, "oversikt"):
        for key in RESULT_KEYS:
            for year, shown in _by_year(report, table, key).items():
                for source, statement in statements:
                    known = stated_by.get((source.id, statement.id, key))
                    if known is None:
                        known = stated_by[(source.id, statement.id, key)] = _by_year(source, statement, key)
                    stated = known.get(year)
                    if stated is None:
                        continue
                    where = "" if source.id == report.id else f" ({source.title})"
                    what = f"{KEY_LABEL[key]} {year}: översikten mot resultaträkningen{where}"
                    found = _finding("oversikt", report, year, what, _one(shown), _one(stated), key in COST_KEYS)
                    if found:
                        yield found


def check_equity(report: Report) -> Iterator[Finding]:
    """Change in equity = the year's result; the balance sheet's result = the resultaträkning's."""
    results: dict[int, Figure] = {}
    for table in _tables(report, "resultatrakning"):
        for year, figure in _by_year(report, table, "arets-resultat").items():
            results.setdefault(year, figure)
    for sheet in _tables(report, "balansrakning"):
        total = _by_year(report, sheet, "summa-eget-kapital")
        other = _by_year(report, sheet, "ovrigt-eget-kapital")
        for year in sorted(set(total) | set(other)):
            before = year - 1
            if year in total and before in total and year in results:
                change = _side(f"Eget kapital {year} − eget kapital {before}", (total[year], total[before]),
                               total[year].kronor - total[before].kronor)
                found = _finding("eget-kapital", report, year, f"Förändringen av eget kapital {before}–{year} mot "
                                 f"årets resultat {year}", change, _one(results[year]), False)
            elif year in other and before in other and before in results and not (year in total and before in total):
                opening = _side(f"Övrigt eget kapital {before} + årets resultat {before}", (other[before], results[before]))
                found = _finding("eget-kapital", report, year, f"Övrigt eget kapital {year} mot eget kapital vid årets "
                                 f"början (övrigt eget kapital och resultat {before})", _one(other[year]), opening, False)
            else:
                found = None
            if found:
                yield found
        for year, shown in _by_year(report, sheet, "arets-resultat").items():
            if year in results:
                found = _finding("eget-kapital", report, year, f"Årets resultat {year}: balansräkningen mot "
                                 "resultaträkningen", _one(shown), _one(results[year]), False)
                if found:
                    yield found


def check_note_sums(report: Report) -> Iterator[Finding]:
    """Each summa row of a note against the rows above it (since the previous summa row, or the subtotals)."""
    for table in report.tables:
        if (table.typ != "not" and table.note is None) or table.typ in STATEMENTS:
            continue
        block = _income_block(table)
        covered = block[1] if block else None  # checked by check_contributions
        for position, row in enumerate(table.rows):
            if row.slag != "summa" or row is covered:
                continue
            above = table.rows[:position]
            last = max((i for i, r in enumerate(above) if r.slag == "summa"), default=-1)
            since = [r for r in above[last + 1:] if r.slag == "rad"]
            if since:
                primary, label = since, "Summa av raderna ovanför"
                others = [[r for r in above if r.slag == "rad"]] if last >= 0 else []
            elif last >= 0:
                primary, label, others = [r for r in above if r.slag == "summa"], "Summa av delsummorna ovanför", []
            else:
                continue
            for index, column in _amount_columns(table):
                total = _figure(report, table, row, index)
                try:
                    parts = _parts(report, table, primary, index)
                    alternatives = [_parts(report, table, rows, index) for rows in others]
                except _TextCellError:
                    continue
                if total is None or not parts:
                    continue
                if any(a and _agrees(_side("", a), _one(total), True) for a in alternatives):
                    continue
                what = f"{row.text} i {table.rubrik} mot raderna ovanför, {column.rubrik}"
                found = _finding("notsumma", report, column.ar, what, _side(label, parts), _one(total), True)
                if found:
                    yield found


def reconcile(model: Model) -> tuple[Finding, ...]:
    """Every disagreement between figures in the model's reports, grouped by report, in the order of CHECKS."""
    order = {c.id: i for i, c in enumerate(CHECKS)}
    found: list[Finding] = []
    stated_by: _Stated = {}
    for report in sorted(model.reports.values(), key=lambda r: (r.forbund, r.till, r.id)):
        of_report = [
            *check_notes(report), *check_balance(report), *check_result(report), *check_cash(report),
            *check_contributions(report), *check_overview(model, report, stated_by), *check_equity(report),
            *check_note_sums(report),
        ]
        found += sorted(of_report, key=lambda f: order[f.check])
    return tuple(found)


def by_report(findings: Iterable[Finding]) -> dict[str, tuple[Finding, ...]]:
    """Findings grouped by report, in the order given."""
    groups: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        groups[finding.report].append(finding)
    return {report: tuple(group) for report, group in groups.items()}


def name_variants(model: Model) -> tuple[NameVariant, ...]:
    """Persons and organisations with spellings recorded as `alias` (spellings found in the reports)."""
    entries = [("person", p.id, p.namn, p.alias) for p in model.persons.values()]
    entries += [("organisation", o.id, o.namn, o.alias) for o in model.organisations.values()]
    out = []
    for kind, entity_id, namn, alias in entries:
        spellings = tuple(a for a in alias if a != namn)
        if spellings:
            out.append(NameVariant(kind, entity_id, namn, spellings))
    return tuple(sorted(out, key=lambda v: (v.namn.casefold(), v.kind)))
