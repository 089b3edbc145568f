"""Names the reports spell in more than one way: persons, organisations, insatser and web addresses.

The faktabank keeps one identity for each; the other spellings are recorded in the data (`alias` of a person,
organisation or insats, `namn_i_rapporten` where a report names an insats, `webbplats` where a report gives the
förbund's web address) and listed on the Datakvalitet page.
"""

from __future__ import annotations

from collections.abc import Iterable

from faktabank.derive.findings import NameVariant
from faktabank.model import Model


def _variant(kind: str, entity_id: str, namn: str, spellings: Iterable[str]) -> NameVariant | None:
    others = tuple(dict.fromkeys(s for s in spellings if s and s != namn))
    return NameVariant(kind, entity_id, namn, others) if others else None


def name_variants(model: Model) -> tuple[NameVariant, ...]:
    """Every person, organisation, insats and förbund web address with more than one spelling in the reports."""
    named_in_reports: dict[str, list[str]] = {}
    web: dict[str, list[str]] = {}
    for report in sorted(model.reports.values(), key=lambda r: (r.till, r.id)):
        for insats in report.data.get("insatser", ()):
            if insats.get("namn_i_rapporten"):
                named_in_reports.setdefault(insats["insats"], []).append(insats["namn_i_rapporten"])
        if report.data.get("webbplats"):
            web.setdefault(report.forbund, []).append(report.data["webbplats"])
    found = [_variant("person", p.id, p.namn, p.alias) for p in model.persons.values()]
    found += [_variant("organisation", o.id, o.namn, o.alias) for o in model.organisations.values()]
    found += [_variant("insats", i.id, i.namn, (*i.alias, *named_in_reports.get(i.id, ()))) for i in model.insatser.values()]
    for forbund_id, spellings in web.items():
        registered = model.forbund[forbund_id].data.get("webb") or spellings[0]
        found.append(_variant("webbadress", forbund_id, registered, spellings))
    return tuple(sorted((v for v in found if v), key=lambda v: (v.namn.casefold(), v.kind)))
