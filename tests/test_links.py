"""Links between entity pages (hooks/faktabank/links.py): the link a page keeps for each target (Linker.to)
is the link worked out for it (Linker.url), from pages at every depth, with and without directory URLs."""

from __future__ import annotations

import pytest

from conftest import ROOT
from faktabank.load.loader import Options, build
from faktabank.text.links import Linker, src_uri

HERE = ["index.md", "rapporter/index.md", "rapporter/vasteras-2021.md", "insatser/x/ar/2021.md",
        "jamforelser/intakter.md", "personer/p.md"]


@pytest.fixture(scope="module")
def model():
    return build(ROOT, Options(edition="internal"))


@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_a_pages_kept_links_are_the_links_worked_out(model, use_directory_urls: bool) -> None:
    targets = [("person", list(model.persons)[:20]), ("organisation", list(model.organisations)[:20]),
               ("rapport", list(model.reports)), ("forbund", list(model.forbund)), ("insats", list(model.insatser)[:20]),
               ("indikator", [1, 16])]
    checked = 0
    for here in HERE:
        link = Linker(model, here, use_directory_urls)
        for kind, ids in targets:
            for entity_id in [*ids, None]:
                for anchor in ("", "styrelse"):
                    expected = link.url(src_uri(kind, entity_id), anchor)
                    assert link.to(kind, entity_id, anchor) == expected
                    assert link.to(kind, entity_id, anchor) == expected  # the second time from the page's own
                    checked += 1
    assert checked > 500


def test_each_page_keeps_its_own_links(model) -> None:
    person = next(iter(model.persons))
    deep, top = Linker(model, "insatser/x/ar/2021.md"), Linker(model, "index.md")
    assert deep.to("person", person) == f"../../../../personer/{person}/"
    assert top.to("person", person) == f"personer/{person}/"
    assert deep.to("person", person) == f"../../../../personer/{person}/"
