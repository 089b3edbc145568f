"""How the speed layer reads data/: a large data/ in two processes (workers.split_work), and under `mkdocs serve`
only the files that changed since the last build.

A file's parsed and checked document depends only on the file's bytes, so a rebuild can take the document it
read last time for a file whose size, modification time and inode are unchanged. The loader freezes a document's
values where they are (model.freeze_parsed) and never changes them after that; freezing a document kept from the
last build leaves it as it is. tests/test_speed.py builds with and without it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from faktabank.speed.workers import split_work

PARALLEL_FROM = 200  # data files: from this many, they are parsed in two processes


def read_all(files: list[Path], each: Callable[[Path], Any], parallel: bool = True) -> list[Any]:
    """`each` for every file: in two processes from PARALLEL_FROM files on (and `parallel`), else one by one."""
    if parallel and len(files) >= PARALLEL_FROM:
        return split_work(files, each)
    return [each(file) for file in files]


class Unchanged:
    """Reads only the files that changed since the last call (under `mkdocs serve`, one per rebuild)."""

    def __init__(self, parallel: bool) -> None:
        self.parallel = parallel
        self.read: dict[Path, tuple[tuple[int, int, int], Any]] = {}

    def __call__(self, files: list[Path], each: Callable[[Path], Any]) -> list[Any]:
        stamps = {file: _stamp(file) for file in files}
        todo = [file for file in files if self.read.get(file, (None,))[0] != stamps[file]]
        for file, result in zip(todo, read_all(todo, each, self.parallel), strict=True):
            self.read[file] = (stamps[file], result)
        for file in set(self.read) - set(stamps):
            del self.read[file]
        return [self.read[file][1] for file in files]


def _stamp(file: Path) -> tuple[int, int, int]:
    st = file.lstat()
    return st.st_mtime_ns, st.st_size, st.st_ino
