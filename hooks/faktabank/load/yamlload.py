"""Load YAML with the safe loader only, remembering the line of every value.

Dates stay strings (the schema checks their form), so a value reads the same in
YAML, in the model and in the open data.

Input is bounded before it is built (limits.py): the file's size; anchors and aliases are refused (the data needs
none, and a few hundred bytes of nested aliases would expand to gigabytes); nesting depth, list length, text
length; no control characters in any text.
"""

from __future__ import annotations

import contextlib
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from faktabank.load.errors import DataError, Problem, excerpt
from faktabank.load.limits import (
    CONTROL_CHARACTERS,
    MAX_DEPTH,
    MAX_FILE_BYTES,
    MAX_LIST_ITEMS,
    MAX_NUMBER_CHARS,
    MAX_STRING_CHARS,
)

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
_NUMBERS = (_INT, "tag:yaml.org,2002:float")
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

    check_text = True  # whether a text value may hold a control character (see load): then each is checked
    lines_depth: int | None = None  # lines are kept for paths of at most this length (load's `compact`)
    sequence: type = list  # what a YAML sequence becomes: list, or tuple (load's `compact`)

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


# The loader's documents keep the lines of paths this long: the model's sources go down to a table's row
# (tabeller, i, rader, j). The line of a value deeper down is needed only to report a problem with it.
LINES_DEPTH = 4


@dataclass
class Document:
    """A parsed data file: its content and the line (1-based) of each path in it. A compact document (load's
    `compact`) keeps the lines of paths up to `depth` long, and reads the file again the first time the line of a
    longer path is asked for."""

    path: str
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    file: Path | None = None  # the file, for a compact document's deeper lines
    depth: int | None = None  # lines are kept for paths this long; None: for every path

    def line(self, path: Path_) -> int | None:
        """Line of the value at `path`, or of its nearest parent that has one."""
        p = tuple(path)
        if self.depth is not None and len(p) > self.depth:
            self._read_every_line()
        while p:
            if p in self.lines:
                return self.lines[p]
            p = p[:-1]
        return self.lines.get((), None)

    def _read_every_line(self) -> None:
        """The lines of every path, from the file (as it is now: under `mkdocs serve` a changed file is read anew
        before it is checked). Should it no longer parse, lines stay those of the shorter paths."""
        if self.file is not None:
            with contextlib.suppress(DataError, OSError):
                self.lines = load(self.file, self.path).lines
        self.depth = None


