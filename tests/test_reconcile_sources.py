"""The Datakvalitet checks on the real data: the known differences of the five reports are found, each with its
figures, read back from the source text where a test can find the line; every sum row of every table is checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, source_text
from faktabank.derive.findings import Finding
from faktabank.derive.reconcile import reconcile
from faktabank.load.loader import build
from faktabank.model import Model
from htmlpage import page
from sourcetables import section, source_rows


@pytest.fixture(scope="module")
def model() -> Model:
    return build(ROOT)


@pytest.fixture(scope="module")
def findings(model: Model) -> tuple[Finding, ...]:
    return reconcile(model)


def _one(findings: tuple[Finding, ...], report: str, check: str, year: int, left: float, right: float) -> Finding:
    hits = [f for f in findings if (f.report, f.check, f.year, f.left.kronor, f.right.kronor) ==
            (report, check, year, left, right)]
    assert len(hits) == 1, [(f.check, f.year, f.left.kronor, f.right.kronor) for f in findings if f.report == report]
    return hits[0]


def test_vasterbergslagen_2020_cash_flow_from_operations(findings: tuple[Finding, ...]) -> None:
    text = section(source_text("vasterbergslagen-arsredovisning-2020.txt"), "5. Kassaflödesanalys", "6. ")
    rows = dict(source_rows(text))
    parts = [rows[label][0] for label in ("Årets resultat", "Ökning/minskning kortfristiga fordringar",
                                          "Ökning/minskning kortfristiga skulder")]
    printed = rows["Kassaflöde från den löpande verksamheten"][0]
    assert (sum(parts), printed) == (394152, 394153)  # the source itself, added up
    f = _one(findings, "vasterbergslagen-2020", "summa", 2020, sum(parts), printed)
    assert [x.value for x in f.left.figures] == parts
    assert f.difference == 1


def test_vastra_malardalen_2019_forecast_result(findings: tuple[Finding, ...]) -> None:
    f = _one(findings, "vastra-malardalen-2019-delar", "summa", 2019, -266167, -256167)
    assert [x.value for x in f.left.figures] == [3000000, 1477000, 1627000, 162167]
    assert [x.table for x in f.left.figures][:2] == ["ekonomisk-redogorelse", "ekonomisk-redogorelse"]
    assert f.difference == 10000


@pytest.mark.parametrize(("report", "check", "year", "left", "right"), [
    # sums a reader finds by adding up the tables
    ("vasterbergslagen-2023", "summa", 2022, -771063, -771062),  # kassaflöde från den löpande verksamheten
    ("vasterbergslagen-2023", "summa", 2023, 1309, 1314),  # page views: Västerdalarna's column total
    ("vasterbergslagen-2023", "kolumnsumma", 2023, 2154, 2159),  # page views: October's row total
    ("vasterbergslagen-2023", "kolumnsumma", 2023, 46, 23),  # Rehabteamet: exits by kind against exits
    ("vasterbergslagen-2023", "medlemsbidrag", 2022, 4508336, 4509336),
    ("vasterbergslagen-2020", "summa", 2020, -55000, -59000),  # driftsredovisning: net cost + fee against result
    ("vasteras-2021", "summa", 2021, 11495714, 11495715),  # balance sheet: equity and liabilities
    ("vasteras-2021", "summa", 2021, 13781932, 13781931),  # note 3: subtotals against total
    ("norra-vastmanland-2014", "medlemsbidrag", 2013, 7001000, 7000000),
    ("norra-vastmanland-2014", "summa", 2013, 1864790, 1864792),  # driftsredovisning
    # plausibility
    ("vasterbergslagen-2020", "deltagare", 2020, 16, 17),  # UMA: 11 women + 5 men, 17 participants
    ("vasterbergslagen-2023", "avslut", 2023, 46, 23),
    ("vasteras-2021", "andelar", 2021, 103, 100),
    # text against tables, and two tables
    ("vasterbergslagen-2023", "samma-uppgift", 2023, 1906000, 1905000),  # equity: 1.5 against Mål 3
    ("vasterbergslagen-2023", "samma-uppgift", 2023, 17, 15),  # exits with the goal met
    ("vasterbergslagen-2023", "samma-uppgift", 2023, -4360316, 4348000),  # costs: RR against driftredovisning
    ("vasterbergslagen-2023", "samma-uppgift", 2023, 4507988, 4496000),  # income: RR against sammanställning
])
def test_known_differences_are_found(findings: tuple[Finding, ...], report: str, check: str, year: int, left: float,
                                     right: float) -> None:
    f = _one(findings, report, check, year, left, right)
    assert f.figures and all(x.report == report for x in f.figures)
    assert f.difference == abs(abs(left) - abs(right)) or f.difference == abs(left - right)


def test_no_board_member_sits_twice_at_once(findings: tuple[Finding, ...]) -> None:
    assert [f for f in findings if f.check == "styrelse"] == []


def test_every_sum_row_is_checked(model: Model) -> None:
    """A sum row is marked (summerar), sits in a note (the rows above), is read by a statement check, or stands in
    `samma_uppgift`; none is left out."""
    statement_keys = {"verksamhetens-resultat", "resultat-efter-finansiella-poster", "arets-resultat",
                      "summa-tillgangar", "summa-eget-kapital-avsattningar-skulder", "summa"}
    unchecked = []
    for report in model.reports.values():
        named = {ref.split("/")[1] for same in report.data.get("samma_uppgift", ()) for ref in same["platser"]}
        for table in report.tables:
            for row in table.rows:
                if row.slag != "summa" or row.summerar or table.typ == "not" or not row.cells:
                    continue
                if row.nyckel in statement_keys or row.nyckel in named or row.id in named:
                    continue
                unchecked.append((report.id, table.id, row.text))
    assert unchecked == []


def test_datakvalitet_page_lists_the_cash_flow_difference(built_site: Path) -> None:
    view = page(built_site, "datakvalitet/")
    rows = [r for r in view.table("avvikelser-vasterbergslagen-2020").rows if "Kassaflöde från den löpande" in r[0]]
    assert len(rows) == 1
    assert "394 152 kr" in rows[0][2] and rows[0][3].startswith("394 153 kr") and rows[0][4] == "1 kr"
    variants = view.table("namnvarianter-tabell")
    assert any("www.finsamdalarne.se/vasterbergslagen" in r[0] and "www.finsamdalarna.se/vasterbergslagen" in r[2]
               for r in variants.rows)


# Each contradiction a careful reader of the source reports finds (and the editors' notes record), as the
# Datakvalitet page must list it: the report's table of findings, words of what is compared, and both figures
# with the section or table they come from.
LISTED = [
    ("vasterbergslagen-2023", "Deltagare under året", ["54", "34", "20", "57", "Mål 2"]),  # 34 + 20 against 57
    ("norra-vastmanland-2014", "(tabellens totalrad): andelen i texten mot 36 av 77",
     ["46 %", "46,75 %", "Insatsredovisning, individriktade insatser"]),
    ("norra-vastmanland-2014", "(citatet på omslaget): andelen i texten mot 36 av 77", ["46 %", "46,75 %", "Omslag"]),
    ("vasterbergslagen-2023", "Antal avslut totalt på raden Rehabteamet", ["46", "23", "Antal till annat"]),
    ("vasterbergslagen-2023", "mot Avslutade till måluppfyllt resultat i Rehabteamet (Mål 2)",
     ["17", "15", "Sammanfattning", "Mål 2, Rehabkonsulentteamet"]),
    ("vasterbergslagen-2023", "mot uppgifterna i texten som den summerar", ["15", "13", "17", "Sammanfattning"]),
    ("vasterbergslagen-2023", "Eget kapital vid årets slut", ["1 906 tkr", "1 905 tkr", "Mål 3"]),
    ("vasterbergslagen-2023", "Verksamhetens intäkter i resultaträkningen mot summan i not 2",
     ["4 507 988 kr", "4 507 990 kr", "Not 2"]),
    ("vasterbergslagen-2023", "Medlemsbidrag och övriga intäkter mot summa i Not 2", ["4 508 336 kr", "4 509 336 kr"]),
    ("vasterbergslagen-2023", "Kassaflöde från den löpande verksamheten", ["771 063 kr", "771 062 kr"]),
    ("vasterbergslagen-2023", "Verksamhetens kostnader 2023: Resultaträkning mot Driftredovisning",
     ["4 360 316 kr", "4 348 tkr"]),
    ("vasterbergslagen-2023", "Verksamhetens kostnader 2023: översikten mot resultaträkningen",
     ["4 336 tkr", "4 360 316 kr"]),
    ("vasterbergslagen-2023", "Verksamhetens intäkter 2023: översikten mot resultaträkningen",
     ["4 496 tkr", "4 507 988 kr"]),
    ("vasteras-2021", "Lärare totalt mot posterna ovanför", ["19", "21", "Lärare Rudbeckianska", "1.5.2.2"]),
    ("vasteras-2021", "Deltagare i Samordningsteamet under året", ["97", "95", "1.5.2.2", "1.5.3"]),
    ("norra-vastmanland-2014", "Resultatet som analysavsnittet anger per den 31 december 2013",
     ["-1 179 kkr", "-1 865 kkr", "Analys av det ekonomiska resultatet"]),
    ("norra-vastmanland-2014", "Medlemsbidrag och övriga intäkter", ["7 001 000 kr", "7 000 kkr"]),
    ("vasterbergslagen-2020", "Kvinnor + män mot deltagare totalt", ["16", "17"]),
    ("vasterbergslagen-2020", "Kortfristiga skulder i balansräkningen mot summan i not 4", ["197 086 kr", "122 607 kr"]),
]


def test_datakvalitet_page_lists_every_contradiction_of_the_sources(built_site: Path) -> None:
    view = page(built_site, "datakvalitet/")
    missing = []
    for report, compared, shown in LISTED:
        rows = [r for r in view.table(f"avvikelser-{report}").rows if compared in r[0]]
        if not any(all(s in " ".join(r) for s in shown) for r in rows):
            missing.append((report, compared, rows))
    assert missing == []


def test_datakvalitet_page_lists_the_board_against_the_signatures(built_site: Path) -> None:
    view = page(built_site, "datakvalitet/")
    rows = view.table("underskrifter-vasterbergslagen-2023").rows[1:]
    board, signed = "avsnitt 1.4. Styrning och uppföljning av verksamheten", "avsnitt 8 Styrelsens underskrifter"
    vice = [r for r in rows if "Maria Andersson" in r[0]]
    assert len(vice) == 1
    assert "vice ordförande är Anette Englund" in vice[0][1] and board in vice[0][1]
    assert "Maria Andersson undertecknar som vice ordförande" in vice[0][2] and signed in vice[0][2]
    absent = [r for r in rows if "Anna Fält Skoglund" in r[0]]
    assert len(absent) == 1 and "finns inte med i styrelsens sammansättning" in absent[0][1]
    assert "undertecknar som ledamot" in absent[0][2]
    assert len(rows) == 2
    # Norra Västmanland 2014 was decided on 2015-03-05 and signed by the board of the mandate period from 2015:
    # its signatures differ from the 2014 board without contradicting it.
    assert "underskrifter-norra-vastmanland-2014" not in {t.id for t in view.tables}
    assert view.row("kontroller-antal", "Styrelsen mot underskrifterna")[2] == "2"
    report_page = page(built_site, "rapporter/vasterbergslagen-2023/")
    assert "Underskrifterna och styrelsens sammansättning skiljer sig på 2 punkter" in report_page.text


def test_name_variants_of_the_editors_notes_are_listed(built_site: Path) -> None:
    variants = page(built_site, "datakvalitet/").table("namnvarianter-tabell").rows
    assert any("Per Mattsson" in " ".join(r) and "Pär Mattsson" in " ".join(r) for r in variants), variants
