"""Render the model into pages: HTML from Jinja templates (autoescape on), one template per kind of page.

Rendering reads only the model; it never opens a data file.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, partial
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache, Environment, FileSystemLoader, StrictUndefined, select_autoescape

from faktabank.derive import compare, figures, insatsmoney, reconcile
from faktabank.derive.compare import EQUITY_CEILING
from faktabank.derive.roles import AUDIT_FUNCTION, BOARD_ROLE, MEDVERKAN, Roles, roles_of
from faktabank.export import opendata
from faktabank.model import Model, Organisation, Report
from faktabank.pages import publish
from faktabank.pages.comparecells import value_text
from faktabank.pages.page import Page
from faktabank.text import formatting
from faktabank.text.links import Linker, src_uri
from faktabank.text.markdownfields import markdown_html, markdown_inline

TEMPLATES = Path(__file__).parent / "templates"

TABLE_ORDER = ("oversikt", "resultatrakning", "balansrakning", "kassaflodesanalys", "not", "driftredovisning",
               "budgetuppfoljning", "balanskrav", "medlemsbidrag", "deltagare", "annan")
TABLE_GROUP = {
    "oversikt": "Översikt över flera år",
    "resultatrakning": "Resultaträkning",
    "balansrakning": "Balansräkning",
    "kassaflodesanalys": "Kassaflödesanalys",
    "not": "Noter",
    "driftredovisning": "Driftredovisning",
    "budgetuppfoljning": "Sammanställning av utfall och budget",
    "balanskrav": "Balanskravsresultat",
    "medlemsbidrag": "Medlemsbidrag",
    "deltagare": "Deltagare i insatser",
    "annan": "Övriga tabeller",
}
INSATS_TYP = {"individinriktad": "Individinriktad", "strukturovergripande": "Strukturövergripande",
              "forstudie": "Förstudie", "administration": "Administration"}
REPORT_TYP = {"arsredovisning": "Årsredovisning", "delarsrapport": "Delårsrapport"}
ORG_TYP = {"statlig-myndighet": "Statlig myndighet", "region": "Region", "kommun": "Kommun",
           "kommunal-verksamhet": "Kommunal verksamhet", "kommunalforbund": "Kommunalförbund",
           "samordningsforbund": "Samordningsförbund", "samverkansgrupp": "Samverkansgrupp", "natverk": "Nätverk",
           "foretag": "Företag", "forening": "Förening", "utbildning": "Utbildning", "ovrig": "Övrig"}
JAMFORELSE = {"hogre": "Högre", "lagre": "Lägre", "varken": "Varken högre eller lägre", "ej-matbart": "Ej mätbart"}
TREND = {"upp": ("↑", "bättre än året innan"), "ned": ("↓", "sämre än året innan"), "plant": ("→", "oförändrat")}
RESPONDENT = {"deltagare": "Deltagare", "insatspersonal": "Insatspersonal", "styrelse": "Styrelsen",
              "parternas-chefsgrupp": "Parternas chefsgrupp", "remittenter": "Remittenter", "flera": "Flera grupper"}
ENKAT = {"pagaende": "pågående", "avslut": "avslut", "styrelse": "styrelse", "chefsgrupp": "chefsgrupp",
         "personal": "personal", "remittent": "remittent"}
GRUPP = {"totalt": "Totalt", "kvinnor": "Kvinnor", "man": "Män"}


def events(items: tuple) -> list:
    """Dated events in date order, then the undated ones in the report's order."""
    dated = sorted((e for e in items if "datum" in e), key=lambda e: e["datum"])
    return dated + [e for e in items if "datum" not in e]


DATA_COPY = "datafiler/"  # internal edition: where the data files are copied, so that pages can link to them
DATA_INDEX = "datafiler/index.md"  # internal edition: the list of them
NAMES_ITS_FILE = ("forbund.html.j2", "insats.html.j2", "organisation.html.j2", "person.html.j2", "rapport.html.j2")
# Macro libraries whose macros every template may call by name (one macro per kind of table or part).
MACROS = {
    "tables.html.j2": ("facts", "unit_caption", "source", "dates", "statement_table", "roles_table"),
    "insats_year.html.j2": ("insats_year",),
    "cells.html.j2": ("cmp_cell",),
}


@dataclass(frozen=True)
class HeadingLink:
    """The link after each heading, as mkdocs.yml's `toc: permalink:` asks for it (parts.html.j2's `h`)."""

    symbol: str = "¶"
    title: str = "Permanent link"


