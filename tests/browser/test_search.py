"""Search in Swedish, in the browser: Material's search over the built site, with the Swedish stemmer at work
on the index and on what the reader types (overrides/assets/javascripts/workers/faktabank-search.js)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from browser.browserkit import result_count, search

pytestmark = pytest.mark.browser


def of_forbund(paths: list[str], forbund: str) -> list[str]:
    """The förbund's own pages among the paths: its page, its reports and its insatser."""
    return [p for p in paths if re.fullmatch(rf"/(forbund|rapporter|insatser)/{forbund}(-[^/]+)?/", p)]


@pytest.fixture
def start(open_page):
    return open_page("")


def test_fontanhus_finds_vasterbergslagen_and_vasteras(start) -> None:
    found = search(start, "fontänhus")
    assert of_forbund(found, "vasterbergslagen"), found
    assert of_forbund(found, "vasteras"), found
    assert "/insatser/vasteras-forstudie-fontanhus/" in found


def test_samordningsteamet_finds_vasteras_and_norra_vastmanland(start) -> None:
    found = search(start, "samordningsteamet")
    assert of_forbund(found, "vasteras"), found
    assert of_forbund(found, "norra-vastmanland"), found


def test_a_persons_name_finds_their_page(start) -> None:
    found = search(start, "Torsten Jansson")
    assert found[0] == "/personer/torsten-jansson/", found


def pages_with_words(site: Path, words: set[str]) -> set[str]:
    """The pages whose indexed title or text has one of the words as a whole word."""
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    found = set()
    for doc in docs:
        text = re.sub(r"<[^>]+>", " ", f"{doc['title']} {doc['text']}").lower()
        if words & set(re.findall(r"\w+", text)):
            found.add("/" + doc["location"].split("#")[0])
    return found


def test_inflected_forms_find_the_same_pages(start, built_site: Path) -> None:
    """Swedish stemming: 'styrelsen', 'styrelsens' and 'styrelse' are one word to the search. Without the stemmer
    on the query, 'styrelsen' missed every page that says only 'styrelse' or 'styrelsens'."""
    forms = {"styrelse", "styrelsen", "styrelsens"}
    expected = pages_with_words(built_site, forms)
    assert len(expected) >= 3
    found = set(search(start, "styrelsen"))
    assert expected <= found, sorted(expected - found)
    count = result_count(start)
    for form in ("styrelse", "styrelsens"):
        assert set(search(start, form)) == found, form
        assert result_count(start) == count, form


def test_the_index_is_built_with_the_swedish_pipeline(built_site: Path) -> None:
    config = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]
    assert config["lang"] == ["sv"]
    assert set(config["pipeline"]) == {"stemmer", "stopWordFilter", "trimmer"}
    assert (built_site / "assets" / "javascripts" / "lunr" / "min" / "lunr.sv.min.js").exists()


def test_swedish_stop_words_are_not_indexed(start) -> None:
    """'och' is on every page; the Swedish stop-word filter keeps it out of the index."""
    assert len(search(start, "och")) < 10
