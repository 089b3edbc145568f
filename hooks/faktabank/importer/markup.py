"""Cleaning a cell or line of the markup the sources carry: HTML tags, Markdown emphasis, footnote marks."""

from __future__ import annotations

import re

_SUP = re.compile(r"<sup>.*?</sup>|[¹²³⁴⁵⁶⁷⁸⁹⁰]+", re.S)
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_EMPH = re.compile(r"(\*{1,3}|_{2})(?=\S)(.+?)(?<=\S)\1")
_BOLD = re.compile(r"<b>|<strong>|\*\*")
_SPACE = re.compile(r"\s+")


def is_bold(text: str) -> bool:
    """The cell or line is set in bold in the source."""
    return bool(_BOLD.search(text))


def clean(text: str) -> str:
    """Text without tags, emphasis marks or footnote numbers, with single spaces."""
    text = _SUP.sub("", text)
    text = _TAG.sub(" ", text)
    for _ in range(2):
        text = _EMPH.sub(r"\2", text)
    text = text.replace("\u00a0", " ")
    return _SPACE.sub(" ", text).strip()
