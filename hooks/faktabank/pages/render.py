"""Render the model into pages: HTML from Jinja templates (autoescape on), one template per kind of page.

Rendering reads only the model; it never opens a data file.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property, partial
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache, Environment, FileSystemLoader, StrictUndefined, select_autoescape

from faktabank.derive import compare, figures, insatsmoney, reconcile
from faktabank.derive.compare import EQUITY_CEILING
from faktabank.derive.roles import AUDIT_FUNCTION, BOARD_ROLE, MEDVERKAN, Roles, roles_of
from faktabank.export import opendata
from faktabank.model import Model, Organisation, Report
from faktabank.pages import publish, split
from faktabank.pages.comparecells import value_text
from faktabank.pages.page import Page
from faktabank.pages.regions import Regions
from faktabank.text import formatting
from faktabank.text.links import Linker, org_part_src, src_uri
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
    "parts.html.j2": ("h",),
    "tables.html.j2": ("facts", "table_box", "unit_caption", "source", "dates", "statement_table", "roles_table"),
    "insats_year.html.j2": ("insats_year",),
    "cells.html.j2": ("cmp_cell",),
}


@dataclass(frozen=True)
class HeadingStyle:
    """How parts.html.j2's `h` writes a heading, as mkdocs.yml's `toc` settings make Python-Markdown write one on a
    hand-written page (the adapter reads them: plugin/content.toc_settings): a permalink after the text (before
    it with `permalink_leading`), and with `anchorlink` the text as a link to the heading."""

    permalink: str | None = None  # the permalink's text ("¶" for `permalink: true`); None: no permalink
    permalink_class: str = "headerlink"
    permalink_title: str = "Permanent link"
    permalink_leading: bool = False
    anchorlink: bool = False
    anchorlink_class: str = "toclink"


def make_env(environment: type[Environment] = Environment, bytecode_cache: BytecodeCache | None = None,
             heading_style: HeadingStyle = HeadingStyle()) -> Environment:
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
        cell=formatting.table_cell,
    )
    env.tests.update(has=lambda mapping, key: key in mapping, contains=lambda seq, item: item in seq,
                     whole_year=lambda when: str(when).isdigit())  # a period heading that is a calendar year
    env.filters["fbv"] = value_text
    env.globals.update(
        fmt=formatting, events=events, TABLE_GROUP=TABLE_GROUP, INSATS_TYP=INSATS_TYP, REPORT_TYP=REPORT_TYP, ORG_TYP=ORG_TYP,
        JAMFORELSE=JAMFORELSE, TREND=TREND, RESPONDENT=RESPONDENT, ENKAT=ENKAT, GRUPP=GRUPP,
        BOARD_ROLE=BOARD_ROLE, AUDIT_FUNCTION=AUDIT_FUNCTION, MEDVERKAN=MEDVERKAN, KEY_FIGURES=figures.KEY_FIGURES,
        UNIT_NAME=formatting.UNIT_NAME, table_anchor=figures.table_anchor, note_anchors=figures.note_anchors,
        zip=zip,  # a row's cells with their columns (a row has a cell for every column, or none: load/loader.py)
        contribution_grid=figures.contribution_grid, heading=heading_style, EQUITY_CEILING=EQUITY_CEILING,
        DATA_COPY=DATA_COPY, DATA_INDEX=DATA_INDEX, insats_money=insatsmoney.overview,
        in_tkr=compare.in_tkr, BELOPP=frozenset(m.id for m in compare.METRICS if m.kind == "belopp"),  # shown in tkr
        MAX_ROWS=split.MAX_ROWS,
    )
    for library, names in MACROS.items():  # the table macros, callable by name from every template
        module = env.get_template(library).module
        env.globals.update({name: getattr(module, name) for name in names})
    return env


@dataclass(frozen=True)
class OrgPart:
    """An organisation's roles in one förbund, when its roles are split by förbund (pages/split.py)."""

    forbund: str
    lan: str
    roles: tuple
    contributions: tuple
    years: str


@dataclass(frozen=True)
class Context:
    model: Model
    roles: Roles
    insats_years: dict[str, tuple[tuple[Report, Any], ...]]
    # insats → the statement tables with rows that name it: (report, table, those rows), in report order
    insats_rows: dict[str, tuple[tuple[Report, Any, tuple[Any, ...]], ...]]
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
                    listed = rows[row.insats]
                    if listed and listed[-1][0] is r and listed[-1][1] is t:
                        listed[-1][2].append(row)
                    else:
                        listed.append((r, t, [row]))
        for table in r.data.get("indikatorer", ()):
            for row in table["rader"]:
                indicators[row["indikator"]].append((r, table, row))
    parts: dict[str, list[Organisation]] = defaultdict(list)
    for o in model.organisations.values():
        if o.del_av:
            parts[o.del_av].append(o)
    return Context(model, roles_of(model), {k: tuple(v) for k, v in years.items()},
                   {k: tuple((r, t, tuple(named)) for r, t, named in v) for k, v in rows.items()},
                   {k: tuple(v) for k, v in sorted(indicators.items())}, use_directory_urls,
                   {k: tuple(v) for k, v in goals.items()}, {k: tuple(v) for k, v in parts.items()})


