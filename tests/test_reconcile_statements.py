"""The Datakvalitet checks added for the last part of issue 17, each on a scratch copy of the fixture: participants
during the year from those at its start and the new ones, a share printed with its count and whole, a total in a
distribution of participants, a text figure that is the sum of other text figures, and the signatures against the
board. The invariant holds and nothing is found, then it is broken on purpose and the finding names both sides."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from test_reconcile_checks import REPORT, edit, found, only, values

from conftest import ROOT
from faktabank.derive.reconcile import reconcile, text_findings
from faktabank.derive.statedfigures import share_agrees
from faktabank.load.errors import DataError
from faktabank.load.loader import build

PARTICIPANTS = "      totalt: 36\n      kvinnor: 23\n      man: 13\n"


def test_active_at_the_start_and_the_new_ones_make_the_participants(minimal_project: Path) -> None:
    edit(minimal_project, PARTICIPANTS, PARTICIPANTS + "      vid_ingangen: 16\n      nya: 20\n")
    assert found(minimal_project) == ()
    edit(minimal_project, "      nya: 20\n", "      nya: 17\n")
    f = only(minimal_project, "deltagarflode")
    assert (values(f.left), values(f.right), f.difference, f.unit) == ([16, 17], [36], 3, "antal")
    assert f.left.label == "Aktiva vid början + nya"
    assert f.figures[0].anchor == "insats-exempel-301"


def test_participants_less_those_who_ended_are_those_still_in(minimal_project: Path) -> None:
    edit(minimal_project, PARTICIPANTS, PARTICIPANTS + "      avslutade: 10\n      pagaende: 26\n")
    assert found(minimal_project) == ()
    edit(minimal_project, "      pagaende: 26\n", "      pagaende: 27\n")
    f = only(minimal_project, "deltagarflode")
    assert (f.left.kronor, f.right.kronor, f.difference) == (26, 27, 1)


def test_the_year_before_is_checked_too(minimal_project: Path) -> None:
    edit(minimal_project, PARTICIPANTS, PARTICIPANTS + "      foregaende_ar:\n        totalt: 30\n"
         "        vid_ingangen: 10\n        nya: 21\n")
    f = only(minimal_project, "deltagarflode")
    assert (f.year, f.left.kronor, f.right.kronor) == (2019, 31, 30)
    assert f.compared.endswith(", året innan")


def _share(value: float, part: int, whole: int) -> str:
    return (f"nyckeltal:\n  - etikett: Andel till arbete\n    varde: {value}\n    enhet: procent\n    ar: 2020\n"
            f"    avsnitt: \"1.5\"\n    del: {part}\n    helhet: {whole}\ntabeller:\n")


@pytest.mark.parametrize(("share", "part", "whole", "agrees"), [
    (65, 20, 31, True),  # 64,5 %: the report rounds
    (64, 20, 31, False),  # only truncating gives 64
    (12, 1, 8, True),  # 12,5 %: exactly halfway, either way
    (13, 1, 8, True),
    (55, 84, 152, True),  # 55,3 %
    (45, 9, 20, True),
    (46, 36, 77, False),  # 46,75 % rounds to 47 %; only truncating gives 46
    (47, 36, 77, True),
    (46.8, 36, 77, True),  # one decimal: 46,753 … rounds to 46,8
    (46.7, 36, 77, False),
])
def test_a_share_is_its_count_over_its_whole_rounded(share: float, part: int, whole: int, agrees: bool) -> None:
    assert share_agrees(share, part, whole) is agrees


def test_a_share_with_its_count_and_whole(minimal_project: Path) -> None:
    edit(minimal_project, "tabeller:\n", _share(47, 36, 77))
    assert found(minimal_project) == ()
    edit(minimal_project, "    varde: 47\n", "    varde: 46\n")
    f = only(minimal_project, "procent")
    assert (f.left.kronor, f.right.kronor, f.difference, f.unit) == (46, 46.75, 0.75, "procent")
    assert values(f.right) == [36, 77]
    assert f.right.label == "36 av 77"
    assert f.left.figures[0].anchor == "nyckeltal-1"


def test_a_total_in_a_distribution_of_participants(minimal_project: Path) -> None:
    edit(minimal_project, PARTICIPANTS, PARTICIPANTS + "      fordelning:\n"
         "        - {etikett: Lärare skola A, antal: 8}\n        - {etikett: Lärare skola B, antal: 6}\n"
         "        - {etikett: Lärare totalt, antal: 14, summa: true}\n        - {etikett: Elever, antal: 200}\n")
    assert found(minimal_project) == ()
    edit(minimal_project, "antal: 14, summa: true}", "antal: 16, summa: true}")
    f = only(minimal_project, "summa")
    assert (values(f.left), values(f.right), f.difference) == ([8, 6], [16], 2)
    assert f.compared.startswith("Lärare totalt mot posterna ovanför")


SUM_IN_TEXT = """nyckeltal:
  - {nyckel: avslutade, etikett: Avslutade till resultat, varde: 17, enhet: antal, ar: 2020, avsnitt: "1.5",
     summerar: [till-arbete, till-studier]}
  - {nyckel: till-arbete, etikett: Därav till arbete, varde: 12, enhet: antal, ar: 2020, avsnitt: "1.5"}
  - {nyckel: till-studier, etikett: Därav till studier, varde: 5, enhet: antal, ar: 2020, avsnitt: "1.5"}
