"""Read table rows straight from the plain-text source reports (tab- or pipe-separated)."""

from __future__ import annotations

import re

NUMBER = re.compile(r"^[+\-−]?\s*\d{1,3}(?:[ .\u00a0]\d{3})*(?:\s*%)?$|^[+\-−]?\s*\d+(?:\s*%)?$")


def parse_number(cell: str) -> int | None:
    """'4.511.722' → 4511722, '- 2.904' → -2904, '+394.153' → 394153, '93%' → 93, '4 507 988' → 4507988."""
    text = cell.strip().replace("\u2212", "-")
    if not NUMBER.match(text):
        return None
    sign = -1 if text.startswith("-") else 1
    digits = re.sub(r"[^\d]", "", text)
    return sign * int(digits)


def split_row(line: str) -> list[str]:
    if line.lstrip().startswith("|"):
        return [c.strip() for c in line.strip().strip("|").split("|")]
    return [c.strip() for c in line.split("\t")]


def row_signature(cells: list[str]) -> tuple[str, tuple[int, ...]] | None:
    """(first text cell, all numbers in order), or None for rows without a label or without numbers."""
    label = next((c for c in cells if c and parse_number(c) is None), None)
    numbers = tuple(n for n in (parse_number(c) for c in cells) if n is not None)
    if not label or not numbers or label.startswith("Belopp i"):
        return None  # no label, no figures, or a column-heading row ("Belopp i kr. | Not | 2023 | 2022")
    return label, numbers


def section(text: str, start: str, end: str) -> str:
    """The text from the line that starts with `start` to the next line that starts with `end`."""
    lines = text.splitlines()
    begin = next(i for i, line in enumerate(lines) if line.startswith(start))
    stop = next(i for i, line in enumerate(lines[begin + 1:], begin + 1) if line.startswith(end))
    return "\n".join(lines[begin:stop])


def source_rows(text: str) -> list[tuple[str, tuple[int, ...]]]:
    rows = []
    for line in text.splitlines():
        if "\t" not in line and not line.lstrip().startswith("|"):
            continue
        if set(line.strip()) <= set("|-: "):
            continue
        sig = row_signature(split_row(line))
        if sig:
            rows.append(sig)
    return rows
