"""The statement tables written in Python (hooks/faktabank/tablehtml.py), on a table that uses every branch:
a project column, a note linked to its note table, a row linked to its insats, a column in another unit,
a text cell, a short row and a comment. (The real data's report pages are compared whole by the build tests.)"""

from __future__ import annotations

from dataclasses import replace

import pytest

from conftest import ROOT
from faktabank.links import Linker
from faktabank.loader import build
from faktabank.model import Cell, Column, Row
from faktabank.tablehtml import source, statement_table, unit_caption


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
    html = statement_table(table, report, link)
    assert html.startswith(f'<div class="fb-table" id="tabell-{statement.id}">\n<table class="fb">\n<caption>')
    assert f'(Belopp i tkr)</span><br>{source(report, statement.avsnitt, link)}</caption>' in html
    assert ('<tr><th scope="col">Proj.nr</th><th scope="col">Post</th><th scope="col" class="num">Not</th>'
            '<th scope="col" class="num">2021</th><th scope="col" class="num">Andel (värden i procent)</th>'
            '<th scope="col">Kommentar (text)</th></tr>') in html
    assert (f'<tr class="fb-rad"><td>P-1</td><th scope="row">Intäkter &amp; bidrag</th><td class="num">'
            f'<a href="#tabell-{note.id}">{note.note}</a></td><td class="num">4\u00a0511</td>'
            '<td class="num">93\u00a0tkr</td><td>se &lt;not&gt;</td></tr>\n') in html  # a cell in another unit says so
    assert (f'<tr class="fb-summa"><td></td><th scope="row">{link.insats(insats, "En insats")}</th>'
            '<td class="num"></td><td class="num">\u221258</td><td></td><td></td></tr>\n') in html
    assert html.endswith('</tbody>\n</table>\n<div class="fb-note"><p>Summan är <em>avrundad</em>.</p></div></div>\n')
