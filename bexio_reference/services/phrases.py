# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Our own phrase bank, in plain words and without codes, in German, French, Italian and English.

Grades run 1 (insufficient) to 5 (excellent) and are always shown with their words, never as a
bare number (Swiss school grades run the other way). Sentences name the person instead of using
pronouns, so that no wording depends on gender.
"""


def _scale(*words):
    """Grade words from best (5) to worst (1)."""
    return dict(zip((5, 4, 3, 2, 1), words, strict=True))


def _graded(sentence, words):
    """One sentence per grade: `<grade>` in the sentence becomes the grade's word."""
    return {grade: sentence.replace("<grade>", word) for grade, word in words.items()}


GRADE_WORDS = {
    "de": _scale("ausgezeichnet", "sehr gut", "gut", "genügend", "ungenügend"),
    "fr": _scale(
        "excellentes", "très bonnes", "bonnes", "suffisantes", "insuffisantes"
    ),
    "it": _scale("eccellenti", "molto buone", "buone", "sufficienti", "insufficienti"),
    "en": _scale("excellent", "very good", "good", "adequate", "insufficient"),
}
# Nouns of other genders and numbers than "les prestations" / "le prestazioni".
FR_FEMININE = _scale("excellente", "très bonne", "bonne", "suffisante", "insuffisante")
FR_MASCULINE = _scale("excellent", "très bon", "bon", "suffisant", "insuffisant")
IT_SINGULAR = _scale(
    "eccellente", "molto buono", "buono", "sufficiente", "insufficiente"
)


TITLES = {
    "de": {
        "full": "Arbeitszeugnis",
        "interim": "Zwischenzeugnis",
        "confirmation": "Arbeitsbestätigung",
        "apprenticeship": "Lehrzeugnis",
    },
    "fr": {
        "full": "Certificat de travail",
        "interim": "Certificat de travail intermédiaire",
        "confirmation": "Attestation de travail",
        "apprenticeship": "Certificat d'apprentissage",
    },
    "it": {
        "full": "Certificato di lavoro",
        "interim": "Certificato di lavoro intermedio",
        "confirmation": "Attestato di lavoro",
        "apprenticeship": "Certificato di tirocinio",
    },
    "en": {
        "full": "Employment Reference",
        "interim": "Interim Employment Reference",
        "confirmation": "Confirmation of Employment",
        "apprenticeship": "Apprenticeship Reference",
    },
}

