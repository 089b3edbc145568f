"""Compiled templates kept between builds: a rebuild under `mkdocs serve` does not compile them again."""

from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class _Compiled(BytecodeCache):
    """The templates' compiled code, kept for the life of the process, so that a rebuild under `mkdocs serve`
    does not compile them again (a third of a second or more). Jinja stores each template's code with a
    checksum of its source and compiles a template anew when its source has changed."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


COMPILED = _Compiled()
