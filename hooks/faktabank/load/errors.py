"""The one error format for data problems: file, line, field, what was expected."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One problem found in a data file."""

    file: str
    line: int | None
    field: str
    expected: str
    hint: str = ""

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
