# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Our own phrase bank, in plain words and without codes, in German, French, Italian and English.

Grades run 1 (insufficient) to 5 (excellent) and are always shown with their words, never as a
bare number (Swiss school grades run the other way). The intro names the person in full; with
a form of address (Frau, Madame, la signora, Ms) the text then says "Frau Keller" and the
pronouns that go with it, without one it repeats the full name and avoids pronouns.
"""

import re


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

# A [present|past] pair is the verb as an interim reference (present) and as a final one
# (past) reads. Placeholders: {full} the full name, first mentioned in the intro; {name} the
# person afterwards ("Frau Keller"), with the forms a language's grammar needs after a
# preposition ({name_dat}, {de_name}, {di_name}, {a_name}) or as a pronoun ({dat}, {obj}, ...).
TEXTS = {
    "de": {
        "intro": "{intro_name}, {born} {birth}, {origin}, war vom {start} bis zum {end} als "
        "{function} ({workload} %) bei der {company} tätig.",
        "intro_interim": "{intro_name}, {born} {birth}, {origin}, ist seit dem {start} als "
        "{function} ({workload} %) bei der {company} tätig.",
        "origin": "von {origin}",
        "tasks": "Die Hauptaufgaben von {name_dat} [umfassen|umfassten]:",
        "performance": {
            5: "{name} [verfügt|verfügte] über ein ausgezeichnetes Fachwissen und "
            "[setzt|setzte] es sicher und zielgerichtet ein. Arbeitsqualität und "
            "Arbeitsmenge [sind|waren] ausgezeichnet.",
            4: "{name} [verfügt|verfügte] über ein sehr gutes Fachwissen und [setzt|setzte] "
            "es sicher ein. Arbeitsqualität und Arbeitsmenge [sind|waren] sehr gut.",
            3: "{name} [verfügt|verfügte] über ein gutes Fachwissen. Arbeitsqualität und "
            "Arbeitsmenge [sind|waren] gut.",
            2: "Das Fachwissen von {name_dat} [genügt|genügte] den Anforderungen. "
            "Arbeitsqualität und Arbeitsmenge [sind|waren] genügend.",
            1: "Das Fachwissen von {name_dat} [genügt|genügte] den Anforderungen nicht. "
            "Arbeitsqualität und Arbeitsmenge [sind|waren] ungenügend.",
        },
        "leadership": {
            # With a verb ("leitete das Team gut") the grade word reads as manner, and
            # "erreichte die Ziele" is the code for merely satisfactory: say it as a grade.
            5: "Die Führung des Teams durch {name_dat} [ist|war] stets ausgezeichnet, die "
            "Mitarbeitenden [werden|wurden] gezielt gefördert und die gesetzten Ziele "
            "regelmässig übertroffen.",
            4: "Die Führung des Teams durch {name_dat} [ist|war] sehr gut, die "
            "Mitarbeitenden [werden|wurden] umsichtig gefördert.",
            3: "Die Führung des Teams durch {name_dat} [ist|war] gut.",
            2: "Die Führung des Teams durch {name_dat} [ist|war] genügend.",
            1: "Die Führung des Teams durch {name_dat} [ist|war] ungenügend.",
        },
        "conduct": _graded(
            "Das Verhalten von {name_dat} gegenüber Vorgesetzten, Kolleginnen und Kollegen "
            "sowie Kundinnen und Kunden [ist|war] <grade>.",
            GRADE_WORDS["de"],
        ),
        "summary": "Insgesamt beurteilen wir die Leistungen von {name_dat} als {grade}.",
        "closing": {
            "high": "Wir bedauern den Weggang von {name_dat} sehr, danken {dat}für die "
            "wertvolle Mitarbeit und wünschen {dat}für die Zukunft alles Gute und viel Erfolg.",
            "mid": "Wir danken {name_dat} für die Mitarbeit und wünschen {dat}für die "
            "Zukunft alles Gute.",
            "low": "Wir wünschen {name_dat} für die Zukunft alles Gute.",
        },
        "interim_reason": "Dieses Zwischenzeugnis wird auf Wunsch von {name_dat} "
        "ausgestellt. Wir danken {dat}für die bisherige Mitarbeit.",
    },
    "fr": {
        "intro": "{intro_name}, {born} {birth}, {origin}, a travaillé du {start} au "
        "{end} en qualité de {function} ({workload} %) auprès {de_company}.",
        "intro_interim": "{intro_name}, {born} {birth}, {origin}, travaille depuis le "
        "{start} en qualité de {function} ({workload} %) auprès {de_company}.",
        "origin": "originaire {de_origin}",
        "tasks": "Les tâches principales {de_name} [comprennent|comprenaient] :",
        "performance": _graded(
            "Les connaissances professionnelles {de_name} et la qualité de son travail "
            "[sont|étaient] <grade>.",
            GRADE_WORDS["fr"],
        ),
        "leadership": _graded(
            "En tant que cadre, {name} [dirige|a dirigé] son équipe de manière <grade>.",
            FR_FEMININE,
        ),
        "conduct": _graded(
            "Le comportement {de_name} envers ses supérieurs, ses collègues et la clientèle "
            "[est|était] <grade>.",
            FR_MASCULINE,
        ),
        "summary": "En résumé, nous jugeons les prestations {de_name} {grade}.",
        "closing": {
            "high": "Nous regrettons vivement le départ {de_name}, lui adressons nos "
            "remerciements pour sa précieuse collaboration et lui souhaitons plein succès pour "
            "l'avenir.",
            "mid": "Nous remercions {name} pour sa collaboration et lui souhaitons le meilleur.",
            "low": "Nous souhaitons {a_name} le meilleur pour l'avenir.",
        },
        "interim_reason": "Ce certificat intermédiaire est établi à la demande {de_name}.",
    },
    "it": {
        "intro": "{intro_name}, {born} {birth}, {origin}, ha lavorato dal {start} al {end} in "
        "qualità di {function} ({workload} %) presso {company}.",
        "intro_interim": "{intro_name}, {born} {birth}, {origin}, lavora dal {start} in "
        "qualità di {function} ({workload} %) presso {company}.",
        "origin": "attinente di {origin}",
        "tasks": "I compiti principali {di_name} [comprendono|comprendevano]:",
        "performance": _graded(
            "Le conoscenze professionali {di_name} e la qualità del lavoro [sono|erano] "
            "<grade>.",
            GRADE_WORDS["it"],
        ),
        "leadership": _graded(
            "Come responsabile, {name} [dirige|ha diretto] il team in modo <grade>.",
            IT_SINGULAR,
        ),
        "conduct": _graded(
            "Il comportamento {di_name} verso superiori, colleghi e clienti [è|era] <grade>.",
            IT_SINGULAR,
        ),
        "summary": "In sintesi valutiamo le prestazioni {di_name} {grade}.",
        "closing": {
            "high": "Ci rammarichiamo molto della partenza {di_name}, {acc}ringraziamo per la "
            "preziosa collaborazione e {dat}auguriamo molto successo per il futuro.",
            "mid": "Ringraziamo {name} per la collaborazione e {dat}auguriamo il meglio.",
            "low": "Auguriamo {a_name} il meglio per il futuro.",
        },
        "interim_reason": "Questo certificato intermedio è rilasciato su richiesta "
        "{di_name}.",
    },
    "en": {
        "intro": "{intro_name}, {born} {birth}, {origin}, worked for {company} from {start} "
        "to {end} as {function} ({workload} %).",
        "intro_interim": "{intro_name}, {born} {birth}, {origin}, has worked for {company} since "
        "{start} as {function} ({workload} %).",
        "origin": "a citizen of {origin}",
        "tasks": "The main tasks of {name} [include|included]:",
        "performance": _graded(
            "The expertise of {name} and the quality and quantity of the work [are|were] "
            "<grade>.",
            GRADE_WORDS["en"],
        ),
        "leadership": _graded(
            "As a manager, {name} [shows|showed] <grade> leadership.",
            GRADE_WORDS["en"],
        ),
        "conduct": _graded(
            "The conduct of {name} towards superiors, colleagues and customers [is|was] "
            "<grade>.",
            GRADE_WORDS["en"],
        ),
        "summary": "Overall, we assess the performance of {name} as {grade}.",
        "closing": {
            "high": "We very much regret the departure of {name}, thank {obj} for the "
            "valuable work and wish {obj} every success for the future.",
            "mid": "We thank {name} for the work and wish {obj} all the best for the future.",
            "low": "We wish {name} all the best for the future.",
        },
        "interim_reason": "This interim reference is issued at the request of {name}.",
    },
}

# How a text names the person after the first mention, by form of address: the forms after a
# preposition and the pronouns. Without a form of address, the full name throughout.
SALUTATIONS = {
    "de": {"f": ("Frau", "Frau"), "m": ("Herr", "Herrn")},
    "fr": {"f": ("Madame", "Madame"), "m": ("Monsieur", "Monsieur")},
    "it": {"f": ("la signora", "signora"), "m": ("il signor", "signor")},
    "en": {"f": ("Ms", "Ms"), "m": ("Mr", "Mr")},
}
PRONOUNS = {
    "de": {"f": {"dat": "ihr "}, "m": {"dat": "ihm "}},
    "it": {"f": {"acc": "la ", "dat": "le "}, "m": {"acc": "lo ", "dat": "gli "}},
    "en": {"f": {"obj": "her"}, "m": {"obj": "him"}},
}
IT_ARTICLES = {"di": {"f": "della", "m": "del"}, "a": {"f": "alla", "m": "al"}}
# "née le" as a French reference writes it; without the gender, the form's neutral words.
BORN = {
    "de": {"f": "geboren am", "m": "geboren am", "": "geboren am"},
    "fr": {"f": "née le", "m": "né le", "": "date de naissance :"},
    "it": {"f": "nata il", "m": "nato il", "": "data di nascita:"},
    "en": {"f": "born on", "m": "born on", "": "born on"},
}
VOWELS = "AEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜaeiouyàâäéèêëîïôöùûüh"


def _elide(word):
    """French "de" before a word: d'Anna, de Madame."""
    return f"d'{word}" if word[:1] in VOWELS else f"de {word}"


