"""The immutable model built from validated data files.

Top-level entities are frozen dataclasses; the detailed content of a report is
kept as deeply frozen mappings and tuples (`Frozen`), so templates can read it but
nothing can change it once the model is built.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property, wraps
from types import MappingProxyType
from typing import Any, TypeVar

T = TypeVar("T")

UNIT_FACTOR = {"kr": 1, "tkr": 1000, "kkr": 1000}
AMOUNT_UNITS = frozenset(UNIT_FACTOR)


def freeze(value: Any) -> Any:
    """Deep-freeze parsed YAML: dicts become read-only mappings, lists become tuples."""
    if isinstance(value, dict):
        return MappingProxyType({k: freeze(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(freeze(v) for v in value)
    return value


def freeze_parsed(value: Any) -> Any:
    """freeze for parsed YAML that nothing else holds (a document the loader has just read): the nested dicts are
    frozen where they are instead of copied, so the model does not hold a second copy of every report while it is
    built (the copies and the freed originals left the national model 85 MB larger). A value frozen already is
    returned as it is, so a document kept between builds of `mkdocs serve` can be frozen again."""
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, (dict, list)):
                value[key] = freeze_parsed(item)
        return MappingProxyType(value)
    if isinstance(value, list):
        return tuple(freeze_parsed(v) for v in value)
    return value


def thaw(value: Any) -> Any:
    """The inverse of freeze, for JSON export."""
    if isinstance(value, Mapping):
        return {k: thaw(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [thaw(v) for v in value]
    return value


@dataclass(frozen=True, slots=True)
class Source:
    """Where a fact comes from: the file and line in data/, the report and its section."""

    file: str
    line: int | None = None
    report: str | None = None
    section: str | None = None


@dataclass(frozen=True, slots=True)
class Organisation:
    id: str
    namn: str
    typ: str
    del_av: str | None
    forkortningar: tuple[str, ...]
    alias: tuple[str, ...]
    tidigare_namn: tuple[Mapping[str, str], ...]
    webb: str | None
    beskrivning: str | None
    intern: str | None
    source: Source


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    namn: str
    alias: tuple[str, ...]
    intern: str | None
    source: Source


@dataclass(frozen=True, slots=True)
class Forbund:
    id: str
    namn: str
    kortnamn: str
    data: Mapping[str, Any]
    source: Source


@dataclass(frozen=True, slots=True)
class Insats:
    id: str
    forbund: str
    namn: str
    typ: str
    projektnummer: str | None
    alias: tuple[str, ...]
    teman: tuple[str, ...]
    beskrivning: str | None
    intern: str | None
    source: Source


@dataclass(frozen=True, slots=True)
class Term:
    """A glossary entry (data/ordlista.yaml)."""

    id: str
    term: str
    utlast: str | None
    forklaring: str
    former: tuple[str, ...]
    tips: bool
    se_aven: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell: the value as the report prints it and, for amounts, in kronor."""

    value: int | float | str | None
    unit: str
    kronor: int | None

    @property
    def is_number(self) -> bool:
        return isinstance(self.value, (int, float)) and not isinstance(self.value, bool)


@dataclass(frozen=True, slots=True)
class Column:
    id: str
    rubrik: str
    ar: int | None
    datum: str | None
    slag: str | None
    enhet: str
    summerar: tuple[str, ...] = ()  # the columns this column adds up ("-id": subtracted), as the data marks them


@dataclass(frozen=True, slots=True)
class Row:
    text: str
    slag: str
    note: int | None
    projekt: str | None
    insats: str | None
    parter: tuple[str, ...]
    nyckel: str | None
    cells: tuple[Cell, ...]
    line: int | None
    id: str | None = None
    summerar: tuple[str, ...] = ()  # the rows this row adds up ("-ref": subtracted), as the data marks them


