"""Phones (issue 17, item 9): at 320 and 375 px no table cell breaks a word in the middle. A long word is either
hyphenated at a soft hyphen (the faktabank writes them into long Swedish compounds) or keeps its cell wide, and
the table scrolls in its own box (tests/browser/test_layout.py checks that the page itself never does).

The check reads the rendered lines: for every pair of letters (or digits) next to each other in a cell's text,
a new line may not start between them unless a soft hyphen stands there (a web address or a file name, which
is no word, may break)."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser import pagetypes

pytestmark = pytest.mark.browser

MID_WORD = r"""() => {
  const out = [], word = /[\p{L}\p{N}]/u;
  for (const cell of document.querySelectorAll('article table td, article table th')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.data, all = document.createRange();
      all.selectNodeContents(node);
      if (all.getClientRects().length < 2) continue;            // on one line: nothing is broken
      let before = null;
      for (let i = 0; i < text.length; i++) {
        const r = document.createRange();
        r.setStart(node, i); r.setEnd(node, i + 1);
        const rect = r.getClientRects()[0];
        if (!rect || !rect.width) { if (text[i] !== '\u00ad') before = null; continue; }
        if (before && rect.top > before.top + 1 && word.test(text[i]) && word.test(before.ch) && !before.shy) {
          const token = text.slice(0, i).split(/\s/).pop() + text.slice(i).split(/\s/)[0];
          if (!/[./@]/.test(token))   // a web address, e-mail or file name is no word: it may break
            out.push(`${text.slice(Math.max(0, i - 12), i)}|${text.slice(i, i + 12)}`);
        }
        before = {top: rect.top, ch: text[i], shy: false};
        if (text[i + 1] === '\u00ad') before.shy = true;
      }
    }
  }
  return out.slice(0, 12);
}"""
KINDS = [k for k in pagetypes.expected() if k in pagetypes.TYPES and k != "404"]


@pytest.mark.parametrize("width", [320, 375])
@pytest.mark.parametrize("kind", KINDS)
def test_no_word_is_broken_in_a_table_cell(kind: str, width: int, built_site: Path, open_page) -> None:
    url = pagetypes.representative(built_site, kind)
    page = open_page(url, viewport={"width": width, "height": 700})
    broken = page.evaluate(MID_WORD)
    assert not broken, f"{url} at {width} px breaks words in table cells: {broken}"
