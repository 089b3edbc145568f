"""The compiled validator (fastjsonschema's code without the paths it builds for its own messages) accepts and
rejects exactly what jsonschema does, on the real data and on changes deep inside it."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import fastjsonschema
import pytest

from faktabank.load import schema
from faktabank.load.loader import kind_of
from faktabank.load.yamlload import load

ROOT = Path(__file__).parent.parent
DATA = ROOT / "data"
FILES = sorted(DATA.rglob("*.yaml"))


def _accepts(validate: Callable[[Any], Any], data: Any) -> bool:
    try:
        validate(data)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


def _reference(kind: str) -> Callable[[Any], Any]:
    """What fastjsonschema compiles itself, paths and all."""
    return fastjsonschema.compile(schema._fast_schema(schema.schema(kind)),
                                  handlers={"https": schema._fast_definitions().__getitem__}, use_default=False,
                                  formats={"date": schema.real_date})


def test_paths_are_no_longer_built() -> None:
    code = schema._fast_code("rapport")
    assert schema._NAME_ARGUMENT.search(code), "fastjsonschema's code has changed: the rewrite no longer applies"
    rewritten = schema._without_names(code)
    assert not schema._NAME_ARGUMENT.search(rewritten)
    assert rewritten.count("locals()") < code.count("locals()")


@pytest.mark.parametrize("file", FILES, ids=lambda f: str(f.relative_to(DATA)))
def test_real_data_is_valid(file: Path) -> None:
    rel = str(file.relative_to(ROOT))
    kind = kind_of(rel)
    assert kind is not None
    data = load(file, rel, compact=True).data  # as the loader reads it: sequences are tuples
    assert _accepts(schema._fast_validator(kind), data)
    assert not list(schema._validator(kind).iter_errors(schema._lists(data)))


def _changes() -> list[tuple[str, Callable[[dict[str, Any]], None]]]:
    """Wrong values deep in lists, where the removed paths were built."""
    def cell(d: dict[str, Any]) -> None:
        row = d["tabeller"][-1]["rader"][-1]
        row["varden"][0] = {"tal": 4}

    def row_field(d: dict[str, Any]) -> None:
        d["tabeller"][0]["rader"][0]["okant"] = 1

    def row_label(d: dict[str, Any]) -> None:
        del d["tabeller"][0]["rader"][0]["text"]

    def insats_amount(d: dict[str, Any]) -> None:
        d["insatser"][0]["ekonomi"] = {"enhet": "kr", "utfall": 1.5}

    def date(d: dict[str, Any]) -> None:
        d["period"]["till"] = "2021-02-30"

    return [("cell", cell), ("row_field", row_field), ("row_label", row_label), ("insats_amount", insats_amount),
            ("date", date)]


def test_changes_deep_down_are_rejected_as_before() -> None:
    file = DATA / "rapporter" / "vasteras-2021.yaml"
    original = schema._lists(load(file, "data/rapporter/vasteras-2021.yaml").data)
    fast, reference = schema._fast_validator("rapport"), _reference("rapport")
    for name, change in _changes():
        data = copy.deepcopy(original)
        change(data)
        by_jsonschema = not list(schema._validator("rapport").iter_errors(data))
        assert not by_jsonschema, name
        assert _accepts(fast, data) is by_jsonschema is _accepts(reference, data), name
