"""`make import` end to end: each source report and reports in other layouts (written for these tests: a förbund
that does not exist, invented figures, own prose) into scratch copies of the project; the draft validates as
written, nothing existing is overwritten or edited, and bad input is refused with a clear message."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import MINIMAL, ROOT, SOURCES, make_project, run_build
from faktabank.importer.draft import make_draft
from faktabank.importer.writing import check_and_write
from faktabank.load.errors import DataError
from faktabank.load.loader import Options, build

FIXTURES = Path(__file__).parent / "fixtures" / "import"
CURATED = {  # source → the curated report it is transcribed into
    "vasterbergslagen-arsredovisning-2020.txt": "vasterbergslagen-2020",
    "vasterbergslagen-arsredovisning-2023.txt": "vasterbergslagen-2023",
    "vasteras-arsredovisning-2021.txt": "vasteras-2021",
    "norra-vastmanland-arsredovisning-2014.txt": "norra-vastmanland-2014",
    "vastra-malardalen-delarsrapport-2019.txt": "vastra-malardalen-2019-delar",
}


def scratch(tmp: Path, data: Path = ROOT / "data", drop: str | None = None) -> Path:
    root = tmp / "projekt"
    shutil.copytree(data, root / "data")
    if drop:
        (root / "data" / "rapporter" / f"{drop}.yaml").unlink()
    return root


def run_cli(root: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "hooks")}
    return subprocess.run([sys.executable, "-m", "faktabank", "import", *args, "--root", str(root)],
                          capture_output=True, text=True, env=env, check=False)


def check_internal(root: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "hooks"), "FAKTABANK_EDITION": "internal"}
    return subprocess.run([sys.executable, "-m", "faktabank", "check", str(root)], capture_output=True, text=True,
                          env=env, check=False)


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted((root / "data").rglob("*.yaml"))}


def rows(report: dict, table_kind: str) -> dict[str, list]:
    return {r["text"]: r.get("varden") for t in report["tabeller"] if t["typ"] == table_kind for r in t["rader"]}


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, dict, dict[str, bytes]]]:
    """Each source imported through the command line into its own scratch copy (its curated file removed)."""
    out = {}
    for source, rid in CURATED.items():
        root = scratch(tmp_path_factory.mktemp(rid), drop=rid)
        before = snapshot(root)
        forbund = yaml.safe_load((ROOT / "data" / "rapporter" / f"{rid}.yaml").read_text())["forbund"]
        result = run_cli(root, str(SOURCES / source), "--forbund", forbund)
        assert result.returncode == 0, result.stderr
        assert "att granska" in result.stdout and " → " in result.stdout
        draft = yaml.safe_load((root / "data" / "rapporter" / f"{rid}.yaml").read_text())
        out[rid] = (root, draft, before)
    return out


@pytest.mark.parametrize("rid", list(CURATED.values()))
def test_each_source_imports_into_a_draft_that_validates(imported: dict, rid: str) -> None:
    root, draft, before = imported[rid]
    assert draft["status"] == "utkast" and draft["id"] == rid
    curated = yaml.safe_load((ROOT / "data" / "rapporter" / f"{rid}.yaml").read_text())
    assert (draft["typ"], draft["period"]) == (curated["typ"], {k: str(v) for k, v in curated["period"].items()})
    assert draft["sammanfattning"].startswith("ATT GÖRA")
    assert "källrad → vad" in draft["intern"]
    result = check_internal(root)
    assert result.returncode == 0, result.stdout + result.stderr
    after = snapshot(root)
    for name, content in before.items():  # registries only grow at the end; nothing else changes
        assert after[name][: len(content)] == content, name


def test_the_figures_land_where_the_report_prints_them(imported: dict) -> None:
    vb23 = imported["vasterbergslagen-2023"][1]
    assert rows(vb23, "resultatrakning")["Årets resultat"] == [159492, -186813]
    assert rows(vb23, "oversikt")["Verksamhetens kostnader"] == [-4336, -4696, -5130, -4560, -4592]
    assert next(t for t in vb23["tabeller"] if t["typ"] == "oversikt")["enhet"] == "tkr"
    assert rows(vb23, "driftredovisning")["Belopp tkr"] == [4508, 4348, 160, -1346, 1506, 4509, 4696, -187]
    nv = imported["norra-vastmanland-2014"][1]
    assert rows(nv, "balansrakning")["Summa tillgångar"] == [4727, 3129]
    assert {t["enhet"] for t in nv["tabeller"] if t["typ"] == "not"} == {"kkr"}
    vm = imported["vastra-malardalen-2019-delar"][1]
    assert rows(vm, "budgetuppfoljning")["RESULTAT"] == [None, 645778, -256167, 0]
    assert vm["beslut"] == {"datum": "2019-08-28", "organ": "Styrelsen", "diarienummer": "SVM 2018/17"}
    assert imported["vasteras-2021"][1]["beslut"]["datum"] == "2022-03-25"
    assert imported["norra-vastmanland-2014"][1]["beslut"] == {"datum": "2015-03-05", "organ": "Styrelsen",
                                                               "ort": "Skinnskatteberg"}


def test_governance_from_tables_and_running_text(imported: dict) -> None:
    vb23 = imported["vasterbergslagen-2023"][1]
    af = next(m for m in vb23["styrelse"]["mandat"] if m["utsedd_av"] == "arbetsformedlingen")
    assert af["ordinarie"][1] == {"person": "maria-andersson", "roll": "ledamot", "fran": "2023-03-01"}
    assert vb23["sammantraden"]["antal"] == 8
    assert {(p.get("person"), p["funktion"]) for p in vb23["revisorer"]["poster"]} >= {
        ("jenny-barksjo-forslund", "upphandlad-revisor"), ("jenny-barksjo-forslund", "sakkunnigt-bitrade")}
    vasteras = imported["vasteras-2021"][1]  # the board as running text: "Org: Name, ordförande (ordinarie) …"
    region = next(m for m in vasteras["styrelse"]["mandat"] if m["utsedd_av"] == "region-vastmanland")
    assert region["ordinarie"] == [{"person": "dennis-nilsson", "roll": "ordforande"}]
    assert region["ersattare"] == [{"person": "maria-vallgren-eriksson"}]
    nv = imported["norra-vastmanland-2014"][1]
    assert [p["titel"] for p in nv["undertecknare"]["poster"]][:2] == ["Styrelseordförande", "Vice ordförande"]


def test_a_report_in_other_layouts_new_forbund(tmp_path: Path) -> None:
    """Space-aligned tables, unit only in the text, board and auditors as running text, other heading order."""
    root = scratch(tmp_path)
    before = snapshot(root)
    result = run_cli(root, str(FIXTURES / "ankeby-arsredovisning-2022.txt"), "--forbund", "ankeby")
    assert result.returncode == 0, result.stderr
    draft = yaml.safe_load((root / "data" / "rapporter" / "ankeby-2022.yaml").read_text())
    forbund = yaml.safe_load((root / "data" / "forbund" / "ankeby.yaml").read_text())
    assert (forbund["orgnr"], forbund["bildat"], forbund["namn"]) == ("222000-9990", "2012-03-01",
                                                                      "Samordningsförbundet Ankeby")
    assert draft["beslut"]["datum"] == "2023-03-10"
    oversikt = next(t for t in draft["tabeller"] if t["typ"] == "oversikt")
    assert oversikt["enhet"] == "tkr" and rows(draft, "oversikt")["Årets resultat"] == [-290, 210, -30]
    result_rows = next(t for t in draft["tabeller"] if t["typ"] == "resultatrakning")
    assert [c.get("datum") for c in result_rows["kolumner"]] == ["2022-12-31", "2021-12-31"]
    assert [r.get("not") for r in result_rows["rader"][:2]] == [1, 2]
    assert rows(draft, "not")["Summa"] == [5120400, 5080000]
    budget = rows(draft, "budgetuppfoljning")
    assert budget["Steget vidare"] == [2400, 2610, -210] and budget["Nätverk för handledare"] == [300, 212, 88]
    board = {m["utsedd_av"]: m for m in draft["styrelse"]["mandat"]}
    assert board["ankeby-kommun"]["ordinarie"] == [{"person": "karin-lindqvist", "roll": "ordforande"}]
    assert board["region-norrmark"]["ordinarie"][0]["roll"] == "vice-ordforande"
    assert set(board) == set(draft["medlemmar"]["parter"])
    assert draft["sammantraden"]["antal"] == 6
    assert [p["funktion"] for p in draft["revisorer"]["poster"]] == ["upphandlad-revisor", "fortroendevald-revisor"]
    steget = draft["insatser"][0]
    assert steget["insats"] == "ankeby-12"
    assert steget["ekonomi"] == {"enhet": "tkr", "beviljat": 2400, "utfall": 2610}
    assert steget["deltagare"] == {"totalt": 48, "kvinnor": 30, "man": 18, "avslutade": 12}
    persons = yaml.safe_load((root / "data" / "personer.yaml").read_text())["personer"]
    assert {"id": "karin-lindqvist", "namn": "Karin Lindqvist"} in persons
    after = snapshot(root)
    for name, content in before.items():
        assert after[name][: len(content)] == content, name
    assert check_internal(root).returncode == 0


PDF_LINES = [
    "Samordningsförbundet Bortvik",
    "Organisationsnummer 222000-9991",
    "",
    "Delårsrapport 2021",
    "Perioden 1 januari - 30 juni 2021",
    "",
    "Ekonomisk uppföljning",
    "",
    "Belopp i kr                      Budget 2021     Utfall 210630",
    "Bidrag från medlemmarna            3 600 000         1 800 000",
    "Kostnader för insatser            -2 900 000        -1 210 455",
    "Kostnader för kansliet              -700 000          -344 120",
    "Periodens resultat                         0           245 425",
    "",
    "Bortvik 2021-08-30",
    "",
    "Hanna Lund",
    "Ordförande",
    "",
    "Petter Sjö",
    "Vice ordförande",
]


def _one_page_pdf(path: Path, content: bytes, font: bytes) -> Path:
    """A one-page PDF with `content` as its page's drawing operators, in a standard font (no font file needed)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /" + font + b" /Encoding /WinAnsiEncoding >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >>"
               b" /Contents 5 0 R >>",
               b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content + b"\nendstream"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))
    return path


