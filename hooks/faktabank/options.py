"""Build parameters: edition (public/internal) and snapshot year, from the environment."""

from __future__ import annotations

import os

from .errors import DataError, Problem
from .loader import Options

EDITIONS = ("public", "internal")


def from_environment() -> Options:
    """FAKTABANK_EDITION=public|internal; FAKTABANK_UPTO=<year> limits the build to reports ending by then."""
    edition = os.environ.get("FAKTABANK_EDITION", "public") or "public"
    if edition not in EDITIONS:
        raise DataError([Problem("FAKTABANK_EDITION", None, "", f"public eller internal förväntades, fick {edition!r}")])
    upto_text = os.environ.get("FAKTABANK_UPTO", "")
    upto = None
    if upto_text:
        if not upto_text.isdigit():
            raise DataError([Problem("FAKTABANK_UPTO", None, "", f"ett årtal förväntades, fick {upto_text!r}")])
        upto = int(upto_text)
    return Options(edition=edition, upto=upto)
