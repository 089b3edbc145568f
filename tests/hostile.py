"""Helpers for the hostile-data tests: every string field of every schema, and data with values put into them.

The list of string fields is generated from the JSON Schemas, so a field added to a schema is covered without a
change here. A field is named by its kind and its path with `[]` for list items, e.g. `rapport:tabeller[].rubrik`.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from faktabank.load.limits import NAME_PATTERN
from faktabank.load.loader import kind_of
from faktabank.load.schema import SCHEMA_DIR

FREE, MARKDOWN, NAME = "fritext", "markdown", "namn"
MARKDOWN_REF = "common.schema.json#/$defs/text"  # the own-words fields, rendered as Markdown (markdownfields)
MARKDOWN_KEY = "x-faktabank-markdown"


@cache
def _schema_file(name: str) -> dict[str, Any]:
    return json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))


def _resolve(node: dict[str, Any], file: str) -> tuple[dict[str, Any], str]:
    """The schema a node refers to, with the node's own keys; a node that is (or refers to) the common Markdown
    text gets MARKDOWN_KEY."""
    while "$ref" in node:
        if node["$ref"].endswith(MARKDOWN_REF):
            node = {**node, MARKDOWN_KEY: True}
        target_file, _, pointer = node["$ref"].partition("#")
        file = target_file or file
        target: Any = _schema_file(file)
        for part in pointer.strip("/").split("/"):
            if part:
                target = target[part]
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node, file


def _types(node: dict[str, Any]) -> set[str]:
    kind = node.get("type", ())
    return {kind} if isinstance(kind, str) else set(kind)


def string_kind(node: dict[str, Any]) -> str | None:
    """FREE for a text anyone may write anything into, MARKDOWN for one rendered as Markdown, NAME for a name;
    None for ids, dates, enums, numbers."""
    if "string" not in _types(node) or "enum" in node or "const" in node or "format" in node:
        return None
    if node.get("pattern") == NAME_PATTERN:
        return NAME
    if "pattern" in node:
        return None
    return MARKDOWN if node.get(MARKDOWN_KEY) else FREE


def string_fields(kind: str) -> dict[str, str]:
    """Every string field of one kind of file: its name (kind:path) and whether it is free text or a name."""
    found: dict[str, str] = {}

    def walk(node: dict[str, Any], file: str, path: str, seen: frozenset[str]) -> None:
        node, file = _resolve(node, file)
        text = string_kind(node)
        if text:
            found[f"{kind}:{path}"] = text
        for key, sub in node.get("properties", {}).items():
            walk(sub, file, f"{path}.{key}" if path else key, seen)
        if isinstance(node.get("items"), dict):
            walk(node["items"], file, f"{path}[]", seen)

    walk(_schema_file(f"{kind}.schema.json"), f"{kind}.schema.json", "", frozenset())
    return found


def all_string_fields() -> dict[str, str]:
    out: dict[str, str] = {}
    for kind in ("organisationer", "personer", "forbund", "insatser", "rapport", "ordlista"):
        out |= string_fields(kind)
    return out


Fill = Callable[[str, str, str], str]  # (field, kind of text, the value there now or "") -> the new value


def fill(data: Any, kind: str, value_for: Fill, add_missing: bool = True,
         add_lists: frozenset[str] = frozenset()) -> tuple[Any, set[str]]:
    """A copy of one file's data with every string field's value replaced by value_for(field, kind, old); optional
    string fields that are missing are added (to every object that could hold them) when add_missing, and so are
    the lists named in add_lists (kind:path), with one item of their required text fields. Returns the new data
    and the fields it touched."""
    touched: set[str] = set()
    data = copy.deepcopy(data)

    def walk(value: Any, node: dict[str, Any], file: str, path: str) -> Any:
        node, file = _resolve(node, file)
        text = string_kind(node)
        if text and isinstance(value, str):
            touched.add(f"{kind}:{path}")
            return value_for(f"{kind}:{path}", text, value)
        if isinstance(value, dict):
            required = set(node.get("required", ()))
            for key, sub in node.get("properties", {}).items():
                sub_path = f"{path}.{key}" if path else key
                if key in value:
                    value[key] = walk(value[key], sub, file, sub_path)
                elif f"{kind}:{sub_path}" in add_lists and _text_items(sub, file):
                    list_node, list_file = _resolve(sub, file)
                    items, _ = _resolve(list_node["items"], list_file)
                    item = {name: "" for name in items.get("required", ())}
                    value[key] = walk([item], sub, file, sub_path)
                elif add_missing and key not in required and "string" in _types(_resolve(sub, file)[0]):
                    text = string_kind(_resolve(sub, file)[0])
                    if text:
                        touched.add(f"{kind}:{sub_path}")
                        value[key] = value_for(f"{kind}:{sub_path}", text, "")
        elif isinstance(value, list) and isinstance(node.get("items"), dict):
            return [walk(item, node["items"], file, f"{path}[]") for item in value]
        return value

    return walk(data, _schema_file(f"{kind}.schema.json"), f"{kind}.schema.json", ""), touched


def _text_items(node: dict[str, Any], file: str) -> bool:
    """A list whose items need only text fields (so that one can be made up)."""
    node, file = _resolve(node, file)
    if not isinstance(node.get("items"), dict):
        return False
    items, items_file = _resolve(node["items"], file)
    props = items.get("properties", {})
    return "object" in _types(items) and all(
        name in props and string_kind(_resolve(props[name], items_file)[0]) for name in items.get("required", ()))


def data_files(project: Path) -> Iterator[tuple[Path, str]]:
    """Every data file of a project with its schema kind."""
    for file in sorted((project / "data").rglob("*.yaml")):
        kind = kind_of(file.relative_to(project).as_posix())
        if kind:
            yield file, kind