@dataclass(frozen=True, slots=True)
class Table:
    id: str
    typ: str
    rubrik: str
    avsnitt: str
    enhet: str
    note: int | None
    kommentar: str | None
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    source: Source

    def cell(self, nyckel: str, column_id: str) -> Cell | None:
        """The cell of the row with `nyckel` in the column `column_id`, if any."""
        index = next((i for i, c in enumerate(self.columns) if c.id == column_id), None)
        for row in self.rows:
            if row.nyckel == nyckel and index is not None and index < len(row.cells):
                return row.cells[index]
        return None


@dataclass(frozen=True, slots=True)
class Report:
    id: str
    forbund: str
    typ: str
    fran: str
    till: str
    status: str
    data: Mapping[str, Any]
    tables: tuple[Table, ...]
    source: Source

    @property
    def year(self) -> int:
        return int(self.till[:4])

    def year_cells(self, typs: tuple[str, ...] | None, keys: Iterable[str],
                   kinds: tuple[str | None, ...] = (None, "utfall")) -> Iterator[tuple[int, Table, Row, Column, Cell]]:
        """(table index, table, row, column, cell) for every cell of a keyed row in a year column.

        Only tables of `typs` (all when None), rows whose `nyckel` is in `keys`, columns with a year
        whose `slag` is in `kinds`, and cells that hold a value.
        """
        for index, t in enumerate(self.tables):
            if typs is not None and t.typ not in typs:
                continue
            for row in t.rows:
                if row.nyckel not in keys:
                    continue
                for col, cell in zip(t.columns, row.cells, strict=False):
                    if col.ar is not None and col.slag in kinds and cell.value is not None:
                        yield index, t, row, col, cell

    @property
    def partial(self) -> bool:
        """A report for part of a year (a delårsrapport): its figures for the period never stand for the year."""
        return self.typ != "arsredovisning"

    @property
    def title(self) -> str:
        kind = "Årsredovisning" if self.typ == "arsredovisning" else "Delårsrapport"
        return f"{kind} {self.year}" if self.typ == "arsredovisning" else f"{kind} {self.fran} – {self.till}"


@dataclass(frozen=True)
class Model:
    organisations: Mapping[str, Organisation]
    persons: Mapping[str, Person]
    forbund: Mapping[str, Forbund]
    insatser: Mapping[str, Insats]
    reports: Mapping[str, Report]
    glossary: tuple[Term, ...] = ()
    edition: str = "public"
    upto: int | None = None
    files: tuple[str, ...] = field(default=())

    def reports_of(self, forbund_id: str) -> tuple[Report, ...]:
        return self._of_forbund[0].get(forbund_id, ())

    def insatser_of(self, forbund_id: str) -> tuple[Insats, ...]:
        return self._of_forbund[1].get(forbund_id, ())

    @cached_property
    def _of_forbund(self) -> tuple[dict[str, tuple[Report, ...]], dict[str, tuple[Insats, ...]]]:
        """Each förbund's reports (in date order) and insatser (by number), sorted once rather than once a page."""
        reports: dict[str, list[Report]] = {}
        for r in sorted(self.reports.values(), key=lambda r: (r.till, r.id)):
            reports.setdefault(r.forbund, []).append(r)
        insatser: dict[str, list[Insats]] = {}
        for i in sorted(self.insatser.values(), key=lambda i: (i.projektnummer or "~", i.namn)):
            insatser.setdefault(i.forbund, []).append(i)
        return ({k: tuple(v) for k, v in reports.items()}, {k: tuple(v) for k, v in insatser.items()})


def once_per_model(make: Callable[[Model], T]) -> Callable[[Model], T]:
    """`make(model)`, made once per model and shared by whoever asks (pages, charts, open data; a forked process
    inherits it). The last two models are kept: a build has one, and a test may alternate two editions."""
    cache: list[tuple[Model, T]] = []

    @wraps(make)
    def of(model: Model) -> T:
        for cached_model, value in cache:
            if cached_model is model:
                return value
        value = make(model)
        cache[:] = [*cache[-1:], (model, value)]
        return value

    return of
