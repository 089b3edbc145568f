"""Errors the Nu Html Checker reports in HTML that comes from the theme (Material for MkDocs 9.8.1), not from
the faktabank's templates or pages. Each entry: the checker's message (a regular expression), the markup it
is about, and why it stays. tests/test_html_valid.py fails on any other error, and on an entry that no
longer matches anything (remove it then)."""

from __future__ import annotations

THEME_ERRORS: list[tuple[str, str, str]] = [
    (
        r"Attribute “autocomplete” is only allowed when the input type is .*",
        '<input class="md-toggle" … type="checkbox" id="__drawer" autocomplete="off"> (and __search)',
        "Material's base.html: the hidden checkboxes that open the menu and the search carry autocomplete=off so "
        "Firefox does not restore their state on reload; the attribute has no effect on a checkbox for anyone else.",
    ),
    (
        r"Attribute “autocorrect” not allowed on element “input” at this point\.",
        '<input type="text" class="md-search__input" … autocorrect="off">',
        "Material's search box: a Safari attribute that keeps iOS from correcting search words; not in the HTML standard.",
    ),
    (
        r"The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control\.",
        '<label class="md-nav__title" for="__toc">',
        "Material's navigation: the label of the table-of-contents toggle on pages whose toggle is hidden; "
        "the label then has no function, and the control it names is not for the reader.",
    ),
]
