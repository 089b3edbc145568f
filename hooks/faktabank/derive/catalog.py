"""The insatskatalog: every insats across förbund with what the catalogue filters on.

Kind and themes come from data/insatser/; owners and years from the reports. Target groups are
derived from the reports' own-words target-group descriptions (`malgrupp`) by keyword, and the page
says so; the full description is shown beside them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from faktabank.model import Model
from faktabank.text.formatting import report_period

THEMES = {
    "psykisk-halsa": "Psykisk hälsa", "unga": "Unga", "socialt-foretagande": "Socialt företagande",
    "fontanhus": "Fontänhus", "losningsfokus": "Lösningsfokus", "arbetsformagebedomning": "Arbetsförmågebedömning",
    "esf": "ESF", "integration": "Integration", "samverkan": "Samverkan", "kompetensutveckling": "Kompetensutveckling",
    "utbildning": "Utbildning", "rehabilitering": "Rehabilitering", "teamsamverkan": "Teamsamverkan",
    "forstudie": "Förstudie", "utvardering": "Utvärdering", "foraldraskap": "Föräldraskap",
    "beroende": "Missbruk och beroende",
}

# (id, label, pattern on the target-group text); an insats can belong to several.
TARGET_GROUPS: tuple[tuple[str, str, re.Pattern[str]], ...] = tuple(
    (gid, label, re.compile(pattern, re.IGNORECASE)) for gid, label, pattern in (
        ("unga", "Unga", r"\bung(a|domar|domars)?\b|gymnasieelever|\belever"),
        ("utrikes-fodda", "Utrikes födda och nyanlända", r"utlandsfödd|utrikes född|nyanl|ensamkommande|integration"),
        ("sjukskrivna", "Sjukskrivna", r"sjukskriv"),
        ("arbetslosa", "Arbetslösa och personer utan egen försörjning",
         r"arbetssökande|arbetslös|utan egen försörjning|försörjningsstöd"),
        ("psykisk-ohalsa", "Personer med psykisk ohälsa", r"psyki|psykosocial"),
        ("samordnat-stod", "Personer som behöver samordnat stöd",
         r"samordnat stöd|samordnade insatser|flera myndigheter|flera aktörer|sammanhållen rehabilitering|sammansatta"),
        ("funktionsnedsattning", "Personer med funktionsnedsättning",
         r"funktionsnedsättning|särgymnas|fysiska eller psykiska hinder"),
        ("missbruk", "Personer med missbruk eller beroende", r"missbruk|beroendeproblem"),
        ("foraldrar", "Föräldrar och vårdnadshavare", r"vårdnadshavare|föräldrar|hemmavarande barn"),
        ("personal", "Personal, chefer och politiker hos parterna", r"personal|\bchef|medarbetare|politiker|styrelser"),
        ("allmanheten", "Allmänheten", r"allmänhet"),
        ("foretag", "Sociala företag och arbetsgivare", r"sociala företag|arbetsgivare"),
    )
)
NO_TARGET_GROUP = ("ej-angiven", "Målgrupp inte angiven")


def theme_label(theme: str) -> str:
    return THEMES.get(theme, theme.replace("-", " ").capitalize())


def target_groups(texts: list[str]) -> tuple[str, ...]:
    found = [gid for gid, _label, pattern in TARGET_GROUPS if any(pattern.search(t) for t in texts)]
    return tuple(found) if found else (NO_TARGET_GROUP[0],)


TARGET_LABEL = {gid: label for gid, label, _ in TARGET_GROUPS} | {NO_TARGET_GROUP[0]: NO_TARGET_GROUP[1]}


@dataclass(frozen=True)
class Entry:
    insats: str
    forbund: str
    namn: str
    projektnummer: str | None
    typ: str
    teman: tuple[str, ...]
    malgrupper: tuple[str, ...]
    malgrupp_text: str | None  # the latest report's description
    agare: tuple[str, ...]
    years: tuple[int, ...]
    reports: tuple[str, ...]
    beskrivning: str | None
    periods: tuple[str, ...] = ()  # the years as a reader names them: "januari–juni 2019" for a delårsrapport


def _periods(model: Model, report_ids: list[str], years: set[int]) -> tuple[str, ...]:
    """An insats's years for the reader: a year that only a delårsrapport gives is named by its period."""
    whole = {model.reports[rid].year for rid in report_ids if not model.reports[rid].partial}
    named = {y: str(y) for y in years if y in whole or all(model.reports[rid].year != y for rid in report_ids)}
    for rid in report_ids:
        r = model.reports[rid]
        named.setdefault(r.year, report_period(r))
    return tuple(named[y] for y in sorted(named))


def entries(model: Model) -> list[Entry]:
    """One entry per insats, ordered by förbund, then project number and name (as on the förbund pages)."""
    years: dict[str, set[int]] = {i: set() for i in model.insatser}
    reports: dict[str, list[str]] = {i: [] for i in model.insatser}
    owners: dict[str, list[str]] = {i: [] for i in model.insatser}
    groups: dict[str, list[str]] = {i: [] for i in model.insatser}
    for r in sorted(model.reports.values(), key=lambda r: (r.till, r.id)):
        for s in r.data.get("insatser", ()):
            iid = s["insats"]
            years[iid].add(r.year)
            reports[iid].append(r.id)
            owners[iid] += [o for o in s.get("agare", ()) if o not in owners[iid]]
            if s.get("malgrupp"):
                groups[iid].append(s["malgrupp"])
        for t in r.tables:
            for row in t.rows:
                if row.insats in years:
                    years[row.insats].add(r.year)
                    if r.id not in reports[row.insats]:
                        reports[row.insats].append(r.id)
    out = []
    for fid in sorted(model.forbund):
        for i in model.insatser_of(fid):
            out.append(Entry(i.id, fid, i.namn, i.projektnummer, i.typ, i.teman, target_groups(groups[i.id]),
                             groups[i.id][-1] if groups[i.id] else None, tuple(owners[i.id]),
                             tuple(sorted(years[i.id])), tuple(reports[i.id]), i.beskrivning,
                             _periods(model, reports[i.id], years[i.id])))
    return out
