"""The insatser the report describes: name and project number, money (granted, budget, outcome) and
participants (total, women, men, new, finished) where the report states them in figures."""

from __future__ import annotations

import re
from typing import Any

from faktabank.importer.markup import clean
from faktabank.importer.registry import Registry, Review
from faktabank.importer.sections import Sections

_PROJ = re.compile(r"\(?\s*(?:proj(?:ekt)?\.?\s*(?:nr|nummer)|projnr)\s*[;:.]?\s*(\d{2,5})\s*\)?", re.I)
_FIELD = re.compile(r"^(projektägare|insatsens huvudman|huvudman|projekttid|projektid|projektperiod|"
                    r"medel från förbundet|finansiering)\b", re.I)
_AMOUNT = r"(\d{1,3}(?:[ \u00a0]\d{3})+|\d+)\s*(tkr|kkr|kr)\b"
MONEY = (
    ("beviljat", re.compile(r"(?:beviljades|beviljats|erhållit|medel från förbundet\W+|beviljade medel)"
                            r"\D{0,30}?" + _AMOUNT, re.I)),
    ("budget", re.compile(r"(?:budget(?:en)?(?: är| på| 20\d\d)?(?: totalt)?|total budget[^0-9]{0,25})"
                          r"\D{0,12}?" + _AMOUNT, re.I)),
    ("utfall", re.compile(r"(?:förbrukade|utfall[^=]{0,30}=|hade ett utfall på)\s*" + _AMOUNT, re.I)),
)
PEOPLE = (
    ("totalt", re.compile(r"(?<![\d,.])(\d{1,4})\s+deltagare\b(?!\s*\))(?!\s+ska\b)|(?<![\d,.])(\d{1,4})\s+personer\s+"
                          r"(?:har\s+)?deltagit|antal\s+deltagare\s*[:;]\s*(\d{1,4})\b", re.I)),
    ("kvinnor", re.compile(r"kvinnor\s*\((\d{1,4})\s*(?:pers|st)|(?<![\d,.%])(\d{1,4})\s+kvinnor\b", re.I)),
    ("man", re.compile(r"\bmän\s*\((\d{1,4})\s*(?:pers|st)|(?<![\d,.%])(\d{1,4})\s+män\b", re.I)),
    ("nya", re.compile(r"(\d{1,4})\s+nya\s+(?:deltagare|inskrivningar)", re.I)),
    ("avslutade", re.compile(r"(?:totalt\s+har\s+)?(\d{1,4})\s+(?:personer|deltagare)\s+(?:som\s+)?(?:har\s+)?"
                             r"avslutat(?:s|\s+insatsen)", re.I)),
)


def _kind(text: str) -> str:
    t = text.lower()
    if "förstudie" in t:
        return "forstudie"
    if re.search(r"individ\w*\s+insats|individinriktad|individriktad", t):
        return "individinriktad"
    return "strukturovergripande"


_RESULTS = re.compile(r"^(?:resultat|uppföljning|deltagare)\s+(?:för\s+)?(.{3,80}?)\s*[;:]\s*$", re.I)


def _heads(lines: list[str], sections: Sections, reg: Registry) -> list[tuple[int, str, str | None]]:
    """(0-based line, name, project number) for each line that opens the description of an insats: a title
    with a project number, a title followed by 'Projektägare'/'Insatsens huvudman', or a heading that is the
    name of a registered insats."""
    out = []
    headings = {h.line - 1 for h in sections.headings}
    for i, raw in enumerate(lines):
        text = clean(raw)
        if not text or len(text) > 170 or "\t" in raw or raw.lstrip().startswith("|"):
            continue
        m = _PROJ.search(text)
        if m and m.start() > 2 and not re.search(r"[.!?]\s+\S", text[: m.start()]):
            name = text[: m.start()].strip(" -–;:,(")
            name = re.sub(r"^(förstudie|esf-projekt)\s*[;:]\s*", "", name, flags=re.I)
            out.append((i, name, m.group(1)))
            continue
        if i in headings and reg.insats_by_text(text):
            out.append((i, text, None))
            continue
        following = [clean(x) for x in lines[i + 1:i + 4] if clean(x)]
        if (len(text) < 80 and following and _FIELD.match(following[0].split("\t")[0])
                and not _FIELD.match(text) and not text.endswith((".", ":"))):
            if re.fullmatch(r"[-–\s]*(strukturövergripande|individ\w*|förebyggande)\s+insats", text, re.I):
                # only the kind of insats: its name is on the line above ('ESF-projekt: … –')
                above = next((k for k in range(i - 1, max(i - 4, -1), -1) if clean(lines[k])), None)
                if above is not None:
                    name = re.sub(r"^(förstudie|esf-projekt)\s*[;:]\s*", "", clean(lines[above]).strip(" -–"),
                                  flags=re.I)
                    out.append((above, name, None))
                continue
            out.append((i, text, None))
    return out


