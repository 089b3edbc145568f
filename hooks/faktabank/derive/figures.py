"""Facts gathered across reports: key figures per förbund and year, member contributions."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from faktabank.model import Model, Report, Table

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


def _is_overview(model: Model, fact: Fact) -> bool:
    report = model.reports[fact.report]
    return any(table_anchor(t) == fact.table and t.typ == "oversikt" for t in report.tables)


def table_anchor(table: Table) -> str:
    return f"tabell-{table.id}"


def _facts_in(report: Report, typ: tuple[str, ...], keys: set[str]) -> list[tuple[str, Fact]]:
    return [(row.nyckel, Fact(cell.value, cell.unit, cell.kronor, report.id, table_anchor(t), t.rubrik, col.ar, col.rubrik))
            for _, t, row, col, cell in report.year_cells(typ, keys)]


def key_figures(model: Model, forbund_id: str) -> dict[int, dict[str, list[Fact]]]:
    """year → key → facts: multi-year overviews first (own-year report, then later ones);
    where no overview gives a figure, the statements (resultaträkning, balansräkning) do."""
    keys = {k for k, _ in KEY_FIGURES}
    result: dict[int, dict[str, list[Fact]]] = defaultdict(lambda: defaultdict(list))
    reports = model.reports_of(forbund_id)
    for r in reports:
        for key, fact in _facts_in(r, ("oversikt",), keys):
            result[fact.year][key].append(fact)
    for r in reports:
        for key, fact in _facts_in(r, ("resultatrakning", "balansrakning"), keys):
            if not any(_is_overview(model, f) for f in result[fact.year][key]):
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


def contribution_grid(found: list[Contribution]) -> tuple[list[int], Grid]:
    """A förbund's contributions as a table: the years, and for each label (in order of first appearance) the
    members of its first row and, per year, the figure of the latest report that gives one (None: none does)."""
    years = sorted({c.fact.year for c in found})
    by_year: dict[str, dict[int, Contribution]] = {}
    for c in sorted(found, key=lambda c: c.fact.report):  # stable: of one report's figures for a year, the last
        by_year.setdefault(c.label, {})[c.fact.year] = c
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
                out.append(Contribution(row.parter, row.text, Fact(cell.value, cell.unit, cell.kronor, r.id,
                                                                   table_anchor(t), t.rubrik, col.ar, col.rubrik)))
    return out
