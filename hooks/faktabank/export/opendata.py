"""Open data: the whole model as JSON and every faktabank table as CSV under data/ on the site,
described by a Frictionless data package (datapackage.json: a table schema per CSV, licence, sources).

Output is deterministic: fixed ordering, no timestamps; the same data gives byte-identical files.
Internal notes (`intern`) are left out of the public edition, as on the pages.
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from types import MappingProxyType
from typing import Any

from faktabank.export.datatables import BUILDERS, Table
from faktabank.load.schema import KINDS, SCHEMA_DIR
from faktabank.model import Model, once_per_model

DATA_DIR = "data"
LICENCE = {"name": "CC-BY-4.0", "title": "Creative Commons Erkännande 4.0 Internationell (CC BY 4.0)",
           "path": "https://creativecommons.org/licenses/by/4.0/deed.sv"}
PACKAGE_NAME = "finsam-faktabank"
SCHEMA_KINDS = (*KINDS, "common")


_MAPPINGS = frozenset((MappingProxyType, dict))  # what the frozen model holds: recognised without the ABC
_AS_IS = frozenset((str, int, type(None)))  # cell values the csv writer writes as _cell does


def _compact(d: dict[str, Any]) -> dict[str, Any]:
    """Leave out unset fields (None, empty lists) so each part validates against its JSON Schema."""
    return {k: v for k, v in d.items() if v is not None and v != []}


def _document(model: Model, public: bool) -> dict[str, Any]:
    """The model as one JSON document, its data parts still frozen; the parts made here leave out `intern` notes
    in the public edition (`_thawed` leaves them out of the frozen parts)."""
    by_forbund: dict[str, list[dict[str, Any]]] = {}
    for i in model.insatser.values():
        by_forbund.setdefault(i.forbund, []).append(_compact({
            "id": i.id, "projektnummer": i.projektnummer, "namn": i.namn, "alias": list(i.alias), "typ": i.typ,
            "teman": list(i.teman), "beskrivning": i.beskrivning, "intern": None if public else i.intern}))
    doc = {
        "organisationer": {"organisationer": [_compact({
            "id": o.id, "namn": o.namn, "typ": o.typ, "del_av": o.del_av, "forkortningar": list(o.forkortningar),
            "alias": list(o.alias), "tidigare_namn": list(o.tidigare_namn), "webb": o.webb,
            "beskrivning": o.beskrivning, "intern": None if public else o.intern}) for o in model.organisations.values()]},
        "personer": {"personer": [_compact({"id": p.id, "namn": p.namn, "alias": list(p.alias),
                                             "intern": None if public else p.intern})
                                  for p in model.persons.values()]},
        "ordlista": {"termer": [_compact({
            "id": t.id, "term": t.term, "utlast": t.utlast, "forklaring": t.forklaring, "former": list(t.former),
            "tips": None if t.tips else False, "se_aven": list(t.se_aven)}) for t in model.glossary]},
        "forbund": [model.forbund[fid].data for fid in sorted(model.forbund)],
        "insatser": [{"forbund": fid, "insatser": by_forbund[fid]} for fid in sorted(by_forbund)],
        "rapporter": [model.reports[rid].data for rid in sorted(model.reports)],
    }
    return {"utgava": model.edition, "lage": model.upto, **doc}


def model_json(model: Model) -> dict[str, Any]:
    """The model as one JSON document; each part has the shape of its data file and follows its JSON Schema."""
    return json.loads(model_json_bytes(model))


def _thawed(value: Any, public: bool) -> dict[str, Any]:
    """What the JSON encoder writes for a frozen mapping (`default`): a dict of its entries, without `intern` in
    the public edition. Its values are frozen still; the encoder comes back here for each mapping among them."""
    if type(value) in _MAPPINGS or isinstance(value, Mapping):
        return {k: v for k, v in value.items() if not (public and k == "intern")}
    raise TypeError(f"{type(value).__name__} är inget JSON-värde")


def model_json_bytes(model: Model) -> bytes:
    """The model as compact JSON (faktabank.json), written by the C encoder straight from the frozen model,
    without a plain copy of the model first."""
    public = model.edition != "internal"
    return _json_bytes(_document(model, public), compact=True, default=partial(_thawed, public=public))


def _cell(value: Any) -> str:
    kind = type(value)
    if kind is str:
        return value
    if kind is int:
        return str(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(int(value)) if value.is_integer() else repr(value)
    return str(value)


def csv_text(table: Table) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([f.name for f in table.fields])
    for row in table.rows:
        # text, whole numbers and empty cells are written as csv writes them (str(), "" for None): as _cell would
        writer.writerow(row if _AS_IS.issuperset(map(type, row)) else [_cell(v) for v in row])
    return buffer.getvalue()


def _resource(name: str, path: str, title: str, description: str, content: bytes, **extra: Any) -> dict[str, Any]:
    return {"name": name, "path": path, "title": title, "description": description, **extra,
            "encoding": "utf-8", "bytes": len(content), "hash": "sha256:" + hashlib.sha256(content).hexdigest()}


def _json_bytes(value: Any, compact: bool = False, default: Callable[[Any], Any] | None = None) -> bytes:
    """JSON as UTF-8; the whole model compact (the C encoder: fast at national scale), metadata indented."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=default) if compact else \
        json.dumps(value, ensure_ascii=False, indent=1, default=default)
    return (text + "\n").encode("utf-8")