def names(language, full, salutation=None, surname=None):
    """Every form of the person's name a text of ``language`` uses."""
    full = (full or "").strip()
    surname = (surname or "").strip() or (full.split()[-1] if full else "")
    forms = SALUTATIONS[language].get(salutation or "")
    if forms and surname:
        subject, oblique = (f"{word} {surname}" for word in forms)
    else:
        subject = oblique = full
    # The intro names the person in full, as Swiss references open: "Frau Anna Keller".
    intro_name = f"{forms[0][:1].upper()}{forms[0][1:]} {full}" if forms else full
    values = {
        "full": full,
        "intro_name": intro_name,
        "born": BORN[language][salutation if forms else ""],
        "name": subject,
        "name_dat": oblique,
    }
    if language == "fr":
        values.update(de_name=_elide(subject), a_name=f"à {subject}")
    if language == "it":
        if forms and surname:
            values.update(
                di_name=f"{IT_ARTICLES['di'][salutation]} {oblique}",
                a_name=f"{IT_ARTICLES['a'][salutation]} {oblique}",
            )
        else:
            values.update(
                di_name=f"di {full}",
                a_name=f"{'ad' if full[:1] in 'Aa' else 'a'} {full}",
            )
    values.update(dict.fromkeys(("dat", "acc"), ""), obj=subject)
    if forms and surname:
        values.update(PRONOUNS.get(language, {}).get(salutation, {}))
    return values


