"""Plausibility inside a report: figures that cannot all be true together.

Women + men = the insats' participants; active at the start + new = participants, participants − ended = still
in at the end; a total in a distribution of participants = its entries; no more exits to somewhere than
participants who ended; shares of one
whole (text figures with the same `andel_av` and year, the members' shares of the funding) add up to 100 %; one
person sits once on the board at a time;
the same keyed figure for the same year is not a factor 1 000 off in another table (the förbund's other reports
included), and the table that is off is named. Each is a Finding like the sums; nothing is corrected.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

from faktabank.derive.findings import (
    ACTUAL,
    CHECK_TITLE,
    STATEMENTS,
    Figure,
    Finding,
    Side,
    figure_at,
    finding,
    one,
    side,
)
from faktabank.derive.statedfigures import text_figure
from faktabank.model import UNIT_FACTOR, Model, Report, once_per_model

SHARE_WHOLE = 100
THOUSAND = 1000
NEAR = 0.1  # "a factor 1 000" means between 900 and 1 100


def _name(model: Model, insats: Mapping[str, Any]) -> str:
    known = model.insatser.get(insats["insats"])
    return insats.get("namn_i_rapporten") or (known.namn if known else insats["insats"])


def _count(model: Model, report: Report, insats: Mapping[str, Any], what: str, value: int, column: str = "") -> Figure:
    name = _name(model, insats)
    return Figure(value, "antal", value, report.id, "insatser", f"insats-{insats['insats']}",
                  f"Insatsen {name} ({insats['avsnitt']})", what, column or str(report.year), report.year)


def check_participants(model: Model, report: Report) -> Iterator[Finding]:
    """Women + men = all participants, this year and the year before, for every insats that gives all three."""
    for insats in report.data.get("insatser", ()):
        counts = insats.get("deltagare") or {}
        for block, when in ((counts, ""), (counts.get("foregaende_ar") or {}, "året innan")):
            if not all(k in block for k in ("totalt", "kvinnor", "man")):
                continue
            women = _count(model, report, insats, "Kvinnor", block["kvinnor"], when)
            men = _count(model, report, insats, "Män", block["man"], when)
            total = _count(model, report, insats, "Deltagare totalt", block["totalt"], when)
            name = _name(model, insats)
            what = f"Kvinnor + män mot deltagare totalt i {name}" + (f", {when}" if when else "")
            found = finding("deltagare", report, report.year - (1 if when else 0), what,
                            side("Kvinnor + män", (women, men)), one(total), False)
            if found:
                yield found


def check_flow(model: Model, report: Report) -> Iterator[Finding]:
    """Participants during the period = those active at its start + the new ones; those still in at its end =
    participants during the period − those who ended. Only where the report gives all three figures."""
    for insats in report.data.get("insatser", ()):
        counts = insats.get("deltagare") or {}
        name = _name(model, insats)
        for block, when, year in ((counts, "", report.year), (counts.get("foregaende_ar") or {}, "året innan",
                                                                report.year - 1)):
            def count(key: str, what: str, block: Mapping[str, Any] = block, when: str = when,
                      insats: Mapping[str, Any] = insats) -> Figure:
                return _count(model, report, insats, what, block[key], when)
            suffix = f", {when}" if when else ""
            if all(k in block for k in ("vid_ingangen", "nya", "totalt")):
                found = finding("deltagarflode", report, year,
                                f"Aktiva vid periodens början + nya mot deltagare under perioden i {name}{suffix}",
                                side("Aktiva vid början + nya", (count("vid_ingangen", "Aktiva vid periodens början"),
                                                                 count("nya", "Nya deltagare"))),
                                one(count("totalt", "Deltagare totalt")), False)
                if found:
                    yield found
            if all(k in block for k in ("totalt", "avslutade", "pagaende")):
                total, ended = count("totalt", "Deltagare totalt"), count("avslutade", "Avslutade deltagare")
                found = finding("deltagarflode", report, year,
                                f"Deltagare under perioden − avslutade mot pågående vid periodens slut i {name}{suffix}",
                                side("Deltagare − avslutade", (total, ended), total.kronor - ended.kronor),
                                one(count("pagaende", "Pågående vid periodens slut")), False)
                if found:
                    yield found


def check_distribution(model: Model, report: Report) -> Iterator[Finding]:
    """A total in an insats' distribution of participants (`summa: true`) against the entries above it, back to the
    previous total."""
    for insats in report.data.get("insatser", ()):
        entries = (insats.get("deltagare") or {}).get("fordelning") or ()
        parts: list[Figure] = []
        for entry in entries:
            figure = _count(model, report, insats, entry["etikett"], entry["antal"])
            if not entry.get("summa"):
                parts.append(figure)
                continue
            if parts:
                what = f"{entry['etikett']} mot posterna ovanför i fördelningen av deltagare i {_name(model, insats)}"
                found = finding("summa", report, report.year, what,
                                side("Summa av posterna: " + " + ".join(f.row for f in parts), parts), one(figure), False)
                if found:
                    yield found
            parts = []


def check_exits(model: Model, report: Report) -> Iterator[Finding]:
    """The exits listed by where they went are not more than the participants who ended."""
    for insats in report.data.get("insatser", ()):
        ended = (insats.get("deltagare") or {}).get("avslutade")
        exits = insats.get("avslut") or ()
        if ended is None or not exits:
            continue
        parts = [_count(model, report, insats, f"Avslut till {e['till']}", e["antal"]) for e in exits]
        listed = sum(f.kronor for f in parts)
        if listed <= ended:
            continue
        total = _count(model, report, insats, "Avslutade deltagare", ended)
        name = _name(model, insats)
        yield Finding("avslut", CHECK_TITLE["avslut"], report.id, report.year,
                      f"Avslut efter vart deltagarna gick mot avslutade deltagare i {name}",
                      side("Avslut till arbete, studier och annat", parts), one(total), False, 0, listed - ended, "antal")


def check_shares(report: Report) -> Iterator[Finding]:
    """Shares of one whole add up to 100 %, within half a point of rounding per share: text figures with the same
    `andel_av` and year, and the members' shares of the funding."""
    wholes: dict[tuple[str, int | None], list[Figure]] = defaultdict(list)
    for index, n in enumerate(report.data.get("nyckeltal", ())):
        if n.get("andel_av") and n["enhet"] == "procent":
            wholes[(n["andel_av"], n.get("ar"))].append(text_figure(report, index, n))
    funding = (report.data.get("medlemmar") or {}).get("finansiering") or ()
    for index, part in enumerate(funding):
        if "andel_procent" in part:
            share = part["andel_procent"]
            wholes[("finansiering", report.year)].append(Figure(
                share, "procent", share, report.id, "medlemmar", "finansiering", "Medlemmarnas andelar av finansieringen",
                ", ".join(part["parter"]), f"andel {index + 1}", report.year))
    for (_, year), shares in wholes.items():
        if len(shares) < 2:
            continue
        added = sum(f.kronor for f in shares)
        allowed = math.ceil(len(shares) / 2) - 1 if all(float(f.value).is_integer() for f in shares) else 0
        difference = abs(added - SHARE_WHOLE)
        if difference <= allowed:
            continue
        whole = Figure(SHARE_WHOLE, "procent", SHARE_WHOLE, report.id, "nyckeltal", "nyckeltal", "Helheten",
                       "100 %", "", year)
        yield Finding("andelar", CHECK_TITLE["andelar"], report.id, year,
                      "Andelarna " + ", ".join(f.row.lower() for f in shares) + " tillsammans mot 100 %",
                      side("Summa av andelarna", shares, added), Side("Helheten", SHARE_WHOLE, (whole,)), False, allowed,
                      difference, "procent")


