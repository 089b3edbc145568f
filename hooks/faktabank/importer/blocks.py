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
    blocks += _text_blocks(lines, used | {line - 1 for b in blocks for line, _ in b.rows})
    blocks.sort(key=lambda b: b.first_line)
    return blocks


def _tokens(line: str) -> list[tuple[int, int, str]]:
    """Runs of text separated by two or more spaces: (start, end, text)."""
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(line)]


def _numeric(text: str) -> bool:
    return parse_number(clean(text)) is not None or clean(text) in DASHES


def _figure_line(line: str) -> bool:
    """A row with at least one figure after its first run (a row of years is a header, not figures)."""
    toks = _tokens(line)
    return (len(toks) >= 2 and any(_numeric(t[2]) and not _YEARISH.fullmatch(clean(t[2])) for t in toks[1:])
            and len(line.strip()) < 220)


_YEARISH = re.compile(r"(19|20)\d{2}|\d{6}|\d{2}-\d{2}-\d{2}|(19|20)\d{2}-\d{2}-\d{2}")


def _rubric(line: str) -> bool:
    """A heading row inside a space-aligned table: one short run of text."""
    toks = _tokens(line)
    return len(toks) == 1 and len(toks[0][2]) < 60 and not _numeric(toks[0][2])


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
            # heading rows inside the table (up to three), followed by more figure rows
            k = j
            while k < n and k - j < 3 and k not in used and _rubric(lines[k]):
                k += 1
            if k > j and k < n and k not in used and _figure_line(lines[k]):
                j = k
                continue
            break
        figure_rows = sum(1 for k in range(start, end + 1) if _figure_line(lines[k]))
        # the header above (no blank line between): lines of several runs, and heading rows under the header
        top = start
        k = start - 1
        while k >= 0 and k not in used and lines[k].strip() and start - k <= 6 and not _figure_line(lines[k]):
            toks = _tokens(lines[k])
            if len(toks) >= 2:
                top = k
            elif not (_rubric(lines[k]) or lines[k].startswith("  ")):
                break
            k -= 1
        single = (figure_rows == 1 and top < start
                  and sum(1 for t in _tokens(lines[start])[1:] if _numeric(t[2])) >= 3)
        if figure_rows < 2 and not single:  # one row of figures is a table only under a header
            i = end + 1
            continue
        rows = [(k + 1, lines[k]) for k in range(top, end + 1) if lines[k].strip()]
        blocks.append(Block("space", _align(rows)))
        i = end + 1
    return blocks


