"""Every generated page of the internal edition links to the YAML it comes from: an entity page to its own file
(copied to datafiler/), a page built from many files to the list of them. The public edition has no copies."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT, run_build
from faktabank.load.loader import Options, build
from faktabank.pages.render import DATA_INDEX, Renderer

LINK = re.compile(r'class="fb-provenance">.*?href="([^"]*datafiler/[^"]*)"', re.S)


@pytest.fixture(scope="module")
def internal_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("internal") / "site-internal"
    result = run_build(ROOT, site, {"FAKTABANK_EDITION": "internal"})
    assert result.returncode == 0, result.stderr[-3000:]
    return site


def test_every_generated_page_links_to_its_data_file(internal_site: Path) -> None:
    pages = Renderer(build(ROOT, Options(edition="internal"))).pages()
    assert len(pages) > 200
    for page in pages:
        if page.src_uri == DATA_INDEX:  # the list itself (test_the_list_of_data_files_links_every_file)
            continue
        rel = page.src_uri.removesuffix(".md").removesuffix("index").rstrip("/")
        html = (internal_site / rel / "index.html" if rel else internal_site / "index.html").read_text(encoding="utf-8")
        found = LINK.search(html)
        assert found, page.src_uri
        target = (internal_site / rel / found.group(1)).resolve()
        if page.edit_path:
            assert target == (internal_site / "datafiler" / page.edit_path.removeprefix("data/")).resolve(), page.src_uri
            assert target.read_bytes() == (ROOT / page.edit_path).read_bytes()
        else:
            assert target == (internal_site / "datafiler").resolve(), page.src_uri


def test_the_list_of_data_files_links_every_file(internal_site: Path) -> None:
    listing = (internal_site / "datafiler" / "index.html").read_text(encoding="utf-8")
    for path in build(ROOT, Options(edition="internal")).files:
        assert f'href="../datafiler/{path.removeprefix("data/")}"' in listing or \
               f'href="{path.removeprefix("data/")}"' in listing, path


def test_the_public_edition_has_no_copies(built_site: Path) -> None:
    assert not (built_site / "datafiler").exists()
    assert "datafiler/" not in (built_site / "rapporter" / "vasteras-2021" / "index.html").read_text(encoding="utf-8")