def _day(value: str | None, default: str) -> date:
    return date.fromisoformat(value or default)


def check_board(model: Model, report: Report) -> Iterator[Finding]:
    """The same person twice on the board (as ordinarie or ersättare, in any member's seats) at overlapping times."""
    board = report.data.get("styrelse") or {}
    seats: dict[str, list[tuple[date, date, str]]] = defaultdict(list)
    for mandate in board.get("mandat", ()):
        for kind, as_what in (("ordinarie", "ordinarie"), ("ersattare", "ersättare")):
            for seat in mandate.get(kind, ()):
                if "person" not in seat:  # a vacant seat
                    continue
                start, end = _day(seat.get("fran"), report.fran), _day(seat.get("till"), report.till)
                member = model.organisations.get(mandate["utsedd_av"])
                by = member.namn if member else mandate["utsedd_av"]
                seats[seat["person"]].append((start, end, f"{as_what} för {by}"))
    for person_id, held in seats.items():
        known = model.persons.get(person_id)
        person = known.namn if known else person_id
        for i, (start, end, what) in enumerate(held):
            for start2, end2, what2 in held[i + 1:]:
                overlap = (min(end, end2) - max(start, start2)).days + 1
                if overlap <= 0:
                    continue
                left = Side(f"{person}: {what}, {start}–{end}", 0, ())
                right = Side(f"{person}: {what2}, {start2}–{end2}", 0, ())
                yield Finding("styrelse", CHECK_TITLE["styrelse"], report.id, report.year,
                              f"{person} två gånger i styrelsen samtidigt", left, right, False, 0, overlap, "dagar")


