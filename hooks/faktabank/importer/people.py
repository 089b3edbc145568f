"""People in a cell or a sentence: names, roles (ordförande, vice ordförande, ord/ers), vacancies and the dates
the report gives for changes (`(from 230301)`, `(tom juli 2014)`, `Från 1/11-2021`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from faktabank.importer.reportinfo import MONTHS, last_day

_CAP = r"[A-ZÅÄÖÉÜ][a-zåäöéèüáøæ]+(?:-[A-ZÅÄÖÉÜ]?[a-zåäöéèüáøæ]+)*"
STOP = {"Ordförande", "Vice", "Ord", "Ers", "Ledamot", "Ledamöter", "Vakant", "From", "Tom", "Från", "Till",
        "Ordinarie", "Ersättare", "Revisor", "Samordnare", "Förbundschef", "Styrelseordförande", "Och", "Samt",
        "Utsedd", "Auktoriserad", "Förtroendevald", "Kommun", "Region", "Landstinget", "Arbetsförmedlingen",
        "Försäkringskassan", "Ordf"}
_NOT_NAME = r"(?!(?:" + "|".join(sorted(STOP, key=len, reverse=True)) + r")\b)"
_TOKENS = re.compile(
    r"(?P<from>\((?i:from|fr\.?\s?o\.?\s?m\.?|från|fom|f\.o\.m\.?)\s+(?P<fd>[^)]+)\))"
    r"|(?P<till>\((?i:tom|t\.?\s?o\.?\s?m\.?|till)\s+(?P<td>[^)]+)\))"
    r"|(?P<kind>\((?i:ordinarie|ersättare|ord|ers)\.?\)|\b(?:Ord|ord|Ers|ers)\b\.?(?=\s|$|\())"
    r"|(?P<vice>\b(?i:vice\s+ordf(?:örande)?)\b\.?)"
    r"|(?P<chair>\b(?i:ordförande|styrelseordförande)\b)"
    r"|(?P<vakant>\b(?i:vakant)\b)"
    r"|(?P<name>" + _NOT_NAME + _CAP + r"(?:\s+" + _NOT_NAME + _CAP + r"){1,7})")
_CHAIR = re.compile(r"\bordförande\b", re.I)
_VICE = re.compile(r"\bvice\s+ordf", re.I)


@dataclass
class Person:
    name: str | None  # None for a vacancy
    role: str | None = None  # "ordforande", "vice-ordforande"
    kind: str | None = None  # "ordinarie" / "ersattare" when the text marks it
    fran: str | None = None
    till: str | None = None


def parse_date(text: str, year: int, end: bool = False) -> str | None:
    """A date as the reports write one for a change: 230301, 1/11-2021, 1/11 2021, augusti 2014, 2023-03-01."""
    t = text.strip().strip(".,)")
    m = re.fullmatch(r"((?:19|20)\d{2})-(\d{2})-(\d{2})", t)
    if m:
        return _ok(int(m[1]), int(m[2]), int(m[3]))
    m = re.fullmatch(r"(\d{2})(\d{2})(\d{2})", t)
    if m:
        return _ok(2000 + int(m[1]), int(m[2]), int(m[3]))
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})\s*[- ]\s*(?:(?:19|20)?(\d{2}))", t)
    if m:
        return _ok(2000 + int(m[3]) % 100, int(m[2]), int(m[1]))
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})", t)
    if m:
        return _ok(year, int(m[2]), int(m[1]))
    m = re.fullmatch(r"(?:(\d{1,2})\s+)?(" + "|".join(MONTHS) + r")(?:\s+((?:19|20)\d{2}))?", t, re.I)
    if m:
        y = int(m[3]) if m[3] else year
        mo = MONTHS[m[2].lower()]
        d = int(m[1]) if m[1] else (last_day(y, mo) if end else 1)
        return _ok(y, mo, d)
    return None


def _ok(y: int, mo: int, d: int) -> str | None:
    if 1 <= mo <= 12 and 1 <= d <= last_day(y, mo):
        return f"{y}-{mo:02d}-{d:02d}"
    return None


def split_name_run(run: str, known: list[str]) -> list[str]:
    """A run of capitalised words as one or more names ('Annelie Furunäs Maria Andersson' is two)."""
    words = [w for w in run.split() if w not in STOP]
    names: list[str] = []
    while words:
        for size in (4, 3, 2):
            candidate = " ".join(words[:size])
            if len(words) >= size and candidate.casefold() in known:
                names.append(candidate)
                words = words[size:]
                break
        else:
            size = 3 if len(words) == 3 else 2 if len(words) >= 2 else 1
            if len(words) == 5:
                size = 2
            if size >= 2:
                names.append(" ".join(words[:size]))
            words = words[size:]
    return names


def people_in(text: str, year: int, known: list[str]) -> list[Person]:
    """The people a cell or sentence names, in order, with what is said about each."""
    out: list[Person] = []
    for m in _TOKENS.finditer(text):
        last = out[-1] if out else None
        if m["from"] and last:
            last.fran = parse_date(m["fd"], year)
        elif m["till"] and last:
            last.till = parse_date(m["td"], year, end=True)
        elif m["kind"] and last:
            last.kind = "ersattare" if m["kind"].strip("().").lower().startswith("ers") else "ordinarie"
        elif m["vice"] and last:
            last.role = "vice-ordforande"
        elif m["chair"] and last and last.role is None:
            last.role = "ordforande"
        elif m["vakant"]:
            out.append(Person(None))
        elif m["name"]:
            run = m["name"]
            if _VICE.search(run) or _CHAIR.search(run):
                continue
            for name in split_name_run(run, known):
                out.append(Person(name))
    return out
