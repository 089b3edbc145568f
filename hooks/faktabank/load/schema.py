"""Validate parsed data files against the JSON Schemas (draft 2020-12) in schemas/.

A valid file is confirmed by a compiled validator (fastjsonschema, ~10× faster); a file it rejects is
validated again with jsonschema, which lists every problem with its path for the error messages.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Callable
from functools import cache, partial
from pathlib import Path
from typing import Any

import fastjsonschema
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource

from faktabank.load.errors import Problem, excerpt, short
from faktabank.load.limits import NAME_PATTERN
from faktabank.load.yamlload import Document, dotted

SCHEMA_DIR = Path(__file__).parent.parent / "schemas"
KINDS = ("organisationer", "personer", "forbund", "insatser", "rapport", "ordlista")


@cache
def _registry() -> Registry:
    resources = []
    for path in sorted(SCHEMA_DIR.glob("*.schema.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resource = Resource.from_contents(contents)
        resources += [(path.name, resource), (contents["$id"], resource)]
    return Registry().with_resources(resources)


@cache
def schema(kind: str) -> dict[str, Any]:
    """The JSON Schema for one kind of data file."""
    return json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8"))


def real_date(value: object) -> bool:
    """Format `date`: a day that exists in the calendar (the pattern alone lets 2025-02-30 through)."""
    if not isinstance(value, str):
        return True
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


_FORMATS = FormatChecker(formats=())
_FORMATS.checks("date")(real_date)


@cache
def _validator(kind: str) -> Draft202012Validator:
    return Draft202012Validator(schema(kind), registry=_registry(), format_checker=_FORMATS)


def _fast_schema(value: Any) -> Any:
    """The schema for the compiled validator: `const: true` also requires a boolean, so 1 is not taken for true."""
    if isinstance(value, dict):
        out = {k: _fast_schema(v) for k, v in value.items()}
        if out.get("const") is True and "type" not in out:
            out["type"] = "boolean"
        return out
    if isinstance(value, list):
        return [_fast_schema(v) for v in value]
    return value


# In the compiled validator's code, each call of a sub-schema's validator builds the path of the value it
# checks, "(name_prefix or "data") + ".tabeller[{data__tabeller_x}]".format(**locals())", before the call and
# whether or not anything is wrong: 645 000 times for the national data, more than two thirds of the time spent
# validating. Only fastjsonschema's own error messages use it, and the faktabank never shows them (jsonschema
# validates a rejected file again and says what is wrong), so the path is not built. What is valid stays the same.
_NAME_ARGUMENT = re.compile(r'\(name_prefix or "data"\) \+ "[^"\n]*"\.format\(\*\*locals\(\)\)\)')


def _without_names(code: str) -> str:
    """The compiled validator's code without the paths built for its messages (_NAME_ARGUMENT)."""
    return _NAME_ARGUMENT.sub("name_prefix)", code)


@cache
def _fast_definitions() -> dict[str, Any]:
    """Every schema, as the compiled validator reads it, by its $id (what its $refs name)."""
    by_id = {}
    for path in SCHEMA_DIR.glob("*.schema.json"):
        contents = _fast_schema(json.loads(path.read_text(encoding="utf-8")))
        by_id[contents["$id"]] = contents
    return by_id


def _fast_code(kind: str) -> str:
    """fastjsonschema's code for one kind of data file (compile_to_code: the public form of what `compile` runs)."""
    return fastjsonschema.compile_to_code(_fast_schema(schema(kind)), handlers={"https": _fast_definitions().__getitem__},
                                          use_default=False, formats={"date": real_date})


@cache
def _fast_validator(kind: str) -> Callable[[Any], Any]:
    """The compiled validator for one kind of data file, without the paths built for its messages."""
    code = _fast_code(kind)
    namespace: dict[str, Any] = {}
    exec(compile(_without_names(code), f"<schema {kind}>", "exec"), namespace)  # fastjsonschema's own code
    first = re.search(r"^def (\w+)\(", code, re.M)  # the schema's validator comes first, its sub-schemas' after it
    if first is None:
        raise RuntimeError(f"fastjsonschema gave no validator for the schema {kind}")
    return partial(namespace[first.group(1)], custom_formats={"date": real_date})


def _expected(error: ValidationError) -> str:
    """Turn a jsonschema error into a short Swedish statement of what was expected."""
    v = error.validator
    if v == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        allowed = ", ".join(sorted(error.schema.get("properties", {})))
        return f"okänt fält {short(', '.join(extra))}; tillåtna fält: {allowed}"
    if v == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return f"obligatoriskt fält '{missing}' saknas"
    if v == "type":
        want = error.validator_value
        want = " eller ".join(want) if isinstance(want, list) else want
        names = {"integer": "heltal", "number": "tal", "string": "text", "array": "lista",
                 "object": "objekt", "null": "tomt värde", "boolean": "sant/falskt"}
        for en, sv in names.items():
            want = want.replace(en, sv)
        if "heltal" in want and isinstance(error.instance, float):
            return (f"{want} förväntades, fick decimaltalet {error.instance!r}; skriv tusental utan punkt "
                    f"(1346, inte 1.346)")
        return f"{want} förväntades, fick {excerpt(error.instance)}"
    if v == "enum":
        return f"ett av {', '.join(map(str, error.validator_value))} förväntades, fick {excerpt(error.instance)}"
    if v == "const":
        return f"värdet {error.validator_value!r} förväntades, fick {excerpt(error.instance)}"
    if v == "pattern" and error.validator_value == NAME_PATTERN:
        return (f"ett namn får inte innehålla < eller >, tabb eller radbrytning, fick {excerpt(error.instance)}")
    if v == "pattern":
        desc = error.schema.get("description", f"mönstret {error.validator_value}")
        return f"fel form på {excerpt(error.instance)}: {desc}"
    if v == "format" and error.validator_value == "date":
        return f"ett datum som finns i kalendern förväntades (ÅÅÅÅ-MM-DD), fick {excerpt(error.instance)}"
    if v == "maxLength":
        return f"högst {error.validator_value} tecken förväntades, fick {len(error.instance)}: {excerpt(error.instance)}"
    if v == "maxItems":
        return f"högst {error.validator_value} rader förväntades, fick {len(error.instance)}"
    if v in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        return f"värdet {excerpt(error.instance)} ligger utanför tillåtet intervall ({v} {error.validator_value})"
    if v in ("minItems", "minLength", "minProperties"):
        return "får inte vara tomt"
    if v == "uniqueItems":
        return "listan innehåller dubbletter"
    if v in ("oneOf", "anyOf"):
        return "ange antingen person eller vakant: true (eller organisation)"
    return error.message


def _lists(value: Any) -> Any:
    """A document with its sequences as lists: jsonschema takes only a list for an array (the loader's documents
    hold tuples, which the compiled validator takes)."""
    if isinstance(value, dict):
        return {k: _lists(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_lists(v) for v in value]
    return value


def validate(doc: Document, kind: str) -> list[Problem]:
    """Every schema problem in one document, each with its line."""
    try:
        _fast_validator(kind)(doc.data)
        return []
    except fastjsonschema.JsonSchemaException:
        pass  # jsonschema says exactly what is wrong, and where
    problems = []
    for error in _validator(kind).iter_errors(_lists(doc.data)):
        path = tuple(error.absolute_path)
        field = path
        if error.validator == "additionalProperties":
            extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
            field = (*path, extra[0]) if extra else path
        elif error.validator == "required" and "'" in error.message:
            field = (*path, error.message.split("'")[1])
        problems.append(Problem(doc.path, doc.line(field), dotted(field), _expected(error)))
    return problems
