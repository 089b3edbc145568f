"""`new --forbund <id> --ar <år>`: a report file to start from, `status: utkast`, that validates as written.

Its content is what `carryover` takes from the förbund's previous annual report (or, without one, only what the
schema requires); each block is preceded by comments on its fields, their allowed values and descriptions,
generated from the JSON Schema (pages.schemadoc), so they are never typed twice. Placeholders (PLACEHOLDER) mark
what only the new report can say; `check --file` lists those left. An existing file is never overwritten.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, TextIO

import yaml

from faktabank.editor.carryover import carry_over, previous_report
from faktabank.editor.checkfile import PLACEHOLDER
from faktabank.editor.schemaline import schema_line
from faktabank.load.schema import SCHEMA_DIR, schema
from faktabank.pages.schemadoc import SchemaField, schema_fields


class _Dumper(yaml.SafeDumper):
    """Block style for the structure, flow style for short lists and table columns and rows (as the data/ files)."""

    def ignore_aliases(self, data: object) -> bool:
        return True  # a value used twice is written twice: data files may hold no YAML anchors or aliases


def _scalar(value: Any) -> bool:
    return value is None or isinstance(value, (str, int, float, bool))


def _represent_list(dumper: yaml.SafeDumper, value: list) -> yaml.Node:
    flow = all(_scalar(v) for v in value) and len(json.dumps(value, ensure_ascii=False)) < 100
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow)


def _represent_dict(dumper: yaml.SafeDumper, value: dict) -> yaml.Node:
    flat = all(_scalar(v) or (isinstance(v, list) and all(_scalar(x) for x in v)) for v in value.values())
    flow = flat and len(value) > 1 and len(json.dumps(value, ensure_ascii=False)) < 160
    return dumper.represent_mapping("tag:yaml.org,2002:map", value, flow_style=flow)


_Dumper.add_representer(list, _represent_list)
_Dumper.add_representer(dict, _represent_dict)


def _dump(value: dict[str, Any]) -> str:
    return yaml.dump(value, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000, default_flow_style=False)


def _generic_descriptions() -> dict[str, str]:
    """The common definitions' descriptions, shown as a short type instead of repeated in full."""
    common = json.loads((SCHEMA_DIR / "common.schema.json").read_text(encoding="utf-8"))["$defs"]
    return {common["id"]["description"]: "id", common["datum"]["description"]: "datum ÅÅÅÅ-MM-DD",
            common["text"]["description"]: "text med egna ord", common["avsnitt"]["description"]: "avsnitt",
            common["ar"]["description"]: "årtal"}


def field_comments(key: str, fields: list[SchemaField]) -> list[str]:
    """Comment lines on one top-level block: its description, then each field, its type or allowed values."""
    generic = _generic_descriptions()
    lines = []
    for f in fields:
        if f.path != key and not f.path.startswith((f"{key}.", f"{key}[]")):
            continue
        kind = generic.get(f.description, f.type)
        text = "" if f.description in generic else f.description
        required = " (obligatoriskt)" if f.required else ""
        if f.path == key:
            lines.append(f"# {key}{required}: {text or kind}")
            continue
        lines.append(f"#   {f.path[len(key):].lstrip('.')}{required}: {kind}" + (f" – {text}" if text else ""))
    return lines


HEADER = """\
# Rapport: {id} ({status}). Skriven av `make new` – fyll i och kontrollera mot rapporten, block för block.
# Kontrollera filen med: make check FILE={rel}
# Platshållare ("{placeholder}: …") ska ersättas med det rapporten anger; check listar de som är kvar.
# Fälten och deras tillåtna värden nedan kommer från hooks/faktabank/schemas/rapport.schema.json.
# Se docs/redaktorer.md (För redaktörer) för arbetsgången och granskningslistan.
"""


def render(data: dict[str, Any], rel: str, notes: list[str]) -> str:
    """The file's text: schema line, header, and each block of the schema in its order with its comments."""
    fields = schema_fields("rapport")
    parts = [schema_line(rel, "rapport"),
             HEADER.format(id=data["id"], status=data["status"], rel=rel, placeholder=PLACEHOLDER).rstrip()]
    parts += [f"# Obs: {note}" for note in notes]
    for key in schema("rapport")["properties"]:
        parts.append("")
        parts += field_comments(key, fields)
        if key in data:
            parts.append(_dump({key: data[key]}).rstrip())
        else:
            parts.append(f"# ({key} är inte ifyllt: lägg till det om rapporten har det)")
    return "\n".join(parts) + "\n"


def skeleton(root: Path, forbund: str, year: int) -> tuple[dict[str, Any], list[str], str | None]:
    """The new report's data, notes on what was left out, and the previous report's path (if any)."""
    report_id = f"{forbund}-{year}"
    data: dict[str, Any] = {
        "id": report_id, "forbund": forbund, "typ": "arsredovisning",
        "period": {"fran": f"{year}-01-01", "till": f"{year}-12-31"},
        "kalla": {"fil": f"{forbund}-arsredovisning-{year}.txt", "titel": f"Årsredovisning {year}"},
        "status": "utkast",
    }
    found = previous_report(root, forbund, year)
    if found is None:
        data["intern"] = "Utkast från make new, utan tidigare rapport att utgå från."
        data["tabeller"] = []
        return data, [], None
    rel, previous = found
    carried, notes = carry_over(previous, year)
    data["intern"] = (f"Utkast från make new, förifyllt från {previous['id']}: medlemmar, styrelse och revisorer "
                      "som de var vid den periodens slut, pågående insatser och tabellernas rader med förra "
                      "rapportens siffror i kolumnerna för tidigare år. Kontrollera allt mot rapporten.")
    data.update(carried)
    return data, notes, rel


def write_skeleton(root: Path, forbund: str, year: int, out: TextIO, err: TextIO) -> int:
    """Write data/rapporter/<förbund>-<år>.yaml; 1 (and nothing written) if it exists or the förbund is unknown."""
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", forbund) or not (root / "data" / "forbund" / f"{forbund}.yaml").is_file():
        print(f"data/forbund/{forbund}.yaml: (dokument): förbundet '{forbund}' finns inte "
              f"(tips: lägg till förbundet i data/forbund/ först, eller sök id:t med make id NAMN=\"…\")", file=err)
        return 1
    if not 1990 <= year <= 2100:
        print(f"ar: ett årtal 1990–2100 förväntades, fick {year}", file=err)
        return 1
    rel = f"data/rapporter/{forbund}-{year}.yaml"
    target = root / rel
    if target.exists():
        print(f"{rel}: (dokument): filen finns redan och skrivs aldrig över "
              f"(tips: kontrollera den med make check FILE={rel})", file=err)
        return 1
    data, notes, source = skeleton(root, forbund, year)
    text = render(data, rel, notes)
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8") as handle:  # "x": fails rather than overwrite a file made meanwhile
        handle.write(text)
    print(f"skrev {rel}" + (f", förifylld från {source}" if source else " (ingen tidigare årsredovisning att utgå från)"),
          file=out)
    print(f"nästa steg: fyll i från rapporten och kör make check FILE={rel}", file=out)
    return 0