def make_env(environment: type[Environment] = Environment, bytecode_cache: BytecodeCache | None = None,
             heading_link: HeadingLink | None = None) -> Environment:
    """The templates' environment: autoescape on, StrictUndefined. The speed layer may hand in a faster
    Environment class and a cache of compiled templates (speed/); the pages are the same."""
    env = environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        bytecode_cache=bytecode_cache,
        auto_reload=False,  # one environment per build: no stat() of every template on every page
        undefined=StrictUndefined,
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        num=formatting.number,
        amount=formatting.amount,
        when=formatting.report_period,
        md=markdown_html,
        mdi=markdown_inline,
    )
    env.tests.update(has=lambda mapping, key: key in mapping, contains=lambda seq, item: item in seq,
                     whole_year=lambda when: str(when).isdigit())  # a period heading that is a calendar year
    env.filters["fbv"] = value_text
    env.globals.update(
        fmt=formatting, events=events, TABLE_GROUP=TABLE_GROUP, INSATS_TYP=INSATS_TYP, REPORT_TYP=REPORT_TYP, ORG_TYP=ORG_TYP,
        JAMFORELSE=JAMFORELSE, TREND=TREND, RESPONDENT=RESPONDENT, ENKAT=ENKAT, GRUPP=GRUPP,
        BOARD_ROLE=BOARD_ROLE, AUDIT_FUNCTION=AUDIT_FUNCTION, MEDVERKAN=MEDVERKAN, KEY_FIGURES=figures.KEY_FIGURES,
        UNIT_NAME=formatting.UNIT_NAME, table_anchor=figures.table_anchor, table_cell=formatting.table_cell,
        contribution_grid=figures.contribution_grid, heading_link=heading_link, EQUITY_CEILING=EQUITY_CEILING,
        DATA_COPY=DATA_COPY, DATA_INDEX=DATA_INDEX, insats_money=insatsmoney.overview,
        in_tkr=compare.in_tkr, BELOPP=frozenset(m.id for m in compare.METRICS if m.kind == "belopp"),  # shown in tkr
    )
    for library, names in MACROS.items():  # the table macros, callable by name from every template
        module = env.get_template(library).module
        env.globals.update({name: getattr(module, name) for name in names})
    return env


@dataclass(frozen=True)
class Context:
    model: Model
    roles: Roles
    insats_years: dict[str, tuple[tuple[Report, Any], ...]]
    insats_rows: dict[str, tuple[tuple[Report, Any, Any], ...]]
    indicator_rows: dict[int, tuple[tuple[Report, Any, Any], ...]]
    use_directory_urls: bool
    # (förbund, insats) → the goals in that förbund's reports that name the insats (itself or in an activity),
    # report by report in date order: what an insats page lists
    insats_goals: dict[tuple[str, str], tuple[tuple[Report, Any], ...]]
    org_parts: dict[str, tuple[Organisation, ...]]  # organisation → its units (del_av), in the registry's order


def build_context(model: Model, use_directory_urls: bool = True) -> Context:
    years: dict[str, list] = defaultdict(list)
    rows: dict[str, list] = defaultdict(list)
    indicators: dict[int, list] = defaultdict(list)
    goals: dict[tuple[str, str], list] = defaultdict(list)
    for r in sorted(model.reports.values(), key=lambda r: (r.till, r.id)):  # Model.reports_of's order
        for s in r.data.get("insatser", ()):
            years[s["insats"]].append((r, s))
        for g in r.data.get("mal", {}).get("poster", ()):
            named = [*g.get("insatser", ()), *(a.get("insats") for a in g.get("aktiviteter", ()))]
            for insats in dict.fromkeys(named):
                if insats:
                    goals[(r.forbund, insats)].append((r, g))
        for t in r.tables:
            for row in t.rows:
                if row.insats:
                    rows[row.insats].append((r, t, row))
        for table in r.data.get("indikatorer", ()):
            for row in table["rader"]:
                indicators[row["indikator"]].append((r, table, row))
    parts: dict[str, list[Organisation]] = defaultdict(list)
    for o in model.organisations.values():
        if o.del_av:
            parts[o.del_av].append(o)
    return Context(model, roles_of(model), {k: tuple(v) for k, v in years.items()},
                   {k: tuple(v) for k, v in rows.items()}, {k: tuple(v) for k, v in sorted(indicators.items())},
                   use_directory_urls, {k: tuple(v) for k, v in goals.items()}, {k: tuple(v) for k, v in parts.items()})


