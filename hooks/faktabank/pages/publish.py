"""Pages and files across förbund: Jämförelser, Insatskatalog, Öppna data, and the open-data files.

`extend(renderer)` gives the templates what they need (comparisons, charts, catalogue, indicators);
`pages(renderer)` renders the pages; the open-data files themselves are written by the MkDocs hook
(`opendata.write`), which adds them as generated files (they are not pages); the Öppna data page reads what
`Renderer.open_data` says of them.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from markupsafe import Markup

from faktabank.derive import catalog, compare, indicators
from faktabank.derive.compare import METRIC, Comparison, Value
from faktabank.export import datatables, opendata
from faktabank.pages import charts, schemadoc, split
from faktabank.pages.comparecells import value_text
from faktabank.pages.page import Page
from faktabank.text.formatting import TKR_RULE
from faktabank.text.links import Linker, page_url

if TYPE_CHECKING:  # render imports this module; only the type is named here
    from faktabank.pages.render import Renderer

JAMFORELSER = "jamforelser"
CATALOGUE = "insatskatalog.md"
OPEN_DATA = "oppna-data.md"
# The metrics each comparison page charts over time.
GROUP_CHARTS: dict[str, tuple[str, ...]] = {
    "intakter": ("intakter",),
    "kostnader": ("andel-administration", "kostnader"),
    "resultat-och-eget-kapital": ("eget-kapital", "eget-kapital-andel", "soliditet", "arets-resultat"),
    "styrelse-och-deltagare": ("deltagare", "styrelsemoten"),
}
SUMMARY = ("intakter", "kostnader", "andel-administration", "arets-resultat", "eget-kapital", "eget-kapital-andel",
           "soliditet", "styrelsemoten", "deltagare")
FORBUND_CHARTS = ("intakter", "kostnader", "arets-resultat", "eget-kapital", "eget-kapital-andel", "soliditet",
                  "andel-administration", "deltagare")
MAX_SERIES = len(charts.COLOURS)  # förbund per chart; more make small multiples
EQUITY_TABLE = ("eget-kapital", "eget-kapital-andel", "soliditet", "arets-resultat", "ovrigt-eget-kapital")


def file_url(link: Linker, path: str) -> str:
    """A relative link from the page being rendered to a file on the site (e.g. data/jamforelser.csv)."""
    here = page_url(link.here, link.use_directory_urls)
    here_dir = here if here.endswith("/") or here == "" else posixpath.dirname(here) + "/"
    return posixpath.relpath("/" + path, "/" + here_dir)


def chart_unit(metric: str) -> str:
    kind = METRIC[metric].kind
    return "kr" if kind in ("belopp", "kr") else kind


@dataclass(frozen=True)
class ChartView:
    """A chart and the data table beside it: one row per year, one column per series."""

    chart: charts.Chart
    series_ids: tuple[str, ...]
    rows: tuple[tuple[int, tuple[Value | None, ...]], ...]
    metric: str

    @property
    def svg(self) -> Markup:
        return charts.svg(self.chart)

    @property
    def description(self) -> str:
        return charts.description(self.chart)


def metric_charts(model, cmp: Comparison, metric: str, forbund_ids: tuple[str, ...], chart_id: str,
                  title: str | None = None) -> list[ChartView]:
    """Time-series charts of one metric, one series per förbund that has it, at most MAX_SERIES to a chart
    (small multiples when more förbund have it); empty when nobody has it."""
    series, ids = [], []
    for fid in forbund_ids:
        points = tuple(charts.Point(year, v.sort_key, value_text(v), v.computed) for year, v in cmp.series(fid, metric))
        if points:
            series.append(charts.Series(model.forbund[fid].kortnamn, points))
            ids.append(fid)
    reference = None
    if metric == "eget-kapital-andel":
        reference = (float(compare.EQUITY_CEILING), f"rekommenderad högsta nivå, {compare.EQUITY_CEILING}\u00a0%")
    label = title or METRIC[metric].label
    chunks = [(series[i:i + MAX_SERIES], ids[i:i + MAX_SERIES]) for i in range(0, len(series), MAX_SERIES)]
    views = []
    for n, (part, part_ids) in enumerate(chunks, start=1):
        name = label if len(chunks) == 1 else f"{label} ({n} av {len(chunks)}: {part[0].name}–{part[-1].name})"
        chart = charts.Chart(chart_id if n == 1 else f"{chart_id}-{n}", name, chart_unit(metric), tuple(part), reference)
        rows = tuple((year, tuple(cmp.get(fid, year, metric) for fid in part_ids)) for year in chart.years)
        views.append(ChartView(chart, tuple(part_ids), rows, metric))
    return views


@dataclass(frozen=True)
class ComparisonPlan:
    """Which comparison pages are split by län (pages/split.py) and into which parts. One partition of the förbund
    serves every comparison page, so the part of a group page links to the same län's part of a year page."""

    parts: tuple[split.Part, ...]  # förbund ids by län
    split_index: bool
    split_groups: frozenset[str]
    split_years: frozenset[int]

    @staticmethod
    def base(kind: str, key: str | int | None = None) -> str:
        """The docs path of a whole comparison page: 'index', a group's id or a year."""
        if kind == "index":
            return f"{JAMFORELSER}/index.md"
        return f"{JAMFORELSER}/{key}.md" if kind == "group" else f"{JAMFORELSER}/ar/{key}.md"

    def is_split(self, kind: str, key: str | int | None = None) -> bool:
        return (self.split_index if kind == "index" else key in self.split_groups if kind == "group"
                else key in self.split_years)

    def part_src(self, kind: str, key: str | int | None, part: split.Part) -> str:
        base = f"{JAMFORELSER}/lan.md" if kind == "index" else self.base(kind, key)
        return split.part_src(base, part)

    def listed(self, kind: str, key: str | int | None = None) -> list[tuple[str, split.Part]]:
        return [(self.part_src(kind, key, p), p) for p in self.parts]

    def src(self, kind: str, key: str | int | None = None, part: split.Part | None = None) -> str:
        """The page that holds a comparison (of `part`'s förbund when it is split): the links between them."""
        if part is not None and self.is_split(kind, key):
            return self.part_src(kind, key, part)
        return self.base(kind, key)


