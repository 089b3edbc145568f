"""The references a report's data makes to its own rows and columns: what a sum row or column adds up (`summerar`),
the cells a text figure matches (`motsvarar`), the text figures it adds up (`summerar`) and the cells that state
the same figure (`samma_uppgift`).

Each must name something in the report; a reference that names nothing is an error, found on loading. A row is
named by its `id`, or by its `nyckel` when no other row of the table has it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from faktabank.load.errors import Problem
from faktabank.load.yamlload import Document, dotted

KEYWORDS = frozenset({"ovanfor", "sedan-rubrik"})


def _row_named(table: Mapping[str, Any], name: str) -> bool:
    if any(r.get("id") == name for r in table["rader"]):
        return True
    return sum(1 for r in table["rader"] if r.get("nyckel") == name) == 1


def _cell_problem(tables: dict[str, Mapping[str, Any]], ref: str) -> str | None:
    table_id, row, column = ref.split("/")
    table = tables.get(table_id)
    if table is None:
        return f"tabellen '{table_id}' finns inte i rapporten"
    if not _row_named(table, row):
        return f"raden '{row}' finns inte i tabellen '{table_id}' (radens id, eller en nyckel som bara en rad har)"
    if not any(c["id"] == column for c in table["kolumner"]):
        return f"kolumnen '{column}' finns inte i tabellen '{table_id}'"
    return None


def check(doc: Document) -> list[Problem]:
    d = doc.data
    tables = {t["id"]: t for t in d.get("tabeller", ())}
    problems: list[Problem] = []

    def wrong(path: tuple, expected: str) -> None:
        problems.append(Problem(doc.path, doc.line(path), dotted(path), expected))

    for t_i, table in enumerate(d.get("tabeller", ())):
        columns = {c["id"] for c in table["kolumner"]}
        for c_i, column in enumerate(table["kolumner"]):
            for e_i, entry in enumerate(column.get("summerar", ())):
                if entry.lstrip("-") not in columns or entry.lstrip("-") == column["id"]:
                    wrong(("tabeller", t_i, "kolumner", c_i, "summerar", e_i),
                          f"en annan kolumn i tabellen förväntades, fick '{entry}'")
        ids = [r["id"] for r in table["rader"] if "id" in r]
        for r_i, row in enumerate(table["rader"]):
            if "id" in row and ids.count(row["id"]) > 1:
                wrong(("tabeller", t_i, "rader", r_i, "id"), f"radens id '{row['id']}' förekommer två gånger i tabellen")
            for e_i, entry in enumerate(row.get("summerar", ())):
                ref = entry.lstrip("-")
                if ref in KEYWORDS:
                    continue
                where, _, name = ref.rpartition("/")
                other = tables.get(where) if where else table
                if other is None:
                    wrong(("tabeller", t_i, "rader", r_i, "summerar", e_i), f"tabellen '{where}' finns inte i rapporten")
                elif not _row_named(other, name) or (other is table and name in (row.get("id"), row.get("nyckel"))):
                    wrong(("tabeller", t_i, "rader", r_i, "summerar", e_i),
                          f"en annan rad (radens id, eller en nyckel som bara en rad har) förväntades, fick '{entry}'")
    stated = d.get("nyckeltal", ())
    for n_i, n in enumerate(stated):
        for e_i, key in enumerate(n.get("summerar", ())):
            if not any(m.get("nyckel") == key and m.get("ar") == n.get("ar") for m in stated if m is not n):
                wrong(("nyckeltal", n_i, "summerar", e_i),
                      f"nyckeln för en annan uppgift i texten samma år förväntades, fick '{key}'")
        for e_i, ref in enumerate(n.get("motsvarar", ())):
            problem = _cell_problem(tables, ref)
            if problem:
                wrong(("nyckeltal", n_i, "motsvarar", e_i), problem)
    for s_i, same in enumerate(d.get("samma_uppgift", ())):
        for e_i, ref in enumerate(same["platser"]):
            problem = _cell_problem(tables, ref)
            if problem:
                wrong(("samma_uppgift", s_i, "platser", e_i), problem)
    return problems
