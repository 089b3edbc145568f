"""Reconciliation: every build checks the reports' figures against each other.

Nothing here changes a figure, and nothing here fails the build: a disagreement is a fact
about the source. Each one becomes a `Finding` with both sides, every printed figure that
went into them (value as printed, unit, table, row and column) and the difference in kronor;
the Datakvalitet page lists them. Only figures present in the model are compared.

Rows are found by their `nyckel` (docs/redaktorer.md lists the keys) and notes by `not`.
Amounts are compared in kronor. Figures in one unit must agree exactly (a difference within the
rounding of tkr or kkr is listed and says so); figures in different units are rounded differently,
so half a unit per rounded figure is allowed, rounded up to whole units and at least one unit (a
tkr figure against a kr figure: within 1 000 kr). Costs are printed with or without a minus sign,
so where the sign is only a convention the magnitudes are compared. The checks of sums, stated
figures and plausibility live in `sums`, `statedfigures` and `plausibility`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from faktabank.derive import plausibility, statedfigures, sums
from faktabank.derive.findings import (
    CHECKS,
    STATEMENTS,
    TEXT_CHECKS,
    Figure,
    Finding,
    NameVariant,
    Side,
    TextCellError,
    TextFinding,
    actual_columns,
    agrees,
    amount_columns,
    blank,
    by_year_of,
    cell_at,
    figure_at,
    finding,
    gap,
    income_block,
    keyed_figure,
    keyed_row,
    one,
    parts_at,
    side,
    tables_of,
)
from faktabank.derive.namevariants import name_variants
from faktabank.derive.signatures import text_findings
from faktabank.model import Model, Report, Row, Table

__all__ = ["CHECKS", "TEXT_CHECKS", "Figure", "Finding", "NameVariant", "Side", "TextFinding", "by_report",
           "name_variants", "reconcile", "text_findings"]

STATEMENT_NAME = {"resultatrakning": "resultaträkningen", "balansrakning": "balansräkningen"}
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


# ---------------------------------------------------------------- the checks


def check_notes(report: Report) -> Iterator[Finding]:
    """Statement rows with `not: N` against the `summa` row of note N, same year."""
    notes: dict[int, list[Table]] = defaultdict(list)
    for t in report.tables:
        if t.note is not None and t.typ not in STATEMENTS:
            notes[t.note].append(t)
    for table in tables_of(report, *STATEMENTS):
        groups: dict[int, list[Row]] = defaultdict(list)
        for row in table.rows:
            if row.note is not None:
                groups[row.note].append(row)
        for note, rows in groups.items():
            for index, column in actual_columns(table):
                present = [f for f in (figure_at(report, table, row, index) for row in rows) if f is not None]
                candidates = [
                    f for nt in notes.get(note, ()) for n_index, n_column in actual_columns(nt) if n_column.ar == column.ar
                    for row in nt.rows if row.nyckel == "summa"
                    for f in [figure_at(report, nt, row, n_index)] if f is not None
                ]
                if not present or not candidates:
                    continue
                unmatched = [f for f in present if not any(agrees(one(f), one(c), True) for c in candidates)]
                if not unmatched:
                    continue
                if len(present) > 1 and any(agrees(side("", present), one(c), True) for c in candidates):
                    continue
                left = one(unmatched[0]) if len(unmatched) == 1 else side(
                    " + ".join(f.row for f in unmatched), unmatched)
                nearest = min(candidates, key=lambda c: gap(left, one(c), True))
                right = Side(f"{nearest.table_title}: {nearest.row}", nearest.kronor, (nearest,))
                name = STATEMENT_NAME[table.typ]
                what = (f"{left.label} i {name} mot summan i not {note}" if len(unmatched) == 1 else
                        f"Raderna med not {note} i {name} tillsammans mot summan i noten")
                found = finding("not", report, column.ar, what, left, right, True)
                if found:
                    yield found


def check_balance(report: Report) -> Iterator[Finding]:
    """Summa tillgångar = summa eget kapital, avsättningar och skulder."""
    for table in tables_of(report, "balansrakning"):
        for index, column in amount_columns(table):
            assets = keyed_figure(report, table, "summa-tillgangar", index)
            claims = keyed_figure(report, table, "summa-eget-kapital-avsattningar-skulder", index)
            if assets and claims:
                found = finding("balans", report, column.ar, f"Tillgångar mot eget kapital, avsättningar och skulder, "
                                 f"{column.rubrik}", one(assets), one(claims), False)
                if found:
                    yield found


def _between_has_amount(table: Table, a: Row, b: Row, index: int) -> bool:
    """Whether a row without a key between rows a and b holds an amount other than zero in the column."""
    i, j = sorted((table.rows.index(a), table.rows.index(b)))
    for row in table.rows[i + 1:j]:
        cell = cell_at(row, index)
        if row.nyckel is None and not blank(cell) and cell is not None and cell.value != 0:
            return True
    return False


def check_result(report: Report) -> Iterator[Finding]:
    """Result = income − costs ± financial items, step by step down the resultaträkning."""
    for table in tables_of(report, "resultatrakning"):
        for index, column in amount_columns(table):
            f = {key: keyed_figure(report, table, key, index) for key in RESULT_KEYS}
            income, costs, operating = f["intakter"], f["kostnader"], f["verksamhetens-resultat"]
            label = column.rubrik
            if income and costs and operating:
                computed = side("Intäkter − kostnader", (income, costs), income.kronor - abs(costs.kronor))
                found = finding("resultat", report, column.ar, f"Verksamhetens resultat mot intäkter − kostnader, {label}",
                                 one(operating), computed, False)
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
                computed = side(base_label + (" + finansiella intäkter" if fin_in else "")
                                 + (" − finansiella kostnader" if fin_out else ""), (*base, *extra), kronor)
                found = finding("resultat", report, column.ar,
                                 f"{target.row} mot {computed.label.lower()}, {label}", one(target), computed, False)
                if found:
                    yield found
            final = f["arets-resultat"]
            if after and final:
                rows = (keyed_row(table, "resultat-efter-finansiella-poster"), keyed_row(table, "arets-resultat"))
                if rows[0] and rows[1] and not _between_has_amount(table, rows[0], rows[1], index):
                    found = finding("resultat", report, column.ar, f"Årets resultat mot resultat efter finansiella "
                                     f"poster, {label}", one(final), one(after), False)
                    if found:
                        yield found


def _cash(report: Report, sheet: Table, year: int) -> list[Side]:
    """The balance sheet's cash of a year: kassa och bank, and kassa och bank + kortfristiga placeringar."""
    options = []
    for index, column in actual_columns(sheet):
        if column.ar != year:
            continue
        bank = keyed_figure(report, sheet, "kassa-bank", index)
        if bank is None:
            continue
        options.append(one(bank))
        deposits = keyed_figure(report, sheet, "kortfristiga-placeringar", index)
        if deposits:
            options.append(side("Kassa och bank + kortfristiga placeringar", (bank, deposits)))
        break
    return options


