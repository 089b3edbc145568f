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
from faktabank.pages import charts, schemadoc
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


def extend(renderer: Renderer) -> None:
    """Make comparisons, charts, the catalogue and the indicator helpers available to every template."""
    model = renderer.ctx.model
    cmp = compare.of(model)
    env = renderer.env
    env.globals["TKR_RULE"] = TKR_RULE
    env.globals["file_url"] = file_url
    env.globals.update(
        cmp=cmp, METRIC=METRIC, GROUPS=compare.GROUPS, GROUP_CHARTS=GROUP_CHARTS, SUMMARY=SUMMARY,
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
    out = [render(f"{JAMFORELSER}/index.md", "jamforelser.html.j2", "Jämförelser", None)]
    for gid, title, intro, metrics in compare.GROUPS:
        out.append(render(f"{JAMFORELSER}/{gid}.md", "jamforelser_grupp.html.j2", title, None,
                          gid=gid, intro=intro, metrics=metrics, chart_metrics=GROUP_CHARTS[gid]))
    for year in compare.of(model).years():
        out.append(render(f"{JAMFORELSER}/ar/{year}.md", "jamforelser_ar.html.j2", f"Jämförelser {year}", None, year=year))
    entries = catalog.entries(model)
    themes = sorted({t for e in entries for t in e.teman}, key=lambda t: catalog.theme_label(t).casefold())
    out.append(render(CATALOGUE, "insatskatalog.html.j2", "Insatskatalog", None, entries=entries, themes=themes))
    out.append(Page(OPEN_DATA, "Öppna data", None, partial(_open_data_source, renderer)))
    return out


def _open_data_source(renderer: Renderer) -> str:
    """The Öppna data page reads `Renderer.open_data` only when its content is made: the hook may still be
    writing the files when the pages are planned."""
    published = renderer.open_data
    return renderer._render(OPEN_DATA, "oppna_data.html.j2", "Öppna data", None, tables=published.tables,
                            rows=published.rows, sizes=published.sizes, schema_fields=schemadoc.schema_fields,
                            schema_title=schemadoc.schema_title, schema_description=schemadoc.schema_description,
                            json_parts=schemadoc.JSON_PARTS, licence=opendata.LICENCE).content