def comparison_plan(model, cmp: Comparison) -> ComparisonPlan:
    """A comparison page is split when its tables would list more than split.MAX_ROWS['comparison'] rows."""
    limit = split.MAX_ROWS["comparison"]
    parts = split.grouped(cmp.forbund, lambda fid: split.lan_of(model.forbund[fid].data),
                          lambda fid: max(1, len(cmp.years(fid))), limit)
    groups = frozenset(gid for gid, _t, _i, metrics in compare.GROUPS
                       if sum(len(cmp.years(fid, metrics)) for fid in cmp.forbund) > limit)
    # a year page has a row per förbund in each group's table and one per individinriktad insats. The index has a
    # row per förbund with nine measures and a chart: as heavy as four.
    years = frozenset(y for y in cmp.years()
                      if sum(1 for _g, _t, _i, metrics in compare.GROUPS for fid in cmp.forbund
                             if y in cmp.years(fid, metrics))
                      + sum(1 for iy in cmp.insats_years if iy.year == y) > limit)
    latest = sum(1 for fid in cmp.forbund if fid in cmp.latest)
    return ComparisonPlan(tuple(parts), 4 * latest > limit, groups, years)


def extend(renderer: Renderer) -> None:
    """Make comparisons, charts, the catalogue and the indicator helpers available to every template."""
    model = renderer.ctx.model
    cmp = compare.of(model)
    env = renderer.env
    env.globals["TKR_RULE"] = TKR_RULE
    env.globals["file_url"] = file_url
    plan = renderer.comparison_plan = comparison_plan(model, cmp)
    env.globals.update(
        cmp=cmp, cmp_plan=plan, METRIC=METRIC, GROUPS=compare.GROUPS, GROUP_CHARTS=GROUP_CHARTS, SUMMARY=SUMMARY,
        FORBUND_CHARTS=FORBUND_CHARTS, EQUITY_TABLE=EQUITY_TABLE,
        metric_charts=lambda *a, **k: metric_charts(model, cmp, *a, **k),
        CATALOGUE_SRC=CATALOGUE, OPEN_DATA_SRC=OPEN_DATA, JAMFORELSER_SRC=f"{JAMFORELSER}/index.md",
        THEME_LABEL=catalog.theme_label, TARGET_LABEL=catalog.TARGET_LABEL,
        IND_DEF=indicators.DEFINITIONS, IND_NUMBERS=indicators.NUMBERS,
        ind_measures=lambda n: indicators.measures(model, n), ind_results=lambda n: indicators.results(model, n),
        ind_list_source=indicators.list_source(model),
        THEME_COUNT=len({t for i in model.insatser.values() for t in i.teman}), TABLE_COUNT=len(datatables.BUILDERS),
    )


