"""`python -m faktabank import <fil> --forbund <id> [--force] [--root DIR]`: a report → a draft in data/."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from faktabank.importer.draft import make_draft
from faktabank.importer.writing import check_and_write
from faktabank.load.errors import DataError

USAGE = "python -m faktabank import RAPPORT --forbund FÖRBUND [--force] [--root PROJEKTROT]"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m faktabank import", usage=USAGE,
                                     description="Läser en rapport (.txt, .md eller .pdf) och skriver ett utkast.")
    parser.add_argument("source", type=Path, help="rapportfilen")
    parser.add_argument("--forbund", required=True, help="förbundets id, t.ex. vasterbergslagen")
    parser.add_argument("--force", action="store_true", help="ersätt ett befintligt utkast (aldrig en godkänd rapport)")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="projektets rot (standard: aktuell katalog)")
    args = parser.parse_args(argv)
    try:
        draft = make_draft(args.source, args.root, args.forbund, args.force)
        written = check_and_write(args.root, draft)
    except DataError as exc:
        print(f"fel: {exc}", file=sys.stderr)
        print("inget skrevs", file=sys.stderr)
        return 1
    tables = draft.report.get("tabeller", [])
    values = sum(1 for t in tables for r in t["rader"] for v in r.get("varden", []) if isinstance(v, (int, float)))
    print(f"utkast: {draft.report_path} ({len(tables)} tabeller, {values} värden, "
          f"{len(draft.report.get('insatser', []))} insatser)")
    for path in written[1:]:
        print(f"  uppdaterad: {path.relative_to(args.root)}")
    print(f"att granska ({len(draft.review)} punkter, källrad → vad):")
    for r in draft.review:
        where = f"{draft.source}:{r.line}" if r.line else draft.source
        print(f"  {where} → {r.what}")
    print("utkastet syns i den interna utgåvan: FAKTABANK_EDITION=internal make serve")
    return 0
