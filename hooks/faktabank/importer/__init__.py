"""The importer: a report (text, Markdown or PDF) → a draft report file and new registry entries.

Reading (`reading`) → lines; `markup` and `numbers` clean and parse cells; `blocks` finds the tables (pipe,
tab-separated, space-aligned), `tables` turns a block into header, columns and rows, `kinds` says what kind of
table it is and which rows it knows; `sections` tracks the report's headings; `reportinfo`, `governance` and
`insatser` read the rest; `registry` matches names to existing identities; `draft` assembles the file and the
review list; `writing` checks and writes it; `evaluate` measures the importer against the curated files.
"""