def write_pdf(path: Path, lines: list[str] | None, drawing_only: bool = False) -> Path:
    """A minimal PDF: the lines in Courier as a text layer, or only a grey box (no text, like a scan)."""
    def esc(text: str) -> bytes:
        return text.encode("cp1252").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")

    content = b"0.5 g 72 72 400 600 re f" if drawing_only else b"BT /F1 9 Tf 11 TL 36 800 Td " + b" ".join(
        b"(" + esc(line) + b") Tj T*" for line in lines or []) + b" ET"
    return _one_page_pdf(path, content, b"Courier")


def test_a_pdf_report_through_its_text_layer(tmp_path: Path) -> None:
    root = scratch(tmp_path)
    pdf = write_pdf(tmp_path / "Bortvik delårsrapport 2021.pdf", PDF_LINES)
    result = run_cli(root, str(pdf), "--forbund", "bortvik")
    assert result.returncode == 0, result.stderr
    draft = yaml.safe_load((root / "data" / "rapporter" / "bortvik-2021-delar.yaml").read_text())
    assert draft["typ"] == "delarsrapport" and draft["period"] == {"fran": "2021-01-01", "till": "2021-06-30"}
    assert draft["kalla"] == {"fil": "bortvik-delarsrapport-2021.pdf", "titel": "Delårsrapport 2021",
                              "originalnamn": "Bortvik delårsrapport 2021.pdf"}
    [table] = draft["tabeller"]
    assert (table["typ"], table["enhet"]) == ("budgetuppfoljning", "kr")
    assert table["kolumner"][1]["datum"] == "2021-06-30"
    assert rows(draft, "budgetuppfoljning")["Kostnader för insatser"] == [-2900000, -1210455]
    assert [(p["person"], p["titel"]) for p in draft["undertecknare"]["poster"]] == [
        ("hanna-lund", "Ordförande"), ("petter-sjo", "Vice ordförande")]
    assert check_internal(root).returncode == 0


