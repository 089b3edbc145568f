"""`make serve FORBUND=<id>`: a preview of one förbund. Only its report files are read (so that a rebuild stays
quick with every förbund in data/), its pages are built, every page says it is a preview, and an unknown id is a
clear error."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT, run_build
from faktabank.load.loader import Options, build


def test_only_that_forbunds_reports_are_read_and_built(tmp_path: Path) -> None:
    model = build(ROOT, Options(forbund="vasteras"))
    assert set(model.reports) == {"vasteras-2021"}
    assert "vasteras" in model.forbund  # other förbund only where the report names them (as partners)
    assert all(i.forbund == "vasteras" for i in model.insatser.values())
    site = tmp_path / "site"
    result = run_build(ROOT, site, {"FAKTABANK_FORBUND": "vasteras"})
    assert result.returncode == 0, result.stderr[-3000:]
    assert sorted(p.name for p in (site / "rapporter").iterdir() if p.is_dir()) == ["vasteras-2021"]
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Förhandsvisning av ett förbund." in home and "make serve FORBUND=vasteras" in home


def test_a_preview_does_not_read_the_other_reports(tmp_path: Path) -> None:
    """A broken report of another förbund does not stop the preview: it is not read."""
    project = tmp_path / "p"
    (project / "data").mkdir(parents=True)
    for sub in ("forbund", "insatser", "rapporter"):
        (project / "data" / sub).mkdir()
        for f in (ROOT / "data" / sub).iterdir():
            (project / "data" / sub / f.name).write_bytes(f.read_bytes())
    for name in ("organisationer.yaml", "personer.yaml", "ordlista.yaml"):
        (project / "data" / name).write_bytes((ROOT / "data" / name).read_bytes())
    (project / "data" / "rapporter" / "vasterbergslagen-2020.yaml").write_text("id: [trasig\n", encoding="utf-8")
    assert set(build(project, Options(forbund="vasteras")).reports) == {"vasteras-2021"}


def test_an_unknown_forbund_is_a_clear_error(tmp_path: Path) -> None:
    result = run_build(ROOT, tmp_path / "site", {"FAKTABANK_FORBUND": "finns-inte"})
    assert result.returncode != 0
    assert "förbundet 'finns-inte' finns inte i data/forbund/" in result.stderr
    assert not (tmp_path / "site").exists()
