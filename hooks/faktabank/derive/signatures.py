"""The board against the signatures: who signs the report as a member of the board, and in which role, compared
with the board the report lists (`styrelse`) at the end of its period.

A signatory whose title is a board role (ordförande, vice ordförande, ledamot, ersättare) and who is not on the
board at the end of the period, or who signs in another role than the board gives, is a `TextFinding` with both
statements and both sections. Signatures without a board title (auditors, staff, a missing title) are not
compared. Nor is a report decided (`beslut.datum`) in a later mandate period than the one its period ends in:
it is signed by the next board (a report for an election year is often decided after 1 January), which the
report does not list. Nothing is corrected: the signatures and the board stay as the report prints them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

from faktabank.derive.findings import CHECK_TITLE, Statement, TextFinding
from faktabank.model import Model, Report

# A signature's title, lower case, and the board role it claims.
TITLE_ROLE = {
    "ordförande": "ordforande",
    "styrelseordförande": "ordforande",
    "vice ordförande": "vice-ordforande",
    "ledamot": "ledamot",
    "ordinarie ledamot": "ledamot",
    "styrelseledamot": "ledamot",
    "ersättare": "ersattare",
}
ROLE_NAME = {"ordforande": "ordförande", "vice-ordforande": "vice ordförande", "ledamot": "ledamot",
             "ersattare": "ersättare"}
ONE_HOLDER = ("ordforande", "vice-ordforande")  # roles one person holds at a time
FIRST_TERM = 2023  # mandate periods of four years begin on 1 January after an election: …, 2015, 2019, 2023, 2027


def term(day: date) -> int:
    """The first year of the mandate period a day falls in."""
    return day.year - (day.year - FIRST_TERM) % 4


def _day(value: str | None, default: str) -> date:
    return date.fromisoformat(value or default)


def _seats(report: Report) -> list[tuple[str, str, date, date]]:
    """Every seat of the board: (person, role, first day, last day); ersättare have the role 'ersattare'."""
    out = []
    for mandate in (report.data.get("styrelse") or {}).get("mandat", ()):
        for kind in ("ordinarie", "ersattare"):
            for seat in mandate.get(kind, ()):
                if "person" not in seat:
                    continue
                role = "ersattare" if kind == "ersattare" else seat.get("roll", "ledamot")
                out.append((seat["person"], role, _day(seat.get("fran"), report.fran), _day(seat.get("till"),
                                                                                           report.till)))
    return out


def _name(model: Model, person: str) -> str:
    known = model.persons.get(person)
    return known.namn if known else person


def _roles(seats: list[tuple[str, str, date, date]], person: str, day: date | None) -> list[str]:
    return list(dict.fromkeys(role for who, role, start, end in seats if who == person
                              and (day is None or start <= day <= end)))


def _board_says(model: Model, seats: list[tuple[str, str, date, date]], person: str, claimed: str,
                end: date) -> str | None:
    """What the board table says about the person, or None when it agrees with the claimed role at the end."""
    now = _roles(seats, person, end)
    if claimed in now:
        return None
    name = _name(model, person)
    if now:
        said = f"{name} är {' och '.join(ROLE_NAME[r] for r in now)} vid periodens slut"
    else:
        earlier = [(role, last) for who, role, _, last in seats if who == person]
        said = (f"{name} finns inte med i styrelsens sammansättning" if not earlier else
                f"{name} lämnade styrelsen under perioden ({ROLE_NAME[earlier[-1][0]]} till {earlier[-1][1]})")
    if claimed in ONE_HOLDER:
        holders = [who for who, role, start, last in seats if role == claimed and start <= end <= last]
        if holders:
            said += f"; {ROLE_NAME[claimed]} är {', '.join(_name(model, h) for h in holders)}"
        else:
            said += f"; ingen anges som {ROLE_NAME[claimed]}"
    return said


def check(model: Model, report: Report) -> Iterator[TextFinding]:
    board: Mapping[str, Any] = report.data.get("styrelse") or {}
    signed: Mapping[str, Any] = report.data.get("undertecknare") or {}
    if not board or not signed:
        return
    seats = _seats(report)
    end = _day(None, report.till)
    decided = (report.data.get("beslut") or {}).get("datum")
    if decided and term(date.fromisoformat(decided)) != term(end):  # signed by the next mandate period's board
        return
    for post in signed.get("poster", ()):
        claimed = TITLE_ROLE.get(post["titel"].strip().lower())
        if claimed is None:
            continue
        said = _board_says(model, seats, post["person"], claimed, end)
        if said is None:
            continue
        name = _name(model, post["person"])
        yield TextFinding(
            "underskrifter", CHECK_TITLE["underskrifter"], report.id, report.year,
            f"{name} undertecknar som {ROLE_NAME[claimed]}",
            Statement(board["avsnitt"], f"Styrelsen: {said}."),
            Statement(signed["avsnitt"], f"Underskrifterna: {name} undertecknar som {post['titel'].strip().lower()}."))


def text_findings(model: Model) -> tuple[TextFinding, ...]:
    """Every disagreement in names and roles, by report in the order the numeric findings use."""
    out: list[TextFinding] = []
    for report in sorted(model.reports.values(), key=lambda r: (r.forbund, r.till, r.id)):
        out += check(model, report)
    return tuple(out)
