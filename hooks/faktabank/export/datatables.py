"""Every faktabank table as rows for CSV, each column with a type and a description (for the data package
and the Öppna data page). Links (`sida`, `kalla`) are relative to the site root.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from faktabank.derive import catalog, compare, indicators
from faktabank.derive.figures import cell_period
from faktabank.derive.roles import roles_of
from faktabank.model import Model, Report
from faktabank.text.formatting import report_period
from faktabank.text.links import page_url, src_uri


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # Frictionless: string, integer, number, boolean, year, date
    description: str


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    description: str
    fields: tuple[Field, ...]
    rows: tuple[tuple[Any, ...], ...]
    page: str = ""  # the docs page that shows this table (src uri), if one does

    @property
    def path(self) -> str:
        return f"{self.name}.csv"


def _fields(*specs: tuple[str, str, str]) -> tuple[Field, ...]:
    return tuple(Field(*spec) for spec in specs)


def url(src: str, anchor: str = "") -> str:
    return page_url(src) + (f"#{anchor}" if anchor else "")


def _number(value: Any) -> Any:
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _text(value: Any) -> Any:
    return value if isinstance(value, str) else None


def _reports(model: Model) -> list[Report]:
    return [model.reports[rid] for rid in sorted(model.reports)]


SIDA = ("sida", "string", "Sidan på webbplatsen, relativt webbplatsens rot.")
PERIOD = ("period", "string", "Perioden uppgiften gäller: året (till exempel 2019) eller, för en delårsrapport, "
                              "delen av året (till exempel januari–juni 2019). En del av ett år är aldrig hela året.")


def forbund(model: Model) -> Table:
    rows = tuple((f.id, f.namn, f.kortnamn, f.data.get("orgnr"), f.data.get("lan"), f.data.get("sate"), f.data.get("webb"),
                  f.data.get("bildat"), url(src_uri("forbund", f.id)))
                 for f in sorted(model.forbund.values(), key=lambda f: f.id))
    return Table("forbund", "Förbund", "Förbunden i faktabanken och deras identitetsuppgifter.", _fields(
        ("id", "string", "Förbundets id."), ("namn", "string", "Förbundets namn."), ("kortnamn", "string", "Kort namn."),
        ("orgnr", "string", "Organisationsnummer."), ("lan", "string", "Län."), ("sate", "string", "Säte eller postadress."),
        ("webb", "string", "Webbplats."), ("bildat", "date", "Datum då förbundet bildades."), SIDA), rows, src_uri("forbund"))


def rapporter(model: Model) -> Table:
    rows = tuple((r.id, r.forbund, r.typ, r.fran, r.till, r.data["kalla"]["titel"],
                  r.data["beslut"]["datum"] if r.data.get("beslut") else None, url(src_uri("rapport", r.id)))
                 for r in _reports(model))
    return Table("rapporter", "Rapporter", "Rapporterna (årsredovisningar och delårsrapporter) som faktabanken bygger på.",
                 _fields(("id", "string", "Rapportens id."), ("forbund", "string", "Förbundets id."),
                         ("typ", "string", "arsredovisning eller delarsrapport."), ("fran", "date", "Periodens första dag."),
                         ("till", "date", "Periodens sista dag."), ("titel", "string", "Källdokumentets titel."),
                         ("beslutad", "date", "Datum då rapporten beslutades, om det anges."), SIDA), rows, src_uri("rapport"))


def input_refs(v: compare.Value) -> list[compare.Ref]:
    """Where a value stands; for a computed value, where each of its (stated) inputs stands."""
    if not v.computed:
        return list(v.refs)
    out: list[compare.Ref] = []
    for i in v.inputs:
        out += [r for r in input_refs(i) if r not in out]
    return out


def jamforelser(model: Model) -> Table:
    cmp = compare.of(model)
    rows = tuple((f, y, m, compare.METRIC[m].label, v.number, v.unit, v.kronor, v.computed, v.method or None,
                  v.label or None, v.report, " ".join(url(src_uri("rapport", ref.report), ref.anchor) for ref in input_refs(v)))
                 for (f, y, m), v in cmp.cells.items())
    return Table("jamforelser", "Jämförelser mellan förbund och år",
                 "Varje värde i jämförelsetabellerna: angivet i en rapport eller beräknat ur angivna uppgifter. "
                 "Uppgifter som rapporterna inte ger saknas i filen (de är inte noll).", _fields(
                     ("forbund", "string", "Förbundets id."), ("ar", "year", "Året värdet gäller."),
                     ("matt", "string", "Måttets id."), ("matt_namn", "string", "Måttets namn."),
                     ("varde", "number", "Värdet i enheten i kolumnen enhet."),
                     ("enhet", "string", "kr, tkr, kkr, procent eller antal."),
                     ("kronor", "integer", "Beloppet i kronor (för belopp)."),
                     ("beraknat", "boolean", "true om faktabanken har beräknat värdet, false om rapporten anger det."),
                     ("berakning", "string", "Hur ett beräknat värde räknats fram."),
                     ("etikett", "string", "Rapportens egen benämning, för uppgifter ur rapportens text."),
                     ("rapport", "string", "Rapporten som värdet (eller dess första indata) kommer från."),
                     ("kalla", "string", "Sidan och stället där värdet står; för beräknade värden alla indata, "
                                         "åtskilda med mellanslag.")), rows, "jamforelser/index.md")


def nyckeltal(model: Model) -> Table:
    rows = tuple((r.id, r.forbund, i + 1, n.get("nyckel"), n["etikett"], n.get("ar"), report_period(r), n["varde"],
                  n["enhet"], compare.kronor_of(n["varde"], n["enhet"]), bool(n.get("ungefar")), n["avsnitt"])
                 for r in _reports(model) for i, n in enumerate(r.data.get("nyckeltal", ())))
    return Table("nyckeltal", "Siffror i rapporternas text", "Enstaka siffror som rapporterna anger i löptext, med avsnitt.",
                 _fields(("rapport", "string", "Rapportens id."), ("forbund", "string", "Förbundets id."),
                         ("nr", "integer", "Löpnummer i rapporten (ankaret nyckeltal-<nr> på rapportens sida)."),
                         ("nyckel", "string", "Maskinläsbar nyckel, om den finns."),
                         ("etikett", "string", "Uppgiften med egna ord."), ("ar", "year", "Året uppgiften gäller."),
                         ("rapportperiod", "string", "Rapportens period: året, eller delen av året för en "
                                                     "delårsrapport (uppgiften kan gälla en tidpunkt i den)."),
                         ("varde", "number", "Värdet."), ("enhet", "string", "Enheten."),
                         ("kronor", "integer", "Beloppet i kronor (för belopp)."),
                         ("ungefar", "boolean", "true om rapporten anger värdet som ungefärligt."),
                         ("avsnitt", "string", "Avsnittet i rapporten.")), rows)


def tabellvarden(model: Model) -> Table:
    rows = tuple((r.id, r.forbund, t.id, t.typ, t.rubrik, t.avsnitt, row_i + 1, row.text, row.slag, row.nyckel, row.insats,
                  col.id, col.rubrik, col.ar, cell_period(r, col) or None, col.slag, cell.unit, _number(cell.value),
                  _text(cell.value), cell.kronor)
                 for r in _reports(model) for t in r.tables for row_i, row in enumerate(t.rows)
                 for col, cell in zip(t.columns, row.cells, strict=False) if cell.value is not None)
    return Table("tabellvarden", "Rapporternas tabeller, cell för cell",
                 "Varje cell i varje tabell i rapporterna (resultaträkning, balansräkning, noter, uppföljning …), "
                 "i rapportens enhet och, för belopp, i kronor.", _fields(
                     ("rapport", "string", "Rapportens id."), ("forbund", "string", "Förbundets id."),
                     ("tabell", "string", "Tabellens id (ankaret tabell-<id> på rapportens sida)."),
                     ("tabelltyp", "string", "oversikt, resultatrakning, balansrakning, kassaflodesanalys, not, "
                                             "driftredovisning, budgetuppfoljning, balanskrav, medlemsbidrag, deltagare "
                                             "eller annan."),
                     ("tabellrubrik", "string", "Tabellens rubrik."), ("avsnitt", "string", "Avsnittet i rapporten."),
                     ("rad", "integer", "Radens nummer i tabellen (från 1)."), ("radtext", "string", "Radens text."),
                     ("radslag", "string", "rad, rubrik eller summa."),
                     ("nyckel", "string", "Radens maskinläsbara nyckel."),
                     ("insats", "string", "Insatsens id, om raden gäller en insats."),
                     ("kolumn", "string", "Kolumnens id."), ("kolumnrubrik", "string", "Kolumnens rubrik."),
                     ("ar", "year", "Året kolumnen gäller."), PERIOD,
                     ("kolumnslag", "string", "utfall, budget, avvikelse, prognos …"),
                     ("enhet", "string", "Cellens enhet."), ("varde", "number", "Cellens tal, om den har ett."),
                     ("varde_text", "string", "Cellens text, när rapporten skriver ord eller tecken."),
                     ("kronor", "integer", "Beloppet i kronor (för belopp).")), rows)


def insatskatalog(model: Model) -> Table:
    rows = tuple((e.insats, e.forbund, e.projektnummer, e.namn, e.typ, ";".join(e.teman), ";".join(e.malgrupper),
                  e.malgrupp_text, ";".join(e.agare), ";".join(str(y) for y in e.years), url(src_uri("insats", e.insats)))
                 for e in catalog.entries(model))
    return Table("insatskatalog", "Insatskatalog", "Alla insatser i alla förbund med typ, teman, målgrupper, ägare och år.",
                 _fields(("id", "string", "Insatsens id."), ("forbund", "string", "Förbundets id."),
                         ("projektnummer", "string", "Projektnummer, om det finns."), ("namn", "string", "Insatsens namn."),
                         ("typ", "string", "individinriktad, strukturovergripande, forstudie eller administration."),
                         ("teman", "string", "Teman, åtskilda med semikolon."),
                         ("malgrupper", "string", "Målgrupper härledda ur rapporternas målgruppsbeskrivning, åtskilda med "
                                                  "semikolon."),
                         ("malgrupp", "string", "Målgruppen som den senaste rapporten beskriver den (egna ord)."),
                         ("agare", "string", "Projektägare (organisations- eller förbunds-id), åtskilda med semikolon."),
                         ("ar", "string", "År då insatsen förekommer i rapporterna, åtskilda med semikolon."), SIDA),
                 rows, "insatskatalog.md")


def insatsar(model: Model) -> Table:
    def row(r: Report, s: Any) -> tuple:
        e, d = s.get("ekonomi", {}), s.get("deltagare", {})
        return (r.id, r.forbund, r.year, report_period(r), s["insats"], s.get("namn_i_rapporten"), e.get("enhet"),
                *(e.get(k) for k in ("beviljat", "budget", "utfall", "prognos")),
                *(d.get(k) for k in ("totalt", "kvinnor", "man", "nya", "avslutade")),
                s["maluppfyllelse"]["bedomning"] if s.get("maluppfyllelse") else None, s["avsnitt"])

    rows = tuple(row(r, s) for r in _reports(model) for s in r.data.get("insatser", ()))
    return Table("insatsar", "Insatser per år", "Varje insats som den redovisas i en rapport: pengar, deltagare och avslut.",
                 _fields(("rapport", "string", "Rapportens id."), ("forbund", "string", "Förbundets id."),
                         ("ar", "year", "Rapportens år."), PERIOD, ("insats", "string", "Insatsens id."),
                         ("namn_i_rapporten", "string", "Namnet som rapporten skriver det."),
                         ("enhet", "string", "Enheten för beloppen."), ("beviljat", "integer", "Beviljat belopp."),
                         ("budget", "integer", "Budget."), ("utfall", "integer", "Utfall."), ("prognos", "integer", "Prognos."),
                         ("deltagare", "integer", "Deltagare totalt."), ("kvinnor", "integer", "Kvinnor."),
                         ("man", "integer", "Män."), ("nya", "integer", "Nya deltagare."),
                         ("avslutade", "integer", "Avslutade deltagare."),
                         ("maluppfyllelse", "string", "Bedömd måluppfyllelse med rapportens ord."),
                         ("avsnitt", "string", "Avsnittet i rapporten.")), rows)


def indikatorresultat(model: Model) -> Table:
    rows = tuple((x.forbund, x.report, x.table, n, x.respondentgrupp, x.insats, x.matt, x.year, x.grupp, x.varde, x.varde_text,
                  x.rikssnitt, x.jamforelse, x.trend, x.trend_mot, x.trend_computed if x.trend else None, x.skillnad_enheter)
                 for n in indicators.NUMBERS for x in indicators.results(model, n))
    return Table("indikatorresultat", "Indikatorresultat",
                 "Förbundens resultat per NNS-indikator, mått, år och grupp, mot rikssnittet och med riktningen mot året innan.",
                 _fields(("forbund", "string", "Förbundets id."), ("rapport", "string", "Rapportens id."),
                         ("tabell", "string", "Indikatortabellens id (ankaret indikatorer-<id> på rapportens sida)."),
                         ("indikator", "integer", "Indikatorns nummer (1–16)."),
                         ("respondentgrupp", "string", "Vem som svarat."),
                         ("insats", "string", "Insatsens id, om resultatet gäller en insats."),
                         ("matt", "string", "Måttet, kort med egna ord."), ("ar", "year", "Året."),
                         ("grupp", "string", "totalt, kvinnor eller man."),
                         ("varde", "number", "Förbundets resultat (procent)."),
                         ("varde_text", "string", "Resultatet som text, om det inte är ett tal."),
                         ("rikssnitt", "number", "Rikssnittet (procent)."),
                         ("jamforelse", "string", "hogre, lagre, varken eller ej-matbart."),
                         ("riktning", "string", "upp, ned eller plant mot året i riktning_mot."),
                         ("riktning_mot", "year", "Året som riktningen jämför med."),
                         ("riktning_beraknad", "boolean", "true om riktningen är beräknad ur värdena, false om rapporten "
                                                          "anger den."),
                         ("skillnad_enheter", "number", "Skillnad mot rikssnittet i enheter, som rapporten anger.")),
                 rows, "indikatorer/index.md")


def organisationer(model: Model) -> Table:
    rows = tuple((o.id, o.namn, o.typ, o.del_av, o.webb, url(src_uri("organisation", o.id)))
                 for o in sorted(model.organisations.values(), key=lambda o: o.id))
    return Table("organisationer", "Organisationer", "Organisationer som rapporterna nämner.", _fields(
        ("id", "string", "Organisationens id."), ("namn", "string", "Namn."), ("typ", "string", "Slag av organisation."),
        ("del_av", "string", "Organisationen som enheten hör till."), ("webb", "string", "Webbplats."), SIDA),
        rows, src_uri("organisation"))


def personer(model: Model) -> Table:
    rows = tuple((p.id, p.namn, url(src_uri("person", p.id))) for p in sorted(model.persons.values(), key=lambda p: p.id))
    return Table("personer", "Personer", "Personer som rapporterna nämner i sina roller (bara namn).", _fields(
        ("id", "string", "Personens id."), ("namn", "string", "Namnet så som det oftast skrivs."), SIDA),
        rows, src_uri("person"))


def roller(model: Model) -> Table:
    roles = roles_of(model)
    names = {p.id: p.namn for p in model.persons.values()} | {o.id: o.namn for o in model.organisations.values()} \
        | {f.id: f.namn for f in model.forbund.values()}
    rows = tuple((kind, eid, names.get(eid), x.forbund, x.report, x.year, report_period(model.reports[x.report]), x.role,
                  x.detail or None, ";".join(x.via) or None,
                  x.fran, x.till, x.insats)
                 for kind, index in (("person", roles.by_person), ("organisation", roles.by_org))
                 for eid in sorted(index) for x in index[eid])
    return Table("roller", "Roller", "Vem (person eller organisation) som hade vilken roll i vilket förbund och år.", _fields(
        ("slag", "string", "person eller organisation."), ("id", "string", "Personens eller organisationens id."),
        ("namn", "string", "Namn."), ("forbund", "string", "Förbundets id."), ("rapport", "string", "Rapportens id."),
        ("ar", "year", "Rapportens år."), PERIOD, ("roll", "string", "Rollen."), ("detalj", "string", "Detaljer."),
        ("via", "string", "Organisationer som rollen går via (utsedd av, anställd hos …), åtskilda med semikolon."),
        ("fran", "date", "Från, om rapporten anger det."), ("till", "date", "Till, om rapporten anger det."),
        ("insats", "string", "Insatsens id, för roller i en insats.")), rows)


BUILDERS: tuple[Callable[[Model], Table], ...] = (
    forbund, rapporter, jamforelser, nyckeltal, tabellvarden, insatskatalog, insatsar, indikatorresultat,
    organisationer, personer, roller,
)


def tables(model: Model) -> list[Table]:
    """Every faktabank table, in a fixed order."""
    return [build(model) for build in BUILDERS]
