"""Every limit on a data file, in one place (listed for editors in docs/redaktorer.md, "Gränser för datafilerna").

The data needs far less than any of these; they are there so that a careless or hostile file ends in a clear
message within seconds and bounded memory instead of a crash, a hung build or a page that grows without end.
Limits a schema also states (maxLength, maxItems, the name pattern) are written in the JSON Schemas too, where
whoever reuses the open data reads them; tests/test_hostile_input.py checks that the two agree.
"""

from __future__ import annotations

import re

MAX_FILE_BYTES = 5_000_000  # one data file (the largest today: 90 kB; a national personer.yaml: 320 kB)
MAX_DEPTH = 30  # nesting of objects and lists (the data needs 8)
MAX_STRING_CHARS = 10_000  # one text value (the longest today: 1 315 characters)
MAX_LIST_ITEMS = 50_000  # one list (a national personer.yaml: 5 900 people)
MAX_TABLE_ROWS = 2_000  # rows of one table (schema: rapport tabell.rader maxItems; the most today: 120)
MAX_NUMBER_CHARS = 40  # a number as written (Python refuses to read integers of more than 4 300 digits)
MAX_ID_CHARS = 80  # an id, which is also part of a page's address and file name (schema: common id maxLength)
EXCERPT_CHARS = 60  # how much of a value an error message quotes

# Characters no text value may hold: C0 and C1 control characters except tab and line feed, DEL, and the
# bidirectional overrides and isolates (U+202A–202E, U+2066–2069), which can make text read other than it is.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# A name (person, organisation, förbund, insats, its aliases and earlier names): no markup characters, on one
# line. The same pattern stands in the schemas.
NAME_PATTERN = "^[^<>\\t\\n]+$"