class Renderer:
    comparison_plan: publish.ComparisonPlan  # set by publish.extend

    def __init__(self, model: Model, use_directory_urls: bool = True, env: Environment | None = None) -> None:
        """`env`: the templates' environment (make_env) if not the default."""
        self.env = env or make_env()
        self.ctx = build_context(model, use_directory_urls)
        # organisations with more roles than a page lists (split.MAX_ROWS): a summary and a page per förbund
        self.org_parts: dict[str, frozenset[str]] = {
            oid: frozenset(r.forbund for r in roles) for oid, roles in self.ctx.roles.by_org.items()
            if len(roles) > split.MAX_ROWS["roles"] and oid in model.organisations}
        publish.extend(self)
        for name in self.env.list_templates():  # compiled once here, not once in each worker process
            self.env.get_template(name)

    def _render(self, src: str, template: str, title: str, edit_path: str | None, group: str | None = None,
                **values: Any) -> Page:
        """The page, with its template to be rendered when its source is read."""
        return Page(src, title, edit_path, partial(self._source, src, template, title, edit_path, values), group)

    def _source(self, src: str, template: str, title: str, edit_path: str | None, values: dict[str, Any]) -> str:
        link = Linker(self.ctx.model, src, self.ctx.use_directory_urls, self.org_parts)
        context = dict(m=self.ctx.model, ctx=self.ctx, link=link, regions=Regions(), title=title, edit_path=edit_path,
                       **values)
        html = self.env.get_template(template).render(context)
        if self.ctx.model.edition == "internal" and template not in NAMES_ITS_FILE:
            html += self.env.get_template("kallfiler.html.j2").render(context)  # every internal page names its file
        return html

    @cached_property
    def open_data(self) -> opendata.Published:
        """What the Öppna data page says of the open-data files. The MkDocs hook sets it from the files it writes
        (opendata.write); otherwise they are made in memory (opendata.published)."""
        return opendata.published(self.ctx.model)

    def _index(self, kind: str, title: str, rows: list, label: Callable[[Any], str]) -> list[Page]:
        """An index page (its template: '<kind>_index.html.j2'); beyond split.MAX_ROWS rows, a summary of parts."""
        src, template = src_uri(kind), f"{kind}_index.html.j2"
        limit = split.MAX_ROWS["index"]
        parts = split.pages_of(rows, limit, label)
        common = {"index_src": src, "index_title": title, "max_rows": limit}
        if len(parts) == 1:
            return [self._render(src, template, title, None, rows=rows, parts=(), part=None, **common)]
        listed = [(split.part_src(src, p), p) for p in parts]
        return [self._render(src, template, title, None, rows=(), parts=listed, part=None, **common),
                *(self._render(part_src, template, f"{title}: {p.label}", None, rows=p.items, parts=listed, part=p,
                               **common) for part_src, p in listed)]

    def _split_organisation(self, o: Organisation, contributions: list[figures.Contribution]) -> list[Page]:
        """An organisation with roles in more förbund and years than a page lists: a summary (roles counted by
        förbund, län, kind and year) and one page per förbund with the roles and the contributions there."""
        m = self.ctx.model
        roles = self.ctx.roles.by_org[o.id]
        by_forbund: dict[str, list] = defaultdict(list)
        for r in roles:
            by_forbund[r.forbund].append(r)
        paid: dict[str, list[figures.Contribution]] = defaultdict(list)
        for c in contributions:
            paid[m.reports[c.fact.report].forbund].append(c)
        forbund = sorted(by_forbund, key=lambda fid: (split.lan_of(m.forbund[fid].data).casefold(),
                                                      m.forbund[fid].kortnamn.casefold()))
        parts = []
        for fid in forbund:
            years = sorted({r.year for r in by_forbund[fid]})
            parts.append(OrgPart(fid, split.lan_of(m.forbund[fid].data), tuple(by_forbund[fid]), tuple(paid.get(fid, ())),
                                 str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"))
        by_lan: dict[str, list[OrgPart]] = defaultdict(list)
        for part in parts:
            by_lan[part.lan].append(part)
        kinds: dict[str, list] = defaultdict(list)
        years: dict[int, list] = defaultdict(list)
        for r in roles:
            kinds[r.role].append(r)
            years[r.year].append(r)
        out = [self._render(
            src_uri("organisation", o.id), "organisation_sammanfattning.html.j2", o.namn, o.source.file, o=o,
            roles=roles, parts=parts, contributions=contributions,
            by_lan=[(lan, [p.forbund for p in group], sum(len(p.roles) for p in group)) for lan, group in by_lan.items()],
            by_kind=sorted(((kind, len(rs), len({r.forbund for r in rs})) for kind, rs in kinds.items()),
                           key=lambda k: (-k[1], k[0])),
            by_year=[(year, len(rs), len({r.forbund for r in rs})) for year, rs in sorted(years.items())])]
        for part in parts:
            f = m.forbund[part.forbund]
            out.append(self._render(org_part_src(o.id, f.id), "organisation_forbund.html.j2", f"{o.namn} i {f.kortnamn}",
                                    o.source.file, f.id, o=o, f=f, roles=part.roles, contributions=part.contributions))
        return out

    def _indicator(self, number: int) -> list[Page]:
        """An indicator's page; beyond split.MAX_ROWS['results'] results, a summary and a page per län with the
        results of its förbund and the measures their reports give."""
        m = self.ctx.model
        indicators = publish.indicators
        results, measures = indicators.results(m, number), indicators.measures(m, number)
        src, title = src_uri("indikator", number), f"Indikator {number}"
        if len(results) <= split.MAX_ROWS["results"]:
            return [self._render(src, "indikator.html.j2", title, None, number=number, measures=measures,
                                 results=results, parts=(), part=None)]
        count: dict[str, int] = defaultdict(int)
        for x in results:
            count[x.forbund] += 1
        parts = split.grouped(count, lambda fid: split.lan_of(m.forbund[fid].data), lambda fid: count[fid],
                              split.MAX_ROWS["results"])
        listed = [(split.part_src(src, p), p) for p in parts]
        out = [self._render(src, "indikator.html.j2", title, None, number=number, measures=measures, results=results,
                            parts=listed, part=None)]
        for part_src, p in listed:
            mine = {r.id for r in m.reports.values() if r.forbund in p.items}
            part_measures = [replace(x, reports=tuple(r for r in x.reports if r in mine)) for x in measures]
            out.append(self._render(part_src, "indikator.html.j2", f"{title}: {p.label}", None, number=number,
                                    measures=[x for x in part_measures if x.reports],
                                    results=[x for x in results if x.forbund in p.items], parts=listed, part=p))
        return out

    def pages(self) -> list[Page]:
        m = self.ctx.model
        findings = reconcile.reconcile(m)  # disagreements in the sources: listed, never a build failure
        findings_of = reconcile.by_report(findings)
        statements = reconcile.text_findings(m)  # names and roles that two places of a report give differently
        statements_of = reconcile.by_report(statements)
        out = [
            self._render("index.md", "start.html.j2", "Finsam faktabank", None),
            self._render(src_uri("forbund"), "forbund_index.html.j2", "Förbund", None),
            *self._index("rapport", "Rapporter", list(reversed(sorted(m.reports.values(), key=lambda r: r.till))),
                         lambda r: f"{m.forbund[r.forbund].kortnamn} {r.year}"),
            *self._index("insats", "Insatser", sorted(m.insatser.values(), key=lambda i: (i.forbund.lower(), i.namn.lower())),
                         lambda i: f"{m.forbund[i.forbund].kortnamn}: {i.namn}"),
            *self._index("organisation", "Organisationer", sorted(m.organisations.values(), key=lambda o: o.namn.lower()),
                         lambda o: o.namn),
            *self._index("person", "Personer", sorted(m.persons.values(), key=lambda p: p.namn.lower()), lambda p: p.namn),
            self._render(src_uri("indikator"), "indikator_index.html.j2", "Indikatorer", None),
            self._render("ordlista.md", "ordlista.html.j2", "Ordlista", "data/ordlista.yaml"),
            self._render("datakvalitet.md", "datakvalitet.html.j2", "Datakvalitet", None, findings=findings,
                         groups=findings_of, checks=reconcile.CHECKS, variants=reconcile.name_variants(m),
                         statements=statements, statement_groups=statements_of, text_checks=reconcile.TEXT_CHECKS),
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
                                    findings=findings_of.get(r.id, ()), statements=statements_of.get(r.id, ())))
        for i in m.insatser.values():
            out.append(self._render(src_uri("insats", i.id), "insats.html.j2", i.namn, i.source.file, i.forbund, i=i))
        for o in m.organisations.values():
            if o.id in self.org_parts:
                out += self._split_organisation(o, of_party.get(o.id, []))
            else:
                out.append(self._render(src_uri("organisation", o.id), "organisation.html.j2", o.namn, o.source.file,
                                        o=o, contributions=of_party.get(o.id, [])))
        for p in m.persons.values():
            roles = self.ctx.roles.by_person.get(p.id)
            out.append(self._render(src_uri("person", p.id), "person.html.j2", p.namn, p.source.file,
                                    roles[0].forbund if roles else None, p=p))
        for number in publish.indicators.NUMBERS:  # all sixteen, with or without results
            out += self._indicator(number)
        out += publish.pages(self)  # Jämförelser, Insatskatalog, Öppna data
        return out
