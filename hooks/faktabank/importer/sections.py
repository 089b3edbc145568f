"""The report's headings, so that every figure can say which section (`avsnitt`) it comes from.

A heading is a Markdown heading, a numbered heading (`1.4. Styrning …`, `Not 2. …`), or a short standalone line
that reads like a title. Numbered and Markdown headings open a section; a short title under one names a part of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from faktabank.importer.markup import clean

_MD = re.compile(r"^\s*#{1,6}\s+(.+?)\s*#*\s*$")
_NUMBERED = re.compile(r"^\s*((?:\d{1,2}[.:;]){0,3}\d{1,2}\.?)\s+([A-ZÅÄÖ].*)$")
_NOTE = re.compile(r"^\s*Not\s+(\d{1,2})\b[.:]?\s*(.*)$", re.I)
_TITLE = re.compile(r"^[A-ZÅÄÖ0-9][^.!?;]*$")
_SIGNATURE_TITLE = re.compile(r"^(vice\s+)?(ordförande|ledamot|ordinarie ledamot|ersättare|revisor|förtroendevald|"
                              r"auktoriserad|förbundschef|samordnare|styrelseordförande)\b", re.I)


def _signature(lines: list[str], i: int) -> bool:
    """A name standing over its title in a signature block, not a heading."""
    if not re.fullmatch(r"[A-ZÅÄÖÉÜ][a-zåäöéèü]+(?:[- ][A-ZÅÄÖÉÜ][a-zåäöéèü]+){1,3}", clean(lines[i])):
        return False
    for k in range(i + 1, min(i + 4, len(lines))):
        t = clean(lines[k])
        if t:
            return bool(_SIGNATURE_TITLE.match(t))
    return False


@dataclass(frozen=True)
class Heading:
    line: int  # 1-based
    text: str
    major: bool
    note: int | None = None


def _standalone(lines: list[str], i: int) -> bool:
    before = i == 0 or not lines[i - 1].strip()
    after = i + 1 >= len(lines) or not lines[i + 1].strip()
    return before or after


def find_headings(lines: list[str]) -> list[Heading]:
    """Every heading, in order."""
    out: list[Heading] = []
    for i, raw in enumerate(lines):
        if "\t" in raw or raw.lstrip().startswith("|") or re.search(r"\S\s{3,}\S", raw.strip()):
            continue
        text = clean(raw)
        if not text or len(text) > 90:
            continue
        m = _MD.match(raw)
        if m:
            title = clean(m.group(1))
            if title:
                out.append(Heading(i + 1, title, True))
            continue
        note = _NOTE.match(text)
        if note and len(text.split()) <= 10 and _standalone(lines, i):
            out.append(Heading(i + 1, text, False, int(note.group(1))))
            continue
        m = _NUMBERED.match(text)
        if m and len(text.split()) <= 12 and not text.endswith((".", ",", ";")) and _standalone(lines, i):
            out.append(Heading(i + 1, text, True))
            continue
        words = text.split()
        if _signature(lines, i) or re.search(r"\((ordinarie|ersättare|ord|ers)\)", text, re.I) or (
                ":" in text and "," in text) or re.match(r"^[\wåäöÅÄÖ ]{3,30}[:;]\s+\S", text):
            continue  # a signature, a line of the board, or a 'Label: value' line
        if (len(words) <= 9 and _TITLE.match(text) and not text.endswith(":") and _standalone(lines, i)
                and any(ch.isalpha() for ch in text) and not re.search(r"\d{4}-\d{2}-\d{2}$", text)):
            out.append(Heading(i + 1, text, False))
    return out


class Sections:
    """Which section a source line belongs to."""

    def __init__(self, lines: list[str]) -> None:
        self.headings = find_headings(lines)

    def at(self, line: int) -> str:
        """The `avsnitt` for a 1-based source line: the open numbered heading, and the title under it, if any."""
        major = minor = None
        for h in self.headings:
            if h.line > line:
                break
            if h.major:
                major, minor = h, None
            else:
                minor = h
        parts = [h.text for h in (major, minor) if h is not None]
        return " – ".join(parts) if parts else "Inledning"

    def note_at(self, line: int, within: int = 6) -> int | None:
        """The note number when a `Not N …` heading stands just above the line."""
        above = [h for h in self.headings if h.line <= line]
        if above and above[-1].note is not None and line - above[-1].line <= within:
            return above[-1].note
        return None
