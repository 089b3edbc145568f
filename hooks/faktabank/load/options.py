"""Build parameters: edition (public/internal) and snapshot year, from the environment."""

from __future__ import annotations

import os
import re
from pathlib import Path

from faktabank.load.errors import DataError, Problem, excerpt
from faktabank.load.loader import Options

EDITIONS = ("public", "internal")


def from_environment(site_dir: str | None = None) -> Options:
    """FAKTABANK_EDITION=public|internal; FAKTABANK_UPTO=<year> limits the build to reports ending by then.

    Given the folder the build writes to, it also refuses the internal edition there if that is site/
    (check_output).

    Under `mike deploy <year>` (MIKE_DOCS_VERSION=<year>) the year is the snapshot's, and only the
    public edition may be built.
    """
    edition = os.environ.get("FAKTABANK_EDITION", "public") or "public"
    if edition not in EDITIONS:
        raise DataError([Problem("FAKTABANK_EDITION", None, "", f"public eller internal förväntades, fick {excerpt(edition)}")])
    upto_text = os.environ.get("FAKTABANK_UPTO", "")
    mike = os.environ.get("MIKE_DOCS_VERSION", "")  # set by `mike deploy <år>`: a yearly snapshot
    if mike.isdigit():
        if upto_text and upto_text != mike:
            raise DataError([Problem("FAKTABANK_UPTO", None, "", f"{upto_text} stämmer inte med mike-versionen {mike}",
                                     "en ögonblicksbild för år X byggs med FAKTABANK_UPTO=X eller utan FAKTABANK_UPTO")])
        if edition != "public":
            raise DataError([Problem("FAKTABANK_EDITION", None, "", "ögonblicksbilder byggs bara av den publika utgåvan",
                                     "bygg den interna utgåvan med make build, inte med mike")])
        upto_text = mike
    upto = None
    if upto_text:
        if not upto_text.isdigit():
            raise DataError([Problem("FAKTABANK_UPTO", None, "", f"ett årtal förväntades, fick {excerpt(upto_text)}")])
        upto = int(upto_text)
    forbund = os.environ.get("FAKTABANK_FORBUND", "").strip() or None  # make serve FORBUND=<id>: one förbund
    if forbund is not None and not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,79}", forbund):
        raise DataError([Problem("FAKTABANK_FORBUND", None, "", f"ett förbunds id förväntades, fick {forbund[:40]!r}")])
    if forbund is not None and mike:
        raise DataError([Problem("FAKTABANK_FORBUND", None, "", "ögonblicksbilder byggs av alla förbund")])
    if site_dir is not None:
        check_output(edition, site_dir)
    return Options(edition=edition, upto=upto, forbund=forbund)


PUBLISHED_FOLDER = "site"  # the folder that gets published (mkdocs.yml site_dir); the internal edition never goes there


def check_output(edition: str, site_dir: str) -> None:
    """Refuse to write the internal edition into the published folder, however the build was started.

    `make build` writes it to site-internal/; `FAKTABANK_EDITION=internal mkdocs build` (whose default is site/)
    stops here, before anything is written."""
    if edition == "internal" and Path(site_dir).name == PUBLISHED_FOLDER:
        raise DataError([Problem("FAKTABANK_EDITION", None, "",
                                 f"den interna utgåvan får aldrig skrivas till {PUBLISHED_FOLDER}/, mappen som publiceras",
                                 "bygg den med FAKTABANK_EDITION=internal make build (skriver site-internal/) "
                                 "eller ange en annan mapp med mkdocs build -d")])
