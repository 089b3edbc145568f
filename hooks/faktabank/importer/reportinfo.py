"""What the report says about itself: kind, year and period, decision, orgnr, the förbund's name and seat."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from faktabank.importer.markup import clean

MONTHS = {"januari": 1, "februari": 2, "mars": 3, "april": 4, "maj": 5, "juni": 6, "juli": 7, "augusti": 8,
          "september": 9, "oktober": 10, "november": 11, "december": 12}
_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_KIND = re.compile(r"(delårs(?:rapport|redovisning|bokslut)|årsredovisning|årsrapport|verksamhetsberättelse)"
                   r"(?:\s+(?:för\s+)?((?:19|20)\d{2}))?", re.I)
_ORGNR = re.compile(r"(?:org(?:anisations)?\.?\s*(?:nr|nummer)|orgnr)\s*[.:;]?\s*(\d{6}\s?-\s?\d{4})", re.I)
_ORGNR_BARE = re.compile(r"(?<!\d)(222\d{3}-\d{4})(?!\d)")
_ISO = re.compile(r"(?<!\d)((?:19|20)\d{2})-(\d{2})-(\d{2})(?!\d)")
_PER = re.compile(r"\bper\s+(?:den\s+)?(\d{2})-?(\d{2})-?(\d{2})\b|\bper\s+((?:19|20)\d{2})-(\d{2})-(\d{2})", re.I)
_TEXT_DATE = re.compile(r"(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+((?:19|20)\d{2})", re.I)
_NAME = re.compile(r"((?:Samordningsförbundet|Samordningsförbund)\s+[A-ZÅÄÖ][\wåäöé-]*(?:\s+[A-ZÅÄÖ][\wåäöé-]*)?"
                   r"|[A-ZÅÄÖ][\wåäöé-]*(?:\s+[A-ZÅÄÖ][\wåäöé-]*)?s\s+[Ss]amordningsförbund)")
_DECIDED = re.compile(r"(?:(?:beslutad|fastställd|godkänd|antagen)(?:es|e|s)?\s+(?:av\s+)?(styrelsen?|förbundsstyrelsen)"
                      r"|(styrelsen?|förbundsstyrelsen)\s+(?:har\s+)?(?:beslutade?|fastställ(?:de|t)|godkän(?:de|t))"
                      r"\s+(?:års|delårs)\w*)"
                      r"(?:\s+(?:den\s+)?)?\s*((?:19|20)\d{2}-\d{2}-\d{2})?", re.I)
_DNR = re.compile(r"\bDnr[:.]?\s*(.{3,30}?)\s*$", re.I)
_FOUNDED = re.compile(r"bildades\s+(?:den\s+)?(?:(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+)?((?:19|20)\d{2})", re.I)


@dataclass
class ReportInfo:
    kind: str | None = None  # "arsredovisning" / "delarsrapport"
    title: str | None = None
    title_line: int | None = None
    year: int | None = None
    fran: str | None = None
    till: str | None = None
    decided: str | None = None
    decided_by: str | None = None
    decided_line: int | None = None
    place: str | None = None
    dnr: str | None = None
    orgnr: str | None = None
    orgnr_line: int | None = None
    name: str | None = None
    name_line: int | None = None
    founded: str | None = None
    founded_line: int | None = None
    seat: str | None = None
    web: str | None = None


def last_day(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return _DAYS[month - 1]


def read_info(lines: list[str]) -> ReportInfo:
    info = ReportInfo()
    text = [clean(line) for line in lines]
    head = text[:120]
    for i, t in enumerate(head):
        m = _KIND.search(t)
        if m and info.kind is None and len(t) < 120:
            word = m.group(1).lower()
            info.kind = "delarsrapport" if word.startswith("delårs") else "arsredovisning"
            info.title = t.strip("# ")[:80]
            info.title_line = i + 1
            if m.group(2):
                info.year = int(m.group(2))
        if info.kind == "arsredovisning" and re.search(r"delårs", t, re.I) and len(t) < 60:
            info.kind = "delarsrapport"
    if info.kind is None:
        for i, t in enumerate(text):
            m = _KIND.search(t)
            if m:
                word = m.group(1).lower()
                info.kind = "delarsrapport" if word.startswith("delårs") else "arsredovisning"
                info.title, info.title_line = t[:80], i + 1
                break
    if info.year is None:
        years = Counter(int(y) for t in head for y in re.findall(r"(?<![\d-])((?:19|20)\d{2})(?![\d-])", t))
        for t in head:
            m = re.search(r"(?:räkenskapsåret|verksamhetsåret|perioden|december|januari\s*[–-]\s*december)\D{0,40}"
                          r"((?:19|20)\d{2})", t, re.I)
            if m:
                info.year = int(m.group(1))
                break
        if info.year is None and years:
            info.year = years.most_common(1)[0][0]
    if info.year:
        info.fran = f"{info.year}-01-01"
        info.till = f"{info.year}-12-31"
        if info.kind == "delarsrapport":
            info.till = _interim_end(head, info.year) or f"{info.year}-06-30"
    for i, t in enumerate(text):
        if info.orgnr is None:
            m = _ORGNR.search(t) or (_ORGNR_BARE.search(t) if i < 80 else None)
            if m:
                info.orgnr = re.sub(r"\s", "", m.group(1))
                info.orgnr_line = i + 1
        if info.decided is None:
            m = _DECIDED.search(t)
            if m:
                date = m.group(3) or _first_date([t[m.end():], *text[i + 1:i + 3]])
                if date and (info.till is None or date > info.till):  # a decision on this report comes after it
                    info.decided, info.decided_line, info.decided_by = date, i + 1, "Styrelsen"
        if info.dnr is None and i < 60:
            m = _DNR.search(t)
            if m:
                info.dnr = m.group(1)
        if info.founded is None:
            m = _FOUNDED.search(t)
            if m:
                day = int(m.group(1) or 1)
                month = MONTHS[m.group(2).lower()] if m.group(2) else 1
                info.founded = f"{m.group(3)}-{month:02d}-{day:02d}"
                info.founded_line = i + 1
    for i, t in enumerate(text):
        m = re.search(r"(?:förbundets säte|förbundets adress|säte)\s*[;:]\s*(.*)$|har sitt säte i ([A-ZÅÄÖ][\wåäö]+)",
                      t, re.I)
        if m and info.seat is None:
            value = m.group(2) or " ".join([m.group(1), *[x for x in text[i + 1:i + 3] if x][:1]])
            city = re.search(r"\d{3}\s?\d{2}\s+([A-ZÅÄÖ][\wåäö]+)", value)
            info.seat = city.group(1) if city else (m.group(2) or None)
        m = re.search(r"webb?-?(?:adress|plats)\s*[;:]\s*(\S*)", t, re.I)
        if m and info.web is None:
            info.web = (m.group(1) or next((x for x in text[i + 1:i + 3] if x), "")).strip("*") or None
    for i, t in enumerate(text[:200]):
        m = _NAME.search(t)
        if m:
            info.name, info.name_line = m.group(1).strip(), i + 1
            break
    if info.decided is None and info.till:
        _signature_date(text, info)
    return info


def _first_date(text: list[str]) -> str | None:
    for t in text:
        m = _ISO.search(t)
        if m:
            return f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
        m = _TEXT_DATE.search(t)
        if m:
            return f"{m.group(3)}-{MONTHS[m.group(2).lower()]:02d}-{int(m.group(1)):02d}"
    return None


def _interim_end(head: list[str], year: int) -> str | None:
    for t in head:
        m = _PER.search(t)
        if m:
            if m.group(1):
                y, mo, d = 2000 + int(m.group(1)), int(m.group(2)), int(m.group(3))
            else:
                y, mo, d = int(m.group(4)), int(m.group(5)), int(m.group(6))
            if y == year and 1 <= mo <= 12 and 1 <= d <= last_day(y, mo):
                return f"{y}-{mo:02d}-{d:02d}"
        m = re.search(r"(januari|1 januari)\s*[–-]\s*(\d{1,2}\s+)?(" + "|".join(MONTHS) + r")\s+((?:19|20)\d{2})", t, re.I)
        if m and int(m.group(4)) == year:
            mo = MONTHS[m.group(3).lower()]
            return f"{year}-{mo:02d}-{last_day(year, mo):02d}"
    return None


def _signature_date(text: list[str], info: ReportInfo) -> None:
    """A date standing alone near the end (the signing date), after the period's end."""
    for i in range(len(text) - 1, max(len(text) // 3, 0), -1):
        t = text[i].strip()
        m = re.fullmatch(r"(?:([A-ZÅÄÖ][a-zåäö]+)\s+(?:den\s+)?)?((?:19|20)\d{2}-\d{2}-\d{2})", t)
        if not m:
            m2 = re.fullmatch(r"(?:([A-ZÅÄÖ][a-zåäö]+)\s+(?:den\s+)?)?(\d{1,2}\s+\w+\s+(?:19|20)\d{2})", t)
            date = _first_date([m2.group(2)]) if m2 else None
            place = m2.group(1) if m2 else None
        else:
            date, place = m.group(2), m.group(1)
        if date and info.till and date > info.till:
            info.decided, info.decided_line, info.place = date, i + 1, place
            info.decided_by = "Styrelsen"
            return
