"""What a table is: its kind (`typ`), its unit, what each column holds, and the rows the model knows (`nyckel`).

The kind comes from the table's title and section, and failing that from its rows; the unit from the header,
the title, the lines just around the table or the row texts. Keys are the ones `derive/` reconciles and compares.
"""

from __future__ import annotations

import re

KINDS: tuple[tuple[str, str], ...] = (
    (r"resultaträkning", "resultatrakning"),
    (r"balansräkning", "balansrakning"),
    (r"kassaflöde|finansieringsanalys", "kassaflodesanalys"),
    (r"balanskrav", "balanskrav"),
    (r"drifts?redovisning", "driftredovisning"),
    (r"översikt över verksamhetens utveckling|flerårsöversikt|5 år i sammandrag|fem år i sammandrag", "oversikt"),
    (r"sammanställning av utfall och budget|budgetuppföljning|ekonomisk redogörelse|utfall och budget|"
     r"budget och utfall|ekonomisk uppföljning", "budgetuppfoljning"),
    (r"medlemsbidrag|medlemsavgift", "medlemsbidrag"),
)

# Row texts the model knows, per table kind (first match wins); "*" applies to every kind.
ROW_KEYS: dict[str, tuple[tuple[str, str], ...]] = {
    "resultatrakning": (
        (r"^verksamhetens intäkter", "intakter"), (r"^verksamhetens kostnader", "kostnader"),
        (r"^verksamhetens (netto|resultat)", "verksamhetens-resultat"),
        (r"^finansiella intäkter", "finansiella-intakter"), (r"^finansiella kostnader", "finansiella-kostnader"),
        (r"^resultat efter (finansiella poster|skatteintäkter)", "resultat-efter-finansiella-poster"),
        (r"^årets resultat", "arets-resultat"),
    ),
    "balansrakning": (
        (r"^(kassa och bank|bank|kassa/bank)$", "kassa-bank"),
        (r"^(kortfristiga|korta)? ?fordringar$|^kortfristiga fordringar$", "kortfristiga-fordringar"),
        (r"^kortfristiga placeringar", "kortfristiga-placeringar"),
        (r"^summa omsättningstillgångar", "summa-omsattningstillgangar"),
        (r"^summa tillgångar", "summa-tillgangar"),
        (r"^summa eget kapital,? avsättningar och skulder|^summa skulder och eget kapital|"
         r"^summa eget kapital och skulder", "summa-eget-kapital-avsattningar-skulder"),
        (r"^summa eget kapital$", "summa-eget-kapital"),
        (r"^övrigt eget kapital", "ovrigt-eget-kapital"),
        (r"^(därav )?årets resultat", "arets-resultat"),
        (r"^kortfristiga skulder$", "kortfristiga-skulder"),
    ),
    "kassaflodesanalys": (
        (r"^årets resultat", "arets-resultat"),
        (r"^kassaflöde (från|för) (den )?löpande", "kassaflode-lopande"),
        (r"^kassaflöde från investering", "kassaflode-investering"),
        (r"^kassaflöde från finansiering", "kassaflode-finansiering"),
        (r"^årets kassaflöde", "arets-kassaflode"),
        (r"^likvida medel vid årets början", "likvida-medel-borjan"),
        (r"^likvida medel vid årets slut", "likvida-medel-slut"),
    ),
    "oversikt": (
        (r"^verksamhetens intäkter", "intakter"), (r"^verksamhetens kostnader", "kostnader"),
        (r"^årets resultat", "arets-resultat"), (r"^soliditet", "soliditet"),
        (r"^antal anställda", "anstallda"),
    ),
    "budgetuppfoljning": (
        (r"^summa intäkter", "summa-intakter"), (r"^summa administration", "summa-administration"),
        (r"^summa deltagarinsatser|^summa individ", "summa-individinriktade"),
        (r"^summa strukturövergripande", "summa-strukturovergripande"),
        (r"^totala kostnader", "totala-kostnader"), (r"^(periodens )?resultat$", "periodens-resultat"),
    ),
    "driftredovisning": (
        (r"^summa intäkter", "summa-intakter"), (r"^summa verksamhetskostnader", "totala-kostnader"),
        (r"^(periodens )?resultat$", "periodens-resultat"),
    ),
    "balanskrav": (
        (r"^balanskravsresultat", "balanskravsresultat"), (r"^periodens resultat(, ?t?kr)?$", "periodens-resultat"),
    ),
    "not": (
        (r"^(medlemsbidrag|driftbidrag|bidrag) (från )?", "medlemsbidrag"),
        (r"^administrativa kostnader", "kostnad-administration"),
        (r"^deltagarinsatser$|^individinriktade insatser$", "kostnad-individinriktade"),
        (r"^strukturövergripande insatser$", "kostnad-strukturovergripande"),
        (r"^summa\b", "summa"),
    ),
}
SUM_ROW = re.compile(r"^(summa|s:a|delsumma|totalt?|totala|årets resultat|periodens resultat|resultat\b|"
                     r"årets kassaflöde|kassaflöde från|balanskravsresultat|verksamhetens (netto|resultat))", re.I)