def _construct(node: yaml.Node, loader: _Loader, path: Path_, lines: dict[Path_, int], rel: str, line: int) -> Any:
    """Build the value of `node` at `path`. `line` is what Document.line(path) gives: a child's line is stored only
    where it differs from its parent's, which keeps the map small (a flow-style row is one line) and answers the same."""
    if isinstance(node, yaml.CollectionNode) and node.tag not in (_MAP, _SEQ):
        raise DataError([Problem(rel, node.start_mark.line + 1, _dotted(path),
                                 f"otillåten YAML-tagg ({node.tag}); bara vanliga YAML-värden är tillåtna",
                                 "taggar som !!python/object körs aldrig")])
    if isinstance(node, yaml.CollectionNode):
        if len(path) >= MAX_DEPTH:
            raise DataError([_too_deep(rel, node.start_mark.line + 1, path)])
        if len(node.value) > MAX_LIST_ITEMS:
            raise DataError([Problem(rel, node.start_mark.line + 1, _dotted(path),
                                     f"högst {MAX_LIST_ITEMS} poster förväntades, fick {len(node.value)}",
                                     "dela upp uppgifterna på flera filer")])
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or (
                    key_node.tag in _NUMBERS and len(key_node.value) > MAX_NUMBER_CHARS):
                shown = excerpt(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "(en lista eller ett objekt)"
                raise DataError([Problem(rel, key_node.start_mark.line + 1, _dotted(path),
                                         f"nyckeln {shown} måste vara text")])
            plain = _SCALARS.get(key_node.tag)
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
            if key_line != line and (loader.lines_depth is None or len(key_path) <= loader.lines_depth):
                lines[key_path] = key_line
            result[key] = _construct(value_node, loader, key_path, lines, rel, key_line)
        return result
    if isinstance(node, yaml.SequenceNode):
        items = []
        for i, child in enumerate(node.value):
            item_path, item_line = (*path, i), child.start_mark.line + 1
            if item_line != line and (loader.lines_depth is None or len(item_path) <= loader.lines_depth):
                lines[item_path] = item_line
            items.append(_construct(child, loader, item_path, lines, rel, item_line))
        return items if loader.sequence is list else loader.sequence(items)
    tag = node.tag
    if tag == _STR:  # what construct_yaml_str gives
        value = node.value
        if loader.check_text:
            _check_text(value, rel, line, path)
        if len(value) <= 40:
            return sys.intern(value)
        if len(value) > MAX_STRING_CHARS:
            raise DataError([Problem(rel, line, _dotted(path),
                                     f"högst {MAX_STRING_CHARS} tecken förväntades, fick {len(value)}: {excerpt(value)}",
                                     "sammanfatta texten med egna ord")])
        return value
    if tag in _NUMBERS and len(node.value) > MAX_NUMBER_CHARS:
        raise DataError([Problem(rel, line, _dotted(path),
                                 f"högst {MAX_NUMBER_CHARS} tecken i ett tal förväntades, fick {len(node.value)}: "
                                 f"{excerpt(node.value)}")])
    if tag == _INT and _decimal(node.value):
        return int(node.value)  # what construct_yaml_int gives for it
    scalar = _SCALARS.get(tag)
    if scalar is None:
        return loader.construct_object(node, deep=True)
    value = scalar(loader, node)
    return sys.intern(value) if type(value) is str and len(value) <= 40 else value  # ids, units, labels recur


def _check_text(value: str, rel: str, line: int, path: Path_) -> None:
    bad = CONTROL_CHARACTERS.search(value)
    if bad:
        char = bad.group()
        raise DataError([Problem(rel, line, _dotted(path),
                                 f"otillåtet styrtecken U+{ord(char):04X} i texten {excerpt(value)}",
                                 "ta bort tecknet; i fri text är bara tabb och radbrytning tillåtna")])


def _too_deep(rel: str, line: int, path: Path_) -> Problem:
    return Problem(rel, line, _dotted(path), f"för djup nästling: högst {MAX_DEPTH} nivåer av objekt och listor",
                   "datafilerna behöver inte fler än åtta")


# A plain scalar may hold & and *; an anchor or alias is one of them followed by a name (no space, no flow
# indicator). A file without any such pair has none, and is not scanned for them.
_MAYBE_ANCHOR = re.compile(r"[&*][^\s,\[\]{}]")
# libyaml builds nodes recursively in C: a few hundred thousand levels of nesting crash the process. A file whose
# nesting cannot reach this depth (each level of block nesting takes at least half a column, each flow level a
# bracket) is built directly and its depth checked while it is turned into values; any other file is scanned first.
_COMPOSE_SAFE_DEPTH = 5000


def _may_nest_deeply(text: str) -> bool:
    width = max(map(len, text.split("\n")))
    return 2 * width + text.count("[") + text.count("{") + 2 > _COMPOSE_SAFE_DEPTH


def _scan(text: str, rel: str) -> None:
    """Refuse anchors, aliases and deep nesting from the parser's events, before any node is built."""
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        line = event.start_mark.line + 1
        if isinstance(event, yaml.AliasEvent):
            raise DataError([Problem(rel, line, "", f"YAML-alias (*{excerpt(event.anchor)[1:-1]}) är inte tillåtna",
                                     "skriv ut värdet där det behövs; datafilerna använder inga ankare eller alias")])
        if isinstance(event, yaml.NodeEvent) and event.anchor is not None:
            raise DataError([Problem(rel, line, "", f"YAML-ankare (&{excerpt(event.anchor)[1:-1]}) är inte tillåtna",
                                     "skriv ut värdet där det behövs; datafilerna använder inga ankare eller alias")])
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise DataError([_too_deep(rel, line, ())])
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _dotted(path: Path_) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


dotted = _dotted


def load(file: Path, rel: str, compact: bool = False) -> Document:
    """Parse one YAML file safely. Raises DataError with file and line on any problem.

    `compact` (the loader's documents, which the model keeps): sequences become tuples, not lists, and lines are
    kept down to LINES_DEPTH (Document.line reads the file again for a deeper one). Nothing is built only to be
    thrown away when the model is frozen: the national model takes 43 MB less memory (docs/prestanda.md)."""
    size = file.stat().st_size
    if size > MAX_FILE_BYTES:
        raise DataError([Problem(rel, 1, "", f"filen är för stor: {size} byte, högst {MAX_FILE_BYTES} byte tillåts",
                                 "dela upp uppgifterna på flera filer")])
    with file.open("rb") as stream:
        raw = stream.read(MAX_FILE_BYTES + 1)
    if len(raw) > MAX_FILE_BYTES:  # it grew after stat
        raise DataError([Problem(rel, 1, "", f"filen är för stor: högst {MAX_FILE_BYTES} byte tillåts")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError([Problem(rel, line, "", "filen måste vara kodad i UTF-8",
                                 f"byte {exc.start} är inte giltig UTF-8; spara om filen som UTF-8")]) from None
    if not text.strip():
        raise DataError([Problem(rel, 1, "", "filen är tom; ett YAML-objekt förväntades")])
    loader = _Loader(text)
    # Escapes ("\u202e") and raw control characters are the only ways to one in a value: without either, no
    # text value needs checking
    loader.check_text = "\\" in text or CONTROL_CHARACTERS.search(text) is not None
    if compact:
        loader.lines_depth, loader.sequence = LINES_DEPTH, tuple
    try:
        if _MAYBE_ANCHOR.search(text) or _may_nest_deeply(text):
            _scan(text, rel)
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
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow at all (raw control characters)
        line = text[: exc.position].count("\n") + 1 if isinstance(exc.position, int) else None
        char = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "?")
        raise DataError([Problem(rel, line, "", f"otillåtet tecken U+{char:04X} i filen",
                                 "ta bort tecknet; styrtecken hör inte hemma i datafilerna")]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise DataError([Problem(rel, mark.line + 1 if mark else None, "",
                                 f"YAML-syntaxfel: {problem}")]) from None
    finally:
        loader.dispose()
    return Document(rel, data, lines, file if compact else None, LINES_DEPTH if compact else None)
