"""Plain YAML values get SafeLoader's types (without its timestamp type), however yamlload finds them."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from faktabank.load import limits, yamlload
from faktabank.load.errors import DataError

SCALARS = ["0", "7", "42", "0123", "089", "1_000", "-5", "+5", "0x1F", "0o17", "1:30", "3.14", "-0.5", ".5",
           "1e3", "1.0e+3", ".inf", "-.Inf", ".nan", "yes", "No", "TRUE", "off", "On", "y", "n", "null", "Null",
           "~", "", "typ", "namn", "nej", "true_ish", "2021-03-24", "2021-03-24T10:00:00", "²", "١٢",
           "Örebro", "tkr", "SEK", "4 511 722", "−58 818", "93 %", "O'Brien", "o", "fran", "no way"]


def _safe(text: str):
    """SafeLoader's value, with the timestamp type left as text."""
    class Safe(yaml.SafeLoader):
        pass
    Safe.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
    return yaml.load(text, Loader=Safe)


@pytest.mark.parametrize("scalar", SCALARS)
def test_a_plain_scalar_reads_as_safeloader_reads_it(tmp_path: Path, scalar: str) -> None:
    text = f"varde: {scalar}\nlista: [{scalar}]\n"
    if scalar and isinstance(_safe(f"{scalar}: 1"), dict) and all(isinstance(k, str) for k in _safe(f"{scalar}: 1")):
        text += f"{scalar}: 1\n"  # also as a key, where it is text (other keys are refused: test_bad_input)
    file = tmp_path / "a.yaml"
    file.write_text(text, encoding="utf-8")
    for _ in range(2):  # the second time through the types already found
        got, want = yamlload.load(file, "a.yaml").data, _safe(text)
        assert got == want and [type(v) for v in got.values()] == [type(v) for v in want.values()], text
        assert [type(v) for v in got["lista"]] == [type(v) for v in want["lista"]]


def test_quoted_scalars_stay_text(tmp_path: Path) -> None:
    file = tmp_path / "a.yaml"
    file.write_text("a: '42'\nb: \"yes\"\nc: '2021-03-24'\n", encoding="utf-8")
    assert yamlload.load(file, "a.yaml").data == {"a": "42", "b": "yes", "c": "2021-03-24"}


def _nested(levels: int) -> str:
    """A document `levels` collections deep: a mapping, then lists."""
    return "a: " + "[" * (levels - 1) + "1" + "]" * (levels - 1) + "\n"


@pytest.mark.parametrize("padding", ["", "b: " + "x" * 3000 + "\n"])  # the second is scanned before it is built
def test_the_depth_limit_is_the_same_on_both_paths(tmp_path: Path, padding: str) -> None:
    file = tmp_path / "a.yaml"
    assert yamlload._may_nest_deeply(padding + _nested(2)) == bool(padding)
    file.write_text(padding + _nested(limits.MAX_DEPTH), encoding="utf-8")
    assert yamlload.load(file, "a.yaml").data["a"] is not None
    file.write_text(padding + _nested(limits.MAX_DEPTH + 1), encoding="utf-8")
    with pytest.raises(DataError, match="för djup nästling"):
        yamlload.load(file, "a.yaml")


def test_a_scanned_file_reads_the_same(tmp_path: Path) -> None:
    """A file with `&` or `*` before a word is scanned for anchors first; what it holds is read the same."""
    report = Path(__file__).parent / "fixtures" / "minimal" / "data" / "rapporter" / "exempel-2020.yaml"
    text = report.read_text(encoding="utf-8")
    plain, scanned = tmp_path / "a.yaml", tmp_path / "b.yaml"
    plain.write_text(text + "x: FoU och B\n", encoding="utf-8")
    scanned.write_text(text + "x: FoU och B&B *stjärna\n", encoding="utf-8")
    assert yamlload._MAYBE_ANCHOR.search(scanned.read_text(encoding="utf-8"))
    a, b = yamlload.load(plain, "a.yaml"), yamlload.load(scanned, "a.yaml")
    assert {k: v for k, v in a.data.items() if k != "x"} == {k: v for k, v in b.data.items() if k != "x"}
    assert a.lines == b.lines and b.data["x"] == "FoU och B&B *stjärna"


@pytest.mark.parametrize("text", ["a: &x 1\nb: *x\n", "a: &x [1]\n", "a: [*x]\n", "<<: *x\n"])
def test_anchors_and_aliases_are_refused(tmp_path: Path, text: str) -> None:
    file = tmp_path / "a.yaml"
    file.write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match=r"YAML-(ankare|alias)"):
        yamlload.load(file, "a.yaml")


def test_a_compact_document_gives_every_line_a_full_one_gives(tmp_path: Path) -> None:
    """The loader's documents (compact) keep lines down to a table's row; a deeper line is read from the file
    when it is asked for, and is the same as a full load gives. Sequences are tuples, and hold the same values."""
    report = Path(__file__).parent / "fixtures" / "minimal" / "data" / "rapporter" / "exempel-2020.yaml"
    full = yamlload.load(report, "a.yaml")
    compact = yamlload.load(report, "a.yaml", compact=True)
    assert max(map(len, full.lines)) > yamlload.LINES_DEPTH  # the fixture has deeper lines to ask for
    assert all(len(path) <= yamlload.LINES_DEPTH for path in compact.lines)
    assert isinstance(compact.data["tabeller"], tuple) and isinstance(full.data["tabeller"], list)

    def lists(value):
        if isinstance(value, dict):
            return {k: lists(v) for k, v in value.items()}
        return [lists(v) for v in value] if isinstance(value, (list, tuple)) else value

    assert lists(compact.data) == full.data
    shallow = [path for path in full.lines if len(path) <= yamlload.LINES_DEPTH]
    assert [compact.line(path) for path in shallow] == [full.line(path) for path in shallow]
    assert compact.depth is not None  # nothing read again yet
    assert [compact.line(path) for path in full.lines] == [full.line(path) for path in full.lines]
    assert compact.depth is None and compact.lines == full.lines
