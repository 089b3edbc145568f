"""One insats as one report describes it, as HTML written in Python.

Each report page shows every insats the report describes, and each insats page shows every year of it: at
national scale some twenty thousand blocks. As a template this was a third of a report page's rendering
time. The output is the HTML the former template insats_year.html.j2 gave, character for character (the build
tests compare whole sites; tests/test_insatsyear.py covers the branches).
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from faktabank.model import Insats, Report
from faktabank.pages.tablehtml import facts, source, unit_caption
from faktabank.text.escaping import escape, markup
from faktabank.text.formatting import amount, number
from faktabank.text.links import Linker
from faktabank.text.markdownfields import markdown_html, markdown_inline

AVSLUT = {"arbete": "Arbete", "studier": "Studier", "arbete-eller-studier": "Arbete eller studier",
          "annan-insats": "Annan insats", "vard": "Vård", "ej-aktuell": "Ej aktuell", "ovrigt": "Övrigt"}
MONEY = (("beviljat", "Beviljat"), ("budget", "Budget"), ("utfall", "Utfall"), ("prognos", "Prognos"))
PARTICIPANTS = (("totalt", "Deltagare totalt"), ("kvinnor", "Kvinnor"), ("man", "Män"), ("nya", "Nya under året"),
                ("avslutade", "Avslutade under året"), ("pagaende", "Pågående vid årets slut"))


def period(p: Any) -> Markup:
    """'2021-01-01 – 2023-12-31', with the report's own wording in brackets, or the wording alone."""
    dated = bool(p.get("fran") or p.get("till"))
    out = f"{escape(p.get('fran', ''))} – {escape(p.get('till', ''))}" if dated else ""
    if p.get("text"):
        out += f" ({escape(p['text'])})" if dated else str(escape(p["text"]))
    return markup(out)


def steering_group(g: Any, link: Linker) -> Markup:
    """The steering group: its organisation, its parties and its description, as far as the report names them."""
    parts = []
    if g.get("organisation"):
        parts.append(link.org(g["organisation"]))
    if g.get("parter"):
        parts.append(link.orgs(g["parter"]))
    if g.get("beskrivning"):
        parts.append(markdown_inline(g["beskrivning"]))
    return Markup(" – ").join(parts)


def _field(s: Any, key: str) -> Markup | str:
    return markdown_inline(s[key]) if s.get(key) else ""


def insats_year(s: Any, insats: Insats, r: Report, link: Linker) -> Markup:
    """The report's entry `s` for `insats`: facts, money, participants, where those who left went, results."""
    name = s.get("namn_i_rapporten", insats.namn)
    rating = s.get("maluppfyllelse")
    if rating:
        comment = rating.get("kommentar")
        rating = escape(rating["bedomning"]) + (Markup(" – ") + markdown_inline(comment) if comment else "")
    out = [facts([
        ("Namn i rapporten", s.get("namn_i_rapporten", "")),
        ("Projektägare", link.orgs(s.get("agare", ()))),
        ("Styrgrupp", steering_group(s["styrgrupp"], link) if s.get("styrgrupp") else ""),
        ("Period", period(s["period"]) if s.get("period") else ""),
        ("Målgrupp", _field(s, "malgrupp")),
        ("Mål", _field(s, "mal")),
        ("Innehåll", _field(s, "innehall")),
        ("Personal", _field(s, "personal")),
        ("Måluppfyllelse", rating or ""),
    ], caption=f"{name} enligt {r.title.lower()}"), "\n"]
    name = escape(name)
    cited = source(r, s["avsnitt"], link) if s.get("ekonomi") or s.get("deltagare") or s.get("avslut") else ""
    e = s.get("ekonomi")
    if e:
        shown = [(key, label) for key, label in MONEY if e.get(key) is not None]
        out.append(f'<div class="fb-table">\n<table class="fb">\n<caption>Ekonomi {r.year}: {name} '
                   f'<span class="fb-unit">({unit_caption(e["enhet"])})</span><br>{cited}</caption>\n<thead><tr>')
        out += [f'<th scope="col" class="num">{label}</th>' for _, label in shown]
        out.append("</tr></thead>\n<tbody><tr>")
        out += [f'<td class="num">{escape(amount(e[key], e["enhet"]))}</td>' for key, _ in shown]
        out.append("</tr></tbody>\n</table>\n")
        if e.get("kommentar"):
            out.append(f'<div class="fb-note">{markdown_html(e["kommentar"])}</div>')
        out.append("</div>\n")
    p = s.get("deltagare")
    if p:
        before = p.get("foregaende_ar")
        out.append(f'<div class="fb-table">\n<table class="fb">\n<caption>Deltagare {r.year}: {name}<br>{cited}'
                   '</caption>\n<thead><tr><th scope="col">Uppgift</th><th scope="col" class="num">Antal</th>'
                   + ('<th scope="col" class="num">Året innan</th>' if before else "") + "</tr></thead>\n<tbody>\n")
        earlier = p.get("foregaende_ar", {})
        for key, label in PARTICIPANTS:
            if p.get(key) is not None or earlier.get(key) is not None:
                out.append(f'<tr><th scope="row">{label}</th><td class="num">{escape(number(p.get(key)))}</td>'
                           + (f'<td class="num">{escape(number(before.get(key)))}</td>' if before else "")
                           + "</tr>\n")
        for x in p.get("fordelning", ()):
            out.append(f'<tr><th scope="row">{escape(x["etikett"])}</th><td class="num">{escape(number(x["antal"]))}'
                       + ("</td><td></td></tr>\n" if before else "</td></tr>\n"))
        out.append("</tbody>\n</table>\n")
        if p.get("kommentar"):
            out.append(f'<div class="fb-note">{markdown_html(p["kommentar"])}</div>')
        out.append("</div>\n")
    if s.get("avslut"):
        out.append(f'<div class="fb-table">\n<table class="fb">\n<caption>Avslutade deltagare {r.year}, {name}: '
                   f'vart de gick<br>{cited}</caption>\n<thead><tr><th scope="col">Till</th><th scope="col">Kategori'
                   '</th><th scope="col" class="num">Antal</th></tr></thead>\n<tbody>\n')
        out += [f'<tr><th scope="row">{escape(x["till"])}</th><td>{escape(AVSLUT.get(x.get("kategori"), ""))}</td>'
                f'<td class="num">{escape(number(x["antal"]))}</td></tr>\n' for x in s["avslut"]]
        out.append("</tbody>\n</table>\n</div>\n")
    if s.get("resultat"):
        out.append('<ul class="fb-results">\n')
        for x in s["resultat"]:
            figure = ""
            if x.get("varde") is not None:
                figure = (' <span class="fb-figure">(uppgift: <strong>'
                          f'{escape(amount(x["varde"], x.get("enhet", "antal")))}</strong>)</span>')
            out.append(f"<li>{markdown_inline(x['text'])}{figure}</li>\n")
        out.append("</ul>\n")
    return markup("".join(out))
