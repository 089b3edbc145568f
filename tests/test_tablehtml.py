"""The table macros (templates/tables.html.j2), on input that uses every branch. A statement:
a project column, a note linked to its note table, a row linked to its insats, a column in another unit,
a text cell, a short row and a comment. A roles table: a role with its insats, details in Markdown, the
organisations involved or not, and each form of period. (The build tests compare whole sites.)"""

from __future__ import annotations

from dataclasses import replace

import pytest

from conftest import ROOT
from faktabank.derive.roles import Role
from faktabank.load.loader import build
from faktabank.model import Cell, Column, Row
from faktabank.pages.regions import Regions
from faktabank.pages.render import make_env
from faktabank.text.links import Linker

_macros = make_env().get_template("tables.html.j2").module
roles_table, source, statement_table, unit_caption = (
    _macros.roles_table, _macros.source, _macros.statement_table, _macros.unit_caption)


@pytest.fixture(scope="module")
def model():
    return build(ROOT)


def test_unit_captions() -> None:
    assert unit_caption("tkr") == "Belopp i tkr"
    assert unit_caption("procent") == "Värden i procent"
    assert unit_caption("kr/dag") == "Kronor per dag"
    assert unit_caption("procentenheter") == "procentenheter"


def test_statement_table_every_branch(model) -> None:
    report = next(r for r in model.reports.values() if any(t.typ == "not" and t.note for t in r.tables))
    note = next(t for t in report.tables if t.typ == "not" and t.note)
    statement = next(t for t in report.tables if t.typ == "resultatrakning")
    insats = next(iter(model.insatser))
    link = Linker(model, f"rapporter/{report.id}.md")
    columns = (Column("a", "2021", 2021, None, "belopp", "tkr"), Column("b", "Andel", None, None, "belopp", "procent"),
               Column("c", "Kommentar", None, None, "text", "text"))
    rows = (Row("Intäkter & bidrag", "rad", note.note, "P-1", None, (), None,
                (Cell(4511, "tkr", 4511000), Cell(93, "tkr", 93000), Cell("se <not>", "text", None)), None),
            Row("En insats", "summa", None, None, insats, (), None, (Cell(-58, "tkr", -58000),), None))
    table = replace(statement, enhet="tkr", columns=columns, rows=rows, kommentar="Summan är *avrundad*.")
    html = statement_table(table, report, link, Regions())
    assert html.startswith(f'<div class="fb-table" id="tabell-{statement.id}" role="region" tabindex="0" '
                           'aria-labelledby="fb-rubrik-1">\n<table class="fb">\n<caption id="fb-rubrik-1">')
    assert f'(Belopp i tkr)</span><br>{source(report, statement.avsnitt, link)}</caption>' in html
    assert ('<tr><th scope="col">Proj.nr</th><th scope="col">Post</th><th scope="col" class="num">Not</th>'
            '<th scope="col" class="num">2021</th><th scope="col" class="num">Andel (värden i procent)</th>'
            '<th scope="col">Kommentar (text)</th></tr>') in html
    assert (f'<tr class="fb-rad"><td>P-1</td><th scope="row">Intäkter &amp; bidrag</th><td class="num">'
            f'<a href="#tabell-{note.id}">{note.note}</a></td><td class="num">4\u00a0511</td>'
            '<td class="num">93\u00a0tkr</td><td>se &lt;not&gt;</td></tr>\n') in html  # a cell in another unit says so
    assert (f'<tr class="fb-summa"><td></td><th scope="row">{link.insats(insats, "En insats")}</th>'
            '<td class="num"></td><td class="num">\u221258</td><td></td><td></td></tr>\n') in html
    assert html.endswith('</tbody>\n</table>\n<div class="fb-note"><p>Summan är <em>avrundad</em>.</p></div>\n</div>\n')


def test_roles_table_every_branch(model) -> None:
    report = next(iter(model.reports.values()))
    insats = next(iter(model.insatser))
    org = next(iter(model.organisations))
    link = Linker(model, "personer/exempel.md")
    roles = [Role(report.forbund, report.id, 2021, "Projektägare", "Leder *arbetet*", (org,), "2021-01-01", "2021-06-30",
                  "styrning", insats),
             Role(report.forbund, report.id, 2022, "Ledamot & ersättare", "", (), "2022-02-01", None, "styrelse"),
             Role(report.forbund, report.id, 2023, "Revisor", "", (), None, "2023-12-31", "revisorer"),
             Role(report.forbund, report.id, 2024, "Ordförande", "", (), None, None, "styrelse")]
    regions = Regions()
    html = roles_table(roles, link, regions, "Roller <i alla> år")
    assert html.startswith('<div class="fb-table" role="region" tabindex="0" aria-labelledby="fb-rubrik-1">\n'
                           '<table class="fb">\n<caption id="fb-rubrik-1">Roller &lt;i alla&gt; år</caption>\n'
                           '<thead><tr><th scope="col">År</th><th scope="col">Förbund</th><th scope="col">Roll</th>'
                           '<th scope="col">Detaljer</th><th scope="col">Organisation</th><th scope="col">Period</th>'
                           '<th scope="col">Källa</th></tr></thead>\n<tbody>\n')
    rows = html.split("<tbody>\n")[1].split("</tbody>")[0].splitlines()
    assert rows[0] == (f'<tr><td>2021</td><td>{link.forbund(report.forbund, short=True)}</td><td>Projektägare: '
                       f'{link.insats(insats)}</td><td>Leder <em>arbetet</em></td><td>{link.orgs((org,))}</td>'
                       f'<td>2021-01-01 – 2021-06-30</td><td>{link.report(report.id, anchor="styrning")}</td></tr>')
    assert "<td>Ledamot &amp; ersättare</td><td></td><td></td><td>från 2022-02-01</td>" in rows[1]
    assert "<td>till 2023-12-31</td>" in rows[2] and "<td>Ordförande</td><td></td><td></td><td></td>" in rows[3]
    assert html.endswith("</tbody>\n</table>\n</div>\n")
    without = roles_table(roles[:1], link, regions, "Roller")
    assert '<th scope="col">Organisation</th>' in without
    assert '<th scope="col">Organisation</th>' not in roles_table(roles[:1], link, regions, "Roller", with_via=False)
    # the page's fourth table, its third called "Roller": a number only a screen reader hears
    assert '<caption id="fb-rubrik-4">Roller<span class="fb-sr-only"> (tabell 3)</span></caption>' in \
        roles_table(roles[:1], link, regions, "Roller")