def test_never_overwrites_a_report_and_force_replaces_only_a_draft(tmp_path: Path) -> None:
    root = scratch(tmp_path)
    source = SOURCES / "vastra-malardalen-delarsrapport-2019.txt"
    before = snapshot(root)
    refused = run_cli(root, str(source), "--forbund", "vastra-malardalen")
    assert refused.returncode == 1 and "finns redan" in refused.stderr and "inget skrevs" in refused.stderr
    forced = run_cli(root, str(source), "--forbund", "vastra-malardalen", "--force")
    assert forced.returncode == 1 and "bara utkast" in forced.stderr
    assert snapshot(root) == before
    (root / "data" / "rapporter" / "vastra-malardalen-2019-delar.yaml").unlink()
    assert run_cli(root, str(source), "--forbund", "vastra-malardalen").returncode == 0
    again = run_cli(root, str(source), "--forbund", "vastra-malardalen")
    assert again.returncode == 1 and "--force" in again.stderr
    assert run_cli(root, str(source), "--forbund", "vastra-malardalen", "--force").returncode == 0


@pytest.mark.parametrize(("name", "content", "forbund", "message"), [
    ("tom.txt", "", "vasterbergslagen", "filen är tom"),
    ("blank.txt", "\n\n   \n", "vasterbergslagen", "filen är tom"),
    ("recept.txt", "Kanelbullar\n\nBlanda mjöl, smör och socker. Grädda i 250 grader.\n", "vasterbergslagen",
     "ser inte ut som en årsredovisning"),
    ("utan-orgnr.txt", "Samordningsförbundet Okänd\n\nÅrsredovisning 2022\n", "okant", "inget organisationsnummer"),
    ("fel-id.txt", "Samordningsförbundet X\n\nÅrsredovisning 2022\n", "Fel Id", "inte giltigt"),
    ("bild.png", "inte en rapport", "vasterbergslagen", "okänd filtyp"),
])
def test_bad_input_is_refused_and_nothing_is_written(tmp_path: Path, name: str, content: str, forbund: str,
                                                     message: str) -> None:
    root = scratch(tmp_path)
    before = snapshot(root)
    source = tmp_path / name
    source.write_text(content, encoding="utf-8")
    result = run_cli(root, str(source), "--forbund", forbund)
    assert result.returncode == 1
    assert message in result.stderr and "tips:" in result.stderr and "inget skrevs" in result.stderr
    assert snapshot(root) == before