def check_cash(report: Report) -> Iterator[Finding]:
    """Likvida medel in the cash-flow statement = kassa och bank (+ kortfristiga placeringar) in the balance sheet."""
    sheets = tables_of(report, "balansrakning")
    for table in tables_of(report, "kassaflodesanalys"):
        for key, offset, when in (("likvida-medel-slut", 0, "vid årets slut"), ("likvida-medel-borjan", 1,
                                                                                   "vid årets början")):
            for year, flow in by_year_of(report, table, key).items():
                for sheet in sheets:
                    options = _cash(report, sheet, year - offset)
                    if not options or any(agrees(one(flow), o, False) for o in options):
                        continue
                    nearest = min(options, key=lambda o: abs(o.kronor - flow.kronor))
                    what = (f"Likvida medel {when} {year} i kassaflödesanalysen mot kassa och bank i balansräkningen "
                            f"{year - offset}")
                    found = finding("likvida-medel", report, year, what, one(flow), nearest, False)
                    if found:
                        yield found


def check_contributions(report: Report) -> Iterator[Finding]:
    """Member contributions and the other income rows beside them add up to the table's income total."""
    for table in report.tables:
        block = income_block(table)
        if block is None:
            continue
        rows, total_row = block
        for index, column in amount_columns(table):
            total = figure_at(report, table, total_row, index)
            try:
                parts = parts_at(report, table, rows, index)
            except TextCellError:
                continue
            if total is None or not parts:
                continue
            what = f"Medlemsbidrag och övriga intäkter mot {total_row.text.lower()} i {table.rubrik}, {column.rubrik}"
            found = finding("medlemsbidrag", report, column.ar, what, side("Summa av raderna", parts), one(total), True)
            if found:
                yield found


