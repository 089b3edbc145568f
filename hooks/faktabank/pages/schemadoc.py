"""Documentation of the data files' JSON Schemas, generated from the schemas themselves (for the Öppna data
page): every field as a dotted path, with its type, whether it is required and its description.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from faktabank.load.schema import SCHEMA_DIR

TYPE_NAME = {"string": "text", "integer": "heltal", "number": "tal", "boolean": "sant/falskt", "array": "lista",
             "object": "objekt", "null": "tomt"}


@dataclass(frozen=True)
class SchemaField:
    path: str
    type: str
    required: bool
    description: str


def _resolve(node: dict[str, Any], here: dict[str, Any], load: Callable[[str], dict[str, Any]]) -> tuple[dict, dict]:
    """Follow $ref (to this schema's $defs or to another schema file); returns the node and the schema it is in."""
    while "$ref" in node:
        ref = node["$ref"]
        file, _, pointer = ref.partition("#")
        target = load(file) if file else here
        resolved = target
        for part in pointer.strip("/").split("/") if pointer else ():
            resolved = resolved[part]
        merged = {**resolved, **{k: v for k, v in node.items() if k != "$ref"}}
        node, here = merged, target
    return node, here


def _type_of(node: dict[str, Any]) -> str:
    if "enum" in node:
        return "ett av: " + ", ".join(str(v) for v in node["enum"])
    if "const" in node:
        return f"alltid {json.dumps(node['const'])}"
    t = node.get("type")
    if isinstance(t, list):
        return " eller ".join(TYPE_NAME.get(x, x) for x in t)
    if t == "string" and node.get("pattern"):
        return "text (mönster)"
    return TYPE_NAME.get(t, "se beskrivning") if t else ("ett av flera slag" if "oneOf" in node or "anyOf" in node else "")


def schema_fields(kind: str) -> list[SchemaField]:
    """Every field of a data-file schema as a dotted path (lists as []), with type and description."""
    cache: dict[str, dict[str, Any]] = {}

    def load(file: str) -> dict[str, Any]:
        if file not in cache:
            cache[file] = json.loads((SCHEMA_DIR / file).read_text(encoding="utf-8"))
        return cache[file]

    root = load(f"{kind}.schema.json")
    out: list[SchemaField] = []

    def walk(node: dict[str, Any], here: dict[str, Any], prefix: str, seen: tuple[int, ...]) -> None:
        node, here = _resolve(node, here, load)
        if id(node) in seen:
            return
        if node.get("type") == "array" and "items" in node:
            walk(node["items"], here, prefix + "[]", seen)
            return
        required = set(node.get("required", ()))
        for name, prop in node.get("properties", {}).items():
            resolved, there = _resolve(prop, here, load)
            path = f"{prefix}.{name}" if prefix else name
            items = resolved.get("items")
            kind_text = _type_of(resolved)
            if resolved.get("type") == "array" and isinstance(items, dict):
                item, _ = _resolve(items, there, load)
                inner = _type_of(item)
                kind_text = f"lista av {inner}" if inner and inner != "objekt" else "lista av objekt"
            out.append(SchemaField(path, kind_text, name in required, resolved.get("description", "")))
            walk(prop, here, path, (*seen, id(node)))

    walk(root, root, "", ())
    return out


def schema_title(kind: str) -> str:
    return json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8")).get("title", kind)


def schema_description(kind: str) -> str:
    return json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8")).get("description", "")


# The parts of faktabank.json: (key, schema kind, what the part is)
JSON_PARTS: tuple[tuple[str, str, str], ...] = (
    ("forbund", "forbund", "en lista, ett objekt per förbund"),
    ("rapporter", "rapport", "en lista, ett objekt per rapport"),
    ("insatser", "insatser", "en lista, ett objekt per förbund med dess insatser"),
    ("organisationer", "organisationer", "ett objekt"),
    ("personer", "personer", "ett objekt"),
    ("ordlista", "ordlista", "ett objekt"),
)
