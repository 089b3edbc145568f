"""Jinja's attribute lookup and function calls, with a short path for what the faktabank's templates do most.

The templates read the reports' data (read-only mappings) with attribute syntax (`s.ekonomi`) and call plain
Python functions (`link.org(…)`, `source(…)`) hundreds of times per page. Jinja handles both generically:
an attribute is first looked up as an attribute, which for a mapping raises and catches AttributeError
before the key is tried; every call first asks whether the callable wants the context passed. Here a
mapping's key is read directly when the name is no attribute of the mapping type, and a plain function or
bound method without Jinja's pass-argument marker is called directly; the output of `{{ … }}` is escaped
with escaping.escape. Everything else takes Jinja's own path, so templates behave exactly as with Jinja's
Environment and Context.
"""

from __future__ import annotations

from types import BuiltinFunctionType, FunctionType, MappingProxyType, MethodType
from typing import Any

from jinja2 import Environment, Template
from jinja2.runtime import Context

from faktabank.text.escaping import escape

_MAPPINGS = (dict, MappingProxyType)
_MAPPING_ATTRIBUTES = frozenset(name for kind in _MAPPINGS for name in dir(kind))  # get, items, keys, …
_PLAIN_CALLABLES = (FunctionType, MethodType, BuiltinFunctionType)


class FastContext(Context):
    def call(__self, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 (Jinja's own signature)
        """Context.call, calling a plain function or method without pass_context & co. directly."""
        if type(__obj) in _PLAIN_CALLABLES and not hasattr(__obj, "jinja_pass_arg"):
            if kwargs:
                kwargs.pop("_block_vars", None)
                kwargs.pop("_loop_vars", None)
            try:
                return __obj(*args, **kwargs)
            except StopIteration:
                return __self.environment.undefined("value was undefined because a callable raised a"
                                                    " StopIteration exception")
        return Context.call(__self, __obj, *args, **kwargs)


class FastTemplate(Template):
    @classmethod
    def from_code(cls, environment: Environment, code: Any, globals: Any, uptodate: Any = None) -> Template:
        """Template.from_code, the compiled template escaping its output with escaping.escape."""
        template = super().from_code(environment, code, globals, uptodate)
        template.root_render_func.__globals__["escape"] = escape  # the name the generated code calls
        return template


class FastEnvironment(Environment):
    context_class = FastContext
    template_class = FastTemplate

    def getattr(self, obj: Any, attribute: str) -> Any:
        """Environment.getattr: for a mapping, its key (the mapping type has no attribute of that name)."""
        if type(obj) in _MAPPINGS and attribute not in _MAPPING_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)
