"""The short paths in hooks/faktabank/jinjafast.py give what Jinja's own Environment and Context give: a
mapping's key by attribute syntax, its methods where the name is one, an undefined value for a missing key,
and functions that ask for the context, the environment or nothing, called from a template; and output
escaped as markupsafe escapes it (hooks/faktabank/escaping.py)."""

from __future__ import annotations

from types import MappingProxyType

import markupsafe
import pytest
from jinja2 import Environment, StrictUndefined, Undefined, UndefinedError, pass_context, pass_environment
from markupsafe import Markup

from faktabank.speed.jinjafast import FastEnvironment
from faktabank.text import escaping

TEMPLATE = (
    "{{ d.namn }}|{{ d.get('saknas', 'standard') }}|{{ d['items'] }}|{{ d.items() | list | length }}|"
    "{{ p.namn }}|{{ p.keys() | list | join(',') }}|{{ plain(1, b=2) }}|{{ method(3) }}|{{ ctx_fn() }}|"
    "{{ env_fn() }}|{{ callable_obj(4) }}|{{ stops() is defined }}|{{ builtin([3, 1, 2]) }}|{{ o.real }}"
)


class _Callable:
    def __call__(self, x: int) -> str:
        return f"objekt {x}"


class _Holder:
    def method(self, x: int) -> str:
        return f"metod {x}"


def _stops() -> None:
    raise StopIteration


def _values() -> dict:
    return {
        "d": {"namn": "Förbundet", "items": "en nyckel som heter items"},
        "p": MappingProxyType({"namn": "Skrivskyddad", "annat": 1}),
        "plain": lambda a, b: f"vanlig {a}{b}",
        "method": _Holder().method,
        "ctx_fn": pass_context(lambda context: f"kontext {context['d']['namn']}"),
        "env_fn": pass_environment(lambda environment: f"miljö {type(environment).__name__ != ''}"),
        "callable_obj": _Callable(),
        "stops": _stops,
        "builtin": sorted,
        "o": 5,
    }


@pytest.mark.parametrize("undefined", [Undefined, StrictUndefined])
def test_same_output_as_jinja(undefined) -> None:
    fast = FastEnvironment(undefined=undefined).from_string(TEMPLATE).render(**_values())
    plain = Environment(undefined=undefined).from_string(TEMPLATE).render(**_values())
    assert fast == plain
    assert fast.startswith("Förbundet|standard|en nyckel som heter items|2|Skrivskyddad|namn,annat|vanlig 12|metod 3|")


def test_a_missing_key_is_undefined() -> None:
    env = FastEnvironment(undefined=StrictUndefined)
    with pytest.raises(UndefinedError):
        env.from_string("{{ d.saknas }}").render(d=MappingProxyType({"namn": "x"}))
    assert FastEnvironment().from_string("[{{ d.saknas }}]").render(d={"namn": "x"}) == "[]"


class _Html:
    def __html__(self) -> str:
        return "<em>redan säker</em>"


class _Text(str):
    pass


ESCAPED = ["<b>&'\"", Markup("<i>märkt</i>"), 5, 2.5, None, _Html(), _Text("<u>underklass</u>"), "", "vanlig text"]


def test_output_is_escaped_as_jinja_escapes_it() -> None:
    source = "".join(f"[{{{{ v{i} }}}}]" for i in range(len(ESCAPED)))
    values = {f"v{i}": v for i, v in enumerate(ESCAPED)}
    template = FastEnvironment(autoescape=True).from_string(source)
    assert template.render(**values) == Environment(autoescape=True).from_string(source).render(**values)
    assert template.root_render_func.__globals__["escape"] is escaping.escape  # the short path is the one used


@pytest.mark.parametrize("value", ESCAPED)
def test_escaping_gives_what_markupsafe_gives(value) -> None:
    got, want = escaping.escape(value), markupsafe.escape(value)
    assert got == want and type(got) is Markup
    if isinstance(value, str):
        assert escaping.markup(str(value)) == Markup(str(value)) and type(escaping.markup(str(value))) is Markup