UNIT_WORDS = (
    (re.compile(r"\bkr/dag\b|kronor per dag", re.I), "kr/dag"),
    (re.compile(r"\bkk+r\b|tusental kronor|\btusen kronor", re.I), "kkr"),
    (re.compile(r"\btkr\b", re.I), "tkr"),
    (re.compile(r"\bkr\b|\bkronor\b", re.I), "kr"),
)
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_YYMMDD = re.compile(r"(?<!\d)(\d{2})(\d{2})(\d{2})(?!\d)")
_YY_MM_DD = re.compile(r"(?<![\d-])(\d{2})-(\d{2})-(\d{2})(?![\d-])")
_ISO = re.compile(r"((?:19|20)\d{2})-(\d{2})-(\d{2})")


def kind_of(context: str, labels: list[str], rows: list[str]) -> str:
    """The table kind from its title and section (`context`), then from its columns and rows."""
    text = context.lower()
    for pattern, kind in KINDS:
        if re.search(pattern, text):
            return kind
    joined = " ".join(labels).lower()
    if re.search(r"\bnot\b|\bnoter\b", text):
        return "not"
    if re.search(r"\bdeltagare\b|\bkvinnor\b|\bmän\b|antal delt", joined):
        return "deltagare"
    if re.search(r"budget|prognos", joined) and re.search(r"utfall|bokslut", joined):
        return "budgetuppfoljning"
    years = [label for label in labels if _YEAR.fullmatch(label.strip())]
    body = " ".join(rows).lower()
    if len(years) >= 3 and "intäkter" in body and "resultat" in body:
        return "oversikt"
    return "annan"


def unit_in(text: str) -> str | None:
    """The amount unit a text names (kr, tkr, kkr), if any."""
    for pattern, unit in UNIT_WORDS:
        if pattern.search(text):
            return unit
    return None


def row_key(kind: str, text: str) -> str | None:
    t = text.lower().strip(" :")
    for pattern, key in ROW_KEYS.get(kind, ()):
        if re.search(pattern, t):
            return key
    return None


def column_kind(label: str) -> str | None:
    """`slag` of a column from its label."""
    t = label.lower()
    for pattern, kind in ((r"avvikelse|differens", "avvikelse"), (r"prognos", "prognos"),
                          (r"periodbudget", "periodbudget"), (r"budget|beviljad", "budget"),
                          (r"intäkt", "intakt"), (r"kostnad", "kostnad"), (r"netto", "netto"),
                          (r"utfall|bokslut|redovisat|resultat", "utfall"), (r"antal|deltagare", "antal"),
                          (r"andel|%", "andel")):
        if re.search(pattern, t):
            return kind
    return None


def column_date(label: str, year: int) -> tuple[int | None, str | None]:
    """(år, datum) a column label states: `2023`, `2023-12-31`, `131231`, `19-06-30`."""
    m = _ISO.search(label)
    if m and _valid(m.group(1), m.group(2), m.group(3)):
        return int(m.group(1)), f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    for pattern in (_YYMMDD, _YY_MM_DD):
        m = pattern.search(label)
        if m:
            full = f"20{m.group(1)}"
            if _valid(full, m.group(2), m.group(3)) and abs(int(full) - year) <= 10:
                return int(full), f"{full}-{m.group(2)}-{m.group(3)}"
    m = _YEAR.search(label)
    if m:
        return int(m.group(1)), None
    return None, None


def _valid(y: str, mo: str, d: str) -> bool:
    return 1 <= int(mo) <= 12 and 1 <= int(d) <= 31 and 1990 <= int(y) <= 2100
