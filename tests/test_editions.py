"""Editions: the internal edition shows what the data marks internal; the public edition never contains any of it.

The real data/ plus a draft report (tests/fixtures/utkast/) that names a person nothing else
names, built once as each edition. Every `intern` value in data/ and every draft's id is
searched for in every file of the public site: HTML, search index, sitemap (also gzipped).
"""

from __future__ import annotations

import gzip
import html
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT, make_project

FIXTURE = Path(__file__).parent / "fixtures" / "utkast"
DRAFT = "vasteras-2022"
DRAFT_PERSON = "ulla-utkastsdotter"


def start_build(project: Path, site: Path, edition: str) -> subprocess.Popen:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "FAKTABANK_EDITION": edition}
    env.pop("FAKTABANK_UPTO", None)
    return subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
                             "-d", str(site)], cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)


@pytest.fixture(scope="module")
def editions(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """(project, public site, internal site), both built at once."""
    tmp = tmp_path_factory.mktemp("editions")
    project = make_project(tmp, ROOT / "data")
    for file in (FIXTURE / "rapporter").glob("*.yaml"):
        (project / "data" / "rapporter" / file.name).write_text(file.read_text(encoding="utf-8"), encoding="utf-8")
    with (project / "data" / "personer.yaml").open("a", encoding="utf-8") as out:
        out.write("\n" + (FIXTURE / "personer.yaml").read_text(encoding="utf-8"))
    public, internal = tmp / "public", tmp / "internal"
    builds = [start_build(project, public, "public"), start_build(project, internal, "internal")]
    for build in builds:
        output, _ = build.communicate(timeout=300)
        assert build.returncode == 0, output[-5000:]
    return project, public, internal


def intern_values(data: Any) -> list[str]:
    """Every value of a field named `intern`, anywhere in a parsed data file."""
    found = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "intern" and isinstance(value, str):
                found.append(value)
            else:
                found += intern_values(value)
    elif isinstance(data, list):
        for item in data:
            found += intern_values(item)
    return found


def internal_data(project: Path) -> tuple[list[str], list[str]]:
    """(every intern text, every draft report id) in the project's data/."""
    notes, drafts = [], []
    for file in sorted((project / "data").rglob("*.yaml")):
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        notes += intern_values(data)
        if file.parent.name == "rapporter" and data.get("status") == "utkast":
            drafts.append(data["id"])
    return notes, drafts


def normal(text: str) -> str:
    return " ".join(text.split())


def strings(data: Any) -> list[str]:
    if isinstance(data, dict):
        return [s for v in data.values() for s in strings(v)]
    if isinstance(data, list):
        return [s for v in data for s in strings(v)]
    return [data] if isinstance(data, str) else []


def untagged(text: str) -> list[str]:
    """The text without markup: tags dropped (inline markup such as <abbr> splits no word) and as spaces."""
    return [html.unescape(re.sub(r"<[^>]+>", "", text)), html.unescape(re.sub(r"<[^>]+>", " ", text))]


def readable(site: Path) -> dict[str, str]:
    """Every text file of a site in every form a reader or a crawler sees it: raw, unescaped, without tags, JSON decoded."""
    texts = {}
    for file in sorted(site.rglob("*")):
        if not file.is_file():
            continue
        raw = file.read_bytes()
        if file.suffix == ".gz":
            raw = gzip.decompress(raw)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue  # images and fonts
        forms = [text, *untagged(text)]
        if file.suffix == ".json":
            decoded = " ".join(strings(json.loads(text)))
            forms += [decoded, *untagged(decoded)]
        texts[file.relative_to(site).as_posix()] = "\n".join(normal(f) for f in forms)
    return texts


def test_the_data_has_internal_content_to_hide(editions: tuple[Path, Path, Path]) -> None:
    project, _, _ = editions
    notes, drafts = internal_data(project)
    assert len(notes) >= 10
    assert drafts == [DRAFT]


def test_public_edition_contains_no_internal_field(editions: tuple[Path, Path, Path]) -> None:
    project, public, _ = editions
    notes, drafts = internal_data(project)
    texts = readable(public)
    assert "search/search_index.json" in texts and "sitemap.xml.gz" in texts
    leaks = []
    for note in notes:
        words = normal(note).split()
        needles = {normal(note), " ".join(words[:8])}  # the whole note, and its start in case it is cut
        leaks += [f"{name}: intern {needle[:60]!r}" for needle in needles for name, text in texts.items() if needle in text]
    for rid in drafts:
        leaks += [f"{name}: utkast {rid}" for name, text in texts.items() if rid in text]
    leaks += [f"{name}: the draft's person" for name, text in texts.items() if DRAFT_PERSON in text or "Utkastsdotter" in text]
    leaks += [f"{name}: internal banner or note" for name, text in texts.items()
              if "Intern utgåva.</strong>" in text or 'admonition-title">Intern anteckning<' in text]
    assert not leaks, "\n".join(leaks[:40])
    assert not (public / "rapporter" / DRAFT).exists()
    assert not (public / "personer" / DRAFT_PERSON).exists()
    assert not (public / "intern").exists()


def test_internal_edition_shows_every_note_and_draft(editions: tuple[Path, Path, Path]) -> None:
    project, _, internal = editions
    notes, drafts = internal_data(project)
    pages = {name: text for name, text in readable(internal).items() if name.endswith(".html")}
    missing = [note[:80] for note in notes if not any(normal(note) in text for text in pages.values())]
    assert not missing, "intern notes not shown in the internal edition:\n" + "\n".join(missing)
    for rid in drafts:
        assert "Utkast – inte godkänd" in pages[f"rapporter/{rid}/index.html"]
    assert "Ulla Utkastsdotter" in pages[f"personer/{DRAFT_PERSON}/index.html"]
    overview = pages["intern/index.html"]
    assert all(normal(note) in overview for note in notes)  # every note also on the editors' overview
    assert all(rid in overview for rid in drafts)


def test_every_internal_page_says_it_is_internal(editions: tuple[Path, Path, Path]) -> None:
    _, public, internal = editions
    pages = sorted(internal.rglob("*.html"))
    assert len(pages) > 100
    unmarked = [p.relative_to(internal).as_posix() for p in pages
                if "Intern utgåva." not in p.read_text(encoding="utf-8")]
    assert not unmarked, unmarked[:20]
    assert "md-banner" not in (public / "index.html").read_text(encoding="utf-8")