def test_a_scanned_pdf_is_refused(tmp_path: Path) -> None:
    root = scratch(tmp_path)
    before = snapshot(root)
    pdf = write_pdf(tmp_path / "inskannad.pdf", None, drawing_only=True)
    result = run_cli(root, str(pdf), "--forbund", "vasterbergslagen")
    assert result.returncode == 1 and "inget textlager" in result.stderr and "OCR" in result.stderr
    assert snapshot(root) == before


def test_an_orgnr_of_another_forbund_names_the_right_id(tmp_path: Path) -> None:
    root = scratch(tmp_path)
    source = tmp_path / "r.txt"
    source.write_text("Västerbergslagens Samordningsförbund\nOrgnr; 222000-1735\n\nÅrsredovisning 2024\n")
    with pytest.raises(DataError, match="FORBUND=vasterbergslagen"):
        make_draft(source, root, "nytt-namn")


def test_a_doubtful_name_is_listed_never_merged(tmp_path: Path) -> None:
    root = scratch(tmp_path)
    source = tmp_path / "vastra-malardalen-2020.txt"
    text = (FIXTURES / "ankeby-arsredovisning-2022.txt").read_text().replace("Karin Lindqvist", "Andreas Tryg")
    source.write_text(text.replace("Org.nr 222000-9990", "Organisationsnr 222000-2816"))
    draft = make_draft(source, root, "vastra-malardalen")
    check_and_write(root, draft)
    persons = yaml.safe_load((root / "data" / "personer.yaml").read_text())["personer"]
    assert {"id": "andreas-tryg", "namn": "Andreas Tryg"} in persons, "a new entry, not the existing andreas-trygg"
    assert any("liknar 'Andreas Trygg'" in r.what for r in draft.review)
    build(root, Options(edition="internal"))


def test_the_internal_edition_shows_the_draft(tmp_path: Path) -> None:
    project = make_project(tmp_path, MINIMAL / "data")
    result = run_cli(project, str(FIXTURES / "ankeby-arsredovisning-2022.txt"), "--forbund", "ankeby")
    assert result.returncode == 0, result.stderr
    internal = run_build(project, tmp_path / "internal", {"FAKTABANK_EDITION": "internal"})
    assert internal.returncode == 0, internal.stderr
    page = (tmp_path / "internal" / "rapporter" / "ankeby-2022" / "index.html").read_text()
    assert "Utkast – inte godkänd" in page and "Steget vidare" in page
    public = run_build(project, tmp_path / "public")
    assert public.returncode == 0, public.stderr
    assert not (tmp_path / "public" / "rapporter" / "ankeby-2022").exists()


