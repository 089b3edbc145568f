"""Generated sections inside hand-written pages.

A hand-written page in docs/ places a marker line such as `<!-- faktabank:kallor -->`; the hook replaces it
with the section rendered from the model (the list of source reports on "Om faktabanken", the contact
details from `extra.kontakt` in mkdocs.yml), so those lists never drift from the data.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from faktabank.model import Model
from faktabank.pages.regions import Regions
from faktabank.pages.render import make_env
from faktabank.text.links import Linker

MARKER = re.compile(r"<!--\s*faktabank:(?P<name>[a-z-]+)\s*-->")
SECTIONS = {"kallor": "om_kallor.html.j2", "kontakt": "om_kontakt.html.j2"}


class Sections:
    def __init__(self, model: Model, contact: Mapping[str, Any], use_directory_urls: bool = True) -> None:
        self.model = model
        self.contact = contact
        self.use_directory_urls = use_directory_urls
        self.env = make_env()

    def render(self, name: str, src_uri: str) -> str:
        if name not in SECTIONS:
            raise ValueError(f"docs/{src_uri}: okänd markering <!-- faktabank:{name} -->; "
                             f"kända: {', '.join(sorted(SECTIONS))}")
        if name == "kontakt" and not self.contact.get("epost"):
            raise ValueError(f"docs/{src_uri}: <!-- faktabank:kontakt --> kräver extra.kontakt.epost i mkdocs.yml")
        link = Linker(self.model, src_uri, self.use_directory_urls)
        regions = Regions(f"fb-{name}-rubrik-")  # a page may hold several sections: ids unique on the page
        return self.env.get_template(SECTIONS[name]).render(m=self.model, link=link, regions=regions,
                                                            kontakt=self.contact).strip()

    def fill(self, markdown: str, src_uri: str) -> str:
        """The page's Markdown with every marker replaced by its rendered section."""
        return MARKER.sub(lambda match: self.render(match.group("name"), src_uri), markdown)
