"""The importer's reading of people in a board or auditor cell and in running text: several names in one cell,
roles, vacancies, ord/ers marks and the dates of changes as the reports write them."""

from __future__ import annotations

import pytest

from faktabank.importer.people import Person, parse_date, people_in


@pytest.mark.parametrize(("text", "expected"), [
    ("John Andersson Ordförande", [Person("John Andersson", "ordforande")]),
    ("Anette Englund Vice Ordförande", [Person("Anette Englund", "vice-ordforande")]),
    ("Linnéa Landerstedt, ordförande", [Person("Linnéa Landerstedt", "ordforande")]),
    ("Annelie Furunäs Maria Andersson (from 230301)",
     [Person("Annelie Furunäs"), Person("Maria Andersson", fran="2023-03-01")]),
    ("Linda Kardell Broman", [Person("Linda Kardell Broman")]),
    ("Lena Olsson/ Anette Englund (from 200901)", [Person("Lena Olsson"), Person("Anette Englund", fran="2020-09-01")]),
    ("Kjell Ankarberg, vice ordf. (tom juli 2014) Sten Björkqvist, vice ordf, (fr o m augusti 2014)",
     [Person("Kjell Ankarberg", "vice-ordforande", till="2014-07-31"),
      Person("Sten Björkqvist", "vice-ordforande", fran="2014-08-01")]),
    ("Vakant ord Vakant ers Per Mattsson Ord (from 230130)",
     [Person(None, kind="ordinarie"), Person(None, kind="ersattare"), Person("Per Mattsson", kind="ordinarie",
                                                                             fran="2023-01-30")]),
    ("Dennis Nilsson, **ordförande** (ordinarie), Maria Vallgren-Eriksson (ersättare)",
     [Person("Dennis Nilsson", "ordforande", "ordinarie"), Person("Maria Vallgren-Eriksson", kind="ersattare")]),
])
def test_people_in_a_cell(text: str, expected: list[Person]) -> None:
    assert people_in(text.replace("**", ""), 2020, []) == expected


def test_a_known_name_of_three_words_is_kept_whole() -> None:
    known = ["anna fält skoglund"]
    assert [p.name for p in people_in("Anna Fält Skoglund Per Olsson", 2023, known)] == [
        "Anna Fält Skoglund", "Per Olsson"]


@pytest.mark.parametrize(("text", "end", "date"), [
    ("230301", False, "2023-03-01"), ("1/11-2021", False, "2021-11-01"), ("augusti 2014", False, "2014-08-01"),
    ("juli 2014", True, "2014-07-31"), ("2023-04-24", False, "2023-04-24"), ("1 maj 2023", False, "2023-05-01"),
    ("30 april 2023", True, "2023-04-30"), ("231399", False, None), ("snart", False, None),
])
def test_dates_of_changes(text: str, end: bool, date: str | None) -> None:
    assert parse_date(text, 2023, end=end) == date