def pages(renderer: Renderer) -> list[Page]:
    model = renderer.ctx.model
    render = renderer._render
    plan: ComparisonPlan = renderer.comparison_plan
    cmp = compare.of(model)

    def comparison(kind: str, key: str | int | None, template: str, title: str, **values) -> list[Page]:
        """A comparison page of all förbund; when it is split, a summary of its parts and one page per part."""
        values.update(cmp_kind=kind, cmp_key=key)
        if not plan.is_split(kind, key):
            return [render(plan.base(kind, key), template, title, None, forbund_ids=cmp.forbund, parts=(), part=None,
                           **values)]
        listed = plan.listed(kind, key)
        return [render(plan.base(kind, key), template, title, None, forbund_ids=cmp.forbund, parts=listed, part=None,
                       **values),
                *(render(src, template, f"{title}: {p.label}", None, forbund_ids=p.items, parts=listed, part=p,
                         **values) for src, p in listed)]

    out = comparison("index", None, "jamforelser.html.j2", "Jämförelser")
    for gid, title, intro, metrics in compare.GROUPS:
        out += comparison("group", gid, "jamforelser_grupp.html.j2", title, gid=gid, intro=intro, metrics=metrics,
                          chart_metrics=GROUP_CHARTS[gid])
    for year in cmp.years():
        out += comparison("year", year, "jamforelser_ar.html.j2", f"Jämförelser {year}", year=year)
    out += catalogue(renderer)
    out.append(Page(OPEN_DATA, "Öppna data", None, partial(_open_data_source, renderer)))
    return out


def _themes(entries: list[catalog.Entry]) -> list[str]:
    return sorted({t for e in entries for t in e.teman}, key=lambda t: catalog.theme_label(t).casefold())


def catalogue(renderer: Renderer) -> list[Page]:
    """The insatskatalog. Beyond split.MAX_ROWS['catalogue'] insatser it is split by län: the catalogue page keeps
    the filters, which search the open-data file insatskatalog.csv (fetched when a filter is chosen), and links to
    a page per län with its insatser, its own filters and its lists per theme."""
    model = renderer.ctx.model
    entries = catalog.entries(model)
    if len(entries) <= split.MAX_ROWS["catalogue"]:
        return [renderer._render(CATALOGUE, "insatskatalog.html.j2", "Insatskatalog", None, entries=entries,
                                 rows=entries, themes=_themes(entries), remote=False, parts=(), part=None)]
    parts = split.grouped(entries, lambda e: split.lan_of(model.forbund[e.forbund].data), lambda e: 1,
                          split.MAX_ROWS["catalogue"])
    listed = [(split.part_src(CATALOGUE, p), p) for p in parts]
    out = [renderer._render(CATALOGUE, "insatskatalog.html.j2", "Insatskatalog", None, entries=entries, rows=(),
                            themes=_themes(entries), remote=True, parts=listed, part=None)]
    for src, p in listed:
        rows = list(p.items)
        out.append(renderer._render(src, "insatskatalog.html.j2", f"Insatskatalog: {p.label}", None, entries=rows,
                                    rows=rows, themes=_themes(rows), remote=False, parts=listed, part=p))
    return out


def _open_data_source(renderer: Renderer) -> str:
    """The Öppna data page reads `Renderer.open_data` only when its content is made: the hook may still be
    writing the files when the pages are planned."""
    published = renderer.open_data
    return renderer._render(OPEN_DATA, "oppna_data.html.j2", "Öppna data", None, tables=published.tables,
                            rows=published.rows, sizes=published.sizes, schema_fields=schemadoc.schema_fields,
                            schema_title=schemadoc.schema_title, schema_description=schemadoc.schema_description,
                            json_parts=schemadoc.JSON_PARTS, licence=opendata.LICENCE).content
