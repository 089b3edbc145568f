"""The importer's table reader on every layout the reports use: pipe tables, tab-separated rows, columns aligned
with spaces, headers over two lines, `131231`-style column dates, bold and italic tags in cells, the unit only in
the text around the table, and the number formats (`4 511 722`, `4.511.722`, `- 2 904`, `+394 153`, `−`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from faktabank.importer.blocks import find_blocks
from faktabank.importer.numbers import parse_number
from faktabank.importer.registry import Registry
from faktabank.importer.sections import Sections
from faktabank.importer.tabledraft import build_tables

ROOT = Path(__file__).resolve().parent.parent


def tables(text: str, year: int = 2022) -> list[dict]:
    lines = text.split("\n")
    reg = Registry.read(ROOT, "ingen")
    return build_tables(lines, find_blocks(lines), Sections(lines), reg, year)


def values(table: dict) -> dict[str, list]:
    return {row["text"]: row.get("varden") for row in table["rader"]}


@pytest.mark.parametrize(("text", "value"), [
    ("4 511 722", 4511722), ("4.511.722", 4511722), ("- 2 904", -2904), ("+394 153", 394153),
    ("−1 346", -1346), ("–37 000", -37000), ("1506", 1506), ("-4560", -4560), ("93%", 93), ("1,5", 1.5),
    ("4 496 tkr", 4496), ("5 pers", 5), ("4\u00a0511", 4511),
])
def test_numbers_as_the_reports_print_them(text: str, value: float) -> None:
    number = parse_number(text)
    assert number is not None and number.value == value


@pytest.mark.parametrize("text", ["-", "−", "", "Inga", "24x2=48 st", "70 / 97", "2023 2022"])
def test_text_is_not_a_number(text: str) -> None:
    assert parse_number(text) is None


def test_pipe_table_with_note_column_and_signed_values() -> None:
    [t] = tables("3. Balansräkning\n\n| Belopp i kr. | Not | 2023-12-31 | 2022-12-31 |\n|---|---|---|---|\n"
                 "| Tillgångar | | | |\n| Kundfordringar | 4 | 0 | 4 130 |\n| Kassa och bank | | 1 469 789 | 813 458 |\n"
                 "| Årets resultat | | +159 492 | - 186 813 |\n| Ansvarsförbindelser | | inga | inga |\n")
    assert (t["typ"], t["enhet"]) == ("balansrakning", "kr")
    assert [(c["rubrik"], c.get("ar"), c.get("datum")) for c in t["kolumner"]] == [
        ("2023-12-31", 2023, "2023-12-31"), ("2022-12-31", 2022, "2022-12-31")]
    rows = {r["text"]: r for r in t["rader"]}
    assert rows["Tillgångar"]["slag"] == "rubrik" and "varden" not in rows["Tillgångar"]
    assert rows["Kundfordringar"]["not"] == 4 and rows["Kundfordringar"]["varden"] == [0, 4130]
    assert rows["Kassa och bank"]["nyckel"] == "kassa-bank"
    assert rows["Årets resultat"]["varden"] == [159492, -186813]
    assert rows["Ansvarsförbindelser"]["varden"] == ["inga", "inga"]


def test_tab_table_with_header_over_two_lines_and_bold_cells() -> None:
    [t] = tables("## Resultaträkning\n\nBelopp i kkr.\tNot\tBokslut\tBudget\tBokslut\n\t\t2013\t2014\t2014\n"
                 "Verksamhetens intäkter\t1\t7 163\t7 000\t7 002\n"
                 "<b>Verksamhetens nettokostnader</b>\t\t<b>-1 920</b>\t<b>-2 176</b>\t<b>-1 206</b>\n"
                 "Finansiella intäkter\t2\t80\t\t31\n", 2014)
    assert (t["typ"], t["enhet"]) == ("resultatrakning", "kkr")
    assert [(c["rubrik"], c["ar"], c["slag"]) for c in t["kolumner"]] == [
        ("Bokslut 2013", 2013, "utfall"), ("Budget 2014", 2014, "budget"), ("Bokslut 2014", 2014, "utfall")]
    v = values(t)
    assert v["Verksamhetens nettokostnader"] == [-1920, -2176, -1206]
    assert v["Finansiella intäkter"] == [80, None, 31]
    summa = next(r for r in t["rader"] if r["text"] == "Verksamhetens nettokostnader")
    assert summa["slag"] == "summa"


def test_column_dates_written_as_131231() -> None:
    [t] = tables("## Balansräkning\n\nKkr\tNot\t131231\t141231\nKassa och bank\t4\t4 466\t3 088\n"
                 "<b>Summa tillgångar</b>\t\t<b>4 727</b>\t<b>3 129</b>\n", 2014)
    assert [(c.get("ar"), c.get("datum")) for c in t["kolumner"]] == [(2013, "2013-12-31"), (2014, "2014-12-31")]
    assert t["enhet"] == "kkr"


def test_space_aligned_columns_with_unit_only_in_the_text() -> None:
    text = ("Ekonomi i korthet\n\nAlla belopp i tabellen anges i tkr.\n"
            "                               2022      2021\n"
            "Verksamhetens intäkter        5 120     5 080\n"
            "Verksamhetens kostnader      -5 410    -4 870\n"
            "Övriga intäkter                            12\n"
            "Soliditet                       71%       78%\n")
    [t] = tables(text)
    assert t["enhet"] == "tkr"
    v = values(t)
    assert v["Verksamhetens kostnader"] == [-5410, -4870]
    assert v["Övriga intäkter"] == [None, 12], "a value under the right column even when the left one is empty"
    soliditet = next(r for r in t["rader"] if r["text"] == "Soliditet")
    assert soliditet["varden"] == [71, 78] and soliditet["enhet"] == "procent"


def test_unit_in_the_line_below_the_table() -> None:
    [t] = tables("1.1. Översikt över verksamhetens utveckling\n\n| | 2023 | 2022 |\n|---|---|---|\n"
                 "| Verksamhetens intäkter | 4 496 | 4 509 |\n| Årets resultat | 160 | -187 |\n\nBeloppen står i tkr\n", 2023)
    assert (t["typ"], t["enhet"]) == ("oversikt", "tkr")
    assert values(t)["Årets resultat"] == [160, -187]


def test_group_headings_span_the_columns_to_their_right() -> None:
    [t] = tables("5. Driftredovisning\n\n| Belopp tkr | Utfall 2021 | | Budget 2021 |\n|---|---|---|---|\n"
                 "| | Intäkt | Kostnad | Netto |\n| Summa intäkter | 13 310 | - | 13 310 |\n", 2021)
    assert [c["rubrik"] for c in t["kolumner"]] == ["Utfall 2021 Intäkt", "Utfall 2021 Kostnad", "Budget 2021 Netto"]
    assert [c["slag"] for c in t["kolumner"]] == ["intakt", "kostnad", "budget"]
    assert values(t)["Summa intäkter"] == [13310, "-", 13310]


def test_a_header_row_inside_a_table_starts_a_new_table() -> None:
    text = ("Ekonomisk redogörelse\n\n\tBudget 2019\tUtfall 19-06-30\nStatliga medel\t2 250 000\t1 125 000\n"
            "\tBeviljade medel 2019\tUtfall 19-06-30\nBoskola\t247 000\t137 617\n")
    first, second = tables(text, 2019)
    assert first["typ"] == second["typ"] == "budgetuppfoljning"
    assert second["kolumner"][0]["rubrik"] == "Beviljade medel 2019"
    assert second["kolumner"][1]["datum"] == "2019-06-30"
    assert values(second) == {"Boskola": [247000, 137617]}


def test_a_block_of_notes_becomes_one_table_per_note_and_markup_is_dropped() -> None:
    text = ("Noter (kkr)\t2013\t2014\n<b>1 Verksamhetens intäkter</b>\t\t\nMedlemsbidrag Sala kommun\t545\t544\n"
            "<b>Summa</b>\t<b>7 000</b>\t<b>7 002</b>\n<b>2 Finansiella intäkter</b>\t\t\nRänteintäkter\t80\t31\n"
            "<b>Noter (kkkr) forts</b>\t<b>2013</b>\t<b>2014</b>\n<i>Bankkostnader</i>\t1\t2\n")
    notes = tables(text, 2014)
    assert [(t["typ"], t["not"], t["enhet"]) for t in notes] == [("not", 1, "kkr"), ("not", 2, "kkr")]
    assert values(notes[0])["Medlemsbidrag Sala kommun"] == [545, 544]
    assert next(r for r in notes[0]["rader"] if r["text"] == "Medlemsbidrag Sala kommun")["nyckel"] == "medlemsbidrag"
    assert values(notes[1]) == {"Ränteintäkter": [80, 31], "Bankkostnader": [1, 2]}, "the repeated header is no row"


def test_project_numbers_go_to_the_rows() -> None:
    text = ("7 Sammanställning av utfall och budget 2023, siffror i tkr\n\n"
            "| Proj.nr | | Årsbudget 2023 | Utfall per 2023-12-31 |\n|---|---|---|---|\n| | INTÄKTER | | |\n"
            "| 101-104 | Bidrag | 4496 | 4496 |\n| * | Övriga tillkommande projekt | -959 | 0 |\n\n"
            "# Driftsredovisning\n\n(kr)\t\t\nDelprogram\tBokslut 2013\tBudget 2014\n"
            "1000 Styrelsens intäkter\t-7 080 070\t-7 000 000\n")
    budget, drift = tables(text, 2023)
    assert (budget["typ"], budget["enhet"]) == ("budgetuppfoljning", "tkr")
    rows = {r["text"]: r for r in budget["rader"]}
    assert rows["INTÄKTER"]["slag"] == "rubrik"
    assert (rows["Bidrag"]["projekt"], rows["Bidrag"]["varden"]) == ("101-104", [4496, 4496])
    assert rows["Övriga tillkommande projekt"]["projekt"] == "*"
    assert (drift["typ"], drift["enhet"]) == ("driftredovisning", "kr")
    assert drift["rader"][0] == {"text": "Styrelsens intäkter", "projekt": "1000", "varden": [-7080070, -7000000]}


def test_tables_of_contents_and_indicator_tables_are_not_figures() -> None:
    text = ("Innehållsförteckning\n\n| 1.1. | Översikt..... | 4 |\n| 2. | RESULTATRÄKNING..... | 22 |\n\n"
            "Indikatorer\n\n| Nr | Mått | Resultat 2023 |\n|---|---|---|\n| 1 | Får du stöd? | 77/53 ↓ Lägre |\n"
            "| 2 | Är du med? | 76/58 ↑ Lägre |\n")
    assert tables(text) == []


def test_long_text_in_a_cell_is_never_copied() -> None:
    prose = "Det här är en lång förklaring i en cell som innehåller många fler än elva ord och alltså är löptext"
    [t] = tables(f"5. Driftredovisning\n\n| Projekt | Budget | Kommentar |\n|---|---|---|\n| Administration | 873 | {prose} |\n"
                 "| Rehab | 1500 | Mindre förbrukat |\n")
    assert values(t) == {"Administration": [873, None], "Rehab": [1500, "Mindre förbrukat"]}


def test_space_aligned_headings_set_left_or_centred_over_their_figures() -> None:
    text = ("Resultaträkning, belopp i kr\n\n"
            "                          Budget 2022   Utfall 2022    Utfall 2021\n"
            "Verksamhetens intäkter      4 000 000     3 950 120      3 801 000\n"
            "Verksamhetens kostnader    -4 100 000    -3 700 450     -3 990 300\n"
            "Årets resultat               -100 000       249 670       -189 300\n")
    [t] = tables(text)
    assert [c["rubrik"] for c in t["kolumner"]] == ["Budget 2022", "Utfall 2022", "Utfall 2021"]
    assert values(t)["Årets resultat"] == [-100000, 249670, -189300]
    assert t["enhet"] == "kr"


def test_the_unit_written_in_the_cells() -> None:
    [t] = tables("Driftredovisning\n\n| Projekt | Budget | Utfall |\n|---|---|---|\n| Kansli | 800 tkr | 760 tkr |\n"
                 "| Insatser | 2 100 tkr | 1 980 tkr |\n")
    assert t["enhet"] == "tkr" and values(t)["Insatser"] == [2100, 1980]