def test_a_markdown_interim_report_with_a_board_table_of_its_own_shape(tmp_path: Path) -> None:
    """Markdown headings, an interim period ending in August, kkr, `3.412.880`, a board table with the columns
    in another order and dated changes, an auditor table with the appointing member."""
    root = scratch(tmp_path)
    result = run_cli(root, str(FIXTURES / "ostmark-delarsrapport-2023.md"), "--forbund", "ostmark")
    assert result.returncode == 0, result.stderr
    draft = yaml.safe_load((root / "data" / "rapporter" / "ostmark-2023-delar.yaml").read_text())
    assert draft["period"] == {"fran": "2023-01-01", "till": "2023-08-31"}
    assert draft["kalla"]["fil"] == "ostmark-delarsrapport-2023.md"
    budget = next(t for t in draft["tabeller"] if t["typ"] == "budgetuppfoljning")
    assert (budget["enhet"], budget["rubrik"]) == ("kkr", "1.1 Uppföljning mot budget")
    assert [c.get("slag") for c in budget["kolumner"]] == ["budget", "utfall", "prognos", "avvikelse"]
    assert rows(draft, "budgetuppfoljning")["Periodens resultat"] == [-300, 200, 70, 370]
    assert rows(draft, "balansrakning")["Kassa och bank"] == [3412880, 3212004]
    region = next(m for m in draft["styrelse"]["mandat"] if m["utsedd_av"] == "region-ostmark")
    assert region["ordinarie"] == [{"person": "lisa-carlen", "roll": "ledamot", "till": "2023-04-30"},
                                   {"person": "mats-dahlgren", "roll": "ledamot", "fran": "2023-05-01"}]
    assert [(p["person"], p["utsedd_av"], p["funktion"]) for p in draft["revisorer"]["poster"]] == [
        ("ingrid-jonsson", ["ostmarks-kommun"], "fortroendevald-revisor"),
        ("rasmus-kvist", ["forsakringskassan"], "upphandlad-revisor")]
    assert draft["insatser"][0]["deltagare"] == {"totalt": 22, "kvinnor": 14, "man": 8}
    assert draft["insatser"][0]["ekonomi"] == {"enhet": "kkr", "budget": 1800}
    assert check_internal(root).returncode == 0


def test_a_board_listed_in_running_text(tmp_path: Path) -> None:
    """'Ordinarie ledamöter: Namn (Organisation, roll), …' and 'Ersättare: …' under a heading Styrelsen."""
    root = scratch(tmp_path)
    source = tmp_path / "vastra-malardalen-2021.txt"
    source.write_text(
        "Samordningsförbundet Västra Mälardalen\nOrganisationsnr 222000-2816\n\nÅrsredovisning 2021\n\n"
        "Styrelsen\n\n"
        "Ordinarie ledamöter: Andreas Trygg (Köpings kommun, ordförande), Linda Söder-Jonsson (Arboga kommun, "
        "vice ordförande), Nya Namnsson (Kungsörs kommun)\n"
        "Ersättare: Ove Båhlström (Köpings kommun), Eva Ersättarsson (Arboga kommun)\n\n"
        "Styrelsen har haft 7 sammanträden.\n", encoding="utf-8")
    draft = make_draft(source, root, "vastra-malardalen")
    board = {m["utsedd_av"]: m for m in draft.report["styrelse"]["mandat"]}
    assert board["kopings-kommun"] == {"utsedd_av": "kopings-kommun",
                                       "ordinarie": [{"person": "andreas-trygg", "roll": "ordforande"}],
                                       "ersattare": [{"person": "ove-bahlstrom"}]}
    assert board["arboga-kommun"]["ordinarie"] == [{"person": "linda-soder-jonsson", "roll": "vice-ordforande"}]
    assert board["kungsors-kommun"]["ordinarie"] == [{"person": "nya-namnsson", "roll": "ledamot"}]
    assert draft.report["sammantraden"]["antal"] == 7
    check_and_write(root, draft)
    build(root, Options(edition="internal"))


