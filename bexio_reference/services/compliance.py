# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The compliance check of a Swiss employment reference (Art. 330a OR and case law).

``check(facts, text)`` is a plain function over the reference's text and its facts; it returns
findings (rule, severity, explanation, offending passage) and knows nothing about Odoo records,
so it runs anywhere, also without the user interface.
"""

import re
from dataclasses import dataclass
from datetime import date

from .phrases import GRADE_WORDS, TITLES

HIGH, MEDIUM, LOW = "high", "medium", "low"


@dataclass
class Finding:
    rule: str
    severity: str
    explanation: str
    passage: str = ""


def _lexicon(*words):
    return [re.compile(rf"(?<!\w){w}", re.IGNORECASE) for w in words]


# Assessment language: a confirmation of employment may contain none of it (Art. 330a para. 2).
ASSESSMENT = _lexicon(
    "leistung",
    "verhalten",
    "zufriedenheit",
    "beurteilen",
    "fachwissen",
    "bedauern",
    "prestations",
    "comportement",
    "regrettons",
    "prestazioni",
    "comportamento",
    "performance",
    "conduct",
    "regret",
    "expertise",
)
PERFORMANCE = _lexicon(
    "leistung",
    "fachwissen",
    "arbeitsqualität",
    "prestations",
    "connaissances professionnelles",
    "prestazioni",
    "conoscenze professionali",
    "performance",
    "expertise",
)
CONDUCT = _lexicon("verhalten", "comportement", "comportamento", "conduct")
LEADERSHIP = _lexicon(
    "führung",
    "führungsperson",
    "cadre",
    "dirigé",
    "responsabile",
    "manager",
    "led the team",
    "leadership",
)
FORBIDDEN = {
    "health": _lexicon(
        "krank",
        "diagnose",
        "burn-?out",
        "depression",
        "gesundheitlich",
        "maladie",
        "malade",
        "malattia",
        "illness",
        "sick",
        "diagnos",
    ),
    "pregnancy": _lexicon(
        "schwanger",
        "mutterschaft",
        "elternzeit",
        "grossesse",
        "maternité",
        "gravidanza",
        "maternità",
        "pregnan",
        "maternity leave",
        "parental leave",
    ),
    "union": _lexicon(
        "gewerkschaft", "syndicat", "sindacato", "trade union", "labour union"
    ),
    "politics": _lexicon(
        "partei", "politisch", "parti politique", "politique", "partito", "politic"
    ),
    "religion": _lexicon(
        "religion", "religiös", "konfession", "kirche", "église", "chiesa", "religious"
    ),
    "salary": _lexicon(
        "lohn",
        "gehalt",
        "salaire",
        "salario",
        "stipendio",
        "salary",
        r"chf\s?\d",
        r"fr\.\s?\d",
    ),
    "side jobs": _lexicon(
        "nebenbeschäftigung",
        "nebenerwerb",
        "activité accessoire",
        "attività accessoria",
        "side job",
    ),
    "criminal matters": _lexicon(
        "strafverfahren",
        "verurteil",
        "diebstahl",
        "straftat",
        "procédure pénale",
        "condamn",
        "procedimento penale",
        "criminal",
        "convicted",
        "theft",
    ),
}
LEAVING = _lexicon(
    "kündigung",
    "gekündigt",
    "entlassen",
    "eigenen wunsch",
    "licenci",
    "démission",
    "licenzi",
    "dimission",
    "dismiss",
    "resign",
    "own request",
)
CODES = _lexicon(
    "bemühte sich",
    "bemüht",
    r"im rahmen (seiner|ihrer) möglichkeiten",
    "in der regel",
    "im allgemeinen",
    "grundsätzlich",
    "allgemeinen zufriedenheit",
    "im grossen und ganzen",
    "nahm die herausforderung",
    "beste gesundheit",
    "gesundheit",
    "s'est efforcé",
    "dans la mesure de ses moyens",
    "en règle générale",
    "bonne santé",
    "si è sforzat",
    "buona salute",
    "endeavoured",
    "tried to",
    "within the limits of",
    "good health",
    "as a rule",
    "generally",
)
PLACEHOLDERS = re.compile(
    r"\{\{.*?\}\}|\{[a-z_]+\}|\bXXX+\b|\[\.\.\.\]|\bTODO\b|<[^>]+>|\?\?\?"
)
PERSON_ORDER = {  # superiors, then colleagues, then customers
    "de": ("vorgesetzt", "kolleg", "kund"),
    "fr": ("supérieur", "collègue", "clientèle"),
    "it": ("superiori", "colleghi", "clienti"),
    "en": ("superiors", "colleagues", "customers"),
}
SUMMARY_MARKERS = {
    "de": "insgesamt",
    "fr": "dans l'ensemble",
    "it": "nel complesso",
    "en": "overall",
}
CLOSING = {  # regret, thanks, wishes
    "de": ("bedauern", "danken", "wünschen"),
    "fr": ("regrett", "remerci", "souhait"),
    "it": ("rammaric", "ringrazi", "augur"),
    "en": ("regret", "thank", "wish"),
}


def _find(patterns, text):
    for pattern in patterns:
        match = pattern.search(text)
        if match:
            start = max(0, match.start() - 30)
            return text[start : match.end() + 30].strip()
    return None


def check(facts, text):
    """Every finding about ``text`` given ``facts`` (see ``BexioReference._compliance_facts``)."""
    findings = []

    def add(rule, severity, explanation, passage=""):
        findings.append(Finding(rule, severity, explanation, passage or ""))

    for rule in RULES:
        rule(facts, text, text.lower(), add)
    return findings


def _type_consistency(facts, text, lowered, add):
    kind = facts["type"]
    if kind == "confirmation":
        passage = _find(ASSESSMENT, text)
        if passage:
            add(
                "type",
                HIGH,
                "A confirmation of employment states nature and duration only: "
                "it may not assess performance or conduct (Art. 330a para. 2 OR).",
                passage,
            )
    elif kind in ("full", "interim"):
        if not _find(PERFORMANCE, text):
            add(
                "type",
                HIGH,
                "A full or interim reference must assess performance "
                "(Art. 330a para. 1 OR).",
            )
        if not _find(CONDUCT, text):
            add(
                "type",
                HIGH,
                "A full or interim reference must assess conduct "
                "(Art. 330a para. 1 OR).",
            )


def _mandatory_data(facts, text, lowered, add):
    kind, language = facts["type"], facts.get("language", "de")
    required = {
        "company_name": "the employer",
        "employee_name": "the employee's name",
        "birth_date": "the date of birth",
        "origin": "the place of origin or nationality",
        "start": "the start date",
        "function": "the function",
        "place": "the place of issue",
        "issue_date": "the date of issue",
        "signer_name": "the signer's name",
        "signer_role": "the signer's role",
    }
    if kind != "interim":
        required["end"] = "the end date"
    if kind != "confirmation":
        required["tasks"] = "the tasks"
    for key, label in required.items():
        if not facts.get(key):
            add("mandatory", HIGH, f"Missing: {label}.")
    title = TITLES.get(language, TITLES["de"])[kind]
    if facts.get("title") != title:
        add(
            "mandatory",
            HIGH,
            f'The title must be "{title}" for this type of reference.',
            facts.get("title") or "",
        )


def _date_logic(facts, text, lowered, add):
    kind = facts["type"]
    start, end, issued = facts.get("start"), facts.get("end"), facts.get("issue_date")
    if isinstance(start, date) and isinstance(end, date) and start >= end:
        add(
            "dates",
            HIGH,
            "The employment must start before it ends.",
            f"{start} – {end}",
        )
    if (
        isinstance(end, date)
        and isinstance(issued, date)
        and end > issued
        and kind != "interim"
    ):
        add(
            "dates",
            HIGH,
            "A final reference cannot be dated before the end of employment.",
            f"{end} > {issued}",
        )
    if kind == "interim" and end:
        add(
            "dates",
            HIGH,
            "An interim reference is written during employment: it has no " "end date.",
            str(end),
        )
    if kind == "interim" and re.search(
        r"\bwar vom\b|\ba travaillé du\b|(?<!has )\bworked for\b|\bha lavorato dal\b",
        lowered,
    ):
        add("dates", MEDIUM, "An interim reference is written in the present tense.")


def _personal_data(facts, text, lowered, add):
    for topic, patterns in FORBIDDEN.items():
        passage = _find(patterns, text)
        if passage:
            add(
                "personal data",
                HIGH,
                f"The text mentions {topic}, which a reference may "
                "not disclose unless the employee asked for it in writing.",
                passage,
            )
    street = (facts.get("home_street") or "").strip()
    if street and street.lower() in lowered and not facts.get("address_requested"):
        add(
            "personal data",
            HIGH,
            "The home address appears although the employee did not "
            "ask for it (unnecessary disclosure).",
            street,
        )
    passage = _find(LEAVING, text)
    if passage and not facts.get("leaving_reason_requested"):
        add(
            "personal data",
            HIGH,
            "The reason for leaving may only be stated at the " "employee's request.",
            passage,
        )


def _coded_language(facts, text, lowered, add):
    passage = _find(CODES, text)
    if passage:
        add(
            "codes",
            HIGH,
            "Coded or restricting wording: Swiss law requires clear and true "
            "statements without hidden meaning.",
            passage,
        )
    order = PERSON_ORDER.get(facts.get("language", "de"), PERSON_ORDER["de"])
    # Only a sentence that names at least two of the groups states an order.
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", lowered):
        present = [p for p in (sentence.find(word) for word in order) if p >= 0]
        if len(present) >= 2 and present != sorted(present):
            add(
                "codes",
                HIGH,
                "Conduct is conventionally stated towards superiors, then "
                "colleagues, then customers; another order is read as criticism.",
                sentence.strip()[:120],
            )
            break


def _grade_coherence(facts, text, lowered, add):
    kind, language = facts["type"], facts.get("language", "de")
    grades = [g for g in (facts.get("grades") or {}).values() if g]
    if not grades or kind not in ("full", "interim"):
        return
    mean = sum(grades) / len(grades)
    words = GRADE_WORDS.get(language, GRADE_WORDS["de"])
    marker = SUMMARY_MARKERS.get(language, SUMMARY_MARKERS["de"])
    sentence = next(
        (s for s in re.split(r"(?<=[.!?])\s+|\n+", lowered) if marker in s), ""
    )
    # "sehr gut" also contains "gut": the best grade named in the summary sentence is meant.
    stated = [
        g for g, w in words.items() if re.search(rf"\b{re.escape(w)}\b", sentence)
    ]
    summary = facts.get("summary_grade") or (max(stated) if stated else None)
    if summary is not None and abs(summary - mean) > 1:
        add(
            "coherence",
            MEDIUM,
            f"The overall assessment ({words[summary]}) does not match "
            f"the criteria (average {mean:.1f} of 5).",
        )
    if kind == "full" and round(mean) >= 4:
        if any(w not in lowered for w in CLOSING.get(language, CLOSING["de"])):
            add(
                "coherence",
                MEDIUM,
                "A good reference ends with regret, thanks and good "
                "wishes; a missing element is read as a negative signal.",
            )


def _completeness_by_role(facts, text, lowered, add):
    kind = facts["type"]
    if (
        facts.get("is_manager")
        and kind in ("full", "interim")
        and not _find(LEADERSHIP, text)
    ):
        add("completeness", MEDIUM, "A manager's reference must assess leadership.")
    passage = _find(ASSESSMENT, text)
    if kind == "apprenticeship" and not facts.get("assessment_requested") and passage:
        add(
            "completeness",
            MEDIUM,
            "An apprenticeship reference assesses performance and "
            "conduct only at the apprentice's request (Art. 346a OR).",
            passage,
        )


def _placeholders(facts, text, lowered, add):
    match = PLACEHOLDERS.search(text)
    if match:
        add("form", HIGH, "A placeholder was left in the text.", match.group(0))


RULES = (
    _type_consistency,
    _mandatory_data,
    _date_logic,
    _personal_data,
    _coded_language,
    _grade_coherence,
    _completeness_by_role,
    _placeholders,
)