def read_insatser(lines: list[str], sections: Sections, reg: Registry) -> list[dict[str, Any]]:
    heads = _heads(lines, sections, reg)
    inner = re.compile(r"^(antal deltagare|deltagare|avslutade( deltagare)?|ekonomi|finansiering|syfte|"
                       r"målgrupp|statistik|ansökningar)\b", re.I)
    other = re.compile(r"^(mål\s+\d+\b|sammanfattning\b)", re.I)  # goals and summaries: no longer the insats
    stops = sorted({h.line - 1 for h in sections.headings if h.major or not inner.match(h.text)}
                   | {i for i, _, _ in heads}
                   | {i for i, raw in enumerate(lines) if _RESULTS.match(clean(raw)) or other.match(clean(raw))})
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for i, name, project in heads:
        end = min([h for h in stops if h > i] + [len(lines)])
        block = [clean(x) for x in lines[i + 1:end]]
        sid = reg.insats(name, project, i + 1, _kind(clean(lines[i])))
        if sid in seen:
            continue
        seen.add(sid)
        block += _results_for(lines, sid, name, reg)
        entry: dict[str, Any] = {"insats": sid, "avsnitt": sections.at(i + 1), "namn_i_rapporten": name,
                                 "_span": (i + 1, end)}
        money = _money(block)
        if money:
            entry["ekonomi"] = money
        people = _people(block)
        if people:
            entry["deltagare"] = people
            reg.review.append(Review(i + 1, f"deltagare för '{name}' är lästa ur löptexten: kontrollera siffrorna"))
        reg.review.append(Review(i + 1, f"insatsen '{name}': skriv målgrupp, mål och innehåll med egna ord"))
        out.append(entry)
    return out


def _money(block: list[str]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for text in block:
        text = text.replace("\t", " ")
        said_budget = MONEY[1][1].search(text) is not None
        for key, pattern in MONEY:
            m = pattern.search(text)
            if key == "beviljat" and said_budget:
                continue  # 'Medel från förbundet: Budgeten är …' is a budget, not a grant
            if m and key not in found:
                unit = m.group(2).lower()
                if "enhet" in found and found["enhet"] != unit:
                    continue
                found.setdefault("enhet", unit)
                found[key] = int(re.sub(r"\D", "", m.group(1)))
    return found if len(found) > 1 else {}


def _people(block: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for text in block:
        text = re.sub(r"\(jmf[^)]*\)", "", text)
        for key, pattern in PEOPLE:
            m = pattern.search(text)
            if m and key not in found:
                found[key] = int(next(g for g in m.groups() if g))
    return found


def _results_for(lines: list[str], sid: str, name: str, reg: Registry) -> list[str]:
    """Lines under a 'Resultat <insats>;' lead-in elsewhere in the report that names this insats."""
    out: list[str] = []
    for i, raw in enumerate(lines):
        m = _RESULTS.match(clean(raw))
        if not m:
            continue
        label = re.sub(r"\s*\([^)]*\)\s*$", "", m.group(1))
        if reg.insats_by_text(label) != sid and reg.insats_by_text(m.group(1)) != sid and label != name:
            continue
        for raw_next in lines[i + 1:i + 40]:
            text = clean(raw_next)
            if _RESULTS.match(text):
                break
            out.append(text)
    return out
