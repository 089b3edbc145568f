"""HTML for the tables that appear on thousands of pages, written in Python.

A report page shows each of its statements (resultaträkning, balansräkning, kassaflöde, notes, overviews)
as a table; at national scale that is some fifteen thousand tables, and as a template macro they were a
third of a report page's rendering time. Every person and organisation page has a table of its roles. The
output is the HTML the former macros in macros.html.j2 gave, character for character (the build tests compare
whole sites; tests/test_tablehtml.py covers the branches the data does not).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from markupsafe import Markup

from faktabank.derive.figures import table_anchor
from faktabank.derive.roles import Role
from faktabank.model import Report, Table
from faktabank.text.escaping import escape, markup
from faktabank.text.formatting import UNIT_NAME, table_cell
from faktabank.text.links import Linker
from faktabank.text.markdownfields import markdown_html, markdown_inline


def facts(rows: Iterable[tuple[str, Any]], caption: str = "Uppgifter i korthet") -> Markup:
    """The facts box at the top of an entity page: one row per label whose value is not empty."""
    body = "".join(f'<tr><th scope="row">{escape(label)}</th><td>{escape(value)}</td></tr>\n'
                   for label, value in rows if value)
    return markup(f'<table class="fb-facts">\n<caption class="fb-sr-only">{escape(caption)}</caption>\n<tbody>\n'
                  f'{body}</tbody>\n</table>\n')


def unit_caption(unit: str) -> Markup:
    """The unit a table's figures are in, as its caption says it: 'Belopp i tkr', 'Värden i procent'."""
    if unit in ("kr", "tkr", "kkr"):
        return Markup("Belopp i ") + escape(unit)
    named = {"procent": "Värden i procent", "antal": "Antal", "kr/dag": "Kronor per dag"}.get(unit)
    return Markup(named) if named is not None else escape(UNIT_NAME[unit])


def source(report: Report, avsnitt: str, link: Linker) -> Markup:
    """'Källa: <the report, linked>, avsnitt <section>'."""
    return markup(f'<span class="fb-source">Källa: {escape(link.report(report.id, text=report.title))}, '
                  f'avsnitt {escape(avsnitt)}</span>')


def statement_table(table: Table, report: Report, link: Linker) -> Markup:
    """A statement as printed: its rows (an insats's row links to the insats), a note number linked to the
    note's table, every cell in the table's unit or with its own, and the table's comment."""
    has_note = any(row.note for row in table.rows)
    has_proj = any(row.projekt for row in table.rows)
    notes = [t for t in report.tables if t.typ == "not"]
    columns = table.columns
    numeric = [' class="num"' if c.slag != "text" else "" for c in columns]
    out = [f'<div class="fb-table" id="{escape(table_anchor(table))}">\n<table class="fb">\n'
           f'<caption>{escape(table.rubrik)} <span class="fb-unit">({unit_caption(table.enhet)})</span><br>'
           f'{source(report, table.avsnitt, link)}</caption>\n<thead>\n<tr>']
    if has_proj:
        out.append('<th scope="col">Proj.nr</th>')
    out.append('<th scope="col">Post</th>')
    if has_note:
        out.append('<th scope="col" class="num">Not</th>')
    for column, num in zip(columns, numeric, strict=True):
        unit = f" ({unit_caption(column.enhet).lower()})" if column.enhet != table.enhet else ""
        out.append(f'<th scope="col"{num}>{escape(column.rubrik)}{unit}</th>')
    out.append("</tr>\n</thead>\n<tbody>\n")
    insatser = link.model.insatser
    for row in table.rows:
        out.append(f'<tr class="fb-{escape(row.slag)}">')
        if has_proj:
            out.append(f"<td>{escape(row.projekt or '')}</td>")
        text = link.insats(row.insats, row.text) if row.insats and row.insats in insatser else escape(row.text)
        out.append(f'<th scope="row">{text}</th>')
        if has_note:
            note = ""
            if row.note:
                target = next((t for t in notes if t.note == row.note), None)
                note = (f'<a href="#{escape(table_anchor(target))}">{escape(row.note)}</a>' if target
                        else escape(row.note))
            out.append(f'<td class="num">{note}</td>')
        for i, cell in enumerate(row.cells):
            out.append(f"<td{numeric[i]}>{table_cell(cell, columns[i].enhet)}</td>")
        out.append("<td></td>" * (len(columns) - len(row.cells)))
        out.append("</tr>\n")
    out.append("</tbody>\n</table>\n")
    if table.kommentar:
        out.append(f'<div class="fb-note">{markdown_html(table.kommentar)}</div>')
    out.append("</div>\n")
    return markup("".join(out))


def dates(fran: str | None, till: str | None) -> Markup:
    """A period as the tables show it: '2021-01-01 – 2021-06-30', 'från 2021-01-01', 'till 2021-06-30', or ''."""
    if fran and till:
        return markup(f"{escape(fran)} – {escape(till)}")
    if fran:
        return markup(f"från {escape(fran)}")
    return markup(f"till {escape(till)}") if till else markup("")


def roles_table(roles: Iterable[Role], link: Linker, caption: str, with_via: bool = True) -> Markup:
    """A person's or an organisation's roles, one row per role and report: year, förbund, role (and its
    insats), details, the organisations involved (`with_via`), period and the report it comes from."""
    via_head = '<th scope="col">Organisation</th>' if with_via else ""
    out = [f'<div class="fb-table">\n<table class="fb">\n<caption>{escape(caption)}</caption>\n'
           '<thead><tr><th scope="col">År</th><th scope="col">Förbund</th><th scope="col">Roll</th>'
           f'<th scope="col">Detaljer</th>{via_head}<th scope="col">Period</th><th scope="col">Källa</th></tr></thead>'
           '\n<tbody>\n']
    for x in roles:
        role = escape(x.role) + (Markup(": ") + link.insats(x.insats) if x.insats else "")
        detail = markdown_inline(x.detail) if x.detail else ""
        via = f"<td>{link.orgs(x.via)}</td>" if with_via else ""
        period = dates(x.fran, x.till)
        out.append(f"<tr><td>{escape(x.year)}</td><td>{link.forbund(x.forbund, short=True)}</td><td>{role}</td>"
                   f"<td>{detail}</td>{via}<td>{period}</td><td>{link.report(x.report, anchor=x.anchor)}</td></tr>\n")
    out.append("</tbody>\n</table>\n</div>\n")
    return markup("".join(out))
