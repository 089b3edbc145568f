"""Cross-entity indexes, built once per build: who held which role, which organisation did what."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from faktabank.model import Model, Report, once_per_model

BOARD_ROLE = {"ordforande": "Ordförande", "vice-ordforande": "Vice ordförande", "ledamot": "Ledamot"}
AUDIT_FUNCTION = {
    "fortroendevald-revisor": "Förtroendevald revisor",
    "upphandlad-revisor": "Upphandlad revisor",
    "revisorsbitrade": "Revisorsbiträde",
    "sakkunnigt-bitrade": "Sakkunnigt biträde",
}

# What the reports say someone did beyond the formal roles (a report's `medverkan`), as the role column names it.
MEDVERKAN = {
    "arbetsgrupp": "Arbetsgrupp",
    "insatspersonal": "Arbetade i insatsen",
    "utvardering": "Utvärdering",
    "expertstod": "Expertstöd",
    "arrangemang": "Arrangerade",
    "medverkan": "Medverkade",
    "finansiering": "Finansierade",
}


@dataclass(frozen=True)
class Role:
    """One role of a person or an organisation in one report."""

    forbund: str
    report: str
    year: int
    role: str
    detail: str
    via: tuple[str, ...]  # organisations: appointed by, represents, employer, firm
    fran: str | None
    till: str | None
    anchor: str
    insats: str | None = None


@dataclass(frozen=True)
class Roles:
    by_person: dict[str, tuple[Role, ...]]
    by_org: dict[str, tuple[Role, ...]]


def _person_roles(r: Report) -> list[tuple[str, Role]]:
    d = r.data
    out: list[tuple[str, Role]] = []
    for mandat in d.get("styrelse", {}).get("mandat", ()):
        for kind, label in (("ordinarie", "Ordinarie ledamot"), ("ersattare", "Ersättare")):
            for u in mandat.get(kind, ()):
                if "person" in u:
                    role = BOARD_ROLE.get(u.get("roll", ""), label) if kind == "ordinarie" else label
                    if kind == "ordinarie" and u.get("roll") in ("ordforande", "vice-ordforande"):
                        role = f"{role} (ordinarie ledamot)"
                    out.append((u["person"], Role(r.forbund, r.id, r.year, f"Styrelsen: {role}", u.get("kommentar", ""),
                                                  (mandat["utsedd_av"],), u.get("fran"), u.get("till"), "styrelse")))
    for p in d.get("revisorer", {}).get("poster", ()):
        if "person" in p:
            role = AUDIT_FUNCTION[p["funktion"]] + (" (ersättare)" if p.get("roll") == "ersattare" else "")
            via = tuple(p.get("utsedd_av", ())) + ((p["organisation"],) if "organisation" in p else ())
            out.append((p["person"], Role(r.forbund, r.id, r.year, f"Revision: {role}", p.get("funktion_text", ""),
                                          via, p.get("fran"), p.get("till"), "revisorer")))
    for p in d.get("personal", {}).get("poster", ()):
        if "person" in p:
            via = (p["anstalld_hos"],) if "anstalld_hos" in p else ()
            out.append((p["person"], Role(r.forbund, r.id, r.year, f"Personal: {p['titel']}", p.get("kommentar", ""),
                                          via, p.get("fran"), p.get("till"), "personal")))
    for p in d.get("undertecknare", {}).get("poster", ()):
        via = tuple(p.get("foretrader", ())) + ((p["organisation"],) if "organisation" in p else ())
        out.append((p["person"], Role(r.forbund, r.id, r.year, f"Undertecknade rapporten: {p['titel']}", "",
                                      via, None, None, "undertecknare")))
    for p in d.get("medlemmar", {}).get("representanter", ()):
        out.append((p["person"], Role(r.forbund, r.id, r.year, "Medlemsrepresentant", p.get("titel", ""),
                                      (p["organisation"],), None, None, "medlemmar")))
    for i, p in enumerate(d.get("medverkan", ())):
        if "person" in p:
            via = (p["organisation"],) if "organisation" in p else ()
            out.append((p["person"], _medverkan(r, i, p, via)))
    return out


def _medverkan(r: Report, index: int, p: Mapping[str, Any], via: tuple[str, ...], detail: str = "") -> Role:
    """One entry of a report's `medverkan`: its kind (and group) as the role, the task as the detail, the
    report's row of it as the source (the report page's table Medverkan, anchor medverkan-<n>)."""
    role = MEDVERKAN[p["slag"]] + (f": {p['grupp']}" if p.get("grupp") else "")
    return Role(r.forbund, r.id, r.year, role, detail or p["uppgift"], via, p.get("fran"), p.get("till"),
                f"medverkan-{index + 1}", p.get("insats"))


def _org_roles(r: Report, names: Mapping[str, str]) -> list[tuple[str, Role]]:
    """An organisation's roles in one report; `names` gives the people through whom it took part."""
    d = r.data
    out: list[tuple[str, Role]] = []
    members = d.get("medlemmar", {})
    shares = {}
    for f in members.get("finansiering", ()):
        for o in f["parter"]:
            joint = f" (gemensamt med {len(f['parter']) - 1} till)" if len(f["parter"]) > 1 else ""
            shares[o] = f"finansieringsandel {f['andel_procent']:g} %{joint}".replace(".", ",")
    inferred = f"härlett av faktabanken: {members['harledd']}" if members.get("harledd") else ""
    for o in members.get("parter", ()):
        detail = "; ".join(x for x in (shares.get(o, ""), inferred) if x)
        out.append((o, Role(r.forbund, r.id, r.year, "Medlem (härlett)" if inferred else "Medlem", detail, (), None, None,
                            "medlemmar")))
    for mandat in d.get("styrelse", {}).get("mandat", ()):
        n = sum(1 for u in mandat.get("ordinarie", ()) if "person" in u)
        e = sum(1 for u in mandat.get("ersattare", ()) if "person" in u)
        out.append((mandat["utsedd_av"], Role(r.forbund, r.id, r.year, "Utser styrelseledamöter",
                                              f"{n} ordinarie, {e} ersättare (inklusive byten under året)",
                                              (), None, None, "styrelse")))
    for p in d.get("revisorer", {}).get("poster", ()):
        if "organisation" in p:
            out.append((p["organisation"], Role(r.forbund, r.id, r.year, "Revision: " + AUDIT_FUNCTION[p["funktion"]],
                                                p.get("funktion_text", ""), (), p.get("fran"), p.get("till"), "revisorer")))
        for o in p.get("utsedd_av", ()):
            out.append((o, Role(r.forbund, r.id, r.year, "Utser revisor", AUDIT_FUNCTION[p["funktion"]],
                                (), p.get("fran"), p.get("till"), "revisorer")))
    for p in d.get("leverantorer", {}).get("poster", ()):
        out.append((p["organisation"], Role(r.forbund, r.id, r.year, "Levererar tjänster", p["tjanst"],
                                            (), p.get("fran"), p.get("till"), "leverantorer")))
    for p in d.get("personal", {}).get("poster", ()):
        if "anstalld_hos" in p:
            out.append((p["anstalld_hos"], Role(r.forbund, r.id, r.year, "Arbetsgivare för förbundets personal",
                                                p["titel"], (), p.get("fran"), p.get("till"), "personal")))
    for i, p in enumerate(d.get("medverkan", ())):
        if "organisation" in p:
            through = f"{names.get(p['person'], p['person'])}: {p['uppgift']}" if "person" in p else ""
            out.append((p["organisation"], _medverkan(r, i, p, (), through)))
    for s in d.get("insatser", ()):
        for o in s.get("agare", ()):
            out.append((o, Role(r.forbund, r.id, r.year, "Projektägare", "", (), None, None,
                                f"insats-{s['insats']}", s["insats"])))
        money = s.get("ekonomi", {})
        if money.get("finansiar"):  # money that is not the förbund's own: the granting organisation's role
            out.append((money["finansiar"], Role(r.forbund, r.id, r.year, "Finansierar insats",
                                                 "beviljade medel till hela projektet", (), None, None,
                                                 f"insats-{s['insats']}", s["insats"])))
        group = s.get("styrgrupp", {})
        for o in ((group["organisation"],) if "organisation" in group else ()) + tuple(group.get("parter", ())):
            out.append((o, Role(r.forbund, r.id, r.year, "I styrgrupp för insats", "", (), None, None,
                                f"insats-{s['insats']}", s["insats"])))
    return out


def build_roles(model: Model) -> Roles:
    by_person: dict[str, list[Role]] = defaultdict(list)
    by_org: dict[str, list[Role]] = defaultdict(list)
    names = {p.id: p.namn for p in model.persons.values()}
    for r in model.reports.values():
        for pid, role in _person_roles(r):
            by_person[pid].append(role)
        for oid, role in _org_roles(r, names):
            by_org[oid].append(role)
    def order(x: Role) -> tuple:
        return (x.year, x.forbund, x.report, x.role, x.fran or "", x.detail)

    return Roles({k: tuple(sorted(v, key=order)) for k, v in by_person.items()},
                 {k: tuple(sorted(v, key=order)) for k, v in by_org.items()})


roles_of = once_per_model(build_roles)  # made once per model: the pages and the open data share it
