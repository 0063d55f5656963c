# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Dates as references write them, in German, French, Italian and English.

17.4.1988, 17.04.1988, 17. April 1988, le 17 avril 1988, 1er avril, 17 aprile 1988, 1° aprile,
17 April 1988, April 17, 1988, 2024-04-17; and partial ones: "April 2024", "Ende 2024".
"""

import calendar
import datetime
import re
from dataclasses import dataclass

MONTHS = {
    # German
    "januar": 1, "jänner": 1, "jan": 1, "februar": 2, "feber": 2, "feb": 2, "märz": 3,
    "maerz": 3, "mär": 3, "mrz": 3, "april": 4, "apr": 4, "mai": 5, "juni": 6, "jun": 6,
    "juli": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "okt": 10, "november": 11, "nov": 11, "dezember": 12, "dez": 12,
    # French
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "mars": 3, "avril": 4,
    "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8, "septembre": 9,
    "octobre": 10, "oct": 10, "novembre": 11, "décembre": 12, "decembre": 12, "déc": 12,
    # Italian
    "gennaio": 1, "febbraio": 2, "marzo": 3, "aprile": 4, "maggio": 5, "giugno": 6,
    "luglio": 7, "agosto": 8, "settembre": 9, "ottobre": 10, "dicembre": 12,
    # English
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7,
    "october": 10, "december": 12, "mar": 3, "dec": 12,
}  # fmt: skip
_MONTH = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_DAY = r"(?P<d>[0-3]?\d)(?:\.|er|°|º|st|nd|rd|th)?"
_YEAR = r"(?P<y>(?:19|20)\d\d)"

PATTERNS = [
    # 2024-04-17
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)"),
    # 17.4.1988, 17/04/1988
    re.compile(
        r"(?<![\d.])(?P<d>[0-3]?\d)[./](?P<m>[01]?\d)[./](?P<y>(?:19|20)\d\d)(?![\d])"
    ),
    # 17. April 1988, le 17 avril 1988, 1er avril 2017, 1° ottobre 2015, 17th of April 1988
    re.compile(
        rf"(?<![\w.]){_DAY}\s*(?:of\s+)?(?P<mn>{_MONTH})\.?\s+{_YEAR}(?!\d)",
        re.IGNORECASE,
    ),
    # April 17, 1988
    re.compile(
        rf"(?<!\w)(?P<mn>{_MONTH})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+{_YEAR}(?!\d)",
        re.IGNORECASE,
    ),
    # April 1988, Ende 2024 (partial)
    re.compile(rf"(?<![\w.])(?P<mn>{_MONTH})\.?\s+{_YEAR}(?!\d)", re.IGNORECASE),
    re.compile(
        r"(?<!\w)(?P<e>ende|end of|the end of|fin|fine|per fine|à la fin de l'année|"
        r"alla fine del|au terme de l'année)\s+(?P<y>(?:19|20)\d\d)(?!\d)",
        re.IGNORECASE,
    ),
    # a bare day and month: "am 17. April", "le 1er août", "on 30 June"
    re.compile(
        rf"(?<![\w.]){_DAY}\s*(?P<mn>{_MONTH})(?![\w])(?!\.?\s*\d)", re.IGNORECASE
    ),
]


@dataclass
class DateMention:
    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None
    text: str
    style: str  # "numeric", "dotted", "long", "us", "iso", "partial"

    def matches(self, value):
        """Whether this mention can denote ``value`` (a date), as far as it says."""
        if not isinstance(value, datetime.date):
            return False
        if self.year and self.year != value.year:
            return False
        if self.month and self.month != value.month:
            return False
        if self.day and self.day != value.day:
            return False
        return bool(self.year or self.month)

    @property
    def complete(self):
        return bool(self.year and self.month and self.day)


def find(text):
    """Every date mention in ``text``, earliest first, never two on the same span."""
    found = []
    taken = []
    for number, pattern in enumerate(PATTERNS):
        for match in pattern.finditer(text):
            span = match.span()
            if any(a < span[1] and span[0] < b for a, b in taken):
                continue
            groups = match.groupdict()
            year = int(groups["y"]) if groups.get("y") else None
            month = None
            if groups.get("m"):
                month = int(groups["m"])
            elif groups.get("mn"):
                month = MONTHS.get(groups["mn"].lower().rstrip("."))
            day = int(groups["d"]) if groups.get("d") else None
            if groups.get("e"):
                month = 12 if groups["e"].lower() not in ("fin", "fine") else 12
            if month and not 1 <= month <= 12:
                continue
            if day and not 1 <= day <= 31:
                continue
            if number == 6 and not _is_bare_day_month(text, match):
                continue
            style = ("iso", "numeric", "long", "us", "partial", "partial", "long")[
                number
            ]
            if style == "numeric" and "." in match.group(0):
                style = "dotted"
            taken.append(span)
            found.append(
                DateMention(span[0], span[1], year, month, day, match.group(0), style)
            )
    return sorted(found, key=lambda m: m.start)


def _is_bare_day_month(text, match):
    # "1. April" alone is a date only where a year is clear from context; we use it for
    # leaving dates ("per 31. Juli"), never to compare years.
    return True


def last_day(year, month):
    return calendar.monthrange(year, month)[1]


# ------------------------------------------------------------------ formatting
MONTH_NAMES = {
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November "
    "Dezember".split(),
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre "
    "décembre".split(),
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre "
    "novembre dicembre".split(),
    "en": "January February March April May June July August September October "
    "November December".split(),
}


def format_date(value, language, style="long", like=""):
    """``value`` written as the text writes dates (``style``, modelled on ``like``)."""
    if not isinstance(value, datetime.date):
        return ""
    if style in ("numeric", "dotted"):
        padded = bool(re.match(r"0\d", like)) or bool(re.search(r"\.0\d\.", like))
        sep = "/" if "/" in like else "."
        if padded or not like:
            return f"{value.day:02d}{sep}{value.month:02d}{sep}{value.year}"
        return f"{value.day}{sep}{value.month}{sep}{value.year}"
    if style == "iso":
        return value.isoformat()
    month = MONTH_NAMES.get(language, MONTH_NAMES["en"])[value.month - 1]
    if style == "us" or (language == "en" and re.match(r"[A-Za-z]", like or "")):
        return f"{month} {value.day}, {value.year}"
    if language == "de":
        return f"{value.day}. {month} {value.year}"
    if language == "fr":
        day = "1er" if value.day == 1 else str(value.day)
        return f"{day} {month} {value.year}"
    if language == "it":
        day = "1°" if value.day == 1 else str(value.day)
        return f"{day} {month} {value.year}"
    return f"{value.day} {month} {value.year}"


def dominant_style(mentions):
    complete = [m for m in mentions if m.complete]
    if not complete:
        return "long", ""
    counts = {}
    for mention in complete:
        counts[mention.style] = counts.get(mention.style, 0) + 1
    style = max(counts, key=counts.get)
    like = next(m.text for m in complete if m.style == style)
    return style, like