# Nationality adjectives for the nationalities most often met in Swiss employment: German as
# the stem that takes the ending, French and Italian as they agree with "nationalité" /
# "nazionalità" (feminine), English as it stands before "nationality".
NATIONALITIES = {
    "CH": ("Schweizer", "suisse", "svizzera", "Swiss"),
    "LI": ("Liechtensteiner", "liechtensteinoise", "liechtensteinese", "Liechtenstein"),
    "DE": ("deutsch", "allemande", "tedesca", "German"),
    "AT": ("österreichisch", "autrichienne", "austriaca", "Austrian"),
    "FR": ("französisch", "française", "francese", "French"),
    "IT": ("italienisch", "italienne", "italiana", "Italian"),
    "PT": ("portugiesisch", "portugaise", "portoghese", "Portuguese"),
    "ES": ("spanisch", "espagnole", "spagnola", "Spanish"),
    "XK": ("kosovarisch", "kosovare", "kosovara", "Kosovar"),
    "RS": ("serbisch", "serbe", "serba", "Serbian"),
    "HR": ("kroatisch", "croate", "croata", "Croatian"),
    "BA": ("bosnisch-herzegowinisch", "bosnienne", "bosniaca", "Bosnian"),
    "MK": ("nordmazedonisch", "macédonienne", "macedone", "North Macedonian"),
    "AL": ("albanisch", "albanaise", "albanese", "Albanian"),
    "TR": ("türkisch", "turque", "turca", "Turkish"),
    "GB": ("britisch", "britannique", "britannica", "British"),
    "US": ("US-amerikanisch", "américaine", "statunitense", "American"),
    "NL": ("niederländisch", "néerlandaise", "olandese", "Dutch"),
    "BE": ("belgisch", "belge", "belga", "Belgian"),
    "PL": ("polnisch", "polonaise", "polacca", "Polish"),
    "HU": ("ungarisch", "hongroise", "ungherese", "Hungarian"),
    "RO": ("rumänisch", "roumaine", "rumena", "Romanian"),
    "GR": ("griechisch", "grecque", "greca", "Greek"),
    "CZ": ("tschechisch", "tchèque", "ceca", "Czech"),
    "SK": ("slowakisch", "slovaque", "slovacca", "Slovak"),
    "SI": ("slowenisch", "slovène", "slovena", "Slovenian"),
    "UA": ("ukrainisch", "ukrainienne", "ucraina", "Ukrainian"),
    "SE": ("schwedisch", "suédoise", "svedese", "Swedish"),
    "BR": ("brasilianisch", "brésilienne", "brasiliana", "Brazilian"),
    "IN": ("indisch", "indienne", "indiana", "Indian"),
    "CN": ("chinesisch", "chinoise", "cinese", "Chinese"),
    "LK": ("sri-lankisch", "sri-lankaise", "srilankese", "Sri Lankan"),
    "ER": ("eritreisch", "érythréenne", "eritrea", "Eritrean"),
}  # fmt: skip
NATIONALITY = {
    "de": {
        "f": "{adj}e Staatsangehörige",
        "m": "{adj}er Staatsangehöriger",
        "": "mit {adj}er Staatsangehörigkeit",
    },
    "fr": {"": "de nationalité {adj}"},
    "it": {"": "di nazionalità {adj}"},
    "en": {"": "of {adj} nationality"},
}
# Where no adjective is known: the country's name, in the reference's language.
NATIONALITY_BY_NAME = {
    "de": "Staatsangehörigkeit {country}",
    "fr": "nationalité : {country}",
    "it": "cittadinanza: {country}",
    "en": "a citizen of {country}",
}
LANGUAGE_INDEX = {"de": 0, "fr": 1, "it": 2, "en": 3}


