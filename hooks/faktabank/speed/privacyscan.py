"""Material's privacy plugin, asked only about the parts of a page that can hold an external URL.

The plugin (mkdocs.yml: `privacy`, `assets_fetch: false`) runs one regular expression over every page it
writes (PATTERN): a tag that links to `//…` or `http(s)://…` through `href` or `src`. On a national build
that is a tenth of a second per hundred pages, nearly all of it spent on the theme's navigation, header and
footer, where it finds only the footer's link to Material. A match cannot hold a `>` except as its last
character, so it lies inside one stretch of the page between two `>`; and every match has an attribute
that starts an external URL (CANDIDATE), which a plain search finds quickly. `windowed` hands the plugin
only the stretches around such attributes and leaves the rest of the page as it is, which is what the
plugin itself would do with it; a stretch of links only, the same on every page, is scanned once.
tests/test_privacyscan.py compares both on real pages.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from typing import Any

# The plugin's own expression (material/plugins/privacy/plugin.py, _parse_html), checked before wrapping
PATTERN = r"<(?:(?:a|link|image)[^>]+href|(?:script|img)[^>]+src)=['\"]?(?:https?:)?//[^>]+>"
# What every match contains: an attribute ending in href or src whose value starts an external URL, found by
# looking for "//" (a fast search) and then at the few characters before it
CANDIDATE = re.compile(r"(?:href|src)=['\"]?(?:https?:)?//\Z", re.I)
_LOOKBACK = len("href='https://")
# The tags whose external URL the plugin fetches or reports (the rest it only writes anew): any tag name
# starting so, which is more than the plugin's own test of the name
_ASSET = re.compile(r"<(?:link|script|img|image)", re.I)
_Parse = Callable[[str, Any, Any], str]


def windows(html: str) -> list[tuple[int, int]]:
    """The stretches of `html` (start, end) that hold every match of PATTERN: each from just after the `>`
    before an external URL attribute to the `>` after it, overlapping stretches joined."""
    spans: list[tuple[int, int]] = []
    at = html.find("//")
    while at >= 0:
        found = CANDIDATE.search(html, max(0, at + 2 - _LOOKBACK), at + 2)
        if found is not None:
            start = html.rfind(">", 0, found.start()) + 1
            end = html.find(">", at + 2)
            end = len(html) if end < 0 else end + 1
            if spans and start < spans[-1][1]:
                spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
            else:
                spans.append((start, end))
        at = html.find("//", at + 1)
    return spans


def windowed(parse: _Parse) -> _Parse:
    """`parse` (the plugin's _parse_html) applied to the windows of a page only. A window whose tags are only
    links (no style sheet, script or image, which the plugin would fetch or report) gives the same text on
    every page, such as the footer's link to Material: it is scanned once."""
    links: dict[str, str] = {}

    def scan(output: str, initiator: Any, config: Any) -> str:
        parts, done = [], 0
        for start, end in windows(output):
            window = output[start:end]
            scanned = links.get(window)
            if scanned is None:
                scanned = parse(window, initiator, config)
                if not _ASSET.search(window):
                    links[window] = scanned
            parts += [output[done:start], scanned]
            done = end
        if not parts:
            return output
        parts.append(output[done:])
        return "".join(parts)

    scan.faktabank_windowed = True  # type: ignore[attr-defined]
    return scan


def install(plugin: Any) -> bool:
    """Give the privacy plugin instance the windowed scan, if its scan is the expression this module knows
    (another version of Material keeps its own scan). Returns whether it did."""
    parse = getattr(plugin, "_parse_html", None)
    if parse is None or getattr(parse, "faktabank_windowed", False):
        return parse is not None
    try:
        source = inspect.getsource(type(plugin)._parse_html)
    except (OSError, TypeError, AttributeError):
        return False
    if PATTERN not in source or "re.I | re.M" not in source:
        return False
    plugin._parse_html = windowed(parse)
    return True