TEXTS = {
    "de": {
        "intro": "{name}, geboren am {birth}, {origin}, war vom {start} bis zum {end} als "
        "{function} ({workload} %) bei der {company} tätig.",
        "intro_interim": "{name}, geboren am {birth}, {origin}, ist seit dem {start} als "
        "{function} ({workload} %) bei der {company} tätig.",
        "origin": "von {origin}",
        "tasks": "Die Hauptaufgaben von {name} umfassten:",
        "tasks_interim": "Die Hauptaufgaben von {name} umfassen:",
        "performance": {
            5: "{name} verfügt über ein ausgezeichnetes Fachwissen und setzte es sicher und "
            "zielgerichtet ein. Arbeitsqualität und Arbeitsmenge waren ausgezeichnet.",
            4: "{name} verfügt über ein sehr gutes Fachwissen und setzte es sicher ein. "
            "Arbeitsqualität und Arbeitsmenge waren sehr gut.",
            3: "{name} verfügt über ein gutes Fachwissen. Arbeitsqualität und Arbeitsmenge "
            "waren gut.",
            2: "Das Fachwissen von {name} genügte den Anforderungen. Arbeitsqualität und "
            "Arbeitsmenge waren genügend.",
            1: "Das Fachwissen von {name} genügte den Anforderungen nicht. Arbeitsqualität und "
            "Arbeitsmenge waren ungenügend.",
        },
        "leadership": {
            5: "Als Führungsperson leitete {name} das Team ausgezeichnet, förderte die "
            "Mitarbeitenden gezielt und erreichte die gesetzten Ziele.",
            4: "Als Führungsperson leitete {name} das Team sehr gut und erreichte die Ziele.",
            3: "Als Führungsperson leitete {name} das Team gut.",
            2: "Als Führungsperson leitete {name} das Team genügend.",
            1: "Die Führung des Teams durch {name} war ungenügend.",
        },
        "conduct": {
            5: "Das Verhalten von {name} gegenüber Vorgesetzten, Kolleginnen und Kollegen sowie "
            "Kundinnen und Kunden war ausgezeichnet.",
            4: "Das Verhalten von {name} gegenüber Vorgesetzten, Kolleginnen und Kollegen sowie "
            "Kundinnen und Kunden war sehr gut.",
            3: "Das Verhalten von {name} gegenüber Vorgesetzten, Kolleginnen und Kollegen sowie "
            "Kundinnen und Kunden war gut.",
            2: "Das Verhalten von {name} gegenüber Vorgesetzten, Kolleginnen und Kollegen sowie "
            "Kundinnen und Kunden war genügend.",
            1: "Das Verhalten von {name} gegenüber Vorgesetzten, Kolleginnen und Kollegen sowie "
            "Kundinnen und Kunden war ungenügend.",
        },
        "summary": "Insgesamt beurteilen wir die Leistungen von {name} als {grade}.",
        "closing": {
            "high": "Wir bedauern den Weggang von {name} sehr, danken für die wertvolle "
            "Mitarbeit und wünschen für die Zukunft alles Gute und viel Erfolg.",
            "mid": "Wir danken {name} für die Mitarbeit und wünschen für die Zukunft alles Gute.",
            "low": "Wir wünschen {name} für die Zukunft alles Gute.",
        },
        "interim_reason": "Dieses Zwischenzeugnis wird auf Wunsch von {name} ausgestellt. "
        "Wir danken für die bisherige Mitarbeit.",
    },
    "fr": {
        "intro": "{name}, date de naissance : {birth}, {origin}, a travaillé du {start} au "
        "{end} en qualité de {function} ({workload} %) auprès de {company}.",
        "intro_interim": "{name}, date de naissance : {birth}, {origin}, travaille depuis le "
        "{start} en qualité de {function} ({workload} %) auprès de {company}.",
        "origin": "originaire de {origin}",
        "tasks": "Les tâches principales de {name} comprenaient :",
        "tasks_interim": "Les tâches principales de {name} comprennent :",
        "performance": _graded(
            "Les connaissances professionnelles de {name} et la qualité de son travail "
            "étaient <grade>.",
            GRADE_WORDS["fr"],
        ),
        "leadership": _graded(
            "En tant que cadre, {name} a dirigé son équipe de manière <grade>.",
            FR_FEMININE,
        ),
        "conduct": _graded(
            "Le comportement de {name} envers ses supérieurs, ses collègues et la clientèle "
            "était <grade>.",
            FR_MASCULINE,
        ),
        "summary": "En résumé, nous jugeons les prestations de {name} {grade}.",
        "closing": {
            "high": "Nous regrettons vivement le départ de {name}, lui adressons nos "
            "remerciements pour sa précieuse collaboration et lui souhaitons plein succès pour "
            "l'avenir.",
            "mid": "Nous remercions {name} pour sa collaboration et lui souhaitons le meilleur.",
            "low": "Nous souhaitons à {name} le meilleur pour l'avenir.",
        },
        "interim_reason": "Ce certificat intermédiaire est établi à la demande de {name}.",
    },
    "it": {
        "intro": "{name}, data di nascita: {birth}, {origin}, ha lavorato dal {start} al {end} in "
        "qualità di {function} ({workload} %) presso {company}.",
        "intro_interim": "{name}, data di nascita: {birth}, {origin}, lavora dal {start} in "
        "qualità di {function} ({workload} %) presso {company}.",
        "origin": "attinente di {origin}",
        "tasks": "I compiti principali di {name} comprendevano:",
        "tasks_interim": "I compiti principali di {name} comprendono:",
        "performance": _graded(
            "Le conoscenze professionali di {name} e la qualità del lavoro erano <grade>.",
            GRADE_WORDS["it"],
        ),
        "leadership": _graded(
            "Come responsabile, {name} ha diretto il team in modo <grade>.",
            IT_SINGULAR,
        ),
        "conduct": _graded(
            "Il comportamento di {name} verso superiori, colleghi e clienti era <grade>.",
            IT_SINGULAR,
        ),
        "summary": "In sintesi valutiamo le prestazioni di {name} {grade}.",
        "closing": {
            "high": "Ci rammarichiamo molto della partenza di {name}, ringraziamo per la preziosa "
            "collaborazione e auguriamo molto successo per il futuro.",
            "mid": "Ringraziamo {name} per la collaborazione e auguriamo il meglio.",
            "low": "Auguriamo a {name} il meglio per il futuro.",
        },
        "interim_reason": "Questo certificato intermedio è rilasciato su richiesta di {name}.",
    },
    "en": {
        "intro": "{name}, born on {birth}, {origin}, worked for {company} from {start} to {end} "
        "as {function} ({workload} %).",
        "intro_interim": "{name}, born on {birth}, {origin}, has worked for {company} since "
        "{start} as {function} ({workload} %).",
        "origin": "a citizen of {origin}",
        "tasks": "The main tasks of {name} included:",
        "tasks_interim": "The main tasks of {name} include:",
        "performance": _graded(
            "The expertise of {name} and the quality and quantity of the work were <grade>.",
            GRADE_WORDS["en"],
        ),
        "leadership": _graded(
            "As a manager, {name} showed <grade> leadership.",
            GRADE_WORDS["en"],
        ),
        "conduct": _graded(
            "The conduct of {name} towards superiors, colleagues and customers was <grade>.",
            GRADE_WORDS["en"],
        ),
        "summary": "Overall, we assess the performance of {name} as {grade}.",
        "closing": {
            "high": "We very much regret the departure of {name}, thank {name} for the valuable "
            "work and wish every success for the future.",
            "mid": "We thank {name} for the work and wish all the best for the future.",
            "low": "We wish {name} all the best for the future.",
        },
        "interim_reason": "This interim reference is issued at the request of {name}.",
    },
}


