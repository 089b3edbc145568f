"""The draft: a report file with `status: utkast`, a new förbund file when needed, new registry entries and the
review list (source line → what to check), assembled from what the readers found."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from faktabank.importer.blocks import find_blocks
from faktabank.importer.governance import Governance
from faktabank.importer.insatser import read_insatser
from faktabank.importer.reading import read_lines, refuse
from faktabank.importer.registry import Registry, Review, slug
from faktabank.importer.reportinfo import ReportInfo, read_info
from faktabank.importer.sections import Sections
from faktabank.importer.tabledraft import build_tables

ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
PLACEHOLDER = "ATT GÖRA: sammanfatta året med egna ord (importen skriver aldrig in rapportens text)."


@dataclass
class Draft:
    report_id: str
    report: dict[str, Any]
    forbund: dict[str, Any] | None
    registry: Registry
    source: str
    review: list[Review] = field(default_factory=list)

    @property
    def report_path(self) -> str:
        return f"data/rapporter/{self.report_id}.yaml"


def make_draft(source: Path, root: Path, forbund_id: str, force: bool = False) -> Draft:
    """Read the source and build the draft in memory. Raises DataError for input it will not import."""
    name = str(source)
    if not ID.match(forbund_id or ""):
        raise refuse(name, f"förbundets id '{forbund_id}' är inte giltigt; gemener a–z, siffror och bindestreck "
                           "förväntades", "t.ex. FORBUND=vasterbergslagen (filnamnet i data/forbund/ utan .yaml)")
    if not (root / "data" / "forbund").is_dir():
        raise refuse(str(root), "ingen data/forbund/ här; importen körs i faktabankens projektrot",
                     "gå till projektets katalog (där Makefile och data/ finns) eller ange --root")
    lines = read_lines(source)
    info = read_info(lines)
    text = "\n".join(lines).lower()
    if info.kind is None or info.year is None or not re.search(r"samordningsförbund|finsam", text):
        raise refuse(name, "filen ser inte ut som en årsredovisning eller delårsrapport från ett "
                           "samordningsförbund (ingen rubrik 'Årsredovisning'/'Delårsrapport' med årtal hittades)",
                     "kontrollera att det är rätt fil; importen läser bara förbundens rapporter")
    forbund_file = root / "data" / "forbund" / f"{forbund_id}.yaml"
    new_forbund = not forbund_file.is_file()
    if new_forbund:
        _check_new_forbund(root, name, forbund_id, info)
    else:
        existing = yaml.safe_load(forbund_file.read_text(encoding="utf-8")) or {}
        if info.orgnr and existing.get("orgnr") and existing["orgnr"] != info.orgnr:
            raise refuse(name, f"rapporten anger orgnr {info.orgnr} men förbundet '{forbund_id}' har "
                               f"{existing['orgnr']}", "kontrollera att rätt förbund angavs med FORBUND=")
    report_id = f"{forbund_id}-{info.year}" + ("-delar" if info.kind == "delarsrapport" else "")
    target = root / "data" / "rapporter" / f"{report_id}.yaml"
    if target.is_file():
        status = (yaml.safe_load(target.read_text(encoding="utf-8")) or {}).get("status")
        if not force:
            raise refuse(name, f"{target.relative_to(root)} finns redan; importen skriver aldrig över en rapport",
                         "är det ett utkast du vill ersätta: kör igen med --force (make import … FORCE=1)")
        if status != "utkast":
            raise refuse(name, f"{target.relative_to(root)} har status '{status}'; --force ersätter bara utkast",
                         "en granskad rapport ändras för hand, inte genom en ny import")
    reg = Registry.read(root, forbund_id)
    sections = Sections(lines)
    blocks = find_blocks(lines)
    year = info.year
    assert info.fran and info.till
    governance = Governance(lines, blocks, sections, reg, year, (info.fran, info.till)).read()
    insatser = read_insatser(lines, sections, reg)
    tables = build_tables(lines, blocks, sections, reg, year)
    _participants_from_tables(tables, insatser)
    for entry in insatser:
        entry.pop("_span", None)
    for table in tables:
        table.pop("_rad", None)
    report = _report(report_id, forbund_id, info, source, governance, insatser, tables, sections)
    forbund = _forbund(forbund_id, info, report_id, sections) if new_forbund else None
    review = list(reg.review)
    values = sum(1 for t in tables for r in t["rader"] for v in r.get("varden", []) if isinstance(v, (int, float)))
    if tables:
        review.append(Review(None, f"{len(tables)} tabeller med {values} värden: jämför dem rad för rad med rapporten "
                                   "och kontrollera varje tabells slag, enhet och kolumner"))
    read = [k for k in ("medlemmar", "styrelse", "sammantraden", "revisorer", "undertecknare") if k in governance]
    missing = [k for k in ("medlemmar", "styrelse", "sammantraden", "revisorer", "undertecknare") if k not in governance]
    if read:
        review.append(Review(None, f"{', '.join(read)}: lästa ur rapporten – kontrollera namn, roller och datum"))
    if missing:
        review.append(Review(None, f"{', '.join(missing)}: hittades inte – för in dem om rapporten anger dem"))
    review += [Review(None, "sammanfattning, förväntad utveckling, händelser och mål: skriv dem med egna ord")]
    if new_forbund:
        review.append(Review(info.name_line, f"nytt förbund {forbund_id}: kontrollera namn, orgnr, säte och län "
                                             f"i data/forbund/{forbund_id}.yaml"))
    review.sort(key=lambda r: (r.line is None, r.line or 0))
    report["intern"] = _intern(review, source.name)
    return Draft(report_id, report, forbund, reg, source.name, review)


def _check_new_forbund(root: Path, name: str, forbund_id: str, info: ReportInfo) -> None:
    if not info.orgnr:
        raise refuse(name, f"förbundet '{forbund_id}' finns inte i data/forbund/ och rapporten anger inget "
                           "organisationsnummer", "ange ett befintligt förbund (se data/forbund/) eller skapa "
                                                  f"data/forbund/{forbund_id}.yaml först")
    for f in sorted((root / "data" / "forbund").glob("*.yaml")):
        other = yaml.safe_load(f.read_text(encoding="utf-8")) or {}
        if other.get("orgnr") == info.orgnr:
            raise refuse(name, f"orgnr {info.orgnr} hör till förbundet '{other.get('id')}', inte '{forbund_id}'",
                         f"kör igen med FORBUND={other.get('id')}")


def _report(report_id: str, forbund_id: str, info: ReportInfo, source: Path, governance: dict[str, Any],
            insatser: list[dict[str, Any]], tables: list[dict[str, Any]], sections: Sections) -> dict[str, Any]:
    assert info.kind and info.fran and info.till
    report: dict[str, Any] = {"id": report_id, "forbund": forbund_id, "typ": info.kind,
                              "period": {"fran": info.fran, "till": info.till}}
    if info.decided and info.decided >= info.till:
        beslut: dict[str, Any] = {"datum": info.decided, "organ": info.decided_by or "Styrelsen"}
        if info.place:
            beslut["ort"] = info.place
        if info.dnr:
            beslut["diarienummer"] = info.dnr
        report["beslut"] = beslut
    stem = slug(source.stem, 12)
    suffix = source.suffix.lower() if source.suffix.lower() in (".txt", ".md", ".pdf") else ".txt"
    title = (info.title or ("Delårsrapport" if info.kind == "delarsrapport" else "Årsredovisning")).strip()
    if title.isupper():
        title = title.capitalize()
    if str(info.year) not in title:
        title = f"{title} {info.year}"
    kalla: dict[str, Any] = {"fil": f"{stem}{suffix}", "titel": title}
    if source.name != f"{stem}{suffix}":
        kalla["originalnamn"] = source.name
    report["kalla"] = kalla
    report["status"] = "utkast"
    report["intern"] = "(fylls i nedan)"
    report["sammanfattning"] = PLACEHOLDER
    for key in ("medlemmar", "styrelse", "sammantraden", "revisorer", "personal", "undertecknare"):
        if key in governance:
            report[key] = governance[key]
    if insatser:
        report["insatser"] = insatser
    report["tabeller"] = tables
    return report


def _forbund(forbund_id: str, info: ReportInfo, report_id: str, sections: Sections) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": forbund_id, "namn": info.name or forbund_id}
    if info.orgnr:
        entry["orgnr"] = info.orgnr
    if info.seat:
        entry["sate"] = info.seat
    if info.web:
        entry["webb"] = info.web
    if info.founded:
        entry["bildat"] = info.founded
    entry["kalla"] = {"rapport": report_id, "avsnitt": sections.at(info.orgnr_line or 1)}
    entry["intern"] = "Skapad av importen: kontrollera namn, säte, län och webbadress."
    return entry


EXITS = ((r"\bi arbete\b|till arbete", "arbete"), (r"i studier|till studier", "studier"),
         (r"annan arbetslivsinriktad|annan insats", "annan-insats"), (r"medicinsk|vården", "vard"),
         (r"sjukersättning|till annat\b|^annat\b", "ovrigt"))


def _field(label: str) -> tuple[str, str | None] | None:
    """What a participants column holds: ('deltagare', field) or ('avslut', kategori)."""
    t = label.lower()
    if re.search(r"avhopp|ingången|snitt|tid\b|genomströmning", t):
        return None
    for pattern, kategori in EXITS:
        if re.search(pattern, t):
            return ("avslut", kategori)
    if re.search(r"avslut", t):
        return ("deltagare", "avslutade")
    if re.search(r"\bnya\b", t):
        return ("deltagare", "nya")
    if re.search(r"kvinnor", t):
        return ("deltagare", "kvinnor")
    if re.search(r"\bmän\b", t):
        return ("deltagare", "man")
    if re.search(r"deltagare|totalt|antal aktiva under|^antal$", t):
        return ("deltagare", "totalt")
    return None


def _participants_from_tables(tables: list[dict[str, Any]], insatser: list[dict[str, Any]]) -> None:
    """Participants and exits a deltagare table gives per insats: by the row's insats, or for a table without
    row texts by the insats whose description it stands in."""
    by_id = {s["insats"]: s for s in insatser}
    for t in tables:
        if t["typ"] != "deltagare":
            continue
        fields = [_field(c["rubrik"]) for c in t["kolumner"]]
        for row in t["rader"]:
            sid = row.get("insats")
            if sid is None and len(t["rader"]) == 1:
                sid = next((s["insats"] for s in insatser if s["_span"][0] <= t["_rad"] < s["_span"][1]), None)
            if sid is None:
                continue
            entry = by_id.get(sid)
            if entry is None:
                entry = {"insats": sid, "avsnitt": t["avsnitt"], "namn_i_rapporten": row["text"], "_span": (0, 0)}
                insatser.append(entry)
                by_id[sid] = entry
            people = entry.setdefault("deltagare", {})
            for what, column, v in zip(fields, t["kolumner"], row.get("varden", []), strict=False):
                if what is None or not isinstance(v, int) or isinstance(v, bool):
                    continue
                label = column["rubrik"]
                if what[0] == "deltagare" and what[1] not in people:
                    people[what[1]] = v
                elif what[0] == "avslut":
                    till = re.sub(r"^antal\s+(i|till)\s+", "", label, flags=re.I)
                    entry.setdefault("avslut", []).append({"till": till[:1].upper() + till[1:], "kategori": what[1],
                                                           "antal": v})
            if not people:
                entry.pop("deltagare")


def _intern(review: list[Review], source: str) -> str:
    review = sorted(review, key=lambda r: (r.line is None, r.line or 0))
    lines = [f"Utkast från importen av {source}. Granska allt innan status sätts till godkand. Att kontrollera "
             "(källrad → vad):"]
    for r in review:
        lines.append(f"- {source}:{r.line} → {r.what}" if r.line else f"- {source} → {r.what}")
    return "\n".join(lines)
