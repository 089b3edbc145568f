"""Comparisons across förbund and years.

Every value is either *stated* (a figure that a report prints, with where it stands) or
*computed* ("beräknat") from stated inputs, which the value carries so pages can link them.
A figure that no report gives is simply absent: pages show "uppgift saknas", never 0.

Only annual reports (årsredovisningar) take part: a delårsrapport covers part of a year and
would not compare with whole years. Multi-year overviews in an annual report give earlier years too;
for each year the report of that year is preferred, then later reports, and differing statements
elsewhere are kept in `Value.others`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from itertools import islice

from faktabank.derive.figures import table_anchor
from faktabank.model import UNIT_FACTOR, Model, Report, once_per_model
from faktabank.text.formatting import whole_tkr

COST_KEYS = {"kostnader", "kostnad-administration", "kostnad-individinriktade", "kostnad-strukturovergripande"}
SOURCE_KIND = {"statlig-myndighet": "stat", "region": "region", "kommun": "kommuner"}
EXIT_TO_WORK = ("arbete", "studier", "arbete-eller-studier")
EQUITY_CEILING = 20  # per cent of income; Finsam guidance as the reports quote it


@dataclass(frozen=True)
class Ref:
    """Where a figure stands: a report, the anchor on its page and a short description of the place."""

    report: str
    anchor: str
    what: str


@dataclass(frozen=True)
class Value:
    """One figure in a comparison. `number` is shown in `unit`; amounts also in kronor."""

    number: int | float
    unit: str
    kronor: int | None
    refs: tuple[Ref, ...]
    computed: bool = False
    method: str = ""
    inputs: tuple[Value, ...] = ()
    op: str = ""  # computed: "/" (a ratio of two inputs) or "+" (a sum)
    label: str = ""
    approx: bool = False
    others: tuple[Value, ...] = ()

    @property
    def sort_key(self) -> int | float:
        key = self.kronor if self.kronor is not None else self.number
        return int(key) if float(key).is_integer() else key

    @property
    def report(self) -> str:
        return self.refs[0].report


@dataclass(frozen=True)
class Metric:
    id: str
    label: str
    short: str
    kind: str  # "belopp", "procent", "antal", "kr"
    description: str


METRICS: tuple[Metric, ...] = (
    Metric("intakter", "Verksamhetens intäkter", "Intäkter", "belopp",
           "Verksamhetens intäkter enligt översikten eller resultaträkningen."),
    Metric("intakter-stat", "Bidrag från staten", "Staten", "belopp",
           "Medlemsbidrag från Försäkringskassan och Arbetsförmedlingen (rader märkta som medlemsbidrag)."),
    Metric("intakter-region", "Bidrag från regionen", "Regionen", "belopp",
           "Medlemsbidrag från regionen (landstinget)."),
    Metric("intakter-kommuner", "Bidrag från kommunerna", "Kommunerna", "belopp",
           "Medlemsbidrag från medlemskommunerna; flera rader summeras (beräknat)."),
    Metric("kostnader", "Verksamhetens kostnader", "Kostnader", "belopp",
           "Verksamhetens kostnader enligt översikten eller resultaträkningen, visade utan minustecken."),
    Metric("kostnad-administration", "Administration", "Administration", "belopp",
           "Administrativa kostnader (styrelse, kansli, revision) enligt noter eller uppföljning."),
    Metric("andel-administration", "Administrationens andel", "Adm. andel", "procent",
           "Administrationens andel som rapporten anger den; annars beräknad som administrativa kostnader "
           "delat med verksamhetens kostnader."),
    Metric("kostnad-individinriktade", "Individinriktade insatser", "Individinriktade", "belopp",
           "Kostnader för individinriktade insatser (deltagarinsatser)."),
    Metric("andel-individinriktade", "Individinriktade insatsers andel", "Indiv. andel", "procent",
           "Andelen som rapporten anger; annars beräknad mot verksamhetens kostnader."),
    Metric("kostnad-strukturovergripande", "Strukturövergripande insatser", "Strukturövergripande", "belopp",
           "Kostnader för strukturövergripande insatser."),
    Metric("andel-strukturovergripande", "Strukturövergripande insatsers andel", "Strukt. andel", "procent",
           "Andelen som rapporten anger; annars beräknad mot verksamhetens kostnader."),
    Metric("arets-resultat", "Årets resultat", "Resultat", "belopp",
           "Årets resultat enligt översikten eller resultaträkningen."),
    Metric("eget-kapital", "Eget kapital", "Eget kapital", "belopp",
           "Eget kapital vid årets slut som rapporten anger det (balansräkningens summa eller texten)."),
    Metric("eget-kapital-andel", "Eget kapital i procent av intäkterna", "EK/intäkter", "procent",
           "Andelen som rapporten anger; annars beräknad som eget kapital delat med verksamhetens intäkter. "
           f"Rekommenderad nivå: högst {EQUITY_CEILING} %."),
    Metric("ovrigt-eget-kapital", "Övrigt eget kapital (balansräkningen)", "Övrigt EK", "belopp",
           "Balansräkningens rad Övrigt eget kapital; eget kapital är den plus årets resultat."),
    Metric("soliditet", "Soliditet", "Soliditet", "procent",
           "Eget kapital i procent av tillgångarna, som översikten anger den."),
    Metric("styrelsemoten", "Styrelsemöten", "Styrelsemöten", "antal",
           "Antal styrelsesammanträden under året."),
    Metric("deltagare", "Deltagare i individinriktade insatser", "Deltagare", "antal",
           "Antalet som rapporten anger; annars summan av de individinriktade insatsernas deltagare (beräknat)."),
    Metric("deltagare-kvinnor", "Varav kvinnor", "Kvinnor", "antal",
           "Kvinnor bland deltagarna i de individinriktade insatserna."),
    Metric("deltagare-man", "Varav män", "Män", "antal",
           "Män bland deltagarna i de individinriktade insatserna."),
    Metric("andel-avslut-arbete-studier", "Andel avslut till arbete eller studier", "Till arbete/studier", "procent",
           "Beräknad: avslutade till arbete eller studier delat med alla avslutade, där rapporten delar upp alla avslut."),
    Metric("kostnad-per-deltagare", "Kostnad per deltagare", "Kr/deltagare", "kr",
           "Beräknad: kostnaden för individinriktade insatser delat med antalet deltagare i dem."),
)
METRIC = {m.id: m for m in METRICS}

GROUPS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("intakter", "Intäkter per källa",
     "Verksamhetens intäkter och medlemmarnas bidrag: staten (Försäkringskassan och Arbetsförmedlingen), "
     "regionen och kommunerna.",
     ("intakter", "intakter-stat", "intakter-region", "intakter-kommuner")),
    ("kostnader", "Kostnader: administration och insatser",
     "Verksamhetens kostnader fördelade på administration, individinriktade och strukturövergripande insatser, "
     "som belopp och andel.",
     ("kostnader", "kostnad-administration", "andel-administration", "kostnad-individinriktade",
      "andel-individinriktade", "kostnad-strukturovergripande", "andel-strukturovergripande")),
    ("resultat-och-eget-kapital", "Resultat och eget kapital",
     f"Årets resultat, eget kapital, eget kapital i procent av intäkterna mot den rekommenderade nivån på högst "
     f"{EQUITY_CEILING} %, och soliditet.",
     ("arets-resultat", "eget-kapital", "eget-kapital-andel", "soliditet")),
    ("styrelse-och-deltagare", "Styrelsemöten och deltagare",
     "Styrelsens sammanträden, deltagare i individinriktade insatser (kvinnor och män), andelen avslut till arbete "
     "eller studier och kostnaden per deltagare.",
     ("styrelsemoten", "deltagare", "deltagare-kvinnor", "deltagare-man", "andel-avslut-arbete-studier",
      "kostnad-per-deltagare")),
)

# Where stated figures come from: (table types in order of preference, row keys, column kinds)
ROW_SOURCES: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str | None, ...]]] = {
    "intakter": (("oversikt", "resultatrakning"), ("intakter",), (None, "utfall")),
    "kostnader": (("oversikt", "resultatrakning"), ("kostnader",), (None, "utfall")),
    "arets-resultat": (("oversikt", "resultatrakning"), ("arets-resultat",), (None, "utfall")),
    "soliditet": (("oversikt",), ("soliditet",), (None, "utfall")),
    "ovrigt-eget-kapital": (("balansrakning",), ("ovrigt-eget-kapital",), (None, "utfall")),
    "eget-kapital": (("balansrakning", "oversikt"), ("summa-eget-kapital", "eget-kapital"), (None, "utfall")),
    "kostnad-administration": (("not", "driftredovisning", "budgetuppfoljning"),
                               ("kostnad-administration", "summa-administration"), (None, "utfall", "kostnad")),
    "kostnad-individinriktade": (("not", "driftredovisning", "budgetuppfoljning"),
                                 ("kostnad-individinriktade", "summa-individinriktade"), (None, "utfall", "kostnad")),
    "kostnad-strukturovergripande": (("not", "driftredovisning", "budgetuppfoljning"),
                                     ("kostnad-strukturovergripande", "summa-strukturovergripande"),
                                     (None, "utfall", "kostnad")),
}
# Figures the reports give in running text (nyckeltal), by key.
TEXT_SOURCES: dict[str, tuple[str, ...]] = {
    "eget-kapital": ("eget-kapital",),
    "andel-administration": ("andel-administration",),
    "andel-individinriktade": ("andel-individinriktade",),
    "andel-strukturovergripande": ("andel-strukturovergripande",),
    "eget-kapital-andel": ("eget-kapital-andel-intakter",),
    "deltagare": ("deltagare-individinriktade",),
    "styrelsemoten": ("antal-styrelsemoten",),
}
SHARE_OF = {"andel-administration": "kostnad-administration", "andel-individinriktade": "kostnad-individinriktade",
            "andel-strukturovergripande": "kostnad-strukturovergripande"}


def kronor_of(number: int | float, unit: str) -> int | None:
    if unit in UNIT_FACTOR and isinstance(number, int):
        return number * UNIT_FACTOR[unit]
    return None


def in_tkr(v: Value | None) -> Value | None:
    """An amount as a column that compares förbund or years shows it: in whole tkr (formatting.TKR_RULE). The
    figure as printed stays where the value links (its report's table) and in the open data; a computed value's
    inputs keep their printed units, and so do other reports' figures (`others`)."""
    if v is None or v.kronor is None or v.unit not in UNIT_FACTOR or v.unit == "tkr":
        return v
    return replace(v, number=whole_tkr(v.kronor), unit="tkr")


def same_figure(a: Value, b: Value) -> bool:
    """Two statements of one figure agree when they differ by less than the coarser unit's rounding."""
    if a.kronor is not None and b.kronor is not None:
        tolerance = max(UNIT_FACTOR.get(a.unit, 1), UNIT_FACTOR.get(b.unit, 1))
        return abs(abs(a.kronor) - abs(b.kronor)) < tolerance
    return a.unit == b.unit and a.number == b.number


def _annual(model: Model) -> list[Report]:
    return sorted((r for r in model.reports.values() if r.typ == "arsredovisning"), key=lambda r: (r.till, r.id))


def _table_values(report: Report, typs: tuple[str, ...], keys: tuple[str, ...], kinds: tuple[str | None, ...],
                  magnitude: bool) -> list[tuple[int, Value]]:
    """(year, value) for every cell of rows with one of `keys` in tables of the given types, best first."""
    out: list[tuple[tuple, int, Value]] = []
    for t_index, t, row, col, cell in report.year_cells(typs, keys, kinds):
        if not cell.is_number:
            continue
        number = abs(cell.value) if magnitude else cell.value
        kronor = abs(cell.kronor) if magnitude and cell.kronor is not None else cell.kronor
        ref = Ref(report.id, table_anchor(t), f"{t.rubrik}: {row.text} ({col.rubrik})")
        rank = (typs.index(t.typ), keys.index(row.nyckel), t_index)
        out.append((rank, col.ar, Value(number, cell.unit, kronor, (ref,))))
    return [(year, v) for _, year, v in sorted(out, key=lambda x: x[0])]


def _text_values(report: Report, keys: tuple[str, ...]) -> list[tuple[int, Value]]:
    out = []
    for index, n in enumerate(report.data.get("nyckeltal", ())):
        if n.get("nyckel") not in keys or n.get("ar") is None:
            continue
        ref = Ref(report.id, f"nyckeltal-{index + 1}", f"{n['etikett']} ({n['avsnitt']})")
        out.append((n["ar"], Value(n["varde"], n["enhet"], kronor_of(n["varde"], n["enhet"]), (ref,),
                                   label=n["etikett"], approx=bool(n.get("ungefar")))))
    return out


def _pick(candidates: list[tuple[Report, Value]], year: int) -> Value | None:
    """The preferred statement for `year` (own-year report first, then later ones), others attached."""
    if not candidates:
        return None
    ordered = sorted(candidates, key=lambda rv: (rv[0].year != year, -rv[0].year))
    best = ordered[0][1]
    others: list[Value] = []
    for _, v in ordered[1:]:
        if not same_figure(v, best) and not any(same_figure(v, o) for o in others):
            others.append(v)
    return replace(best, others=tuple(others))


def _ratio(num: Value, den: Value, method: str, scale: float = 100, digits: int = 1, unit: str = "procent") -> Value | None:
    a = num.sort_key
    b = den.sort_key
    if b == 0:
        return None
    value = round(a / b * scale, digits)
    if digits == 0:
        value = int(value)
    refs = tuple(dict.fromkeys(num.refs + den.refs))
    return Value(value, unit, value if unit == "kr" else None, refs, computed=True, method=method, inputs=(num, den),
                 op="/")


def _sum(values: list[Value], method: str) -> Value:
    if len(values) == 1:
        return values[0]
    units = {v.unit for v in values}
    if len(units) == 1 and all(v.kronor is None for v in values):
        unit = units.pop()
        return Value(sum(v.number for v in values), unit, None, tuple(dict.fromkeys(r for v in values for r in v.refs)),
                     computed=True, method=method, inputs=tuple(values), op="+")
    unit = units.pop() if len(units) == 1 else "kr"
    kronor = sum(v.kronor or 0 for v in values)
    number = kronor // UNIT_FACTOR.get(unit, 1) if unit in UNIT_FACTOR else kronor
    return Value(number, unit, kronor, tuple(dict.fromkeys(r for v in values for r in v.refs)),
                 computed=True, method=method, inputs=tuple(values), op="+")


@dataclass(frozen=True)
class InsatsYear:
    """One individinriktad insats in one annual report: participants, exits and cost as stated."""

    report: str
    year: int
    forbund: str
    insats: str
    total: Value | None
    women: Value | None
    men: Value | None
    exits: Value | None  # avslutade (stated) or the sum of the exit breakdown
    to_work: Value | None  # avslut to work or studies (sum of categorised exits), when the breakdown is complete
    exit_share: Value | None
    cost: Value | None  # ekonomi.utfall
    cost_per_participant: Value | None


def _insats_year(model: Model, r: Report, s) -> InsatsYear:
    ref = Ref(r.id, f"insats-{s['insats']}", f"{model.insatser[s['insats']].namn}, {s['avsnitt']}")
    d = s.get("deltagare", {})

    def count(key: str, what: str) -> Value | None:
        return Value(d[key], "antal", None, (replace(ref, what=f"{ref.what}: {what}"),)) if key in d else None

    total, women, men = count("totalt", "deltagare"), count("kvinnor", "kvinnor"), count("man", "män")
    avslut = s.get("avslut", ())
    exits = count("avslutade", "avslutade")
    if exits is None and avslut:
        exits = _sum([Value(a["antal"], "antal", None, (ref,)) for a in avslut], "summan av avsluten")
    to_work = share = None
    complete = (avslut and all("kategori" in a for a in avslut) and exits is not None
                and sum(a["antal"] for a in avslut) >= exits.number)
    if complete:
        to_work = Value(sum(a["antal"] for a in avslut if a["kategori"] in EXIT_TO_WORK), "antal", None,
                        (replace(ref, what=f"{ref.what}: avslut till arbete eller studier"),))
        share = _ratio(to_work, exits, "avslutade till arbete eller studier / alla avslutade")
    e = s.get("ekonomi", {})
    cost = None
    if "utfall" in e:
        cost = Value(e["utfall"], e["enhet"], kronor_of(e["utfall"], e["enhet"]), (replace(ref, what=f"{ref.what}: utfall"),))
    per = _ratio(cost, total, "insatsens utfall / deltagare", scale=1, digits=0, unit="kr") if cost and total else None
    return InsatsYear(r.id, r.year, r.forbund, s["insats"], total, women, men, exits, to_work, share, cost, per)


@dataclass(frozen=True)
class Comparison:
    """All comparison values: (förbund, år, mått) → Value, indexed by förbund and by metric for the pages."""

    cells: dict[tuple[str, int, str], Value]
    forbund: tuple[str, ...]
    latest: dict[str, str]  # förbund → id of its latest annual report
    insats_years: tuple[InsatsYear, ...]
    ceiling_refs: tuple[Ref, ...] = field(default=())
    _by_forbund: dict[str, dict[str, dict[int, Value]]] = field(default_factory=dict, repr=False, compare=False)
    _insats_by_year: dict[int, list[InsatsYear]] = field(default_factory=dict, repr=False, compare=False)
    _years: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def __post_init__(self) -> None:
        for (f, y, m), v in self.cells.items():
            self._by_forbund.setdefault(f, {}).setdefault(m, {})[y] = v
        for iy in self.insats_years:
            self._insats_by_year.setdefault(iy.year, []).append(iy)
        object.__setattr__(self, "_years", tuple(sorted({y for _f, y, _m in self.cells})))

    def insats_years_of(self, forbund: Iterable[str], year: int | None = None) -> list[InsatsYear]:
        """The insats years of some förbund (in one year), in the order of `insats_years`: a comparison page of
        part of the country looks up its own rows rather than filtering the country's in its template."""
        wanted = set(forbund)
        return [iy for iy in (self.insats_years if year is None else self._insats_by_year.get(year, ()))
                if iy.forbund in wanted]

    def get(self, forbund: str, year: int, metric: str) -> Value | None:
        return self.cells.get((forbund, year, metric))

    def years(self, forbund: str | None = None, metrics: Iterable[str] | None = None) -> list[int]:
        """The years with at least one of `metrics` (default: any) for one förbund (default: any)."""
        if forbund is None and metrics is None:
            return list(self._years)
        found: set[int] = set()
        for f in (forbund,) if forbund else self._by_forbund:
            by_metric = self._by_forbund.get(f, {})
            for m in metrics if metrics is not None else by_metric:
                found.update(by_metric.get(m, ()))
        return sorted(found)

    def series(self, forbund: str, metric: str) -> list[tuple[int, Value]]:
        return sorted(self._by_forbund.get(forbund, {}).get(metric, {}).items())

    def labels(self, metric: str, forbund: Iterable[str] | None = None) -> list[tuple[str, int, str]]:
        """The reports' own wording of stated figures used for a metric (their definitions can differ), of some
        förbund (default: all)."""
        out = []
        for f in sorted(self._by_forbund if forbund is None else set(forbund) & self._by_forbund.keys()):
            for y, v in self.series(f, metric):
                out += [(f, y, x.label) for x in (v, *v.others) if x.label and not x.computed]
        return list(dict.fromkeys(out))


def build(model: Model) -> Comparison:
    reports = _annual(model)
    by_forbund: dict[str, list[Report]] = defaultdict(list)
    for r in reports:
        by_forbund[r.forbund].append(r)
    cells: dict[tuple[str, int, str], Value] = {}
    insats_year_of: dict[tuple[str, int], InsatsYear] = {}  # by report and its insats entry, made once

    for fid, rs in by_forbund.items():
        first = len(cells)  # this förbund's cells are the ones added from here on (a dict keeps their order)
        stated: dict[str, dict[int, list[tuple[Report, Value]]]] = defaultdict(lambda: defaultdict(list))
        for r in rs:
            for metric, (typs, keys, kinds) in ROW_SOURCES.items():
                for year, v in _table_values(r, typs, keys, kinds, magnitude=metric in COST_KEYS):
                    stated[metric][year].append((r, v))
            for metric, keys in TEXT_SOURCES.items():
                for year, v in _text_values(r, keys):
                    stated[metric][year].append((r, v))
            meetings = r.data.get("sammantraden")
            if meetings:
                ref = Ref(r.id, "styrelsemoten", f"Styrelsemöten ({meetings['avsnitt']})")
                stated["styrelsemoten"][r.year].insert(0, (r, Value(meetings["antal"], "antal", None, (ref,))))
            for kind, (year, value) in _contributions(model, r):
                stated[f"intakter-{kind}"][year].append((r, value))
        for metric, by_year in stated.items():
            for year, candidates in by_year.items():
                picked = _pick(candidates, year)
                if picked is not None:
                    cells[(fid, year, metric)] = picked

        insats_years = []
        for r in rs:
            for i, s in enumerate(r.data.get("insatser", ())):
                if model.insatser[s["insats"]].typ == "individinriktad":
                    insats_years.append(_insats_year(model, r, s))
                    insats_year_of[(r.id, i)] = insats_years[-1]
        for r in rs:
            _participants(cells, fid, r, [iy for iy in insats_years if iy.report == r.id])

        for year in sorted({y for (_f, y, _m) in islice(cells, first, None)}):
            _derived(cells, fid, year)

    all_insats_years = tuple(insats_year_of[(r.id, i)] for r in reports for i, _ in enumerate(r.data.get("insatser", ()))
                             if (r.id, i) in insats_year_of)
    latest = {fid: rs[-1].id for fid, rs in by_forbund.items()}
    ceiling = tuple(ref for r in reports for _, v in _text_values(r, ("eget-kapital-rekommenderad-niva",))
                    if v.number == EQUITY_CEILING for ref in v.refs)
    return Comparison(dict(sorted(cells.items())), tuple(sorted(model.forbund)), latest, all_insats_years, ceiling)


def _derived(cells: dict[tuple[str, int, str], Value], fid: str, year: int) -> None:
    """Shares and cost per participant computed from stated figures, where the report does not state them."""
    def have(metric: str) -> Value | None:
        return cells.get((fid, year, metric))

    for share, amount in SHARE_OF.items():
        if not have(share) and have(amount) and have("kostnader"):
            v = _ratio(have(amount), have("kostnader"), f"{METRIC[amount].label.lower()} / verksamhetens kostnader")
            if v:
                cells[(fid, year, share)] = v
    if not have("eget-kapital-andel") and have("eget-kapital") and have("intakter"):
        v = _ratio(have("eget-kapital"), have("intakter"), "eget kapital / verksamhetens intäkter")
        if v:
            cells[(fid, year, "eget-kapital-andel")] = v
    if have("kostnad-individinriktade") and have("deltagare"):
        v = _ratio(have("kostnad-individinriktade"), have("deltagare"),
                   "kostnader för individinriktade insatser / deltagare i dem", scale=1, digits=0, unit="kr")
        if v:
            cells[(fid, year, "kostnad-per-deltagare")] = v


def _contributions(model: Model, r: Report) -> list[tuple[str, tuple[int, Value]]]:
    """Member contributions per kind of source (stat, region, kommuner) for each year in one report.
    Rows whose members span several kinds are left out; several rows of one kind are summed (beräknat)."""
    out = []
    seen: set[tuple[str, int]] = set()
    for t in r.tables:
        rows: dict[tuple[str, int], list[Value]] = defaultdict(list)
        for row in t.rows:
            if row.nyckel != "medlemsbidrag" or not row.parter:
                continue
            kinds = {SOURCE_KIND.get(model.organisations[p].typ) if p in model.organisations else None for p in row.parter}
            if len(kinds) != 1 or None in kinds:
                continue
            kind = kinds.pop()
            for col, cell in zip(t.columns, row.cells, strict=False):
                if col.ar is None or col.slag not in (None, "utfall") or not cell.is_number:
                    continue
                rows[(kind, col.ar)].append(Value(cell.value, cell.unit, cell.kronor,
                                                  (Ref(r.id, table_anchor(t), f"{t.rubrik}: {row.text} ({col.rubrik})"),)))
        for (kind, year), values in rows.items():
            if (kind, year) in seen:
                continue
            seen.add((kind, year))
            out.append((kind, (year, _sum(values, f"summan av {len(values)} rader"))))
    return out


def _participants(cells: dict, fid: str, r: Report, insats_years: list[InsatsYear]) -> None:
    """Participants in individinriktade insatser (total, women, men), exits to work or studies, in one report."""
    year = r.year
    counted = [iy for iy in insats_years if iy.total is not None]
    uncounted = [iy for iy in insats_years if iy.total is None and _has_participant_block(r, iy.insats)]
    stated_total = cells.get((fid, year, "deltagare"))
    if stated_total is not None and stated_total.report != r.id:
        stated_total = None
    summed = sum(iy.total.number for iy in counted) if counted else None
    complete = bool(counted) and (
        (stated_total is not None and summed == stated_total.number) or (stated_total is None and not uncounted))
    if complete and stated_total is None:
        cells[(fid, year, "deltagare")] = _sum([iy.total for iy in counted], "summan av insatsernas deltagare")
    if complete:
        for metric, attr in (("deltagare-kvinnor", "women"), ("deltagare-man", "men")):
            parts = [getattr(iy, attr) for iy in counted]
            if all(p is not None for p in parts):
                cells[(fid, year, metric)] = _sum(parts, f"summan av {len(parts)} insatsers uppgifter")
    with_exits = [iy for iy in insats_years if iy.exits is not None]
    if with_exits and all(iy.to_work is not None for iy in with_exits):
        num = _sum([iy.to_work for iy in with_exits], "summan av insatsernas avslut till arbete eller studier")
        den = _sum([iy.exits for iy in with_exits], "summan av insatsernas avslut")
        v = _ratio(num, den, "avslutade till arbete eller studier / alla avslutade")
        if v:
            cells[(fid, year, "andel-avslut-arbete-studier")] = v


def _has_participant_block(r: Report, insats_id: str) -> bool:
    for s in r.data.get("insatser", ()):
        if s["insats"] == insats_id:
            d = s.get("deltagare", {})
            return any(k in d for k in ("totalt", "kvinnor", "man", "vid_ingangen", "nya", "avslutade", "pagaende", "kommentar"))
    return False


of = once_per_model(build)  # the comparison of a model, made once: the pages, the charts and the open data share it
