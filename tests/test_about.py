"""'Om faktabanken' (sources, method, licence, contact) and the accessibility statement (tillgänglighetsredogörelse)."""

from __future__ import annotations

from pathlib import Path

import yaml

from conftest import ROOT, run_build
from faktabank.load.loader import build
from htmlpage import page


def contact() -> str:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    return config["extra"]["kontakt"]["epost"]


def test_om_lists_every_source_report_with_forbund_period_and_decision(built_site: Path) -> None:
    model = build(ROOT)
    view = page(built_site, "om/")
    table = view.table("kallor-tabell")
    assert len(table.rows) == 1 + len(model.reports)
    for r in model.reports.values():
        rows = [row for row in table.rows[1:] if row[1] == r.title and row[0] == model.forbund[r.forbund].namn]
        assert rows, f"{r.id} missing from the sources on Om faktabanken"
        assert rows[0][2] == f"{r.fran} – {r.till}"
        decided = str(r.data["beslut"]["datum"]) if "beslut" in r.data else "anges inte"
        assert rows[0][3].startswith(decided), rows[0]
    assert f"../rapporter/{next(iter(model.reports))}/" in view.links


def test_om_has_method_licence_and_contact(built_site: Path) -> None:
    view = page(built_site, "om/")
    for heading in ("Källor", "Metod", "Licens", "Kontakt"):
        assert heading in view.text
    assert "CC BY 4.0" in view.text
    assert f"mailto:{contact()}" in view.links
    assert "../tillganglighet/" in view.links


def test_accessibility_statement_has_what_the_regulations_require(built_site: Path) -> None:
    view = page(built_site, "tillganglighet/")
    text = view.text
    assert "lagen (2018:1937) om tillgänglighet till digital offentlig service" in text
    assert "Hur tillgänglig är webbplatsen?" in text and "WCAG 2.1" in text and "AA" in text   # compliance status
    assert "delvis förenlig" in text
    assert "Innehåll som inte är tillgängligt" in text                                       # known shortcomings
    assert "Om något inte fungerar" in text and f"mailto:{contact()}" in view.links          # how to report
    assert "Myndigheten för digital förvaltning (Digg)" in text and "https://www.digg.se/" in view.links  # supervision
    assert "Redogörelsen uppdaterades senast" in text


def test_both_pages_are_in_the_navigation(built_site: Path) -> None:
    raw = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'href="om/"' in raw and 'href="tillganglighet/"' in raw


def test_an_unknown_marker_stops_the_build(minimal_project: Path, tmp_path: Path) -> None:
    about = minimal_project / "docs" / "om.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n<!-- faktabank:okand -->\n", encoding="utf-8")
    result = run_build(minimal_project, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/om.md: okänd markering <!-- faktabank:okand -->" in result.stderr
