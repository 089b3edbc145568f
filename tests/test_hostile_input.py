"""Broken and hostile input ends in a clear `file:line: field: message` within seconds and bounded memory.

Aliases, deep nesting, huge files, long texts and ids, too many rows, control characters in any string field,
markup characters in names, symlinks, impossible dates, dotted thousands; and the build: site/ is replaced only
by a complete, successful build, and the internal edition never goes into site/.
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from hostile import NAME, all_string_fields, data_files, fill

from conftest import ROOT, make_project, run_build
from faktabank.load import limits
from faktabank.load.errors import DataError
from faktabank.load.loader import build
from faktabank.load.options import check_output
from faktabank.load.schema import SCHEMA_DIR, validate
from faktabank.load.yamlload import load

REPORT = "data/rapporter/exempel-2020.yaml"
MEMORY_LIMIT = 1_500_000_000  # bytes of address space for a check: the alias bomb grew past 7 GB
TIME_LIMIT = 60  # seconds; each case ends within a few


def check(project: Path) -> tuple[int, str, float]:
    """`make check` (python -m faktabank check) of a project, in a process with bounded memory and time."""
    def bounded() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))

    start = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "faktabank", "check", str(project)], capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT / "hooks")}, preexec_fn=bounded,
                            timeout=TIME_LIMIT, check=False)
    return result.returncode, result.stderr + result.stdout, time.monotonic() - start


def refused(project: Path, *expected: str) -> str:
    code, output, seconds = check(project)
    assert code == 1, output[-3000:]
    assert "Traceback" not in output and "MemoryError" not in output, output[-3000:]
    for text in expected:
        assert text in output, output[-3000:]
    assert seconds < 20
    return output


def write(project: Path, rel: str, text: str) -> None:
    (project / rel).write_text(text, encoding="utf-8")


def edit(project: Path, rel: str, old: str, new: str) -> None:
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


# ---- the limits, and that the schemas state the same ones

def test_the_schemas_state_the_same_limits() -> None:
    common = json.loads((SCHEMA_DIR / "common.schema.json").read_text(encoding="utf-8"))
    assert common["$defs"]["id"]["maxLength"] == limits.MAX_ID_CHARS
    report = (SCHEMA_DIR / "rapport.schema.json").read_text(encoding="utf-8")
    assert report.count(f'"maxItems": {limits.MAX_TABLE_ROWS}') == 2  # rows of a table and of an indicator table
    names = {field for field, kind in all_string_fields().items() if kind == NAME}
    assert {"personer:personer[].namn", "organisationer:organisationer[].namn", "insatser:insatser[].namn",
            "forbund:namn", "forbund:kortnamn"} <= names


# ---- bounded input

def test_alias_bomb_is_refused_at_once(minimal_project: Path) -> None:
    levels = "".join(f"  l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]\n" for i in range(1, 12))
    write(minimal_project, "data/personer.yaml", f"personer:\n  - id: a\n    namn: A\nx:\n  l0: &l0 [lol]\n{levels}")
    refused(minimal_project, "data/personer.yaml:5: (dokument): YAML-ankare (&l0) är inte tillåtna")


def test_a_lone_alias_is_refused(minimal_project: Path) -> None:
    edit(minimal_project, "data/personer.yaml", "    namn: Bo Prov", "    namn: *namn")
    refused(minimal_project, "data/personer.yaml:", "YAML-alias (*namn) är inte tillåtna")


def test_an_ampersand_in_text_is_no_anchor(minimal_project: Path) -> None:
    edit(minimal_project, "data/personer.yaml", "    namn: Bo Prov", "    namn: Bo Prov & *Co&Co")
    assert build(minimal_project).persons["bo-prov"].namn == "Bo Prov & *Co&Co"


def test_deep_nesting_is_refused(minimal_project: Path) -> None:
    write(minimal_project, "data/personer.yaml", "personer: " + "[" * 20_000 + "]" * 20_000 + "\n")
    refused(minimal_project, "data/personer.yaml:1: (dokument): för djup nästling: högst 30 nivåer")


def test_deep_block_nesting_is_refused(minimal_project: Path) -> None:
    text = "personer:\n" + "".join("  " * i + f"- n{i}:\n" for i in range(1, 40)) + "  " * 40 + "- x\n"
    write(minimal_project, "data/personer.yaml", text)
    refused(minimal_project, "data/personer.yaml:", "för djup nästling")


def test_huge_file_is_refused_unread(minimal_project: Path) -> None:
    write(minimal_project, "data/personer.yaml",
          "personer:\n  - id: a\n    namn: A\n    intern: " + "x" * 20_000_000 + "\n")
    refused(minimal_project, "data/personer.yaml:1: (dokument): filen är för stor: 200000", "byte, högst 5000000 byte")


def test_long_text_is_refused(minimal_project: Path) -> None:
    edit(minimal_project, "data/personer.yaml", "    namn: Bo Prov", "    namn: " + "Bo " * 5000)
    output = refused(minimal_project, "data/personer.yaml:5: personer[1].namn: högst 10000 tecken förväntades")
    assert len(max(output.splitlines(), key=len)) < 400  # the value is quoted as a short excerpt


def test_too_many_rows_are_refused(minimal_project: Path) -> None:
    rows = "".join(f"      - {{text: Rad {i}, varden: [{i}, {i}]}}\n" for i in range(2500))
    edit(minimal_project, REPORT, "    rader:\n      - {text: Verksamhetens intäkter, nyckel: intakter, varden: [4512, 4543]}\n",
         "    rader:\n" + rows)
    refused(minimal_project, f"{REPORT}:", "tabeller[0].rader: högst 2000 rader förväntades, fick 2503")


def test_250000_rows_are_refused(minimal_project: Path) -> None:
    rows = "".join(f"      - {{text: R, varden: [{i}, {i}]}}\n" for i in range(250_000))
    edit(minimal_project, REPORT, "    rader:\n", "    rader:\n" + rows)
    refused(minimal_project, f"{REPORT}:1: (dokument): filen är för stor")


def test_long_list_is_refused(minimal_project: Path) -> None:
    edit(minimal_project, "data/personer.yaml", "alias: [Bo Proov]", "alias: [" + ", ".join(["B"] * 60_000) + "]")
    refused(minimal_project, "data/personer.yaml:6: personer[1].alias: högst 50000 poster förväntades")


def test_long_id_is_refused_by_check_and_build(minimal_project: Path) -> None:
    long_id = "a" * 500
    edit(minimal_project, "data/personer.yaml", "  - id: bo-prov", f"  - id: {long_id}")
    for rel in (REPORT,):
        path = minimal_project / rel
        path.write_text(path.read_text(encoding="utf-8").replace("bo-prov", long_id), encoding="utf-8")
    refused(minimal_project, "data/personer.yaml:4: personer[1].id: högst 80 tecken förväntades, fick 500")
    site = minimal_project / "site"
    site.mkdir()
    (site / "index.html").write_text("förra bygget", encoding="utf-8")
    result = run_build(minimal_project, site)
    assert result.returncode != 0
    assert "File name too long" not in result.stderr and "Traceback" not in result.stderr
    assert "högst 80 tecken" in result.stderr
    assert digest(site) == {"index.html": hashlib.sha256("förra bygget".encode()).hexdigest()}


# ---- validation that means it

@pytest.mark.parametrize("field", sorted(all_string_fields()))
def test_a_control_character_in_any_string_field_is_refused(field: str, tmp_path: Path) -> None:
    """U+202E (right-to-left override) in each string field of the schemas, put into a file of data/."""
    kind = field.split(":", 1)[0]
    lists = frozenset({field.rsplit("[]", 1)[0]}) if "[]" in field else frozenset()
    for file, file_kind in data_files(ROOT):
        if file_kind != kind:
            continue
        doc = load(file, file.name)
        data, touched = fill(doc.data, kind, lambda f, _k, old: f"{old or 'Text'}\u202eevil" if f == field else old,
                             add_lists=lists if not _has(doc.data, kind, field) else frozenset())
        if field in touched:
            break
    else:
        pytest.fail(f"no file of data/ can hold {field}")
    text = yaml.dump(data, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), allow_unicode=True, width=1000)
    scratch = tmp_path / "x.yaml"
    scratch.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as info:
        load(scratch, "data/x.yaml")
    message = str(info.value)
    assert message.startswith("data/x.yaml:") and "otillåtet styrtecken U+202E" in message, message
    last = field.split(":", 1)[1].rsplit(".", 1)[-1]  # the field's own name, e.g. `text` or `alias[]`
    assert (f".{last.replace('[]', '[')}" in message or f" {last.replace('[]', '[')}" in message), message


def _has(data: object, kind: str, field: str) -> bool:
    return field in fill(data, kind, lambda _f, _k, old: old, add_missing=True)[1]


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\x9b", "\u202a", "\u202e", "\u2066",
                                  "\u2069"])
def test_control_characters_are_refused(minimal_project: Path, char: str) -> None:
    escaped = char.encode("unicode_escape").decode("ascii")  # as a YAML escape: "\\u202e"
    edit(minimal_project, "data/personer.yaml", "    namn: Bo Prov", f'    namn: "Bo{escaped}Prov"')
    refused(minimal_project, "data/personer.yaml:5: personer[1].namn: otillåtet styrtecken "
            f"U+{ord(char):04X}")


def test_tab_and_newline_are_allowed_in_free_text(minimal_project: Path) -> None:
    edit(minimal_project, "data/personer.yaml", "    namn: Bo Prov", '    namn: Bo Prov\n    intern: "a\\tb\\nc"')
    assert build(minimal_project).persons["bo-prov"].intern == "a\tb\nc"


@pytest.mark.parametrize(("rel", "old", "field"), [
    ("data/personer.yaml", "namn: Anna Exempel", "personer[0].namn"),
    ("data/organisationer.yaml", "namn: Arbetsförmedlingen", "organisationer[0].namn"),
    ("data/insatser/exempel.yaml", "namn: Exempelteamet", "insatser[0].namn"),
    ("data/forbund/exempel.yaml", "namn: Samordningsförbundet Exempel", "namn"),
])
def test_markup_in_a_name_is_refused(minimal_project: Path, rel: str, old: str, field: str) -> None:
    name = old.split(": ", 1)[1]
    edit(minimal_project, rel, old, f'namn: "{name} </title><script>alert(1)</script><title>"')
    refused(minimal_project, f"{rel}:", f"{field}: ett namn får inte innehålla < eller >")


def test_a_symlink_is_refused_and_never_read(minimal_project: Path) -> None:
    (minimal_project / "data/rapporter/passwd.yaml").symlink_to("/etc/passwd")
    (minimal_project / "data/extra").symlink_to("/etc")
    output = refused(minimal_project, "data/rapporter/passwd.yaml: (dokument): symbolisk länk; länken följs inte",
                     "data/extra: (dokument): symbolisk länk")
    assert "root:" not in output and "/bin/" not in output


def test_a_linked_data_folder_is_refused(tmp_path: Path) -> None:
    project = make_project(tmp_path, ROOT / "tests" / "fixtures" / "minimal" / "data")
    (project / "data").rename(project / "riktig-data")
    (project / "data").symlink_to(project / "riktig-data")
    refused(project, "data: (dokument): data/ får inte vara en symbolisk länk")


@pytest.mark.parametrize("name", ['x"><fbxel>.yaml', "Stor bokstav.yaml", "a" * 81 + ".yaml"])
def test_a_data_file_is_named_like_an_id(minimal_project: Path, name: str) -> None:
    (minimal_project / "data/insatser/exempel.yaml").rename(minimal_project / "data/insatser" / name)
    refused(minimal_project, f"data/insatser/{name}: (dokument): filnamnet ska vara ett id")


def test_a_file_name_with_control_characters_is_not_echoed(minimal_project: Path) -> None:
    (minimal_project / "data/insatser/exempel.yaml").rename(minimal_project / "data/insatser/a\x1b[31mb.yaml")
    output = refused(minimal_project, "data/insatser/a\\x1b[31mb.yaml", "har tecken som inte syns")
    assert "\x1b" not in output


def test_a_fifo_is_refused_without_waiting(minimal_project: Path) -> None:
    os.mkfifo(minimal_project / "data/personer2.yaml")
    refused(minimal_project, "data/personer2.yaml: (dokument): inte en vanlig fil")


def test_a_file_that_is_not_data_is_quoted_only_in_part(minimal_project: Path) -> None:
    write(minimal_project, "data/personer.yaml", "".join(f"root{i}:x:0:0:root:/root:/bin/bash\n" for i in range(200)))
    output = refused(minimal_project, "data/personer.yaml:1: (dokument): objekt förväntades")
    assert output.count("/bin/bash") <= 2


@pytest.mark.parametrize(("date", "ok"), [("2021-02-30", False), ("2021-02-29", False), ("2021-04-31", False),
                                          ("2024-02-29", True), ("2021-02-28", True)])
def test_a_date_must_exist(minimal_project: Path, date: str, ok: bool) -> None:
    edit(minimal_project, REPORT, "  datum: 2021-03-01", f"  datum: {date}")
    if ok:
        assert build(minimal_project).reports["exempel-2020"].data["beslut"]["datum"] == date
    else:
        refused(minimal_project, f"{REPORT}:8: beslut.datum: ett datum som finns i kalendern förväntades "
                f"(ÅÅÅÅ-MM-DD), fick '{date}'")


def test_dotted_thousands_in_a_count_are_refused(minimal_project: Path) -> None:
    edit(minimal_project, REPORT, "      totalt: 36", "      totalt: 1.346")
    refused(minimal_project, f"{REPORT}:", "deltagare.totalt: heltal förväntades, fick decimaltalet 1.346")


def test_dotted_thousands_in_a_key_figure_are_refused(minimal_project: Path) -> None:
    edit(minimal_project, REPORT, "tabeller:\n", "nyckeltal:\n  - {etikett: Deltagare, varde: 1.346, enhet: antal, "
         "avsnitt: '1 Förvaltningsberättelse'}\ntabeller:\n")
    refused(minimal_project, f"{REPORT}:", "nyckeltal[0].varde: heltal förväntades, fick decimaltalet 1.346")


def test_a_key_figure_in_percent_may_have_decimals(minimal_project: Path) -> None:
    edit(minimal_project, REPORT, "tabeller:\n", "nyckeltal:\n  - {etikett: Andel, varde: 1.346, enhet: procent, "
         "avsnitt: '1 Förvaltningsberättelse'}\ntabeller:\n")
    assert build(minimal_project).reports["exempel-2020"].data["nyckeltal"][0]["varde"] == 1.346


def test_dotted_thousands_in_a_count_table_are_refused(minimal_project: Path) -> None:
    edit(minimal_project, REPORT, "      - {text: Soliditet, nyckel: soliditet, enhet: procent, varden: [93, 92]}",
         "      - {text: Deltagare, enhet: antal, varden: [1.346, 92]}")
    refused(minimal_project, f"{REPORT}:", "tabeller[0].rader[1].varden[0]: ett antal ska vara ett heltal, "
            "fick decimaltalet 1.346")


def test_an_error_message_quotes_only_an_excerpt(minimal_project: Path) -> None:
    edit(minimal_project, "data/organisationer.yaml", "typ: kommun", "typ: " + "kommun" * 1000)
    output = refused(minimal_project, "data/organisationer.yaml:", "organisationer[1].typ: ett av")
    line = next(line for line in output.splitlines() if "organisationer[1].typ" in line)
    assert len(line) < 400 and "(6000 tecken)" in line


def test_schema_validation_of_the_real_data_still_passes() -> None:
    for file, kind in data_files(ROOT):
        doc = load(file, file.relative_to(ROOT).as_posix())
        assert validate(doc, kind) == []


# ---- the build: site/ only from a complete, successful build; the internal edition never in site/

def make_build(project: Path, target: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """What `make build` runs: scripts/build_site.py."""
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "hooks"), **(env or {})}
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "build_site.py"), target, "-f",
                           str(project / "mkdocs.yml")], cwd=project, capture_output=True, text=True, env=full_env,
                          timeout=300, check=False)


def test_make_build_runs_the_swap() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    build_rule = makefile.split("\nbuild:", 1)[1].split("\n\n", 1)[0]
    assert "scripts/build_site.py $(SITE_DIR)" in build_rule and "mkdocs build" not in build_rule


@pytest.mark.parametrize("failure", ["strict warning", "data error", "crash after writing"])
def test_a_failed_build_leaves_site_as_it_was(minimal_project: Path, failure: str) -> None:
    first = make_build(minimal_project, "site")
    assert first.returncode == 0, first.stderr[-3000:]
    site = minimal_project / "site"
    before = digest(site)
    assert "index.html" in before
    if failure == "strict warning":  # found by MkDocs only after every page is written
        write(minimal_project, "docs/trasig.md", "# Trasig\n\n[En länk](finns-inte.md)\n")
    elif failure == "data error":
        edit(minimal_project, "data/personer.yaml", "namn: Bo Prov", "namn: Bo Prov\n    okant: x")
    else:  # a crash once every page is written
        write(minimal_project, "krasch.py", "def on_post_build(config):\n    raise RuntimeError('krasch')\n")
        config = minimal_project / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8") + "hooks:\n  - krasch.py\n", encoding="utf-8")
    result = make_build(minimal_project, "site")
    assert result.returncode != 0
    assert "site/ är oförändrad" in result.stderr
    assert digest(site) == before
    assert sorted(p.name for p in minimal_project.iterdir() if p.name.startswith(".site")) == []


def test_a_successful_build_replaces_site(minimal_project: Path) -> None:
    site = minimal_project / "site"
    site.mkdir()
    (site / "gammal.html").write_text("x", encoding="utf-8")
    assert make_build(minimal_project, "site").returncode == 0
    assert not (site / "gammal.html").exists() and (site / "index.html").is_file()
    assert oct(site.stat().st_mode & 0o777) != oct(0o700)


def test_the_internal_edition_never_goes_to_site(minimal_project: Path) -> None:
    internal = {"FAKTABANK_EDITION": "internal"}
    result = run_build(minimal_project, minimal_project / "site", internal)  # plain mkdocs build, its default folder
    assert result.returncode != 0
    assert "den interna utgåvan får aldrig skrivas till site/" in result.stderr
    assert not (minimal_project / "site").exists()
    result = make_build(minimal_project, "site", internal)
    assert result.returncode != 0 and "aldrig skrivas till site/" in result.stderr
    assert not (minimal_project / "site").exists()
    result = make_build(minimal_project, "site-internal", internal)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Intern utgåva" in (minimal_project / "site-internal" / "index.html").read_text(encoding="utf-8")


def test_check_output() -> None:
    with pytest.raises(DataError, match="aldrig skrivas till site/"):
        check_output("internal", "/any/where/site")
    check_output("internal", "/any/where/site-internal")
    check_output("public", "/any/where/site")


def test_a_scratch_project_builds(tmp_path: Path) -> None:
    """The project these tests break is valid to start with."""
    project = make_project(tmp_path, ROOT / "tests" / "fixtures" / "minimal" / "data")
    assert check(project)[0] == 0


def test_a_huge_number_is_refused(minimal_project: Path) -> None:
    """Python refuses to read an integer of more than 4 300 digits: that was a ValueError traceback."""
    edit(minimal_project, REPORT, "      totalt: 36", "      totalt: " + "1" * 5000)
    refused(minimal_project, f"{REPORT}:", "deltagare.totalt: högst 40 tecken i ett tal förväntades, fick 5000")


@pytest.mark.parametrize("key", ["[a, b]", "{a: 1}", "[" * 400 + "]" * 400, "1" * 5000])
def test_a_key_must_be_text(minimal_project: Path, key: str) -> None:
    edit(minimal_project, "data/personer.yaml", "personer:\n", f"? {key}\n: 1\npersoner:\n")
    refused(minimal_project, "data/personer.yaml:1: (dokument): nyckeln ")