def write_positioned_pdf(path: Path, head: list[str], rows: list[tuple[str, list[str]]], header: list[str]) -> Path:
    """A PDF as office programs write one: Helvetica, every cell drawn at its own place, figures right-aligned."""
    def esc(text: str) -> bytes:
        return text.encode("cp1252").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")

    widths = {**dict.fromkeys("0123456789", 556), " ": 278, "-": 333}
    ops, y, edges = [], 800, [330, 430, 530]

    def put(x: float, text: str) -> None:
        ops.append(b"BT /F1 10 Tf %.1f %d Td (" % (x, y) + esc(text) + b") Tj ET")

    for line in head:
        put(60, line)
        y -= 16
    for edge, text in zip(edges, header, strict=False):
        put(edge - len(text) * 5.6, text)
    y -= 14
    for label, cells in rows:
        put(60, label)
        for edge, text in zip(edges, cells, strict=False):
            if text:
                put(edge - sum(widths.get(c, 556) for c in text) / 100, text)
        y -= 14
    content = b"\n".join(ops)
    return _one_page_pdf(path, content, b"Helvetica")


def test_a_pdf_with_cells_placed_one_by_one(tmp_path: Path) -> None:
    root = scratch(tmp_path)
    pdf = write_positioned_pdf(
        tmp_path / "bortvik-2022.pdf",
        ["Samordningsförbundet Bortvik", "Organisationsnummer 222000-9991", "Årsredovisning 2022",
         "Resultaträkning, belopp i kr"],
        [("Verksamhetens intäkter", ["4 000 000", "3 950 120", "3 801 000"]),
         ("Verksamhetens kostnader", ["-4 100 000", "-3 700 450", "-3 990 300"]),
         ("Finansiella intäkter", ["", "1 200", "-"]),
         ("Årets resultat", ["-100 000", "250 870", "-189 300"])],
        ["Budget 2022", "Utfall 2022", "Utfall 2021"])
    result = run_cli(root, str(pdf), "--forbund", "bortvik")
    assert result.returncode == 0, result.stderr
    draft = yaml.safe_load((root / "data" / "rapporter" / "bortvik-2022.yaml").read_text())
    [table] = draft["tabeller"]
    assert (table["typ"], table["enhet"]) == ("resultatrakning", "kr")
    assert [c["rubrik"] for c in table["kolumner"]] == ["Budget 2022", "Utfall 2022", "Utfall 2021"]
    assert rows(draft, "resultatrakning") == {
        "Verksamhetens intäkter": [4000000, 3950120, 3801000], "Verksamhetens kostnader": [-4100000, -3700450, -3990300],
        "Finansiella intäkter": [None, 1200, "-"], "Årets resultat": [-100000, 250870, -189300]}


def test_decisions_meetings_and_participants_in_other_words(tmp_path: Path) -> None:
    root = scratch(tmp_path)
    source = tmp_path / "ankeby-2023.txt"
    source.write_text(
        "Samordningsförbundet Ankeby\nOrg.nr 222000-9990\n\nÅrsredovisning 2023\n\n"
        "Årsredovisningen fastställdes av styrelsen den 12 mars 2024.\n\n"
        "Styrelsens arbete\n\nAntal sammanträden: 9\n\n"
        "Jobbspåret (projnr: 7), individinriktad insats\n\nProjektägare: Ankeby kommun\n\n"
        "Antal deltagare: 31 (19 kvinnor och 12 män). Insatsen beviljades 950 tkr.\n", encoding="utf-8")
    draft = make_draft(source, root, "ankeby")
    assert draft.report["beslut"] == {"datum": "2024-03-12", "organ": "Styrelsen"}
    assert draft.report["sammantraden"]["antal"] == 9
    assert draft.report["insatser"][0]["deltagare"] == {"totalt": 31, "kvinnor": 19, "man": 12}


def test_outside_a_project_nothing_happens(tmp_path: Path) -> None:
    result = run_cli(tmp_path, str(FIXTURES / "ankeby-arsredovisning-2022.txt"), "--forbund", "ankeby")
    assert result.returncode == 1 and "projektrot" in result.stderr
    assert list(tmp_path.iterdir()) == []
