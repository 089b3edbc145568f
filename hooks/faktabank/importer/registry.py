"""Identities: match a name to an existing person, organisation or insats (name, alias, abbreviation, project
number), or make a new entry. A near miss is never merged: it becomes a new entry and a line in the review list."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "è": "e", "ü": "u", "á": "a", "ø": "o", "æ": "ae"})


def norm(text: str) -> str:
    """Comparable form of a name: lower case, punctuation and hyphens as spaces."""
    return re.sub(r"\s+", " ", re.sub(r"[^\wåäöéü ]+", " ", text.casefold().replace("-", " "))).strip()


def slug(text: str, words: int = 8) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", text.casefold().translate(_FOLD)).strip("-")
    return "-".join(s.split("-")[:words]) or "x"


@dataclass
class Review:
    """One thing the editor must check: where in the source, and what."""

    line: int | None
    what: str


def _load(path: Path, key: str) -> list[dict[str, Any]]:
    if not path.is_file():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return list(data.get(key) or [])


ORG_KINDS = ((r"\bkommun\b|\bstad\b", "kommun"), (r"\bregion\b|\blandsting", "region"),
             (r"samordningsförbund", "samordningsforbund"), (r"\bab\b|\baktiebolag\b|\bkb\b", "foretag"),
             (r"förening|förbund\b|studieförbund", "forening"), (r"myndighet|verket\b|kassan\b|förmedlingen\b",
                                                                "statlig-myndighet"),
             (r"skola|universitet|högskola", "utbildning"))


@dataclass
class Registry:
    """The registries of data/ as they are, plus what this import adds."""

    root: Path
    forbund_id: str
    persons: list[dict[str, Any]] = field(default_factory=list)
    orgs: list[dict[str, Any]] = field(default_factory=list)
    forbund: list[dict[str, Any]] = field(default_factory=list)
    insatser: list[dict[str, Any]] = field(default_factory=list)
    new_persons: list[dict[str, Any]] = field(default_factory=list)
    new_orgs: list[dict[str, Any]] = field(default_factory=list)
    new_insatser: list[dict[str, Any]] = field(default_factory=list)
    review: list[Review] = field(default_factory=list)

    @classmethod
    def read(cls, root: Path, forbund_id: str) -> Registry:
        data = root / "data"
        reg = cls(root, forbund_id)
        reg.persons = _load(data / "personer.yaml", "personer")
        reg.orgs = _load(data / "organisationer.yaml", "organisationer")
        for f in sorted((data / "forbund").glob("*.yaml")):
            reg.forbund.append(yaml.safe_load(f.read_text(encoding="utf-8")) or {})
        reg.insatser = _load(data / "insatser" / f"{forbund_id}.yaml", "insatser")
        return reg

    # -- people ---------------------------------------------------------------------------------------------
    def person(self, name: str, line: int | None) -> str:
        key = norm(name)
        for p in self.persons + self.new_persons:
            if key == norm(p["namn"]) or key in {norm(a) for a in p.get("alias", [])}:
                return p["id"]
        near = self._near(key, [(p["id"], p["namn"]) for p in self.persons])
        pid = self._free_id(slug(name), {p["id"] for p in self.persons + self.new_persons})
        self.new_persons.append({"id": pid, "namn": name})
        if near:
            self.review.append(Review(line, f"personen '{name}' liknar '{near[1]}' ({near[0]}) i personregistret; "
                                            f"lades in som ny ({pid}). Är det samma person: använd {near[0]} och "
                                            f"lägg '{name}' som alias"))
        return pid

    # -- organisations ----------------------------------------------------------------------------------------
    def _org_names(self) -> list[tuple[str, str, bool]]:
        """(name, id, case-sensitive) for every way an organisation or förbund is written."""
        out: list[tuple[str, str, bool]] = []
        for o in self.orgs + self.new_orgs:
            out.append((o["namn"], o["id"], False))
            out += [(a, o["id"], False) for a in o.get("alias", [])]
            out += [(t["namn"], o["id"], False) for t in o.get("tidigare_namn", [])]
            out += [(a, o["id"], True) for a in o.get("forkortningar", [])]
        for f in self.forbund:
            if f.get("id") and f.get("namn"):
                out.append((f["namn"], f["id"], False))
                out += [(n["namn"], f["id"], False) for n in f.get("namnhistorik", [])]
        return out

    def find_org(self, name: str) -> str | None:
        key = norm(re.sub(r"\s+AB$", "", name.strip()))
        for written, oid, exact in self._org_names():
            if (written == name.strip()) if exact else (norm(written) == key or norm(re.sub(r"\s+AB$", "", written)) == key):
                return oid
        return None

    def orgs_in(self, text: str) -> list[str]:
        """Organisations named in a text, in the order they appear (each once)."""
        found: list[tuple[int, int, str]] = []
        names = sorted(self._org_names(), key=lambda n: -len(n[0]))
        taken: list[tuple[int, int]] = []
        for written, oid, exact in names:
            if len(written) < 2:
                continue
            flags = 0 if exact else re.I
            for m in re.finditer(r"(?<![\wåäö])" + re.escape(written) + r"(?![\wåäö])", text, flags):
                if any(s < m.end() and m.start() < e for s, e in taken):
                    continue
                taken.append((m.start(), m.end()))
                found.append((m.start(), m.end(), oid))
        out: list[str] = []
        for _, _, oid in sorted(found):
            if oid not in out:
                out.append(oid)
        return out

    def org(self, name: str, line: int | None, typ: str | None = None) -> str:
        name = name.strip(" ,.;:")
        found = self.find_org(name)
        if found:
            return found
        key = norm(name)
        near = self._near(key, [(o["id"], o["namn"]) for o in self.orgs])
        oid = self._free_id(slug(name), {o["id"] for o in self.orgs + self.new_orgs} | {f.get("id") for f in self.forbund})
        if typ is None:
            typ = next((t for pattern, t in ORG_KINDS if re.search(pattern, name, re.I)), "ovrig")
        self.new_orgs.append({"id": oid, "namn": name, "typ": typ})
        note = f"ny organisation '{name}' ({oid}, typ {typ}): kontrollera namn och typ"
        if near:
            note += f"; liknar '{near[1]}' ({near[0]}) – är det samma, använd {near[0]} och lägg namnet som alias"
        self.review.append(Review(line, note))
        return oid

    # -- insatser -------------------------------------------------------------------------------------------------
    def insats(self, name: str, project: str | None, line: int | None, typ: str) -> str:
        key = norm(name)
        for s in self.insatser + self.new_insatser:
            if project and s.get("projektnummer") == project:
                return s["id"]
        found = self.insats_by_text(name)
        if found:
            return found
        base = f"{self.forbund_id}-{project}" if project and re.fullmatch(r"[0-9A-Za-z]+", project) \
            else f"{self.forbund_id}-{slug(name, 5)}"
        sid = self._free_id(slug(base, 12), {s["id"] for s in self.insatser + self.new_insatser})
        entry: dict[str, Any] = {"id": sid}
        if project:
            entry["projektnummer"] = project
        entry.update({"namn": name, "typ": typ})
        self.new_insatser.append(entry)
        near = self._near(key, [(s["id"], s["namn"]) for s in self.insatser])
        note = f"ny insats '{name}' ({sid}, typ {typ}): kontrollera namn, typ och teman"
        if near:
            note += f"; liknar '{near[1]}' ({near[0]}) – är det samma insats, använd {near[0]}"
        self.review.append(Review(line, note))
        return sid

    def insats_by_text(self, text: str) -> str | None:
        """An existing insats whose name or alias is the row text."""
        keys = {norm(text), norm(re.sub(r"\([^)]*\)", "", text))} - {""}
        for s in self.insatser + self.new_insatser:
            names = {norm(s["namn"])} | {norm(a) for a in s.get("alias", [])}
            if keys & names:
                return s["id"]
        return None

    # -- helpers ----------------------------------------------------------------------------------------------------
    @staticmethod
    def _near(key: str, candidates: list[tuple[str, str]]) -> tuple[str, str] | None:
        best, best_ratio = None, 0.0
        for cid, name in candidates:
            ratio = difflib.SequenceMatcher(None, key, norm(name)).ratio()
            if ratio > best_ratio:
                best, best_ratio = (cid, name), ratio
        return best if best_ratio >= 0.85 else None

    @staticmethod
    def _free_id(base: str, taken: set[str]) -> str:
        if base not in taken:
            return base
        n = 2
        while f"{base}-{n}" in taken:
            n += 1
        return f"{base}-{n}"
