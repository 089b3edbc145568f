"""A table block → header, columns and rows: headers over one or more lines (a group heading spans the empty
cells to its right), the row-text column, a note column (`Not`), a project-number column, and a new part of the
table wherever a header row appears again below figure rows."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from faktabank.importer.blocks import Block
from faktabank.importer.markup import clean, is_bold
from faktabank.importer.numbers import DASHES, is_year, parse_number

_DATE_LABEL = re.compile(r"^(\d{6}|\d{2}-\d{2}-\d{2}|\d{4}-\d{2}-\d{2})$")


@dataclass
class Row:
    line: int
    text: str
    cells: list[str]
    bold: bool = False
    note: int | None = None
    project: str | None = None


@dataclass
class Grid:
    """One table: column labels, the label column's header (often the unit), and rows of cleaned cells."""

    first_line: int
    last_line: int
    layout: str
    corner: str  # the header text above the row texts, e.g. "Belopp i kr."
    corner_last: str  # that of the header's last line (e.g. "Proj.nr")
    labels: list[str]
    rows: list[Row] = field(default_factory=list)
    has_row_text: bool = True


def _headerish(cell: str) -> bool:
    """A cell that can stand in a header: words, a year, a date like 131231."""
    c = cell.strip()
    if not c:
        return True
    return parse_number(c) is None or is_year(c) or bool(_DATE_LABEL.match(c))


def _figure(cell: str) -> bool:
    c = cell.strip()
    return bool(c) and (parse_number(c) is not None or c in DASHES) and not is_year(c)


def grids(block: Block) -> list[Grid]:
    """The block's table(s)."""
    raw = [(line, [clean(c) for c in cells], is_bold("".join(cells))) for line, cells in block.rows]
    width = max(len(c) for _, c, _ in raw)
    raw = [(line, cells + [""] * (width - len(cells)), bold) for line, cells, bold in raw]
    keep = [0] + [k for k in range(1, width) if any(cells[k] for _, cells, _ in raw)]
    raw = [(line, [cells[k] for k in keep], bold) for line, cells, bold in raw]
    out: list[Grid] = []
    header: list[list[str]] = []
    current: Grid | None = None
    pending_header_start = raw[0][0] if raw else 0
    for index, (line, cells, bold) in enumerate(raw):
        figures = any(_figure(c) and not (current is None and _DATE_LABEL.match(c)) for c in cells[1:])
        if current is None:
            filled = sum(1 for c in cells[1:] if c)
            below_rule = block.ruled is not None and index >= block.ruled
            if below_rule and cells[0] and any(sum(1 for c in h[1:] if c) >= 2 for h in header):
                figures = True  # the header stood above the |---| rule: what follows is the body
            if below_rule and any(re.search(r"\d", c) and not is_year(c) for c in cells if c):
                figures = True  # below the |---| rule, a row with figures in its text is a body row
            titles_only = all(not any(h[1:]) for h in header)  # so far only title lines above the header
            if not figures and all(_headerish(c) for c in cells[1:]) and (filled >= 2 or titles_only):
                header.append(cells)
                continue
            current = _start(block, header, pending_header_start, line)
            header = []
        elif not figures and any(cells[1:]) and all(is_year(c) or not c for c in cells[1:]):
            continue  # the header repeated (a table continued on the next page)
        elif (not figures and not cells[0] and sum(1 for c in cells[1:] if c) >= 2
              and all(parse_number(c) is None or is_year(c) for c in cells[1:])):
            # a header row again below figure rows: a new part of the table
            out.append(current)
            current = None
            header = [cells]
            pending_header_start = line
            continue
        _add_row(current, line, cells, bold)
    if current is None and header:
        current = _start(block, header[:1], pending_header_start, pending_header_start)
        for line, cells, bold in raw:
            if line > pending_header_start:
                _add_row(current, line, cells, bold)
    if current is not None:
        out.append(current)
    return [g for g in out if g.rows]


