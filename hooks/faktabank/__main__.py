"""Command line (`PYTHONPATH=hooks python -m faktabank <kommando>`), one function per command:

- `check [PROJEKTROT]` validates data/ without building the site; `check --file <fil>` validates one file against
  the registries it refers to. Datakvalitet findings are printed as warnings (they never fail the check).
- `new --forbund <id> --ar <år>` writes a report skeleton, pre-filled from the förbund's previous report.
- `id "<namn>"` suggests an id for a name and finds people, organisations, insatser and förbund by name.
- `import <fil> --forbund <id> [--force]` drafts a report file from the report itself (faktabank.importer).
"""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path
from typing import NoReturn

from faktabank.derive.keys import unknown_keys
from faktabank.derive.reconcile import reconcile, text_findings
from faktabank.editor.checkfile import check_file
from faktabank.editor.findings import print_findings, print_text_findings
from faktabank.editor.ids import print_matches
from faktabank.editor.skeleton import write_skeleton
from faktabank.load.errors import DataError
from faktabank.load.loader import build
from faktabank.load.options import from_environment


def check(args: argparse.Namespace) -> int:
    if args.file:
        return check_file(args.file, sys.stdout, sys.stderr)
    root = Path(args.root) if args.root else Path.cwd()
    gc.disable()  # the model has no reference cycles; the cycle collector only slows reading it (see the hook)
    try:
        model = build(root, from_environment())
    except DataError as exc:
        print(exc, file=sys.stderr)
        print(f"{len(exc.problems)} fel i data/", file=sys.stderr)
        return 1
    print(f"data/ är giltig: {len(model.forbund)} förbund, {len(model.reports)} rapporter, "
          f"{len(model.insatser)} insatser, {len(model.organisations)} organisationer, {len(model.persons)} personer")
    findings = reconcile(model)
    if findings:
        print(f"men siffrorna stämmer inte överallt: {len(findings)} avvikelser för Datakvalitet (varningar, de stoppar "
              "inte bygget och visas på sidan Datakvalitet):")
        print_findings(model, findings, sys.stdout)
    statements = text_findings(model)
    if statements:
        print(f"och {len(statements)} skillnader i namn och roller för Datakvalitet (varningar):")
        print_text_findings(model, statements, sys.stdout)
    unknown = unknown_keys(model)
    for line in unknown:
        print(f"varning: {line}")
    if unknown:
        print(f"{len(unknown)} radnycklar som ingen kontroll eller jämförelse läser (se docs/redaktorer.md)")
    return 0


def new(args: argparse.Namespace) -> int:
    return write_skeleton(Path(args.root) if args.root else Path.cwd(), args.forbund, args.ar, sys.stdout, sys.stderr)


def find_id(args: argparse.Namespace) -> int:
    return print_matches(Path(args.root) if args.root else Path.cwd(), " ".join(args.namn), sys.stdout, sys.stderr,
                         args.forbund)


class _Parser(argparse.ArgumentParser):
    """argparse with its usual error messages in Swedish."""

    WORDS = (("the following arguments are required", "de här argumenten saknas"),
             ("unrecognized arguments", "okända argument"), ("invalid int value", "ogiltigt heltal"),
             ("invalid choice", "ogiltigt val"), ("expected one argument", "ett värde förväntades"),
             ("choose from", "välj bland"))

    def error(self, message: str) -> NoReturn:
        for en, sv in self.WORDS:
            message = message.replace(en, sv)
        self.print_usage(sys.stderr)
        self.exit(2, f"fel: {message}\n")


def parser() -> argparse.ArgumentParser:
    top = _Parser(prog="python -m faktabank", description="Faktabankens kommandon för data/.")
    commands = top.add_subparsers(dest="command", required=True, metavar="kommando", parser_class=_Parser)
    p = commands.add_parser("check", help="kontrollera data/ (eller en fil) utan att bygga")
    p.add_argument("root", nargs="?", help="projektroten (förval: katalogen du står i)")
    p.add_argument("--file", help="kontrollera bara den här filen mot registren")
    p.set_defaults(run=check)
    p = commands.add_parser("new", help="skriv ett rapportskelett, ifyllt från förbundets förra rapport")
    p.add_argument("--forbund", required=True, help="förbundets id (filnamnet i data/forbund/)")
    p.add_argument("--ar", required=True, type=int, help="rapportens år")
    p.add_argument("--root", help="projektroten (förval: katalogen du står i)")
    p.set_defaults(run=new)
    p = commands.add_parser("id", help="föreslå ett id för ett namn och hitta befintliga poster")
    p.add_argument("namn", nargs="+", help="namnet, t.ex. \"Anna Andersson\"")
    p.add_argument("--forbund", help="namnet är en insats i det här förbundet (projektnummer eller kortnamn)")
    p.add_argument("--root", help="projektroten (förval: katalogen du står i)")
    p.set_defaults(run=find_id)
    return top


def main(argv: list[str]) -> int:
    if argv and argv[0] == "import":  # the importer has its own options (faktabank.importer.cli)
        return run_import(argv[1:])
    args = parser().parse_args(argv)
    return args.run(args)


def run_import(argv: list[str]) -> int:
    """The importer (faktabank.importer.cli): a report → a draft in data/."""
    from faktabank.importer.cli import main as importer_main

    return importer_main(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
