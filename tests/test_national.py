"""The synthetic national dataset (scripts/generate_national.py) and the build benchmark (scripts/bench.py), at a small size."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_accessible_markup import region_problems

from conftest import ROOT, make_project, run_build
from faktabank.derive import reconcile
from faktabank.load.loader import build

sys.path.insert(0, str(ROOT / "scripts"))

from generate_national import generate

BENCH_KEYS = ("pages", "wall_s", "peak_rss_mb", "avg_page_kb", "search_index_mb", "floor_wall_s", "ratio_per_page",
              "small_pages", "small_wall_s", "stock_wall_s", "stock_cpu_s", "stock_ratio", "single_wall_s")


def files_of(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8") for p in sorted(root.rglob("*.yaml"))}


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    out = tmp_path_factory.mktemp("national")
    return out, generate(out, seed=3, forbund=3, years=3)


def test_generated_dataset_validates_and_reconciles(national: tuple[Path, dict[str, int]]) -> None:
    out, counts = national
    model = build(out)
    assert len(model.forbund) == counts["forbund"] == 3
    assert len(model.reports) == counts["rapporter"] == 9
    assert len(model.insatser) == counts["insatser"] > 9
    # boards change over time and people hold several roles (board, audit, staff, signatures)
    reports = sorted(model.reports.values(), key=lambda r: r.id)
    boards = [{u["person"] for m in r.data["styrelse"]["mandat"] for u in m["ordinarie"]} for r in reports]
    assert len(set(map(frozenset, boards))) > 3
    signed = {p["person"] for r in reports for p in r.data["undertecknare"]["poster"]}
    assert signed & set().union(*boards)
    # insatser last several years: the same insats in more than one report
    years_of: dict[str, set[int]] = {}
    for r in reports:
        for s in r.data["insatser"]:
            years_of.setdefault(s["insats"], set()).add(r.year)
    assert max(len(v) for v in years_of.values()) >= 2
    # the statements add up: the Datakvalitet checks (sums, results, equity, cash, members' contributions) find nothing
    assert list(reconcile.reconcile(model)) == []


def test_generation_is_deterministic(national: tuple[Path, dict[str, int]], tmp_path: Path) -> None:
    out, _ = national
    generate(tmp_path / "again", seed=3, forbund=3, years=3)
    generate(tmp_path / "other", seed=4, forbund=3, years=3)
    assert files_of(tmp_path / "again") == files_of(out)
    assert files_of(tmp_path / "other") != files_of(out)


def test_generated_dataset_builds(national: tuple[Path, dict[str, int]], tmp_path: Path) -> None:
    out, counts = national
    project = make_project(tmp_path, out / "data")
    site = tmp_path / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stderr[-5000:]
    report_pages = [p for p in (site / "rapporter").glob("*/index.html")]
    assert len(report_pages) == counts["rapporter"]
    page = report_pages[0].read_text(encoding="utf-8")
    assert "Resultaträkning" in page and "Balansräkning" in page and "Kassaflödesanalys" in page
    problems, count = region_problems(site)  # the templates keep region names unique on national data too
    assert count > 100 and not problems, "\n".join(problems[:40])


def test_benchmark_prints_table_and_writes_results(tmp_path: Path) -> None:
    results = tmp_path / "bench.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "hooks"), "NO_MKDOCS_2_WARNING": "1"}
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "bench.py"), "--forbund", "2", "--years", "2",
                          "--small-forbund", "1", "--json", str(results), "--quiet", "--no-pages"],
                         cwd=tmp_path, capture_output=True, text=True, env=env, check=False, timeout=600)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert "| Mått | Värde | Mål | Uppfyllt |" in run.stdout
    for label in ("Byggtid, nationellt", "Tid per sida mot golvet", "Sökindex, nationellt", "Byggtid, de riktiga data",
                  "make serve: ändring i data/ till ny sida"):
        assert label in run.stdout
    data = json.loads(results.read_text(encoding="utf-8"))
    for key in BENCH_KEYS:
        assert isinstance(data[key], (int, float)) and data[key] > 0, key
    assert data["floor_pages"] == data["pages"]  # the floor builds exactly as many pages
    assert data["small_pages"] < data["pages"]
    assert data["serve_rebuild_s"] > 0 and data["real_pages"] > 0
    assert data["serve_forbund_rebuild_s"] > 0 and data["serve_forbund"]  # make serve FORBUND= on the generated set
    assert set(data["targets"]) >= {"wall_s", "ratio_per_page", "search_index_mb", "serve_rebuild_s", "processes_saving"}
    # what the speed layer's processes save: the build without them less the build with them, of the plain build
    saved = 100 * (data["single_wall_s"] - data["wall_s"]) / data["stock_wall_s"]
    assert abs(data["processes_saving"] - saved) < 0.1
    assert not (tmp_path / "bench-results.json").exists()  # --json decides where the results go


def test_a_comparison_page_looks_up_the_rows_of_its_own_forbund(national: tuple[Path, dict[str, int]]) -> None:
    """What a year or group page of part of the country asks the comparison for (Comparison.insats_years_of,
    labels of some förbund, the years) is what filtering the country's rows gives, in the same order."""
    from faktabank.derive import compare

    out, _ = national
    cmp = compare.of(build(out))
    assert len(cmp.forbund) == 3 and cmp.insats_years
    assert cmp.years() == sorted({y for _f, y, _m in cmp.cells})
    for some in (cmp.forbund, cmp.forbund[:1], cmp.forbund[1:], ()):
        assert cmp.insats_years_of(some) == [iy for iy in cmp.insats_years if iy.forbund in some]
        for year in [*cmp.years(), 1900]:
            assert cmp.insats_years_of(some, year) == [iy for iy in cmp.insats_years
                                                       if iy.year == year and iy.forbund in some]
        for metric in compare.METRIC:
            assert cmp.labels(metric, some) == [x for x in cmp.labels(metric) if x[0] in some]
    assert any(cmp.insats_years_of(cmp.forbund[:1], y) for y in cmp.years())