@once_per_model
def _published(model: Model) -> tuple[list[Table], dict[str, bytes]]:
    """The tables and files of a model, built once (for callers that keep them in memory)."""
    all_tables: list[Table] = []
    content = dict(sorted(_produce(model, all_tables.append)))
    return all_tables, content


def files(model: Model) -> dict[str, bytes]:
    """Every open-data file: its path on the site (data/…) → content."""
    return _published(model)[1]


@dataclass(frozen=True)
class Published:
    """What the Öppna data page says of the published files: the tables (without their rows), the number of
    rows in each and the size of each file (data/…). The build writes the files to a folder (`write`) and
    keeps only this, not the rows and bytes, which at national scale are a few hundred megabytes."""

    tables: tuple[Table, ...]
    rows: Mapping[str, int]  # by table name
    sizes: Mapping[str, int]  # by path on the site

    @classmethod
    def of(cls, all_tables: list[Table], content: Mapping[str, bytes]) -> Published:
        return cls(tuple(dataclasses.replace(t, rows=()) for t in all_tables), {t.name: len(t.rows) for t in all_tables},
                   {path: len(data) for path, data in content.items()})


def published(model: Model) -> Published:
    return Published.of(*_published(model))


def write(model: Model, directory: Path) -> Published:
    """Make every open-data file and write it under `directory` (by its path on the site) as soon as it is
    made: only one table's rows and one file's bytes are held at a time, and nothing is kept."""
    tables_: list[Table] = []
    rows: dict[str, int] = {}
    sizes: dict[str, int] = {}

    def done(table: Table) -> None:  # its file is written: keep what the Öppna data page says of it
        tables_.append(dataclasses.replace(table, rows=()))
        rows[table.name] = len(table.rows)

    for path, data in _produce(model, done):
        target = directory / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        sizes[path] = len(data)
    return Published(tuple(tables_), rows, dict(sorted(sizes.items())))


def _produce(model: Model, done: Callable[[Table], None]) -> Iterator[tuple[str, bytes]]:
    """Each open-data file as (its path on the site, its content), one at a time: the whole model as JSON,
    the JSON Schemas, a CSV per table (`done` is given each table once its file is made), and last the data
    package, which describes them all."""
    resources = []
    whole = model_json_bytes(model)
    resources.append(_resource("faktabank", "faktabank.json", "Hela faktabanken som JSON",
                               "Alla förbund, rapporter, insatser, organisationer, personer och ordlistan. Varje del har "
                               "samma form som datafilerna och följer JSON Schema-filerna under schemas/.",
                               whole, type="json", format="json", mediatype="application/json"))
    yield f"{DATA_DIR}/faktabank.json", whole
    del whole
    for kind in SCHEMA_KINDS:
        path = f"schemas/{kind}.schema.json"
        content = (SCHEMA_DIR / f"{kind}.schema.json").read_bytes()
        resources.append(_resource(f"schema-{kind}", path, f"JSON Schema: {kind}", json.loads(content).get("title", kind),
                                   content, type="json", format="json", mediatype="application/schema+json"))
        yield f"{DATA_DIR}/{path}", content
    for build in BUILDERS:
        table = build(model)
        content = csv_text(table).encode("utf-8")
        resources.append(_resource(table.name, table.path, table.title, table.description, content,
                                   type="table", format="csv", mediatype="text/csv",
                                   schema={"fields": [{"name": f.name, "type": f.type, "description": f.description}
                                                      for f in table.fields], "missingValues": [""]}))
        yield f"{DATA_DIR}/{table.path}", content
        done(table)
        del table, content
    package = {
        "name": PACKAGE_NAME + ("-intern" if model.edition == "internal" else ""),
        "title": "Finsam faktabank",
        "description": "Uppgifter ur samordningsförbundens årsredovisningar och delårsrapporter: medlemmar, styrning, "
                       "insatser, indikatorer och ekonomi, med källa för varje siffra."
                       + (f" Läge {model.upto}: rapporter vars period slutar senast {model.upto}." if model.upto else ""),
        "licenses": [LICENCE],
        "sources": [{"title": f"{model.forbund[r.forbund].namn}: {r.title} ({r.data['kalla']['titel']})"}
                    for r in sorted(model.reports.values(), key=lambda r: r.id)],
        "keywords": ["samordningsförbund", "finansiell samordning", "Finsam", "årsredovisning"],
        "resources": resources,
    }
    yield f"{DATA_DIR}/datapackage.json", _json_bytes(package)
