"""The speed layer (speed/) changes how the site is built, never what: with it on and off the built site is
byte for byte the same — on the real data, on a slice of the national dataset, and with the kind of change a
maintainer makes (a theme partial that prints the page's URL, heading permalinks turned on). It turns itself
off when other versions of MkDocs, Material, Markdown or Jinja are installed than it was verified with."""

from __future__ import annotations

import filecmp
import logging
import shutil
import sys
from pathlib import Path

import pytest

from conftest import ROOT, make_project, run_build
from faktabank.speed import switch

sys.path.insert(0, str(ROOT / "scripts"))
from generate_national import generate

EPOCH = {"SOURCE_DATE_EPOCH": "1700000000"}


def differences(a: Path, b: Path) -> list[str]:
    """Files that are not byte for byte the same in two built sites (or only in one)."""
    out: list[str] = []

    def walk(cmp: filecmp.dircmp, rel: str) -> None:
        out.extend(f"{rel}{name}" for name in cmp.left_only + cmp.right_only + cmp.funny_files)
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        out.extend(f"{rel}{name}" for name in mismatch + errors)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{rel}{name}/")

    walk(filecmp.dircmp(a, b), "")
    return out


def both_ways(project: Path, tmp_path: Path, env: dict[str, str] | None = None) -> tuple[Path, Path]:
    fast, plain = tmp_path / "fast", tmp_path / "plain"
    for site, speed in ((fast, "1"), (plain, "0")):
        result = run_build(project, site, {**EPOCH, **(env or {}), "FAKTABANK_SPEED": speed})
        assert result.returncode == 0, result.stderr[-3000:]
    return fast, plain


def test_real_data_is_the_same_both_ways(tmp_path: Path) -> None:
    fast, plain = both_ways(ROOT, tmp_path, {"FAKTABANK_WORKERS": "1"})
    assert differences(fast, plain) == []
    assert len(list(plain.rglob("*.html"))) > 200


def test_internal_edition_is_the_same_both_ways(tmp_path: Path) -> None:
    fast, plain = both_ways(ROOT, tmp_path, {"FAKTABANK_WORKERS": "1", "FAKTABANK_EDITION": "internal"})
    assert differences(fast, plain) == []


def test_national_slice_is_the_same_both_ways(tmp_path: Path) -> None:
    """Enough data files (over speed.reading.PARALLEL_FROM) that data/ is read by two processes on the fast path."""
    data = tmp_path / "national"
    generate(data, forbund=12, years=18)
    assert len(list((data / "data").rglob("*.yaml"))) > 200
    project = make_project(tmp_path, data / "data")
    fast, plain = both_ways(project, tmp_path, {"FAKTABANK_WORKERS": "1"})
    assert differences(fast, plain) == []


def test_a_partial_with_the_page_and_heading_permalinks_are_the_same_both_ways(tmp_path: Path) -> None:
    """What a maintainer may change: a theme partial that prints `page.url` (each page its own), and
    `toc: permalink: true` (generated pages get the same heading links as hand-written ones)."""
    project = make_project(tmp_path, ROOT / "data")
    (project / "overrides").unlink()
    shutil.copytree(ROOT / "overrides", project / "overrides")
    partials = project / "overrides" / "partials"
    partials.mkdir(exist_ok=True)
    (partials / "footer.html").write_text('<footer class="md-footer"><p class="test-sida">{{ page.url }}</p></footer>\n')
    config = project / "mkdocs.yml"
    text = config.read_text()
    assert "permalink: false" in text
    config.write_text(text.replace("permalink: false", "permalink: true"))
    fast, plain = both_ways(project, tmp_path, {"FAKTABANK_WORKERS": "1"})
    assert differences(fast, plain) == []
    for rel in ("personer/index.html", "rapporter/vasteras-2021/index.html", "organisationer/arbetsformedlingen/index.html"):
        page = (fast / rel).read_text()
        url = rel.removesuffix("index.html")
        assert f'<p class="test-sida">{url}</p>' in page, rel
    report = (fast / "rapporter" / "vasteras-2021" / "index.html").read_text()
    assert '<h2 id="ekonomi">Ekonomi<a class="headerlink" href="#ekonomi" title="Permanent link">¶</a></h2>' in report
    om = (fast / "om" / "index.html").read_text()
    assert 'class="headerlink"' in om  # a hand-written page, by Python-Markdown


