"""Shared fixtures: the repository, the source reports, full builds into temporary folders."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = Path(os.environ.get("FAKTABANK_SOURCES", ROOT.parent / "shared" / "sources"))
MINIMAL = Path(__file__).parent / "fixtures" / "minimal"
MKDOCS = [sys.executable, "-m", "mkdocs"]


def run_build(project: Path, site: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of a project into site (never with -q: it would hide strict failures)."""
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run([*MKDOCS, "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
                          cwd=project, capture_output=True, text=True, env=full_env, check=False)


def make_project(tmp: Path, data: Path) -> Path:
    """A throw-away project: the repository's config, docs and hooks, with the given data/."""
    project = tmp / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", project / "docs")
    (project / "hooks").symlink_to(ROOT / "hooks")
    (project / "overrides").symlink_to(ROOT / "overrides")
    shutil.copytree(data, project / "data")
    return project


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real repository built once per test session."""
    site = tmp_path_factory.mktemp("site") / "site"
    result = run_build(ROOT, site)
    assert result.returncode == 0, result.stderr[-5000:]
    return site


@pytest.fixture
def minimal_project(tmp_path: Path) -> Path:
    """A copy of the small valid fixture project, safe to break."""
    return make_project(tmp_path, MINIMAL / "data")


def source_text(name: str) -> str:
    path = SOURCES / name
    if not path.exists():
        pytest.fail(f"source report missing: {path} (shared/sources must sit beside the repository)")
    return path.read_text(encoding="utf-8")
