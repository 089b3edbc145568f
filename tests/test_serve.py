"""`make serve` with an error in data/: the server keeps running and the browser shows the problems (file, line,
field, what was expected), on the start page and on every page of the navigation that data/ makes; once the file
is mended, the pages come back, and a new error shows again."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from conftest import ROOT, make_project

sys.path.insert(0, str(ROOT / "scripts"))
from bench import _free_port, _get, stop  # the benchmark's own serve measurement uses the same helpers

MINIMAL = Path(__file__).parent / "fixtures" / "minimal" / "data"


def _wait_for(port: int, path: str, text: str, proc: subprocess.Popen, log: Path, timeout: float = 90) -> str:
    deadline = time.monotonic() + timeout
    while True:
        status, body = _get(port, path)
        if status == 200 and text in body:
            return body
        assert proc.poll() is None, log.read_text()[-3000:]
        assert time.monotonic() < deadline, f"{path} never showed {text!r}:\n{log.read_text()[-3000:]}"
        time.sleep(0.3)


def test_a_data_error_is_shown_in_the_browser_and_goes_away_when_mended(tmp_path: Path) -> None:
    project = make_project(tmp_path, MINIMAL)
    persons = project / "data" / "personer.yaml"
    good = persons.read_text(encoding="utf-8")
    first_id = good.index("- id: ")
    broken = good[:first_id] + "- id: Fel Id\n  oväntat: 1\n" + good[first_id + len("- id: "):].split("\n", 1)[1]
    persons.write_text(broken, encoding="utf-8")
    port = _free_port()
    log = tmp_path / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with log.open("w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}",
                                 "-f", str(project / "mkdocs.yml")], cwd=project, stdout=out, stderr=subprocess.STDOUT,
                                env=env)
    try:
        home = _wait_for(port, "/", "Fel i data/", proc, log)
        assert "data/personer.yaml:" in home and "fel-lista" in home
        assert "<script>" not in home.split("fel-lista", 1)[1].split("</table>", 1)[0]
        assert "Bygget stoppades av" in _wait_for(port, "/forbund/", "Fel i data/", proc, log)
        assert "fb-banner-fel" in _wait_for(port, "/om/", "Bygget stoppades av", proc, log)  # a hand-written page
        assert "fel i data/" in log.read_text()
        persons.write_text(good, encoding="utf-8")
        _wait_for(port, "/personer/anna-exempel/", "Anna Exempel", proc, log)  # a page of the mended data
        home = _get(port, "/")[1]
        assert "fb-banner-fel" not in home and "fel-lista" not in home
        persons.write_text(broken, encoding="utf-8")  # broken again while the server runs
        assert "data/personer.yaml:" in _wait_for(port, "/", "fel-lista", proc, log)
    finally:
        stop(proc)
