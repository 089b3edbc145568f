"""`id "<namn>"`: an id suggested for a name, by the project's conventions (docs/redaktorer.md, "Id"), and the
people, organisations, insatser and förbund whose name, alias, abbreviation, earlier name or project number is
like it. "Like" forgives case, accents, hyphens, word order and a letter or two (Per/Pär, Molin/Mohlin).

The registries are read as YAML only (no schema, no cross-references), so the command works while data/ has errors.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any, TextIO

from faktabank.load.errors import DataError
from faktabank.load.yamlload import Document, load

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")  # common.schema.json#/$defs/id
NEAR = 0.8  # similarity from which a name counts as a spelling variant
COMPANY_FORMS = ("ab", "hb", "kb")  # left out of organisations' ids ("KPMG AB" → kpmg)


def slug(name: str) -> str:
    """'Britt-Marie Pettersson' → 'britt-marie-pettersson': lower case a–z, digits and hyphens; å ä → a, ö → o, é → e."""
    plain = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in plain if not unicodedata.combining(c)).replace("ø", "o").replace("æ", "ae")
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


def suggest(name: str) -> str:
    """The id the conventions give a name (a company form such as 'AB' left out)."""
    words = [w for w in slug(name).split("-") if w]
    if len(words) > 1 and words[-1] in COMPANY_FORMS:
        words = words[:-1]
    if len(words) > 1 and words[0] in COMPANY_FORMS:
        words = words[1:]
    return "-".join(words)


@dataclass(frozen=True)
class Entry:
    kind: str
    id: str
    namn: str
    names: tuple[str, ...]  # every name it goes by: name, alias, abbreviation, earlier names, project number
    where: str


@dataclass(frozen=True)
class Match:
    entry: Entry
    score: float
    matched: str


def _read(root: Path, rel: str) -> Document | None:
    file = root / rel
    if not file.is_file():
        return None
    try:
        return load(file, rel)
    except DataError:
        return None


def _names(item: dict[str, Any], *keys: str) -> tuple[str, ...]:
    out: list[str] = []
    for key in keys:
        value = item.get(key)
        values = value if isinstance(value, list) else [value]
        out += [v["namn"] if isinstance(v, dict) else v for v in values
                if isinstance(v, str) or (isinstance(v, dict) and isinstance(v.get("namn"), str))]
    return tuple(out)


def entries(root: Path) -> list[Entry]:
    """Everyone and everything in the registries with every name it goes by."""
    out: list[Entry] = []
    for rel, key, kind, fields in (("data/personer.yaml", "personer", "person", ("namn", "alias")),
                                   ("data/organisationer.yaml", "organisationer", "organisation",
                                    ("namn", "alias", "forkortningar", "tidigare_namn"))):
        doc = _read(root, rel)
        items = doc.data.get(key, []) if doc and isinstance(doc.data, dict) else []
        for i, item in enumerate(items):
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                out.append(Entry(kind, item["id"], str(item.get("namn", "")), _names(item, *fields),
                                 f"{rel}:{doc.line((key, i))}"))
    for file in sorted((root / "data" / "forbund").glob("*.yaml")):
        doc = _read(root, file.relative_to(root).as_posix())
        if doc and isinstance(doc.data, dict) and isinstance(doc.data.get("id"), str):
            out.append(Entry("förbund", doc.data["id"], str(doc.data.get("namn", "")),
                             _names(doc.data, "namn", "kortnamn", "namnhistorik"), f"{doc.path}:1"))
    for file in sorted((root / "data" / "insatser").glob("*.yaml")):
        doc = _read(root, file.relative_to(root).as_posix())
        items = doc.data.get("insatser", []) if doc and isinstance(doc.data, dict) else []
        for i, item in enumerate(items):
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                out.append(Entry("insats", item["id"], str(item.get("namn", "")),
                                 _names(item, "namn", "alias", "projektnummer"), f"{doc.path}:{doc.line(('insatser', i))}"))
    return out


def similarity(query: str, name: str) -> float:
    """0–1: how alike two names are, after case, accents, punctuation and word order are set aside."""
    a, b = slug(query), slug(name)
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    if name.isupper() and query.strip().casefold() == name.casefold():  # an abbreviation, exactly
        return 1.0
    ordered = SequenceMatcher(None, a, b).ratio()
    unordered = SequenceMatcher(None, "-".join(sorted(a.split("-"))), "-".join(sorted(b.split("-")))).ratio()
    words_a, words_b = set(a.split("-")), set(b.split("-"))
    contained = 0.85 if len(words_a) > 1 and words_a <= words_b else 0.0  # "Region Dalarna" in "Region Dalarna, HR"
    return max(ordered, unordered, contained)


def find(root: Path, query: str, limit: int = 10, threshold: float = 0.7) -> list[Match]:
    """Registry entries whose names are like `query`, most alike first."""
    found = []
    wanted = suggest(query)
    for entry in entries(root):
        score, matched = max(((similarity(query, n), n) for n in entry.names), default=(0.0, ""))
        if entry.id == wanted or entry.id == slug(query):
            score, matched = max(score, 0.99), matched or entry.namn
        if score >= threshold:
            found.append(Match(entry, score, matched))
    found.sort(key=lambda m: (-m.score, m.entry.kind, m.entry.id))
    return found[:limit]


def print_matches(root: Path, query: str, out: TextIO, err: TextIO, forbund: str | None = None) -> int:
    """Print the suggested id and what the registries already hold. 1 if the name gives no id. With `forbund`, the
    name is an insats of that förbund (a project number or a short name): its id starts with the förbund's."""
    wanted = suggest(query)
    if forbund:
        wanted = f"{forbund}-{slug(query)}"
    if not ID_PATTERN.match(wanted):
        print(f"id: '{query}' ger inget id (bara a–z, 0–9 och bindestreck blir kvar); skriv namnet med bokstäver",
              file=err)
        return 1
    matches = find(root, query)
    if forbund:  # an insats: its id, and its project number, are the förbund's own
        matches = [m for m in matches if m.entry.kind != "insats" or m.entry.id.startswith(f"{forbund}-")]
        matches += [Match(e, 1.0, e.id) for e in entries(root) if e.id == wanted and e not in [m.entry for m in matches]]
    taken = [m.entry for m in matches if m.entry.id == wanted]
    print(f"Förslag till id: {wanted}", file=out)
    print("  (person: hela namnet; organisation: namnet utan AB; insats: <förbund>-<projektnummer> eller "
          "<förbund>-<kortnamn>; se docs/redaktorer.md)", file=out)
    if taken:
        print(f"  id:t finns redan ({', '.join(f'{e.kind} i {e.where}' for e in taken)}): är det samma? Använd det "
              "befintliga id:t, annars ett som skiljer dem åt.", file=out)
    if not matches:
        print("Inga liknande namn i registren: id:t är nytt.", file=out)
        return 0
    print("Liknande i registren (mest lika först):", file=out)
    width_id = max(len(m.entry.id) for m in matches)
    for m in matches:
        also = f" (som '{m.matched}')" if slug(m.matched) != slug(m.entry.namn) else ""
        exact = "samma" if m.score >= 0.99 else f"{round(m.score * 100)} %"
        print(f"  {m.entry.kind:<12} {m.entry.id:<{width_id}}  {m.entry.namn}{also}  [{exact}]  {m.entry.where}",
              file=out)
    return 0
