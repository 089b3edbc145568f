"""The sixteen NNS indicators for financial coordination: short definitions in own words, the measures
the reports use for each (per respondent group) and every förbund's results against the national average.

A direction against the year before is the report's own arrow where it gives one; where it does not, but
the report gives the value for that year and the year before, the direction is computed and marked so.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from faktabank.model import Model

# Own-words summaries; the reports list the indicators in the same order (see the link on the pages).
DEFINITIONS: dict[int, tuple[str, str]] = {
    1: ("Utgår från deltagarens behov",
        "Stödet formas efter vad deltagaren behöver, inte efter vad varje organisation brukar erbjuda."),
    2: ("Deltagarens inflytande", "Deltagaren är med och bestämmer över sin rehabilitering och hur stödet ser ut."),
    3: ("Tid efter behov", "Rehabiliteringen får ta den tid som deltagaren behöver."),
    4: ("Sammanhållet stöd", "En person eller ett team håller ihop deltagarens rehabilitering och stöttar i kontakterna "
                             "med myndigheter och vård."),
    5: ("Hantera sin situation", "Stödet hjälper deltagaren att hantera symtom, funktionsnedsättning och den egna situationen."),
    6: ("Stöd utan glapp", "När en insats slutar tar det planerade stödet vid utan dröjsmål."),
    7: ("Närmare arbete", "Deltagaren har tagit steg mot arbete, studier eller egen försörjning."),
    8: ("Respekt mellan professioner", "Personal från olika organisationer respekterar varandras kunskap och roller."),
    9: ("Brukarnas erfarenheter", "Erfarenheter från deltagare och brukarorganisationer tas tillvara systematiskt."),
    10: ("Andra samhällsaktörer", "Aktörer utöver medlemmarna, som arbetsgivare, föreningar och idéburna organisationer, "
                                 "ingår i arbetet på ett strukturerat sätt."),
    11: ("Hållbara resultat", "Det deltagarna uppnår håller över tid."),
    12: ("Relationer mellan aktörerna", "Det finns strukturer för att skapa och vårda relationerna mellan parterna."),
    13: ("Sektorsövergripande arbete", "Insatserna går över gränserna mellan myndigheter och sektorer."),
    14: ("Uppföljning och utvärdering", "Det finns en tydlig strategi för att följa upp och utvärdera de gemensamma insatserna."),
    15: ("Lärande för förebyggande", "Lärdomar från samverkan leder till nya förebyggande insatser."),
    16: ("Mänskliga rättigheter", "Jämställdhet, jämlikhet och mångfald präglar samverkan och planeringen."),
}
NUMBERS = tuple(range(1, 17))
DIRECTION = {"upp": "upp", "ned": "ned", "plant": "plant"}


@dataclass(frozen=True)
class Measure:
    """How an indicator is measured: for one respondent group, in one survey, with one question."""

    respondentgrupp: str
    enkat: str | None
    fraga: int | None
    matt: str
    reports: tuple[str, ...]


@dataclass(frozen=True)
class Result:
    """One förbund's result for one measure, one year and one group, against the national average."""

    forbund: str
    report: str
    table: str  # indicator table id (anchor "indikatorer-<id>" on the report page)
    respondentgrupp: str
    insats: str | None
    matt: str
    year: int
    grupp: str
    varde: float | None
    varde_text: str | None
    rikssnitt: float | None
    jamforelse: str | None
    trend: str | None  # upp / ned / plant
    trend_mot: int | None
    trend_computed: bool
    skillnad_enheter: float | None


def measures(model: Model, number: int) -> list[Measure]:
    found: dict[tuple, list[str]] = defaultdict(list)
    for r in sorted(model.reports.values(), key=lambda r: (r.till, r.id)):
        for t in r.data.get("indikatorer", ()):
            for row in t["rader"]:
                if row["indikator"] == number:
                    key = (t["respondentgrupp"], row.get("enkat"), row.get("fraga"), row["matt"])
                    if r.id not in found[key]:
                        found[key].append(r.id)
    return [Measure(*key, tuple(rids)) for key, rids in found.items()]


def results(model: Model, number: int) -> list[Result]:
    out: list[Result] = []
    for r in sorted(model.reports.values(), key=lambda r: (r.forbund, r.till, r.id)):
        for t in r.data.get("indikatorer", ()):
            cols = t["kolumner"]
            for row in t["rader"]:
                if row["indikator"] != number:
                    continue
                by_col = {(c["ar"], c["grupp"]): cell for c, cell in zip(cols, row["celler"], strict=False)}
                for c, cell in zip(cols, row["celler"], strict=False):
                    trend, mot, computed = cell.get("trend"), c.get("trend_mot"), False
                    before = by_col.get((c.get("trend_mot") or c["ar"] - 1, c["grupp"]))
                    if trend is None and before is not None and cell.get("varde") is not None \
                            and before.get("varde") is not None:
                        diff = cell["varde"] - before["varde"]
                        trend = "upp" if diff > 0 else "ned" if diff < 0 else "plant"
                        mot, computed = c.get("trend_mot") or c["ar"] - 1, True
                    out.append(Result(r.forbund, r.id, t["id"], t["respondentgrupp"], t.get("insats"), row["matt"],
                                      c["ar"], c["grupp"], cell.get("varde"), cell.get("varde_text"),
                                      cell.get("rikssnitt"), cell.get("jamforelse"), trend, mot if trend else None,
                                      computed, cell.get("skillnad_enheter")))
    return out


def list_source(model: Model) -> tuple[str, str] | None:
    """A report table that lists all sixteen indicators (report id, table anchor), if any report has one."""
    for r in sorted(model.reports.values(), key=lambda r: (r.till, r.id), reverse=True):
        for t in r.tables:
            if len(t.rows) == 16 and "indikator" in t.rubrik.lower():
                return r.id, f"tabell-{t.id}"
    return None
