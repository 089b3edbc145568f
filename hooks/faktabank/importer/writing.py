"""Writing the draft: checked first in a scratch copy of data/ (the internal edition's validation), repaired where
a value the importer guessed is refused (it moves to the review list), then written. Existing registry entries
are never touched: new ones are appended at the end of their file."""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml

from faktabank.importer.draft import Draft, _intern
from faktabank.importer.registry import Review
from faktabank.load.errors import DataError, Problem
from faktabank.load.loader import Options, build

HEADER = ("# Utkast skrivet av `make import` ({source}). Granska det mot rapporten; listan under `intern`\n"
          "# säger vad som behöver kontrolleras. Ändra status till godkand först när allt stämmer.\n")


class _Dumper(yaml.SafeDumper):
    """Multi-line text (the review list) as a literal block, everything else as safe_dump writes it."""

    def ignore_aliases(self, data: object) -> bool:
        return True  # a value used twice is written twice: data files may hold no YAML anchors or aliases


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


def _list(dumper: yaml.SafeDumper, value: list) -> yaml.SequenceNode:
    flow = bool(value) and all(isinstance(v, (int, float, str)) or v is None for v in value) and len(value) <= 14
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow)


_Dumper.add_representer(str, _str)
_Dumper.add_representer(list, _list)


def dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=110, default_flow_style=False)


def _append(path: Path, key: str, entries: list[dict[str, Any]], head: dict[str, Any] | None = None) -> None:
    """Add entries to the list under `key` at the end of a registry file (created when missing)."""
    if not entries:
        return
    if not path.is_file():
        path.write_text(dump({**(head or {}), key: entries}), encoding="utf-8")
        return
    text = path.read_text(encoding="utf-8")
    last_key = [m.group(1) for m in re.finditer(r"^([a-z_]+):", text, re.M)][-1:]
    if last_key != [key]:
        raise DataError([Problem(str(path), None, key, f"listan '{key}' ska stå sist i filen för att importen ska "
                                                        "kunna lägga till poster")])
    indent = "  " if re.search(rf"^{key}:\n  - ", text, re.M) else ""
    block = "".join(indent + line if line else line for line in dump(entries).splitlines(keepends=True))
    path.write_text(text + ("" if text.endswith("\n") else "\n") + block, encoding="utf-8")


def write_into(root: Path, draft: Draft) -> list[Path]:
    """Write the draft's files under root/data; the paths written."""
    data = root / "data"
    written = []
    report_path = root / draft.report_path
    report_path.write_text(HEADER.format(source=draft.source) + dump(draft.report), encoding="utf-8")
    written.append(report_path)
    if draft.forbund is not None:
        path = data / "forbund" / f"{draft.forbund['id']}.yaml"
        path.write_text(dump(draft.forbund), encoding="utf-8")
        written.append(path)
    reg = draft.registry
    for path, key, entries, head in (
            (data / "personer.yaml", "personer", reg.new_persons, None),
            (data / "organisationer.yaml", "organisationer", reg.new_orgs, None),
            (data / "insatser" / f"{reg.forbund_id}.yaml", "insatser", reg.new_insatser, {"forbund": reg.forbund_id})):
        if entries:
            _append(path, key, entries, head)
            written.append(path)
    return written


def _path(field: str) -> list[str | int]:
    return [int(p) if p.isdigit() else p for p in re.findall(r"[^.\[\]]+", field)]


def _repair(draft: Draft, problems: list[Problem]) -> bool:
    """Drop what a check refused in the draft report; False when a problem cannot be repaired that way."""
    for problem in problems:
        path = _path(problem.field)
        if not path:
            return False
        parent: Any = draft.report
        try:
            for part in path[:-1]:
                parent = parent[part]
        except (KeyError, IndexError, TypeError):
            return False
        last = path[-1]
        if isinstance(parent, list) and isinstance(last, int) and len(path) >= 2 and path[-2] == "varden":
            # a figure in the wrong unit: the row's key goes, the figure stays
            row: Any = draft.report
            for part in path[:-2]:
                row = row[part]
            row.pop("nyckel", None)
        elif isinstance(parent, dict) and last in parent and last not in ("id", "forbund", "typ", "period"):
            parent.pop(last)
        else:
            return False
        draft.review.append(Review(None, f"{problem.field}: {problem.expected} – värdet togs bort ur utkastet"))
    draft.report["intern"] = _intern(draft.review, draft.source)
    return True


def check_and_write(root: Path, draft: Draft) -> list[Path]:
    """Validate the draft in a scratch copy of data/ (internal edition); write it when it passes."""
    ours = {draft.report_path}
    for _ in range(4):
        with tempfile.TemporaryDirectory(prefix="faktabank-import-") as tmp:
            scratch = Path(tmp)
            shutil.copytree(root / "data", scratch / "data")
            write_into(scratch, draft)
            try:
                build(scratch, Options(edition="internal"))
            except DataError as exc:
                mine = [p for p in exc.problems if p.file in ours]
                if len(mine) != len(exc.problems) or not _repair(draft, mine):
                    raise
                continue
        return write_into(root, draft)
    raise DataError([Problem(draft.report_path, None, "", "utkastet blev inte giltigt")])
