"""Governance: members, the board (ordinarie and ersättare, who appointed them, chair and vice chair, changes),
meetings, auditors with their function, staff and signatories – from tables and from running text."""

from __future__ import annotations

import re
from typing import Any

from faktabank.importer.blocks import Block
from faktabank.importer.markup import clean
from faktabank.importer.people import Person, parse_date, people_in
from faktabank.importer.registry import Registry, Review
from faktabank.importer.sections import Sections
from faktabank.importer.tables import grids

NUMBER_WORDS = {"en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8,
                "nio": 9, "tio": 10, "elva": 11, "tolv": 12, "tretton": 13, "fjorton": 14, "femton": 15}
_MEETINGS = re.compile(r"(?:sammanträtt|haft|genomfört|hållit)\s+(\d{1,2}|" + "|".join(NUMBER_WORDS) + r")\s+"
                       r"(?:protokollförda\s+|ordinarie\s+)?(?:styrelse)?(?:möten|sammanträden|gånger)", re.I)
_MEETINGS3 = re.compile(r"(?:antal\s+)?(?:styrelse)?(?:möten|sammanträden)\s*[:;]\s*(\d{1,2})\b", re.I)
_MEETINGS2 = re.compile(r"(\d{1,2}|" + "|".join(NUMBER_WORDS) + r")\s+(?:protokollförda\s+)?styrelse(?:möten|sammanträden)",
                        re.I)
_TITLE = re.compile(r"^(?:(?:vice\s+)?ordförande|styrelseordförande|(?:ordinarie\s+)?ledamot|ersättare|"
                    r"(?:förtroendevald|auktoriserad|godkänd|sakkunnig)?\s*revisor|revisorsbiträde|"
                    r"förbundschef|förbundssamordnare|samordnare|verksamhetsledare)\b", re.I)
_NAME_LINE = re.compile(r"^[A-ZÅÄÖÉÜ][a-zåäöéèü]+(?:[- ][A-ZÅÄÖÉÜ][a-zåäöéèü]+){1,3}$")


