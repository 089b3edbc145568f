"""One insats as one report describes it (the macro insats_year, templates/insats_year.html.j2) and the facts box
(tables.html.j2), on input that uses every branch: a period with and without dates, a steering group
of each kind, a rating with and without a comment, money with a comment, participants with the year before
and a breakdown, exits to a known and an unknown category, results with and without a figure, and text
that must be escaped. (The build tests compare whole sites.)"""

from __future__ import annotations

import pytest
from markupsafe import escape

from conftest import ROOT
from faktabank.load.loader import build
from faktabank.pages.regions import Regions
from faktabank.pages.render import make_env
from faktabank.text.links import Linker

_env = make_env()
_year = _env.get_template("insats_year.html.j2").module
_tables = _env.get_template("tables.html.j2").module
insats_year, period, steering_group = _year.insats_year, _year.period, _year.steering_group
facts, source = _tables.facts, _tables.source


@pytest.fixture(scope="module")
def model():
    return build(ROOT)


def test_facts_skips_empty_values_and_escapes() -> None:
    html = facts([("Typ", "A & B"), ("Tom", ""), ("Ingen", None), ("Noll", 0), ("Antal", 3)], caption="<Om>")
    assert html == ('<table class="fb-facts">\n<caption class="fb-sr-only">&lt;Om&gt;</caption>\n<tbody>\n'
                    '<tr><th scope="row">Typ</th><td>A &amp; B</td></tr>\n'
                    '<tr><th scope="row">Antal</th><td>3</td></tr>\n</tbody>\n</table>\n')
    assert facts([]).startswith('<table class="fb-facts">\n<caption class="fb-sr-only">Uppgifter i korthet</caption>')


def test_period_every_form() -> None:
    assert period({"fran": "2021-01-01", "till": "2023-12-31"}) == "2021-01-01 – 2023-12-31"
    assert period({"fran": "2021-01-01"}) == "2021-01-01 – "
    assert period({"fran": "2021-01-01", "till": "2023-12-31", "text": "tre år"}) == "2021-01-01 – 2023-12-31 (tre år)"
    assert period({"text": "löpande <tills vidare>"}) == "löpande &lt;tills vidare&gt;"


def test_steering_group_every_part(model) -> None:
    org = next(iter(model.organisations))
    link = Linker(model, "insatser/x.md")
    assert steering_group({"organisation": org}, link) == link.org(org)
    assert (steering_group({"organisation": org, "parter": [org, org], "beskrivning": "chefer *och* handläggare"}, link)
            == f"{link.org(org)} – {link.orgs([org, org])} – chefer <em>och</em> handläggare")
    assert steering_group({"beskrivning": "a & b"}, link) == "a &amp; b"


