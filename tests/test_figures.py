"""The member-contribution table of a förbund page (figures.contribution_grid): years in order, labels in
the order they first appear with the members of their first row, and for each year the figure of the latest
report that gives one, the last of that report's rows when it gives several. (The build tests compare whole
sites.)"""

from __future__ import annotations

from faktabank.derive.figures import Contribution, Fact, contribution_grid


def _c(label: str, parter: tuple[str, ...], year: int, report: str, value: int) -> Contribution:
    return Contribution(parter, label, Fact(value, "tkr", value * 1000, report, "tabell-not-3", "Not 3", year, str(year)))


def test_contribution_grid() -> None:
    found = [
        _c("Staten", ("af", "fk"), 2021, "x-2022", 500),
        _c("Kommunerna", ("k1",), 2022, "x-2022", 200),
        _c("Staten", ("fk",), 2022, "x-2022", 510),
        _c("Staten", ("af", "fk"), 2021, "x-2021", 499),  # an earlier report: the later one's figure is shown
        _c("Staten", ("af", "fk"), 2022, "x-2023", 511),
        _c("Staten", ("af", "fk"), 2022, "x-2023", 512),  # the same report twice: its last row
    ]
    years, grid = contribution_grid(found)
    assert years == ["2021", "2022"]
    assert [(label, parter) for label, parter, _ in grid] == [("Staten", ("af", "fk")), ("Kommunerna", ("k1",))]
    staten, kommunerna = grid[0][2], grid[1][2]
    assert [c.fact.value for c in staten] == [500, 512]
    assert kommunerna[0] is None and kommunerna[1].fact.value == 200
    assert contribution_grid([]) == ([], [])


def test_part_of_a_year_is_its_own_column() -> None:
    """A delårsrapport's outcome for January–June is a column of its own after its year, never the year's."""
    half = Contribution(("k1",), "Kommunerna", Fact(375, "tkr", 375_000, "x-2019-delar", "tabell-e", "E", 2019,
                                                    "Utfall 19-06-30", "januari–juni 2019"))
    years, grid = contribution_grid([half, _c("Kommunerna", ("k1",), 2019, "x-2019", 700),
                                     _c("Kommunerna", ("k1",), 2018, "x-2019", 650)])
    assert years == ["2018", "2019", "januari–juni 2019"]
    assert [c.fact.value for c in grid[0][2]] == [650, 700, 375]
