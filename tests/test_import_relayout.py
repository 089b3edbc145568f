"""The importer on layouts it was not tuned on: two source reports with their pipe tables set again as
tab-separated rows and as columns aligned with spaces (figures right-aligned, words left-aligned, as a PDF's
text layer gives them). The figures and names must mostly survive the change of layout."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, SOURCES
from faktabank.importer.draft import make_draft
from faktabank.importer.evaluate import names, score, table_values
from faktabank.importer.writing import check_and_write

RULE = re.compile(r"^\|?[\s:|+-]*-{2,}[\s:|+-]*\|?$")
FIGURE = re.compile(r"[-+−]?\s?[\d .,%]+")


def relayout(text: str, layout: str) -> str:
    """Every pipe table of the text as tab-separated rows or as space-aligned columns."""
    lines, out, i = text.split("\n"), [], 0
    while i < len(lines):
        if not lines[i].strip().startswith("|"):
            out.append(lines[i])
            i += 1
            continue
        rows = []
        while i < len(lines) and lines[i].strip().startswith("|"):
            row = lines[i].strip()
            if not RULE.match(row):
                rows.append([c.strip() for c in (row[1:-1] if row.endswith("|") else row[1:]).split("|")])
            i += 1
        if layout == "tab":
            out += ["\t".join(r) for r in rows]
            continue
        width = max(len(r) for r in rows)
        rows = [r + [""] * (width - len(r)) for r in rows]
        sizes = [max(len(r[k]) for r in rows) for k in range(width)]
        for r in rows:
            cells = [r[0].ljust(sizes[0])] + [
                r[k].rjust(sizes[k]) if FIGURE.fullmatch(r[k]) and any(ch.isdigit() for ch in r[k])
                else r[k].ljust(sizes[k]) for k in range(1, width)]
            out.append("   ".join(cells).rstrip())
    return "\n".join(out)


def import_again(tmp_path: Path, src: Path, rid: str) -> tuple[dict, dict, dict[str, str]]:
    """Import `src` into a copy of data/ without the curated report `rid`: (curated, written, person names)."""
    root = tmp_path / "projekt"
    shutil.copytree(ROOT / "data", root / "data")
    (root / "data" / "rapporter" / f"{rid}.yaml").unlink()
    curated = yaml.safe_load((ROOT / "data" / "rapporter" / f"{rid}.yaml").read_text())
    draft = make_draft(src, root, curated["forbund"])
    check_and_write(root, draft)
    written = yaml.safe_load((root / draft.report_path).read_text())
    persons = {p["id"]: p["namn"] for p in yaml.safe_load((root / "data" / "personer.yaml").read_text())["personer"]}
    return curated, written, persons


@pytest.mark.parametrize("layout", ["tab", "space"])
@pytest.mark.parametrize(("source", "rid"), [("vasteras-arsredovisning-2021.txt", "vasteras-2021"),
                                             ("vasterbergslagen-arsredovisning-2023.txt", "vasterbergslagen-2023")])
def test_the_same_report_in_another_layout(tmp_path: Path, source: str, rid: str, layout: str) -> None:
    text = (SOURCES / source).read_text(encoding="utf-8")
    changed = relayout(text, layout)
    assert changed != text and "|" not in "".join(line[:1] for line in changed.split("\n"))
    src = tmp_path / source
    src.write_text(changed, encoding="utf-8")
    curated, written, persons = import_again(tmp_path, src, rid)
    tables = score(table_values(curated), table_values(written))
    people = score(names(curated, persons), names(written, persons))
    floor = {"tab": (0.95, 0.97), "space": (0.92, 0.98)}[layout]
    assert tables["recall"] >= floor[0] and tables["precision"] >= floor[1], tables
    assert people["recall"] >= 0.9 and people["precision"] >= 0.95, people


def spaced_tabs(text: str) -> str:
    """Every tab-separated table of the text as space-aligned columns."""
    lines, out, i = text.split("\n"), [], 0
    while i < len(lines):
        if "\t" not in lines[i] or not lines[i].strip():
            out.append(lines[i])
            i += 1
            continue
        rows = []
        while i < len(lines) and "\t" in lines[i] and lines[i].strip():
            rows.append(lines[i].split("\t"))
            i += 1
        width = max(len(r) for r in rows)
        rows = [r + [""] * (width - len(r)) for r in rows]
        sizes = [max(len(r[k]) for r in rows) for k in range(width)]
        for r in rows:
            plain = [re.sub(r"<[^>]+>", "", c).strip() for c in r]
            out.append("   ".join([r[0].ljust(sizes[0])] + [
                r[k].rjust(sizes[k]) if (FIGURE.fullmatch(plain[k]) and any(ch.isdigit() for ch in plain[k]))
                or not plain[k] else r[k].ljust(sizes[k]) for k in range(1, width)]).rstrip())
    return "\n".join(out)


@pytest.mark.parametrize(("source", "rid"), [
    ("norra-vastmanland-arsredovisning-2014.txt", "norra-vastmanland-2014"),
    ("vasterbergslagen-arsredovisning-2020.txt", "vasterbergslagen-2020"),
    ("vastra-malardalen-delarsrapport-2019.txt", "vastra-malardalen-2019-delar")])
def test_tab_separated_sources_as_space_aligned_columns(tmp_path: Path, source: str, rid: str) -> None:
    src = tmp_path / source
    src.write_text(spaced_tabs((SOURCES / source).read_text(encoding="utf-8")), encoding="utf-8")
    assert "\t" not in src.read_text(encoding="utf-8")
    curated, written, persons = import_again(tmp_path, src, rid)
    tables = score(table_values(curated), table_values(written))
    assert tables["recall"] >= 0.95 and tables["precision"] >= 0.98, tables
    assert score(names(curated, persons), names(written, persons))["recall"] >= 0.95