def nationality(language, code, country_name="", salutation=None):
    """ "deutsche Staatsangehörige", "de nationalité allemande", or by the country's name."""
    adjectives = NATIONALITIES.get((code or "").upper())
    if adjectives:
        adjective = adjectives[LANGUAGE_INDEX[language]]
        table = NATIONALITY[language]
        template = table.get(salutation or "", table[""])
        if language == "de" and adjective.endswith("er") and adjective[0].isupper():
            # "Schweizer", "Liechtensteiner" take no ending.
            template = template.replace("{adj}e ", "{adj} ").replace(
                "{adj}er ", "{adj} "
            )
        return template.format(adj=adjective)
    if country_name:
        return NATIONALITY_BY_NAME[language].format(country=country_name)
    return ""


def identity(language, origin="", code="", country_name="", salutation=None):
    """The intro's words for where the person belongs: the Swiss place of origin ("von Chur
    GR") for a Swiss citizen with one, else the nationality."""
    origin = (origin or "").strip()
    swiss = (code or "").upper() in ("", "CH")
    if origin and swiss:
        template = TEXTS[language]["origin"]
        return template.format(origin=origin, de_origin=_elide(origin))
    return nationality(language, code, country_name, salutation)


TENSE = re.compile(r"\[([^|\]]*)\|([^\]]*)\]")


def _tense(sentence, present):
    return TENSE.sub(lambda m: m.group(1 if present else 2), sentence)


EN_MONTHS = (
    "January February March April May June July August September October November "
    "December"
).split()


def format_date(language, value):
    """A date as a Swiss letter writes it: 02.04.1990, in English 2 April 1990."""
    if not value:
        return ""
    if language == "en":
        return f"{value.day} {EN_MONTHS[value.month - 1]} {value.year}"
    return value.strftime("%d.%m.%Y")


def closing_level(grade):
    return "high" if grade >= 4 else ("mid" if grade == 3 else "low")


def compose(language, kind, facts, grades):
    """The body text of a reference from its facts and grades, paragraph by paragraph.

    An interim reference, and any reference without an end date, speaks in the present; a
    final one in the past.
    """
    texts = TEXTS[language]
    present = kind == "interim" or not facts.get("end")
    values = dict(
        facts,
        **names(
            language,
            facts["employee_name"],
            facts.get("salutation"),
            facts.get("surname"),
        ),
    )
    values["origin"] = identity(
        language,
        facts.get("origin"),
        facts.get("nationality"),
        facts.get("nationality_name"),
        facts.get("salutation"),
    )

    if language == "fr":
        values["de_company"] = _elide(facts.get("company") or "")

    def say(template, **more):
        return _tense(template, present).format(**dict(values, **more))

    intro = say(texts["intro_interim" if present else "intro"]).replace(", ,", ",")
    paragraphs = [intro]
    if facts.get("tasks"):
        lines = [
            f"- {line.strip()}" for line in facts["tasks"].splitlines() if line.strip()
        ]
        paragraphs.append(say(texts["tasks"]) + "\n" + "\n".join(lines))
    if kind == "confirmation" or (
        kind == "apprenticeship" and not facts.get("assessment_requested")
    ):
        return "\n\n".join(paragraphs)
    paragraphs.append(say(texts["performance"][grades["performance"]]))
    if grades.get("leadership"):
        paragraphs.append(say(texts["leadership"][grades["leadership"]]))
    paragraphs.append(say(texts["conduct"][grades["conduct"]]))
    given = [g for g in grades.values() if g]
    overall = round(sum(given) / len(given))
    paragraphs.append(say(texts["summary"], grade=GRADE_WORDS[language][overall]))
    if kind == "interim":
        paragraphs.append(say(texts["interim_reason"]))
    else:
        paragraphs.append(say(texts["closing"][closing_level(overall)]))
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
