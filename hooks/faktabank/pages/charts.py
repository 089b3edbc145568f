"""Time-series charts as inline SVG, written at build time: no JavaScript, no external references.

A chart is an `<svg role="img">` with `<title>` and `<desc>`; every known year is one marker (with its
own `<title>`), years without a figure are gaps in the line, never zeros. Axes use Swedish number
formatting. The page shows a text description and the data table beside the chart (templates do that).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from markupsafe import Markup, escape

from faktabank.text import formatting

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 78, 16, 16, 34
LEGEND_ROW = 20
# Colours with at least 4.5:1 contrast on white; each series also has its own marker shape and dash pattern.
COLOURS = ("#1f4e9a", "#a63c06", "#1b6e35", "#6d2a83", "#4d4d4d", "#8a5a00")
DASHES = ("", "6 3", "2 3", "8 3 2 3", "4 4", "1 2")
SHAPES = ("circle", "square", "triangle", "diamond", "circle", "square")


@dataclass(frozen=True)
class Point:
    year: int
    value: float  # in the chart's unit (kronor for amounts)
    label: str  # the value as shown, e.g. "2 545 tkr"
    computed: bool = False


@dataclass(frozen=True)
class Series:
    name: str
    points: tuple[Point, ...]


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    unit: str  # "kr" (amounts, shown in tkr on the axis), "procent", "antal"
    series: tuple[Series, ...]
    reference: tuple[float, str] | None = None  # a horizontal line: value and label

    @property
    def years(self) -> list[int]:
        return sorted({p.year for s in self.series for p in s.points})

    @property
    def has_data(self) -> bool:
        return any(s.points for s in self.series)


def axis_number(value: float, unit: str) -> str:
    """A tick label: amounts in tkr, percentages with %, counts as they are; Swedish formatting."""
    if unit == "kr":
        return f"{formatting.number(round(value / 1000))}"
    number = round(value, 1)
    text = formatting.number(int(number) if float(number).is_integer() else number)
    return f"{text}\u00a0%" if unit == "procent" else text


def axis_title(unit: str) -> str:
    return {"kr": "tkr", "procent": "procent", "antal": "antal"}.get(unit, unit)


def nice_step(span: float, target: int = 5) -> float:
    if span <= 0:
        return 1.0
    raw = span / target
    power = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * power:
            return m * power
    return 10 * power


def ticks(lo: float, hi: float) -> list[float]:
    step = nice_step(hi - lo)
    start = math.floor(lo / step) * step
    end = math.ceil(hi / step) * step
    count = round((end - start) / step)
    return [round(start + i * step, 10) for i in range(count + 1)]


def _marker(shape: str, x: float, y: float, colour: str, hollow: bool) -> str:
    fill = "#ffffff" if hollow else colour
    common = f'fill="{fill}" stroke="{colour}" stroke-width="2"'
    if shape == "square":
        return f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" {common}'
    if shape == "triangle":
        return f'<polygon points="{x:.1f},{y - 5:.1f} {x + 5:.1f},{y + 4:.1f} {x - 5:.1f},{y + 4:.1f}" {common}'
    if shape == "diamond":
        return f'<polygon points="{x:.1f},{y - 5:.1f} {x + 5:.1f},{y:.1f} {x:.1f},{y + 5:.1f} {x - 5:.1f},{y:.1f}" {common}'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" {common}'


def description(chart: Chart) -> str:
    """A plain-language summary of what the chart shows (also used as the SVG <desc>)."""
    parts = []
    for s in chart.series:
        if not s.points:
            parts.append(f"{s.name}: uppgift saknas för alla år.")
            continue
        first, last = s.points[0], s.points[-1]
        if len(s.points) == 1:
            parts.append(f"{s.name}: {first.label} år {first.year} (enda året med uppgift).")
            continue
        high = max(s.points, key=lambda p: p.value)
        low = min(s.points, key=lambda p: p.value)
        years = ", ".join(str(p.year) for p in s.points)
        parts.append(f"{s.name}: från {first.label} år {first.year} till {last.label} år {last.year}; "
                     f"högst {high.label} ({high.year}), lägst {low.label} ({low.year}). Uppgift finns för {years}.")
    if chart.reference:
        parts.append(f"Den streckade linjen visar {chart.reference[1]}.")
    if any(p.computed for s in chart.series for p in s.points):
        parts.append("Ofyllda markeringar är beräknade värden.")
    return " ".join(parts)


def svg(chart: Chart) -> Markup:
    """The chart as inline SVG markup."""
    years = chart.years
    values = [p.value for s in chart.series for p in s.points]
    if chart.reference:
        values.append(chart.reference[0])
    lo, hi = min([0.0, *values]), max([0.0, *values])
    if lo == hi:
        hi = lo + 1
    tick_values = ticks(lo, hi)
    lo, hi = tick_values[0], tick_values[-1]
    legend_rows = math.ceil(len(chart.series) / 3)
    height = HEIGHT + legend_rows * LEGEND_ROW
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    x0, x1 = (years[0], years[-1]) if years else (0, 1)

    def x(year: int) -> float:
        return LEFT + plot_w / 2 if x0 == x1 else LEFT + (year - x0) / (x1 - x0) * plot_w

    def y(value: float) -> float:
        return TOP + plot_h - (value - lo) / (hi - lo) * plot_h

    title_id, desc_id = f"{chart.id}-titel", f"{chart.id}-beskrivning"
    out = [f'<svg class="fb-chart-svg" role="img" aria-labelledby="{title_id} {desc_id}" '
           f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" preserveAspectRatio="xMinYMin meet" '
           f'font-size="12" font-family="inherit">',
           f'<title id="{title_id}">{escape(chart.title)}</title>',
           f'<desc id="{desc_id}">{escape(description(chart))}</desc>',
           '<g class="fb-chart-axes" aria-hidden="true">']
    for t in tick_values:
        out.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(t):.1f}" y2="{y(t):.1f}" '
                   f'stroke="{"#666666" if t == 0 else "#d0d0d0"}" stroke-width="1"/>')
        out.append(f'<text x="{LEFT - 6}" y="{y(t) + 4:.1f}" text-anchor="end" fill="#333333">'
                   f'{escape(axis_number(t, chart.unit))}</text>')
    out.append(f'<text x="12" y="{TOP + plot_h / 2:.1f}" text-anchor="middle" fill="#333333" '
               f'transform="rotate(-90 12 {TOP + plot_h / 2:.1f})">{escape(axis_title(chart.unit))}</text>')
    step = 1 if len(years) <= 12 else 2
    for year in range(x0, x1 + 1, step) if years else ():
        out.append(f'<text x="{x(year):.1f}" y="{TOP + plot_h + 20}" text-anchor="middle" fill="#333333">{year}</text>')
        out.append(f'<line x1="{x(year):.1f}" x2="{x(year):.1f}" y1="{TOP + plot_h}" y2="{TOP + plot_h + 5}" '
                   'stroke="#666666" stroke-width="1"/>')
    if chart.reference:
        ref_y = y(chart.reference[0])
        out.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{ref_y:.1f}" y2="{ref_y:.1f}" stroke="#b00020" '
                   'stroke-width="1.5" stroke-dasharray="5 4"/>')
        out.append(f'<text x="{WIDTH - RIGHT - 4}" y="{ref_y - 5:.1f}" text-anchor="end" fill="#b00020">'
                   f'{escape(chart.reference[1])}</text>')
    out.append("</g>")
    for index, s in enumerate(chart.series):
        colour, dash, shape = COLOURS[index % len(COLOURS)], DASHES[index % len(DASHES)], SHAPES[index % len(SHAPES)]
        out.append(f'<g class="fb-chart-series" aria-label="{escape(s.name)}">')
        segment: list[Point] = []
        segments = []
        for p in s.points:
            if segment and p.year != segment[-1].year + 1:
                segments.append(segment)
                segment = []
            segment.append(p)
        if segment:
            segments.append(segment)
        for seg in segments:
            if len(seg) > 1:
                points = " ".join(f"{x(p.year):.1f},{y(p.value):.1f}" for p in seg)
                dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
                out.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"{dash_attr}/>')
        for p in s.points:
            note = " (beräknat)" if p.computed else ""
            out.append(_marker(shape, x(p.year), y(p.value), colour, p.computed)
                       + f' class="fb-chart-point"><title>{escape(s.name)} {p.year}: {escape(p.label)}{note}</title>'
                       + ("</circle>" if shape == "circle" else "</rect>" if shape == "square" else "</polygon>"))
        out.append("</g>")
    out.append('<g class="fb-chart-legend" aria-hidden="true">')
    for index, s in enumerate(chart.series):
        colour, dash, shape = COLOURS[index % len(COLOURS)], DASHES[index % len(DASHES)], SHAPES[index % len(SHAPES)]
        lx = LEFT + (index % 3) * 185
        ly = HEIGHT + (index // 3) * LEGEND_ROW - 4
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(f'<line x1="{lx}" x2="{lx + 26}" y1="{ly}" y2="{ly}" stroke="{colour}" stroke-width="2"{dash_attr}/>')
        out.append(_marker(shape, lx + 13, ly, colour, False) + "/>")
        out.append(f'<text x="{lx + 32}" y="{ly + 4}" fill="#333333">{escape(s.name)}</text>')
    out.append("</g></svg>")
    return Markup("\n".join(out))
