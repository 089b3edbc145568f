"""A generated page as the renderer plans it: what MkDocs needs to add it, and how to make its content."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    """A generated page: its docs path, its title, the data file it comes from and how to make its source.

    The HTML is made each time `content` is read and never kept: at
    national scale the pages' sources are hundreds of megabytes, so the hook renders a page just before
    MkDocs writes it, and the text is gone again once it is written.
    """

    src_uri: str
    title: str
    edit_path: str | None
    source: Callable[[], str]
    group: str | None = None  # the förbund the page is about, if one: workers.Workers keeps a förbund's pages together

    @property
    def content(self) -> str:
        return self.source()
