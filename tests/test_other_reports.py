"""Västerås 2021, Norra Västmanland 2014 and Västra Mälardalen 2019 (delår): the pages show what the reports state.

Every figure is read from the source reports themselves (tables row by row, running text with regexes)
and looked up on the built pages: the report-year page, the insats pages, the organisation and person pages.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, SOURCES, source_text
from faktabank.derive.roles import build_roles
from faktabank.load.loader import build
from htmlpage import Table, page
from sourcetables import row_signature, source_rows, split_row

VA = "vasteras-arsredovisning-2021.txt"
NV = "norra-vastmanland-arsredovisning-2014.txt"
VM = "vastra-malardalen-delarsrapport-2019.txt"
REPORT_PAGE = {
    VA: "rapporter/vasteras-2021/",
    NV: "rapporter/norra-vastmanland-2014/",
    VM: "rapporter/vastra-malardalen-2019-delar/",
}
TITLE = {VA: "Årsredovisning 2021", NV: "Årsredovisning 2014", VM: "Delårsrapport 2019-01-01 – 2019-06-30"}

SUPERSCRIPT = re.compile(r"<sup>.*?</sup>|[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
# Unit and column-heading rows such as "(kkkr.) | Not | 131231 | 141231" or "Noter (kkr) | 2013 | 2014".
UNIT_HEADING = re.compile(r"^(\(?k*kr\.?\)?|Noter \(k+r\)( forts)?)$", re.IGNORECASE)
# "1063 Samordningsteamet FNS": the project number is printed in the label cell; the page shows it as its own cell.
PROJECT = re.compile(r"^(\d{4}) (\S.*)$")
Row = tuple[str, tuple[int, ...]]


def printed(text: str) -> str:
    """The text as a reader sees it printed: no footnote markers, no HTML markup, single spaces."""
    text = SUPERSCRIPT.sub("", text)
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r" +:", ":", text)
    return re.sub(r" {2,}", " ", text)


def part(text: str, start: str, end: str | None) -> str:
    """The lines from the first line starting with `start` up to the next starting with `end` (or the end)."""
    lines = text.splitlines()
    begin = next(i for i, line in enumerate(lines) if line.startswith(start))
    stop = next((i for i, line in enumerate(lines[begin + 1:], begin + 1) if end and line.startswith(end)), len(lines))
    return "\n".join(lines[begin:stop])


def _year_or_date(n: int) -> bool:
    return 1990 <= n <= 2100 or bool(re.fullmatch(r"\d\d(0[1-9]|1[0-2])[0-3]\d", str(n)))


def report_rows(source: str, start: str, end: str | None) -> list[Row]:
    rows = []
    for label, numbers in source_rows(printed(part(source_text(source), start, end))):
        if UNIT_HEADING.match(label) and all(_year_or_date(n) for n in numbers):
            continue
        if m := PROJECT.match(label):
            label, numbers = m.group(2), (int(m.group(1)), *numbers)
        rows.append((label, numbers))
    return rows


def tables_with(site: Path, url: str, row: Row) -> list[Table]:
    return [t for t in page(site, url).tables if any(row_signature(r) == row for r in t.rows)]


def amount(value: int, unit: str) -> str:
    """4511722, 'kr' → '4 511 722 kr' as the page prints it (after htmlpage.norm)."""
    return f"{value:,}".replace(",", " ") + f" {unit}"


# (source, first heading of a part with tables, heading that ends it)
TABLE_PARTS = [
    pytest.param(VA, "1.1 Översikt över verksamhetens utveckling", "1.2 ", id="vasteras-oversikt"),
    pytest.param(VA, "Lokala utbildningsinsatser 2021", "1.5.2.2 ", id="vasteras-utbildningsinsatser"),
    pytest.param(VA, "1.5.5 Balanskravsresultat", "1.6 ", id="vasteras-balanskrav"),
    pytest.param(VA, "2. Resultaträkning", "7. Styrelsens underskrift", id="vasteras-rakenskaper-och-noter"),
    pytest.param(NV, "## Insatsredovisning, individriktade insatser", "## Insatsredovisning, utvärderingsinsatser",
                 id="norra-vastmanland-deltagare-och-utbildningar"),
    pytest.param(NV, "### Förändring av försörjningsmättet", "## **Analys", id="norra-vastmanland-forsorjningsmattet"),
    pytest.param(NV, "## Resultaträkning", None, id="norra-vastmanland-rakenskaper-noter-drift"),
    pytest.param(VM, "Samordningsförbundet Västra Mälardalen 2019", "Eget kapital 190101", id="vastra-malardalen-ekonomi"),
]


@pytest.mark.parametrize(("source", "start", "end"), TABLE_PARTS)
def test_every_table_row_of_the_report_is_on_the_page(built_site: Path, source: str, start: str, end: str | None) -> None:
    wanted = report_rows(source, start, end)
    assert len(wanted) >= 3, (source, start)
    shown = {row_signature(r) for t in page(built_site, REPORT_PAGE[source]).tables for r in t.rows}
    missing = [row for row in wanted if row not in shown]
    assert not missing, f"{len(missing)} of {len(wanted)} rows of {source} {start!r} are not on the page:\n" + "\n".join(
        map(str, missing))


# A row of the source, the section heading the page must cite and the unit it must name.
UNIT_AND_SECTION = [
    (VA, "1.1 Översikt över verksamhetens utveckling", "1.2 ", "Verksamhetens kostnader",
     "1.1 Översikt över verksamhetens utveckling", "Belopp i kr"),
    (VA, "1.5.5 Balanskravsresultat", "1.6 ", "Balanskravsresultat", "1.5.5 Balanskravsresultat", "Belopp i kr"),
    (VA, "2. Resultaträkning", "7. Styrelsens", "Verksamhetens kostnader", "2. Resultaträkning", "Belopp i kr"),
    (VA, "2. Resultaträkning", "7. Styrelsens", "Kortfristiga skulder", "3. Balansräkning", "Belopp i kr"),
    (VA, "2. Resultaträkning", "7. Styrelsens", "Medlemsavg från huvudmännen", "5. Driftsredovisning", "Belopp i tkr"),
    (VA, "2. Resultaträkning", "7. Styrelsens", "Driftbidrag från staten", "Not 2", "Belopp i kr"),
    (NV, "## Resultaträkning", None, "Verksamhetens kostnader", "Resultaträkning", "Belopp i kkr"),
    (NV, "## Resultaträkning", None, "Samordningsteamet FNS", "Driftsredovisning", "Belopp i kr"),
    (NV, "## Resultaträkning", None, "Medlemsbidrag Sala kommun", "Noter", "Belopp i kkr"),
    (NV, "### Förändring av försörjningsmättet", "## **Analys", "Förändring på ett år",
     "Förändring av försörjningsmättet", "Kronor per dag"),
    (NV, "## Insatsredovisning, personalinriktade", "## Insatsredovisning, utvärdering", "Totalt",
     "Insatsredovisning, personalinriktade insatser", "Antal"),
    (VM, "Samordningsförbundet Västra Mälardalen 2019", "Eget kapital 190101", "RESULTAT", "Ekonomisk redogörelse",
     "Belopp i kr"),
]


@pytest.mark.parametrize(("source", "start", "end", "label", "section", "unit"), UNIT_AND_SECTION)
def test_rows_stand_in_a_table_with_the_reports_unit_and_section(built_site: Path, source: str, start: str, end: str | None,
                                                                 label: str, section: str, unit: str) -> None:
    rows = [r for r in report_rows(source, start, end) if r[0] == label]
    assert rows, (source, label)
    for row in rows:
        tables = tables_with(built_site, REPORT_PAGE[source], row)
        assert any(f"({unit})" in t.caption and f"{TITLE[source]}, avsnitt" in t.caption and section in t.caption
                   for t in tables), (row, [t.caption for t in tables])


def test_vastra_malardalen_rows_keep_the_column_headings_printed_above_them(built_site: Path) -> None:
    """The economic table changes its headings halfway (Budget 2019 … → Beviljade medel 2019 …)."""
    headings: list[str] = []
    checked = 0
    for line in part(source_text(VM), "Samordningsförbundet Västra Mälardalen 2019", "Eget kapital 190101").splitlines():
        if "\t" not in line:
            continue
        cells = split_row(line)
        sig = row_signature(cells)
        if not cells[0] and sig is None:
            headings = [c for c in cells[1:] if c]
            continue
        if sig is None:
            continue
        tables = tables_with(built_site, REPORT_PAGE[VM], sig)
        assert any(t.rows[0][-len(headings):] == headings for t in tables), (sig, headings, [t.rows[0] for t in tables])
        checked += 1
    assert checked >= 30


def test_vastra_malardalen_insats_names_are_printed_in_full(built_site: Path) -> None:
    """Headings of the insats descriptions (e.g. 'Studiespår Kompetens Ung / ESF # KlarFramtid') appear whole."""
    lines = part(source_text(VM), "Förbundet får", "Mål och måluppfyllelse").splitlines()
    headings = [lines[i] for i in range(len(lines) - 2) if lines[i] and "\t" not in lines[i] and lines[i + 1] == ""
                and lines[i + 2].startswith(("Projektägare\t", "Medel från förbundet\t"))]
    assert len(headings) == 8, headings
    shown = page(built_site, REPORT_PAGE[VM]).text
    for heading in headings:
        assert heading in shown, heading


# ---- insats pages: money and participants read from the running text and the tables --------------------------------

def _table(site: Path, url: str, caption: str) -> Table:
    found = [t for t in page(site, url).tables if t.caption.startswith(caption)]
    assert found, f"no table {caption!r} on {url}"
    return found[0]


def _cells(table: Table) -> set[str]:
    return {cell for row in table.rows for cell in row}


def _participants(table: Table) -> dict[str, str]:
    return {row[0]: row[1] for row in table.rows[1:]}


def test_vasteras_samordningsteam_page(built_site: Path) -> None:
    text = source_text(VA)
    m = re.search(r"Under året har (\d+) personer deltagit i insatsen \((\d+) kvinnor och (\d+) män\), varav (\d+) nya"
                  r" inskrivningar\. Av dessa är det (\d+) personer som avslutat", text)
    assert m
    url = "insatser/vasteras-samordningsteam/"
    rows = _participants(_table(built_site, url, "Deltagare 2021"))
    assert [rows["Deltagare totalt"], rows["Kvinnor"], rows["Män"], rows["Nya under året"], rows["Avslutade under året"]] \
        == list(m.groups())
    drift = next(nums for label, nums in report_rows(VA, "5. Driftsredovisning", "Signering")
                 if label == "Samordningsteam Västerås")
    utfall, budget = drift[1], drift[2]  # Kostnad, Netto, Budget netto …: the '-' intäkt cells are no numbers
    money = _cells(_table(built_site, url, "Ekonomi 2021"))
    assert {amount(budget, "tkr"), amount(utfall, "tkr")} <= money, money


def test_vasteras_sim_page_counts_pupils_and_teachers(built_site: Path) -> None:
    text = source_text(VA)
    pupils = re.search(r"Antal registrerade elever är (\d+)", text)
    teachers = re.search(r"Rudbeckianska \((\d+) lärare\), Carlforsska \((\d+) lärare\) och Tranellska \((\d+) lärare\)"
                         r".*?Totalt (\d+) lärare", text)
    assert pupils and teachers
    rows = _participants(_table(built_site, "insatser/vasteras-sim/", "Deltagare 2021"))
    assert rows["Deltagare totalt"] == pupils.group(1)
    assert [rows["Lärare Rudbeckianska"], rows["Lärare Carlforsska"], rows["Lärare Tranellska"], rows["Lärare totalt"]] \
        == list(teachers.groups())


@pytest.mark.parametrize(("number", "label"), [("1063", "Samordningsteam FNS"), ("1064", "Samordningsteam Sala"),
                                               ("1065", "Samordningsteam Hallsta/Sura")])
def test_norra_vastmanland_team_pages(built_site: Path, number: str, label: str) -> None:
    text = printed(source_text(NV))
    m = re.search(rf"^{re.escape(label)}\t(\d+)\t(\d+)\t(\d+)\t(\d+) avslut, (\d+) \((\d+) %\)", text, re.M)
    assert m, label
    url = f"insatser/norra-vastmanland-{number}/"
    rows = _participants(_table(built_site, url, "Deltagare 2014"))
    assert [rows["Deltagare totalt"], rows["Kvinnor"], rows["Män"], rows["Avslutade under året"]] == list(m.groups()[:4])
    exits = _table(built_site, url, "Avslutade deltagare 2014")
    assert exits.rows[1][-1] == m.group(5)
    assert any(m.group(6) in li for li in page(built_site, url).text.split("uppgift:"))
    drift = next(nums for _, nums in report_rows(NV, "# Driftsredovisning", None) if nums[0] == int(number))
    _, _bokslut_2013, budget_2014, bokslut_2014, _avvikelse = drift
    assert {amount(budget_2014, "kr"), amount(bokslut_2014, "kr")} <= _cells(_table(built_site, url, "Ekonomi 2014"))


VM_INSATSER = [
    ("LF och ensamkommandes hälsa", "lf-och-ensamkommandes-halsa"),
    ("Integrationssamarbete Landstinget Västmanland (nu: Region Västmanland)", "integrationssamarbete"),
    ("Dejta en myndighet", "dejta-en-myndighet"),
    ("Tillsammansveckan", "tillsammansveckan"),
    ("Boskola", "boskola"),
    ("Studiespår Kompetens Ung / ESF # KlarFramtid", "studiespar-kompetens-ung"),
    ("Länsgemensamma insatser", "lansgemensamma-insatser"),
    ("KAK-gemensamma insatser", "kak-gemensamma-insatser"),
]


@pytest.mark.parametrize(("heading", "slug"), VM_INSATSER)
def test_vastra_malardalen_insats_pages_show_money_and_outcome(built_site: Path, heading: str, slug: str) -> None:
    lines = source_text(VM).splitlines()
    start = max(i for i, line in enumerate(lines) if line == heading)
    block = "\n".join(lines[start:start + 12])
    granted = re.search(r"^Medel från förbundet\t\D*?(\d{1,3}(?: \d{3})+) ?kr", block, re.M)
    spent = re.search(r"^Utfall\tUtfall t\.o\.m\.? ?190630 = (\d{1,3}(?: \d{3})+) kr", block, re.M)
    assert granted, heading
    money = _cells(_table(built_site, f"insatser/vastra-malardalen-{slug}/", "Ekonomi januari–juni 2019"))
    assert f"{granted.group(1)} kr" in money, (heading, money)
    if spent:
        assert f"{spent.group(1)} kr" in money, (heading, money)


# ---- organisations and persons across the four förbund ---------------------------------------------------------

def _registry(name: str) -> list[dict]:
    return yaml.safe_load((ROOT / "data" / f"{name}.yaml").read_text(encoding="utf-8"))[name]


def _kortnamn() -> dict[str, str]:
    out = {}
    for path in (ROOT / "data" / "forbund").glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        out[data["id"]] = data.get("kortnamn", data["namn"])
    return out


def _roles(view_rows: list[list[str]]) -> set[str]:
    return {row[1] for row in view_rows[1:]}


def test_arbetsformedlingen_has_roles_in_all_four_forbund(built_site: Path) -> None:
    view = page(built_site, "organisationer/arbetsformedlingen/")
    roles = next(t for t in view.tables if t.caption.startswith("Roller"))
    assert set(_kortnamn().values()) <= _roles(roles.rows), _roles(roles.rows)
    facts = {row[0]: row[1] for row in view.tables[0].rows}
    assert "AF" in facts["Förkortningar"]


ABBREVIATIONS = ("AF", "FK", "AMI", "IFO", "VBU", "KAK", "LSG", "NNS", "VKL", "ESF", "SKR")


@pytest.mark.parametrize("abbreviation", ABBREVIATIONS)
def test_abbreviations_the_reports_use_are_registered(built_site: Path, abbreviation: str) -> None:
    used = [p.name for p in SOURCES.glob("*.txt")
            if re.search(rf"(?<![\w-]){abbreviation}(?:s|:s)?(?![\w])", p.read_text(encoding="utf-8"))]
    assert used, f"{abbreviation} is in no report; drop it from the list"
    owners = [o for o in _registry("organisationer") if abbreviation in o.get("forkortningar", ())]
    assert owners, f"{abbreviation} (used in {used}) is no organisation's abbreviation"
    for o in owners:
        path = built_site / "organisationer" / o["id"] / "index.html"
        if path.exists():  # organisations that no included report refers to get no page
            facts = {row[0]: row[1] for row in page(built_site, f"organisationer/{o['id']}/").tables[0].rows}
            assert abbreviation in facts.get("Förkortningar", ""), o["id"]


def test_landstinget_vastmanland_is_region_vastmanlands_former_name(built_site: Path) -> None:
    region = next(o for o in _registry("organisationer") if o["id"] == "region-vastmanland")
    former = [n for n in region.get("tidigare_namn", ()) if n["namn"] == "Landstinget Västmanland"]
    assert former, "Landstinget Västmanland is not recorded as a former name"
    texts = [p.read_text(encoding="utf-8") for p in SOURCES.glob("*.txt")]
    assert any("Landstinget Västmanland" in t for t in texts)
    for key in ("fran", "till"):  # a date only when a report states it
        if key in former[0]:
            day = str(former[0][key])
            assert any(day in t or day[2:].replace("-", "") in t for t in texts), (key, day)
    view = page(built_site, "organisationer/region-vastmanland/")
    facts = {row[0]: row[1] for row in view.tables[0].rows}
    assert "Landstinget Västmanland" in facts["Tidigare namn"]
    contributions = view.table("medlemsbidrag-tabell")
    assert any(row[2] == "Medlemsbidrag Landstinget Västmanland" and row[1] == "Norra Västmanland"
               for row in contributions.rows)


def test_people_with_roles_in_two_forbund_have_one_page_with_both(built_site: Path) -> None:
    model = build(ROOT)
    by_person = build_roles(model).by_person
    kortnamn = _kortnamn()
    several = {pid: {r.forbund for r in roles} for pid, roles in by_person.items() if len({r.forbund for r in roles}) > 1}
    # Two such people, read from the reports: Marija Mihajlovska (Västerås member representative, signs in
    # Västra Mälardalen) and Jennie Fernros (auditor's assistant in Västerbergslagen and Västerås).
    for name, sources in (("Marija Mihajlovska", (VA, VM)), ("Jennie Fernros", (VA, "vasterbergslagen-arsredovisning-2020.txt"))):
        assert all(name in source_text(s) for s in sources), name
    assert {"marija-mihajlovska", "jennie-fernros"} <= set(several)
    for pid, forbund in several.items():
        roles = next(t for t in page(built_site, f"personer/{pid}/").tables if t.caption.startswith("Roller"))
        assert {kortnamn[f] for f in forbund} <= _roles(roles.rows), (pid, roles.rows)


def test_jonas_wells_page_and_his_mention_in_vasterbergslagen_2023(built_site: Path) -> None:
    """Samordnare in Norra Västmanland until 2014; named as a speaker in a Västerbergslagen 2023 table."""
    assert "Avgående samordnare Jonas Wells" in source_text(NV)
    roles = next(t for t in page(built_site, "personer/jonas-wells/").tables if t.caption.startswith("Roller"))
    assert any(row[1] == "Norra Västmanland" and "Samordnare" in row[2] for row in roles.rows[1:])
    line = next(li for li in source_text("vasterbergslagen-arsredovisning-2023.txt").splitlines() if "Jonas Wells" in li)
    speaker_row = [c for c in split_row(line) if c]
    shown = [r for t in page(built_site, "rapporter/vasterbergslagen-2023/").tables for r in t.rows if "Jonas Wells" in r]
    assert shown, "the 2023 report page does not name Jonas Wells"
    assert any(speaker_row[2] in r for r in shown), (speaker_row, shown)  # the report's table (and Medverkan)
    assert any(row[2].startswith("Medverkade") and row[1] == "Västerbergslagen" for row in roles.rows[1:])
