"""`make build`: build the site into a new folder beside the target, and put it in place only if the build succeeded.

    python scripts/build_site.py SITE_DIR [more `mkdocs build` options, e.g. -f path/mkdocs.yml]

`mkdocs build --strict` empties its folder before it writes, and a strict-mode warning (a broken link, an external
image) fails the build only after every page is written. So the build writes to `.<name>.bygge-*` next to the
target; on success the old folder is moved aside, the new one takes its name and the old one is removed. On any
failure (bad data, a warning, a crash, Ctrl-C) the new folder is removed and the target is left byte for byte as
it was. The internal edition is never built into site/ (faktabank.load.options.check_output).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from faktabank.load.errors import DataError
from faktabank.load.options import check_output


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def build(target: Path, mkdocs_args: list[str]) -> int:
    """Build into a temporary folder beside `target`, swap it in on success. Returns mkdocs' exit code."""
    target = target.absolute()
    try:
        check_output(os.environ.get("FAKTABANK_EDITION", "public") or "public", str(target))
    except DataError as exc:
        print(f"faktabank: {exc}", file=sys.stderr)
        return 1
    target.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{target.name}.bygge-", dir=target.parent))
    old: Path | None = None
    try:
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(fresh), *mkdocs_args]
        code = subprocess.run(command, check=False).returncode
        if code != 0:
            print(f"faktabank: bygget misslyckades; {target.name}/ är oförändrad", file=sys.stderr)
            return code
        fresh.chmod(0o777 & ~_umask())  # mkdtemp makes it private; the site is not
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.gammal-", dir=target.parent))
            target.rename(old / target.name)
        try:
            fresh.rename(target)
        except OSError:
            if old is not None:
                (old / target.name).rename(target)  # put the previous site back
            raise
        return 0
    finally:
        shutil.rmtree(fresh, ignore_errors=True)  # left only when the build failed or was stopped
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)


def main(argv: list[str]) -> int:
    if not argv or argv[0].startswith("-"):
        print("användning: python scripts/build_site.py MAPP [mkdocs build-flaggor]", file=sys.stderr)
        return 2
    return build(Path(argv[0]), argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
