"""The date someone is back, read from an out-of-office text in six languages.

The stated date is returned as written, whether it is the first day back ("back on 14
December") or the last day away ("until 12 December"): the caller schedules after it.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta

__all__ = ["return_date"]

# Month names and usual abbreviations in EN/FR/DE/ES/IT/NL, without accents (the text is
# folded the same way before matching).
_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan janvier janv januar janner enero ene gennaio gen januari",
        "february feb february fevrier fevr fev februar febrero febbraio februari",
        "march mar mars marz maerz marzo maart mrt",
        "april apr avril avr abril abr aprile",
        "may mai mayo maggio mag mei",
        "june jun juin juni junio giugno giu",
        "july jul juillet juil juli julio luglio lug",
        "august aug aout agosto ago augustus",
        "september sep sept septembre septiembre setiembre settembre set",
        "october oct octobre oktober okt octubre ottobre ott",
        "november nov novembre noviembre",
        "december dec decembre dezember dez diciembre dic dicembre",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number

_MONTH = "(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|e|eme|ste|°|º)?\.?"

_PATTERNS = [
    # ISO: 2026-12-12
    re.compile(r"(?<![\d.])(?P<year>(?:19|20)\d\d)-(?P<month>[01]?\d)-(?P<day>[0-3]?\d)(?!\d)"),
    # 12 December [2026], 12. Dezember, 12 de diciembre de 2026, 1er décembre
    re.compile(
        rf"(?<![\w/.]){_DAY}\s*(?:de\s+)?{_MONTH}(?![a-z])(?:,?\s*(?:de\s+)?{_YEAR})?(?!\d)"
    ),
    # December 12th[, 2026]
    re.compile(rf"(?<![a-z]){_MONTH}\s+{_DAY}(?![\d:])(?:,?\s*{_YEAR})?(?!\d)"),
    # 12/12[/2026], 12.12.2026, 12.12. , 31-12-2026: day first unless clearly month first
    re.compile(
        r"(?<![\d/.,:-])(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)"
        r"(?:(?P=sep)(?P<year>(?:19|20)?\d\d))?(?![\d/]|\.\d)"
    ),
    re.compile(r"(?<![\d/.,:-])(?P<a>[0-3]?\d)-(?P<b>[01]?\d)-(?P<year>(?:19|20)\d\d)(?!\d)"),
]

# Words that introduce the return ("back on", "de retour le") or the end of the absence
# ("until", "jusqu'au", "bis", "hasta", "fino al", "tot"); matched on folded text.
_TRIGGERS = re.compile(
    r"""\b(?:
        back | return | returns | returning | returned | in\sthe\soffice | available\sagain
        | until | till | til | through | thru | to
        | retour | rentre | rentrerai | reprendrai | reprise | jusqu | au
        | zuruck | zurueck | wieder | bis | ab
        | regreso | regresare | vuelta | volvere | hasta | al | desde
        | rientro | rientrero | ritorno | fino | dal
        | terug | weer | tot | t/m | vanaf
    )\b""",
    re.X,
)
# A sentence end between trigger and date means they do not belong together; read on the
# original text, where a capital tells "Mon. 14 Dec" from "Monday. Call Anna on 20 Dec".
_SENTENCE_END = re.compile(r"[.!?]\s+[A-ZÀ-Þ]|;|\n\s*\n")
_TRIGGER_REACH = 60


def _fold(text: str) -> str:
    """Lower case without accents, one character for one character (positions are kept)."""
    out = []
    for original in text:
        char = original.lower()
        if len(char) != 1:  # "İ" lowers to two characters; keep the positions aligned
            char = original
        decomposed = unicodedata.normalize("NFKD", char)
        base = decomposed[0] if decomposed else char
        out.append(base if len(base) == 1 else char)
    return "".join(out)


def _year(value: str | None) -> int | None:
    if not value:
        return None
    year = int(value)
    return year + 2000 if year < 100 else year


def _build(day: int, month: int, year: int | None, today: date) -> date | None:
    """The date, with a missing year taken as the next occurrence on or after today."""
    try:
        if year is not None:
            return date(year, month, day)
        found = date(today.year, month, day)
        if found < today:
            found = date(today.year + 1, month, day)
        return found
    except ValueError:
        return None


def _candidates(folded: str, today: date) -> list[tuple[int, date]]:
    """Every date found in the text, with its position."""
    found: dict[int, date] = {}
    taken: list[tuple[int, int]] = []
    for number, pattern in enumerate(_PATTERNS):
        for match in pattern.finditer(folded):
            # Earlier patterns are more specific: "mar. 12 déc." is the 12th of December
            # (mardi), not "mar 12", the 12th of March.
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            groups = match.groupdict()
            year = _year(groups.get("year"))
            if number in (3, 4):
                first, second = int(groups["a"]), int(groups["b"])
                # "10.30" is a time; German dates without a year end with a dot: "12.12."
                if (
                    number == 3
                    and groups["sep"] == "."
                    and year is None
                    and folded[match.end() : match.end() + 1] != "."
                ):
                    continue
                if second > 12 and first <= 12 and groups.get("sep") == "/":
                    day, month = second, first  # clearly US: 12/31
                else:
                    day, month = first, second
            else:
                day = int(groups["day"])
                month_text = groups["month"]
                month = _MONTHS.get(month_text, 0) if not month_text.isdigit() else int(month_text)
            if not (1 <= month <= 12 and 1 <= day <= 31):
                continue
            value = _build(day, month, year, today)
            # An out-of-office speaks of the coming weeks; other dates are noise (a
            # signature's founding year, a quoted message's date).
            if value and today - timedelta(days=31) <= value <= today + timedelta(days=366):
                found[match.start()] = value
                taken.append(match.span())
    return sorted(found.items())


def _triggered(text: str, folded: str, position: int) -> bool:
    """Whether a trigger word stands shortly before `position`, in the same sentence."""
    start = max(0, position - _TRIGGER_REACH)
    ends = list(_SENTENCE_END.finditer(text, start, position))
    if ends:
        start = ends[-1].start() + 1
    return _TRIGGERS.search(folded, start, position) is not None


def return_date(text: str, now: datetime) -> date | None:
    """The date the writer is back (or away until), as stated in `text`, else None."""
    if not text:
        return None
    text = text[:20_000]
    folded = _fold(text)
    today = now.date()
    candidates = _candidates(folded, today)
    if not candidates:
        return None
    triggered = [value for position, value in candidates if _triggered(text, folded, position)]
    # An absence is a range: its end, i.e. the latest date, is what matters.
    return max(triggered or [value for _, value in candidates])
