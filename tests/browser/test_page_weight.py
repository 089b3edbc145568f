"""Every page light enough for a phone, on a national slice that is large enough to show growth.

The slice (scripts/generate_national.py, 20 förbund × 10 years, about 2 000 pages) is built with MkDocs. Before
the pages were split (pages/split.py), its comparison pages, Arbetsförmedlingen's and Försäkringskassan's pages
and the insatskatalog were 500–660 KB each and grew with every förbund and year: at this size they already
broke the limits below, so a page that grows with the data fails here before it reaches the country.

The limits are the national targets (scripts/pageweight.py): every page ≤ 400 KB of HTML and ≤ 15 000 elements,
and the heaviest five pages (and the one with most elements) load in ≤ 3 s in Chromium at 375 px with the CPU
slowed four times, served from 127.0.0.1 with an empty cache. The margin: on the shared two-core machine where
this was written, the start page (nothing of the data) loads in about 1,3 s under those conditions and the
heaviest pages of the slice (förbund pages of 120 KB and 2 000 elements) in 1,9–2,3 s at best, but single
loads of those pages ranged up to 3,1 s when other developers' builds ran. Each page is therefore loaded three
times and the fastest load counts (other processes only add time): a page as heavy as today's heaviest
national pages (180–230 KB, 3 000–4 000 elements) is near the limit, and one that grows with the data
(the unsplit pages at this size: 500–660 KB, 9 000–16 000 elements, 8–10 s) fails it by far.

The split pages are also checked for what they must keep: every link and anchor of the slice resolves, every
role of an organisation and every insats and person is on exactly one of the pages that now hold them, and the
catalogue's filters find insatser across the country from the open-data file it fetches.
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Browser
from test_site import _target

from browser.browserkit import axe, describe
from conftest import ROOT, make_project, run_build
from faktabank.derive import indicators
from faktabank.derive.roles import roles_of
from faktabank.load.loader import build
from htmlpage import page, read_page

sys.path.insert(0, str(ROOT / "scripts"))

import pageweight
from generate_national import generate

pytestmark = pytest.mark.browser
FORBUND, YEARS, FIRST_YEAR = 20, 10, 2014  # the synthetic reports have indicator results from 2016


@pytest.fixture(scope="module")
def national_slice(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The slice's data folder and its built site."""
    where = tmp_path_factory.mktemp("national-slice")
    generate(where / "gen", seed=1, forbund=FORBUND, years=YEARS, first_year=FIRST_YEAR)
    project = make_project(where, where / "gen" / "data")
    site = where / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stderr[-5000:]
    return project, site


@pytest.fixture(scope="module")
def slice_url(national_slice: tuple[Path, Path]):
    with pageweight.served(national_slice[1]) as base:
        yield base


def test_every_page_is_within_the_limits(national_slice: tuple[Path, Path]) -> None:
    weights = pageweight.weights(national_slice[1])
    assert len(weights) > 1500
    too_large = [w for w in weights if w.kb > pageweight.MAX_PAGE_KB]
    too_many = [w for w in weights if w.elements > pageweight.MAX_ELEMENTS]
    assert not too_large, too_large[:10]
    assert not too_many, too_many[:10]


def test_the_heaviest_pages_load_on_a_slow_phone(national_slice: tuple[Path, Path], slice_url: str,
                                                 browser: Browser) -> None:
    chosen = pageweight.heaviest(pageweight.weights(national_slice[1]))
    loads = pageweight.load_times(browser, slice_url, [w.url for w in chosen])
    assert len(loads) >= 5
    for load, weight in zip(loads, chosen, strict=True):
        # the HTML count is the page's own; Chromium adds the few elements a parser infers (tbody, …)
        assert load.elements >= weight.elements * 0.9, (load, weight)
    slow = [x for x in loads if x.seconds > pageweight.MAX_LOAD_S]
    assert not slow, f"{slow} (limit {pageweight.MAX_LOAD_S} s; all: {loads})"


def test_every_link_and_anchor_of_the_slice_resolves(national_slice: tuple[Path, Path]) -> None:
    site = national_slice[1]
    views = {f: read_page(f) for f in sorted(site.rglob("*.html"))}
    broken = []
    for file, view in views.items():
        for href in view.links:
            found = _target(site, file, href)
            if found is None:
                continue
            target, fragment = found
            if not target.exists():
                broken.append(f"{file.relative_to(site)}: {href}")
            elif fragment and target.suffix == ".html" and fragment not in views[target].ids:
                broken.append(f"{file.relative_to(site)}: {href} (no #{fragment})")
    assert not broken, f"{len(broken)} broken:\n" + "\n".join(broken[:30])


def part_links(view, suffix: str = "/") -> list[str]:
    """Links from a summary to its parts: one folder down, no anchor."""
    return sorted({h for h in view.links if h.endswith(suffix) and h.count("/") == 1 and not h.startswith(".")})


