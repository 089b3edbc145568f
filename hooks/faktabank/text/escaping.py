"""HTML escaping as markupsafe does it, with a short path for the two kinds of value a page is made of.

`markupsafe.escape` and `Markup(…)` check for `__html__` in Python before they make a Markup string; at
national scale they run some ten million times, mostly on plain text and on Markup. `escape` here gives
plain text and Markup their result directly (the same string) and hands anything else to markupsafe.
jinjafast's templates use it for every `{{ … }}`; the Python that writes HTML uses it too.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup
from markupsafe import escape as _escape

try:
    from markupsafe._speedups import _escape_inner
except ImportError:  # pragma: no cover (markupsafe without its C module)
    from markupsafe._native import _escape_inner

_new = str.__new__


def markup(text: str) -> Markup:
    """`Markup(text)` for a plain string: the same string, marked safe."""
    return _new(Markup, text)


def escape(value: Any) -> Markup:
    """`markupsafe.escape(value)`: plain text escaped, Markup as it is, anything else through markupsafe."""
    kind = type(value)
    if kind is str:
        return _new(Markup, _escape_inner(value))
    if kind is Markup:
        return value
    return _escape(value)
