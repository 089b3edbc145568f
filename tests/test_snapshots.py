"""Yearly snapshots with mike, frozen and reproducible.

The snapshot tests run scripts/snapshots.py in a throw-away copy of the work tree made into its
own git repository (mike commits to that repository's gh-pages; never to this one): first only
läge 2020 with the 2023 report held back, then, with the 2023 report added and committed, every
year. Läge 2020 must come out byte for byte the same and hold nothing of the later reports.
"""

from __future__ import annotations

import gzip
import html
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml
from test_site import _target

from conftest import ROOT
from faktabank.load.errors import DataError
from faktabank.load.loader import Options, build
from faktabank.load.options import from_environment
from htmlpage import read_page

LATER = "data/rapporter/vasterbergslagen-2023.yaml"
YEAR = 2020
COPY_IGNORE = shutil.ignore_patterns(".git", ".venv", "site", "site-internal", "__pycache__", ".pytest_cache",
                                     ".ruff_cache", ".mkdocs-snapshot.yml", "mike-mkdocs*.yml")
SECTIONS = {"persons": "personer", "organisations": "organisationer", "insatser": "insatser", "forbund": "forbund",
            "reports": "rapporter"}


def clean_env(**extra: str) -> dict[str, str]:
    """The environment without build switches, with git isolated from the user's configuration."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("FAKTABANK_", "MIKE_", "GIT_")) and k != "SOURCE_DATE_EPOCH"}
    env.update(NO_MKDOCS_2_WARNING="1", GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1", **extra)
    return env


def git(repo: Path, *args: str, binary: bool = False) -> str | bytes:
    identity = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@localhost",
                "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@localhost"}
    result = subprocess.run(["git", *args], cwd=repo, env=clean_env(**identity), capture_output=True,
                            text=not binary, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout


def snapshots(repo: Path, *args: str) -> None:
    result = subprocess.run([sys.executable, str(repo / "scripts" / "snapshots.py"), *args], cwd=repo,
                            env=clean_env(), capture_output=True, text=True, check=False)
    assert result.returncode == 0, (result.stdout + result.stderr)[-5000:]


def tree(repo: Path, path: str) -> dict[str, str]:
    """Every file under path on gh-pages and its blob id (equal ids: equal bytes)."""
    listing = git(repo, "ls-tree", "-r", "gh-pages", path)
    return {line.split("\t", 1)[1]: line.split()[2] for line in listing.splitlines()}


def extract(repo: Path, path: str, dest: Path) -> Path:
    data = git(repo, "archive", "--format=tar", "gh-pages", path, binary=True)
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        archive.extractall(dest, filter="data")
    return dest / path


@pytest.fixture(scope="module")
def branch(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """A repository whose gh-pages got läge 2020 before and after a 2023 report was added."""
    tmp = tmp_path_factory.mktemp("snapshots")
    repo = tmp / "repo"
    shutil.copytree(ROOT, repo, ignore=COPY_IGNORE, symlinks=True)
    held = tmp / "held.yaml"
    shutil.move(repo / LATER, held)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "data up to 2021")
    snapshots(repo, "--years", str(YEAR))
    before = tree(repo, str(YEAR))
    shutil.move(held, repo / LATER)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "the 2023 report")
    snapshots(repo)
    return {"repo": repo, "before": before, "after": tree(repo, str(YEAR)),
            "site": extract(repo, str(YEAR), tmp / "extracted")}


def test_one_version_per_reporting_year_newest_as_latest_and_default(branch: dict) -> None:
    repo = branch["repo"]
    years = sorted({r.year for r in build(repo).reports.values()}, reverse=True)
    assert years[0] == 2023 and YEAR in years
    versions = json.loads(git(repo, "show", "gh-pages:versions.json"))
    assert [v["version"] for v in versions] == [str(y) for y in years]
    assert {v["version"]: v["aliases"] for v in versions} == {str(y): (["latest"] if y == 2023 else []) for y in years}
    assert all(v["title"] == f"Läge {v['version']}" for v in versions)
    top = git(repo, "ls-tree", "gh-pages")
    assert re.search(r"^120000 blob \w+\tlatest$", top, re.M), top  # latest is an alias, not a copy
    assert git(repo, "show", "gh-pages:latest") == "2023"
    assert "latest/" in git(repo, "show", "gh-pages:index.html")  # the default version
    assert git(repo, "branch", "--list", "gh-pages").strip()
    assert git(repo, "status", "--porcelain") == ""  # mike wrote only to gh-pages, nothing in the work tree


def test_adding_a_later_report_changes_nothing_in_an_earlier_snapshot(branch: dict) -> None:
    before, after = branch["before"], branch["after"]
    assert len(before) > 100
    changed = sorted(p for p in before.keys() | after.keys() if before.get(p) != after.get(p))
    assert not changed, f"{len(changed)} files of läge {YEAR} changed: {changed[:20]}"
    later = tree(branch["repo"], "2023")
    assert len(later) > len(before)  # the later snapshot did get more


def test_every_page_of_the_snapshot_says_which_year(branch: dict) -> None:
    site = branch["site"]
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 100
    for page in pages:
        raw = page.read_text(encoding="utf-8")
        assert f"Faktabanken, läge {YEAR}." in raw, page
        assert "<title>" in raw and f"läge {YEAR}</title>" in raw.replace("\n", ""), page
    config = re.search(r'<script id="__config" type="application/json">(.*?)</script>',
                       (site / "index.html").read_text(encoding="utf-8"), re.S)
    assert config and json.loads(config.group(1))["version"]["provider"] == "mike"  # Material's version selector


def test_every_link_in_the_snapshot_stays_inside_it_and_resolves(branch: dict) -> None:
    """Pruned registries must not leave links to pages the snapshot does not have (MkDocs checks only Markdown links)."""
    site = branch["site"]
    pages = sorted(site.rglob("*.html"))
    ids = {file: read_page(file).ids for file in pages}
    broken = []
    for file in pages:
        for href in read_page(file).links:
            found = _target(site, file, href)
            if found is None:
                continue
            target, fragment = found
            if not target.exists():
                broken.append(f"{file.relative_to(site)}: {href}")
            elif fragment and target.suffix == ".html" and fragment not in ids.get(target, set()):
                broken.append(f"{file.relative_to(site)}: {href} (no #{fragment})")
    assert not broken, f"{len(broken)} broken links:\n" + "\n".join(broken[:40])


def test_mike_builds_the_public_snapshot_of_its_version(monkeypatch: pytest.MonkeyPatch) -> None:
    """`mike deploy 2021` alone builds läge 2021; it refuses the internal edition and a different FAKTABANK_UPTO."""
    for key in ("FAKTABANK_UPTO", "FAKTABANK_EDITION"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("MIKE_DOCS_VERSION", "2021")
    assert from_environment() == Options(edition="public", upto=2021)
    monkeypatch.setenv("FAKTABANK_UPTO", "2021")
    assert from_environment().upto == 2021
    monkeypatch.setenv("FAKTABANK_UPTO", "2020")
    with pytest.raises(DataError, match="stämmer inte med mike-versionen 2021"):
        from_environment()
    monkeypatch.delenv("FAKTABANK_UPTO")
    monkeypatch.setenv("FAKTABANK_EDITION", "internal")
    with pytest.raises(DataError, match="bara av den publika utgåvan"):
        from_environment()


def later_only(repo: Path) -> dict[str, dict]:
    """Entities that only reports after YEAR mention: kind → {id: name}."""
    full, snap = build(repo, Options()), build(repo, Options(upto=YEAR))
    found = {}
    for kind in SECTIONS:
        entities = getattr(full, kind)
        found[kind] = {k: getattr(v, "namn", k) for k, v in entities.items() if k not in getattr(snap, kind)}
    return found


def mappings_with(data: object, key: str) -> list[dict]:
    """Every mapping in parsed YAML that has `key`."""
    if isinstance(data, dict):
        return ([data] if key in data else []) + [m for v in data.values() for m in mappings_with(v, key)]
    if isinstance(data, list):
        return [m for v in data for m in mappings_with(v, key)]
    return []


def test_the_snapshot_has_no_trace_of_later_reports(branch: dict) -> None:
    repo, site = branch["repo"], branch["site"]
    gone = later_only(repo)
    assert set(gone["reports"]) == {"vasteras-2021", "vasterbergslagen-2023"}
    assert len(gone["persons"]) > 10 and gone["organisations"] and gone["insatser"] and gone["forbund"]
    texts = {}
    for file in sorted(site.rglob("*")):
        if file.suffix in (".html", ".json", ".xml", ".gz"):
            raw = gzip.decompress(file.read_bytes()) if file.suffix == ".gz" else file.read_bytes()
            text = raw.decode("utf-8")
            if file.suffix == ".json":
                text = json.dumps(json.loads(text), ensure_ascii=False)
            texts[file.relative_to(site).as_posix()] = text + "\n" + html.unescape(re.sub(r"<[^>]+>", "", text))
    traces = [f"page {SECTIONS[kind]}/{eid}/" for kind, entities in gone.items() for eid in entities
              if (site / SECTIONS[kind] / eid).exists()]
    glossary = yaml.safe_load((repo / "data" / "ordlista.yaml").read_text(encoding="utf-8"))
    terms = {entry["id"] for entry in mappings_with(glossary, "id")}  # the Ordlista is no report's: its ids may coincide
    ids = sorted({eid for entities in gone.values() for eid in entities} - terms, key=len, reverse=True)
    names = sorted({name for kind in ("persons", "reports") for name in gone[kind].values()}, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, ids)) + r")(?![\w-])|(" + "|".join(map(re.escape, names)) + ")")
    for where, text in texts.items():
        traces += [f"{where}: {hit.group(0)!r}" for hit in pattern.finditer(text)]
    assert not traces, "\n".join(traces[:40])


def test_the_snapshot_is_dated_by_its_reports_not_by_the_build(branch: dict) -> None:
    decided = []
    for file in (branch["repo"] / "data" / "rapporter").glob("*.yaml"):
        report = yaml.safe_load(file.read_text(encoding="utf-8"))
        if str(report["period"]["till"]) <= f"{YEAR}-12-31":
            decided.append(str(report.get("beslut", {}).get("datum", report["period"]["till"])))
    assert sitemap_date(branch["site"]) == max(decided)


def sitemap_date(site: Path) -> str:
    """The one date in a build's output: the sitemap's (lastmod, with a site_url) and the time in sitemap.xml.gz."""
    sitemap = (site / "sitemap.xml").read_bytes()
    with gzip.open(site / "sitemap.xml.gz") as packed:
        assert packed.read() == sitemap
    stamp = int.from_bytes((site / "sitemap.xml.gz").read_bytes()[4:8], "little")  # the gzip header's MTIME
    day = datetime.fromtimestamp(stamp, UTC).date().isoformat()
    assert set(re.findall(r"<lastmod>([^<]+)</lastmod>", sitemap.decode("utf-8"))) <= {day}
    return day


def start_build(site: Path, seed: str) -> subprocess.Popen:
    env = clean_env(SOURCE_DATE_EPOCH="1700000000", PYTHONHASHSEED=seed)
    return subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"),
                             "-d", str(site)], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)


def test_two_builds_of_the_same_commit_are_byte_identical(tmp_path: Path) -> None:
    """Different hash seeds, output folders and start times; SOURCE_DATE_EPOCH gives the one date."""
    first = start_build(tmp_path / "a", "1")
    time.sleep(1.1)  # a timestamp in the output would differ
    second = start_build(tmp_path / "b", "2")
    for run in (first, second):
        output, _ = run.communicate(timeout=300)
        assert run.returncode == 0, output[-5000:]
    a, b = tmp_path / "a", tmp_path / "b"
    files_a = sorted(p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file())
    assert files_a == files_b
    assert {"search/search_index.json", "sitemap.xml", "sitemap.xml.gz"} <= set(files_a)
    differ = [f for f in files_a if (a / f).read_bytes() != (b / f).read_bytes()]
    assert not differ, differ[:20]
    assert sitemap_date(a) == datetime.fromtimestamp(1700000000, UTC).date().isoformat()  # SOURCE_DATE_EPOCH, not the clock
