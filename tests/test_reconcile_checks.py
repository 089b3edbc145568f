"""The Datakvalitet checks of issue 17, each on a scratch copy of the fixture: the invariant holds and nothing is
found, then it is broken on purpose and the finding names both sides with their figures."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from faktabank.derive.findings import ROUNDING_NOTE
from faktabank.derive.keys import unknown_keys
from faktabank.derive.reconcile import CHECKS, TEXT_CHECKS, Finding, NameVariant, name_variants, reconcile
from faktabank.load.errors import DataError
from faktabank.load.loader import build

REPORT = "data/rapporter/exempel-2020.yaml"


def edit(project: Path, old: str, new: str, path: str = REPORT) -> None:
    file = project / path
    text = file.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"fixture changed: {old!r} is not in {path} exactly once"
    file.write_text(text.replace(old, new), encoding="utf-8")


def found(project: Path) -> tuple[Finding, ...]:
    return reconcile(build(project))


def only(project: Path, check: str) -> Finding:
    result = found(project)
    assert [f.check for f in result] == [check], result
    return result[0]


def values(side) -> list[int | float]:
    return [f.value for f in side.figures]


CASH_END = "      - {text: Likvida medel vid årets slut, nyckel: likvida-medel-slut,"
BUDGET_ROW = "      - {text: Teamsamverkan, projekt: \"301\", insats: exempel-301, varden: [-1647, -1485]}\n"
BUDGET_COLUMNS = "      - {id: utfall-2020, rubrik: Utfall 2020, ar: 2020, slag: utfall}\n"


def test_a_marked_sum_row_is_checked_in_every_column(minimal_project: Path) -> None:
    edit(minimal_project, CASH_END, CASH_END.replace("nyckel:", "summerar: [likvida-medel-borjan, arets-kassaflode], nyckel:"))
    assert found(minimal_project) == ()
    edit(minimal_project, "varden: [394153, -231829]", "varden: [394152, -231829]")
    f = only(minimal_project, "summa")
    assert (f.year, f.left.kronor, f.right.kronor, f.difference, f.unit) == (2020, 2450274, 2450275, 1, "kr")
    assert values(f.left) == [2056122, 394152]
    assert values(f.right) == [2450275]
    assert f.left.label == "Beräknat: Likvida medel vid årets början + Årets kassaflöde"


def test_rows_since_the_heading_and_a_subtraction(minimal_project: Path) -> None:
    edit(minimal_project, BUDGET_ROW, BUDGET_ROW
         + "      - {text: Administration, id: administration, varden: [-900, -823]}\n"
         + "      - {text: Summa kostnader, slag: summa, id: kostnader, summerar: [sedan-rubrik], varden: [-2547, -2308]}\n"
         + "      - {text: Intäkter, id: intakter-budget, varden: [4505, 4512]}\n"
         + "      - {text: Resultat, summerar: [intakter-budget, -kostnader], varden: [7052, 6820]}\n")
    assert found(minimal_project) == ()
    edit(minimal_project, "varden: [-2547, -2308]", "varden: [-2547, -2309]")
    result = found(minimal_project)
    # the subtotal disagrees with its rows, and the result line with the subtotal: both are listed
    assert [(f.check, f.right.figures[0].row) for f in result] == [("summa", "Summa kostnader"), ("summa", "Resultat")]
    assert values(result[0].left) == [-1485, -823]
    assert result[0].difference == 1000 and result[0].compared.endswith(ROUNDING_NOTE)


def test_a_sum_column_is_checked_on_every_row(minimal_project: Path) -> None:
    edit(minimal_project, BUDGET_COLUMNS, BUDGET_COLUMNS
         + "      - {id: avvikelse-2020, rubrik: Avvikelse, ar: 2020, slag: avvikelse, summerar: [utfall-2020, -budget-2020]}\n")
    edit(minimal_project, "varden: [-1647, -1485]}", "varden: [-1647, -1485, 162]}")
    assert found(minimal_project) == ()
    edit(minimal_project, "varden: [-1647, -1485, 162]}", "varden: [-1647, -1485, 152]}")
    f = only(minimal_project, "kolumnsumma")
    assert (f.left.kronor, f.right.kronor, f.difference) == (162000, 152000, 10000)
    assert values(f.left) == [-1485, -1647]
    assert f.compared == ("Avvikelse på raden Teamsamverkan i Sammanställning av utfall och budget 2020 mot "
                          "Utfall 2020 − Budget 2020")


NYCKELTAL = """nyckeltal:
  - nyckel: arets-resultat
    etikett: Årets resultat enligt texten
    varde: -58818
    enhet: kr
    ar: 2020
    avsnitt: "1.2 Ekonomi"
    motsvarar: [resultatrakning/arets-resultat/ar-2020]
