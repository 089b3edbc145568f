"""The editor's commands, run as an editor would (the Makefile and `python -m faktabank`) in a scratch copy of the
project: `new` writes a skeleton that validates, `check --file` prints only that file's problems and its
Datakvalitet findings, `id` suggests ids and finds people and organisations by name, alias and abbreviation, and
`check` does not call data valid without listing the findings."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import make_project, run_build
from faktabank.derive.reconcile import reconcile, text_findings
from faktabank.editor.carryover import carry_table
from faktabank.editor.checkfile import PLACEHOLDER
from faktabank.editor.ids import similarity, suggest
from faktabank.editor.schemaline import schema_line
from faktabank.load.loader import Options, build

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "hooks")}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A scratch copy: data/, the Makefile, hooks/ and the shared virtualenv (so `make` installs nothing)."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    for name in ("Makefile", "requirements.txt", "requirements-test.txt", "pyproject.toml"):
        shutil.copy2(ROOT / name, tmp_path / name)  # copy2: the venv's stamp files stay newer than the requirements
    (tmp_path / ".venv").symlink_to((ROOT / ".venv").resolve())
    (tmp_path / "hooks").symlink_to(ROOT / "hooks")
    return tmp_path


def faktabank(project: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "faktabank", *args], cwd=project, capture_output=True, text=True,
                          env={**ENV, **(env or {})}, check=False)


def make(project: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "-s", *args], cwd=project, capture_output=True, text=True,
                          env={**ENV, **(env or {})}, check=False)


def _table(report: dict, table_id: str) -> dict:
    return next(t for t in report["tabeller"] if t["id"] == table_id)


# ---------------------------------------------------------------- make new


def test_new_writes_a_skeleton_that_validates_with_last_years_figures(project: Path) -> None:
    made = make(project, "new", "FORBUND=vasterbergslagen", "AR=2024")
    assert made.returncode == 0, made.stderr
    target = project / "data" / "rapporter" / "vasterbergslagen-2024.yaml"
    text = target.read_text(encoding="utf-8")
    assert text.splitlines()[0] == schema_line("data/rapporter/vasterbergslagen-2024.yaml", "rapport")
    assert "# styrelse: Styrelsen:" in text  # comments from the schema's descriptions
    assert "ordforande, vice-ordforande, ledamot" in text  # allowed values from the schema
    checked = make(project, "check", env={"FAKTABANK_EDITION": "internal"})
    assert checked.returncode == 0, checked.stderr
    assert "7 rapporter" in checked.stdout or "6 rapporter" in checked.stdout

    new = yaml.safe_load(text)
    old = yaml.safe_load((project / "data" / "rapporter" / "vasterbergslagen-2023.yaml").read_text(encoding="utf-8"))
    assert new["status"] == "utkast" and new["period"] == {"fran": "2024-01-01", "till": "2024-12-31"}
    assert new["medlemmar"]["parter"] == old["medlemmar"]["parter"]
    # last year's figures sit in the previous-year column; this year's column is empty
    rr_new, rr_old = _table(new, "resultatrakning"), _table(old, "resultatrakning")
    assert [c["ar"] for c in rr_new["kolumner"]] == [2024, 2023]
    assert [r["text"] for r in rr_new["rader"]] == [r["text"] for r in rr_old["rader"]]
    for row_new, row_old in zip(rr_new["rader"], rr_old["rader"], strict=True):
        assert row_new["varden"] == [None, row_old["varden"][0]]
    overview = _table(new, "oversikt")
    old_overview = _table(old, "oversikt")
    assert [c["ar"] for c in overview["kolumner"]] == [2024, 2023, 2022, 2021, 2020]
    assert overview["rader"][0]["varden"] == [None, *old_overview["rader"][0]["varden"][:4]]
    # the board as it stood at the end of 2023: the member replaced on 2023-03-01 is not carried over
    af = next(m for m in new["styrelse"]["mandat"] if m["utsedd_av"] == "arbetsformedlingen")
    assert [p["person"] for p in af["ordinarie"]] == ["maria-andersson"]
    assert all("fran" not in p and "till" not in p for m in new["styrelse"]["mandat"] for p in m["ordinarie"])
    assert new["insatser"] and all(i["avsnitt"].startswith(PLACEHOLDER) for i in new["insatser"])


def test_new_never_overwrites(project: Path) -> None:
    target = project / "data" / "rapporter" / "vasteras-2021.yaml"
    before = target.read_bytes()
    made = faktabank(project, "new", "--forbund", "vasteras", "--ar", "2021")
    assert made.returncode == 1
    assert "data/rapporter/vasteras-2021.yaml: (dokument): filen finns redan" in made.stderr
    assert target.read_bytes() == before


def test_new_without_a_previous_report_is_minimal_and_valid(project: Path) -> None:
    made = faktabank(project, "new", "--forbund", "vasteras", "--ar", "2019")
    assert made.returncode == 0, made.stderr
    data = yaml.safe_load((project / "data" / "rapporter" / "vasteras-2019.yaml").read_text(encoding="utf-8"))
    assert data["tabeller"] == [] and "styrelse" not in data and data["status"] == "utkast"
    checked = faktabank(project, "check", "--file", "data/rapporter/vasteras-2019.yaml")
    assert checked.returncode == 0, checked.stderr
    assert "är giltig" in checked.stdout


def test_new_refuses_an_unknown_forbund(project: Path) -> None:
    made = faktabank(project, "new", "--forbund", "finns-inte", "--ar", "2024")
    assert made.returncode == 1 and "förbundet 'finns-inte' finns inte" in made.stderr
    assert not list((project / "data" / "rapporter").glob("finns-inte-*"))


# ---------------------------------------------------------------- make check FILE=


def test_check_file_prints_only_that_files_problems(project: Path) -> None:
    reports = project / "data" / "rapporter"
    for forbund, year, person in (("vasteras", "2022", "sune-saknad"), ("norra-vastmanland", "2015", "stina-saknad")):
        assert faktabank(project, "new", "--forbund", forbund, "--ar", year).returncode == 0
        file = reports / f"{forbund}-{year}.yaml"  # the first person named becomes one who is not in data/personer.yaml
        text = re.sub(r"(?m)^([^#\n]*)person: [a-z-]+", rf"\1person: {person}", file.read_text(encoding="utf-8"), count=1)
        file.write_text(text, encoding="utf-8")
    checked = make(project, "check", "FILE=data/rapporter/vasteras-2022.yaml")
    assert checked.returncode != 0
    assert "data/rapporter/vasteras-2022.yaml:" in checked.stderr and "sune-saknad" in checked.stderr
    assert "norra-vastmanland" not in checked.stderr + checked.stdout
    # an untouched file checks clean although other reports are broken, and gets its own Datakvalitet findings
    ok = faktabank(project, "check", "--file", "data/rapporter/vasterbergslagen-2023.yaml")
    assert ok.returncode == 0, ok.stderr
    assert "vasterbergslagen-2023.yaml är giltig" in ok.stdout
    model = build(ROOT, Options(edition="internal"))
    expected = [f for f in reconcile(model) if f.report == "vasterbergslagen-2023"]
    names = [f for f in text_findings(model) if f.report == "vasterbergslagen-2023"]
    assert expected and names, "the test needs a report with findings in figures and in names"
    warnings = [line for line in ok.stdout.splitlines() if line.startswith("varning:")]
    assert len(warnings) == len(expected) + len(names)
    assert f"{len(names)} skillnader i namn och roller för Datakvalitet" in ok.stdout
    assert all(line.startswith("varning: data/rapporter/vasterbergslagen-2023.yaml:") for line in warnings)
    assert f"{len(expected)} avvikelser för Datakvalitet" in ok.stdout
    # the whole check still fails on them
    assert make(project, "check", env={"FAKTABANK_EDITION": "internal"}).returncode != 0


def test_check_file_when_a_file_it_is_read_with_is_broken(project: Path) -> None:
    """vasteras-2021 is read with every report (data/forbund/vasteras.yaml names it as its source)."""
    file = project / "data" / "rapporter" / "vasteras-2021.yaml"
    file.write_text(re.sub(r"(?m)^([^#\n]*)person: [a-z-]+", r"\1person: sune-saknad", file.read_text(encoding="utf-8"), count=1),
                    encoding="utf-8")
    crossref = faktabank(project, "check", "--file", "data/rapporter/vasterbergslagen-2023.yaml")
    assert crossref.returncode == 0, crossref.stderr
    assert "är giltig" in crossref.stdout and "Datakvalitet kunde inte kontrolleras: 1 fel i andra filer" in crossref.stdout
    file.write_text("id: [\n", encoding="utf-8")
    unread = faktabank(project, "check", "--file", "data/rapporter/vasterbergslagen-2023.yaml")
    assert unread.returncode == 1
    assert "kunde inte kontrolleras färdigt: 1 fel i andra filer" in unread.stderr
    assert "vasteras-2021.yaml:" not in unread.stderr


def test_check_file_reports_a_schema_error_with_its_line(project: Path) -> None:
    file = project / "data" / "personer.yaml"
    file.write_text(file.read_text(encoding="utf-8").replace("  namn: Anders Rydell", "  namn: Anders Rydell\n  titel: x"),
                    encoding="utf-8")
    checked = faktabank(project, "check", "--file", "data/personer.yaml")
    assert checked.returncode == 1
    assert "data/personer.yaml:7: personer[0].titel: okänt fält titel" in checked.stderr


def test_check_file_lists_placeholders_left_by_new(project: Path) -> None:
    assert faktabank(project, "new", "--forbund", "vasterbergslagen", "--ar", "2024").returncode == 0
    checked = faktabank(project, "check", "--file", "data/rapporter/vasterbergslagen-2024.yaml")
    assert checked.returncode == 0, checked.stderr
    assert "styrelse.avsnitt: platshållaren" in checked.stdout


# ---------------------------------------------------------------- make check


def test_check_says_valid_but_lists_the_datakvalitet_findings() -> None:
    checked = faktabank(ROOT, "check")
    assert checked.returncode == 0, checked.stderr
    model = build(ROOT)
    findings, names = reconcile(model), text_findings(model)
    assert findings and names
    assert "data/ är giltig" in checked.stdout
    assert f"men siffrorna stämmer inte överallt: {len(findings)} avvikelser för Datakvalitet" in checked.stdout
    assert f"och {len(names)} skillnader i namn och roller för Datakvalitet" in checked.stdout
    assert sum(line.startswith("varning:") and ": Datakvalitet, " in line for line in checked.stdout.splitlines()) \
        == len(findings) + len(names)


# ---------------------------------------------------------------- make id


def test_id_finds_a_known_alias_and_an_abbreviation(project: Path) -> None:
    found = make(project, "id", "NAMN=Ann-Louise Mohlin Östling")
    assert found.returncode == 0, found.stderr
    assert "ann-louise-molin-ostling  Ann-Louise Molin-Östling" in found.stdout
    assert "data/personer.yaml:" in found.stdout
    abbreviation = faktabank(project, "id", "AF")
    assert "arbetsformedlingen  Arbetsförmedlingen (som 'AF')" in abbreviation.stdout
    variant = faktabank(project, "id", "Per Matsson")  # one letter off the alias "Per Mattsson"
    assert "par-mattsson" in variant.stdout


def test_id_suggests_by_the_conventions(project: Path) -> None:
    assert suggest("Britt-Marie Pettersson") == "britt-marie-pettersson"
    assert suggest("KPMG AB") == "kpmg"
    assert suggest("Ludvika kommun") == "ludvika-kommun"
    assert suggest("Åsa Öberg-Éklund") == "asa-oberg-eklund"
    new = faktabank(project, "id", "Zebulon Qvarnström")
    assert "Förslag till id: zebulon-qvarnstrom" in new.stdout and "Inga liknande namn" in new.stdout
    insats = make(project, "id", "NAMN=301", "FORBUND=vasterbergslagen")
    assert "Förslag till id: vasterbergslagen-301" in insats.stdout and "id:t finns redan (insats i" in insats.stdout
    assert "Rehabkonsulentteamet (som '301')" in insats.stdout
    assert similarity("Andersson Anna", "Anna Andersson") == 1.0
    assert similarity("Region Dalarna", "Ludvika kommun") < 0.7


# ---------------------------------------------------------------- the example in docs/redaktorer.md


def _example_blocks() -> list[str]:
    text = (ROOT / "docs" / "redaktorer.md").read_text(encoding="utf-8")
    section = text.split("## Ett litet komplett exempel", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```yaml\n(.*?)```", section, flags=re.S)


def test_the_complete_example_in_the_editors_guide_validates(project: Path) -> None:
    people, forbund, report = _example_blocks()
    with (project / "data" / "personer.yaml").open("a", encoding="utf-8") as handle:
        handle.write(people)
    (project / "data" / "forbund" / "exempelforbundet.yaml").write_text(forbund, encoding="utf-8")
    (project / "data" / "rapporter" / "exempelforbundet-2030.yaml").write_text(report, encoding="utf-8")
    checked = make(project, "check", "FILE=data/rapporter/exempelforbundet-2030.yaml")
    assert checked.returncode == 0, checked.stderr
    assert "exempelforbundet-2030.yaml är giltig" in checked.stdout and "varning" not in checked.stdout
    whole = make(project, "check", env={"FAKTABANK_EDITION": "internal"})
    assert whole.returncode == 0, whole.stderr


def test_carry_table_moves_the_years_and_nothing_else() -> None:
    table = {"id": "not-2", "typ": "not", "not": 2, "rubrik": "Not 2 enligt lag (2018:597), 2023", "avsnitt": "6",
             "enhet": "kr", "kommentar": "om förra året",
             "kolumner": [{"id": "utfall-2023", "rubrik": "2023", "ar": 2023},
                          {"id": "utfall-2022", "rubrik": "2022", "ar": 2022},
                          {"id": "dag-2023", "rubrik": "2023-12-31", "datum": "2023-12-31"},
                          {"id": "dag-2022", "rubrik": "2022-12-31", "datum": "2022-12-31"},
                          {"id": "budget-2023", "rubrik": "Budget 2023", "ar": 2023, "slag": "budget"}],
             "rader": [{"text": "Rubrik", "slag": "rubrik"},
                       {"text": "Summa", "slag": "summa", "varden": [5, 4, 50, 40, 6]}]}
    out = carry_table(table, 1)
    assert out is not None
    assert out["id"] == "not-2" and out["rubrik"] == "Not 2 enligt lag (2018:597), 2024" and "kommentar" not in out
    assert [(c["id"], c.get("ar"), c.get("datum")) for c in out["kolumner"]] == [
        ("utfall-2024", 2024, None), ("utfall-2023", 2023, None), ("dag-2024", None, "2024-12-31"),
        ("dag-2023", None, "2023-12-31"), ("budget-2024", 2024, None)]
    # last year's outcome moves to last year's column; a budget is never carried over
    assert out["rader"] == [{"text": "Rubrik", "slag": "rubrik"},
                            {"text": "Summa", "slag": "summa", "varden": [None, 5, None, 50, None]}]
    assert out["avsnitt"].startswith(PLACEHOLDER)


def test_the_skeleton_builds_in_the_internal_edition(project: Path, tmp_path: Path) -> None:
    """The draft `make new` writes is a page of the internal edition, with last year's figures on it."""
    assert faktabank(project, "new", "--forbund", "vasterbergslagen", "--ar", "2024").returncode == 0
    (tmp_path / "build").mkdir()
    built = make_project(tmp_path / "build", project / "data")
    site = tmp_path / "site-internal"  # the internal edition is never written to a folder named site/
    result = run_build(built, site, {"FAKTABANK_EDITION": "internal"})
    assert result.returncode == 0, result.stderr[-3000:]
    page = (site / "rapporter" / "vasterbergslagen-2024" / "index.html").read_text(encoding="utf-8")
    assert "Utkast – inte godkänd" in page
    assert "4\u00a0507\u00a0988" in page  # 2023's income, carried into the 2023 column of the 2024 draft


def test_new_passes_over_a_previous_report_with_schema_errors(project: Path) -> None:
    broken = project / "data" / "rapporter" / "vasterbergslagen-2023.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("status: godkand", "status: klar", 1), encoding="utf-8")
    made = faktabank(project, "new", "--forbund", "vasterbergslagen", "--ar", "2024")
    assert made.returncode == 0, made.stderr
    assert "förifylld från data/rapporter/vasterbergslagen-2020.yaml" in made.stdout
    new = yaml.safe_load((project / "data" / "rapporter" / "vasterbergslagen-2024.yaml").read_text(encoding="utf-8"))
    rr = _table(new, "resultatrakning")
    assert [c["ar"] for c in rr["kolumner"]] == [2024, 2023]  # 2020's columns moved on four years
    assert all(v is None for row in rr["rader"] for v in row.get("varden", []))  # 2020 printed no 2023 figures
