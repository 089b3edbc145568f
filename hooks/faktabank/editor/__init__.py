"""The editor's commands (`python -m faktabank new | check --file | id`): a report's skeleton, one file checked
against the registries, ids suggested and looked up. They read data/ through the loader; only `new` writes, and
only a file that does not exist yet."""