tabeller:
"""


def test_a_text_figure_against_its_table_cell(minimal_project: Path) -> None:
    edit(minimal_project, "tabeller:\n", NYCKELTAL)
    assert found(minimal_project) == ()
    edit(minimal_project, "    varde: -58818\n", "    varde: -58817\n")
    f = only(minimal_project, "samma-uppgift")
    assert (f.left.figures[0].anchor, f.left.figures[0].value, f.right.figures[0].value) == ("nyckeltal-1", -58817, -58818)
    assert f.right.figures[0].anchor == "tabell-resultatrakning"
    assert f.difference == 1


def test_two_text_figures_with_the_same_key_and_year(minimal_project: Path) -> None:
    second = (NYCKELTAL.split("tabeller:")[0].replace("nyckeltal:\n", "").replace("texten", "sammanfattningen")
              .replace("    motsvarar: [resultatrakning/arets-resultat/ar-2020]\n", ""))
    edit(minimal_project, "tabeller:\n", NYCKELTAL.replace("tabeller:\n", "") + second.replace("-58818", "-59818")
         + "tabeller:\n")
    result = found(minimal_project)
    assert [f.check for f in result] == ["samma-uppgift"]
    assert (values(result[0].left), values(result[0].right)) == ([-58818], [-59818])


def test_the_same_figure_in_two_tables(minimal_project: Path) -> None:
    edit(minimal_project, BUDGET_ROW, BUDGET_ROW + "      - {text: Administration, id: administration, varden: [-900, -823]}\n")
    edit(minimal_project, "tabeller:\n", "samma_uppgift:\n  - uppgift: Administrationens kostnader\n"
         "    platser: [not-2/kostnad-administration/ar-2020, budget/administration/utfall-2020]\ntabeller:\n")
    assert found(minimal_project) == ()  # 823 217 kr and 823 tkr agree within rounding
    edit(minimal_project, "varden: [-900, -823]}", "varden: [-900, -825]}")
    f = only(minimal_project, "samma-uppgift")
    assert (values(f.left), values(f.right), f.difference) == ([823217], [-825], 1783)
    assert f.by_magnitude


def test_women_and_men_add_up_to_the_participants(minimal_project: Path) -> None:
    edit(minimal_project, "      kvinnor: 23\n", "      kvinnor: 22\n")
    f = only(minimal_project, "deltagare")
    assert (values(f.left), values(f.right), f.difference, f.unit) == ([22, 13], [36], 1, "antal")
    assert f.figures[0].anchor == "insats-exempel-301"


def test_exits_are_not_more_than_those_who_ended(minimal_project: Path) -> None:
    exits = ("      avslutade: 4\n    avslut:\n      - {till: arbete, antal: 2}\n      - {till: studier, antal: 2}\n")
    edit(minimal_project, "      man: 13\n", "      man: 13\n" + exits)
    assert found(minimal_project) == ()
    edit(minimal_project, "      avslutade: 4\n", "      avslutade: 3\n")
    f = only(minimal_project, "avslut")
    assert (f.left.kronor, f.right.kronor, f.difference) == (4, 3, 1)


def _shares(*percent: int) -> str:
    return "nyckeltal:\n" + "".join(
        f"  - etikett: Andel {i}\n    varde: {p}\n    enhet: procent\n    ar: 2020\n    avsnitt: \"1.5\"\n"
        "    andel_av: kostnaderna\n" for i, p in enumerate(percent)) + "tabeller:\n"


@pytest.mark.parametrize(("shares", "reported"), [((60, 40), False), ((33, 33, 33), False), ((60, 45), True),
                                                  ((33, 33, 32), True)])
def test_shares_of_a_whole_add_up_to_100(minimal_project: Path, shares: tuple[int, ...], reported: bool) -> None:
    edit(minimal_project, "tabeller:\n", _shares(*shares))
    result = found(minimal_project)
    if not reported:
        assert result == ()
        return
    assert [f.check for f in result] == ["andelar"]
    assert (result[0].left.kronor, result[0].difference, result[0].unit) == (sum(shares), abs(sum(shares) - 100), "procent")


def test_the_members_shares_of_the_funding_add_up_to_100(minimal_project: Path) -> None:
    edit(minimal_project, "    - parter: [exempelby-kommun]\n      andel_procent: 50\n",
         "    - parter: [exempelby-kommun]\n      andel_procent: 40\n")
    f = only(minimal_project, "andelar")
    assert (values(f.left), f.right.kronor, f.difference) == ([50, 40], 100, 10)
    assert f.left.figures[1].row == "exempelby-kommun"


def test_one_person_once_on_the_board_at_a_time(minimal_project: Path) -> None:
    edit(minimal_project, "        - person: anna-exempel\n          roll: ordforande\n",
         "        - person: anna-exempel\n          roll: ordforande\n        - person: bo-prov\n          till: 2020-08-31\n")
    assert found(minimal_project) == ()  # ordinarie until August, ersättare from September
    edit(minimal_project, "          till: 2020-08-31\n", "          till: 2020-09-30\n")
    f = only(minimal_project, "styrelse")
    assert (f.difference, f.unit) == (30, "dagar")
    assert f.compared == "Bo Prov två gånger i styrelsen samtidigt"
    assert f.left.label.startswith("Bo Prov: ordinarie för ") and f.right.label.startswith("Bo Prov: ersättare för ")


def test_a_table_a_factor_1000_off_is_named(minimal_project: Path) -> None:
    edit(minimal_project, BUDGET_ROW,
         BUDGET_ROW + "      - {text: Periodens resultat, nyckel: periodens-resultat, varden: [-2200, -59]}\n")
    edit(minimal_project, "      - {text: Finansiella kostnader, nyckel: finansiella-kostnader, varden: [-3535, -2904]}\n",
         "      - {text: Finansiella kostnader, nyckel: finansiella-kostnader, varden: [-3535, -2904]}\n"
         "      - {text: Periodens resultat, nyckel: periodens-resultat, varden: [-58818, -51703]}\n")
    assert found(minimal_project) == ()
    edit(minimal_project, "varden: [-2200, -59]}", "varden: [-2200, -58818]}")
    f = only(minimal_project, "enhet")
    assert f.left.figures[0].table_title == "Sammanställning av utfall och budget 2020"  # the table that is off
    assert f.right.figures[0].table_title == "Resultaträkning"
    assert (f.left.kronor, f.right.kronor) == (-58818000, -58818)


def test_unknown_keys_are_warned_about_with_file_and_line(minimal_project: Path) -> None:
    assert unknown_keys(build(minimal_project)) == []
    edit(minimal_project, BUDGET_ROW, BUDGET_ROW + "      - {text: Något, nyckel: nagot-okant, varden: [1, 2]}\n")
    [warning] = unknown_keys(build(minimal_project))
    line = next(i for i, text in enumerate((minimal_project / REPORT).read_text().splitlines(), 1) if "nagot-okant" in text)
    assert warning.startswith(f"{REPORT}:{line}: nyckel 'nagot-okant' i tabellen 'budget'")


def test_make_check_prints_the_findings_and_still_passes(minimal_project: Path) -> None:
    edit(minimal_project, "      kvinnor: 23\n", "      kvinnor: 22\n")
    edit(minimal_project, BUDGET_ROW, BUDGET_ROW + "      - {text: Något, nyckel: nagot-okant, varden: [1, 2]}\n")
    run = subprocess.run([sys.executable, "-m", "faktabank", "check", str(minimal_project)], capture_output=True,
                         text=True, env={"PYTHONPATH": str(ROOT / "hooks")}, check=False)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].startswith("data/ är giltig")
    assert "men siffrorna stämmer inte överallt: 1 avvikelser för Datakvalitet" in run.stdout
    assert any(line.startswith("varning: data/rapporter/exempel-2020.yaml") and "Kvinnor och män 2020" in line
               and "skillnad 1" in line for line in lines)
    assert any("nyckel 'nagot-okant'" in line for line in lines)
    assert lines[-1].startswith("1 radnycklar som ingen kontroll eller jämförelse läser")


@pytest.mark.parametrize(("old", "new", "message"), [
    (CASH_END, CASH_END.replace("nyckel:", "summerar: [finns-inte], nyckel:"),
     "summerar[0]: en annan rad (radens id, eller en nyckel som bara en rad har) förväntades, fick 'finns-inte'"),
    (BUDGET_COLUMNS, BUDGET_COLUMNS + "      - {id: avvikelse, rubrik: Avvikelse, summerar: [utfall-2020, -prognos]}\n",
     "summerar[1]: en annan kolumn i tabellen förväntades, fick '-prognos'"),
    ("tabeller:\n", NYCKELTAL.replace("resultatrakning/arets-resultat/ar-2020", "resultatrakning/arets-resultat/ar-2030"),
     "nyckeltal[0].motsvarar[0]: kolumnen 'ar-2030' finns inte i tabellen 'resultatrakning'"),
])
def test_a_reference_to_nothing_is_an_error_on_loading(minimal_project: Path, old: str, new: str, message: str) -> None:
    if "avvikelse, rubrik" in new:
        edit(minimal_project, "varden: [-1647, -1485]}", "varden: [-1647, -1485, 162]}")
    edit(minimal_project, old, new)
    with pytest.raises(DataError) as error:
        build(minimal_project)
    assert message in str(error.value)
    assert str(error.value).startswith(f"{REPORT}:")


def test_name_variants_of_insatser_and_web_addresses(minimal_project: Path) -> None:
    edit(minimal_project, "  - insats: exempel-301\n", "  - insats: exempel-301\n    namn_i_rapporten: Teamet i Exempelby\n")
    edit(minimal_project, "tabeller:\n", "webbplats: www.exempel.invalid/forbund\ntabeller:\n")
    edit(minimal_project, "kortnamn: Exempel\n", "kortnamn: Exempel\nwebb: www.exempel.invalid\n",
         path="data/forbund/exempel.yaml")
    variants = {v.kind: v for v in name_variants(build(minimal_project))}
    assert variants["insats"].alias == ("Teamet i Exempelby",)
    assert variants["webbadress"] == NameVariant("webbadress", "exempel", "www.exempel.invalid",
                                                 ("www.exempel.invalid/forbund",))


def test_every_check_kind_has_a_test_that_breaks_it() -> None:
    broken_here = {"summa", "kolumnsumma", "samma-uppgift", "deltagare", "avslut", "andelar", "styrelse", "enhet"}
    broken_in_test_reconcile = {"not", "balans", "resultat", "likvida-medel", "medlemsbidrag", "oversikt", "eget-kapital"}
    broken_in_test_reconcile_statements = {"deltagarflode", "procent", "underskrifter"}
    assert {c.id for c in (*CHECKS, *TEXT_CHECKS)} == (broken_here | broken_in_test_reconcile
                                                       | broken_in_test_reconcile_statements)


def test_the_same_comparison_by_two_checks_is_listed_once(minimal_project: Path) -> None:
    # the income total is read by the member-contribution check; marking it as a sum too must not list it twice
    edit(minimal_project, "      - {text: Summa, slag: summa, nyckel: summa, varden: [4511722]}",
         "      - {text: Summa, slag: summa, summerar: [ovanfor], nyckel: summa, varden: [4511722]}")
    edit(minimal_project, "varden: [2250000]", "varden: [2250001]")
    assert [f.check for f in found(minimal_project)] == ["medlemsbidrag"]

