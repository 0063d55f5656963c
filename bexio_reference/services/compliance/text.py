# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The structure of a reference: paragraphs, lines, sentences, and who they speak of.

Offsets always point into the original text, so that a finding's passage is an exact substring
of what the user wrote and a suggestion can replace it in place.
"""

import re
import unicodedata
from dataclasses import dataclass, field

# Characters folded 1:1 so that the lowered copy keeps every offset of the original.
_FOLD = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u00ab": '"',
        "\u00bb": '"',
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00a0": " ",
        "\u202f": " ",
        "\u2011": "-",
    }
)


def lower(text):
    """Lowercase with typographic quotes folded, of exactly the same length as ``text``."""
    out = []
    for char in text.translate(_FOLD):
        low = char.lower()
        out.append(low if len(low) == 1 else char)
    return "".join(out)


def fold(word):
    """A word without accents, for comparing names and functions."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*", re.UNICODE)
BULLET = re.compile(r"^\s*(?:[-\u2013\u2014\u2022*\u00b7\u25aa\u25cf]|\d{1,2}[.)])\s+")
# Words after which a period ends no sentence.
ABBREVIATIONS = frozenset(
    """dr prof nr st mr mrs ms me mme mlle m hr fr sig dott avv ing lic phil med dipl geb
    bzw ca etc inkl resp evtl vgl usw bspw ggf gem jun sen jr sr vs no art abs lit ziff para
    dres ev ecc pag sgg cfr rag arch ca. z.b u.a d.h u.ä e.g i.e s.a v.a""".split()
)
_END = re.compile(r"[.!?\u2026]+[\"'\u00bb\u201d)\]]*(?=\s)")


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str
    low: str
    para: int
    bullet: bool = False
    heading: bool = False
    role: str = ""
    # Filled by the grader: {"performance": 4.5, ...}
    grades: dict = field(default_factory=dict)

    def __repr__(self):
        return f"<S{self.index} p{self.para} {self.role} {self.text[:40]!r}>"


def _boundary_ok(line, position):
    """Whether the period run ending at ``position`` in ``line`` ends a sentence."""
    before = line[:position].rstrip(".!?\u2026\"'\u00bb\u201d)]")
    token = before.split()[-1] if before.split() else ""
    bare = token.strip("(«\"'").lower()
    if re.fullmatch(r"\d{1,2}", bare):
        # "vom 1. April", "im 2. Lehrjahr": ordinals, not the end of a sentence.
        return False
    if bare in ABBREVIATIONS or bare.rstrip(".") in ABBREVIATIONS:
        return False
    if re.fullmatch(r"[^\W\d_]", bare):
        return False  # an initial
    if re.fullmatch(r"(?:[^\W\d_]\.)+[^\W\d_]", bare):
        return False  # z.B, u.a
    after = line[position:].lstrip()
    if not after:
        return True
    first = after[0]
    return first.isupper() or first.isdigit() or first in "\"'\u00ab\u201c\u2013-("


def split(text):
    """Sentences of ``text`` with offsets, paragraph numbers and bullet and heading flags."""
    low = lower(text)
    sentences = []
    para = -1
    blank = True
    offset = 0
    # Without a single blank line, each line that is no list item is a paragraph of its own.
    lines_only = not re.search(r"\n[ \t\r]*\n", text)
    for raw in text.splitlines(keepends=True):
        line = raw.rstrip("\r\n")
        line_start = offset
        offset += len(raw)
        if not line.strip():
            blank = True
            continue
        is_bullet = bool(BULLET.match(line))
        if blank or (lines_only and not is_bullet):
            para += 1
            blank = False
        pieces = []
        cursor = 0
        for match in _END.finditer(line):
            if _boundary_ok(line, match.end()):
                pieces.append((cursor, match.end()))
                cursor = match.end()
        pieces.append((cursor, len(line)))
        stripped_line = line.strip()
        heading = (
            not is_bullet
            and len(stripped_line) <= 60
            and not re.search(r"[.!?:;,]$", stripped_line)
            and len(stripped_line.split()) <= 6
            and not re.search(r"\d", stripped_line)
        )
        for begin, end in pieces:
            chunk = line[begin:end]
            lead = len(chunk) - len(chunk.lstrip())
            trail = len(chunk.rstrip())
            if trail <= lead:
                continue
            start = line_start + begin + lead
            stop = line_start + begin + trail
            sentences.append(
                Sentence(
                    index=len(sentences),
                    start=start,
                    end=stop,
                    text=text[start:stop],
                    low=low[start:stop],
                    para=para,
                    bullet=is_bullet,
                    heading=heading and len(pieces) == 1,
                )
            )
    return sentences


def words(low):
    return [m.group(0) for m in WORD.finditer(low)]


# ------------------------------------------------------------------ the person
SALUTATIONS = {
    "de": {"m": ("Herr", "Herrn"), "f": ("Frau",)},
    "fr": {"m": ("Monsieur", "M."), "f": ("Madame", "Mme", "Mademoiselle")},
    "it": {
        "m": ("il signor", "signor", "il sig.", "sig."),
        "f": ("la signora", "signora"),
    },
    "en": {"m": ("Mr", "Mr."), "f": ("Ms", "Mrs", "Ms.", "Mrs.", "Miss")},
}
# Any salutation or title in any language, for spotting a name that is not the employee's.
ALL_SALUTATIONS = re.compile(
    r"(?<![\w/])(Herrn?|Frau|Monsieur|Madame|Mme|Mademoiselle|signora|signor|"
    r"sig\.(?:ra)?|Mrs?\.?|Ms\.?|Miss|Ma[iî]tre|Me|Dr\.?|Prof\.?|professor(?:essa)?)"
    r"\s+((?:(?:Dr|Prof|med|phil|lic|iur)\.?\s+)*"
    r"(?:Pfarrer(?:in)?|pastora?|professor(?:essa)?|dottor(?:essa)?)?\s*"
    r"[A-ZÀ-ÖØ-Þ][\w'\-]+(?:\s+[A-ZÀ-ÖØ-Þ][\w'\-]+)?)"
)


def name_parts(name):
    return [p for p in re.split(r"\s+", (name or "").strip()) if p]


def gender_from_text(text, name, language):
    """ "m" or "f" from how the text addresses the employee, or None."""
    parts = name_parts(name)
    if not parts:
        return None
    surname = re.escape(parts[-1])
    first = re.escape(parts[0])
    found = {}
    for lang, table in SALUTATIONS.items():
        for gender, forms in table.items():
            for form in forms:
                pattern = rf"(?<![\w/]){re.escape(form)}\s+(?:{first}\s+)?(?:\w+\s+)?{surname}"
                if re.search(pattern, text, flags=re.IGNORECASE if lang == "it" else 0):
                    found[gender] = found.get(gender, 0) + 1
    if len(found) == 1:
        return next(iter(found))
    return None


def reference_form(text, name, language, gender=None):
    """How the text names the employee after the first mention ("Frau Baumann")."""
    parts = name_parts(name)
    if not parts:
        return name or ""
    surname = parts[-1]
    gender = gender or gender_from_text(text, name, language)
    forms = SALUTATIONS.get(language, {}).get(gender or "", ())
    for form in forms:
        if re.search(rf"(?<![\w/]){re.escape(form)}\s+{re.escape(surname)}", text):
            return f"{form} {surname}"
    if forms:
        return f"{forms[0]} {surname}"
    return name