# An interim reference speaks of the present: the assessment's verbs, as they read then.
PRESENT = {
    "de": (("setzte es", "setzt es"), ("waren", "sind"), (" war ", " ist "),
           ("war ungenügend", "ist ungenügend"), ("leitete", "leitet"),
           ("förderte", "fördert"), ("erreichte", "erreicht"), ("genügte", "genügt")),
    "fr": (("étaient", "sont"), ("était", "est"), ("a dirigé", "dirige")),
    "it": (("erano", "sono"), (" era ", " è "), ("ha diretto", "dirige")),
    "en": (("were", "are"), (" was ", " is "), ("showed", "shows")),
}  # fmt: skip


def _present(sentence, language):
    for past, present in PRESENT.get(language, ()):
        sentence = sentence.replace(past, present)
    return sentence


def closing_level(grade):
    return "high" if grade >= 4 else ("mid" if grade == 3 else "low")


def compose(language, kind, facts, grades):
    """The body text of a reference from its facts and grades, paragraph by paragraph."""
    texts = TEXTS[language]
    interim = kind == "interim"
    name = facts["employee_name"]
    values = dict(facts, name=name)
    values["origin"] = (
        texts["origin"].format(origin=facts["origin"]) if facts.get("origin") else ""
    )
    intro = (
        texts["intro_interim" if interim else "intro"]
        .format(**values)
        .replace(", ,", ",")
    )
    paragraphs = [intro]
    if facts.get("tasks"):
        lines = [
            f"- {line.strip()}" for line in facts["tasks"].splitlines() if line.strip()
        ]
        paragraphs.append(
            texts["tasks_interim" if interim else "tasks"].format(name=name)
            + "\n"
            + "\n".join(lines)
        )
    if kind == "confirmation" or (
        kind == "apprenticeship" and not facts.get("assessment_requested")
    ):
        return "\n\n".join(paragraphs)
    tense = _present if interim else (lambda sentence, _language: sentence)
    performance = grades["performance"]
    paragraphs.append(
        tense(texts["performance"][performance].format(name=name), language)
    )
    if grades.get("leadership"):
        leadership = texts["leadership"][grades["leadership"]].format(name=name)
        paragraphs.append(tense(leadership, language))
    paragraphs.append(
        tense(texts["conduct"][grades["conduct"]].format(name=name), language)
    )
    overall = round(
        sum(g for g in grades.values() if g) / len([g for g in grades.values() if g])
    )
    paragraphs.append(
        texts["summary"].format(name=name, grade=GRADE_WORDS[language][overall])
    )
    if interim:
        paragraphs.append(texts["interim_reason"].format(name=name))
    else:
        paragraphs.append(texts["closing"][closing_level(overall)].format(name=name))
    return "\n\n".join(paragraphs)


# The fixed wording around the text of the PDF, in the reference's language whether or not
# Odoo has that language installed: a German reference printed on an English-only database
# still reads German from top to bottom.
PDF = {
    "de": {
        "qr": "Scannen Sie den Code, um zu prüfen, dass dieses Dokument von {issuer} "
        "ausgestellt wurde und gültig ist. Fingerabdruck {fingerprint}.",
        "page": "Seite {page} von {topage}",
    },
    "fr": {
        "qr": "Scannez le code pour vérifier que ce document a été établi par {issuer} "
        "et qu'il est valable. Empreinte {fingerprint}.",
        "page": "Page {page} sur {topage}",
    },
    "it": {
        "qr": "Scansionate il codice per verificare che questo documento è stato rilasciato "
        "da {issuer} ed è valido. Impronta {fingerprint}.",
        "page": "Pagina {page} di {topage}",
    },
    "en": {
        "qr": "Scan the code to check that this document was issued by {issuer} and is "
        "still valid. Fingerprint {fingerprint}.",
        "page": "Page {page} of {topage}",
    },
}

# Country names in the letterhead, by ISO code, for the countries a Swiss employer writes from.
COUNTRIES = {
    "de": {"CH": "Schweiz", "LI": "Liechtenstein", "DE": "Deutschland",
           "AT": "Österreich", "FR": "Frankreich", "IT": "Italien"},
    "fr": {"CH": "Suisse", "LI": "Liechtenstein", "DE": "Allemagne",
           "AT": "Autriche", "FR": "France", "IT": "Italie"},
    "it": {"CH": "Svizzera", "LI": "Liechtenstein", "DE": "Germania",
           "AT": "Austria", "FR": "Francia", "IT": "Italia"},
    "en": {"CH": "Switzerland", "LI": "Liechtenstein", "DE": "Germany",
           "AT": "Austria", "FR": "France", "IT": "Italy"},
}  # fmt: skip


def pdf_text(language, key, **values):
    return PDF.get(language, PDF["de"])[key].format(**values)


def country(language, code, fallback=""):
    return COUNTRIES.get(language, COUNTRIES["de"]).get(code or "", fallback)
