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
    assert years == [2021, 2022]
    assert [(label, parter) for label, parter, _ in grid] == [("Staten", ("af", "fk")), ("Kommunerna", ("k1",))]
    staten, kommunerna = grid[0][2], grid[1][2]
    assert [c.fact.value for c in staten] == [500, 512]
    assert kommunerna[0] is None and kommunerna[1].fact.value == 200
    assert contribution_grid([]) == ([], [])