@once_per_model
def _keyed_amounts_by_forbund(model: Model) -> dict[str, dict[tuple[str, int], list[Figure]]]:
    """Every keyed amount of each förbund's reports in a year column of the outcome, by (key, year): worked out
    once, not once for each of the förbund's reports."""
    out: dict[str, dict[tuple[str, int], list[Figure]]] = defaultdict(lambda: defaultdict(list))
    for report in (r for forbund in model.forbund for r in model.reports_of(forbund)):
        by_key = out[report.forbund]
        for table in report.tables:
            for row in table.rows:
                if row.nyckel is None:
                    continue
                for index, column in enumerate(table.columns):
                    if column.ar is None or column.slag not in ACTUAL or column.enhet not in UNIT_FACTOR:
                        continue
                    f = figure_at(report, table, row, index)
                    if f is not None and f.kronor:
                        by_key[(row.nyckel, column.ar)].append(f)
    return out


def _thousandfold(a: Figure, b: Figure) -> bool:
    ratio = abs(a.kronor) / abs(b.kronor)
    return abs(ratio - THOUSAND) <= THOUSAND * NEAR or abs(1 / ratio - THOUSAND) <= THOUSAND * NEAR


@once_per_model
def _units_off(model: Model) -> dict[str, list[tuple[str, int, Figure, Figure]]]:
    """Each report's keyed amounts that are a factor 1 000 off the reference for the same key and year, as
    (key, year, figure, reference): worked out once for each förbund, not once for each of its reports (which
    would grow with the square of its years)."""
    out: dict[str, list[tuple[str, int, Figure, Figure]]] = defaultdict(list)
    for forbund, by_key in _keyed_amounts_by_forbund(model).items():
        kind = {(r.id, t.id): t.typ for r in model.reports_of(forbund) for t in r.tables}
        for (key, year), figures in by_key.items():
            if len(figures) < 2:
                continue

            def support(f: Figure, figures: list[Figure] = figures,
                        kind: dict[tuple[str, str], str] = kind) -> tuple[int, bool]:
                close = sum(1 for g in figures if 0.5 <= abs(g.kronor) / abs(f.kronor) <= 2)
                return close, kind[(f.report, f.table)] in STATEMENTS

            reference = max(figures, key=support)
            for f in figures:
                if _thousandfold(f, reference):
                    out[f.report].append((key, year, f, reference))
    return out


def check_units(model: Model, report: Report) -> Iterator[Finding]:
    """A table of this report whose keyed amount is a factor 1 000 off the same figure elsewhere. The figure that
    most tables agree with (a statement's first) is the reference; the table off from it is named."""
    for key, year, f, reference in _units_off(model).get(report.id, ()):
        elsewhere = "" if reference.report == report.id else f" ({model.reports[reference.report].title})"
        what = f"{key} {year}: {f.table_title} avviker en faktor 1 000 från {reference.table_title}{elsewhere}"
        yield Finding("enhet", CHECK_TITLE["enhet"], report.id, year, what, one(f), one(reference), True, 0,
                      abs(abs(f.kronor) - abs(reference.kronor)))


def check(model: Model, report: Report) -> Iterator[Finding]:
    yield from check_participants(model, report)
    yield from check_flow(model, report)
    yield from check_distribution(model, report)
    yield from check_exits(model, report)
    yield from check_shares(report)
    yield from check_board(model, report)
    yield from check_units(model, report)