def _start(block: Block, header: list[list[str]], first: int, line: int) -> Grid:
    width = max((len(h) for h in header), default=0)
    if not header:
        width = len(block.rows[0][1])
    filled: list[list[str]] = []
    for depth, cells in enumerate(header):
        cells = list(cells)
        if depth < len(header) - 1:  # a group heading spans the empty cells to its right
            for k in range(2, len(cells)):
                if not cells[k] and cells[k - 1] and k - 1 >= 1:
                    cells[k] = cells[k - 1]
        filled.append(cells)
    corner = " ".join(h[0] for h in filled if h and h[0]).strip()
    labels = [" ".join(h[k] for h in filled if k < len(h) and h[k]).strip() for k in range(1, width)]
    last = next((h[0] for h in reversed(filled) if h and h[0]), "")
    return Grid(first_line=first, last_line=line, layout=block.layout, corner=corner, corner_last=last,
                labels=labels)


def _add_row(grid: Grid, line: int, cells: list[str], bold: bool) -> None:
    values = cells[1:]
    values += [""] * (len(grid.labels) - len(values))
    grid.rows.append(Row(line=line, text=cells[0], cells=values[: max(len(grid.labels), len(values))], bold=bold))
    grid.last_line = line


def settle_columns(grid: Grid) -> None:
    """Move the note and project-number columns into the rows; find a table without a row-text column."""
    labels = [label.lower().strip(" .:;") for label in grid.labels]
    corner = grid.corner_last.lower().strip(" .:;")
    first_numeric = bool(grid.rows) and sum(1 for r in grid.rows if r.cells and _figure(r.cells[0])) * 2 > len(grid.rows)
    if re.fullmatch(r"proj(ekt)?\.?\s?(nr|nummer)|projnr|nr", corner) and labels and first_numeric:
        # the project code and the text share the first cell ('201 Styrelsen'): split them
        for row in grid.rows:
            m = re.match(r"^([0-9*][0-9A-Za-z*./-]{0,9})\s+(\S.*)$", row.text)
            if m:
                row.project, row.text = m.group(1), m.group(2)
    elif re.fullmatch(r"proj(ekt)?\.?\s?(nr|nummer)|projnr|nr", corner) and labels:
        # | Proj.nr | (text) | figures … : the first cell is the project number, the next the row text
        for row in grid.rows:
            project, text = row.text, row.cells[0] if row.cells else ""
            row.text = text
            row.project = project or None
            row.cells = row.cells[1:]
        grid.labels = grid.labels[1:]
        labels = labels[1:]
    for k, label in enumerate(labels):
        if label in ("not", "not nr", "noter"):
            for row in grid.rows:
                cell = row.cells[k] if k < len(row.cells) else ""
                number = parse_number(cell)
                if number is not None and isinstance(number.value, int) and 0 < number.value < 100:
                    row.note = number.value
                if k < len(row.cells):
                    del row.cells[k]
            del grid.labels[k]
            break
    for k in range(len(grid.labels)):
        column = [r.cells[k] for r in grid.rows if k < len(r.cells) and r.cells[k]]
        if (not grid.labels[k] and column and any(grid.labels) and len(grid.labels) > 1
                and all(re.fullmatch(r"[1-9]|[12]\d", c) for c in column)):
            for row in grid.rows:  # an unlabelled column of small whole numbers: the note references
                if k < len(row.cells):
                    row.note = int(row.cells[k]) if row.cells[k] else None
                    del row.cells[k]
            del grid.labels[k]
            break
    if grid.rows and grid.corner and all(_figure(r.text) or not r.text for r in grid.rows):
        # every row starts with a figure: the first column holds values, not row texts
        grid.labels = [grid.corner, *grid.labels]
        grid.corner = ""
        grid.has_row_text = False
        for row in grid.rows:
            row.cells = [row.text, *row.cells]
            row.text = ""
