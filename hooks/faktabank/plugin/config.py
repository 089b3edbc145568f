"""The faktabank plugin's options in mkdocs.yml (`plugins: - faktabank: …`)."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class FaktabankConfig(Config):
    # The speed layer (speed/): worker processes and other shortcuts that give the same site faster. false: MkDocs'
    # own path for every page. FAKTABANK_SPEED=0/1 in the environment wins; it turns itself off with a warning
    # when other versions of MkDocs, Material, Markdown or Jinja are installed than it was verified with.
    speed = c.Type(bool, default=True)
