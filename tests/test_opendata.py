"""Öppna data: the data package under site/data/ passes Frictionless validation, the JSON follows the data
files' JSON Schemas, the CSVs hold what the pages show, the output is deterministic, and the Öppna data page
documents every field."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from frictionless import Package, validate
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from faktabank.derive import compare
from faktabank.export import datatables, opendata
from faktabank.load.loader import Options, build
from htmlpage import page

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "hooks" / "faktabank" / "schemas"


@pytest.fixture(scope="module")
def model():
    return build(ROOT)


def test_the_data_package_validates_with_frictionless(built_site: Path) -> None:
    report = validate(built_site / "data" / "datapackage.json")
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])[:20]
    assert len(report.tasks) >= 15


def test_frictionless_catches_a_broken_file(built_site: Path, tmp_path: Path) -> None:
    """The validation above is real: a changed CSV (wrong type, wrong size and hash) fails it."""
    copy = tmp_path / "data"
    shutil.copytree(built_site / "data", copy)
    path = copy / "jamforelser.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    fields = lines[1].split(",")
    fields[1] = "tjugohundra"  # the year column
    lines[1] = ",".join(fields)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = validate(copy / "datapackage.json")
    assert not report.valid
    assert {e[0] for e in report.flatten(["type"])} == {"type-error", "hash-count", "byte-count"}


def test_package_metadata(built_site: Path, model) -> None:
    package = Package(built_site / "data" / "datapackage.json")
    assert package.licenses[0]["name"] == "CC-BY-4.0"
    assert len(package.sources) == len(model.reports)
    names = {r.name for r in package.resources}
    assert {"faktabank", "jamforelser", "tabellvarden", "insatskatalog", "indikatorresultat", "nyckeltal"} <= names
    for resource in package.resources:
        if resource.type == "table":
            assert resource.schema.fields, resource.name
            assert all(f.description for f in resource.schema.fields), resource.name


def _registry() -> Registry:
    resources = []
    for path in SCHEMAS.glob("*.schema.json"):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources += [(path.name, Resource.from_contents(contents)), (contents["$id"], Resource.from_contents(contents))]
    return Registry().with_resources(resources)


def test_the_json_follows_the_data_schemas_and_has_no_internal_notes(built_site: Path, model) -> None:
    raw = (built_site / "data" / "faktabank.json").read_text(encoding="utf-8")
    doc = json.loads(raw)
    registry = _registry()

    def check(kind: str, value: object) -> None:
        schema = json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))
        errors = list(Draft202012Validator(schema, registry=registry).iter_errors(value))
        assert not errors, (kind, [e.message for e in errors[:5]])

    for part, kind in (("organisationer", "organisationer"), ("personer", "personer"), ("ordlista", "ordlista")):
        check(kind, doc[part])
    for f in doc["forbund"]:
        check("forbund", f)
    for i in doc["insatser"]:
        check("insatser", i)
    for r in doc["rapporter"]:
        check("rapport", r)
    assert [r["id"] for r in doc["rapporter"]] == sorted(model.reports)
    assert sum(len(i["insatser"]) for i in doc["insatser"]) == len(model.insatser)
    assert '"intern"' not in raw
    internal = opendata.model_json(build(ROOT, Options(edition="internal")))
    assert '"intern"' in json.dumps(internal, ensure_ascii=False)


def _rows(site: Path, name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((site / "data" / f"{name}.csv").read_text(encoding="utf-8"))))


def test_comparison_csv_equals_the_comparisons(built_site: Path, model) -> None:
    cmp = compare.build(model)
    rows = _rows(built_site, "jamforelser")
    assert len(rows) == len(cmp.cells)
    for row in rows:
        v = cmp.get(row["forbund"], int(row["ar"]), row["matt"])
        assert v is not None
        assert float(row["varde"]) == pytest.approx(v.number)
        assert row["enhet"] == v.unit
        assert row["beraknat"] == ("true" if v.computed else "false")
        for ref in row["kalla"].split():
            path, _, anchor = ref.partition("#")
            assert f'id="{anchor}"' in (built_site / path / "index.html").read_text(encoding="utf-8"), ref
    admin = next(r for r in rows if (r["forbund"], r["ar"], r["matt"]) == ("vasterbergslagen", "2023", "andel-administration"))
    assert admin["varde"] == "20" and admin["beraknat"] == "false" and admin["enhet"] == "procent"
    assert not [r for r in rows if r["varde"] in ("", "0") and r["matt"] == "styrelsemoten"]


def test_every_report_cell_is_in_tabellvarden(built_site: Path, model) -> None:
    rows = _rows(built_site, "tabellvarden")
    expected = sum(1 for r in model.reports.values() for t in r.tables for row in t.rows for c in row.cells
                   if c.value is not None)
    assert len(rows) == expected
    oversikt = [r for r in rows if r["rapport"] == "vasterbergslagen-2020" and r["tabell"] == "oversikt"
                and r["nyckel"] == "soliditet"]
    assert [(r["ar"], r["varde"], r["enhet"]) for r in oversikt] == [
        ("2020", "93", "procent"), ("2019", "92", "procent"), ("2018", "66", "procent"), ("2017", "64", "procent"),
        ("2016", "63", "procent")]
    intakter = next(r for r in rows if r["rapport"] == "vasterbergslagen-2020" and r["tabell"] == "resultatrakning"
                    and r["nyckel"] == "intakter" and r["ar"] == "2020")
    assert intakter["varde"] == "4511722" and intakter["kronor"] == "4511722"


def test_catalogue_csv_answers_the_psykisk_halsa_question(built_site: Path, model) -> None:
    rows = _rows(built_site, "insatskatalog")
    assert len(rows) == len(model.insatser)
    psykisk = {r["id"] for r in rows if "psykisk-halsa" in r["teman"].split(";")}
    assert psykisk == {i.id for i in model.insatser.values() if "psykisk-halsa" in i.teman}
    assert "vasterbergslagen-424" in psykisk


def test_output_is_deterministic(built_site: Path, model) -> None:
    first = opendata.files(model)
    second = opendata.files(build(ROOT))
    assert first == second
    for path, content in first.items():
        assert (built_site / path).read_bytes() == content, path


def _property_names(node: object, out: set[str]) -> set[str]:
    """Every property name anywhere in a JSON Schema (walked independently of the page generator)."""
    if isinstance(node, dict):
        for name, sub in node.get("properties", {}).items():
            out.add(name)
            _property_names(sub, out)
        for key, sub in node.items():
            if key != "properties":
                _property_names(sub, out)
    elif isinstance(node, list):
        for sub in node:
            _property_names(sub, out)
    return out


def test_open_data_page_documents_every_field_licence_and_citation(built_site: Path, model) -> None:
    view = page(built_site, "oppna-data/")
    documented = {row[0] for t in view.tables for row in t.rows[1:]}
    leaves = {path.replace("[]", "").split(".")[-1] for path in documented}
    for kind in ("forbund", "rapport", "insatser", "organisationer", "personer", "ordlista"):
        names = _property_names(json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8")), set())
        assert names <= leaves, (kind, sorted(names - leaves))
    for table in datatables.tables(model):
        fields = {row[0] for row in view.table(f"falt-{table.name}").rows[1:]}
        assert fields == {f.name for f in table.fields}, table.name
    assert "CC BY 4.0" in view.text
    assert "Så citerar du en siffra" in view.text
    links = {href.split("/")[-1] for href in view.links}
    assert {"datapackage.json", "faktabank.json", "jamforelser.csv", "tabellvarden.csv"} <= links
