"""One registry of entity pages: where each entity's page is and how to link to it from another page."""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from markupsafe import Markup, escape

from faktabank.model import Model
from faktabank.text import formatting

SECTIONS = {
    "forbund": "forbund",
    "rapport": "rapporter",
    "insats": "insatser",
    "organisation": "organisationer",
    "person": "personer",
    "indikator": "indikatorer",
}


def src_uri(kind: str, entity_id: str | int | None = None) -> str:
    """The docs path of an entity's page (or of a section index when entity_id is None)."""
    section = SECTIONS[kind]
    return f"{section}/index.md" if entity_id is None else f"{section}/{entity_id}.md"


def org_part_src(oid: str, fid: str) -> str:
    """The page of an organisation's roles in one förbund, when its roles are split by förbund (pages/split.py)."""
    return f"{SECTIONS['organisation']}/{oid}/{fid}.md"


def page_url(src: str, use_directory_urls: bool = True) -> str:
    """The site URL (relative to the site root) that MkDocs gives a docs path."""
    stem = src[: -len(".md")]
    if not use_directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


@lru_cache(maxsize=1 << 16)
def _relpath(target: str, here_dir: str) -> str:
    """posixpath.relpath('/' + target, '/' + here_dir) for site URLs (no '.' or '..' in them), computed directly."""
    to = [p for p in target.split("/") if p]
    start = [p for p in here_dir.split("/") if p]
    common = 0
    while common < len(to) and common < len(start) and to[common] == start[common]:
        common += 1
    return "/".join([".."] * (len(start) - common) + to[common:]) or "."


@dataclass(frozen=True)
class Linker:
    """Builds relative links from one page to any entity page, and link markup with the entity's name."""

    model: Model
    here: str
    use_directory_urls: bool = True
    # organisation → the förbund whose roles have a page of their own (org_part_src): its roles split by förbund
    org_parts: Mapping[str, frozenset[str]] = field(default_factory=dict, compare=False, hash=False)

    @cached_property
    def _here_dir(self) -> str:
        here = page_url(self.here, self.use_directory_urls)
        return here if here.endswith("/") or here == "" else posixpath.dirname(here) + "/"

    def url(self, src: str, anchor: str = "") -> str:
        target = page_url(src, self.use_directory_urls)
        here_dir = self._here_dir
        rel = _relpath(target, here_dir) if target != here_dir else "."
        if target.endswith("/") and not rel.endswith("/") and rel != ".":
            rel += "/"
        if rel == ".":
            rel = "./"
        return rel + (f"#{anchor}" if anchor else "")

    @cached_property
    def _hrefs(self) -> dict[tuple[str, str | int | None, str], str]:
        return {}

    def to(self, kind: str, entity_id: str | int | None = None, anchor: str = "") -> str:
        """The relative link to an entity's page, worked out once per page for each target: a report page
        links the same members, förbund and reports many times (nationally a third of the links are new)."""
        key = (kind, entity_id, anchor)
        href = self._hrefs.get(key)
        if href is None:
            href = self._hrefs[key] = self.url(src_uri(kind, entity_id), anchor)
        return href

    def _a(self, href: str, text: str) -> Markup:
        return Markup(f'<a href="{escape(href)}">{escape(text)}</a>')  # what Markup.format gives, without its parser

    def person(self, pid: str) -> Markup:
        return self._a(self.to("person", pid), self.model.persons[pid].namn)

    def org(self, oid: str) -> Markup:
        """An organisation reference: a registered organisation or a förbund."""
        if oid in self.model.forbund:
            return self.forbund(oid)
        return self._a(self.to("organisation", oid), self.model.organisations[oid].namn)

    def org_in(self, oid: str, fid: str, anchor: str = "roller") -> str:
        """The link to an organisation's roles in one förbund: the page that holds them, whether the
        organisation's page lists every role or its roles are split by förbund."""
        if fid in self.org_parts.get(oid, ()):
            return self.url(org_part_src(oid, fid), anchor)
        return self.to("organisation", oid, anchor)

    def orgs(self, oids: tuple[str, ...] | list[str]) -> Markup:
        return Markup(", ").join(self.org(o) for o in oids)

    def forbund(self, fid: str, short: bool = False) -> Markup:
        f = self.model.forbund[fid]
        return self._a(self.to("forbund", fid), f.kortnamn if short else f.namn)

    def insats(self, iid: str, text: str | None = None) -> Markup:
        return self._a(self.to("insats", iid), text or self.model.insatser[iid].namn)

    def report(self, rid: str, anchor: str = "", text: str | None = None) -> Markup:
        r = self.model.reports[rid]
        label = text or f"{self.model.forbund[r.forbund].kortnamn} {formatting.report_period(r)}"  # never a half as a year
        return self._a(self.to("rapport", rid, anchor), label)

    def indikator(self, number: int) -> Markup:
        return self._a(self.to("indikator", number), escape(f"Indikator {number}"))
