"""Speed layer: the templates' compiled code is kept for the life of the process (speed.compiled): a rebuild under
`mkdocs serve` does not compile them again, and an edited template is compiled anew."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from faktabank.pages import render
from faktabank.speed.compiled import COMPILED


@pytest.fixture
def compiled(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    names: list[str] = []
    original = jinja2.Environment.compile

    def counting(self: jinja2.Environment, source: str, name: str | None = None, *args: object, **kwargs: object):
        names.append(name or "")
        return original(self, source, name, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    monkeypatch.setattr(COMPILED, "code", {})
    return names


def test_a_second_environment_does_not_compile_again(compiled: list[str]) -> None:
    first = render.make_env(bytecode_cache=COMPILED).get_template("person_index.html.j2")
    assert sorted(compiled) == sorted([*render.MACROS, "person_index.html.j2"])  # the macro libraries, the page
    before = list(compiled)
    second = render.make_env(bytecode_cache=COMPILED).get_template("person_index.html.j2")
    assert compiled == before  # loaded from the kept code
    assert second is not first and second.environment is not first.environment


def test_an_edited_template_is_compiled_anew(compiled: list[str], tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    for library in render.MACROS:  # every environment loads the macro libraries
        (tmp_path / library).write_text((render.TEMPLATES / library).read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(render, "TEMPLATES", tmp_path)
    (tmp_path / "sida.html.j2").write_text("före {{ 1 + 1 }}\n", encoding="utf-8")
    assert render.make_env(bytecode_cache=COMPILED).get_template("sida.html.j2").render() == "före 2\n"
    assert render.make_env(bytecode_cache=COMPILED).get_template("sida.html.j2").render() == "före 2\n"
    assert [name for name in compiled if name not in render.MACROS] == ["sida.html.j2"]
    (tmp_path / "sida.html.j2").write_text("efter {{ 2 + 2 }}\n", encoding="utf-8")
    assert render.make_env(bytecode_cache=COMPILED).get_template("sida.html.j2").render() == "efter 4\n"
    assert [name for name in compiled if name not in render.MACROS] == ["sida.html.j2", "sida.html.j2"]
