"""Reconciliation: each check reports a disagreement put into the fixture on purpose, the unbroken fixture
reports nothing, the build never fails on a disagreement, and the Datakvalitet page lists the real ones."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import run_build, source_text
from faktabank.derive.reconcile import CHECKS, TEXT_CHECKS, Finding, NameVariant, name_variants, reconcile
from faktabank.load.loader import build
from htmlpage import page
from sourcetables import section, source_rows

REPORT = "data/rapporter/exempel-2020.yaml"


def edit(project: Path, old: str, new: str) -> None:
    path = project / REPORT
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"fixture changed: {old!r} is not in {REPORT} exactly once"
    path.write_text(text.replace(old, new), encoding="utf-8")


def findings(project: Path) -> tuple[Finding, ...]:
    return reconcile(build(project))


def only(project: Path, check: str) -> Finding:
    found = findings(project)
    assert [f.check for f in found] == [check], found
    return found[0]


def values(side) -> list[tuple[int | float, str, str, str]]:
    return [(f.value, f.unit, f.table_title, f.row) for f in side.figures]


def test_unbroken_fixture_reports_nothing(minimal_project: Path) -> None:
    model = build(minimal_project)
    report = model.reports["exempel-2020"]
    keys = {row.nyckel for t in report.tables for row in t.rows}
    # the fixture carries every row the checks read, so "nothing found" means they all agreed
    assert {"intakter", "kostnader", "verksamhetens-resultat", "finansiella-kostnader", "arets-resultat",
            "summa-tillgangar", "summa-eget-kapital-avsattningar-skulder", "ovrigt-eget-kapital", "kassa-bank",
            "kortfristiga-placeringar", "likvida-medel-slut", "likvida-medel-borjan", "medlemsbidrag", "summa"} <= keys
    assert reconcile(model) == ()


def test_statement_row_against_its_note(minimal_project: Path) -> None:
    edit(minimal_project, "nyckel: kortfristiga-skulder, varden: [197087, 237773]",
         "nyckel: kortfristiga-skulder, varden: [197086, 237773]")
    f = only(minimal_project, "not")
    assert (f.report, f.year, f.difference) == ("exempel-2020", 2020, 1)
    assert values(f.left) == [(197086, "kr", "Balansräkning", "Kortfristiga skulder")]
    assert values(f.right) == [(197087, "kr", "Not 4 Kortfristiga skulder", "Summa")]
    assert [x.anchor for x in f.figures] == ["tabell-balansrakning", "tabell-not-4"]
    assert [x.column for x in f.figures] == ["2020-12-31", "2020-12-31"]


def test_note_printed_without_sign_is_compared_by_magnitude(minimal_project: Path) -> None:
    # Not 2 prints the costs without a minus sign; the resultaträkning with one. A 1 kr break is 1 kr, not 9 million.
    edit(minimal_project, "varden: [4567005]}", "varden: [4567006]}")
    found = {f.check: f for f in findings(minimal_project)}
    assert set(found) == {"not", "summa"}
    assert found["not"].left.kronor == -4567005
    assert found["not"].right.kronor == 4567006
    assert found["not"].difference == 1
    assert found["not"].by_magnitude


def test_rows_sharing_a_note_agree_together(minimal_project: Path) -> None:
    edit(minimal_project, "      - {text: Korta fordringar, not: 3, nyckel: kortfristiga-fordringar, varden: [291940, 785597]}",
         "      - {text: Kundfordringar, not: 3, varden: [0, 4130]}\n"
         "      - {text: Korta fordringar, not: 3, nyckel: kortfristiga-fordringar, varden: [291940, 781467]}")
    assert findings(minimal_project) == ()
    edit(minimal_project, "varden: [0, 4130]}", "varden: [0, 4131]}")
    f = only(minimal_project, "not")
    assert f.year == 2019
    assert [x.row for x in f.left.figures] == ["Kundfordringar", "Korta fordringar"]
    assert (f.left.kronor, f.right.kronor, f.difference) == (785598, 785597, 1)


def test_balance_sheet_balances(minimal_project: Path) -> None:
    edit(minimal_project, "nyckel: summa-tillgangar, varden: [2742215,", "nyckel: summa-tillgangar, varden: [2742216,")
    f = only(minimal_project, "balans")
    assert (f.year, f.difference) == (2020, 1)
    assert [x.row for x in f.figures] == ["Summa tillgångar", "Summa eget kapital, avsättningar och skulder"]


def test_result_is_income_minus_costs_and_financial_items(minimal_project: Path) -> None:
    edit(minimal_project, "varden: [-3535, -2904]", "varden: [-3536, -2904]")
    f = only(minimal_project, "resultat")
    assert (f.year, f.difference) == (2020, 1)
    assert values(f.left) == [(-58818, "kr", "Resultaträkning", "Årets resultat")]
    assert [x.row for x in f.right.figures] == ["Verksamhetens resultat", "Finansiella kostnader"]
    assert f.right.kronor == -55283 - 3536


def test_operating_result_is_income_minus_costs(minimal_project: Path) -> None:
    edit(minimal_project, "varden: [-55283, -48799]", "varden: [-55283, -48798]")
    found = findings(minimal_project)
    # the printed line disagrees with the lines above it and with the line below it: both are reported
    assert [(f.check, f.year) for f in found] == [("resultat", 2019), ("resultat", 2019)]
    assert found[0].right.kronor == 4543247 - 4592046
    assert {f.difference for f in found} == {1}


def test_cash_at_year_end_equals_cash_in_the_balance_sheet(minimal_project: Path) -> None:
    edit(minimal_project, "varden: [2450275, 2056122]", "varden: [2450000, 2056122]")
    f = only(minimal_project, "likvida-medel")
    assert f.year == 2020
    assert values(f.left) == [(2450000, "kr", "Kassaflödesanalys", "Likvida medel vid årets slut")]
    assert [x.row for x in f.right.figures] == ["Kassa och bank", "Kortfristiga placeringar"]
    assert f.difference == 275


def test_cash_may_be_bank_alone_or_with_short_term_deposits(minimal_project: Path) -> None:
    # 2019 ends with kassa och bank + placeringar (the fixture); now 2020 ends with kassa och bank alone
    edit(minimal_project, "varden: [2450275, 2056122]", "varden: [2024861, 2056122]")
    assert findings(minimal_project) == ()


def test_cash_at_year_start_equals_last_years_balance_sheet(minimal_project: Path) -> None:
    edit(minimal_project, "varden: [2056122, 2287951]", "varden: [2056123, 2287951]")
    f = only(minimal_project, "likvida-medel")
    assert f.year == 2020
    assert [x.column for x in f.right.figures] == ["2019-12-31", "2019-12-31"]
    assert f.difference == 1


def test_member_contributions_add_up_to_the_income_line(minimal_project: Path) -> None:
    edit(minimal_project, "varden: [2250000]", "varden: [2250001]")
    f = only(minimal_project, "medlemsbidrag")
    assert [x.row for x in f.left.figures] == ["Driftbidrag från staten", "Driftbidrag från Exempelby kommun",
                                               "Övriga intäkter"]
    assert (f.left.kronor, f.right.kronor, f.difference) == (4511723, 4511722, 1)


@pytest.mark.parametrize(("printed", "reported"), [(-4568, False), (-4567, False), (-4566, True), (-4577, True)])
def test_overview_against_the_statement_within_one_unit(minimal_project: Path, printed: int, reported: bool) -> None:
    edit(minimal_project, "varden: [-4567, -4592]", f"varden: [{printed}, -4592]")
    found = findings(minimal_project)
    if not reported:
        assert found == ()
        return
    assert [f.check for f in found] == ["oversikt"]
    f = found[0]
    assert values(f.left) == [(printed, "tkr", "Översikt", "Verksamhetens kostnader")]
    assert values(f.right) == [(-4567005, "kr", "Resultaträkning", "Verksamhetens kostnader")]
    assert (f.year, f.tolerance, f.difference) == (2020, 1000, abs(printed * 1000 + 4567005))


def test_other_equity_is_last_years_equity(minimal_project: Path) -> None:
    edit(minimal_project, "varden: [2603946, 2655649]", "varden: [2603947, 2655649]")
    f = only(minimal_project, "eget-kapital")
    assert (f.year, f.difference) == (2020, 1)
    assert values(f.right) == [(2655649, "kr", "Balansräkning", "Övrigt eget kapital"),
                               (-51703, "kr", "Resultaträkning", "Årets resultat")]


def test_balance_sheet_result_equals_the_income_statement(minimal_project: Path) -> None:
    edit(minimal_project, "      - {text: Årets resultat, nyckel: arets-resultat, varden: [-58818, -51703]}\n"
                          "      - {text: Övrigt eget kapital",
         "      - {text: Årets resultat, nyckel: arets-resultat, varden: [-58817, -51703]}\n"
         "      - {text: Övrigt eget kapital")
    f = only(minimal_project, "eget-kapital")
    assert [(x.table_title, x.value) for x in f.figures] == [("Balansräkning", -58817), ("Resultaträkning", -58818)]


@pytest.mark.parametrize(("equity_2020", "reported"), [(2545128, False), (2545129, True)])
def test_change_in_total_equity_equals_the_result(minimal_project: Path, equity_2020: int, reported: bool) -> None:
    edit(minimal_project, "      - {text: Kortfristiga skulder, not: 4",
         f"      - {{text: Summa eget kapital, slag: summa, nyckel: summa-eget-kapital, varden: [{equity_2020}, 2603946]}}\n"
         "      - {text: Kortfristiga skulder, not: 4")
    found = findings(minimal_project)
    if not reported:
        assert found == ()
        return
    f = only(minimal_project, "eget-kapital")
    assert [x.value for x in f.left.figures] == [equity_2020, 2603946]
    assert (f.left.kronor, f.right.kronor, f.difference) == (-58817, -58818, 1)


def test_note_sum_against_the_rows_above(minimal_project: Path) -> None:
    edit(minimal_project, "varden: [44940, 48787]", "varden: [44941, 48787]")
    f = only(minimal_project, "summa")
    assert f.year == 2020
    assert [x.row for x in f.left.figures] == ["Fordran moms", "Övriga interimfordringar"]
    assert (f.left.kronor, f.right.kronor, f.difference) == (291941, 291940, 1)


def test_note_total_after_subtotals_sums_the_subtotals(minimal_project: Path) -> None:
    edit(minimal_project, "      - {text: Leverantörsskulder, varden: [151880, 137773]}\n",
         "      - {text: Delsumma, slag: summa, varden: [45207, 100000]}\n"
         "      - {text: Leverantörsskulder, varden: [151880, 137773]}\n"
         "      - {text: Delsumma, slag: summa, varden: [151880, 137773]}\n")
    assert findings(minimal_project) == ()
    edit(minimal_project, "      - {text: Delsumma, slag: summa, varden: [151880, 137773]}",
         "      - {text: Delsumma, slag: summa, varden: [151881, 137773]}")
    found = findings(minimal_project)
    assert [(f.check, f.right.figures[0].row) for f in found] == [("summa", "Delsumma"), ("summa", "Summa")]
    assert found[1].left.label == "Summa av delsummorna ovanför"
    assert (found[1].left.kronor, found[1].right.kronor) == (45207 + 151881, 197087)


def test_every_check_has_a_title_and_a_description() -> None:
    assert all(c.title and c.description for c in CHECKS)  # test_reconcile_checks.py: every check has a test


def test_name_variants_come_from_alias(minimal_project: Path) -> None:
    assert name_variants(build(minimal_project)) == (NameVariant("person", "bo-prov", "Bo Prov", ("Bo Proov",)),)


def test_a_disagreement_never_fails_the_build(minimal_project: Path) -> None:
    edit(minimal_project, "nyckel: kortfristiga-skulder, varden: [197087, 237773]",
         "nyckel: kortfristiga-skulder, varden: [197086, 237773]")
    site = minimal_project / "site"
    result = run_build(minimal_project, site)
    assert result.returncode == 0, result.stderr[-3000:]
    view = page(site, "datakvalitet/")
    table = view.table("avvikelser-exempel-2020")
    row = next(r for r in table.rows if r[0].startswith("Rad mot not:"))
    assert row[0] == "Rad mot not: Kortfristiga skulder i balansräkningen mot summan i not 4"
    assert row[1] == "2020"
    assert row[2].startswith("197 086 kr") and row[3].startswith("197 087 kr") and row[4] == "1 kr"
    assert "../rapporter/exempel-2020/#tabell-not-4" in view.links
    report = page(site, "rapporter/exempel-2020/")
    assert "../../datakvalitet/#exempel-2020" in report.links
    assert "Bo Proov" in view.text


def test_report_without_findings_has_no_datakvalitet_section(minimal_project: Path) -> None:
    site = minimal_project / "site"
    assert run_build(minimal_project, site).returncode == 0
    assert "datakvalitet" not in page(site, "rapporter/exempel-2020/").ids
    assert "Kontrollerna hittade inga avvikelser." in page(site, "datakvalitet/").text


# ---------------------------------------------------------------- the real data

VB2020 = "vasterbergslagen-arsredovisning-2020.txt"
VB2023 = "vasterbergslagen-arsredovisning-2023.txt"


def _numbers(source: str, start: str, end: str, label: str) -> tuple[int, ...]:
    return next(nums for text, nums in source_rows(section(source_text(source), start, end)) if text == label)


def _row_with(table, *texts: str) -> list[str]:
    hits = [row for row in table.rows if all(any(t in cell for cell in row) for t in texts)]
    assert hits, f"no row with {texts} in {table.id}:\n" + "\n".join(map(str, table.rows))
    return hits[0]


def _kr(value: int) -> str:
    return f"{value:,}".replace(",", " ") + " kr"


@pytest.mark.parametrize(("report", "statement", "note", "label"), [
    # (report, (source, from, to, row label) of the statement, (source, from, to, row label) of the note's sum)
    ("vasterbergslagen-2023", (VB2023, "2. Resultaträkning", "3. Balansräkning", "Verksamhetens intäkter"),
     (VB2023, "Not 2. Verksamhetens intäkter", "Not 3.", "Summa"), "Verksamhetens intäkter"),
    ("vasterbergslagen-2020", (VB2020, "4. Balansräkning", "5. Kassaflödesanalys", "Kortfristiga skulder"),
     (VB2020, "Not 4. Upplupna", "Not 5.", "Summa"), "Kortfristiga skulder"),
])
def test_datakvalitet_lists_known_disagreements_of_the_sources(built_site: Path, report: str, statement: tuple,
                                                                note: tuple, label: str) -> None:
    printed = _numbers(*statement)[1]  # the first number is the note reference
    note_sum = _numbers(*note)[0]
    assert printed != note_sum
    view = page(built_site, "datakvalitet/")
    row = _row_with(view.table(f"avvikelser-{report}"), f"Rad mot not: {label} i ", _kr(printed), _kr(note_sum))
    assert row[-1] == _kr(abs(printed - note_sum))
    assert any(link.endswith(f"rapporter/{report}/#tabell-resultatrakning") or
               link.endswith(f"rapporter/{report}/#tabell-balansrakning") for link in view.links)
    report_page = page(built_site, f"rapporter/{report}/")
    assert f"../../datakvalitet/#{report}" in report_page.links


def test_datakvalitet_counts_every_check_and_is_in_the_nav(built_site: Path) -> None:
    view = page(built_site, "datakvalitet/")
    counts = view.table("kontroller-antal")
    titles = [row[0] for row in counts.rows[1:-1]]
    assert titles == [c.title for c in (*CHECKS, *TEXT_CHECKS)]
    total = sum(int(row[-1]) for row in counts.rows[1:-1])
    assert counts.rows[-1][-1] == str(total)
    listed = sum(len(t.rows) - 1 for t in view.tables if t.id and t.id.startswith(("avvikelser-", "underskrifter-")))
    assert listed == total > 0
    raw = (built_site / "index.html").read_text(encoding="utf-8")
    nav = list(dict.fromkeys(re.findall(r'<a href="([^"#]*)"\s+class="md-nav__link', raw)))
    assert nav.index("datakvalitet/") + 1 == nav.index("om/"), nav
    assert "Pär Mattsson" in view.text and "Per Mattsson" in view.text