class Renderer:
    def __init__(self, model: Model, use_directory_urls: bool = True,
                 findings: Callable[[], tuple[reconcile.Finding, ...]] | None = None,
                 env: Environment | None = None) -> None:
        """`findings`: the model's reconcile.reconcile, when it is worked out elsewhere (the adapter: in a forked
        process, while this process goes on). `env`: the templates' environment (make_env) if not the default."""
        self.findings = findings or partial(reconcile.reconcile, model)
        self.env = env or make_env()
        self.ctx = build_context(model, use_directory_urls)
        publish.extend(self)
        for name in self.env.list_templates():  # compiled once here, not once in each worker process
            self.env.get_template(name)

    def _render(self, src: str, template: str, title: str, edit_path: str | None, group: str | None = None,
                **values: Any) -> Page:
        """The page, with its template to be rendered when its source is read."""
        return Page(src, title, edit_path, partial(self._source, src, template, title, edit_path, values), group)

    def _source(self, src: str, template: str, title: str, edit_path: str | None, values: dict[str, Any]) -> str:
        link = Linker(self.ctx.model, src, self.ctx.use_directory_urls)
        context = dict(m=self.ctx.model, ctx=self.ctx, link=link, title=title, edit_path=edit_path, **values)
        html = self.env.get_template(template).render(context)
        if self.ctx.model.edition == "internal" and template not in NAMES_ITS_FILE:
            html += self.env.get_template("kallfiler.html.j2").render(context)  # every internal page names its file
        return html

    @cached_property
    def open_data(self) -> opendata.Published:
        """What the Öppna data page says of the open-data files. The MkDocs hook sets it from the files it writes
        (opendata.write); otherwise they are made in memory (opendata.published)."""
        return opendata.published(self.ctx.model)

    def pages(self) -> list[Page]:
        m = self.ctx.model
        findings = self.findings()  # disagreements in the sources: listed, never a build failure
        findings_of = reconcile.by_report(findings)
        out = [
            self._render("index.md", "start.html.j2", "Finsam faktabank", None),
            self._render(src_uri("forbund"), "forbund_index.html.j2", "Förbund", None),
            self._render(src_uri("rapport"), "rapport_index.html.j2", "Rapporter", None),
            self._render(src_uri("insats"), "insats_index.html.j2", "Insatser", None),
            self._render(src_uri("organisation"), "organisation_index.html.j2", "Organisationer", None),
            self._render(src_uri("person"), "person_index.html.j2", "Personer", None),
            self._render(src_uri("indikator"), "indikator_index.html.j2", "Indikatorer", None),
            self._render("ordlista.md", "ordlista.html.j2", "Ordlista", "data/ordlista.yaml"),
            self._render("datakvalitet.md", "datakvalitet.html.j2", "Datakvalitet", None, findings=findings,
                         groups=findings_of, checks=reconcile.CHECKS, variants=reconcile.name_variants(m)),
        ]
        if m.edition == "internal":  # editors' notes and drafts in one place; never in the public edition
            out.append(self._render("intern.md", "intern.html.j2", "Interna anteckningar", None))
            out.append(self._render(DATA_INDEX, "datafiler.html.j2", "Datafiler", None))
        of_forbund: dict[str, list[figures.Contribution]] = defaultdict(list)  # computed once, not once a page
        of_party: dict[str, list[figures.Contribution]] = defaultdict(list)
        for c in figures.contributions(m):
            of_forbund[m.reports[c.fact.report].forbund].append(c)
            for party in dict.fromkeys(c.parter):
                of_party[party].append(c)
        for f in m.forbund.values():
            out.append(self._render(src_uri("forbund", f.id), "forbund.html.j2", f.namn, f.source.file, f.id, f=f,
                                    key_figures=figures.key_figures(m, f.id),
                                    contributions=of_forbund.get(f.id, [])))
        for r in m.reports.values():
            title = f"{m.forbund[r.forbund].namn}: {r.title}"
            out.append(self._render(src_uri("rapport", r.id), "rapport.html.j2", title, r.source.file, r.forbund, r=r,
                                    tables=sorted(r.tables, key=lambda t: TABLE_ORDER.index(t.typ)),
                                    findings=findings_of.get(r.id, ())))
        for i in m.insatser.values():
            out.append(self._render(src_uri("insats", i.id), "insats.html.j2", i.namn, i.source.file, i.forbund, i=i))
        for o in m.organisations.values():
            out.append(self._render(src_uri("organisation", o.id), "organisation.html.j2", o.namn, o.source.file, o=o,
                                    contributions=of_party.get(o.id, [])))
        for p in m.persons.values():
            roles = self.ctx.roles.by_person.get(p.id)
            out.append(self._render(src_uri("person", p.id), "person.html.j2", p.namn, p.source.file,
                                    roles[0].forbund if roles else None, p=p))
        for number in publish.indicators.NUMBERS:  # all sixteen, with or without results
            out.append(self._render(src_uri("indikator", number), "indikator.html.j2", f"Indikator {number}", None,
                                    number=number))
        out += publish.pages(self)  # Jämförelser, Insatskatalog, Öppna data
        return out
