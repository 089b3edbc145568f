"""What a check finds: printed figures, the two sides of a comparison, a finding, and the checks' list.

Shared by the checks of the Datakvalitet page (`reconcile`, `sums`, `plausibility`, `statedfigures`). A figure is
read from the model as printed; a finding never changes it. Amounts are compared in kronor (see `tolerance`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from faktabank.derive.figures import table_anchor
from faktabank.model import UNIT_FACTOR, Cell, Column, Report, Row, Table


@dataclass(frozen=True)
class Check:
    id: str
    title: str
    description: str


CHECKS = (
    Check("not", "Rad mot not",
          "En rad i resultaträkningen eller balansräkningen som hänvisar till en not jämförs med notens summarad "
          "för samma år. Hänvisar flera rader till samma not får de också stämma tillsammans."),
    Check("balans", "Balansräkningen balanserar",
          "Summa tillgångar jämförs med summa eget kapital, avsättningar och skulder i varje kolumn."),
    Check("resultat", "Resultatet",
          "I resultaträkningen: verksamhetens resultat = intäkter − kostnader; resultat efter finansiella poster = "
          "verksamhetens resultat + finansiella intäkter − finansiella kostnader; årets resultat = resultat efter "
          "finansiella poster."),
    Check("likvida-medel", "Likvida medel",
          "Likvida medel vid årets slut i kassaflödesanalysen jämförs med kassa och bank i balansräkningen samma år, "
          "och likvida medel vid årets början med kassa och bank året innan. Både kassa och bank ensamt och kassa och "
          "bank plus kortfristiga placeringar godtas."),
    Check("medlemsbidrag", "Medlemsbidragen",
          "Medlemsbidragen och intäktsraderna under dem (till exempel övriga intäkter) summeras och jämförs med "
          "tabellens summa för intäkterna."),
    Check("oversikt", "Flerårsöversikten",
          "Intäkter, kostnader och resultat i översikten över flera år jämförs med resultaträkningen för samma år, "
          "också med resultaträkningen i förbundets andra rapporter."),
    Check("eget-kapital", "Eget kapital och årets resultat",
          "Förändringen av eget kapital jämförs med årets resultat: summa eget kapital mellan två år, eller övrigt "
          "eget kapital som ska vara förra årets övriga egna kapital plus förra årets resultat. Årets resultat i "
          "balansräkningen jämförs med resultaträkningen."),
    Check("summa", "Summarader och beräknade rader",
          "Varje summarad och varje beräknad rad i varje tabell (noter, driftredovisning, budget och prognos, "
          "kassaflödesanalys, balansräkning, deltagar- och statistiktabeller) jämförs i varje kolumn med raderna den "
          "summerar, så som data anger (summerar). En summarad i en not utan angivelse jämförs med raderna ovanför "
          "den, räknat från förra summaraden, eller med delsummorna. Likaså en uppgift i löptexten som rapporten anger "
          "som summan av andra uppgifter i texten (summerar) och en summapost i en insats fördelning av deltagare, "
          "jämförd med posterna ovanför den."),
    Check("kolumnsumma", "Summakolumner och beräknade kolumner",
          "En kolumn som är summan av eller skillnaden mellan andra kolumner (till exempel netto = intäkt − kostnad, "
          "avvikelse = budget − utfall, totalt = kvinnor + män) jämförs rad för rad med dem."),
    Check("samma-uppgift", "Samma uppgift på två ställen",
          "En siffra i rapportens löptext jämförs med tabellcellen som anger samma sak, två siffror i texten med "
          "samma innebörd och år med varandra, och samma uppgift i två tabeller med varandra."),
    Check("deltagare", "Kvinnor och män",
          "Antalet kvinnor och män bland en insats deltagare jämförs med det totala antalet deltagare."),
    Check("deltagarflode", "Deltagare under året",
          "Deltagarna i en insats under perioden ska vara de som var aktiva vid periodens början plus de nya, och de "
          "som pågår vid periodens slut ska vara deltagarna under perioden minus de avslutade, där rapporten anger "
          "alla tre."),
    Check("avslut", "Avslut och avslutade",
          "Deltagare som gått vidare till arbete, studier eller annat kan inte vara fler än de som avslutat insatsen."),
    Check("andelar", "Andelar av en helhet",
          "Andelar som tillsammans utgör en helhet (till exempel kostnaderna fördelade på administration och insatser) "
          "och medlemmarnas andelar av finansieringen ska bli 100 %. Varje andel är avrundad, så en halv "
          "procentenhet per andel godtas."),
    Check("procent", "Andel av ett antal",
          "En andel som rapporten anger tillsammans med antalet och helheten den räknas av (till exempel 36 av 77, "
          "46 %) jämförs med kvoten, avrundad till lika många decimaler som andelen. Rapporterna avrundar till "
          "närmaste heltal (20 av 31 anges som 65 %, inte 64 %), så en andel som bara stämmer om kvoten avrundas "
          "nedåt listas; står kvoten exakt mitt emellan godtas båda hållen."),
    Check("styrelse", "En plats i styrelsen i taget",
          "Samma person står inte två gånger i samma styrelse under samma tid."),
    Check("enhet", "Tusen gånger för stort eller litet",
          "Samma uppgift för samma år (samma nyckel) i två tabeller, också i förbundets andra rapporter, får inte "
          "skilja med en faktor omkring 1 000; tabellen som avviker från de andra anges."),
)
# Checks whose findings are names and roles, not figures (a `TextFinding` each).
TEXT_CHECKS = (
    Check("underskrifter", "Styrelsen mot underskrifterna",
          "Vilka som undertecknar rapporten som ordförande, vice ordförande, ledamot eller ersättare jämförs med "
          "styrelsens sammansättning som rapporten redovisar den vid periodens slut: en undertecknare som inte finns "
          "i styrelsen, eller som undertecknar med en annan roll än styrelsen anger, listas med båda avsnitten. "
          "Underskrifterna är daterade efter perioden, så en skillnad kan bero på att styrelsen hunnit ändras; "
          "rapporten säger inte det. En rapport som beslutas under en ny mandatperiod (till exempel en rapport "
          "för valåret 2014, beslutad 2015) undertecknas av den nya styrelsen och jämförs inte."),
)
CHECK_TITLE = {c.id: c.title for c in (*CHECKS, *TEXT_CHECKS)}

STATEMENTS = ("resultatrakning", "balansrakning")
ACTUAL = (None, "utfall")  # column kinds that hold the year's outcome
DASHES = frozenset({"-", "–", "—", "−"})


@dataclass(frozen=True)
class Figure:
    """One printed amount and where it stands."""

    value: int | float
    unit: str
    kronor: int | float  # amounts in kronor; counts and shares as printed
    report: str
    table: str
    anchor: str
    table_title: str
    row: str
    column: str
    year: int | None


@dataclass(frozen=True)
class Side:
    """One side of a comparison: a printed figure, or several printed figures combined as `label` says."""

    label: str
    kronor: int
    figures: tuple[Figure, ...]


@dataclass(frozen=True)
class Finding:
    """A disagreement between figures in the sources. `difference` is never negative: in kronor where amounts are
    compared (`unit` "kr"), else in the figures' own unit (persons: "antal", shares: "procent")."""

    check: str
    title: str
    report: str
    year: int | None
    compared: str
    left: Side
    right: Side
    by_magnitude: bool
    tolerance: int
    difference: int | float
    unit: str = "kr"

    @property
    def figures(self) -> tuple[Figure, ...]:
        return self.left.figures + self.right.figures


