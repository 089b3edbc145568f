"""Keep only what the included reports use.

A snapshot ("läge 2020") or the public edition leaves reports out. The shared registries
(organisations, persons, insatser, förbund) also hold entries that only the left-out
reports mention; those must not get a page, or a frozen snapshot would show traces of
later data. So after the reports are chosen, everything else is cut down to what they
reference (crossref.REPORT_REFS), plus the organisations a kept organisation is part of.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from faktabank.load.crossref import INSATS, ORG, PERSON, REPORT_REFS, values
from faktabank.model import Forbund, Insats, Organisation, Person, Report, Source


def references(reports: Mapping[str, Report]) -> dict[str, set[str]]:
    """Every person, organisation (or förbund) and insats id the reports refer to."""
    found: dict[str, set[str]] = {PERSON: set(), ORG: set(), INSATS: set()}
    for r in reports.values():
        for pattern, what in REPORT_REFS:
            found[what].update(values(r.data, pattern))
    return found


def prune(organisations: dict[str, Organisation], persons: dict[str, Person], forbund: dict[str, Forbund],
          insatser: dict[str, Insats], reports: Mapping[str, Report]
          ) -> tuple[dict[str, Organisation], dict[str, Person], dict[str, Forbund], dict[str, Insats]]:
    """The registries restricted to what `reports` use, in their original order."""
    refs = references(reports)
    keep_orgs = refs[ORG] & organisations.keys()
    pending = list(keep_orgs)
    while pending:  # an organisation's page links the organisation it is part of
        parent = organisations[pending.pop()].del_av
        if parent and parent not in keep_orgs:
            keep_orgs.add(parent)
            pending.append(parent)
    keep_forbund = {r.forbund for r in reports.values()} | (refs[ORG] & forbund.keys())
    kept_forbund = {}
    for fid, f in forbund.items():
        if fid not in keep_forbund:
            continue
        if f.source.report not in reports:  # identity taken from a report this build leaves out: name no report
            f = replace(f, source=Source(f.source.file, f.source.line))
        kept_forbund[fid] = f
    return ({k: v for k, v in organisations.items() if k in keep_orgs},
            {k: v for k, v in persons.items() if k in refs[PERSON]},
            kept_forbund,
            {k: v for k, v in insatser.items() if k in refs[INSATS]})
