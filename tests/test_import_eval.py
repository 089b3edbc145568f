"""`make import-eval` at full size (the five sources take a few seconds): the targets of issue 15 hold, and the
measure itself counts what it should (a wrong figure is a miss and a false find, a missing one only a miss)."""

from __future__ import annotations

import copy
import shutil
from collections import Counter
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, SOURCES
from faktabank.importer.evaluate import MARK_END, MARK_START, evaluate, names, score, table_values, write_docs


@pytest.fixture(scope="module")
def result() -> dict:
    return evaluate(ROOT, SOURCES)


def test_every_curated_source_report_is_measured(result: dict) -> None:
    assert {r["rapport"] for r in result["rapporter"]} == {
        "norra-vastmanland-2014", "vasteras-2021", "vasterbergslagen-2020", "vasterbergslagen-2023",
        "vastra-malardalen-2019-delar"}
    assert all(r["tabeller"]["kurerade"] > 100 for r in result["rapporter"])


def test_the_targets_are_met(result: dict) -> None:
    tables, people = result["totalt"]["tabeller"], result["totalt"]["namn"]
    assert tables["recall"] >= 0.95, tables
    assert tables["precision"] >= 0.99, tables
    assert people["recall"] >= 0.95 and people["precision"] >= 0.95, people
    assert result["uppfyllt"] == {"tabeller": True, "namn": True}


def test_the_measure_counts_misses_and_false_finds() -> None:
    curated = yaml.safe_load((ROOT / "data" / "rapporter" / "vasterbergslagen-2023.yaml").read_text())
    draft = copy.deepcopy(curated)
    table = next(t for t in draft["tabeller"] if t["typ"] == "resultatrakning")
    table["rader"][0]["varden"][0] += 1  # one wrong figure
    table["rader"][1]["varden"][0] = None  # one missing figure
    s = score(table_values(curated), table_values(draft))
    assert (s["kurerade"] - s["traffar"], s["utkast"] - s["traffar"]) == (2, 1)
    draft["undertecknare"]["poster"][0]["titel"] = "Ledamot"
    persons = {p["id"]: p["namn"] for p in yaml.safe_load((ROOT / "data" / "personer.yaml").read_text())["personer"]}
    assert score(names(curated, persons), names(draft, persons))["traffar"] == sum(names(curated, persons).values()) - 1
    assert score(Counter(), Counter())["recall"] is None


def test_the_docs_page_shows_the_result(result: dict, tmp_path: Path) -> None:
    page = tmp_path / "import.md"
    shutil.copy(ROOT / "docs" / "import.md", page)
    write_docs(page, result)
    text = page.read_text()
    assert text.count(MARK_START) == 1 and text.count(MARK_END) == 1
    assert "| **Totalt** |" in text and "vasterbergslagen-arsredovisning-2023.txt" in text
    assert "Målen: tabeller: uppfyllt, namn: uppfyllt." in text
