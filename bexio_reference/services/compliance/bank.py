# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Replacement sentences the user can apply with one click, by grade (5 best .. 1).

Every sentence here is graded by ``grading`` as the grade it is filed under, and none uses a
code. Placeholders: {ref} how the text names the employee ("Frau Baumann", "Madame
Chappuis", "la signora Bernasconi", "Ms Raman"), {Ref} the same capitalised, {ref_dat} the
German dative ("Herrn Meier"), {di_ref}, {a_ref} the Italian "della signora X", "alla
signora X", {obj} and {poss} the English him/her and his/her ("them"/"the" without gender).
"""

import re

PERFORMANCE = {
    "de": {
        5: "{Ref} erfüllte die Aufgaben stets zu unserer vollsten Zufriedenheit.",
        4: "{Ref} erfüllte die Aufgaben stets zu unserer vollen Zufriedenheit.",
        3: "{Ref} erfüllte die Aufgaben zu unserer vollen Zufriedenheit.",
        2: "{Ref} erfüllte die Aufgaben zu unserer Zufriedenheit.",
        1: "Die Leistungen von {ref_dat} entsprachen nicht unseren Erwartungen.",
    },
    "fr": {
        5: "{Ref} a accompli ses tâches toujours à notre entière satisfaction.",
        4: "{Ref} a accompli ses tâches à notre entière satisfaction.",
        3: "{Ref} a accompli ses tâches à notre satisfaction.",
        2: "Les prestations de {ref} ont été suffisantes.",
        1: "Les prestations de {ref} n'ont pas répondu à nos attentes.",
    },
    "it": {
        5: "{Ref} ha svolto i suoi compiti sempre con la nostra massima soddisfazione.",
        4: "{Ref} ha svolto i suoi compiti sempre con nostra piena soddisfazione.",
        3: "{Ref} ha svolto i suoi compiti con nostra piena soddisfazione.",
        2: "{Ref} ha svolto i suoi compiti con nostra soddisfazione.",
        1: "Le prestazioni {di_ref} non hanno corrisposto alle nostre aspettative.",
    },
    "en": {
        5: "{Ref} always performed {poss} duties to our complete satisfaction.",
        4: "{Ref} performed {poss} duties to our complete satisfaction.",
        3: "{Ref} performed {poss} duties to our satisfaction.",
        2: "The performance of {ref} was adequate.",
        1: "The performance of {ref} did not meet our expectations.",
    },
}
CONDUCT = {
    "de": {
        5: "Das Verhalten von {ref_dat} gegenüber Vorgesetzten, Kolleginnen und Kollegen "
        "sowie Kundinnen und Kunden war stets vorbildlich.",
        4: "Das Verhalten von {ref_dat} gegenüber Vorgesetzten, Kolleginnen und Kollegen "
        "sowie Kundinnen und Kunden war stets einwandfrei.",
        3: "Das Verhalten von {ref_dat} gegenüber Vorgesetzten, Kolleginnen und Kollegen "
        "sowie Kundinnen und Kunden war korrekt.",
        2: "Das Verhalten von {ref_dat} gegenüber Vorgesetzten, Kolleginnen und Kollegen "
        "sowie Kundinnen und Kunden entsprach nicht immer unseren Erwartungen.",
        1: "Das Verhalten von {ref_dat} gegenüber Vorgesetzten, Kolleginnen und Kollegen "
        "sowie Kundinnen und Kunden war ungenügend.",
    },
    "fr": {
        5: "Le comportement de {ref} envers ses supérieurs, ses collègues et la clientèle "
        "a toujours été exemplaire.",
        4: "Le comportement de {ref} envers ses supérieurs, ses collègues et la clientèle "
        "était irréprochable.",
        3: "Le comportement de {ref} envers ses supérieurs, ses collègues et la clientèle "
        "était correct.",
        2: "Le comportement de {ref} envers ses supérieurs, ses collègues et la clientèle "
        "n'a pas toujours répondu à nos attentes.",
        1: "Le comportement de {ref} envers ses supérieurs, ses collègues et la clientèle "
        "était insuffisant.",
    },
    "it": {
        5: "Il comportamento {di_ref} nei confronti di superiori, colleghi e clienti è "
        "sempre stato esemplare.",
        4: "Il comportamento {di_ref} nei confronti di superiori, colleghi e clienti è "
        "stato ineccepibile.",
        3: "Il comportamento {di_ref} nei confronti di superiori, colleghi e clienti è "
        "stato corretto.",
        2: "Il comportamento {di_ref} nei confronti di superiori, colleghi e clienti non "
        "ha sempre corrisposto alle nostre aspettative.",
        1: "Il comportamento {di_ref} nei confronti di superiori, colleghi e clienti è "
        "stato insufficiente.",
    },
    "en": {
        5: "The conduct of {ref} towards superiors, colleagues and customers was always "
        "exemplary.",
        4: "The conduct of {ref} towards superiors, colleagues and customers was "
        "impeccable.",
        3: "The conduct of {ref} towards superiors, colleagues and customers was correct.",
        2: "The conduct of {ref} towards superiors, colleagues and customers did not "
        "always meet our expectations.",
        1: "The conduct of {ref} towards superiors, colleagues and customers was "
        "unsatisfactory.",
    },
}
LEADERSHIP = {
    "de": {
        5: "Die Führungsleistung von {ref_dat} war stets ausgezeichnet.",
        4: "Die Führungsleistung von {ref_dat} war sehr gut.",
        3: "Die Führungsleistung von {ref_dat} war gut.",
        2: "Die Führungsleistung von {ref_dat} war genügend.",
        1: "Die Führungsleistung von {ref_dat} war ungenügend.",
    },
    "fr": {
        5: "La conduite de son équipe par {ref} a toujours été excellente.",
        4: "La conduite de son équipe par {ref} a été très bonne.",
        3: "La conduite de son équipe par {ref} a été bonne.",
        2: "La conduite de son équipe par {ref} a été suffisante.",
        1: "La conduite de son équipe par {ref} a été insuffisante.",
    },
    "it": {
        5: "La conduzione del team da parte {di_ref} è sempre stata eccellente.",
        4: "La conduzione del team da parte {di_ref} è stata molto buona.",
        3: "La conduzione del team da parte {di_ref} è stata buona.",
        2: "La conduzione del team da parte {di_ref} è stata sufficiente.",
        1: "La conduzione del team da parte {di_ref} è stata insufficiente.",
    },
    "en": {
        5: "The leadership of {ref} was always excellent.",
        4: "The leadership of {ref} was very good.",
        3: "The leadership of {ref} was good.",
        2: "The leadership of {ref} was adequate.",
        1: "The leadership of {ref} was unsatisfactory.",
    },
}
CLOSING = {
    "de": {
        5: "Wir bedauern den Weggang von {ref_dat} sehr, danken für die stets wertvolle "
        "Mitarbeit und wünschen für die Zukunft alles Gute und weiterhin viel Erfolg.",
        4: "Wir bedauern den Weggang von {ref_dat}, danken für die wertvolle Mitarbeit und "
        "wünschen für die Zukunft alles Gute und viel Erfolg.",
        3: "Wir danken {ref_dat} für die Mitarbeit und wünschen für die Zukunft alles Gute.",
        2: "Wir wünschen {ref_dat} für die Zukunft alles Gute.",
        "interim": "Wir danken {ref_dat} für die bisherige wertvolle Mitarbeit und freuen "
        "uns auf die weitere Zusammenarbeit.",
    },
    "fr": {
        5: "Nous regrettons vivement le départ de {ref}, lui adressons nos chaleureux "
        "remerciements pour sa précieuse collaboration et lui souhaitons plein succès "
        "pour l'avenir.",
        4: "Nous regrettons le départ de {ref}, lui adressons nos remerciements pour sa "
        "précieuse collaboration et lui souhaitons plein succès pour l'avenir.",
        3: "Nous remercions {ref} de sa collaboration et lui souhaitons plein succès pour "
        "l'avenir.",
        2: "Nous souhaitons à {ref} plein succès pour l'avenir.",
        "interim": "Nous remercions {ref} de son engagement et nous réjouissons de "
        "poursuivre notre collaboration.",
    },
    "it": {
        5: "Ci rammarichiamo molto della partenza {di_ref}, ringraziamo di cuore per il "
        "prezioso impegno e auguriamo ogni successo per il futuro.",
        4: "Ci rammarichiamo della partenza {di_ref}, ringraziamo per la preziosa "
        "collaborazione e auguriamo ogni successo per il futuro.",
        3: "Ringraziamo {ref} per la collaborazione e auguriamo ogni bene per il futuro.",
        2: "Auguriamo {a_ref} ogni bene per il futuro.",
        "interim": "Ringraziamo {ref} per il prezioso lavoro svolto finora e ci rallegriamo "
        "di proseguire la collaborazione.",
    },
    "en": {
        5: "We very much regret the departure of {ref}, thank {obj} sincerely for the "
        "valuable work and wish {obj} every success for the future.",
        4: "We regret the departure of {ref}, thank {obj} for the valuable work and wish "
        "{obj} every success for the future.",
        3: "We thank {ref} for the work and wish {obj} all the best for the future.",
        2: "We wish {ref} all the best for the future.",
        "interim": "We thank {ref} for the valuable work and look forward to continuing "
        "our cooperation.",
    },
}
LEAVING = {
    "de": {"present": "Das Arbeitsverhältnis endet am {end}.",
           "past": "Das Arbeitsverhältnis endete am {end}."},
    "fr": {"present": "Les rapports de travail prennent fin le {end}.",
           "past": "Les rapports de travail ont pris fin le {end}."},
    "it": {"present": "Il rapporto di lavoro termina il {end}.",
           "past": "Il rapporto di lavoro è terminato il {end}."},
    "en": {"present": "The employment ends on {end}.",
           "past": "The employment ended on {end}."},
}  # fmt: skip
INTRO = {
    "de": {
        "final": "{Name}, geboren am {birth}, {origin}, war vom {start} bis {end} als "
        "{function} in unserem Unternehmen tätig.",
        "interim": "{Name}, geboren am {birth}, {origin}, ist seit dem {start} als "
        "{function} in unserem Unternehmen tätig.",
        "apprenticeship": "{Name}, geboren am {birth}, {origin}, absolvierte vom {start} "
        "bis {end} in unserem Unternehmen die Ausbildung als {function}.",
        "place": "von {origin}",
        "country": "Staatsangehörigkeit {origin}",
    },
    "fr": {
        "final": "{Name}, date de naissance : {birth}, {origin}, a travaillé au sein de "
        "notre entreprise du {start} au {end} en qualité de {function}.",
        "interim": "{Name}, date de naissance : {birth}, {origin}, travaille au sein de "
        "notre entreprise depuis le {start} en qualité de {function}.",
        "apprenticeship": "{Name}, date de naissance : {birth}, {origin}, a effectué au "
        "sein de notre entreprise, du {start} au {end}, la formation de {function}.",
        "place": "originaire de {origin}",
        "country": "de nationalité {origin}",
    },
    "it": {
        "final": "{Name}, data di nascita: {birth}, {origin}, ha lavorato presso la nostra "
        "azienda dal {start} al {end} in qualità di {function}.",
        "interim": "{Name}, data di nascita: {birth}, {origin}, lavora presso la nostra "
        "azienda dal {start} in qualità di {function}.",
        "apprenticeship": "{Name}, data di nascita: {birth}, {origin}, ha svolto presso la "
        "nostra azienda dal {start} al {end} la formazione di {function}.",
        "place": "attinente di {origin}",
        "country": "cittadinanza: {origin}",
    },
    "en": {
        "final": "{Name}, born on {birth}, {origin}, worked for our company from {start} to "
        "{end} as {function}.",
        "interim": "{Name}, born on {birth}, {origin}, has been working for our company "
        "since {start} as {function}.",
        "apprenticeship": "{Name}, born on {birth}, {origin}, completed an apprenticeship "
        "as {function} with our company from {start} to {end}.",
        "place": "citizen of {origin}",
        "country": "nationality: {origin}",
    },
}

# A Swiss place of origin is written "von Chur"; a country of origin as a nationality.
COUNTRIES = frozenset(
    """italien italie italia italy deutschland allemagne germania germany frankreich france
    francia portugal portogallo spanien espagne spagna spain kosovo serbien serbie serbia
    kroatien croatie croazia croatia bosnien bosnie bosnia nordmazedonien macedonia
    mazedonien macédoine türkei turquie turchia turkey österreich autriche austria polen
    pologne polonia poland eritrea érythrée sri lanka brasilien brésil brasile brazil indien
    inde india china chine cina albanien albanie albania rumänien roumanie romania ungarn
    hongrie ungheria hungary niederlande pays-bas netherlands grossbritannien royaume-uni
    regno unito uk usa tunesien tunisie tunisia marokko maroc marocco morocco syrien syrie
    siria syria afghanistan ukraine ucraina russland russie russia tschechien tchéquie
    cechia czechia slowakei slovaquie slovacchia slovakia bulgarien bulgarie bulgaria
    griechenland grèce grecia greece philippinen philippines filippine thailand thaïlande
    tailandia vietnam irland irlande irlanda ireland belgien belgique belgio belgium
    luxemburg luxembourg lussemburgo liechtenstein schweden suède svezia sweden""".split()
)
NATIONALITY_WORDS = re.compile(
    r"national|nationalit|ressortissant|staatsangeh|cittadin|citizen",
    re.IGNORECASE,
)


def references(language, text_form, name, gender):
    """The forms of how the text names the employee, for the placeholders above."""
    parts = (name or "").split()
    surname = parts[-1] if parts else name
    ref = text_form or name
    values = {"ref": ref, "Ref": ref[:1].upper() + ref[1:], "Name": name}
    if language == "de":
        values["ref_dat"] = re.sub(r"^Herr\b", "Herrn", ref)
    if language == "it":
        if ref.lower().startswith("la signora"):
            values["di_ref"] = "della signora " + surname
            values["a_ref"] = "alla signora " + surname
        elif ref.lower().startswith("il signor"):
            values["di_ref"] = "del signor " + surname
            values["a_ref"] = "al signor " + surname
        else:
            values["di_ref"] = "di " + ref
            values["a_ref"] = "a " + ref
    values["obj"] = {"m": "him", "f": "her"}.get(gender or "", "them")
    values["poss"] = {"m": "his", "f": "her"}.get(gender or "", "the")
    return values


def origin_phrase(language, origin):
    origin = (origin or "").strip()
    if not origin:
        return ""
    table = INTRO.get(language, INTRO["en"])
    if NATIONALITY_WORDS.search(origin):
        return origin
    first = origin.split(" del ")[0].lower()
    if (
        first in COUNTRIES
        or origin.lower() in COUNTRIES
        or " ".join(origin.lower().split()[:2]) in COUNTRIES
    ):
        return table["country"].format(origin=origin)
    return table["place"].format(origin=origin)


def fill(template, values):
    try:
        return template.format(**values)
    except (KeyError, IndexError):
        return ""