class Governance:
    """Reads governance from the source; `data` holds the draft's blocks, roles the (name, role) pairs found."""

    def __init__(self, lines: list[str], blocks: list[Block], sections: Sections, reg: Registry, year: int,
                 period: tuple[str, str]) -> None:
        self.lines, self.blocks, self.sections, self.reg, self.year = lines, blocks, sections, reg, year
        self.period = period
        self.known = [p["namn"].casefold() for p in reg.persons] + [
            a.casefold() for p in reg.persons for a in p.get("alias", [])]
        self.data: dict[str, Any] = {}

    def read(self) -> dict[str, Any]:
        steps = (("styrelse- och revisorstabeller", self._tables, None),
                 ("styrelsen i löptext", self._board_text, "styrelse"),
                 ("revisorer i löptext", self._auditors_text, "revisorer"),
                 ("underskrifter", self._signatories, None),
                 ("revisorer ur underskrifterna", self._auditors_from_signatures, "revisorer"),
                 ("styrelsemöten", self._meetings, None), ("medlemmar", self._members, None),
                 ("finansieringsandelar", self._shares, None), ("personal", self._staff, None))
        for what, step, unless in steps:
            if unless and unless in self.data:
                continue
            try:
                step()
            except (ValueError, KeyError, IndexError, TypeError, AttributeError, StopIteration) as exc:
                # a layout this reader does not know: the rest of the draft is still worth having
                self.reg.review.append(Review(None, f"{what} kunde inte läsas ({type(exc).__name__}); "
                                                    "fyll i dem för hand"))
        return self.data

    # -- dates inside the period -------------------------------------------------------------------------------
    def _dated(self, entry: dict[str, Any], p: Person, line: int) -> dict[str, Any]:
        for key, value in (("fran", p.fran), ("till", p.till)):
            if value and self.period[0] <= value <= self.period[1]:
                entry[key] = value
            elif value:
                self.reg.review.append(Review(line, f"datumet {value} för {p.name or 'vakant'} ligger utanför "
                                                    "rapportens period och togs inte med"))
        return entry

    def _uppdrag(self, p: Person, line: int, ordinarie: bool) -> dict[str, Any]:
        entry: dict[str, Any] = {"person": self.reg.person(p.name, line)} if p.name else {"vakant": True}
        if ordinarie and p.name:
            entry["roll"] = p.role or "ledamot"
        return self._dated(entry, p, line)

    # -- tables ---------------------------------------------------------------------------------------------------
    def _tables(self) -> None:
        for block in self.blocks:
            for grid in grids(block):
                header = [grid.corner.lower(), *(label.lower() for label in grid.labels)]
                rows = [(r.line, [r.text, *r.cells]) for r in grid.rows]
                if any(re.search(r"ordinarie|ledamot", h) for h in header) and any("ersättare" in h for h in header) \
                        and "styrelse" not in self.data:
                    self._board_table(header, rows, grid.first_line)
                elif any(re.search(r"\bfunktion\b", h) for h in header) and "revisorer" not in self.data:
                    self._auditor_table(header, rows, grid.first_line)

    def _board_table(self, header: list[str], rows: list[tuple[int, list[str]]], first: int) -> None:
        col_ord = next(k for k, h in enumerate(header) if re.search(r"ordinarie|ledamot", h))
        col_ers = next(k for k, h in enumerate(header) if "ersättare" in h)
        col_by = next((k for k, h in enumerate(header) if "utsedd" in h or "utsedda" in h), None)
        mandat = []
        for line, cells in rows:
            cells = cells + [""] * (len(header) - len(cells))
            by_text = cells[col_by] if col_by is not None else ""
            if not by_text:
                self.reg.review.append(Review(line, "styrelseraden anger inte vem som utsett ledamöterna; "
                                                    "fyll i utsedd_av"))
                continue
            by = self.reg.orgs_in(by_text) or [self.reg.org(by_text, line)]
            ordinarie = [self._uppdrag(p, line, True) for p in people_in(cells[col_ord], self.year, self.known)]
            ersattare = [self._uppdrag(p, line, False) for p in people_in(cells[col_ers], self.year, self.known)]
            if ordinarie or ersattare:
                mandat.append({"utsedd_av": by[0], "ordinarie": ordinarie, "ersattare": ersattare})
        if mandat:
            self.data["styrelse"] = {"avsnitt": self.sections.at(first), "mandat": mandat}

    def _auditor_table(self, header: list[str], rows: list[tuple[int, list[str]]], first: int) -> None:
        col_fn = next(k for k, h in enumerate(header) if re.search(r"\bfunktion\b", h))
        col_name = next((k for k, h in enumerate(header) if "namn" in h), None)
        col_by = next((k for k, h in enumerate(header) if "utsedd" in h), None)
        poster = []
        for line, cells in rows:
            cells = cells + [""] * (len(header) - len(cells))
            function = cells[col_fn]
            names = people_in(cells[col_name], self.year, self.known) if col_name is not None else []
            by_text = cells[col_by] if col_by is not None else ""
            orgs = self.reg.orgs_in(by_text) if by_text else []
            firm = next((o for o in orgs if self._is_firm(o)), None)
            if by_text and not orgs:
                if re.search(r"\bAB\b", by_text):
                    firm = self.reg.org(by_text, line, "foretag")
                else:
                    orgs = [self.reg.org(re.split(r",| men ", by_text)[0], line)]
            appointed = [o for o in orgs if o != firm]
            for kind in _functions(function):
                for p in names:
                    entry: dict[str, Any] = {"person": self.reg.person(p.name, line)} if p.name else {"vakant": True}
                    if firm:
                        entry["organisation"] = firm
                    if appointed:
                        entry["utsedd_av"] = appointed[:1]
                    if p.kind:
                        entry["roll"] = p.kind
                    entry["funktion"] = kind
                    entry["funktion_text"] = function[:80] if len(function.split()) <= 11 else kind.replace("-", " ")
                    poster.append(self._dated(entry, p, line))
        if poster:
            self.data["revisorer"] = {"avsnitt": self.sections.at(first), "poster": poster}

    def _is_firm(self, oid: str) -> bool:
        for o in self.reg.orgs + self.reg.new_orgs:
            if o["id"] == oid:
                return o.get("typ") == "foretag"
        return False

    # -- running text ---------------------------------------------------------------------------------------------
    def _region(self, pattern: str, avoid: str = r"utvecklingsgrupp|beredningsgrupp|ledningsgrupp") -> list[int]:
        """Line indexes under a heading or lead-in line that matches `pattern` (up to the next major heading)."""
        out: list[int] = []
        heads = {h.line: h for h in self.sections.headings}
        active = False
        for i, raw in enumerate(self.lines):
            text = clean(raw)
            h = heads.get(i + 1)
            if h is not None:
                if re.search(avoid, h.text, re.I):
                    active = False
                elif re.search(pattern, h.text, re.I):
                    active = True
                elif h.major or h.note is not None:
                    active = False
            elif re.search(pattern, text, re.I) and len(text) < 70:
                active = not re.search(avoid, text, re.I)
            if active:
                out.append(i)
        return out

    def _board_text(self) -> None:
        mandat: dict[str, dict[str, list]] = {}
        org_carry: str | None = None
        first = None
        for i in self._region(r"^(\d[\d.]*\s+)?styrelse(n|ns|ledamöter)?\b"):
            text = clean(self.lines[i])
            if not text:
                continue
            listed = re.match(r"^(ordinarie(?: ledamöter)?|ledamöter|ersättare|ersättarna)\s*[:;]\s*(.+)$", text, re.I)
            if listed:
                first = first or i + 1
                self._board_list(listed.group(1).lower().startswith("ers"), listed.group(2), i + 1, mandat)
                continue
            if text.endswith(":") and len(text) < 60:
                org_carry = text[:-1]
                continue
            if not re.search(r"\((?:ordinarie|ersättare)\)", text, re.I):
                continue
            org_text = org_carry
            m = re.match(r"^([^:()]{3,60}):\s*(.*)$", text)
            body = text
            if m and not re.search(r"\d", m.group(1)):
                org_text, body = m.group(1), m.group(2)
            start = re.match(r"^(?:Från|From|Fr\.?o\.?m\.?)\s+(\S+?)(?:-(\d{1,2}/\d{1,2}-\d{2,4}))?\s", body, re.I)
            people = people_in(body, self.year, self.known)
            if start:
                fran = parse_date(start.group(1) if not start.group(2) else start.group(1) + "-" + start.group(2)[-4:],
                                  self.year)
                till = parse_date(start.group(2), self.year, end=True) if start.group(2) else None
                for p in people:
                    p.fran, p.till = p.fran or fran, p.till or till
            if not org_text:
                continue
            by = self.reg.orgs_in(org_text) or [self.reg.org(org_text, i + 1)]
            slot = mandat.setdefault(by[0], {"ordinarie": [], "ersattare": []})
            first = first or i + 1
            for p in people:
                if p.kind == "ersattare":
                    slot["ersattare"].append(self._uppdrag(p, i + 1, False))
                else:
                    slot["ordinarie"].append(self._uppdrag(p, i + 1, True))
        if mandat:
            self.data["styrelse"] = {"avsnitt": self.sections.at(first or 1),
                                     "mandat": [{"utsedd_av": k, **v} for k, v in mandat.items()]}

    def _board_list(self, substitutes: bool, text: str, line: int, mandat: dict[str, dict[str, list]]) -> None:
        """'Ordinarie ledamöter: Anna Berg (Ankeby kommun, ordförande), Bo Ek (Region Norrmark)' – or 'Ersättare: …'."""
        for m in re.finditer(r"(?P<name>[A-ZÅÄÖÉ][^,;()]{2,60}?)\s*\((?P<inner>[^)]*)\)", text):
            people = people_in(m.group("name"), self.year, self.known)
            if not people or not people[-1].name:
                continue
            person = people[-1]
            inner = m.group("inner")
            before = text[max(0, m.start() - 25):m.start()].lower()
            if re.search(r"vice\s+ordf", inner, re.I) or re.search(r"vice\s+ordförande\s*$", before):
                person.role = "vice-ordforande"
            elif re.search(r"ordförande", inner, re.I) or re.search(r"(?<!vice )ordförande\s*$", before):
                person.role = "ordforande"
            org_text = re.split(r",|;", inner)[0].strip()
            if not org_text or re.fullmatch(r"(vice\s+)?ordförande", org_text, re.I):
                continue
            by = self.reg.orgs_in(org_text) or [self.reg.org(org_text, line)]
            slot = mandat.setdefault(by[0], {"ordinarie": [], "ersattare": []})
            if substitutes:
                slot["ersattare"].append(self._uppdrag(person, line, False))
            else:
                slot["ordinarie"].append(self._uppdrag(person, line, True))

    def _auditors_text(self) -> None:
        poster = []
        first = None
        for i, raw in enumerate(self.lines):
            text = clean(raw)
            m = re.match(r"^(Revisor\w*(?: [^:]{0,40})?|(?:Förtroendevald|Auktoriserad) revisor[^:]{0,30}):\s*"
                         r"([A-ZÅÄÖ][^,]{3,40}?)(?:,\s*(.{2,40}))?$", text)
            if not m:
                continue
            label, name, firm_text = m.group(1), m.group(2), m.group(3)
            people = people_in(name, self.year, self.known)
            if len(people) != 1 or not people[0].name:
                continue
            entry: dict[str, Any] = {"person": self.reg.person(people[0].name, i + 1)}
            if firm_text:
                entry["organisation"] = self.reg.orgs_in(firm_text)[:1][0] if self.reg.orgs_in(firm_text) \
                    else self.reg.org(firm_text, i + 1, "foretag")
            kinds = _functions(label)
            entry["funktion"] = kinds[0]
            entry["funktion_text"] = label
            first = first or i + 1
            poster.append(entry)
        if poster:
            self.data["revisorer"] = {"avsnitt": self.sections.at(first or 1), "poster": poster}

    # -- signatures -----------------------------------------------------------------------------------------------
    def _signature_pairs(self) -> list[tuple[int, str, str]]:
        pairs = []
        n = len(self.lines)
        for i in range(n):
            name = clean(self.lines[i])
            if not _NAME_LINE.match(name) or any(w in name.split() for w in ("Ordförande", "Ledamot", "Revisor")):
                continue
            j = i + 1
            while j < n and not clean(self.lines[j]) and j - i < 3:
                j += 1
            if j >= n:
                continue
            title = clean(self.lines[j])
            if _TITLE.match(title) and len(title.split()) <= 5:
                pairs.append((i + 1, name, title))
        # signatures stand together: keep pairs with another pair within 12 lines
        return [p for p in pairs if any(q is not p and abs(q[0] - p[0]) <= 12 for q in pairs)]

    def _signatories(self) -> None:
        pairs = self._signature_pairs()
        if not pairs:
            return
        poster = []
        for line, name, title in pairs:
            entry: dict[str, Any] = {"person": self.reg.person(name, line), "titel": title}
            firm = re.search(r",\s*(.+)$", title)
            if firm:
                orgs = self.reg.orgs_in(firm.group(1))
                if orgs:
                    entry["organisation"] = orgs[0]
            poster.append(entry)
        self.data["undertecknare"] = {"avsnitt": self.sections.at(pairs[0][0]), "poster": poster}
        self._pairs = pairs

    def _auditors_from_signatures(self) -> None:
        pairs = [p for p in getattr(self, "_pairs", []) if re.search(r"revisor", p[2], re.I)]
        poster = []
        for line, name, title in pairs:
            entry: dict[str, Any] = {"person": self.reg.person(name, line), "funktion": _functions(title)[0],
                                     "funktion_text": title}
            poster.append(entry)
        if poster:
            self.data["revisorer"] = {"avsnitt": self.sections.at(pairs[0][0]), "poster": poster}
            self.reg.review.append(Review(pairs[0][0], "revisorerna är hämtade ur underskrifterna: kontrollera "
                                                       "funktion och vem som utsett dem"))

    # -- meetings, members, staff ---------------------------------------------------------------------------------
    def _meetings(self) -> None:
        for i, raw in enumerate(self.lines):
            text = clean(raw)
            m3 = _MEETINGS3.search(text)
            if "styrelse" not in text.lower() and not (m3 and "styrelse" in self.sections.at(i + 1).lower()):
                continue
            m = _MEETINGS.search(text) or _MEETINGS2.search(text) or m3
            if m:
                word = m.group(1).lower()
                count = int(word) if word.isdigit() else NUMBER_WORDS[word]
                self.data["sammantraden"] = {"antal": count, "avsnitt": self.sections.at(i + 1)}
                return

    def _members(self) -> None:
        for i, raw in enumerate(self.lines):
            text = clean(raw)
            for sentence in re.split(r"(?<=[.!?])\s+", text):
                if not re.search(r"medlem", sentence, re.I):
                    continue
                expanded = re.sub(r"([A-ZÅÄÖ][\wåäö]+)\s+och\s+([A-ZÅÄÖ][\wåäö]+)\s+kommuner",
                                  r"\1 kommun och \2 kommun", sentence)
                orgs = [o for o in self.reg.orgs_in(expanded) if o != self.reg.forbund_id
                        and not self._is_firm(o)]
                if len(orgs) >= 3:
                    self.data["medlemmar"] = {"avsnitt": self.sections.at(i + 1), "parter": orgs}
                    self._allocation(i)
                    return
        board = self.data.get("styrelse", {}).get("mandat", [])
        if board:
            self.data["medlemmar"] = {"avsnitt": self.data["styrelse"]["avsnitt"],
                                      "parter": list(dict.fromkeys(m["utsedd_av"] for m in board))}
            self.reg.review.append(Review(None, "medlemmarna är hämtade ur styrelsens sammansättning (vem som "
                                                "utsett ledamöterna): kontrollera"))
            self._allocation(0)

    def _shares(self) -> None:
        """Funding shares: 'finansieras via A och B med hälften av medlen, C med en fjärdedel och D med resterande
        fjärdedel', or with percentages. Kept only when the shares add up to the whole."""
        shares = ((r"hälften|halva", 50.0), (r"(?:resterande |en )?fjärdedel(?:en)?", 25.0),
                  (r"(?:resterande |en )?tredjedel(?:en)?", 33.33), (r"(\d{1,2}(?:,\d+)?)\s*(?:%|procent)", None))
        pattern = re.compile("|".join(f"(?:{p})" for p, _ in shares), re.I)
        for i, raw in enumerate(self.lines):
            text = re.sub(r"\([^)]*\)", "", clean(raw))
            for sentence in re.split(r"(?<=[.!?])\s+", text):
                if not re.search(r"finansier", sentence, re.I):
                    continue
                sentence = re.sub(r"([A-ZÅÄÖ][\wåäö]+)\s+och\s+([A-ZÅÄÖ][\wåäö]+)\s+kommun(er)?\b",
                                  r"\1 kommun och \2 kommun", sentence)
                found, last = [], 0
                for m in pattern.finditer(sentence):
                    word = m.group(0).lower()
                    value = next((v for p, v in shares if v is not None and re.fullmatch(p, word)), None)
                    if value is None:
                        value = float(re.sub(r"[^\d,]", "", word).replace(",", "."))
                    orgs = [o for o in self.reg.orgs_in(sentence[last:m.start()]) if o != self.reg.forbund_id]
                    last = m.end()
                    if orgs:
                        found.append({"parter": orgs, "andel_procent": int(value) if value == int(value) else value})
                if len(found) >= 2 and 99 <= sum(f["andel_procent"] for f in found) <= 101:
                    self.data.setdefault("medlemmar", {"avsnitt": self.sections.at(i + 1), "parter": []})
                    self.data["medlemmar"]["finansiering"] = found
                    for f in found:
                        for o in f["parter"]:
                            if o not in self.data["medlemmar"]["parter"]:
                                self.data["medlemmar"]["parter"].append(o)
                    return

    def _allocation(self, start: int) -> None:
        for i in range(start, len(self.lines)):
            text = clean(self.lines[i])
            m = re.search(r"tilldelning[^.]{0,80}?(?:uppgick|uppgår|var|är)\s+(?:till\s+)?(\d{1,3}(?:[ \u00a0]\d{3})*|\d+)"
                          r"\s*(tkr|kkr|kr)\b", text, re.I)
            if m:
                self.data["medlemmar"]["tilldelning"] = {"belopp": int(re.sub(r"\D", "", m.group(1))),
                                                         "enhet": m.group(2).lower()}
                return

    def _staff(self) -> None:
        for i in self._region(r"personal"):
            text = clean(self.lines[i]).lower()
            m = re.search(r"\b(förbundschef|förbundssamordnare|samordnare|verksamhetsledare)\b", text)
            if m:
                self.data["personal"] = {"avsnitt": self.sections.at(i + 1), "poster": [{"titel": m.group(1).capitalize()}]}
                self.reg.review.append(Review(i + 1, "personal: kontrollera titel, omfattning och vem som är anställd"))
                return


def _functions(text: str) -> list[str]:
    """The auditor functions a text names (a firm's revisor can also be the sakkunnigt biträde)."""
    t = re.sub(r"(utsedd|utsedda|vald)\s+av\s+(den\s+)?förtroendevald\w*\s+revisor\w*", "", text.lower())
    out = []
    if "förtroendevald" in t:
        out.append("fortroendevald-revisor")
    if re.search(r"upphandlad|auktoriserad|revisor för staten|företräda staten|godkänd revisor", t):
        out.append("upphandlad-revisor")
    if "sakkunnig" in t:
        out.append("sakkunnigt-bitrade")
    elif "biträde" in t:
        out.append("revisorsbitrade")
    return out or ["fortroendevald-revisor"]
