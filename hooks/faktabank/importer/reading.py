"""A source file as numbered lines of text: .txt and .md as they are, PDF from its text layer (pypdf)."""

from __future__ import annotations

from pathlib import Path

from faktabank.load.errors import DataError, Problem

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")


def refuse(source: str, what: str, hint: str = "") -> DataError:
    """The error for an input the importer will not turn into a draft."""
    return DataError([Problem(source, None, "källfil", what, hint)])


def read_lines(path: Path) -> list[str]:
    """The source's lines (index 0 is line 1). Raises DataError for a missing, empty, scanned or unknown file."""
    name = str(path)
    if not path.is_file():
        raise refuse(name, "filen finns inte", "ange sökvägen till rapporten, t.ex. SRC=../rapporter/ar2024.pdf")
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        text = _pdf_text(path)
    elif suffix in TEXT_SUFFIXES:
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", errors="replace")
    else:
        raise refuse(name, f"okänd filtyp '{suffix or '(ingen)'}'; .txt, .md eller .pdf förväntades",
                     "spara rapporten som PDF eller som text (.txt)")
    if not text.strip():
        raise refuse(name, "filen är tom", "kontrollera att rätt fil angavs och att den inte är avkortad")
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00ad", "").split("\n")


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(path)
        pages = [page.extract_text(extraction_mode="layout") or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        raise refuse(str(path), f"PDF-filen kunde inte läsas ({exc})",
                     "öppna den i en PDF-läsare och spara om den, eller exportera texten till en .txt-fil") from exc
    text = "\n".join(pages)
    letters = sum(ch.isalpha() for ch in text)
    if letters < 40:
        raise refuse(str(path), "PDF-filen har inget textlager (den ser inskannad ut)",
                     "kör textigenkänning (OCR) på filen, t.ex. med ocrmypdf, eller be förbundet om en digital PDF")
    return text
