"""The one error format for data problems: file, line, field, what was expected.

A message never quotes more than a short excerpt of a value (`excerpt`), and a message as a whole is cut at
MAX_MESSAGE_CHARS, so that a huge or hostile value (or a file that is not data at all) is never echoed whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from faktabank.load.limits import EXCERPT_CHARS

MAX_MESSAGE_CHARS = 600  # the message and the hint of one problem, each


def excerpt(value: Any) -> str:
    """A value as a message quotes it: its repr (control characters escaped), at most EXCERPT_CHARS long."""
    text = repr(value)
    if len(text) <= EXCERPT_CHARS:
        return text
    size = f"{len(value)} tecken" if isinstance(value, str) else type(value).__name__
    return f"{text[:EXCERPT_CHARS]}… ({size})"


def short(text: str) -> str:
    """A name as a message quotes it: as it is when it is short and printable, else as an excerpt."""
    return text if len(text) <= EXCERPT_CHARS and text.isprintable() else excerpt(text)


def _cut(text: str) -> str:
    return text if len(text) <= MAX_MESSAGE_CHARS else text[:MAX_MESSAGE_CHARS] + "…"


@dataclass(frozen=True)
class Problem:
    """One problem found in a data file."""

    file: str
    line: int | None
    field: str
    expected: str
    hint: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "field", _cut(self.field))
        object.__setattr__(self, "expected", _cut(self.expected))
        object.__setattr__(self, "hint", _cut(self.hint))

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        text = f"{where}: {self.field or '(dokument)'}: {self.expected}"
        if self.hint:
            text += f" (tips: {self.hint})"
        return text


class DataError(Exception):
    """Raised when data under data/ is invalid; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.file, p.line or 0, p.field))
        super().__init__("\n".join(str(p) for p in self.problems))