def test_the_switch_turns_off_for_other_versions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(switch.ENV, raising=False)
    assert switch.decide(True, dict(switch.VERIFIED)) == switch.Decision(True)
    other = {**switch.VERIFIED, "mkdocs-material": "9.9.0"}
    decision = switch.decide(True, other)
    assert not decision.on
    assert decision.warning and "mkdocs-material 9.9.0 (verifierad med 9.8.1)" in decision.warning
    assert switch.decide(False, dict(switch.VERIFIED)) == switch.Decision(False)
    monkeypatch.setenv(switch.ENV, "0")
    assert switch.decide(True, dict(switch.VERIFIED)) == switch.Decision(False)
    monkeypatch.setenv(switch.ENV, "1")
    assert switch.decide(False, dict(switch.VERIFIED)) == switch.Decision(True)
    monkeypatch.setenv(switch.ENV, "kanske")
    with pytest.raises(ValueError, match="FAKTABANK_SPEED"):
        switch.decide(True)


def test_the_installed_versions_are_the_verified_ones() -> None:
    """requirements.txt pins what speed/switch.py says it was verified with (else make test would compare
    nothing: the speed layer would be off)."""
    pins = dict(line.split("==", 1) for line in (ROOT / "requirements.txt").read_text().splitlines()
                if "==" in line and not line.startswith("#"))
    pins = {name: version.split()[0] for name, version in pins.items()}
    for name, version in switch.VERIFIED.items():
        assert pins[name] == version
        assert switch.installed(name) == version


def test_a_build_with_other_versions_says_so_and_is_built_the_plain_way(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                          caplog: pytest.LogCaptureFixture) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    monkeypatch.setitem(switch.VERIFIED, "Jinja2", "0.0.1")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.delenv(switch.ENV, raising=False)
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"), strict=True)
    plugin = config.plugins["faktabank"]
    with caplog.at_level(logging.WARNING, logger="faktabank.speed"):
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    assert not plugin.speed.on
    assert any("Jinja2 3.1.6 (verifierad med 0.0.1)" in r.getMessage() for r in caplog.records)
    assert (tmp_path / "site" / "index.html").exists()


def test_the_table_of_contents_holds_headings_as_text() -> None:
    """A heading's text goes into the theme's table of contents escaped, as Python-Markdown gives it."""
    from faktabank.plugin.content import make

    made = make('<h1 id="sidrubrik">A</h1><h2 id="x">Team &lt;b&gt; &amp; co</h2>', lambda html: html)
    item = next(iter(made.toc)).children[0]
    assert item.title == "Team &lt;b&gt; &amp; co"
    assert made.title == "A"


def test_a_generated_page_title_is_escaped_html_text(tmp_path: Path) -> None:
    """The theme writes a page's title into its header as it is: a generated page's title is escaped text, as
    MkDocs makes it from a hand-written page's h1."""
    from mkdocs.structure.files import File
    from mkdocs.structure.pages import Page as MkPage

    from faktabank.plugin.content import apply, make

    made = make('<h1 id="sidrubrik">Team &lt;b&gt; &amp; co</h1>', lambda html: html)
    page = MkPage(None, File("a.md", str(tmp_path), str(tmp_path / "site"), use_directory_urls=True), {})
    apply(made, page)
    assert page.meta["title"] == "Team &lt;b&gt; &amp; co"


def test_a_rebuild_reads_only_the_files_that_changed(tmp_path: Path) -> None:
    """Under `mkdocs serve` the speed layer reads again only the files whose size, time or inode changed; the
    model is the same as one read from scratch."""
    from faktabank.load.loader import build
    from faktabank.speed.reading import Unchanged

    project = make_project(tmp_path, ROOT / "data")
    calls: list[str] = []
    cache = Unchanged(parallel=False)

    def counted(files, each):
        return cache(files, lambda file: (calls.append(file.name), each(file))[1])

    first = build(project, read_all=counted)
    assert len(calls) == len(first.files)
    calls.clear()
    persons = project / "data" / "personer.yaml"
    persons.write_text(persons.read_text(encoding="utf-8").replace("namn: Anna", "namn: Annas", 1), encoding="utf-8")
    second = build(project, read_all=counted)
    assert calls == ["personer.yaml"]
    assert second == build(project)  # as read from scratch
    assert second != first
