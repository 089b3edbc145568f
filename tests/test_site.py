"""The whole built site: every internal link and anchor resolves, every page type exists, Swedish set-up."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from faktabank.load.loader import build
from htmlpage import page, read_page

ROOT = Path(__file__).resolve().parent.parent


def _target(site: Path, page_file: Path, href: str) -> tuple[Path, str] | None:
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:", "javascript:")):
        return None
    here = page_file.relative_to(site).parent.as_posix()
    path = unquote(parts.path)
    if path == "":
        return page_file, parts.fragment
    resolved = posixpath.normpath(path.lstrip("/") if path.startswith("/") else posixpath.join(here, path))
    if resolved.startswith(".."):
        return site / "__outside_the_site__" / resolved, parts.fragment
    target = site / resolved
    if target.is_dir() or path.endswith("/"):
        target = target / "index.html"
    return target, parts.fragment


def test_every_internal_link_and_anchor_resolves(built_site: Path) -> None:
    ids: dict[Path, set[str]] = {}
    broken = []
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 100
    for file in pages:
        view = read_page(file)
        ids[file] = view.ids
    checked = 0
    for file in pages:
        for href in read_page(file).links:
            found = _target(built_site, file, href)
            if found is None:
                continue
            target, fragment = found
            checked += 1
            if not target.exists():
                broken.append(f"{file.relative_to(built_site)}: {href} → missing {target.relative_to(built_site)}")
            elif fragment and target.suffix == ".html" and fragment not in ids.get(target, set()):
                broken.append(f"{file.relative_to(built_site)}: {href} → no id #{fragment}")
    assert checked > 1000
    assert not broken, f"{len(broken)} broken links:\n" + "\n".join(broken[:50])


def test_every_entity_has_a_page(built_site: Path) -> None:
    model = build(ROOT)
    for fid in model.forbund:
        assert (built_site / "forbund" / fid / "index.html").exists()
    for rid in model.reports:
        assert (built_site / "rapporter" / rid / "index.html").exists()
    for iid in model.insatser:
        assert (built_site / "insatser" / iid / "index.html").exists()
    for oid in model.organisations:
        assert (built_site / "organisationer" / oid / "index.html").exists()
    for pid in model.persons:
        assert (built_site / "personer" / pid / "index.html").exists()


def test_entity_pages_are_not_in_the_global_nav(built_site: Path) -> None:
    for url in ("", "rapporter/vasterbergslagen-2020/"):
        raw = (built_site / url / "index.html").read_text(encoding="utf-8")
        nav_links = re.findall(r'<a href="([^"#]*)"\s+class="md-nav__link', raw)
        targets = {posixpath.normpath(posixpath.join(url, href)) for href in nav_links}
        assert {"forbund", "rapporter", "personer"} <= targets, targets
        assert not [t for t in targets if t.count("/") >= 1], targets


@pytest.mark.parametrize("url", ["forbund/", "rapporter/", "insatser/", "organisationer/", "personer/", "indikatorer/"])
def test_index_pages_link_every_entity(built_site: Path, url: str) -> None:
    view = page(built_site, url)
    entity_dirs = {p.parent.name for p in (built_site / url).glob("*/index.html")}
    linked = {href.strip("/").split("/")[-1] for href in view.links if href.endswith("/") and not href.startswith("..")}
    assert entity_dirs, url
    assert entity_dirs <= linked, sorted(entity_dirs - linked)


def test_swedish_theme_and_no_google_fonts(built_site: Path) -> None:
    raw = (built_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="sv"' in raw
    assert "fonts.googleapis.com" not in raw
    assert "fonts.gstatic.com" not in raw


def test_search_index_is_swedish(built_site: Path) -> None:
    raw = (built_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert '"lang":["sv"]' in raw.replace(" ", "")
    assert "stemmer" in raw