def _align(rows: list[tuple[int, str]]) -> list[tuple[int, list[str]]]:
    """Cells of space-aligned rows. Figures are right-aligned: those that end at the same place make a column.
    Text to the left of every column is the row's text (with a project code before it, and however far it is
    indented); other text goes to the column it stands over."""
    toks = {line: _tokens(text) for line, text in rows}
    ends: list[int] = []
    for t in toks.values():
        texts = any(not _numeric(x[2]) for x in t)
        for k, (_s, e, text) in enumerate(t):
            if clean(text) in DASHES:
                continue  # a dash may stand anywhere in its cell: it does not mark a column's edge
            if _numeric(text) and (k > 0 or not texts) and not (k == 0 and _numeric(text) and len(t) > 1
                                                                  and not _numeric(t[1][2])):
                ends.append(e)
    ends.sort()
    clusters: list[list[int]] = []
    for e in ends:
        if clusters and e - clusters[-1][-1] <= 3:
            clusters[-1].append(e)
        else:
            clusters.append([e])
    edges = [max(c) for c in clusters]
    spans = [[edge, edge] for edge in edges]
    for t in toks.values():
        for s, e, text in t:
            if _numeric(text) and edges and clean(text) not in DASHES:
                col = min(range(len(edges)), key=lambda c: abs(edges[c] - e))
                if abs(edges[col] - e) <= 3:
                    spans[col][0] = min(spans[col][0], s)
    left = min((sp[0] for sp in spans), default=10**6)
    margin = min((t[0][0] for t in toks.values() if t), default=0)
    out: list[tuple[int, list[str]]] = []
    for line, t in toks.items():
        cells = [""] * (len(edges) + 1)
        figures = any(_numeric(x[2]) and any(abs(edge - x[1]) <= 3 for edge in edges) for x in t)
        for s, e, text in t:
            aligned = _numeric(text) and any(abs(edge - e) <= 3 for edge in edges)
            # row text: left of the figures on a row of figures or a lone heading row; on a header row only
            # what starts near the margin (a column heading may stand left of its right-aligned figures)
            code_only = not cells[0] or bool(re.fullmatch(r"[0-9*][0-9*./-]{0,7}", cells[0]))
            near = (figures and code_only) or len(t) == 1 or s - margin <= 12
            if (e <= left + 1 and near and not aligned
                    and (not _numeric(text) or any(not _numeric(x[2]) for x in t))):
                cells[0] = (cells[0] + " " + text).strip()
                continue
            if not edges:
                cells[0] = (cells[0] + " " + text).strip()
                continue
            if _numeric(text) and clean(text) not in DASHES:
                col = min(range(len(edges)), key=lambda c: abs(edges[c] - e))
            elif clean(text) in DASHES:  # columns are right-aligned: a dash belongs to the first edge at its right
                col = next((c for c in range(len(edges)) if e <= edges[c] + 1), len(edges) - 1)
            else:  # a heading word: the column it overlaps most, else the nearest by its middle
                def overlap(c: int, s: int = s, e: int = e) -> int:
                    return min(e, spans[c][1]) - max(s, spans[c][0])
                col = max(range(len(edges)), key=overlap)
                if overlap(col) <= 0:
                    col = min(range(len(edges)), key=lambda c: abs((spans[c][0] + spans[c][1]) / 2 - (s + e) / 2))
            cells[col + 1] = (cells[col + 1] + " " + text).strip()
        out.append((line, cells))
    return out


def _text_blocks(lines: list[str], used: set[int]) -> list[Block]:
    """Space-aligned tables of names (board, auditors): a header naming ordinarie/ledamot and ersättare or a
    function, and the rows under it up to a blank line. Each run goes to the header column it overlaps most."""
    blocks: list[Block] = []
    for i, line in enumerate(lines):
        if i in used or "\t" in line or line.lstrip().startswith("|"):
            continue
        head = _tokens(line)
        words = " ".join(t[2] for t in head)
        board = re.search(r"ordinarie|ledamot", words, re.I) and re.search(r"ersättare", words, re.I)
        auditors = re.search(r"\bfunktion\b", words, re.I) and re.search(r"\bnamn\b|revisor", words, re.I)
        if len(head) < 2 or not (board or auditors) or len(words) > 120:
            continue
        rows = [(i + 1, line)]
        j = i + 1
        while j < len(lines) and lines[j].strip() and j not in used and len(_tokens(lines[j])) >= 2:
            rows.append((j + 1, lines[j]))
            j += 1
        if len(rows) < 2:
            continue
        spans = [(s, e) for s, e, _ in head]
        bounds = [(spans[k][0], spans[k + 1][0] if k + 1 < len(spans) else 10**6) for k in range(len(spans))]
        out = []
        for number, text in rows:
            cells = [""] * len(spans)
            reach = [(min(bounds[k][0], spans[k][0]), max(bounds[k][1], spans[k][1])) for k in range(len(spans))]
            for s, e, token in _tokens(text):
                col = max(range(len(reach)), key=lambda k, s=s, e=e: min(e, reach[k][1]) - max(s, reach[k][0]))
                cells[col] = (cells[col] + " " + token).strip()
            out.append((number, cells))
        blocks.append(Block("space", out))
    return blocks
