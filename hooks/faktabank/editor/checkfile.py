"""`check --file`: one data file checked against the registries it refers to, with only its own problems printed,
then the Datakvalitet findings for it and the placeholders `new` left in it, as warnings.

What is read besides the file: every registry (organisations, people, förbund, insatser, glossary), the reports
of the same förbund (the multi-year overview is compared across them) and the reports the förbund files name as
their source. The other reports of a national data/ are not read.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any, TextIO

from faktabank.derive.reconcile import reconcile, text_findings
from faktabank.editor.findings import print_findings, print_text_findings
from faktabank.load.errors import DataError, Problem
from faktabank.load.loader import Options, build, kind_of, read_documents
from faktabank.load.schema import validate
from faktabank.load.yamlload import Document, dotted, load

PLACEHOLDER = "FYLL I"  # what `new` writes where only the report can say what belongs
REPORTS = "data/rapporter/"


def data_root(file: Path) -> Path | None:
    """The project root: the folder whose data/ holds the file."""
    for parent in file.parents:
        if parent.name == "data":
            return parent.parent
    return None


def placeholders(doc: Document) -> Iterator[Problem]:
    """Every text value that still holds PLACEHOLDER."""
    def walk(value: Any, path: tuple) -> Iterator[Problem]:
        if isinstance(value, dict):
            for key, item in value.items():
                yield from walk(item, (*path, key))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                yield from walk(item, (*path, i))
        elif isinstance(value, str) and PLACEHOLDER in value:
            yield Problem(doc.path, doc.line(path), dotted(path), f"platshållaren '{value}' är kvar; fyll i från rapporten")
    yield from walk(doc.data, ())


def _source_reports(root: Path) -> set[str]:
    """The reports the förbund files name as their source (`kalla.rapport`): crossref checks they exist."""
    ids = set()
    for file in sorted((root / "data" / "forbund").glob("*.yaml")):
        try:
            data = load(file, file.relative_to(root).as_posix()).data
        except DataError:
            continue  # the build reports it
        source = data.get("kalla") if isinstance(data, dict) else None
        if isinstance(source, dict) and isinstance(source.get("rapport"), str):
            ids.add(source["rapport"])
    return ids


def _forbund_of(kind: str, data: dict[str, Any]) -> str | None:
    if kind in ("rapport", "insatser"):
        return data.get("forbund")
    return data.get("id") if kind == "forbund" else None


def check_file(given: str, out: TextIO, err: TextIO) -> int:
    """Check one file; print its problems to `err` and the rest to `out`. 1 if it has errors (or cannot be checked)."""
    file = Path(given).resolve()
    if not file.is_file():
        print(f"{given}: (dokument): filen finns inte", file=err)
        return 1
    root = data_root(file)
    if root is None:
        print(f"{given}: (dokument): en fil under data/ förväntades", file=err)
        return 1
    rel = file.relative_to(root).as_posix()
    kind = kind_of(rel)
    if kind is None:
        print(f"{rel}: (dokument): okänd placering; data/organisationer.yaml, data/personer.yaml, data/ordlista.yaml, "
              "data/forbund/*.yaml, data/insatser/*.yaml eller data/rapporter/*.yaml förväntades", file=err)
        return 1
    try:
        doc = load(file, rel)
        own = validate(doc, kind)
    except DataError as exc:
        own, doc = exc.problems, None
    if own or doc is None:
        return _failed(own, 0, rel, err)
    forbund = _forbund_of(kind, doc.data)
    sources = _source_reports(root)

    def needed(path: str) -> bool:
        if path == rel or not path.startswith(REPORTS):
            return True
        stem = PurePosixPath(path).stem
        return stem in sources or (forbund is not None and stem.startswith(f"{forbund}-"))

    _, unread = read_documents(root, select=needed)
    if unread:  # another file it is read with does not parse: its references cannot be checked
        mine = [p for p in unread if p.file == rel]
        return _failed(mine, len(unread) - len(mine), rel, err)
    try:
        model = build(root, Options(edition="internal"), select=needed)
    except DataError as exc:  # cross-references: every file's problems are known, this file's among them
        mine = [p for p in exc.problems if p.file == rel]
        if mine:
            return _failed(mine, 0, rel, err)
        print(f"{rel} är giltig (schema och referenser till registren)", file=out)
        print(f"varning: Datakvalitet kunde inte kontrolleras: {len(exc.problems)} fel i andra filer under data/ "
              "som den läses med (kör make check för att se dem)", file=out)
        _placeholders(doc, out)
        return 0
    findings = [f for f in reconcile(model) if f.report == doc.data.get("id")] if kind == "rapport" else []
    print(f"{rel} är giltig (schema och referenser till registren)", file=out)
    if findings:
        print(f"men siffrorna stämmer inte överallt: {len(findings)} avvikelser för Datakvalitet "
              "(varningar: återge rapporten som den står, rätta bara avskrivningsfel)", file=out)
        print_findings(model, findings, out)
    statements = [f for f in text_findings(model) if f.report == doc.data.get("id")] if kind == "rapport" else []
    if statements:
        print(f"och {len(statements)} skillnader i namn och roller för Datakvalitet (varningar: återge rapporten som "
              "den står)", file=out)
        print_text_findings(model, statements, out)
    _placeholders(doc, out)
    return 0


def _placeholders(doc: Document, out: TextIO) -> None:
    left = list(placeholders(doc))
    if left:
        print(f"{len(left)} platshållare kvar att fylla i:", file=out)
        for problem in left:
            print(f"varning: {problem}", file=out)


def _failed(mine: list[Problem], others: int, rel: str, err: TextIO) -> int:
    for problem in mine:
        print(problem, file=err)
    if mine:
        print(f"{len(mine)} fel i {rel}", file=err)
    if others:
        print(f"{rel} kunde inte kontrolleras färdigt: {others} fel i andra filer under data/ som den läses med "
              "(kör make check för att se dem)", file=err)
    return 1
