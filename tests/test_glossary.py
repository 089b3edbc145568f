"""Ordlista: every term has an explanation on the Ordlista page and a tooltip where it appears."""

from __future__ import annotations

import re
from pathlib import Path

from faktabank.load.loader import build
from faktabank.model import Term
from faktabank.pages.glossary import Annotator
from htmlpage import page

ROOT = Path(__file__).resolve().parent.parent


def _term(term: str, *former: str, utlast: str | None = None) -> Term:
    return Term(term.lower().replace("/", "-"), term, utlast, f"Förklaring av {term}.", former, True, ())


def test_terms_are_wrapped_in_text_but_not_in_links_headings_or_attributes() -> None:
    annotator = Annotator([_term("SUS", utlast="ett system"), _term("Fontänhus", "Fontänhuset")])
    html = ('<h2 id="sus">SUS</h2><p title="SUS">Data i SUS och <a href="x">SUS</a>; Fontänhuset, '
            'SUSAN och SUS-data.</p><code>SUS</code>')
    out = annotator.annotate(html)
    assert out.count("<abbr") == 2
    assert '<p title="SUS">Data i <abbr title="ett system: Förklaring av SUS.">SUS</abbr> och <a href="x">SUS</a>' in out
    assert '<abbr title="Förklaring av Fontänhus.">Fontänhuset</abbr>' in out
    assert '<h2 id="sus">SUS</h2>' in out
    assert "SUSAN" in out and "SUS-data" in out and "<code>SUS</code>" in out


def test_the_longest_form_that_fits_wins_and_a_shorter_one_is_tried_next() -> None:
    """Forms sharing a beginning (one regular expression as a tree of characters): the longest form that
    stands as a word is wrapped; where it does not (a letter follows), a shorter form that does is."""
    annotator = Annotator([_term("Fontänhus", "Fontänhuset"), _term("AF"), _term("AMI"), _term("A")])
    out = annotator.annotate("<p>Fontänhuset, Fontänhusets, Fontänhus; AMI, AF, AFX, A och AMIX.</p>")
    wrapped = re.findall(r"<abbr[^>]*>([^<]*)</abbr>", out)
    assert wrapped == ["Fontänhuset", "Fontänhus", "AMI", "AF", "A"]
    assert "Fontänhusets" in out and "AFX" in out and "AMIX" in out


def test_ordlista_page_explains_the_reports_abbreviations(built_site: Path) -> None:
    view = page(built_site, "ordlista/")
    terms = {row[0] for row in view.table("ordlista-tabell").rows[1:]}
    for wanted in ("Finsam", "SUS", "Uppföljning Finsam", "LSG", "SIP", "SMO", "ASF", "UMA", "IPS", "ESF", "RKR"):
        assert wanted in terms, wanted
    model = build(ROOT)
    assert len(terms) == len(model.glossary)


def test_terms_get_tooltips_on_report_pages(built_site: Path) -> None:
    raw = (built_site / "rapporter/vasterbergslagen-2023/index.html").read_text(encoding="utf-8")
    model = build(ROOT)
    sus = next(t for t in model.glossary if t.term == "SUS")
    assert re.search(r'<abbr title="[^"]*' + re.escape(sus.forklaring[:30]) + r'[^"]*">SUS</abbr>', raw)
    assert re.search(r'<abbr title="[^"]+">LSG</abbr>', raw)
    # never inside a link
    assert not re.search(r"<a [^>]*>[^<]*<abbr", raw)