@dataclass(frozen=True)
class Statement:
    """What one place in a report says, in the faktabank's words: the section (`avsnitt`) and the statement."""

    avsnitt: str
    text: str


@dataclass(frozen=True)
class TextFinding:
    """A disagreement between two places of one report about names or roles: both statements with their sections.
    Nothing is compared in numbers, so there is no difference to give."""

    check: str
    title: str
    report: str
    year: int | None
    compared: str
    left: Statement
    right: Statement


@dataclass(frozen=True)
class NameVariant:
    """A person, organisation, insats or förbund web address (`kind`) that the reports spell in more than one way."""

    kind: str
    id: str
    namn: str
    alias: tuple[str, ...]


# ---------------------------------------------------------------- figures and comparison


class TextCellError(Exception):
    """A cell holds words, so the column cannot be summed."""


def blank(cell: Cell | None) -> bool:
    return cell is None or cell.value is None or (isinstance(cell.value, str) and cell.value.strip() in DASHES)


def cell_at(row: Row, index: int) -> Cell | None:
    return row.cells[index] if index < len(row.cells) else None


def figure_at(report: Report, table: Table, row: Row, index: int) -> Figure | None:
    """The printed number in row × column (an amount, a count, a share), or None when the cell is empty, a dash or words."""
    cell = cell_at(row, index)
    if cell is None or not cell.is_number or (cell.kronor is None and cell.unit in UNIT_FACTOR):
        return None
    column = table.columns[index]
    base = cell.kronor if cell.kronor is not None else cell.value
    return Figure(cell.value, cell.unit, base, report.id, table.id, table_anchor(table), table.rubrik, row.text,
                  column.rubrik, column.ar)


def parts_at(report: Report, table: Table, rows: Iterable[Row], index: int) -> list[Figure]:
    """The amounts of rows in one column; empty cells and dashes count as nothing. Raises TextCellError on words."""
    out = []
    for row in rows:
        cell = cell_at(row, index)
        if blank(cell):
            continue
        figure = figure_at(report, table, row, index)
        if figure is None:
            raise TextCellError
        out.append(figure)
    return out


