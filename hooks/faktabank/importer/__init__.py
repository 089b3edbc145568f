"""The importer: a report (text, Markdown or PDF) → a draft report file and new registry entries.

`reading` gives the source's lines (PDF through its text layer); `markup` and `numbers` clean and parse cells;
`blocks` finds the tables (pipe, tab-separated, space-aligned), `tables` turns a block into header, columns and
rows, `kinds` says what kind of table it is, its unit and the rows the model knows, `tabledraft` writes the
`tabeller`; `sections` tracks the report's headings; `reportinfo` reads kind, period, decision and orgnr;
`people` and `governance` read members, board, meetings, auditors, staff and signatories; `insatser` the
insatser; `registry` matches names to existing identities; `draft` assembles the file and the review list;
`writing` checks it in a scratch copy and writes it; `cli` is `python -m faktabank import`; `evaluate` is
`make import-eval`.
"""