def test_split_pages_keep_every_row(national_slice: tuple[Path, Path]) -> None:
    """Arbetsförmedlingen's roles, the persons, the insatser and the comparisons: every row on one of the pages
    that hold them now, reached from the page that listed them all before."""
    project, site = national_slice
    model = build(project)
    roles = roles_of(model).by_org["arbetsformedlingen"]
    summary = page(site, "organisationer/arbetsformedlingen/")
    assert len(summary.table("roller-per-forbund").rows) - 1 == FORBUND
    assert part_links(summary, "/#roller") == sorted(f"{fid}/#roller" for fid in model.forbund)
    rows = 0
    for fid in model.forbund:
        detail = page(site, f"organisationer/arbetsformedlingen/{fid}/")
        rows += sum(len(t.rows) - 1 for t in detail.tables if t.caption.startswith("Roller i"))
    assert rows == len(roles)

    for url, table, entities in (("personer/", "personer-tabell", model.persons),
                                 ("insatser/", "insatser-tabell", model.insatser),
                                 ("insatskatalog/", "katalog-tabell", model.insatser)):
        parts = part_links(page(site, url))
        assert len(parts) > 1, url
        assert sum(len(page(site, url + p).table(table).rows) - 1 for p in parts) == len(entities), url

    lans = {f.data["lan"] for f in model.forbund.values()}
    for url, folder in (("jamforelser/", "lan/"), ("jamforelser/intakter/", ""),
                        (f"jamforelser/ar/{FIRST_YEAR + YEARS - 1}/", "")):
        view = page(site, url)
        parts = {h for h in view.links if h.startswith(folder) and h.count("/") == folder.count("/") + 1
                 and h.endswith("-lan/")}
        assert len(parts) == len(lans), url

    results = indicators.results(model, 1)
    assert results
    view = page(site, "indikatorer/1/")
    views = [view, *(page(site, "indikatorer/1/" + p) for p in part_links(view))]
    assert sum(len(t.rows) - 1 for v in views for t in v.tables if (t.id or "").startswith("indikator-1-")
               and not t.id.endswith(("-matt", "-lan"))) == len(results)


def test_the_catalogue_filters_search_the_whole_country(national_slice: tuple[Path, Path], slice_url: str,
                                                        browser: Browser) -> None:
    site = national_slice[1]
    entries = list(csv.DictReader(io.StringIO((site / "data" / "insatskatalog.csv").read_text(encoding="utf-8"))))
    context = browser.new_context(locale="sv-SE")
    foreign: list[str] = []
    context.route(lambda u: not u.startswith(slice_url), lambda route: (foreign.append(route.request.url), route.abort()))
    try:
        view = context.new_page()
        fetched: list[str] = []
        view.on("request", lambda r: fetched.append(r.url) if r.url.endswith(".csv") else None)
        view.goto(slice_url + "insatskatalog/", wait_until="load")
        status = view.locator("#katalog-antal")
        assert status.text_content() == f"Välj ett filter för att söka bland alla {len(entries)} insatser."
        assert not view.locator("#katalog").is_visible() and not fetched  # nothing fetched before a choice
        view.get_by_label("Tema", exact=True).select_option("psykisk-halsa")
        theme = [e for e in entries if "psykisk-halsa" in e["teman"].split(";")]
        view.wait_for_function("document.querySelectorAll('#katalog-tabell tbody tr').length > 0")
        assert status.text_content() == f"Visar {len(theme)} av {len(entries)} insatser (Psykisk hälsa)."
        names = view.locator("#katalog-tabell tbody th a").evaluate_all("as => as.map(a => a.textContent)")
        assert sorted(names) == sorted(e["namn"] for e in theme)
        forbund = {e["forbund"] for e in theme}
        assert len(forbund) > 5  # across the country, not one län
        view.get_by_label("År", exact=True).select_option(str(FIRST_YEAR + YEARS - 1))
        both = [e for e in theme if str(FIRST_YEAR + YEARS - 1) in e["ar"].split(";")]
        view.wait_for_function(f"document.querySelectorAll('#katalog-tabell tbody tr').length === {len(both)}")
        assert len(fetched) == 1  # the file is fetched once
        view.locator("#katalog-tabell tbody th a").first.click()  # a row's link leads to the insats
        view.wait_for_load_state("load")
        assert "/insatser/" in view.url
        view.go_back()
        view.wait_for_function("document.querySelectorAll('#katalog-tabell tbody tr').length > 0")  # from the address
        view.get_by_role("button", name="Visa alla").click()
        view.wait_for_function("document.getElementById('katalog').hidden")
    finally:
        context.close()
    assert not foreign, foreign


def test_the_new_kinds_of_page_are_accessible(national_slice: tuple[Path, Path], slice_url: str,
                                              browser: Browser) -> None:
    """axe-core on one page of each kind the split makes (summaries and parts), zero violations."""
    project, site = national_slice
    model = build(project)
    fid = sorted(model.forbund)[0]
    lan = part_links(page(site, "insatskatalog/"))[0]
    urls = ["organisationer/arbetsformedlingen/", f"organisationer/arbetsformedlingen/{fid}/", "personer/",
            "personer/" + part_links(page(site, "personer/"))[0], "insatskatalog/", "insatskatalog/" + lan,
            "jamforelser/", "jamforelser/intakter/", "jamforelser/intakter/" + lan,
            "jamforelser/lan/" + lan, f"jamforelser/ar/{FIRST_YEAR + YEARS - 1}/" + lan]
    problems = {}
    context = browser.new_context(locale="sv-SE")
    try:
        for url in urls:
            view = context.new_page()
            response = view.goto(slice_url + url, wait_until="load")
            assert response is not None and response.ok, url
            found = axe(view)
            if found:
                problems[url] = describe(found)
            view.close()
    finally:
        context.close()
    assert not problems, "\n".join(f"{u}:\n{d}" for u, d in problems.items())