def test_insats_year_every_branch(model) -> None:
    report = next(iter(model.reports.values()))
    insats = next(iter(model.insatser.values()))
    org = next(iter(model.organisations))
    link = Linker(model, f"rapporter/{report.id}.md")
    entry = {
        "insats": insats.id, "namn_i_rapporten": "Steg & steg", "avsnitt": "Insatser", "agare": [org],
        "styrgrupp": {"organisation": org}, "period": {"text": "hela året"}, "malgrupp": "unga *vuxna*",
        "maluppfyllelse": {"bedomning": "Uppfyllt", "kommentar": "se *not*"},
        "ekonomi": {"enhet": "kr", "beviljat": 500000, "utfall": 458818, "kommentar": "Rest <återbetald>."},
        "deltagare": {"totalt": 12, "kvinnor": 7, "foregaende_ar": {"totalt": 9, "man": 4},
                      "fordelning": [{"etikett": "Under 25 år", "antal": 5}]},
        "avslut": [{"till": "Arbete", "kategori": "arbete", "antal": 3}, {"till": "Annat", "antal": 1}],
        "resultat": [{"text": "Fler i *arbete*"}, {"text": "Andel", "varde": 40, "enhet": "procent"}],
    }
    html = insats_year(entry, insats, report, link, Regions())
    cited = source(report, "Insatser", link)
    assert html.startswith(f'<table class="fb-facts">\n<caption class="fb-sr-only">Steg &amp; steg enligt '
                           f'{report.title.lower()}</caption>\n<tbody>\n'
                           '<tr><th scope="row">Namn i rapporten</th><td>Steg &amp; steg</td></tr>\n'
                           f'<tr><th scope="row">Projektägare</th><td>{link.orgs([org])}</td></tr>\n'
                           f'<tr><th scope="row">Styrgrupp</th><td>{link.org(org)}</td></tr>\n'
                           '<tr><th scope="row">Period</th><td>hela året</td></tr>\n'
                           '<tr><th scope="row">Målgrupp</th><td>unga <em>vuxna</em></td></tr>\n'
                           '<tr><th scope="row">Måluppfyllelse</th><td>Uppfyllt – se <em>not</em></td></tr>\n'
                           '</tbody>\n</table>\n\n')
    assert (f'<caption id="fb-rubrik-1">Ekonomi {report.year}: Steg &amp; steg <span class="fb-unit">(Belopp i kr)'
            f'</span><br>{cited}'
            '</caption>\n<thead><tr><th scope="col" class="num">Beviljat</th><th scope="col" class="num">Utfall</th>'
            '</tr></thead>\n<tbody><tr><td class="num">500\u00a0000\u00a0kr</td><td class="num">458\u00a0818\u00a0kr'
            '</td></tr></tbody>\n</table>\n<div class="fb-note"><p>Rest &lt;återbetald&gt;.</p></div>\n</div>\n') in html
    assert html.count('role="region" tabindex="0"') == 3 and 'aria-labelledby="fb-rubrik-3"' in html
    assert ('<thead><tr><th scope="col">Uppgift</th><th scope="col" class="num">Antal</th><th scope="col" '
            'class="num">Året innan</th></tr></thead>\n<tbody>\n'
            '<tr><th scope="row">Deltagare totalt</th><td class="num">12</td><td class="num">9</td></tr>\n'
            '<tr><th scope="row">Kvinnor</th><td class="num">7</td><td class="num"></td></tr>\n'
            '<tr><th scope="row">Män</th><td class="num"></td><td class="num">4</td></tr>\n'
            '<tr><th scope="row">Under 25 år</th><td class="num">5</td><td></td></tr>\n</tbody>\n</table>\n</div>\n'
            ) in html
    assert ('<tr><th scope="row">Arbete</th><td>Arbete</td><td class="num">3</td></tr>\n'
            '<tr><th scope="row">Annat</th><td></td><td class="num">1</td></tr>\n</tbody>\n</table>\n</div>\n') in html
    assert html.endswith('<ul class="fb-results">\n<li>Fler i <em>arbete</em></li>\n<li>Andel <span class="fb-figure">'
                         '(uppgift: <strong>40\u00a0%</strong>)</span></li>\n</ul>\n')


def test_insats_year_with_facts_only(model) -> None:
    report = next(iter(model.reports.values()))
    insats = next(iter(model.insatser.values()))
    entry = {"insats": insats.id, "avsnitt": "Insatser", "maluppfyllelse": {"bedomning": "Delvis <uppfyllt>"},
             "deltagare": {"totalt": 3}}
    html = insats_year(entry, insats, report, Linker(model, "insatser/x.md"), Regions())
    assert f'<caption class="fb-sr-only">{escape(insats.namn)} enligt' in html
    assert "Namn i rapporten" not in html and "Ekonomi" not in html and "fb-results" not in html
    assert '<tr><th scope="row">Måluppfyllelse</th><td>Delvis &lt;uppfyllt&gt;</td></tr>' in html
    assert ('<th scope="col" class="num">Antal</th></tr></thead>\n<tbody>\n'
            '<tr><th scope="row">Deltagare totalt</th><td class="num">3</td></tr>\n</tbody>\n</table>\n</div>\n') in html
