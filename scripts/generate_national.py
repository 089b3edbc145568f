"""Generate a synthetic national faktabank: every förbund in a fictional Sweden, many years, same layout as data/.

Usage: PYTHONPATH=hooks python scripts/generate_national.py --out /tmp/national [--seed 1] [--forbund 75] [--years 20]

The same seed and size always give the same files. Everything is fictional (places, people, firms,
insatser) except the two state parties every förbund has by law (Arbetsförmedlingen, Försäkringskassan);
the glossary (data/ordlista.yaml) is copied from the repository so tooltips are exercised as on the real site.
The result passes the same validation as the real data (`python -m faktabank check DIR`): schemas,
cross-references, dates inside each report's period, and financial statements that add up — the
resultaträkning, balansräkning, kassaflödesanalys, notes and the multi-year overview agree with each other
and with last year's report.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

# --- fixed word lists (fictional places and people) -------------------------------------------------------

LANDSKAP = ("Norrmarken", "Fjällbygden", "Skogslandet", "Älvlandet", "Kustlandet", "Sjöbygden", "Slättlandet",
            "Bergslandet", "Mellanbygden", "Västerbygden", "Österbygden", "Söderslätten", "Höglandet", "Dalbygden",
            "Ådalen", "Myrlandet", "Hedbygden", "Skärlandet", "Åsbygden", "Lövlandet", "Granlandet")
PLACE_HEAD = ("Björk", "Ek", "Gran", "Lind", "Sten", "Sjö", "Berg", "Ås", "Dal", "Holm", "Hög", "Norr", "Söder",
              "Väster", "Öster", "Mal", "Kvarn", "Ljung", "Al", "Asp", "Hassel", "Rönn", "Tall", "Vik", "Strand",
              "Bro", "Hed", "Mo", "Fors", "Sand", "Kall", "Grön", "Myr", "Ram", "Ulv", "Älv", "Ör", "Falk", "Svan",
              "Tran", "Lo", "Björn", "Hjort", "Ren", "Ved", "Lövs", "Kops", "Bergs", "Stens", "Ham")
PLACE_TAIL = ("by", "köping", "sjö", "berga", "fors", "vik", "hamn", "å", "dal", "holm", "stad", "näs", "bo", "ryd",
              "torp", "hult", "tuna", "mora", "sund", "lunda", "ås", "sala", "vara", "ed", "boda", "backa", "slätt")
FIRST = ("Anna", "Eva", "Maria", "Karin", "Sara", "Lena", "Kerstin", "Emma", "Ingrid", "Malin", "Johanna", "Linda",
         "Elin", "Ida", "Sofia", "Helena", "Annika", "Susanne", "Camilla", "Jenny", "Åsa", "Ulla", "Birgitta",
         "Monica", "Marie", "Cecilia", "Therese", "Agneta", "Louise", "Hanna", "Erik", "Lars", "Anders", "Johan",
         "Per", "Karl", "Mikael", "Jan", "Hans", "Peter", "Thomas", "Fredrik", "Daniel", "Magnus", "Mats",
         "Stefan", "Björn", "Nils", "Olof", "Göran", "Håkan", "Henrik", "Jonas", "Patrik", "Ulf", "Bengt",
         "Kjell", "Leif", "Martin", "Andreas", "Niklas", "Gustav", "Oskar", "Sven", "Åke", "Roger")
LAST = ("Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson",
        "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson", "Bengtsson", "Jönsson", "Lindberg",
        "Jakobsson", "Magnusson", "Olofsson", "Lindström", "Lindqvist", "Lindgren", "Berg", "Axelsson",
        "Bergström", "Lundberg", "Lind", "Lundgren", "Lundqvist", "Mattsson", "Berglund", "Fredriksson",
        "Sandberg", "Henriksson", "Forsberg", "Sjöberg", "Wallin", "Engström", "Eklund", "Danielsson", "Lundin",
        "Håkansson", "Björk", "Bergman", "Gunnarsson", "Holm", "Wikström", "Samuelsson", "Isaksson", "Fransson",
        "Bergqvist", "Nyström", "Holmberg", "Arvidsson", "Löfgren", "Söderberg", "Nyberg", "Blomqvist",
        "Claesson", "Nordström", "Mårtensson", "Lundström", "Viklund", "Björklund", "Eliasson", "Pålsson",
        "Berggren", "Sandström", "Nordin", "Ström", "Åberg", "Hermansson", "Ekström", "Holmgren", "Sundberg",
        "Hedlund", "Dahlberg", "Hellström", "Sjögren", "Falk", "Stenberg", "Ek", "Nordqvist")
FIRMS = ("Revisionsbyrån Granlund AB", "Bergs Revision AB", "Nordrevision KB", "Mellanrevisorerna AB",
         "Lindholm & Partners Revision AB", "Revisionskontoret Sund AB", "Kommunrevision i Norr AB")
BANKS = ("Sparbanken Mellanbygd", "Bygdebanken", "Nordbanken Syd", "Älvbanken")
ACCOUNTING = ("Ekonomitjänst Norr AB", "Räkenskapsbyrån Ek AB", "Löneservice i Dalbygden AB")
INDIVID = ("Rehabteamet", "Vägen framåt", "Steg för steg", "Jobbspåret", "Unga in", "Samordningsteamet",
           "Nya möjligheter", "Arbetslivsresursen", "Kompassen", "Bron", "Resursteamet", "Språngbrädan",
           "Framtidsvägen", "Hälsoteamet", "Arbetsträning i samverkan", "Aktivitetshuset", "Lotsen", "Motivationslyftet")
STRUKTUR = ("Samverkansarenan", "Nätverk för psykisk hälsa", "Kompetensutveckling i lösningsfokus",
            "Gemensam kartläggning av målgruppen", "Utbildning i SIP", "Stödplattform för sociala företag",
            "Samverkan kring långa sjukfall", "Tjänstedesign för parterna", "Gemensam uppföljning",
            "Brukarråd i samverkan", "Föreläsningsserie om psykisk ohälsa", "Metodstöd för handläggare")
FORSTUDIE = ("Förstudie: fontänhus", "Förstudie: resursteam", "Förstudie: unga som varken arbetar eller studerar",
             "Förstudie: arbetsförmågebedömning", "Förstudie: språk och arbete", "Förstudie: digital samverkan")
TEMAN = ("unga", "psykisk-halsa", "samverkan", "arbetsformagebedomning", "rehabilitering", "utbildning",
         "kompetensutveckling", "sociala-foretag", "sprak", "sjukskrivning")
MALGRUPP = ("Unga vuxna 16–29 år som varken arbetar eller studerar och behöver stöd från flera parter.",
            "Personer med långvarig sjukskrivning eller arbetslöshet som behöver samordnat stöd från AF, FK, region och kommun.",
            "Personal, chefer och politiker hos förbundets parter.",
            "Personer med psykisk ohälsa som står långt från arbetsmarknaden.",
            "Nyanlända med ohälsa och behov av språkstöd och arbetslivsinriktad rehabilitering.",
            "Personer med ekonomiskt bistånd från IFO som behöver samordnat stöd mot arbete.")
MALTEXT = ("Fler deltagare ska komma närmare arbete eller studier genom samordnat stöd.",
           "Parterna ska få ett gemensamt arbetssätt och bättre kunskap om varandras uppdrag.",
           "Deltagarna ska stärka sin hälsa och arbetsförmåga och få en plan för egen försörjning.",
           "Insatsen ska ta fram underlag för ett varaktigt samarbete mellan parterna.")
INNEHALL = ("Arbetet bygger på individuellt stöd med coachning, arbetsträning och kartläggning, med SIP när flera "
            "parter är inblandade.",
            "Insatsen ordnar utbildningsdagar, nätverksträffar och föreläsningar för parternas personal.",
            "Ett team med personal från AF, FK, kommunens AMI och regionen arbetar tillsammans med deltagarna.",
            "Insatsen har genomfört intervjuer, studiebesök och en kartläggning som redovisas för styrelsen.",
            "Deltagarna får stöd i grupp och individuellt, med praktik hos arbetsgivare och hälsofrämjande aktiviteter.")
RESULTAT = ("Deltagare som gått till arbete eller studier", "Genomförda utbildningstillfällen",
            "Personer från parterna som deltog i aktiviteterna", "Deltagare med upprättad SIP",
            "Träffar i nätverket under året", "Deltagare som fått praktik")
BEDOMNING = ("Hög", "Hög", "Medel", "Medel", "Låg")
EVENTS = ("Styrelsen beslutade om verksamhetsplan och budget för kommande år.",
          "Förbundet höll medlemssamråd med parternas företrädare om mål och inriktning.",
          "En ny förbundschef tillträdde efter rekrytering.",
          "Styrelsen beviljade medel till en ny insats efter ansökan från parterna.",
          "Förbundet deltog i den nationella konferensen för Finsam.",
          "Den interna kontrollen för året redovisades för styrelsen.",
          "Förbundet bytte leverantör av ekonomitjänster efter upphandling.",
          "En gemensam utbildningsdag om lösningsfokus hölls för parternas personal.")
GOALS = ("Samverkan mellan parterna ska utvecklas", "Beviljade insatser ska nå sina mål",
         "Fler deltagare ska nå arbete eller studier", "Ekonomin ska vara i balans",
         "Förbundet ska vara känt hos parterna", "Uppföljningen ska ge underlag för beslut")
INDIKATOR_MATT = {1: "Stödet är till stor nytta", 2: "Deltagaren är med och bestämmer", 3: "Stödet får ta den tid som behövs",
                  4: "Någon håller ihop stödet", 5: "Stödet har hjälpt att hantera situationen",
                  7: "Närmare arbete eller studier", 8: "Personalen respekteras av andra parter",
                  13: "Insatsen arbetar sektorsövergripande"}
AVSLUT = (("Arbete", "arbete"), ("Studier", "studier"), ("Annan arbetslivsinriktad insats", "annan-insats"),
          ("Vård", "vard"), ("Övrigt", "ovrigt"))
STATE = ("forsakringskassan", "arbetsformedlingen")


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower().replace("&", " och "))
    text = "".join(c for c in text if not unicodedata.combining(c))
    out = "".join(c if c.isalnum() else "-" for c in text)
    return "-".join(p for p in out.split("-") if p)


# --- the world: places, organisations, people -------------------------------------------------------------


@dataclass
class World:
    rng: random.Random
    organisations: dict[str, dict[str, Any]] = field(default_factory=dict)
    persons: dict[str, dict[str, Any]] = field(default_factory=dict)
    places: set[str] = field(default_factory=set)

    def place(self) -> str:
        while True:
            name = self.rng.choice(PLACE_HEAD) + self.rng.choice(PLACE_TAIL)
            if name not in self.places:
                self.places.add(name)
                return name

    def org(self, oid: str, namn: str, typ: str, **extra: Any) -> str:
        if oid not in self.organisations:
            self.organisations[oid] = {"id": oid, "namn": namn, "typ": typ, **extra}
        return oid

    def person(self) -> str:
        rng = self.rng
        while True:
            first = rng.choice(FIRST)
            if rng.random() < 0.12:
                first = f"{first}-{rng.choice(FIRST)}"
            last = rng.choice(LAST)
            if rng.random() < 0.3:
                last = f"{last}-{rng.choice(LAST)}" if rng.random() < 0.5 else f"{rng.choice(LAST)} {last}"
            name = f"{first} {last}"
            pid = slug(name)
            if pid not in self.persons:
                self.persons[pid] = {"id": pid, "namn": name}
                return pid


@dataclass
class Insats:
    id: str
    nummer: str
    namn: str
    typ: str
    start: int
    end: int
    owner: str
    parter: list[str]
    beviljat: int  # tkr per year
    teman: list[str]
    malgrupp: str
    mal: str
    innehall: str
    start_date: str
    end_date: str
    carried: int = 0


@dataclass
class Forbund:
    id: str
    namn: str
    kortnamn: str
    lan: str
    region: str
    kommuner: list[str]
    joins: dict[str, int]
    unit: str  # tkr or kr in the statements
    base: int  # yearly contribution, tkr
    bildat: str
    weights: dict[str, int]  # how the kommuner share their quarter (by population)
    insatser: list[Insats] = field(default_factory=list)
    money: dict[tuple[str, int], tuple[int, int]] = field(default_factory=dict)  # (insats, year) → budget, utfall (tkr)

    @property
    def first_month(self) -> int:
        return int(self.bildat[5:7])


def date(rng: random.Random, year: int, first_month: int = 1, last_month: int = 12) -> str:
    return f"{year}-{rng.randint(first_month, max(first_month, last_month)):02d}-{rng.randint(1, 28):02d}"


def kr(value: int) -> str:
    """12345678 → '12 345 678' (plain spaces: this is text in a data file, not a rendered figure)."""
    return f"{value:,}".replace(",", " ")


def split(total: int, weights: list[float]) -> list[int]:
    """Split an integer total by weights so that the parts add up exactly."""
    s = sum(weights)
    parts = [int(total * w / s) for w in weights]
    parts[0] += total - sum(parts)
    return parts


# --- generation -------------------------------------------------------------------------------------------


class Generator:
    def __init__(self, seed: int, n_forbund: int, years: int, first_year: int) -> None:
        self.rng = random.Random(seed)
        self.world = World(self.rng)
        self.years = list(range(first_year, first_year + years))
        self.n = n_forbund
        self.forbund: list[Forbund] = []
        self.firms: list[str] = []
        self.banks: list[str] = []
        self.accounting: list[str] = []
        self.reports: dict[str, dict[str, Any]] = {}

    # world ------------------------------------------------------------------------------------------------
    def setup(self) -> None:
        w, rng = self.world, self.rng
        w.org("arbetsformedlingen", "Arbetsförmedlingen", "statlig-myndighet", forkortningar=["AF"])
        w.org("forsakringskassan", "Försäkringskassan", "statlig-myndighet", forkortningar=["FK"])
        self.firms = [w.org(slug(n), n, "foretag") for n in FIRMS]
        self.banks = [w.org(slug(n), n, "foretag") for n in BANKS]
        self.accounting = [w.org(slug(n), n, "foretag") for n in ACCOUNTING]
        landskap = list(LANDSKAP)
        counts = [1] * len(landskap)
        for _ in range(self.n - len(landskap)):
            counts[rng.randrange(len(landskap))] += 1
        number = 0
        for i, land in enumerate(landskap):
            if number >= self.n:
                break
            region = w.org(f"region-{slug(land)}", f"Region {land}", "region")
            w.org(f"region-{slug(land)}-psykiatri", f"Region {land}, psykiatrin", "region", del_av=region)
            w.org(f"region-{slug(land)}-primarvard", f"Region {land}, primärvården", "region", del_av=region)
            lan = f"{land[:-2] if land.endswith('en') else land}s län"
            for _ in range(counts[i]):
                if number >= self.n:
                    break
                number += 1
                self.forbund.append(self._forbund(number, region, lan))

    def _forbund(self, number: int, region: str, lan: str) -> Forbund:
        w, rng = self.world, self.rng
        kommuner = []
        for _ in range(rng.choice((1, 1, 2, 2, 3, 3, 4, 5, 6))):
            place = w.place()
            kid = w.org(f"{slug(place)}-kommun", f"{place} kommun", "kommun")
            w.org(f"{kid}-ami", f"{place} kommun, arbetsmarknadsenheten", "kommunal-verksamhet", del_av=kid,
                  forkortningar=["AMI"])
            w.org(f"{kid}-ifo", f"{place} kommun, individ- och familjeomsorgen", "kommunal-verksamhet", del_av=kid,
                  forkortningar=["IFO"])
            kommuner.append(kid)
        name = w.organisations[kommuner[0]]["namn"].removesuffix(" kommun") if len(kommuner) == 1 else w.place()
        fid = slug(name)
        joins = {}
        if len(kommuner) > 1 and rng.random() < 0.3:
            joins[kommuner[-1]] = rng.choice(self.years[2:]) if len(self.years) > 2 else self.years[-1]
        first = self.years[0]
        return Forbund(fid, f"Samordningsförbundet {name}", name, lan, region, kommuner, joins,
                       rng.choice(("kr", "kr", "tkr")), rng.randint(500, 7500) * 4,
                       f"{first}-{rng.randint(1, 6):02d}-01", {k: rng.randint(1, 9) for k in kommuner})

    def members(self, f: Forbund, year: int) -> list[str]:
        return [*STATE, f.region, *(k for k in f.kommuner if f.joins.get(k, 0) <= year)]

    # insatser ---------------------------------------------------------------------------------------------
    def plan_insatser(self, f: Forbund) -> None:
        rng = self.rng
        counters = {"individinriktad": 300, "strukturovergripande": 400, "forstudie": 500}
        for y in self.years:
            for _ in range(rng.choice((1, 2, 2, 2, 3, 3)) + (2 if y == self.years[0] else 0)):
                typ = rng.choices(("individinriktad", "strukturovergripande", "forstudie"), (4, 4, 2))[0]
                counters[typ] += 1
                nummer = str(counters[typ])
                pool = {"individinriktad": INDIVID, "strukturovergripande": STRUKTUR, "forstudie": FORSTUDIE}[typ]
                namn = rng.choice(pool)
                if any(i.namn == namn for i in f.insatser):
                    namn = f"{namn} {y}"
                length = 1 if typ == "forstudie" else rng.randint(1, 6 if typ == "individinriktad" else 4)
                members = self.members(f, y)
                kommun = rng.choice([m for m in members if m.endswith("-kommun")])
                owner = rng.choice((f"{kommun}-ami", f"{kommun}-ifo", kommun, f.region, f"{f.region}-psykiatri",
                                    "arbetsformedlingen", f.id))
                parter = sorted(set(rng.sample(members, min(len(members), rng.randint(2, 4)))))
                share = {"individinriktad": 0.18, "strukturovergripande": 0.07, "forstudie": 0.04}[typ]
                start = date(rng, y, 1, 9)
                end_year = min(y + length - 1, self.years[-1] + 2)
                f.insatser.append(Insats(
                    f"{f.id}-{nummer}", nummer, namn, typ, y, end_year, owner, parter,
                    max(50, int(f.base * share * rng.uniform(0.5, 1.5))), sorted(rng.sample(TEMAN, rng.randint(1, 3))),
                    rng.choice(MALGRUPP), rng.choice(MALTEXT), rng.choice(INNEHALL), start,
                    f"{end_year}-12-31"))

    # board and people -------------------------------------------------------------------------------------
    def people(self) -> dict[str, dict[int, dict[str, Any]]]:
        """Per förbund and year: board seats, auditors, staff. People move between förbund and roles."""
        w, rng = self.world, self.rng
        out: dict[str, dict[int, dict[str, Any]]] = {}
        region_politicians: dict[tuple[str, int], list[str]] = {}
        chefs_by_region: dict[str, list[str]] = {}
        former_board: list[str] = []
        pooled: set[str] = set()
        for f in self.forbund:
            seats: dict[tuple[str, str], str] = {}
            chef = None
            auditor = None
            firm, firm_person = rng.choice(self.firms), w.person()
            per_year: dict[int, dict[str, Any]] = {}
            for y in self.years:
                members = self.members(f, y)
                term = (y - 2003) // 4
                changes: list[tuple[str, str, str, str, str]] = []  # member, kind, old, new, date
                for m in members:
                    for kind in ("ordinarie", "ersattare"):
                        old = seats.get((m, kind))
                        politician = m not in STATE
                        new_term = politician and (y - 2003) % 4 == 0 and y != self.years[0]
                        if old is None or (new_term and rng.random() < 0.6) or (not politician and rng.random() < 0.2):
                            if m == f.region and kind == "ordinarie":
                                pool = region_politicians.setdefault((m, term), [w.person() for _ in range(2)])
                                pooled.update(pool)
                                new = rng.choice(pool)
                            else:
                                new = w.person()
                            if old is not None and old not in pooled:
                                former_board.append(old)
                            seats[(m, kind)] = new
                        elif y != self.years[0] and rng.random() < 0.08:
                            new = w.person()
                            changes.append((m, kind, old, new, date(rng, y, 3, 11)))
                            if old not in pooled:
                                former_board.append(old)
                            seats[(m, kind)] = new
                if chef is None or rng.random() < 0.12:
                    pool = chefs_by_region.setdefault(f.region, [])
                    chef = pool.pop() if pool and rng.random() < 0.5 else w.person()
                    if rng.random() < 0.4:
                        pool.append(chef)
                if auditor is None or (y - 2003) % 4 == 0:
                    auditor = former_board.pop(rng.randrange(len(former_board))) if former_board and rng.random() < 0.5 \
                        else w.person()
                if rng.random() < 0.1:
                    firm, firm_person = rng.choice(self.firms), w.person()
                chairs = [m for m in members if m not in STATE]
                per_year[y] = {"seats": dict(seats), "changes": changes, "chef": chef, "auditor": auditor,
                               "auditor_by": rng.choice([*f.kommuner[:1], f.region]), "firm": firm,
                               "firm_person": firm_person, "chair": chairs[term % len(chairs)],
                               "vice": STATE[term % 2], "members": members}
            out[f.id] = per_year
        return out

    # one report -------------------------------------------------------------------------------------------
    def report(self, f: Forbund, y: int, p: dict[str, Any], fin: dict[int, dict[str, Any]],
               active: list[Insats]) -> dict[str, Any]:
        rng = self.rng
        first = y == self.years[0]
        fran = f.bildat if first else f"{y}-01-01"
        month = f.first_month if first else 1
        till = f"{y}-12-31"
        decided = date(rng, y + 1, 2, 4)
        members = p["members"]
        cur, prev = fin[y], fin.get(y - 1)
        u = f.unit
        k = 1000 if u == "tkr" else 1

        def v(x: int) -> int:
            return round(x / k)

        kommuner = [m for m in members if m.endswith("-kommun")]
        mandat = []
        for m in members:
            entry: dict[str, Any] = {"utsedd_av": m}
            for kind in ("ordinarie", "ersattare"):
                seat = []
                for (cm, ck, old, new, when) in p["changes"]:
                    if cm == m and ck == kind:
                        seat.append({"person": old, "till": when,
                                     "kommentar": f"Ersattes av {self.world.persons[new]['namn']} från {when}."})
                        seat.append({"person": new, "fran": when})
                if not seat:
                    seat = [{"person": p["seats"][(m, kind)]}]
                if kind == "ordinarie":
                    for s in seat:
                        s["roll"] = "ordforande" if m == p["chair"] else "vice-ordforande" if m == p["vice"] else "ledamot"
                        s.update({key: s.pop(key) for key in ("fran", "till", "kommentar") if key in s})
                entry[kind] = seat
            mandat.append(entry)
        board_now = [p["seats"][(m, "ordinarie")] for m in members]
        chair = p["seats"][(p["chair"], "ordinarie")]
        vice = p["seats"][(p["vice"], "ordinarie")]
        n_ind = sum(1 for i in active if i.typ == "individinriktad")

        insats_entries, drift_rows = [], []
        for i in active:
            insats_entries.append(self._insats_year(f, i, y))
            e = insats_entries[-1]["ekonomi"]
            drift_rows.append({"text": i.namn, "projekt": i.nummer, "insats": i.id,
                               "varden": [e["budget"], e["utfall"], e["budget"] - e["utfall"]]})

        data: dict[str, Any] = {
            "id": f"{f.id}-{y}", "forbund": f.id, "typ": "arsredovisning", "period": {"fran": fran, "till": till},
            "beslut": {"datum": decided, "organ": "Styrelsen"},
            "kalla": {"fil": f"{f.id}-arsredovisning-{y}.txt", "titel": f"Årsredovisning {y}"},
            "status": "godkand",
            "sammanfattning": (
                f"Förbundet finansierade under {y} {len(active)} insatser, varav {n_ind} individinriktade. "
                f"Årets resultat blev {kr(cur['resultat'])} kr och det egna kapitalet var {kr(cur['eget'])} kr vid "
                f"årets slut, {round(100 * cur['eget'] / max(cur['intakter'], 1))} % av intäkterna."),
            "handelser": sorted((
                {"datum": date(rng, y), "text": rng.choice(EVENTS), "avsnitt": "1.3 Händelser av väsentlig betydelse"}
                for _ in range(rng.randint(2, 6))), key=lambda e: e["datum"]),
            "medlemmar": {
                "avsnitt": "1. Förvaltningsberättelse – Organisation",
                "parter": members,
                "finansiering": [
                    {"parter": list(STATE), "andel_procent": 50},
                    {"parter": [f.region], "andel_procent": 25},
                    {"parter": kommuner, "andel_procent": 25,
                     **({"kommentar": "Kommunernas fjärdedel fördelas efter folkmängd."} if len(kommuner) > 1 else {})},
                ],
                "tilldelning": {"belopp": round(cur["bidrag"] / 1000), "enhet": "tkr"},
            },
            "styrelse": {"avsnitt": "1.4 Styrning och uppföljning", "mandat": mandat},
            "sammantraden": {"antal": rng.randint(5, 10), "datum": sorted({date(rng, y, month) for _ in range(3)}),
                             "avsnitt": "1.4 Styrning och uppföljning"},
            "revisorer": {"avsnitt": "1.4 Styrning och uppföljning – Revision", "poster": [
                {"person": p["auditor"], "roll": "ordinarie", "funktion": "fortroendevald-revisor",
                 "utsedd_av": [p["auditor_by"]], "foretrader": [m for m in members if m not in STATE]},
                {"person": p["firm_person"], "organisation": p["firm"], "roll": "ordinarie",
                 "funktion": "upphandlad-revisor", "utsedd_av": ["forsakringskassan"], "foretrader": list(STATE)},
            ]},
            "personal": {"avsnitt": "1.6 Väsentliga personalförhållanden", "poster": [
                {"titel": "Förbundschef", "person": p["chef"], "antal": 1, "omfattning_procent": 100,
                 "anstalld_hos": rng.choice((f.id, f.kommuner[0]))},
            ]},
            "leverantorer": {"avsnitt": "1.4 Styrning och uppföljning", "poster": [
                {"organisation": self.banks[hash_index(f.id, len(self.banks))], "tjanst": "Bankkonto"},
                {"organisation": self.accounting[hash_index(f.id + "e", len(self.accounting))],
                 "tjanst": "Redovisning och löner"},
            ]},
            "undertecknare": {"avsnitt": "Underskrifter", "poster": [
                *({"person": pid, "titel": "Ordförande" if pid == chair else "Vice ordförande" if pid == vice
                   else "Ledamot"} for pid in dict.fromkeys(board_now)),
                {"person": p["auditor"], "titel": "Förtroendevald revisor", "foretrader": [f.region]},
                {"person": p["firm_person"], "titel": "Auktoriserad revisor", "organisation": p["firm"],
                 "foretrader": list(STATE)},
            ]},
            "mal": self._goals(y, active),
            "nyckeltal": [
                {"nyckel": "andel-administration", "etikett": "Administrationens andel av kostnaderna",
                 "varde": round(100 * cur["admin"] / max(cur["kostnader"], 1)), "enhet": "procent", "ar": y,
                 "avsnitt": "1.5 Ekonomisk ställning"},
                {"nyckel": "deltagare-individinriktade", "etikett": "Deltagare i individinriktade insatser",
                 "varde": sum(e.get("deltagare", {}).get("totalt", 0) for e in insats_entries), "enhet": "antal",
                 "ar": y, "avsnitt": "1.5 Uppföljning"},
                {"nyckel": "anstallda", "etikett": "Antal anställda", "varde": 1, "enhet": "antal", "ar": y,
                 "avsnitt": "1.6 Väsentliga personalförhållanden"},
            ],
            "insatser": insats_entries,
        }
        indicators = self._indicators(f, y, active)
        if indicators:
            data["indikatorer"] = indicators
        data["forvantad_utveckling"] = {"avsnitt": "1.7 Förväntad utveckling", "text": (
            f"Förbundet räknar med en tilldelning i nivå med {y} och planerar att "
            f"{rng.choice(('pröva nya', 'avsluta två', 'utvärdera de pågående'))} insatser under {y + 1}. "
            "Samverkan med parterna fortsätter i beredningsgruppen.")}
        data["tabeller"] = self._tables(f, y, cur, prev, fin, u, v, kommuner, drift_rows)
        return data

    def _insats_year(self, f: Forbund, i: Insats, y: int) -> dict[str, Any]:
        rng = self.rng
        budget, utfall = f.money[(i.id, y)]
        entry: dict[str, Any] = {
            "insats": i.id, "avsnitt": "1.5 Insatser",
            "agare": [i.owner],
            "styrgrupp": {"parter": [p for p in i.parter if p in self.members(f, y)] or [f.region],
                          "beskrivning": "Styrgruppen träffas fyra gånger om året."},
            "period": {"fran": i.start_date, "till": i.end_date},
            "malgrupp": i.malgrupp, "mal": i.mal, "innehall": i.innehall,
            "ekonomi": {"enhet": "tkr", "beviljat": i.beviljat, "budget": budget, "utfall": utfall},
        }
        if i.typ == "individinriktad":
            nya = rng.randint(8, 60)
            totalt = i.carried + nya
            avslutade = rng.randint(0, totalt)
            kvinnor = rng.randint(0, totalt)
            avslut = split(avslutade, [rng.uniform(0.2, 1) for _ in AVSLUT]) if avslutade else []
            entry["deltagare"] = {"totalt": totalt, "kvinnor": kvinnor, "man": totalt - kvinnor, "nya": nya,
                                  "avslutade": avslutade, "pagaende": totalt - avslutade}
            if i.carried:
                entry["deltagare"]["foregaende_ar"] = {"totalt": i.carried}
            if avslut:
                entry["avslut"] = [{"till": t, "kategori": c, "antal": n}
                                   for (t, c), n in zip(AVSLUT, avslut, strict=True) if n]
            i.carried = totalt - avslutade
        entry["resultat"] = [{"text": rng.choice(RESULTAT), "varde": rng.randint(3, 120), "enhet": "antal"}
                             for _ in range(rng.randint(1, 3))]
        entry["maluppfyllelse"] = {"bedomning": rng.choice(BEDOMNING)}
        return entry

    def _goals(self, y: int, active: list[Insats]) -> dict[str, Any]:
        rng = self.rng
        posts = []
        for n, text in enumerate(rng.sample(GOALS, rng.randint(3, 5)), start=1):
            linked = rng.sample(active, min(len(active), rng.randint(0, 3)))
            posts.append({"id": f"mal-{n}", "rubrik": f"Mål {n} – {text}", "insatser": [i.id for i in linked],
                          "uppfyllelse": rng.choice(("uppfyllt", "delvis uppfyllt", "ej uppfyllt", "uppfyllt")),
                          "aktiviteter": [{"text": f"{i.namn} följdes upp under {y}.", "insats": i.id} for i in linked]})
        return {"avsnitt": "1.5 Måluppfyllelse", "poster": posts}

    def _indicators(self, f: Forbund, y: int, active: list[Insats]) -> list[dict[str, Any]]:
        rng = self.rng
        individ = [i for i in active if i.typ == "individinriktad"]
        if y < 2016 or not individ or hash_index(f.id, 5) < 2:
            return []
        i = individ[0]
        rows = []
        for number, matt in INDIKATOR_MATT.items():
            cells = []
            for _ in range(2):
                riket = rng.randint(45, 85)
                value = max(0, min(100, riket + rng.randint(-30, 20)))
                cells.append({"rikssnitt": riket, "varde": value, "trend": rng.choice(("upp", "ned", "plant")),
                              "jamforelse": "hogre" if value > riket + 2 else "lagre" if value < riket - 2 else "varken"})
            rows.append({"indikator": number, "matt": matt, "enkat": "pagaende", "celler": cells})
        return [{"id": "indikatorer-deltagare", "rubrik": f"Indikatorer för {i.namn}", "avsnitt": "Bilaga – Indikatorer",
                 "respondentgrupp": "deltagare", "insats": i.id,
                 "kolumner": [{"id": f"totalt-{y}", "ar": y, "grupp": "totalt", "trend_mot": y - 1},
                              {"id": f"totalt-{y - 1}", "ar": y - 1, "grupp": "totalt"}],
                 "rader": rows}]

    def _tables(self, f: Forbund, y: int, cur: dict[str, int], prev: dict[str, int] | None,
                fin: dict[int, dict[str, Any]], u: str, v: Any, kommuner: list[str],
                drift_rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        years = [y, y - 1] if prev else [y]
        p = prev or {}

        def cols(kind: str) -> list[dict[str, Any]]:
            if kind == "datum":
                return [{"id": f"bokslut-{a}", "rubrik": f"{a}-12-31", "ar": a, "datum": f"{a}-12-31"} for a in years]
            return [{"id": f"utfall-{a}", "rubrik": str(a), "ar": a, "slag": "utfall"} for a in years]

        def vals(key: str, sign: int = 1, key2: str | None = None) -> list[int]:
            rows = [cur, p] if prev else [cur]
            return [sign * v(d[key].get(key2, 0) if key2 else d[key]) for d in rows]

        overview_years = [a for a in range(y, y - 5, -1) if a in fin]

        def over(key: str) -> list[int]:
            return [v(fin[a][key]) for a in overview_years]

        tables: list[dict[str, Any]] = [{
            "id": "oversikt", "typ": "oversikt", "rubrik": "Översikt över verksamhetens utveckling",
            "avsnitt": "1.1 Översikt över verksamhetens utveckling", "enhet": u,
            "kolumner": [{"id": f"ar-{a}", "rubrik": str(a), "ar": a, "slag": "utfall"} for a in overview_years],
            "rader": [
                {"text": "Verksamhetens intäkter", "nyckel": "intakter", "varden": over("intakter")},
                {"text": "Verksamhetens kostnader", "nyckel": "kostnader", "varden": over("kostnader")},
                {"text": "Årets resultat", "nyckel": "arets-resultat", "varden": over("resultat")},
                {"text": "Eget kapital", "nyckel": "eget-kapital", "varden": over("eget")},
                {"text": "Soliditet", "nyckel": "soliditet", "enhet": "procent",
                 "varden": [round(100 * fin[a]["eget"] / max(fin[a]["tillgangar"], 1)) for a in overview_years]},
                {"text": "Antal anställda", "nyckel": "anstallda", "enhet": "antal", "varden": [1 for _ in overview_years]},
            ]}]
        tables.append({
            "id": "resultatrakning", "typ": "resultatrakning", "rubrik": "Resultaträkning", "avsnitt": "2. Resultaträkning",
            "enhet": u, "kolumner": cols("utfall"), "rader": [
                {"text": "Verksamhetens intäkter", "not": 2, "nyckel": "intakter", "varden": vals("intakter")},
                {"text": "Verksamhetens kostnader", "not": 3, "nyckel": "kostnader", "varden": vals("kostnader", -1)},
                {"text": "Verksamhetens resultat", "slag": "summa", "nyckel": "verksamhetens-resultat",
                 "varden": [a - b for a, b in zip(vals("intakter"), vals("kostnader"), strict=True)]},
                {"text": "Finansiella intäkter", "nyckel": "finansiella-intakter", "varden": vals("finans")},
                {"text": "Resultat efter finansiella poster", "slag": "summa", "nyckel": "resultat-efter-finansiella-poster",
                 "varden": vals("resultat")},
                {"text": "Årets resultat", "slag": "summa", "nyckel": "arets-resultat", "varden": vals("resultat")},
            ]})
        tables.append({
            "id": "balansrakning", "typ": "balansrakning", "rubrik": "Balansräkning", "avsnitt": "3. Balansräkning",
            "enhet": u, "kolumner": cols("datum"), "rader": [
                {"text": "Tillgångar", "slag": "rubrik"},
                {"text": "Omsättningstillgångar", "slag": "rubrik"},
                {"text": "Kortfristiga fordringar", "not": 4, "nyckel": "kortfristiga-fordringar", "varden": vals("fordringar")},
                {"text": "Kassa och bank", "nyckel": "kassa-bank", "varden": vals("kassa")},
                {"text": "Summa omsättningstillgångar", "slag": "summa", "nyckel": "summa-omsattningstillgangar",
                 "varden": vals("tillgangar")},
                {"text": "Summa tillgångar", "slag": "summa", "nyckel": "summa-tillgangar", "varden": vals("tillgangar")},
                {"text": "Eget kapital, avsättningar och skulder", "slag": "rubrik"},
                {"text": "Eget kapital", "slag": "rubrik"},
                {"text": "Årets resultat", "varden": vals("resultat")},
                {"text": "Övrigt eget kapital", "nyckel": "ovrigt-eget-kapital", "varden": vals("eget_in")},
                {"text": "Summa eget kapital", "slag": "summa", "nyckel": "eget-kapital", "varden": vals("eget")},
                {"text": "Skulder", "slag": "rubrik"},
                {"text": "Kortfristiga skulder", "not": 5, "nyckel": "kortfristiga-skulder", "varden": vals("skulder")},
                {"text": "Summa eget kapital, avsättningar och skulder", "slag": "summa",
                 "nyckel": "summa-eget-kapital-avsattningar-skulder", "varden": vals("tillgangar")},
            ]})
        tables.append({
            "id": "kassaflodesanalys", "typ": "kassaflodesanalys", "rubrik": "Kassaflödesanalys",
            "avsnitt": "4. Kassaflödesanalys", "enhet": u, "kolumner": cols("utfall"), "rader": [
                {"text": "Årets resultat", "varden": vals("resultat")},
                {"text": "Ökning/minskning kortfristiga fordringar", "varden": vals("d_fordringar", -1)},
                {"text": "Ökning/minskning kortfristiga skulder", "varden": vals("d_skulder")},
                {"text": "Kassaflöde från den löpande verksamheten", "nyckel": "kassaflode-lopande", "varden": vals("flode")},
                {"text": "Kassaflöde från investeringsverksamheten", "nyckel": "kassaflode-investering",
                 "varden": [0] * len(years)},
                {"text": "Kassaflöde från finansieringsverksamheten", "nyckel": "kassaflode-finansiering",
                 "varden": [0] * len(years)},
                {"text": "Årets kassaflöde", "slag": "summa", "nyckel": "arets-kassaflode", "varden": vals("flode")},
                {"text": "Likvida medel vid årets början", "nyckel": "likvida-medel-borjan", "varden": vals("kassa_in")},
                {"text": "Likvida medel vid årets slut", "nyckel": "likvida-medel-slut", "varden": vals("kassa")},
            ]})
        tables.append({"id": "not-1", "typ": "not", "not": 1, "rubrik": "Not 1. Redovisningsprinciper",
                       "avsnitt": "5. Noter – Not 1", "enhet": "text",
                       "kolumner": [{"id": "princip", "rubrik": "Redovisningsprincip", "slag": "text"}],
                       "rader": [{"text": "Redovisningsprinciper", "varden": [
                           "Upprättad enligt lagen om kommunal bokföring och redovisning, i tillämpliga delar."]}]})
        contribution_rows = [
            {"text": "Bidrag från staten (FK och AF)", "nyckel": "medlemsbidrag", "parter": list(STATE),
             "varden": vals("parts", key2="state")},
            {"text": f"Bidrag från {self.world.organisations[f.region]['namn']}", "nyckel": "medlemsbidrag",
             "parter": [f.region], "varden": vals("parts", key2="region")},
            *({"text": f"Bidrag från {self.world.organisations[kid]['namn']}", "nyckel": "medlemsbidrag",
               "parter": [kid], "varden": vals("parts", key2=kid)} for kid in kommuner),
        ]
        tables.append({"id": "not-2", "typ": "not", "not": 2, "rubrik": "Not 2. Verksamhetens intäkter",
                       "avsnitt": "5. Noter – Not 2", "enhet": u, "kolumner": cols("utfall"), "rader": [
                           *contribution_rows,
                           {"text": "Övriga intäkter", "varden": vals("ovriga")},
                           {"text": "Summa", "slag": "summa", "varden": vals("intakter")}]})
        tables.append({"id": "not-3", "typ": "not", "not": 3, "rubrik": "Not 3. Verksamhetens kostnader",
                       "avsnitt": "5. Noter – Not 3", "enhet": u, "kolumner": cols("utfall"), "rader": [
                           {"text": "Individinriktade insatser", "nyckel": "kostnad-individinriktade", "varden": vals("individ")},
                           {"text": "Strukturövergripande insatser", "nyckel": "kostnad-strukturovergripande",
                            "varden": vals("struktur")},
                           {"text": "Administration", "nyckel": "kostnad-administration", "varden": vals("admin")},
                           {"text": "Summa", "slag": "summa", "varden": vals("kostnader")}]})
        tables.append({"id": "not-4", "typ": "not", "not": 4, "rubrik": "Not 4. Fordringar", "avsnitt": "5. Noter – Not 4",
                       "enhet": u, "kolumner": cols("datum"), "rader": [
                           {"text": "Fordran moms", "varden": vals("moms")},
                           {"text": "Förutbetalda kostnader", "varden": vals("forutbetalt")},
                           {"text": "Summa", "slag": "summa", "varden": vals("fordringar")}]})
        tables.append({"id": "not-5", "typ": "not", "not": 5, "rubrik": "Not 5. Kortfristiga skulder",
                       "avsnitt": "5. Noter – Not 5", "enhet": u, "kolumner": cols("datum"), "rader": [
                           {"text": "Leverantörsskulder", "varden": vals("leverantor")},
                           {"text": "Upplupna kostnader", "varden": vals("upplupet")},
                           {"text": "Summa", "slag": "summa", "varden": vals("skulder")}]})
        tables.append({"id": "driftredovisning-projekt", "typ": "driftredovisning", "rubrik": "Driftredovisning per insats",
                       "avsnitt": "6. Driftredovisning", "enhet": "tkr", "kolumner": [
                           {"id": f"budget-{y}", "rubrik": "Budget", "ar": y, "slag": "budget"},
                           {"id": f"utfall-{y}", "rubrik": "Utfall", "ar": y, "slag": "utfall"},
                           {"id": f"avvikelse-{y}", "rubrik": "Avvikelse", "ar": y, "slag": "avvikelse"}],
                       "rader": drift_rows or [{"text": "Inga insatser", "varden": [0, 0, 0]}]})
        return tables

    # financial time series --------------------------------------------------------------------------------
    def finances(self, f: Forbund) -> dict[int, dict[str, Any]]:
        """Every amount of every year, in kronor; in whole thousands when the förbund reports in tkr,
        so the statements add up exactly in the unit they are printed in."""
        rng = self.rng
        step = 1000 if f.unit == "tkr" else 1

        def r(x: float) -> int:
            return round(x / step) * step

        fin: dict[int, dict[str, Any]] = {}
        eget = kassa = fordringar = skulder = 0
        for y in self.years:
            active = [i for i in f.insatser if i.start <= y <= i.end]
            bidrag = round(f.base * (1.02 ** (y - self.years[0])) * rng.uniform(0.97, 1.03) / 4) * 4000
            kommuner = [m for m in self.members(f, y) if m.endswith("-kommun")]
            parts = {"state": bidrag // 2, "region": bidrag // 4}
            shares = split(bidrag // 4 // step, [f.weights[k] for k in kommuner])
            parts.update({k: share * step for k, share in zip(kommuner, shares, strict=True)})
            ovriga = r(rng.randint(0, 40_000)) if rng.random() < 0.5 else 0
            intakter = bidrag + ovriga
            admin = r(intakter * rng.uniform(0.12, 0.2))
            planned = sum(i.beviljat for i in active) * 1000
            target = intakter * (1.1 if eget > 0.5 * intakter else 0.85 if eget < 0.15 * intakter else 1.0) - admin
            scale = max(0.2, min(1.0, target / planned)) if planned else 0
            individ = struktur = 0
            for i in active:
                budget = max(1, round(i.beviljat * rng.uniform(0.9, 1.1)))
                utfall = round(budget * scale * rng.uniform(0.75, 1.0))
                f.money[(i.id, y)] = (budget, utfall)
                if i.typ == "individinriktad":
                    individ += utfall * 1000
                else:
                    struktur += utfall * 1000
            kostnader = admin + individ + struktur
            finans = r(rng.randint(0, 2000)) if eget > 0 else 0
            resultat = intakter - kostnader + finans
            if eget + resultat < 0:  # the members cover a deficit that would leave negative equity
                extra = r(100_000 - eget - resultat)
                ovriga += extra
                intakter += extra
                resultat += extra
            eget_in, kassa_in = eget, kassa
            eget += resultat
            new_skulder = r(kostnader * rng.uniform(0.04, 0.12))
            new_fordringar = r(intakter * rng.uniform(0.02, 0.06))
            d_fordringar, d_skulder = new_fordringar - fordringar, new_skulder - skulder
            fordringar, skulder = new_fordringar, new_skulder
            kassa = eget + skulder - fordringar
            moms = r(fordringar * rng.uniform(0.3, 0.7))
            leverantor = r(skulder * rng.uniform(0.3, 0.7))
            fin[y] = {"bidrag": bidrag, "parts": parts, "ovriga": ovriga, "intakter": intakter, "admin": admin,
                      "individ": individ, "struktur": struktur, "kostnader": kostnader, "finans": finans,
                      "resultat": resultat, "eget_in": eget_in, "eget": eget, "fordringar": fordringar,
                      "skulder": skulder, "kassa": kassa, "kassa_in": kassa_in, "tillgangar": fordringar + kassa,
                      "d_fordringar": d_fordringar, "d_skulder": d_skulder, "flode": kassa - kassa_in, "moms": moms,
                      "forutbetalt": fordringar - moms, "leverantor": leverantor, "upplupet": skulder - leverantor}
        return fin

    # everything -------------------------------------------------------------------------------------------
    def run(self) -> dict[str, Any]:
        self.setup()
        for f in self.forbund:
            self.plan_insatser(f)
        people = self.people()
        files: dict[str, Any] = {}
        for f in self.forbund:
            fin = self.finances(f)
            for y in self.years:
                active = [i for i in f.insatser if i.start <= y <= i.end]
                files[f"rapporter/{f.id}-{y}.yaml"] = self.report(f, y, people[f.id][y], fin, active)
            files[f"forbund/{f.id}.yaml"] = self._forbund_file(f)
            files[f"insatser/{f.id}.yaml"] = {"forbund": f.id, "insatser": [
                {"id": i.id, "projektnummer": i.nummer, "namn": i.namn, "typ": i.typ, "teman": i.teman,
                 "beskrivning": f"{i.mal} {i.innehall}"} for i in f.insatser]}
        files["organisationer.yaml"] = {"organisationer": sorted(self.world.organisations.values(), key=lambda o: o["id"])}
        files["personer.yaml"] = {"personer": sorted(self.world.persons.values(), key=lambda p: p["id"])}
        return files

    def _forbund_file(self, f: Forbund) -> dict[str, Any]:
        number = self.forbund.index(f)
        data: dict[str, Any] = {
            "id": f.id, "namn": f.namn, "kortnamn": f.kortnamn, "orgnr": f"222000-{1000 + number:04d}", "lan": f.lan,
            "sate": f.kortnamn, "webb": f"www.finsam-{f.id}.invalid", "bildat": f.bildat,
            "beskrivning": (f"Samordningsförbund med Arbetsförmedlingen, Försäkringskassan, "
                            f"{self.world.organisations[f.region]['namn']} och "
                            f"{len(f.kommuner)} {'kommun' if len(f.kommuner) == 1 else 'kommuner'} som medlemmar."),
            "kalla": {"rapport": f"{f.id}-{self.years[-1]}", "avsnitt": "1. Förvaltningsberättelse – Organisation"},
        }
        if number % 5 == 0:
            data["namnhistorik"] = [{"namn": f"Finsam {f.kortnamn}", "till": f"{self.years[len(self.years) // 2]}-12-31"}]
        return data


def hash_index(text: str, n: int) -> int:
    """A stable small number from a text (Python's hash() is salted per process)."""
    return sum(text.encode()) % n


def write(files: dict[str, Any], out: Path) -> int:
    data = out / "data"
    if data.exists():
        shutil.rmtree(data)
    for rel, content in files.items():
        path = data / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        text = yaml.dump(content, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=120, default_flow_style=None)
        path.write_text(text, encoding="utf-8")
    shutil.copy(ROOT / "data" / "ordlista.yaml", data / "ordlista.yaml")
    return len(files) + 1


def generate(out: Path, seed: int = 1, forbund: int = 75, years: int = 20, first_year: int = 2004) -> dict[str, int]:
    """Write out/data/ and return counts of what was generated."""
    gen = Generator(seed, forbund, years, first_year)
    files = gen.run()
    write(files, out)
    return {"forbund": len(gen.forbund), "rapporter": len(gen.forbund) * years,
            "insatser": sum(len(f.insatser) for f in gen.forbund), "organisationer": len(gen.world.organisations),
            "personer": len(gen.world.persons)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="folder to write; its data/ is replaced")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--forbund", type=int, default=75, help="number of förbund (default 75)")
    parser.add_argument("--years", type=int, default=20, help="report-years per förbund (default 20)")
    parser.add_argument("--first-year", type=int, default=2004)
    args = parser.parse_args(argv)
    counts = generate(args.out, args.seed, args.forbund, args.years, args.first_year)
    print(", ".join(f"{v} {k}" for k, v in counts.items()) + f" → {args.out / 'data'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
