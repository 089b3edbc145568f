"""crossref.values: the values crossref.walk finds, in the same order, without their paths (the fast path of the
cross-reference checks and of prune)."""

from __future__ import annotations

import pytest

from conftest import ROOT
from faktabank.load import crossref
from faktabank.load.loader import read_documents

PATTERNS = [p for p, _ in crossref.REPORT_REFS] + list(crossref.REPORT_DATES) + [("handelser", "*", "datum"), ()]


def test_values_are_what_walk_finds_in_every_report() -> None:
    docs, problems = read_documents(ROOT)
    reports = [doc.data for kind, doc in docs if kind == "rapport"]
    assert reports and not problems
    found = 0
    for data in reports:
        for pattern in PATTERNS:
            expected = [value for _, value in crossref.walk(data, pattern)]
            assert crossref.values(data, pattern) == expected, pattern
            found += len(expected)
    assert found > 500


@pytest.mark.parametrize("data", [
    {"a": [{"b": 1}, {"c": 2}, {"b": [3, 4]}, "text", None]},
    {"a": {"b": 1}},  # not a list where '*' is asked for
    {"a": [[{"b": 5}], {"b": 6}]},
    [{"a": 1}],  # not a mapping where a key is asked for
    {"a": []},
])
def test_values_follow_walk_where_the_shape_differs(data: object) -> None:
    for pattern in [("a", "*", "b"), ("a", "*"), ("a", "*", "*", "b"), ("a",), ("*", "a"), ()]:
        assert crossref.values(data, pattern) == [value for _, value in crossref.walk(data, pattern)]
