"""Facts gathered across reports: key figures per förbund and year, member contributions."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from faktabank.model import Column, Model, Report, Table
from faktabank.text.formatting import period

KEY_FIGURES = (
    ("intakter", "Verksamhetens intäkter"),
    ("kostnader", "Verksamhetens kostnader"),
    ("arets-resultat", "Årets resultat"),
    ("eget-kapital", "Eget kapital"),
    ("soliditet", "Soliditet"),
    ("anstallda", "Antal anställda"),
)


@dataclass(frozen=True)
class Fact:
    """One figure as one report states it, with where it stands."""

    value: int | float | str | None
    unit: str
    kronor: int | None
    report: str
    table: str
    table_title: str
    year: int
    column: str
    period: str = ""  # the period the figure covers: '2019' for a whole year, 'januari–juni 2019' for a part of one

    @property
    def when(self) -> str:
        """The period as a column or row heading shows it."""
        return self.period or str(self.year)

    @property
    def whole_year(self) -> bool:
        return self.when == str(self.year)


def cell_period(report: Report, column: Column) -> str:
    """The period a year column's figures cover. In a delårsrapport an outcome column (utfall, or a column of no
    kind) covers the report's period up to the column's date; budgets and forecasts are for the whole year."""
    if column.ar is None:
        return ""
    if report.partial and column.slag in (None, "utfall"):
        return period(report.fran, column.datum or report.till)
    return str(column.ar)


def _fact(report: Report, t: Table, col: Column, cell) -> Fact:
    return Fact(cell.value, cell.unit, cell.kronor, report.id, table_anchor(t), t.rubrik, col.ar, col.rubrik,
                cell_period(report, col))


def _is_overview(model: Model, fact: Fact) -> bool:
    report = model.reports[fact.report]
    return any(table_anchor(t) == fact.table and t.typ == "oversikt" for t in report.tables)


def table_anchor(table: Table) -> str:
    return f"tabell-{table.id}"


def note_anchors(report: Report) -> dict[int, str]:
    """Note number → the anchor of the report's note table with that number (the first, should two have one)."""
    out: dict[int, str] = {}
    for t in report.tables:
        if t.typ == "not" and t.note is not None:
            out.setdefault(t.note, table_anchor(t))
    return out


def _facts_in(report: Report, typ: tuple[str, ...], keys: set[str]) -> list[tuple[str, Fact]]:
    return [(row.nyckel, _fact(report, t, col, cell)) for _, t, row, col, cell in report.year_cells(typ, keys)]


def key_figures(model: Model, forbund_id: str) -> dict[int, dict[str, list[Fact]]]:
    """year → key → facts: multi-year overviews first (own-year report, then later ones);
    where no overview gives a figure, the statements (resultaträkning, balansräkning) do.
    Figures for part of a year (a delårsrapport's outcome) are left out: a row of this table is a whole year."""
    keys = {k for k, _ in KEY_FIGURES}
    result: dict[int, dict[str, list[Fact]]] = defaultdict(lambda: defaultdict(list))
    reports = model.reports_of(forbund_id)
    for r in reports:
        for key, fact in _facts_in(r, ("oversikt",), keys):
            if fact.whole_year:
                result[fact.year][key].append(fact)
    for r in reports:
        for key, fact in _facts_in(r, ("resultatrakning", "balansrakning"), keys):
            if fact.whole_year and not any(_is_overview(model, f) for f in result[fact.year][key]):
                result[fact.year][key].append(fact)
    for year, by_key in result.items():
        for facts in by_key.values():
            facts.sort(key=lambda f: (model.reports[f.report].year != year, -model.reports[f.report].year))
    return {y: dict(v) for y, v in sorted(result.items())}


@dataclass(frozen=True)
class Contribution:
    parter: tuple[str, ...]
    label: str
    fact: Fact


Grid = list[tuple[str, tuple[str, ...], list[Contribution | None]]]  # (label, members, a figure per year)


def contribution_grid(found: list[Contribution]) -> tuple[list[str], Grid]:
    """A förbund's contributions as a table: the periods (years, and parts of a year as their own columns after
    their year), and for each label (in order of first appearance) the members of its first row and, per period,
    the figure of the latest report that gives one (None: none does)."""
    order = {c.fact.when: (c.fact.year, not c.fact.whole_year, c.fact.when) for c in found}
    years = sorted(order, key=order.__getitem__)
    by_year: dict[str, dict[str, Contribution]] = {}
    for c in sorted(found, key=lambda c: c.fact.report):  # stable: of one report's figures for a period, the last
        by_year.setdefault(c.label, {})[c.fact.when] = c
    members: dict[str, tuple[str, ...]] = {}
    for c in found:
        members.setdefault(c.label, c.parter)
    return years, [(label, parter, [by_year[label].get(y) for y in years]) for label, parter in members.items()]


def contributions(model: Model, forbund_id: str | None = None) -> list[Contribution]:
    """Member contributions (rows keyed 'medlemsbidrag') in every report, optionally of one förbund."""
    out = []
    for r in model.reports.values():
        if forbund_id and r.forbund != forbund_id:
            continue
        for _, t, row, col, cell in r.year_cells(None, ("medlemsbidrag",)):
            if row.parter:
                out.append(Contribution(row.parter, row.text, _fact(r, t, col, cell)))
    return out
