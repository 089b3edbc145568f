"""Read data/ into the model: parse (safe YAML) → schema → cross-references → model.

Nothing here renders, and nothing here writes: data/ is only ever read.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from faktabank.load import crossref
from faktabank.load.errors import DataError, Problem, excerpt, short
from faktabank.load.limits import MAX_ID_CHARS
from faktabank.load.prune import prune
from faktabank.load.schema import validate
from faktabank.load.yamlload import Document, dotted, load
from faktabank.model import (
    AMOUNT_UNITS,
    UNIT_FACTOR,
    Cell,
    Column,
    Forbund,
    Insats,
    Model,
    Organisation,
    Person,
    Report,
    Row,
    Source,
    Table,
    Term,
    freeze,
    freeze_parsed,
)

NUMBER_AS_TEXT = re.compile(r"^[+\-−]?\s*\d[\d .,\u00a0]*(\s*(kr|tkr|kkr|%))?$")


@dataclass(frozen=True)
class Options:
    """What to build: the edition and, for a snapshot, the last reporting year included."""

    edition: str = "public"
    upto: int | None = None
    forbund: str | None = None  # a preview of one förbund (make serve FORBUND=<id>): only its reports are read


def kind_of(rel: str) -> str | None:
    """The schema kind of a file from its place under data/."""
    parts = rel.split("/")
    if parts == ["data", "organisationer.yaml"]:
        return "organisationer"
    if parts == ["data", "personer.yaml"]:
        return "personer"
    if parts == ["data", "ordlista.yaml"]:
        return "ordlista"
    if len(parts) == 3 and parts[1] in ("forbund", "insatser", "rapporter"):
        return {"forbund": "forbund", "insatser": "insatser", "rapporter": "rapport"}[parts[1]]
    return None


_Read = tuple[tuple[str, Document] | None, list[Problem]]


def _read(root: Path, file: Path) -> _Read:
    """Parse and schema-check one file under data/: its document (None if it has problems) and its problems."""
    rel = file.relative_to(root).as_posix()
    if file.suffix not in (".yaml", ".yml"):
        if file.name != "README.md":
            return None, [Problem(rel, None, "", "okänd fil i data/; bara .yaml-filer hör hemma här")]
        return None, []
    kind = kind_of(rel)
    if kind is None:
        return None, [Problem(rel, None, "", "okänd placering; data/organisationer.yaml, data/personer.yaml, "
                              "data/forbund/*.yaml, data/insatser/*.yaml eller data/rapporter/*.yaml förväntades")]
    try:
        doc = load(file, rel, compact=True)
    except DataError as exc:
        return None, exc.problems
    found = validate(doc, kind)
    return (None if found else (kind, doc)), found


# How a list of files is read: `each(file)` for every file, results in the files' order. The plain way is a loop;
# the speed layer hands in one that reads a large data/ in two processes (speed.workers.split_work).
ReadAll = Callable[[list[Path], Callable[[Path], _Read]], list[_Read]]


# Which files to read, by their path under the root ("data/personer.yaml"): all when None. `check --file` reads only
# what one file needs; a preview of one förbund only its reports (preview_of).
Select = Callable[[str], bool]


def read_documents(root: Path, read_all: ReadAll | None = None,
                   select: Select | None = None) -> tuple[list[tuple[str, Document]], list[Problem]]:
    """Parse and schema-check every data file. Returns documents and all problems found, in file order.

    `read_all` reads the files (by default one after the other; the speed layer hands in faster ways).
    `select`: which files are read (all by default)."""
    data_dir = root / "data"
    if not data_dir.is_dir():
        raise DataError([Problem("data", None, "", "katalogen data/ saknas")])
    files, problems = data_files(root)
    if select is not None:
        files = [file for file in files if select(file.relative_to(root).as_posix())]
    each = partial(_read, root)
    read = read_all(files, each) if read_all is not None else [each(file) for file in files]
    docs = [doc for doc, _ in read if doc is not None]
    for _, doc in docs:  # read-only from here on: the model keeps the documents' values themselves, not copies
        doc.data = freeze_parsed(doc.data)
    problems += [problem for _, found in read for problem in found]
    return docs, problems


def preview_of(forbund: str) -> Select:
    """A preview of one förbund (make serve FORBUND=<id>): of the reports, only that förbund's files are read (by
    their names, <id>-<år>.yaml); the registries and the förbund files are read whole."""
    report_file = re.compile(rf"{re.escape(forbund)}-\d{{4}}(-[a-z0-9-]+)?\.ya?ml")
    return lambda path: not path.startswith("data/rapporter/") or bool(report_file.fullmatch(path.rsplit("/", 1)[-1]))


_FILE_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*\.ya?ml$")  # a data file is named by an id (it is part of addresses)


def data_files(root: Path) -> tuple[list[Path], list[Problem]]:
    """The regular files under root/data, in order, and a problem for each symbolic link or special file there.

    A link is never followed (neither to a file nor to a folder) and what it points to is never read, so a link
    to a file outside data/ cannot have its content echoed in an error message or published."""
    data_dir = root / "data"
    if data_dir.is_symlink():
        return [], [Problem("data", None, "", "data/ får inte vara en symbolisk länk; lägg datafilerna i mappen")]
    files: list[Path] = []
    problems: list[Problem] = []
    for folder, subfolders, names in os.walk(data_dir, followlinks=False):
        here = Path(folder)
        for name in list(subfolders):
            if (here / name).is_symlink():
                subfolders.remove(name)
                names.append(name)
        for name in names:
            file = here / name
            rel = file.relative_to(root).as_posix()
            if not rel.isprintable() or len(rel) > 2 * MAX_ID_CHARS:
                problems.append(Problem(short(rel), None, "", "filnamnet är för långt eller har tecken som inte syns",
                                        "döp om filen som ett id: a–z, siffror och bindestreck"))
            elif file.suffix in (".yaml", ".yml") and not (_FILE_NAME.match(name) and len(file.stem) <= MAX_ID_CHARS):
                problems.append(Problem(rel, None, "", "filnamnet ska vara ett id: a–z, siffror och bindestreck "
                                        f"(högst {MAX_ID_CHARS} tecken), och sluta på .yaml"))
            elif file.is_symlink():
                problems.append(Problem(rel, None, "", "symbolisk länk; länken följs inte",
                                        "lägg själva filen i data/ i stället för en länk"))
            elif not stat.S_ISREG(file.stat().st_mode):
                problems.append(Problem(rel, None, "", "inte en vanlig fil; bara .yaml-filer hör hemma i data/"))
            else:
                files.append(file)
    return sorted(files), problems


def _table(raw: Mapping[str, Any], doc: Document, path: tuple, report_id: str, problems: list[Problem]) -> Table:
    columns = tuple(
        Column(c["id"], c["rubrik"], c.get("ar") or (int(c["datum"][:4]) if "datum" in c else None),
               c.get("datum"), c.get("slag"), c.get("enhet", raw["enhet"]), tuple(c.get("summerar", ())))
        for c in raw["kolumner"]
    )
    rows = []
    for r_i, r in enumerate(raw["rader"]):
        rpath = (*path, "rader", r_i)
        values = r.get("varden", [])
        if values and len(values) != len(columns):
            problems.append(Problem(doc.path, doc.line((*rpath, "varden")), dotted((*rpath, "varden")),
                                    f"{len(columns)} värden förväntades (ett per kolumn), fick {len(values)}"))
        cells = []
        for c_i, value in enumerate(values):
            unit = r.get("enhet") or (columns[c_i].enhet if c_i < len(columns) else raw["enhet"])
            cpath = (*rpath, "varden", c_i)
            kronor = None
            if unit in AMOUNT_UNITS:
                if isinstance(value, float):
                    problems.append(Problem(doc.path, doc.line(cpath), dotted(cpath),
                                            f"belopp i {unit} ska vara ett heltal, fick {excerpt(value)}",
                                            "skriv beloppet i tabellens enhet utan decimaler"))
                elif isinstance(value, str) and NUMBER_AS_TEXT.match(value.strip()):
                    problems.append(Problem(doc.path, doc.line(cpath), dotted(cpath),
                                            f"belopp i {unit} ska vara ett heltal, fick texten {excerpt(value)}",
                                            "skriv t.ex. 4.511.722 som 4511722 och ange enheten i 'enhet'"))
                elif isinstance(value, int):
                    kronor = value * UNIT_FACTOR[unit]
            elif unit == "antal" and isinstance(value, float):
                problems.append(Problem(doc.path, doc.line(cpath), dotted(cpath),
                                        f"ett antal ska vara ett heltal, fick decimaltalet {value!r}",
                                        "skriv tusental utan punkt: 1346, inte 1.346"))
            cells.append(Cell(value, unit, kronor))
        rows.append(Row(r["text"], r.get("slag", "rad"), r.get("not"), r.get("projekt"), r.get("insats"),
                        tuple(r.get("parter", ())), r.get("nyckel"), tuple(cells), doc.line(rpath), r.get("id"),
                        tuple(r.get("summerar", ()))))
    return Table(raw["id"], raw["typ"], raw["rubrik"], raw["avsnitt"], raw["enhet"], raw.get("not"),
                 raw.get("kommentar"), columns, tuple(rows),
                 Source(doc.path, doc.line(path), report_id, raw["avsnitt"]))


def build(root: Path, options: Options | None = None, read_all: ReadAll | None = None,
          select: Select | None = None) -> Model:
    """Load, validate and model all data under root/data. Raises DataError listing every problem.
    `read_all`: how the files are read; `select`: which files (read_documents)."""
    options = options or Options()
    if select is None and options.forbund is not None:
        select = preview_of(options.forbund)
    docs, problems = read_documents(root, read_all, select)
    if options.forbund is not None and not any(kind == "forbund" and doc.data["id"] == options.forbund
                                               for kind, doc in docs):
        problems.append(Problem("FAKTABANK_FORBUND", None, "", f"förbundet {options.forbund!r} finns inte i data/forbund/",
                                "ange ett id som finns, till exempel make serve FORBUND=vasteras"))
    if problems:  # cross-file checks on half-read data would only add follow-on errors
        raise DataError(problems)
    organisations: dict[str, Organisation] = {}
    persons: dict[str, Person] = {}
    forbund: dict[str, Forbund] = {}
    insatser: dict[str, Insats] = {}
    reports: dict[str, Report] = {}
    glossary: list[Term] = []

    for kind, doc in docs:
        d = doc.data
        if kind == "organisationer":
            for i, o in enumerate(d["organisationer"]):
                organisations[o["id"]] = Organisation(
                    o["id"], o["namn"], o["typ"], o.get("del_av"), tuple(o.get("forkortningar", ())),
                    tuple(o.get("alias", ())), o.get("tidigare_namn", ()), o.get("webb"),
                    o.get("beskrivning"), o.get("intern"), Source(doc.path, doc.line(("organisationer", i))))
        elif kind == "personer":
            for i, p in enumerate(d["personer"]):
                persons[p["id"]] = Person(p["id"], p["namn"], tuple(p.get("alias", ())), p.get("intern"),
                                          Source(doc.path, doc.line(("personer", i))))
        elif kind == "ordlista":
            glossary += [Term(t["id"], t["term"], t.get("utlast"), t["forklaring"], tuple(t.get("former", ())),
                              t.get("tips", True), tuple(t.get("se_aven", ()))) for t in d["termer"]]
        elif kind == "forbund":
            forbund[d["id"]] = Forbund(d["id"], d["namn"], d.get("kortnamn", d["namn"]), d,
                                       Source(doc.path, 1, d["kalla"]["rapport"], d["kalla"]["avsnitt"]))
        elif kind == "insatser":
            for i, s in enumerate(d["insatser"]):
                insatser[s["id"]] = Insats(
                    s["id"], d["forbund"], s["namn"], s["typ"], s.get("projektnummer"), tuple(s.get("alias", ())),
                    tuple(s.get("teman", ())), s.get("beskrivning"), s.get("intern"),
                    Source(doc.path, doc.line(("insatser", i))))
        elif kind == "rapport":
            tables = tuple(_table(t, doc, ("tabeller", i), d["id"], problems) for i, t in enumerate(d["tabeller"]))
            reports[d["id"]] = Report(d["id"], d["forbund"], d["typ"], d["period"]["fran"], d["period"]["till"],
                                      d["status"], d, tables, Source(doc.path, 1, d["id"]))

    known = reports
    if options.forbund is not None:  # a preview: the other förbund's report files exist, though they are not read
        unread = {f.stem for f in (root / "data" / "rapporter").iterdir() if f.suffix in (".yaml", ".yml")}
        known = {**dict.fromkeys(unread - reports.keys()), **reports}
    problems += crossref.check(docs, organisations, persons, forbund, insatser, known)
    if problems:
        raise DataError(problems)

    keep = {
        rid: r for rid, r in reports.items()
        if (options.edition == "internal" or r.status == "godkand")
        and (options.upto is None or r.year <= options.upto)
        and (options.forbund is None or r.forbund == options.forbund)
    }
    if options.edition == "public" or options.upto is not None or options.forbund is not None:
        # the internal reference keeps whole registries; a snapshot, the public edition and a preview do not
        organisations, persons, forbund, insatser = prune(organisations, persons, forbund, insatser, keep)
    return Model(freeze(organisations), freeze(persons), freeze(forbund), freeze(insatser), freeze(keep),
                 glossary=tuple(glossary), edition=options.edition, upto=options.upto,
                 files=tuple(doc.path for _, doc in docs))
