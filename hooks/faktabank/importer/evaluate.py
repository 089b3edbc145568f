"""`make import-eval`: import each source report into a scratch copy of the project and compare the draft with
the curated file in data/rapporter/.

What is compared, as multisets (a draft item counts once for each curated item it matches):
- table values: (table kind, note number, row text, column position, value) for every figure (numbers only:
  text cells are the editor's own words in the curated files). Row texts are compared in lower case without
  punctuation or markup; columns by their position in the table (the report's order, the note column set aside);
- names with roles: board members (ordinarie with ordförande/vice ordförande/ledamot, ersättare), auditors with
  their function, signatories with their title; names compared through the person registry (aliases count);
- insats participants: (insats, field, value) for total, women, men, new and finished participants;
- units: each curated table against the draft table sharing most of its figures (the unit is not in the keys).
Recall = matched / curated items, precision = matched / draft items.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from faktabank.importer.draft import make_draft
from faktabank.importer.registry import norm
from faktabank.importer.writing import check_and_write

TARGETS = {"tabeller": {"recall": 0.95, "precision": 0.99}, "namn": {"recall": 0.95, "precision": 0.95}}
MARK_START, MARK_END = "<!-- import-eval:start -->", "<!-- import-eval:end -->"


def table_values(report: dict[str, Any]) -> Counter:
    out: Counter = Counter()
    for t in report.get("tabeller", []):
        for row in t["rader"]:
            for k, v in enumerate(row.get("varden", [])):
                if isinstance(v, (int, float)) and not isinstance(v, bool):
                    out[(t["typ"], t.get("not"), norm(row["text"]), k, v)] += 1
    return out


def units(curated: dict[str, Any], draft: dict[str, Any]) -> dict[str, int]:
    """How many curated tables have the same unit in the draft table that shares most of their figures."""
    same = compared = 0
    for t in curated.get("tabeller", []):
        mine = table_values({"tabeller": [t]})
        best, overlap = None, 0
        for d in draft.get("tabeller", []):
            shared = sum((mine & table_values({"tabeller": [d]})).values())
            if shared > overlap:
                best, overlap = d, shared
        if best is not None:
            compared += 1
            same += best["enhet"] == t["enhet"]
    return {"tabeller": compared, "samma_enhet": same}


def names(report: dict[str, Any], persons: dict[str, str]) -> Counter:
    def who(entry: dict[str, Any]) -> str:
        return norm(persons.get(entry.get("person", ""), entry.get("person", ""))) if "person" in entry else "vakant"

    out: Counter = Counter()
    for m in report.get("styrelse", {}).get("mandat", []):
        for e in m.get("ordinarie", []):
            out[("styrelse", who(e), "ordinarie", e.get("roll", "ledamot"))] += 1
        for e in m.get("ersattare", []):
            out[("styrelse", who(e), "ersattare")] += 1
    for e in report.get("revisorer", {}).get("poster", []):
        out[("revisor", who(e), e["funktion"])] += 1
    for e in report.get("undertecknare", {}).get("poster", []):
        out[("undertecknare", who(e), norm(e["titel"]))] += 1
    return out


def participants(report: dict[str, Any]) -> Counter:
    out: Counter = Counter()
    for s in report.get("insatser", []):
        for key in ("totalt", "kvinnor", "man", "nya", "avslutade"):
            value = s.get("deltagare", {}).get(key)
            if isinstance(value, int):
                out[(s["insats"], key, value)] += 1
    return out


def score(curated: Counter, draft: Counter) -> dict[str, Any]:
    matched = sum((curated & draft).values())
    want, got = sum(curated.values()), sum(draft.values())
    return {"kurerade": want, "utkast": got, "traffar": matched,
            "recall": round(matched / want, 4) if want else None,
            "precision": round(matched / got, 4) if got else None}


def evaluate_one(root: Path, curated_path: Path, sources: Path) -> dict[str, Any]:
    curated = yaml.safe_load(curated_path.read_text(encoding="utf-8"))
    source = sources / curated["kalla"]["fil"]
    with tempfile.TemporaryDirectory(prefix="faktabank-eval-") as tmp:
        scratch = Path(tmp)
        shutil.copytree(root / "data", scratch / "data")
        (scratch / "data" / "rapporter" / curated_path.name).unlink()
        started = time.perf_counter()
        draft = make_draft(source, scratch, curated["forbund"])
        check_and_write(scratch, draft)
        seconds = time.perf_counter() - started
        written = yaml.safe_load((scratch / draft.report_path).read_text(encoding="utf-8"))
        people = yaml.safe_load((scratch / "data" / "personer.yaml").read_text(encoding="utf-8"))["personer"]
    persons = {p["id"]: p["namn"] for p in people}
    return {"rapport": curated["id"], "kalla": source.name, "sekunder": round(seconds, 2),
            "utkast_id": draft.report_id,
            "tabeller": score(table_values(curated), table_values(written)),
            "namn": score(names(curated, persons), names(written, persons)),
            "deltagare": score(participants(curated), participants(written)),
            "enheter": units(curated, written)}


def total(results: list[dict[str, Any]], part: str) -> dict[str, Any]:
    want = sum(r[part]["kurerade"] for r in results)
    got = sum(r[part]["utkast"] for r in results)
    hit = sum(r[part]["traffar"] for r in results)
    return {"kurerade": want, "utkast": got, "traffar": hit, "recall": round(hit / want, 4) if want else None,
            "precision": round(hit / got, 4) if got else None}


def evaluate(root: Path, sources: Path, only: list[str] | None = None) -> dict[str, Any]:
    files = sorted((root / "data" / "rapporter").glob("*.yaml"))
    results = []
    for f in files:
        curated = yaml.safe_load(f.read_text(encoding="utf-8"))
        if curated.get("status") != "godkand" or not (sources / curated["kalla"]["fil"]).is_file():
            continue
        if only and curated["id"] not in only:
            continue
        results.append(evaluate_one(root, f, sources))
    summary: dict[str, Any] = {part: total(results, part) for part in ("tabeller", "namn", "deltagare")}
    summary["enheter"] = {k: sum(r["enheter"][k] for r in results) for k in ("tabeller", "samma_enhet")}
    met = {part: all((summary[part][k] or 0) >= v for k, v in TARGETS[part].items()) for part in TARGETS}
    return {"rapporter": results, "totalt": summary, "mal": TARGETS, "uppfyllt": met}


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.1f} %".replace(".", ",")


PARTS = (("tabeller", "Tabellvärden"), ("namn", "Namn och roller"), ("deltagare", "Deltagare i insatser"))


def table(result: dict[str, Any]) -> str:
    """The result as narrow Markdown tables (one per measure), sources named by their file."""
    out = []
    rows = [*result["rapporter"], {"kalla": "**Totalt**", **result["totalt"]}]
    for part, title in PARTS:
        out.append(f"{title} per källrapport\n{{ .fb-caption }}\n\n| Källa | Träffar | Granskade | I utkastet | "
                   "Recall | Precision |\n|---|---:|---:|---:|---:|---:|")
        for r in rows:
            s = r[part]
            out.append(f"| {r['kalla']} | {s['traffar']} | {s['kurerade']} | {s['utkast']} | {_pct(s['recall'])} | "
                       f"{_pct(s['precision'])} |")
        out.append("")
    out.append("Tabeller med samma enhet som i den granskade filen\n{ .fb-caption }\n\n| Källa | Samma enhet | "
               "Tabeller |\n|---|---:|---:|")
    for r in rows:
        out.append(f"| {r['kalla']} | {r['enheter']['samma_enhet']} | {r['enheter']['tabeller']} |")
    return "\n".join(out) + "\n"


def write_docs(page: Path, result: dict[str, Any]) -> None:
    """Replace the results between the markers in docs/import.md."""
    text = page.read_text(encoding="utf-8")
    start, end = text.index(MARK_START) + len(MARK_START), text.index(MARK_END)
    met = ", ".join(f"{part}: {'uppfyllt' if ok else 'inte uppfyllt'}" for part, ok in result["uppfyllt"].items())
    page.write_text(text[:start] + "\n\n" + table(result) + f"\nMålen: {met}.\n\n" + text[end:], encoding="utf-8")


def main(argv: list[str]) -> int:
    root = Path.cwd()
    sources = Path(argv[0]) if argv else root.parent / "shared" / "sources"
    if not sources.is_dir():
        sources = Path("/work/shared/sources")
    result = evaluate(root, sources)
    (root / "import-eval.json").write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(table(result))
    page = root / "docs" / "import.md"
    if page.is_file():
        write_docs(page, result)
    for part, ok in result["uppfyllt"].items():
        print(f"{part}: {'målet nått' if ok else 'målet inte nått'} ({TARGETS[part]})")
    return 0 if all(result["uppfyllt"].values()) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