def tolerance(figures: Iterable[Figure]) -> int:
    """Kronor by which rounded figures may disagree: half a unit per figure in tkr/kkr, rounded up, at least one unit.
    Figures in kr, counts and shares must agree exactly."""
    coarse = [UNIT_FACTOR[f.unit] for f in figures if UNIT_FACTOR.get(f.unit, 1) > 1]
    if not coarse:
        return 0
    return max(coarse) * max(1, math.ceil(len(coarse) / 2))


def gap(left: Side, right: Side, by_magnitude: bool) -> int:
    if by_magnitude:
        return abs(abs(left.kronor) - abs(right.kronor))
    return abs(left.kronor - right.kronor)


def agrees(left: Side, right: Side, by_magnitude: bool) -> bool:
    return gap(left, right, by_magnitude) <= tolerance(left.figures + right.figures)


def side(label: str, figures: Iterable[Figure], kronor: int | None = None) -> Side:
    figures = tuple(figures)
    return Side(label, sum(f.kronor for f in figures) if kronor is None else kronor, figures)


def one(figure: Figure) -> Side:
    return Side(figure.row, figure.kronor, (figure,))


ROUNDING_NOTE = " (skillnaden ryms i avrundningen)"


def finding(check: str, report: Report, year: int | None, compared: str, left: Side, right: Side,
            by_magnitude: bool, exact: bool = True) -> Finding | None:
    """A Finding if the two sides disagree, else None.

    Figures all in one unit are the report's own arithmetic (a sum and its parts, a line and the lines it is computed
    from, the same figure twice): any difference is listed, as adding them up by hand finds it, and one within the
    rounding of figures in tkr or kkr says so in `compared`. Figures in different units (tkr against kr) may differ
    by the rounding (`tolerance`). `exact=False` allows the rounding in one unit too."""
    figures = left.figures + right.figures
    same_unit = exact and len({f.unit for f in figures}) == 1
    allowed = 0 if same_unit else tolerance(figures)
    difference = gap(left, right, by_magnitude)
    if difference <= allowed:
        return None
    if same_unit and difference <= tolerance(figures):
        compared += ROUNDING_NOTE
    by_magnitude = by_magnitude and (left.kronor < 0) != (right.kronor < 0)  # say so only where it mattered
    unit = "kr" if any(f.unit in UNIT_FACTOR for f in figures) or not figures else figures[0].unit
    return Finding(check, CHECK_TITLE[check], report.id, year, compared, left, right, by_magnitude, allowed,
                   gap(left, right, by_magnitude), unit)


def keyed_row(table: Table, key: str) -> Row | None:
    return next((row for row in table.rows if row.nyckel == key), None)


def actual_columns(table: Table) -> Iterator[tuple[int, Column]]:
    for index, column in enumerate(table.columns):
        if column.ar is not None and column.slag in ACTUAL:
            yield index, column


def number_columns(table: Table) -> Iterator[tuple[int, Column]]:
    """Columns that hold numbers (amounts, counts, shares), not words."""
    for index, column in enumerate(table.columns):
        if column.slag != "text" and column.enhet != "text":
            yield index, column


def amount_columns(table: Table) -> Iterator[tuple[int, Column]]:
    for index, column in enumerate(table.columns):
        if column.slag != "text" and column.enhet in UNIT_FACTOR:
            yield index, column


def keyed_figure(report: Report, table: Table, key: str, index: int) -> Figure | None:
    row = keyed_row(table, key)
    return figure_at(report, table, row, index) if row else None


def by_year_of(report: Report, table: Table, key: str) -> dict[int, Figure]:
    out: dict[int, Figure] = {}
    row = keyed_row(table, key)
    if row is None:
        return out
    for index, column in actual_columns(table):
        figure = figure_at(report, table, row, index)
        if figure is not None and column.ar not in out:
            out[column.ar] = figure
    return out


def tables_of(report: Report, *typ: str) -> list[Table]:
    return [t for t in report.tables if t.typ in typ]


def income_block(table: Table) -> tuple[list[Row], Row] | None:
    """The rows from the first member contribution down to the income total below it, and that total."""
    first = next((i for i, row in enumerate(table.rows) if row.nyckel == "medlemsbidrag"), None)
    if first is None:
        return None
    total = next((i for i in range(first + 1, len(table.rows)) if table.rows[i].slag == "summa"
                  or table.rows[i].nyckel in ("summa", "summa-intakter")), None)
    if total is None:
        return None
    return [row for row in table.rows[first:total] if row.slag == "rad"], table.rows[total]
