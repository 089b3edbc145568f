"""Load YAML with the safe loader only, remembering the line of every value.

Dates stay strings (the schema checks their form), so a value reads the same in
YAML, in the model and in the open data.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from faktabank.load.errors import DataError, Problem

Path_ = tuple[str | int, ...]
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_STR = "tag:yaml.org,2002:str"
# The implicit types of a plain scalar, by its first character: SafeLoader's, without the timestamp type
_IMPLICIT = {
    first: tuple((tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp")
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


_INT = "tag:yaml.org,2002:int"
# The type of a plain scalar that starts with a letter that may begin a boolean or null (y, n, t, f, o: many
# keys, units and kinds), by its text: the same few hundred recur in every file, and finding one by its text
# is quicker than trying the rules
_WORD_TYPES: dict[str, str] = {}
_WORD_MAX = 40  # longer words are rare and not kept


def _plain_type(value: str) -> str:
    """SafeLoader's type of a plain scalar, without the timestamp type."""
    for tag, regexp in _IMPLICIT.get(value[:1], ()):
        if regexp.match(value):
            return tag
    return _STR


def _decimal(value: str) -> bool:
    """A whole number written with ASCII digits only and no leading zero: SafeLoader's int, read as base 10."""
    return value.isdigit() and value.isascii() and (value[0] != "0" or len(value) == 1)


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml's parser when PyYAML has it: ~20× faster
    """SafeLoader without the implicit timestamp type."""

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        """SafeLoader's tag resolution (no path resolvers, no wildcard resolvers), in one short call: libyaml's
        composer asks for every scalar in the file."""
        if kind is yaml.ScalarNode:
            if implicit[0]:
                first = value[:1]
                if first not in _IMPLICIT:
                    return _STR
                if first.isalpha():
                    tag = _WORD_TYPES.get(value)
                    if tag is None:
                        tag = _plain_type(value)
                        if len(value) <= _WORD_MAX:
                            _WORD_TYPES[value] = tag
                    return tag
                return _INT if _decimal(value) else _plain_type(value)
            return _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP
# Plain values are built directly by their constructor; any other tag goes through construct_object, which refuses it.
_SCALARS = {tag: _Loader.yaml_constructors[tag] for tag in (
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null")}


@dataclass
class Document:
    """A parsed data file: its content and the line (1-based) of each path in it."""

    path: str
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line(self, path: Path_) -> int | None:
        """Line of the value at `path`, or of its nearest parent that has one."""
        p = tuple(path)
        while p:
            if p in self.lines:
                return self.lines[p]
            p = p[:-1]
        return self.lines.get((), None)


def _construct(node: yaml.Node, loader: _Loader, path: Path_, lines: dict[Path_, int], rel: str, line: int) -> Any:
    """Build the value of `node` at `path`. `line` is what Document.line(path) gives: a child's line is stored only
    where it differs from its parent's, which keeps the map small (a flow-style row is one line) and answers the same."""
    if isinstance(node, yaml.CollectionNode) and node.tag not in (_MAP, _SEQ):
        raise DataError([Problem(rel, node.start_mark.line + 1, _dotted(path),
                                 f"otillåten YAML-tagg ({node.tag}); bara vanliga YAML-värden är tillåtna",
                                 "taggar som !!python/object körs aldrig")])
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            plain = _SCALARS.get(key_node.tag) if isinstance(key_node, yaml.ScalarNode) else None
            key = plain(loader, key_node) if plain is not None else loader.construct_object(key_node, deep=True)
            if isinstance(key, str):
                key = sys.intern(key)  # the same few keys recur in every file: one string each
            else:
                raise DataError([Problem(rel, key_node.start_mark.line + 1, ".".join(map(str, path)),
                                         f"nyckeln {key!r} måste vara text")])
            if key in result:
                raise DataError([Problem(rel, key_node.start_mark.line + 1, _dotted((*path, key)),
                                         "nyckeln förekommer två gånger i samma objekt")])
            key_path, key_line = (*path, key), key_node.start_mark.line + 1  # an entry's line is its key's
            if key_line != line:
                lines[key_path] = key_line
            result[key] = _construct(value_node, loader, key_path, lines, rel, key_line)
        return result
    if isinstance(node, yaml.SequenceNode):
        items = []
        for i, child in enumerate(node.value):
            item_path, item_line = (*path, i), child.start_mark.line + 1
            if item_line != line:
                lines[item_path] = item_line
            items.append(_construct(child, loader, item_path, lines, rel, item_line))
        return items
    tag = node.tag
    if tag == _STR:  # what construct_yaml_str gives
        value = node.value
        return sys.intern(value) if len(value) <= 40 else value
    if tag == _INT and _decimal(node.value):
        return int(node.value)  # what construct_yaml_int gives for it
    scalar = _SCALARS.get(tag)
    if scalar is None:
        return loader.construct_object(node, deep=True)
    value = scalar(loader, node)
    return sys.intern(value) if type(value) is str and len(value) <= 40 else value  # ids, units, labels recur


def _dotted(path: Path_) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


dotted = _dotted


def load(file: Path, rel: str) -> Document:
    """Parse one YAML file safely. Raises DataError with file and line on any problem."""
    raw = file.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError([Problem(rel, line, "", "filen måste vara kodad i UTF-8",
                                 f"byte {exc.start} är inte giltig UTF-8; spara om filen som UTF-8")]) from None
    if not text.strip():
        raise DataError([Problem(rel, 1, "", "filen är tom; ett YAML-objekt förväntades")])
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise DataError([Problem(rel, 1, "", "filen innehåller inget YAML-objekt")])
        lines: dict[Path_, int] = {(): node.start_mark.line + 1}
        data = _construct(node, loader, (), lines, rel, lines[()])
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise DataError([Problem(rel, mark.line + 1 if mark else None, "",
                                 f"otillåten YAML-tagg ({exc.problem}); bara vanliga YAML-värden är tillåtna",
                                 "taggar som !!python/object körs aldrig")]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise DataError([Problem(rel, mark.line + 1 if mark else None, "",
                                 f"YAML-syntaxfel: {problem}")]) from None
    finally:
        loader.dispose()
    return Document(rel, data, lines)
