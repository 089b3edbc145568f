"""Roles beyond the formal ones (issue 17, item 7), on the real data.

The reports say that people and organisations sat on working groups (Västerås' utvecklingsgrupp), worked in an
insats, evaluated, gave expert support or lectured. The reports' `medverkan` holds these; each becomes a role on
the person's and the organisation's page, linked to its row on the report page, and a row in the open data.
"""

from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, source_text
from htmlpage import norm, page

REPORTS = sorted((ROOT / "data" / "rapporter").glob("*.yaml"))


def _data(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@cache
def _registry(name: str, key: str) -> dict[str, dict]:
    return {x["id"]: x for x in _data(ROOT / "data" / f"{name}.yaml")[key]}


@cache
def _entries() -> list[tuple[dict, int, dict]]:
    return [(d, i, x) for d in map(_data, REPORTS) for i, x in enumerate(d.get("medverkan", ()))]


def test_every_registered_person_has_a_page_with_a_role(built_site: Path) -> None:
    """Before, 37 people in the registry (the utvecklingsgrupp, the insatser's staff, lecturers, an evaluator)
    had no page at all: the reports named them only in running text."""
    missing = []
    for pid in _registry("personer", "personer"):
        path = built_site / "personer" / pid / "index.html"
        if not path.exists():
            missing.append(pid)
            continue
        roles = next((t for t in page(built_site, f"personer/{pid}/").tables if t.caption.startswith("Roller")), None)
        if roles is None or len(roles.rows) < 2:
            missing.append(pid)
    assert not missing


@pytest.mark.parametrize(("entry"), range(len(_entries())))
def test_each_entry_names_whom_the_report_names(entry: int) -> None:
    """Faithful: every person and organisation of an entry is named (by name, alias or short form) in the
    source report, and so is the section the entry cites."""
    report, _, x = _entries()[entry]
    text = _source(report["kalla"]["fil"])
    people, orgs = _registry("personer", "personer"), _registry("organisationer", "organisationer")
    if "person" in x:
        p = people[x["person"]]
        assert any(_named(n, text) for n in (p["namn"], *p.get("alias", ()))), x
    if "organisation" in x and x["organisation"] in orgs:
        o = orgs[x["organisation"]]
        names = (o["namn"], *o.get("alias", ()), *o.get("forkortningar", ()),
                 *(n["namn"] for n in o.get("tidigare_namn", ())))
        assert any(norm(n) in text for n in names), x
    for part in x["avsnitt"].split(" – "):
        heading = re.sub(r"^[\d.]+\s*", "", norm(part)).lower()[:25]
        assert heading in text.lower(), x["avsnitt"]


@cache
def _source(name: str) -> str:
    return norm(source_text(name))


def _named(name: str, text: str) -> bool:
    """The name as written, or its first and last names close together ('Kalle och Janne Grundelius')."""
    first, *_, last = norm(name).split(" ")
    return norm(name) in text or re.search(re.escape(first) + r"\b.{0,20}\b" + re.escape(last), text) is not None


def test_utvecklingsgruppen_members_have_their_role(built_site: Path) -> None:
    view = page(built_site, "personer/sonja-jernberg/")
    roles = next(t for t in view.tables if t.caption.startswith("Roller"))
    assert roles.rows[1][:5] == ["2021", "Västerås", "Arbetsgrupp: Utvecklingsgruppen", "ordinarie representant",
                                 "Försäkringskassan"]
    assert any("rapporter/vasteras-2021/#medverkan-" in link for link in view.links)
    silvan = next(t for t in page(built_site, "personer/ann-charlotte-silvan/").tables if t.caption.startswith("Roller"))
    assert silvan.rows[1][5] == "till 2021-10-31"
    fk = next(t for t in page(built_site, "organisationer/forsakringskassan/").tables if t.caption.startswith("Roller"))
    assert ["2021", "Västerås", "Arbetsgrupp: Utvecklingsgruppen", "Sonja Jernberg: ordinarie representant"] in [
        r[:4] for r in fk.rows]
    group = next(t for t in page(built_site, "organisationer/utvecklingsgrupp-vasteras/").tables
                 if t.caption.startswith("Roller"))
    assert group.rows[1][2] == "Arbetsgrupp"


def test_insats_staff_link_their_insats(built_site: Path) -> None:
    roles = next(t for t in page(built_site, "personer/anna-berger/").tables if t.caption.startswith("Roller"))
    assert roles.rows[1][2] == "Arbetade i insatsen: SPIRA/JobbFokus 2.0"
    assert roles.rows[1][4] == "Utbildning och arbetsmarknad, Västerås stad"


def test_report_page_lists_every_entry_with_its_anchor(built_site: Path) -> None:
    for report in map(_data, REPORTS):
        entries = report.get("medverkan", ())
        if not entries:
            continue
        view = page(built_site, f"rapporter/{report['id']}/")
        table = view.table("medverkan-tabell")
        assert len(table.rows) == len(entries) + 1
        assert {f"medverkan-{n}" for n in range(1, len(entries) + 1)} <= view.ids


def test_open_data_has_the_roles(built_site: Path) -> None:
    with (built_site / "data" / "roller.csv").open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["rapport"] == "vasteras-2021" and r["id"] == "madeleine-akerlind"]
    assert [(r["roll"], r["detalj"], r["via"]) for r in rows] == [
        ("Arbetsgrupp: Utvecklingsgruppen", "ordinarie representant", "region-vastmanland")]
