"""Bad data stops the build with `data/<file>.yaml:<line>: <field>: <what was expected>`."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from conftest import run_build
from faktabank.load.errors import DataError
from faktabank.load.loader import build

REPORT = "data/rapporter/exempel-2020.yaml"


def line_of(text: str, needle: str) -> int:
    index = text.index(needle)
    return text[:index].count("\n") + 1


def edit(project: Path, rel: str, old: str, new: str) -> str:
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {rel}"
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return text


def problems(project: Path) -> list[str]:
    with pytest.raises(DataError) as info:
        build(project)
    return [str(p) for p in info.value.problems]


def assert_problem(found: list[str], file: str, line: int | None, field: str, expected: str) -> None:
    where = f"{file}:{line}" if line else file
    prefix = re.escape(where) + ": " + field + ": "
    hits = [p for p in found if re.match(prefix, p) and re.search(expected, re.sub(prefix, "", p, count=1))]
    assert hits, f"expected {prefix}…{expected}… in:\n" + "\n".join(found)


def test_valid_fixture_builds(minimal_project: Path) -> None:
    model = build(minimal_project)
    assert list(model.reports) == ["exempel-2020"]


def test_syntax_error(minimal_project: Path) -> None:
    text = edit(minimal_project, REPORT, "  parter: [arbetsformedlingen, exempelby-kommun]",
                "  parter: [arbetsformedlingen, exempelby-kommun\n  x: 1")
    found = problems(minimal_project)
    assert len(found) == 1
    assert found[0].startswith(f"{REPORT}:{line_of(text, '  x: 1')}: (dokument): YAML-syntaxfel")


def test_wrong_type(minimal_project: Path) -> None:
    text = edit(minimal_project, REPORT, "andel_procent: 50", "andel_procent: femtio")
    assert_problem(problems(minimal_project), REPORT, line_of(text, "andel_procent: femtio"),
                   r"medlemmar\.finansiering\[0\]\.andel_procent", "tal förväntades, fick 'femtio'")


def test_missing_required_field(minimal_project: Path) -> None:
    edit(minimal_project, REPORT, "status: godkand\n", "")
    assert_problem(problems(minimal_project), REPORT, 1, "status", "obligatoriskt fält 'status' saknas")


def test_unknown_field(minimal_project: Path) -> None:
    rel = "data/organisationer.yaml"
    text = edit(minimal_project, rel, "    forkortningar: [AF]", "    forkortningar: [AF]\n    hemsida: af.se")
    assert_problem(problems(minimal_project), rel, line_of(text, "hemsida"), r"organisationer\[0\]\.hemsida",
                   "okänt fält hemsida; tillåtna fält: .*webb")


def test_dangling_reference(minimal_project: Path) -> None:
    text = edit(minimal_project, REPORT, "person: anna-exempel", "person: anna-exempell")
    assert_problem(problems(minimal_project), REPORT, line_of(text, "anna-exempell"),
                   r"styrelse\.mandat\[0\]\.ordinarie\[0\]\.person", "person 'anna-exempell' finns inte")


def test_dangling_insats(minimal_project: Path) -> None:
    text = edit(minimal_project, REPORT, "  - insats: exempel-301", "  - insats: exempel-302")
    assert_problem(problems(minimal_project), REPORT, line_of(text, "exempel-302"), r"insatser\[0\]\.insats",
                   "insats 'exempel-302' finns inte")


def test_duplicate_id(minimal_project: Path) -> None:
    rel = "data/personer.yaml"
    text = edit(minimal_project, rel, "  - id: bo-prov", "  - id: anna-exempel")
    assert_problem(problems(minimal_project), rel, line_of(text, "  - id: anna-exempel\n    namn: Bo"),
                   r"personer\[1\]\.id", "personen 'anna-exempel' finns redan .*id måste vara unika")


def test_amount_in_wrong_unit(minimal_project: Path) -> None:
    # 4512 is the overview's tkr figure typed into the resultaträkning, whose unit is kr.
    text = edit(minimal_project, REPORT, "varden: [4511722, 4543247]", "varden: [4512, 4543247]")
    assert_problem(problems(minimal_project), REPORT, line_of(text, "varden: [4512, 4543247]"),
                   r"tabeller\[1\]\.rader\[0\]\.varden\[0\]", "fel enhet")


def test_amount_written_as_text(minimal_project: Path) -> None:
    text = edit(minimal_project, REPORT, "varden: [2253000]", 'varden: ["2.253.000"]')
    assert_problem(problems(minimal_project), REPORT, line_of(text, '"2.253.000"'),
                   r"tabeller\[2\]\.rader\[0\]\.varden\[0\]", "belopp i kr ska vara ett heltal, fick texten")


def test_amount_with_decimals(minimal_project: Path) -> None:
    text = edit(minimal_project, REPORT, "varden: [-58818, -51703]", "varden: [-58.818, -51703]")
    assert_problem(problems(minimal_project), REPORT, line_of(text, "-58.818"),
                   r"tabeller\[1\]\.rader\[1\]\.varden\[0\]", "belopp i kr ska vara ett heltal")


def test_unknown_unit(minimal_project: Path) -> None:
    text = edit(minimal_project, REPORT, "    enhet: tkr\n    kolumner", "    enhet: SEK\n    kolumner")
    assert_problem(problems(minimal_project), REPORT, line_of(text, "enhet: SEK"), r"tabeller\[0\]\.enhet",
                   "ett av kr, tkr, kkr")


def test_date_outside_period(minimal_project: Path) -> None:
    text = edit(minimal_project, REPORT, "fran: 2020-09-01", "fran: 2021-02-01")
    assert_problem(problems(minimal_project), REPORT, line_of(text, "fran: 2021-02-01"),
                   r"styrelse\.mandat\[0\]\.ersattare\[0\]\.fran",
                   "datum inom rapportens period 2020-01-01 – 2020-12-31 förväntades, fick 2021-02-01")


def test_malformed_date(minimal_project: Path) -> None:
    text = edit(minimal_project, REPORT, "fran: 2020-09-01", "fran: 200901")
    assert_problem(problems(minimal_project), REPORT, line_of(text, "fran: 200901"),
                   r"styrelse\.mandat\[0\]\.ersattare\[0\]\.fran", "")


def test_empty_file(minimal_project: Path) -> None:
    (minimal_project / "data/personer.yaml").write_text("\n  \n", encoding="utf-8")
    assert_problem(problems(minimal_project), "data/personer.yaml", 1, r"\(dokument\)", "filen är tom")


def test_not_utf8(minimal_project: Path) -> None:
    path = minimal_project / "data/personer.yaml"
    path.write_bytes(path.read_text(encoding="utf-8").replace("Anna", "Åsa").encode("latin-1"))
    assert_problem(problems(minimal_project), "data/personer.yaml", 3, r"\(dokument\)", "UTF-8")


def test_python_tag_is_never_executed(minimal_project: Path, tmp_path: Path) -> None:
    marker = tmp_path / "executed"
    edit(minimal_project, "data/personer.yaml", "    namn: Anna Exempel",
         f"    namn: !!python/object/apply:os.system ['touch {marker}']")
    assert_problem(problems(minimal_project), "data/personer.yaml", 3, r"personer\[0\]\.namn", "otillåten YAML-tagg")
    assert not marker.exists()


def test_duplicate_key(minimal_project: Path) -> None:
    text = edit(minimal_project, REPORT, "status: godkand", "status: godkand\nstatus: utkast")
    assert_problem(problems(minimal_project), REPORT, line_of(text, "status: utkast"), "status",
                   "förekommer två gånger")


def test_file_in_unknown_place(minimal_project: Path) -> None:
    (minimal_project / "data/extra.yaml").write_text("a: 1\n", encoding="utf-8")
    assert_problem(problems(minimal_project), "data/extra.yaml", None, r"\(dokument\)", "okänd placering")


def test_every_problem_is_reported_at_once(minimal_project: Path) -> None:
    edit(minimal_project, REPORT, "andel_procent: 50", "andel_procent: femtio")
    edit(minimal_project, "data/organisationer.yaml", "typ: kommun", "typ: stad")
    found = problems(minimal_project)
    assert any(p.startswith(REPORT) and "femtio" in p for p in found)
    assert any(p.startswith("data/organisationer.yaml") and "stad" in p for p in found)


def _digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_mkdocs_build_stops_and_writes_nothing(minimal_project: Path) -> None:
    text = edit(minimal_project, REPORT, "person: anna-exempel", "person: anna-exempell")
    site = minimal_project / "site"
    before = _digest(minimal_project / "data")
    result = run_build(minimal_project, site)
    assert result.returncode != 0
    line = line_of(text, "anna-exempell")
    assert f"{REPORT}:{line}: styrelse.mandat[0].ordinarie[0].person: person 'anna-exempell' finns inte" in result.stderr
    assert not site.exists()
    assert _digest(minimal_project / "data") == before


def test_failed_build_leaves_previous_site_untouched(minimal_project: Path) -> None:
    site = minimal_project / "site"
    assert run_build(minimal_project, site).returncode == 0
    published = _digest(site)
    edit(minimal_project, "data/personer.yaml", "personer:", "personer:\n  - id: x\n    namn: [")
    assert run_build(minimal_project, site).returncode != 0
    assert _digest(site) == published


def test_successful_build_does_not_change_data(minimal_project: Path) -> None:
    before = _digest(minimal_project / "data")
    assert run_build(minimal_project, minimal_project / "site").returncode == 0
    assert _digest(minimal_project / "data") == before