tabeller:
"""


def test_a_text_figure_that_sums_other_text_figures(minimal_project: Path) -> None:
    edit(minimal_project, "tabeller:\n", SUM_IN_TEXT)
    assert found(minimal_project) == ()
    edit(minimal_project, "varde: 5,", "varde: 3,")
    f = only(minimal_project, "summa")
    assert (values(f.left), values(f.right), f.difference) == ([12, 3], [17], 2)


def test_a_sum_of_text_figures_that_names_nothing_is_an_error(minimal_project: Path) -> None:
    edit(minimal_project, "tabeller:\n", SUM_IN_TEXT.replace("summerar: [till-arbete,", "summerar: [finns-inte,"))
    with pytest.raises(DataError) as error:
        build(minimal_project)
    assert "nyckeltal[0].summerar[0]: nyckeln för en annan uppgift i texten samma år förväntades, fick 'finns-inte'" in \
        str(error.value)


SIGNED = """undertecknare:
  avsnitt: "8 Underskrifter"
  poster:
    - {person: anna-exempel, titel: Ordförande}
    - {person: bo-prov, titel: Ersättare}
    - {person: bo-prov, titel: Revisor}
insatser:
"""


def test_the_signatures_agree_with_the_board(minimal_project: Path) -> None:
    edit(minimal_project, "insatser:\n", SIGNED)
    assert text_findings(build(minimal_project)) == ()  # a signature as auditor is not compared with the board


def test_a_signatory_in_another_role_than_the_board_gives(minimal_project: Path) -> None:
    edit(minimal_project, "insatser:\n", SIGNED.replace("{person: bo-prov, titel: Ersättare}",
                                                        "{person: bo-prov, titel: Vice ordförande}"))
    model = build(minimal_project)
    [f] = text_findings(model)
    assert (f.check, f.report, f.compared) == ("underskrifter", "exempel-2020", "Bo Prov undertecknar som vice ordförande")
    assert f.left.avsnitt == "1.4 Styrning" and f.right.avsnitt == "8 Underskrifter"
    assert f.left.text == "Styrelsen: Bo Prov är ersättare vid periodens slut; ingen anges som vice ordförande."
    assert f.right.text == "Underskrifterna: Bo Prov undertecknar som vice ordförande."
    assert reconcile(model) == ()  # names are not numeric findings


def test_a_report_decided_in_the_next_mandate_period_is_signed_by_the_next_board(minimal_project: Path) -> None:
    edit(minimal_project, "insatser:\n", SIGNED.replace("{person: bo-prov, titel: Ersättare}",
                                                        "{person: bo-prov, titel: Vice ordförande}"))
    assert len(text_findings(build(minimal_project))) == 1  # decided 2021-03-01: the period 2019–2022, as 2020
    edit(minimal_project, "  datum: 2021-03-01\n", "  datum: 2023-03-01\n")
    assert text_findings(build(minimal_project)) == ()  # the board of 2023–2026 signs; not compared with 2020's


def test_a_signatory_not_on_the_board_and_a_second_chair(minimal_project: Path) -> None:
    edit(minimal_project, "insatser:\n", SIGNED.replace("{person: bo-prov, titel: Ersättare}",
                                                        "{person: bo-prov, titel: Ordförande}"))
    edit(minimal_project, "          fran: 2020-09-01\n", "          till: 2020-06-30\n")
    [f] = text_findings(build(minimal_project))
    assert f.left.text == ("Styrelsen: Bo Prov lämnade styrelsen under perioden (ersättare till 2020-06-30); "
                           "ordförande är Anna Exempel.")


def test_make_check_prints_the_names_and_roles(minimal_project: Path) -> None:
    edit(minimal_project, "insatser:\n", SIGNED.replace("{person: bo-prov, titel: Ersättare}",
                                                        "{person: bo-prov, titel: Ledamot}"))
    env = {"PYTHONPATH": str(ROOT / "hooks")}
    whole = subprocess.run([sys.executable, "-m", "faktabank", "check", str(minimal_project)], capture_output=True,
                           text=True, env=env, check=False)
    one_file = subprocess.run([sys.executable, "-m", "faktabank", "check", "--file", str(minimal_project / REPORT)],
                              capture_output=True, text=True, env=env, check=False, cwd=minimal_project)
    for run in (whole, one_file):
        assert run.returncode == 0, run.stderr
        lines = [line for line in run.stdout.splitlines() if "Styrelsen mot underskrifterna" in line]
        assert len(lines) == 1, run.stdout
        assert lines[0].startswith(f"varning: {REPORT}: Datakvalitet, Styrelsen mot underskrifterna: Bo Prov")
        assert "(avsnitt 1.4 Styrning) mot Underskrifterna: Bo Prov undertecknar som ledamot. (avsnitt 8 Underskrifter)" \
            in lines[0]
