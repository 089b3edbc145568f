"""Cross-reference checks: unique ids, existing references, dates inside the period, units.

These are the checks a JSON Schema cannot express because they span files.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from pathlib import PurePosixPath
from types import MappingProxyType
from typing import Any

from faktabank.load import sumrefs
from faktabank.load.errors import Problem
from faktabank.load.yamlload import Document, dotted

# Paths in a report that refer to other entities. "*" matches any list index.
PERSON = "person"
ORG = "organisation"
INSATS = "insats"
REPORT_REFS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("medlemmar", "parter", "*"), ORG),
    (("medlemmar", "representanter", "*", "person"), PERSON),
    (("medlemmar", "representanter", "*", "organisation"), ORG),
    (("medlemmar", "finansiering", "*", "parter", "*"), ORG),
    (("styrelse", "mandat", "*", "utsedd_av"), ORG),
    (("styrelse", "mandat", "*", "ordinarie", "*", "person"), PERSON),
    (("styrelse", "mandat", "*", "ersattare", "*", "person"), PERSON),
    (("revisorer", "poster", "*", "person"), PERSON),
    (("revisorer", "poster", "*", "organisation"), ORG),
    (("revisorer", "poster", "*", "utsedd_av", "*"), ORG),
    (("revisorer", "poster", "*", "foretrader", "*"), ORG),
    (("personal", "poster", "*", "person"), PERSON),
    (("personal", "poster", "*", "anstalld_hos"), ORG),
    (("leverantorer", "poster", "*", "organisation"), ORG),
    (("medverkan", "*", "person"), PERSON),
    (("medverkan", "*", "organisation"), ORG),
    (("medverkan", "*", "insats"), INSATS),
    (("undertecknare", "poster", "*", "person"), PERSON),
    (("undertecknare", "poster", "*", "organisation"), ORG),
    (("undertecknare", "poster", "*", "foretrader", "*"), ORG),
    (("mal", "poster", "*", "insatser", "*"), INSATS),
    (("mal", "poster", "*", "aktiviteter", "*", "insats"), INSATS),
    (("insatser", "*", "insats"), INSATS),
    (("insatser", "*", "agare", "*"), ORG),
    (("insatser", "*", "styrgrupp", "organisation"), ORG),
    (("insatser", "*", "styrgrupp", "parter", "*"), ORG),
    (("insatser", "*", "ekonomi", "finansiar"), ORG),
    (("indikatorer", "*", "insats"), INSATS),
    (("tabeller", "*", "rader", "*", "insats"), INSATS),
    (("tabeller", "*", "rader", "*", "parter", "*"), ORG),
)

# Dates in a report that must lie inside the report's period.
REPORT_DATES: tuple[tuple[str, ...], ...] = (
    ("styrelse", "mandat", "*", "ordinarie", "*", "fran"),
    ("styrelse", "mandat", "*", "ordinarie", "*", "till"),
    ("styrelse", "mandat", "*", "ersattare", "*", "fran"),
    ("styrelse", "mandat", "*", "ersattare", "*", "till"),
    ("revisorer", "poster", "*", "fran"),
    ("revisorer", "poster", "*", "till"),
    ("personal", "poster", "*", "fran"),
    ("personal", "poster", "*", "till"),
    ("leverantorer", "poster", "*", "fran"),
    ("leverantorer", "poster", "*", "till"),
    ("medverkan", "*", "fran"),
    ("medverkan", "*", "till"),
    ("sammantraden", "datum", "*"),
)
# Keys that name one figure of the whole report, so the same key in two tables must agree in magnitude.
REPORT_KEYS = frozenset({
    "intakter", "kostnader", "verksamhetens-resultat", "resultat-efter-finansiella-poster", "arets-resultat",
    "summa-omsattningstillgangar", "summa-tillgangar", "kassa-bank", "kortfristiga-fordringar",
    "kortfristiga-placeringar", "summa-eget-kapital", "ovrigt-eget-kapital", "kortfristiga-skulder",
    "summa-eget-kapital-avsattningar-skulder", "arets-kassaflode", "likvida-medel-borjan", "likvida-medel-slut",
    "eget-kapital", "kostnad-individinriktade", "kostnad-strukturovergripande", "kostnad-administration",
})


# A document's objects and lists: as parsed, or frozen in place (model.freeze_parsed)
_MAPS = (dict, MappingProxyType)
_LISTS = (list, tuple)


def walk(data: Any, pattern: tuple[str, ...], path: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    """Yield (path, value) for every place in data that matches pattern."""
    if not pattern:
        yield path, data
        return
    head, rest = pattern[0], pattern[1:]
    if head == "*":
        if isinstance(data, _LISTS):
            for i, item in enumerate(data):
                yield from walk(item, rest, (*path, i))
    elif isinstance(data, _MAPS) and head in data:
        yield from walk(data[head], rest, (*path, head))


def values(data: Any, pattern: tuple[str, ...]) -> list[Any]:
    """The values walk(data, pattern) yields, without their paths: level by level, and several times faster.
    Every report is checked against dozens of patterns; the paths are needed only to report a problem."""
    level = [data]
    for head in pattern:
        if head == "*":
            level = [item for d in level if isinstance(d, _LISTS) for item in d]
        else:
            level = [d[head] for d in level if isinstance(d, _MAPS) and head in d]
        if not level:
            break
    return level


def _duplicates(docs: list[tuple[str, Document]], kind: str, list_key: str | None, label: str) -> list[Problem]:
    problems = []
    seen: dict[str, str] = {}
    for k, doc in docs:
        if k != kind:
            continue
        items = doc.data[list_key] if list_key else [doc.data]
        for i, item in enumerate(items):
            path = (list_key, i, "id") if list_key else ("id",)
            if item["id"] in seen:
                problems.append(Problem(doc.path, doc.line(path), dotted(path),
                                        f"{label} '{item['id']}' finns redan ({seen[item['id']]}); id måste vara unika"))
            else:
                seen[item["id"]] = f"{doc.path}:{doc.line(path)}"
    return problems


def check(docs: list[tuple[str, Document]], organisations: Mapping, persons: Mapping, forbund: Mapping,
          insatser: Mapping, reports: Mapping) -> list[Problem]:
    """Every cross-file problem in the parsed documents."""
    problems = (_duplicates(docs, "organisationer", "organisationer", "organisationen")
                + _duplicates(docs, "personer", "personer", "personen")
                + _duplicates(docs, "forbund", None, "förbundet")
                + _duplicates(docs, "insatser", "insatser", "insatsen")
                + _duplicates(docs, "rapport", None, "rapporten")
                + _duplicates(docs, "ordlista", "termer", "termen"))
    clash = set(organisations) & set(forbund)
    for kind, doc in docs:
        if kind == "organisationer":
            for i, o in enumerate(doc.data["organisationer"]):
                if o["id"] in clash:
                    problems.append(Problem(doc.path, doc.line(("organisationer", i, "id")), f"organisationer[{i}].id",
                                            f"'{o['id']}' är redan id för ett förbund; referera till förbundet direkt"))
                if "del_av" in o and o["del_av"] not in organisations:
                    path = ("organisationer", i, "del_av")
                    problems.append(_missing(doc, path, o["del_av"], ORG))
    refs = {PERSON: persons, ORG: {**organisations, **forbund}, INSATS: insatser}
    for kind, doc in docs:
        if kind == "ordlista":
            ids = {t["id"] for t in doc.data["termer"]}
            for path, value in walk(doc.data, ("termer", "*", "se_aven", "*")):
                if value not in ids:
                    problems.append(Problem(doc.path, doc.line(path), dotted(path),
                                            f"termen '{value}' finns inte i ordlistan"))
    for kind, doc in docs:
        stem = PurePosixPath(doc.path).stem
        if kind == "forbund":
            d = doc.data
            if d["id"] != stem:
                problems.append(Problem(doc.path, doc.line(("id",)), "id", f"id ska vara filens namn '{stem}'"))
            if d["kalla"]["rapport"] not in reports:
                problems.append(_missing(doc, ("kalla", "rapport"), d["kalla"]["rapport"], "rapport"))
            if d.get("efterfoljare") and d["efterfoljare"] not in forbund:
                problems.append(_missing(doc, ("efterfoljare",), d["efterfoljare"], "förbund"))
        elif kind == "insatser":
            d = doc.data
            if d["forbund"] not in forbund:
                problems.append(_missing(doc, ("forbund",), d["forbund"], "förbund"))
            for i, s in enumerate(d["insatser"]):
                if not s["id"].startswith(d["forbund"] + "-"):
                    problems.append(Problem(doc.path, doc.line(("insatser", i, "id")), f"insatser[{i}].id",
                                            f"id ska börja med förbundets id '{d['forbund']}-'"))
        elif kind == "rapport":
            problems += _check_report(doc, refs, forbund, insatser, stem)
    return problems


def _missing(doc: Document, path: tuple, value: str, what: str) -> Problem:
    registry = {PERSON: "data/personer.yaml", ORG: "data/organisationer.yaml eller data/forbund/",
                INSATS: "data/insatser/"}.get(what, f"data/ ({what})")
    return Problem(doc.path, doc.line(path), dotted(path),
                   f"{what} '{value}' finns inte; ett id i {registry} förväntades")


def _check_report(doc: Document, refs: dict[str, Mapping], forbund: Mapping, insatser: Mapping,
                  stem: str) -> list[Problem]:
    d = doc.data
    problems: list[Problem] = []
    if d["id"] != stem:
        problems.append(Problem(doc.path, doc.line(("id",)), "id", f"id ska vara filens namn '{stem}'"))
    if d["forbund"] not in forbund:
        problems.append(_missing(doc, ("forbund",), d["forbund"], "förbund"))
    elif not d["id"].startswith(d["forbund"] + "-"):
        problems.append(Problem(doc.path, doc.line(("id",)), "id", f"id ska börja med '{d['forbund']}-'"))
    for pattern, what in REPORT_REFS:
        known = refs[what]
        found = values(d, pattern)
        if all(v in known for v in found) and (
                what != INSATS or all(insatser[v].forbund == d["forbund"] for v in found)):
            continue  # nothing to report: the walk with paths below is only for problems
        for path, value in walk(d, pattern):
            if value not in refs[what]:
                problems.append(_missing(doc, path, value, what))
            elif what == INSATS and insatser[value].forbund != d["forbund"]:
                problems.append(Problem(doc.path, doc.line(path), dotted(path),
                                        f"insatsen '{value}' hör till ett annat förbund än rapporten"))
    fran, till = d["period"]["fran"], d["period"]["till"]
    if fran > till:
        problems.append(Problem(doc.path, doc.line(("period",)), "period", "fran måste vara före till"))
    for pattern in REPORT_DATES:
        if all(fran <= value <= till for value in values(d, pattern)):
            continue
        for path, value in walk(d, pattern):
            if not fran <= value <= till:
                problems.append(Problem(doc.path, doc.line(path), dotted(path),
                                        f"datum inom rapportens period {fran} – {till} förväntades, fick {value}"))
    latest = d["beslut"]["datum"] if "beslut" in d else f"{int(till[:4]) + 1}{till[4:]}"
    events = ("handelser", "*", "datum")
    if any(value > latest for value in values(d, events)):
        for path, value in walk(d, events):
            if value > latest:  # a report may recall earlier decisions, but cannot report after it was decided
                problems.append(Problem(doc.path, doc.line(path), dotted(path),
                                        f"datum senast {latest} (rapportens beslutsdatum) förväntades, fick {value}"))
    if "beslut" in d and d["beslut"]["datum"] < till:
        problems.append(Problem(doc.path, doc.line(("beslut", "datum")), "beslut.datum",
                                f"beslutsdatum efter periodens slut {till} förväntades"))
    problems += _check_ids_within(doc)
    problems += _check_units(doc)
    problems += sumrefs.check(doc)
    return problems


def _check_ids_within(doc: Document) -> list[Problem]:
    problems = []
    for list_key in ("tabeller", "indikatorer"):
        seen: set[str] = set()
        for i, t in enumerate(doc.data.get(list_key, [])):
            if t["id"] in seen:
                problems.append(Problem(doc.path, doc.line((list_key, i, "id")), f"{list_key}[{i}].id",
                                        f"id '{t['id']}' förekommer två gånger i rapporten"))
            seen.add(t["id"])
            cols = [c["id"] for c in t["kolumner"]]
            for j, c in enumerate(cols):
                if c in cols[:j]:
                    problems.append(Problem(doc.path, doc.line((list_key, i, "kolumner", j)),
                                            f"{list_key}[{i}].kolumner[{j}].id", f"kolumn-id '{c}' förekommer två gånger"))
            if list_key == "indikatorer":
                for r, row in enumerate(t["rader"]):
                    if len(row["celler"]) != len(cols):
                        path = (list_key, i, "rader", r, "celler")
                        problems.append(Problem(doc.path, doc.line(path), dotted(path),
                                                f"{len(cols)} celler förväntades (en per kolumn), fick {len(row['celler'])}"))
    seen_goals: set[str] = set()
    for i, m in enumerate(doc.data.get("mal", {}).get("poster", [])):
        if m["id"] in seen_goals:
            problems.append(Problem(doc.path, doc.line(("mal", "poster", i, "id")), f"mal.poster[{i}].id",
                                    f"mål-id '{m['id']}' förekommer två gånger"))
        seen_goals.add(m["id"])
    return problems


FACTORS = {"kr": 1, "tkr": 1000, "kkr": 1000}


def _check_units(doc: Document) -> list[Problem]:
    """The same key figure for the same year must not differ by a factor of about 1000 between tables.

    Small differences are facts about the source (reported on Datakvalitet); a factor
    of a thousand means a figure was typed in the wrong unit.
    """
    seen: dict[tuple[str, int], list[tuple[int, tuple, str]]] = defaultdict(list)
    for i, t in enumerate(doc.data["tabeller"]):
        years = [c.get("ar") or (int(c["datum"][:4]) if "datum" in c else None) for c in t["kolumner"]]
        slag = [c.get("slag", "utfall") for c in t["kolumner"]]
        for r, row in enumerate(t["rader"]):
            if row.get("nyckel") not in REPORT_KEYS:
                continue
            for c, value in enumerate(row.get("varden", [])):
                unit = row.get("enhet") or (t["kolumner"][c].get("enhet") if c < len(years) else None) or t["enhet"]
                if c >= len(years) or years[c] is None or slag[c] != "utfall" or unit not in FACTORS:
                    continue
                if isinstance(value, int) and value != 0:
                    where = ("tabeller", i, "rader", r, "varden", c)
                    seen[(row["nyckel"], years[c])].append((value * FACTORS[unit], where, unit))
    problems = []
    for (key, year), found in seen.items():
        base = found[0]
        for other in found[1:]:
            ratio = abs(other[0] / base[0])
            if ratio > 100 or ratio < 0.01:
                ratio = max(ratio, 1 / ratio)
                problems.append(Problem(
                    doc.path, doc.line(other[1]), dotted(other[1]),
                    f"beloppet för '{key}' {year} avviker med en faktor ~{ratio:.0f} från "
                    f"{dotted(base[1])} (rad {doc.line(base[1])}); det ser ut att vara angivet i fel enhet "
                    f"(tabellen anger {other[2]})"))
    return problems
