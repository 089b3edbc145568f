"""Every data file names its JSON Schema on its first line, as editors with a YAML language server read it, and the
schemas work from there: every `$ref` resolves from the schema file's own location (an editor loads them from disk,
not from their `$id`), and each data file validates against the schema its line names."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from faktabank.editor.schemaline import PREFIX, schema_line
from faktabank.load.loader import kind_of
from faktabank.load.yamlload import load
from faktabank.pages.schemadoc import schema_fields

ROOT = Path(__file__).resolve().parent.parent
DATA_FILES = sorted(p for p in (ROOT / "data").rglob("*") if p.is_file())


def _declared(file: Path) -> Path:
    first = file.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith(PREFIX), f"{file}: the first line does not declare a schema"
    return (file.parent / first[len(PREFIX):]).resolve()


def _data(file: Path) -> Any:
    """The file's content as YAML 1.2 reads it (dates stay text), which is how editors' YAML servers read it."""
    return load(file, file.relative_to(ROOT).as_posix()).data


def test_every_data_file_declares_its_schema():
    assert len(DATA_FILES) >= 16
    for file in DATA_FILES:
        rel = file.relative_to(ROOT).as_posix()
        kind = kind_of(rel)
        assert kind, rel
        assert file.read_text(encoding="utf-8").splitlines()[0] == schema_line(rel, kind), rel
        assert _declared(file) == ROOT / "hooks" / "faktabank" / "schemas" / f"{kind}.schema.json"


def _without_ids(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_ids(v) for k, v in value.items() if k != "$id"}
    if isinstance(value, list):
        return [_without_ids(v) for v in value]
    return value


def _from_disk(uri: str) -> Resource:
    """A schema as an editor gets it: read from the file the URI names, its `$id` set aside."""
    assert uri.startswith("file://"), f"a $ref leaves the schema folder: {uri}"
    contents = json.loads(Path(uri.removeprefix("file://")).read_text(encoding="utf-8"))
    return Resource.from_contents(_without_ids(contents))


def test_each_file_validates_against_the_schema_its_line_names():
    registry = Registry(retrieve=_from_disk)
    for file in DATA_FILES:
        schema_file = _declared(file)
        schema = _without_ids(json.loads(schema_file.read_text(encoding="utf-8")))
        schema["$id"] = schema_file.as_uri()  # the base an editor resolves relative $refs against
        errors = list(Draft202012Validator(schema, registry=registry).iter_errors(_data(file)))
        assert not errors, f"{file}: {errors[0].message}"


def test_a_wrong_schema_line_would_be_found(tmp_path):
    """The check itself: a file that declares another kind's schema fails validation against it."""
    report = ROOT / "data" / "rapporter" / "vasteras-2021.yaml"
    wrong = ROOT / "hooks" / "faktabank" / "schemas" / "personer.schema.json"
    schema = _without_ids(json.loads(wrong.read_text(encoding="utf-8")))
    schema["$id"] = wrong.as_uri()
    assert list(Draft202012Validator(schema, registry=Registry(retrieve=_from_disk)).iter_errors(
        _data(report)))


def test_the_loader_reads_past_the_line():
    doc = load(ROOT / "data" / "forbund" / "vasteras.yaml", "data/forbund/vasteras.yaml")
    assert doc.data["id"] == "vasteras" and doc.line(("id",)) == 2


def test_the_hard_blocks_are_described():
    """Editors show a field's description as you type, and `make new` writes it into its comments."""
    fields = schema_fields("rapport")
    hard = [f for f in fields if f.path.startswith(("styrelse", "medlemmar", "tabeller", "insatser", "revisorer"))]
    assert len(hard) > 60
    missing = [f.path for f in hard if not f.description]
    assert not missing, missing