_Stated = dict[tuple[str, str, str], dict[int, Figure]]  # (report id, table id, key) → figure by year


def check_overview(model: Model, report: Report, stated_by: _Stated | None = None) -> Iterator[Finding]:
    """Multi-year overview figures against the resultaträkning of the same year, in every report of the förbund.
    `stated_by` keeps the resultaträkningar's figures between calls: every report of a förbund reads them all."""
    stated_by = {} if stated_by is None else stated_by
    statements = [(s, t) for s in model.reports_of(report.forbund) for t in tables_of(s, "resultatrakning")]
    for table in tables_of(report, "oversikt"):
        for key in RESULT_KEYS:
            for year, shown in by_year_of(report, table, key).items():
                for source, statement in statements:
                    known = stated_by.get((source.id, statement.id, key))
                    if known is None:
                        known = stated_by[(source.id, statement.id, key)] = by_year_of(source, statement, key)
                    stated = known.get(year)
                    if stated is None:
                        continue
                    where = "" if source.id == report.id else f" ({source.title})"
                    what = f"{KEY_LABEL[key]} {year}: översikten mot resultaträkningen{where}"
                    found = finding("oversikt", report, year, what, one(shown), one(stated), key in COST_KEYS)
                    if found:
                        yield found


def check_equity(report: Report) -> Iterator[Finding]:
    """Change in equity = the year's result; the balance sheet's result = the resultaträkning's."""
    results: dict[int, Figure] = {}
    for table in tables_of(report, "resultatrakning"):
        for year, figure in by_year_of(report, table, "arets-resultat").items():
            results.setdefault(year, figure)
    for sheet in tables_of(report, "balansrakning"):
        total = by_year_of(report, sheet, "summa-eget-kapital")
        other = by_year_of(report, sheet, "ovrigt-eget-kapital")
        for year in sorted(set(total) | set(other)):
            before = year - 1
            if year in total and before in total and year in results:
                change = side(f"Eget kapital {year} − eget kapital {before}", (total[year], total[before]),
                               total[year].kronor - total[before].kronor)
                found = finding("eget-kapital", report, year, f"Förändringen av eget kapital {before}–{year} mot "
                                 f"årets resultat {year}", change, one(results[year]), False)
            elif year in other and before in other and before in results and not (year in total and before in total):
                opening = side(f"Övrigt eget kapital {before} + årets resultat {before}", (other[before], results[before]))
                found = finding("eget-kapital", report, year, f"Övrigt eget kapital {year} mot eget kapital vid årets "
                                 f"början (övrigt eget kapital och resultat {before})", one(other[year]), opening, False)
            else:
                found = None
            if found:
                yield found
        for year, shown in by_year_of(report, sheet, "arets-resultat").items():
            if year in results:
                found = finding("eget-kapital", report, year, f"Årets resultat {year}: balansräkningen mot "
                                 "resultaträkningen", one(shown), one(results[year]), False)
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
            *sums.check_rows(report), *sums.check_columns(report), *statedfigures.check(report),
            *plausibility.check(model, report),
        ]
        seen: set[frozenset[tuple]] = set()
        for f in sorted(of_report, key=lambda f: order[f.check]):
            same = frozenset((x.report, x.table, x.row, x.column, x.value) for x in f.figures)
            if f.figures and same in seen:
                continue  # the same figures compared by two checks (a marked sum that another check also reads)
            seen.add(same)
            found.append(f)
    return tuple(found)


def by_report(findings: Iterable[Finding | TextFinding]) -> dict[str, tuple]:
    """Findings (or text findings) grouped by report, in the order given."""
    groups: dict[str, list] = defaultdict(list)
    for found in findings:
        groups[found.report].append(found)
    return {report: tuple(group) for report, group in groups.items()}
