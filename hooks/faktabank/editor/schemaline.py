"""The first line of every data file: `# yaml-language-server: $schema=<the file's JSON Schema>`.

Editors with a YAML language server (VS Code with Red Hat's YAML extension, Neovim, Helix, Emacs, Zed …) read it
and then complete field names, show descriptions and allowed values, and mark errors as you type. The path is
relative to the data file, so it works in any checkout; to YAML it is a comment, so the loader never sees it.
"""

from __future__ import annotations

PREFIX = "# yaml-language-server: $schema="


def schema_line(rel: str, kind: str) -> str:
    """The line for a file at `rel` (data/….yaml) of schema kind `kind`."""
    depth = rel.count("/")  # data/x.yaml: 1, data/rapporter/x.yaml: 2
    return f"{PREFIX}{'../' * depth}hooks/faktabank/schemas/{kind}.schema.json"
