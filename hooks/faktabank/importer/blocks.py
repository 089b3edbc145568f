"""Finding the tables in a text: pipe tables, tab-separated rows and columns aligned with spaces.

A block is a run of source lines that belong to one printed table, as rows of raw cells. Whether a row is a
header, a heading or a figure row is decided later (`tables`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from faktabank.importer.markup import clean
from faktabank.importer.numbers import DASHES, parse_number

_SEPARATOR = re.compile(r"^\|?[\s:|+-]*-{2,}[\s:|+-]*\|?$")
_TOKEN = re.compile(r"\S+(?: \S+)*")


@dataclass
class Block:
    """One table as printed: its layout and its rows as (1-based source line, raw cells)."""

    layout: str  # "pipe", "tab" or "space"
    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    ruled: int | None = None  # pipe tables: how many rows stand above the |---| rule

    @property
    def first_line(self) -> int:
        return self.rows[0][0]

    @property
    def last_line(self) -> int:
        return self.rows[-1][0]


def find_blocks(lines: list[str]) -> list[Block]:
    """Every table block in the text, in order."""
    blocks: list[Block] = []
    used: set[int] = set()
    i = 0
    while i < len(lines):
        stripped = lines[i].strip()
        if stripped.startswith("|") and stripped.count("|") >= 2:
            block = Block("pipe")
            while i < len(lines) and lines[i].strip().startswith("|"):
                row = lines[i].strip()
                if _SEPARATOR.match(row):
                    if block.ruled is None:
                        block.ruled = len(block.rows)
                else:
                    inner = row[1:-1] if row.endswith("|") and len(row) > 1 else row[1:]
                    block.rows.append((i + 1, inner.split("|")))
                used.add(i)
                i += 1
            if block.rows:
                blocks.append(block)
            continue
        if "\t" in lines[i] and lines[i].strip():
            block = Block("tab")
            while i < len(lines) and "\t" in lines[i] and lines[i].strip():
                block.rows.append((i + 1, lines[i].rstrip("\n").split("\t")))
                used.add(i)
                i += 1
            if len(block.rows) >= 2 or len([c for c in block.rows[0][1] if c.strip()]) >= 2:
                blocks.append(block)
            continue
        i += 1
    blocks += _space_blocks(lines, used)
    blocks.sort(key=lambda b: b.first_line)
    return blocks


def _tokens(line: str) -> list[tuple[int, int, str]]:
    """Runs of text separated by two or more spaces: (start, end, text)."""
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(line)]


def _numeric(text: str) -> bool:
    return parse_number(clean(text)) is not None or clean(text) in DASHES


def _figure_line(line: str) -> bool:
    toks = _tokens(line)
    return len(toks) >= 2 and any(_numeric(t[2]) for t in toks[1:]) and len(line.strip()) < 220


def _space_blocks(lines: list[str], used: set[int]) -> list[Block]:
    """Tables whose columns are aligned with spaces (plain text and PDF text layers)."""
    blocks: list[Block] = []
    i = 0
    n = len(lines)
    while i < n:
        if i in used or not _figure_line(lines[i]):
            i += 1
            continue
        start = i
        end = i
        j = i
        while j < n and j not in used:
            if _figure_line(lines[j]):
                end = j
                j += 1
                continue
            # a heading row inside the table: one short text run, followed by more figure rows
            toks = _tokens(lines[j])
            if (len(toks) == 1 and len(toks[0][2]) < 60 and j + 1 < n and (j + 1) not in used
                    and _figure_line(lines[j + 1])):
                j += 1
                continue
            break
        figure_rows = sum(1 for k in range(start, end + 1) if _figure_line(lines[k]))
        if figure_rows < 2:
            i = end + 1
            continue
        # header lines directly above (no blank line between)
        top = start
        while top - 1 >= 0 and (top - 1) not in used and lines[top - 1].strip() and start - top < 3:
            toks = _tokens(lines[top - 1])
            if len(toks) >= 2 or (len(toks) == 1 and lines[top - 1].startswith("  ")):
                top -= 1
            else:
                break
        rows = [(k + 1, lines[k]) for k in range(top, end + 1) if lines[k].strip()]
        blocks.append(Block("space", _align(rows)))
        i = end + 1
    return blocks


def _align(rows: list[tuple[int, str]]) -> list[tuple[int, list[str]]]:
    """Cells of space-aligned rows: the first run is the row's text when it starts at the left margin; the
    others go to the column whose right edge (figures are right-aligned) is nearest."""
    toks = {line: _tokens(text) for line, text in rows}
    margin = min((t[0][0] for t in toks.values() if t), default=0)
    ends: list[int] = []
    for t in toks.values():
        for k, (s, e, text) in enumerate(t):
            if k == 0 and s <= margin + 1 and not _numeric(text):
                continue
            if _numeric(text):
                ends.append(e)
    ends.sort()
    clusters: list[list[int]] = []
    for e in ends:
        if clusters and e - clusters[-1][-1] <= 3:
            clusters[-1].append(e)
        else:
            clusters.append([e])
    edges = [max(c) for c in clusters]
    # each column's span: from the leftmost start to the rightmost end of the figures that end at its edge
    spans = [[edge, edge] for edge in edges]
    for t in toks.values():
        for k, (s, e, text) in enumerate(t):
            if _numeric(text) and not (k == 0 and s <= margin + 1) and edges:
                col = min(range(len(edges)), key=lambda c: abs(edges[c] - e))
                spans[col][0] = min(spans[col][0], s)
    out: list[tuple[int, list[str]]] = []
    for line, t in toks.items():
        cells = [""] * (len(edges) + 1)
        for k, (s, e, text) in enumerate(t):
            if k == 0 and s <= margin + 1 and not _numeric(text):
                cells[0] = text
                continue
            if not edges:
                continue
            if _numeric(text):
                col = min(range(len(edges)), key=lambda c: abs(edges[c] - e))
            else:  # a heading word: the column it overlaps most, else the nearest by its middle
                def overlap(c: int, s: int = s, e: int = e) -> int:
                    return min(e, spans[c][1]) - max(s, spans[c][0])
                col = max(range(len(edges)), key=overlap)
                if overlap(col) <= 0:
                    col = min(range(len(edges)), key=lambda c: abs((spans[c][0] + spans[c][1]) / 2 - (s + e) / 2))
            cells[col + 1] = (cells[col + 1] + " " + text).strip()
        out.append((line, cells))
    return out
