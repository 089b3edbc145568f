"""Charts: SVG written at build time, one marker per known year, no external reference, Swedish numbers on the
axes, a title, a description and the data table beside each chart."""

from __future__ import annotations

import re
from pathlib import Path

from faktabank.pages import charts
from htmlpage import norm


def _chart(points: dict[str, list[tuple[int, float]]], unit: str = "kr", reference=None) -> charts.Chart:
    return charts.Chart("test", "Testdiagram", unit, tuple(
        charts.Series(name, tuple(charts.Point(y, v, f"{v:g}") for y, v in pts)) for name, pts in points.items()),
        reference)


def test_one_marker_per_known_year_and_gaps_for_missing_years() -> None:
    svg = str(charts.svg(_chart({"A": [(2016, 4_500_000), (2017, 5_800_000), (2020, 4_512_000)],
                                 "B": [(2019, -52_000)]})))
    assert svg.count('class="fb-chart-point"') == 4
    assert svg.count("<polyline") == 1  # 2016–2017 joined; 2020 stands alone after the gap; B has one point
    titles = re.findall(r'class="fb-chart-point"><title>([^<]+)</title>', svg)
    assert titles == ["A 2016: 4.5e+06", "A 2017: 5.8e+06", "A 2020: 4.512e+06", "B 2019: -52000"]


def test_swedish_axis_labels() -> None:
    svg = str(charts.svg(_chart({"A": [(2016, 4_500_000), (2017, -1_200_000)]})))
    labels = [norm(t) for t in re.findall(r'text-anchor="end" fill="#333333">([^<]+)</text>', svg)]
    assert "4 000" in labels and "-2 000" in labels  # tkr, space as thousands separator, minus sign
    assert "\u2212" in svg and "\u00a0" in svg
    assert ">tkr</text>" in svg
    percent = str(charts.svg(_chart({"A": [(2020, 56), (2023, 42)]}, unit="procent", reference=(20.0, "högst 20 %"))))
    assert "60\u00a0%" in percent and "högst 20 %" in percent


def test_accessible_name_and_description() -> None:
    chart = _chart({"Västerbergslagen": [(2020, 2_545_000), (2023, 1_906_000)]})
    svg = str(charts.svg(chart))
    assert svg.startswith('<svg class="fb-chart-svg" role="img" aria-labelledby="test-titel test-beskrivning"')
    assert '<title id="test-titel">Testdiagram</title>' in svg
    assert "Västerbergslagen: från 2.545e+06 år 2020 till 1.906e+06 år 2023" in charts.description(chart)


def _svgs(site: Path) -> list[tuple[Path, str, str]]:
    """(page, svg, the figure around it) for every chart on the site."""
    out = []
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        for m in re.finditer(r'<figure class="fb-chart".*?</figure>', html, re.S):
            figure = m.group(0)
            svg = figure[figure.index("<svg"):figure.index("</svg>") + 6]
            out.append((page, svg, figure))
    return out


def test_every_chart_on_the_site(built_site: Path) -> None:
    found = _svgs(built_site)
    pages = {p.relative_to(built_site).parent.as_posix() for p, _, _ in found}
    assert {"jamforelser", "jamforelser/intakter", "jamforelser/resultat-och-eget-kapital",
            "forbund/vasterbergslagen"} <= pages
    assert len(found) >= 15
    for page, svg, figure in found:
        where = page.relative_to(built_site)
        # no external reference of any kind: no links, no URLs, no images, no scripts
        assert not re.search(r"href|src=|url\(|https?:|<image|<script|<use|xlink", svg), where
        assert 'role="img"' in svg and "<title id=" in svg and "<desc id=" in svg, where
        ids = re.search(r'aria-labelledby="([^"]+)"', svg).group(1).split()
        assert all(f'id="{i}"' in svg for i in ids), where
        assert re.search(r"<desc id=\"[^\"]+\">[^<]{20,}</desc>", svg), where
        assert '<p class="fb-chart-desc">' in figure and "<figcaption>" in figure, where
        # the data table beside it: one row per year, one column per series
        table = figure[figure.index("<table"):figure.index("</table>")]
        series = re.findall(r'<g class="fb-chart-series" aria-label="([^"]+)">(.*?)</g>', svg, re.S)
        headers = [norm(h) for h in re.findall(r'<th scope="col" class="num">([^<]+)</th>', table)]
        assert headers == [norm(name) for name, _ in series], where
        rows = re.findall(r"<tr><th scope=\"row\">(\d{4})</th>(.*?)</tr>", table, re.S)
        for index, (name, body) in enumerate(series):
            known = [year for year, cells in rows
                     if "uppgift saknas" not in re.findall(r"<td class=\"num\".*?</td>", cells, re.S)[index]]
            points = re.findall(r'class="fb-chart-point"><title>[^<]*? (\d{4}): ', body)
            assert points == known, (where, name, points, known)  # one point per known year, in order
