# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Wordings the compliance check must read as real references write them, written for these
tests (not taken from the benchmark corpus): a clean base reference per language, one sentence
added or changed, and what the check must say about it.

PROBES: (language, slot, sentence, kind, options). The sentence goes into slot P (after the
performance), C (after the conduct) or E (the end); with ``sub`` in the options, pairs of
(old, new) edit the base instead and the sentence is the passage to find. ``kind`` is the
benchmark's kind of violation that must be found on the sentence, or None: no high finding.
TEXTS: (language, text, kind, passage, facts changes) for whole references.
"""

# ruff: noqa: E501
import datetime

BASE = {
    "de": (
        "Frau Sandra Keller, geboren am 14. Mai 1987, von Aarau AG, war vom 1. März 2018 bis 31. August 2024 als Sachbearbeiterin Buchhaltung in unserer Firma tätig.\n\n"
        "Zu ihren Aufgaben gehörten die Kreditorenbuchhaltung, der Zahlungsverkehr und die Mitarbeit beim Jahresabschluss.\n\n"
        "Frau Keller arbeitete stets sehr exakt, selbständig und effizient. Ihre Leistungen fanden stets unsere vollste Zufriedenheit.{P}\n\n"
        "Ihr Verhalten gegenüber Vorgesetzten, Kolleginnen und Kollegen war stets vorbildlich.{C}\n\n"
        "Frau Keller verlässt uns auf eigenen Wunsch. Wir danken ihr für die sehr wertvolle Zusammenarbeit, bedauern ihren Weggang sehr und wünschen ihr für die Zukunft alles Gute.{E}"
    ),
    "fr": (
        "Madame Sandra Keller, née le 14 mai 1987, originaire d'Aarau (AG), a travaillé dans notre entreprise du 1er mars 2018 au 31 août 2024 en qualité de comptable.\n\n"
        "Ses tâches comprenaient la comptabilité fournisseurs, le trafic des paiements et la collaboration au bouclement annuel.\n\n"
        "Madame Keller a toujours travaillé de manière très précise, autonome et efficace. Ses prestations nous ont toujours donné entière satisfaction.{P}\n\n"
        "Son comportement envers ses supérieurs et ses collègues a toujours été irréprochable.{C}\n\n"
        "Madame Keller nous quitte de son plein gré. Nous la remercions vivement pour sa précieuse collaboration, regrettons son départ et lui souhaitons plein succès pour l'avenir.{E}"
    ),
    "it": (
        "La signora Sandra Keller, nata il 14 maggio 1987, attinente di Aarau AG, ha lavorato presso la nostra ditta dal 1° marzo 2018 al 31 agosto 2024 in qualità di contabile.\n\n"
        "Le sue mansioni comprendevano la contabilità fornitori, il traffico dei pagamenti e la collaborazione alla chiusura annuale.\n\n"
        "La signora Keller ha sempre lavorato in modo molto preciso, autonomo ed efficiente. Le sue prestazioni ci hanno sempre pienamente e completamente soddisfatto.{P}\n\n"
        "Il suo comportamento nei confronti di superiori e colleghi è sempre stato esemplare.{C}\n\n"
        "La signora Keller lascia la nostra ditta di sua spontanea volontà. La ringraziamo per la preziosa collaborazione, ci rammarichiamo della sua partenza e le porgiamo i migliori auguri per il futuro.{E}"
    ),
    "en": (
        "Ms Sandra Keller, born on 14 May 1987, citizen of Aarau AG, worked for our company from 1 March 2018 to 31 August 2024 as an Accountant.\n\n"
        "Her duties included accounts payable, payments and assisting with the annual closing.\n\n"
        "Ms Keller always worked very accurately, independently and efficiently. Her performance was always to our complete satisfaction.{P}\n\n"
        "Her conduct towards superiors and colleagues was always exemplary.{C}\n\n"
        "Ms Keller is leaving us at her own request. We thank her for her very valuable work, regret her departure and wish her every success in the future.{E}"
    ),
}
FUNC = {
    "de": "Sachbearbeiterin Buchhaltung",
    "fr": "Comptable",
    "it": "Contabile",
    "en": "Accountant",
}


def facts(lang, **kw):
    f = {
        "employee_name": "Sandra Keller",
        "gender": "f",
        "birth_date": datetime.date(1987, 5, 14),
        "origin": "Aarau AG",
        "function": FUNC[lang],
        "workload": 100,
        "start": datetime.date(2018, 3, 1),
        "end": datetime.date(2024, 8, 31),
        "company_name": "Muster Treuhand AG",
        "place": "Bern",
        "issue_date": datetime.date(2024, 8, 31),
        "is_manager": False,
        "grades": {},
        "assessment_requested": True,
        "address_requested": False,
        "leaving_reason_requested": False,
        "type": "full",
        "language": lang,
        "signer_name": "x",
        "signer_role": "x",
    }
    f.update(kw)
    return f


PROBES = []
TEXTS = []


def P(lang, slot, sentence, kind, **kw):
    PROBES.append((lang, slot, sentence, kind, kw))


def S(lang, kind, subs, passage=None, **kw):
    PROBES.append((lang, "P", passage or "", kind, dict(kw, sub=subs)))


def T(lang, text, kind=None, passage=None, **kw):
    TEXTS.append((lang, text, kind, passage, kw))


# health paraphrases
P(
    "de",
    "P",
    "Nach ihrer längeren Abwesenheit im Frühjahr 2022 fand sie rasch wieder in ihre Aufgaben zurück.",
    "health",
)
P(
    "de",
    "P",
    "Trotz ihrer gesundheitlichen Einschränkungen erbrachte sie gute Arbeit.",
    "health",
)
P(
    "de",
    "P",
    "Nach ihrem Mutterschaftsurlaub kehrte sie mit einem Pensum von 60 % zurück.",
    "health",
)
P(
    "fr",
    "P",
    "Après son absence prolongée au printemps 2022, elle a rapidement repris ses dossiers.",
    "health",
)
P(
    "fr",
    "P",
    "Malgré ses problèmes de dos, elle a toujours accompli son travail.",
    "health",
)
P(
    "it",
    "P",
    "Dopo la sua lunga assenza nella primavera 2022 ha ripreso rapidamente le sue mansioni.",
    "health",
)
P(
    "it",
    "P",
    "Nonostante i suoi problemi di salute ha sempre svolto il suo lavoro.",
    "health",
)
P(
    "en",
    "P",
    "After her extended absence in spring 2022 she quickly resumed her duties.",
    "health",
)
P("en", "P", "Despite her recurring back pain she always completed her work.", "health")
P(
    "en",
    "P",
    "Following her return from maternity leave she reduced her workload to 60%.",
    "health",
)
# union
P(
    "de",
    "C",
    "Als Mitglied der Unia setzte sie sich auch im Betrieb für ihre Kolleginnen ein.",
    "union",
)
P("de", "C", "Sie war zudem Präsidentin unserer Personalkommission.", "union")
P(
    "fr",
    "C",
    "Elle a en outre siégé à la commission du personnel en tant que déléguée syndicale.",
    "union",
)
P(
    "fr",
    "C",
    "Membre active d'Unia, elle a représenté ses collègues lors des négociations salariales.",
    "union",
)
P("it", "C", "Era inoltre membro attivo del sindacato OCST.", "union")
P("en", "C", "She was also an active member of the Unia trade union.", "union")
P(
    "en",
    "C",
    "She also served as the staff representative on our works council.",
    "union",
)
# politics
P(
    "de",
    "C",
    "Neben ihrer Arbeit amtete sie als Gemeinderätin der SP in Aarau.",
    "politics",
)
P("de", "C", "Frau Keller sitzt für die FDP im Einwohnerrat.", "politics")
P(
    "fr",
    "C",
    "Elle siège par ailleurs au Conseil communal de sa commune pour le PLR.",
    "politics",
)
P("it", "C", "È inoltre consigliera comunale del PS a Bellinzona.", "politics")
P("en", "C", "She also sits on the municipal council for the Green Party.", "politics")
# religion
P(
    "de",
    "C",
    "Als engagiertes Mitglied ihrer Kirchgemeinde zeigte sie auch im Team viel Sinn für Gemeinschaft.",
    "religion",
)
P("de", "C", "Während des Ramadans passten wir ihre Arbeitszeiten an.", "religion")
P("fr", "C", "Fidèle pratiquante, elle ne travaillait jamais le dimanche.", "religion")
P("it", "C", "Durante il Ramadan abbiamo adattato i suoi orari di lavoro.", "religion")
P("en", "C", "As a devout Catholic she never worked on Sundays.", "religion")
# private life
P(
    "de",
    "C",
    "Als alleinerziehende Mutter von zwei Kindern organisierte sie ihre Arbeitszeit sehr geschickt.",
    "private_life",
)
P(
    "fr",
    "C",
    "Mère de deux enfants, elle a su concilier vie familiale et professionnelle.",
    "private_life",
)
P(
    "it",
    "C",
    "Madre di due bambini, ha saputo conciliare famiglia e lavoro.",
    "private_life",
)
P(
    "en",
    "C",
    "As a single mother of two she organised her working hours very skilfully.",
    "private_life",
)
P("en", "C", "In her spare time she is a passionate marathon runner.", "private_life")
# leaving
P(
    "de",
    "E",
    "Das Arbeitsverhältnis endet infolge einer Reorganisation unserer Abteilung.",
    "leaving_reason",
)
P(
    "fr",
    "E",
    "Le contrat prend fin en raison de la restructuration de notre service.",
    "leaving_reason",
)
P(
    "it",
    "E",
    "Il rapporto di lavoro termina a seguito della ristrutturazione del reparto.",
    "leaving_reason",
)
P(
    "en",
    "E",
    "The employment ends due to the restructuring of our department.",
    "leaving_reason",
)
# coded
P("de", "P", "Sie war stets bemüht, die Anforderungen zu erfüllen.", "coded")
P(
    "de",
    "C",
    "Mit ihrer Geselligkeit trug sie zu einem guten Betriebsklima bei.",
    "coded",
)
P("fr", "C", "Nous n'avons jamais eu à nous plaindre de son comportement.", "coded")
P(
    "it",
    "P",
    "Si è sempre impegnata a svolgere i compiti che le venivano affidati.",
    "coded",
)
P("en", "C", "We never had cause to complain about her behaviour.", "coded")
P("en", "P", "She always tried hard to meet the requirements.", "coded")
# traps: no high finding
P(
    "de",
    "P",
    "Sie betreute die Lohnbuchhaltung und die Krankentaggeldversicherung unserer 200 Mitarbeitenden.",
    None,
)
P(
    "fr",
    "P",
    "Elle gérait les salaires et l'assurance perte de gain maladie de nos 200 collaborateurs.",
    None,
)
P(
    "it",
    "P",
    "Gestiva gli stipendi e l'assicurazione malattia dei nostri 200 collaboratori.",
    None,
)
P(
    "en",
    "P",
    "She processed the payroll and the sickness benefit insurance for our 200 employees.",
    None,
)
# harder health
P(
    "de",
    "P",
    "Nach ihrer krankheitsbedingten Pause von drei Monaten arbeitete sie sich schnell wieder ein.",
    "health",
)
P(
    "de",
    "P",
    "Nach einem schweren Velounfall im Sommer 2021 kehrte sie nach vier Monaten an ihren Arbeitsplatz zurück.",
    "health",
)
P("de", "P", "Ihre Rückkehr nach der Reha verlief reibungslos.", "health")
P(
    "fr",
    "P",
    "Après un accident de ski qui l'a éloignée du bureau pendant trois mois, elle a repris ses fonctions.",
    "health",
)
P("fr", "P", "Durant sa grossesse, elle a réduit son taux d'activité à 60 %.", "health")
P(
    "it",
    "P",
    "Dopo un incidente stradale che l'ha tenuta lontana dal lavoro per tre mesi, ha ripreso le sue funzioni.",
    "health",
)
P(
    "it",
    "P",
    "Durante la gravidanza ha ridotto il suo grado di occupazione al 60%.",
    "health",
)
P("en", "P", "During her pregnancy she reduced her workload to 60%.", "health")
P(
    "en",
    "P",
    "After a skiing accident kept her away from work for three months, she returned in May.",
    "health",
)
P("en", "P", "She was off work for several months in 2022 following surgery.", "health")
# harder union / politics / religion
P("de", "C", "In der Syna engagierte sie sich als Sektionspräsidentin.", "union")
P("fr", "C", "Elle est également secrétaire de la section locale du SSP.", "union")
P("it", "C", "Fa parte del comitato cantonale di Unia.", "union")
P("en", "C", "She is also the secretary of the local Syna branch.", "union")
P("de", "C", "Im Jahr 2022 wurde sie in den Grossen Rat gewählt.", "politics")
P("fr", "C", "Elle a été élue députée au Grand Conseil vaudois en 2022.", "politics")
P("it", "C", "Nel 2022 è stata eletta in Gran Consiglio.", "politics")
P("en", "C", "In 2022 she was elected to the cantonal parliament.", "politics")
P("de", "C", "Sie ist Präsidentin der reformierten Kirchgemeinde Aarau.", "religion")
P("fr", "C", "Elle préside le conseil de paroisse de sa commune.", "religion")
P("it", "C", "È presidente del consiglio parrocchiale del suo paese.", "religion")
P("en", "C", "She chairs the parish council of her local church.", "religion")
P("en", "C", "As a practising Muslim she observed the fast during Ramadan.", "religion")
# private life
P("de", "C", "Ihr Ehemann arbeitet ebenfalls in unserer Branche.", "private_life")
P("fr", "C", "Son mari travaille également dans notre branche.", "private_life")
P("it", "C", "Suo marito lavora pure nel nostro settore.", "private_life")
P("en", "C", "Her husband also works in our industry.", "private_life")
P(
    "de",
    "C",
    "Eine gegen sie laufende Betreibung hatte keinen Einfluss auf ihre Arbeit.",
    "private_life",
)
P("en", "C", "Her private debts never affected her work.", "private_life")
# leaving reasons paraphrase
P(
    "de",
    "E",
    "Leider mussten wir das Arbeitsverhältnis aus wirtschaftlichen Gründen auflösen.",
    "leaving_reason",
)
P("de", "E", "Wir haben uns im gegenseitigen Einvernehmen getrennt.", "leaving_reason")
P(
    "fr",
    "E",
    "Suite à la fermeture de notre succursale, nous avons dû nous séparer de Madame Keller.",
    "leaving_reason",
)
P(
    "it",
    "E",
    "A causa della chiusura della nostra filiale abbiamo dovuto separarci dalla signora Keller.",
    "leaving_reason",
)
P(
    "en",
    "E",
    "Due to the closure of our branch we had to part ways with Ms Keller.",
    "leaving_reason",
)
P(
    "en",
    "E",
    "Ms Keller was dismissed after repeated disagreements with her line manager.",
    "leaving_reason",
)
# favourable traps
P(
    "de",
    "E",
    "Sie verlässt uns auf ihren eigenen Wunsch, um sich beruflich neu zu orientieren.",
    None,
)
P("fr", "E", "Elle nous quitte à sa demande afin de relever un nouveau défi.", None)
P(
    "it",
    "E",
    "Lascia la nostra ditta su sua richiesta per affrontare una nuova sfida.",
    None,
)
P("en", "E", "She is leaving at her own request to take up a new challenge.", None)
P("en", "E", "She leaves us of her own accord to pursue further studies.", None)
# ---- structure via substitutions (sentence "" => first sub's new text is the passage)
# date formats: clean
S(
    "de",
    None,
    [
        ("geboren am 14. Mai 1987", "geboren am 14.05.1987"),
        ("vom 1. März 2018 bis 31. August 2024", "vom 01.03.2018 bis 31.08.2024"),
    ],
)
S(
    "de",
    None,
    [("vom 1. März 2018 bis 31. August 2024", "von März 2018 bis Ende August 2024")],
)
S("fr", None, [("du 1er mars 2018 au 31 août 2024", "du 01.03.2018 au 31.08.2024")])
S("fr", None, [("née le 14 mai 1987", "née le 14.5.1987")])
S("it", None, [("dal 1° marzo 2018 al 31 agosto 2024", "dal 1.3.2018 al 31.8.2024")])
S(
    "it",
    None,
    [
        (
            "dal 1° marzo 2018 al 31 agosto 2024",
            "dal 1 marzo 2018 fino al 31 agosto 2024",
        )
    ],
)
S(
    "en",
    None,
    [
        (
            "from 1 March 2018 to 31 August 2024",
            "from March 1, 2018 until August 31, 2024",
        ),
        ("born on 14 May 1987", "born May 14, 1987"),
    ],
)
S(
    "en",
    None,
    [
        (
            "from 1 March 2018 to 31 August 2024",
            "between 1 March 2018 and 31 August 2024",
        )
    ],
)
S(
    "en",
    None,
    [
        (
            "from 1 March 2018 to 31 August 2024",
            "from 1st March 2018 to 31st August 2024",
        )
    ],
)
# date mismatch
S(
    "de",
    "date_mismatch",
    [("bis 31. August 2024", "bis 31. Juli 2024")],
    "31. Juli 2024",
)
S(
    "de",
    "date_mismatch",
    [("geboren am 14. Mai 1987", "geboren am 14.5.1978")],
    "14.5.1978",
)
S("fr", "date_mismatch", [("du 1er mars 2018", "du 1er mai 2018")], "1er mai 2018")
S("it", "date_mismatch", [("al 31 agosto 2024", "al 31.07.2024")], "31.07.2024")
S("en", "date_mismatch", [("from 1 March 2018", "from March 1, 2019")], "March 1, 2019")
S("en", "date_mismatch", [("born on 14 May 1987", "born on 4 May 1987")], "4 May 1987")
# omissions
S(
    "de",
    "omission",
    [(", geboren am 14. Mai 1987, von Aarau AG,", "")],
    "Frau Sandra Keller",
)
S(
    "de",
    "omission",
    [("vom 1. März 2018 bis 31. August 2024 ", "")],
    "Frau Sandra Keller",
)
S("fr", "omission", [("du 1er mars 2018 au 31 août 2024 ", "")], "Madame Sandra Keller")
S("it", "omission", [(" in qualità di contabile", "")], "La signora Sandra Keller")
S("en", "omission", [(" to 31 August 2024", "")], "Ms Sandra Keller")
S("en", "omission", [("Ms Sandra Keller, born", "Ms Keller, born")], "Ms Keller, born")
S(
    "de",
    "omission",
    [
        (
            "Ihr Verhalten gegenüber Vorgesetzten, Kolleginnen und Kollegen war stets vorbildlich.",
            "",
        )
    ],
    "Ihre Leistungen fanden stets unsere vollste Zufriedenheit.",
)
S(
    "en",
    "omission",
    [
        (
            "Ms Keller is leaving us at her own request. We thank her for her very valuable work, regret her departure and wish her every success in the future.",
            "Ms Keller is leaving us at her own request.",
        )
    ],
    "Ms Keller is leaving us at her own request.",
)
# assessment by meaning (clean)
S(
    "en",
    None,
    [
        (
            "Her performance was always to our complete satisfaction.",
            "She always carried out her work to our complete satisfaction.",
        )
    ],
)
S(
    "en",
    None,
    [
        (
            "Her performance was always to our complete satisfaction.",
            "We were always fully satisfied with her.",
        )
    ],
)
S(
    "de",
    None,
    [
        (
            "Ihre Leistungen fanden stets unsere vollste Zufriedenheit.",
            "Wir waren mit ihr stets ausserordentlich zufrieden.",
        )
    ],
)
S(
    "fr",
    None,
    [
        (
            "Ses prestations nous ont toujours donné entière satisfaction.",
            "Elle nous a toujours donné entière satisfaction.",
        )
    ],
)
S(
    "it",
    None,
    [
        (
            "Le sue prestazioni ci hanno sempre pienamente e completamente soddisfatto.",
            "Ha sempre svolto il suo lavoro con nostra piena e completa soddisfazione.",
        )
    ],
)
S(
    "de",
    None,
    [
        (
            "Ihr Verhalten gegenüber Vorgesetzten, Kolleginnen und Kollegen war stets vorbildlich.",
            "Bei Vorgesetzten und Kollegen war sie wegen ihrer freundlichen Art sehr geschätzt.",
        )
    ],
)
S(
    "en",
    None,
    [
        (
            "Her conduct towards superiors and colleagues was always exemplary.",
            "Her superiors and colleagues always appreciated her friendly and helpful manner.",
        )
    ],
)
# incoherent (no form grades)
S(
    "de",
    "incoherent",
    [
        (
            "Ihr Verhalten gegenüber Vorgesetzten, Kolleginnen und Kollegen war stets vorbildlich.",
            "Ihr Verhalten gegenüber Vorgesetzten und Kollegen gab zu keinen Beanstandungen Anlass.",
        )
    ],
    "Ihr Verhalten",
)
S(
    "en",
    "incoherent",
    [
        (
            "Her conduct towards superiors and colleagues was always exemplary.",
            "Her conduct towards superiors and colleagues was satisfactory.",
        )
    ],
    "Her conduct",
)
S(
    "fr",
    "incoherent",
    [
        (
            "Son comportement envers ses supérieurs et ses collègues a toujours été irréprochable.",
            "Son comportement envers ses supérieurs et ses collègues était correct.",
        )
    ],
    "Son comportement",
)
S(
    "de",
    "incoherent",
    [
        (
            "Ihre Leistungen fanden stets unsere vollste Zufriedenheit.",
            "Ihre Leistungen fanden unsere Zufriedenheit.",
        )
    ],
    "Ihre Leistungen",
)
S(
    "it",
    "incoherent",
    [
        (
            "Le sue prestazioni ci hanno sempre pienamente e completamente soddisfatto.",
            "Le sue prestazioni sono state sufficienti.",
        )
    ],
    "Le sue prestazioni",
)
# closing incoherent
S(
    "de",
    "incoherent",
    [
        (
            "Wir danken ihr für die sehr wertvolle Zusammenarbeit, bedauern ihren Weggang sehr und wünschen ihr für die Zukunft alles Gute.",
            "Wir wünschen ihr für die Zukunft alles Gute.",
        )
    ],
    "Wir wünschen ihr",
)
S(
    "en",
    "incoherent",
    [
        (
            "We thank her for her very valuable work, regret her departure and wish her every success in the future.",
            "We wish her every success in the future.",
        )
    ],
    "We wish her",
)
# placeholders
S("de", "placeholder", [("Frau Keller arbeitete", "Frau [Name] arbeitete")], "[Name]")
S("fr", "placeholder", [("née le 14 mai 1987", "née le __.__.____")], "__.__.____")
S(
    "it",
    "placeholder",
    [("La signora Keller ha sempre", "La signora XXX ha sempre")],
    "XXX",
)
S("en", "placeholder", [("Ms Keller always", "Ms Meier always")], "Meier")
S("en", "placeholder", [("Her conduct towards", "His/her conduct towards")], "His/her")
# manager without leadership
S(
    "de",
    "omission",
    [],
    "Ihre Leistungen fanden",
    is_manager=True,
    function="Leiterin Buchhaltung",
)
S(
    "en",
    "omission",
    [],
    "Her performance was",
    is_manager=True,
    function="Head of Accounting",
)
S(
    "de",
    None,
    [
        (
            "Ihr Verhalten gegenüber",
            "Ihr Team führte sie stets umsichtig, motivierend und zielorientiert. Ihr Verhalten gegenüber",
        )
    ],
    is_manager=True,
)
S(
    "en",
    None,
    [
        (
            "Her conduct towards",
            "She led her team of five with great skill and was a respected superior. Her conduct towards",
        )
    ],
    is_manager=True,
)
S(
    "fr",
    None,
    [
        (
            "Son comportement envers",
            "Elle a dirigé son équipe avec beaucoup de compétence et d'empathie. Son comportement envers",
        )
    ],
    is_manager=True,
)
S(
    "it",
    None,
    [
        (
            "Il suo comportamento nei",
            "Ha guidato il suo team con grande competenza. Il suo comportamento nei",
        )
    ],
    is_manager=True,
)
# ---- round 3
# tense: interim in past tense
IT_DE = dict(type="interim", end=None)
S(
    "de",
    "tense",
    [
        (
            "war vom 1. März 2018 bis 31. August 2024 als Sachbearbeiterin Buchhaltung in unserer Firma tätig",
            "war seit dem 1. März 2018 als Sachbearbeiterin Buchhaltung in unserer Firma tätig",
        ),
        (
            "Frau Keller verlässt uns auf eigenen Wunsch. ",
            "Dieses Zwischenzeugnis wird auf Wunsch von Frau Keller ausgestellt. ",
        ),
    ],
    "war seit dem 1. März 2018",
    **IT_DE,
)
S(
    "en",
    "tense",
    [
        (
            "worked for our company from 1 March 2018 to 31 August 2024 as",
            "worked for our company from 1 March 2018 as",
        ),
        (
            "Ms Keller is leaving us at her own request. ",
            "This interim reference is issued at her request. ",
        ),
    ],
    "worked for our company",
    **IT_DE,
)
S(
    "fr",
    "tense",
    [
        (
            "a travaillé dans notre entreprise du 1er mars 2018 au 31 août 2024",
            "a travaillé dans notre entreprise depuis le 1er mars 2018",
        ),
        (
            "Madame Keller nous quitte de son plein gré. ",
            "Ce certificat intermédiaire est établi à sa demande. ",
        ),
    ],
    "a travaillé dans notre entreprise",
    **IT_DE,
)
# clean interim in present tense
S(
    "de",
    None,
    [
        (
            "war vom 1. März 2018 bis 31. August 2024 als Sachbearbeiterin Buchhaltung in unserer Firma tätig",
            "ist seit dem 1. März 2018 als Sachbearbeiterin Buchhaltung in unserer Firma tätig",
        ),
        ("Zu ihren Aufgaben gehörten", "Zu ihren Aufgaben gehören"),
        ("arbeitete stets", "arbeitet stets"),
        ("fanden stets", "finden stets"),
        ("war stets vorbildlich", "ist stets vorbildlich"),
        (
            "Frau Keller verlässt uns auf eigenen Wunsch. Wir danken ihr für die sehr wertvolle Zusammenarbeit, bedauern ihren Weggang sehr und wünschen ihr für die Zukunft alles Gute.",
            "Dieses Zwischenzeugnis wird auf Wunsch von Frau Keller ausgestellt. Wir danken ihr für die wertvolle Arbeit und freuen uns auf die weitere Zusammenarbeit.",
        ),
    ],
    **IT_DE,
)
S(
    "en",
    None,
    [
        (
            "worked for our company from 1 March 2018 to 31 August 2024 as",
            "has been working for our company since 1 March 2018 as",
        ),
        ("Her duties included", "Her duties include"),
        ("Ms Keller always worked", "Ms Keller always works"),
        ("Her performance was always", "Her performance is always"),
        (
            "Her conduct towards superiors and colleagues was always",
            "Her conduct towards superiors and colleagues is always",
        ),
        (
            "Ms Keller is leaving us at her own request. We thank her for her very valuable work, regret her departure and wish her every success in the future.",
            "This interim reference is issued at Ms Keller's request. We thank her for her valuable work and look forward to continuing our collaboration.",
        ),
    ],
    **IT_DE,
)
# full in present tense
S(
    "de",
    "tense",
    [
        (
            "war vom 1. März 2018 bis 31. August 2024 als Sachbearbeiterin Buchhaltung in unserer Firma tätig",
            "ist seit dem 1. März 2018 als Sachbearbeiterin Buchhaltung in unserer Firma tätig",
        )
    ],
    "ist seit dem 1. März 2018",
)
# confirmation with assessment
CONF = dict(type="confirmation")


def conf(lang, extra):
    return {
        "de": "Frau Sandra Keller, geboren am 14. Mai 1987, von Aarau AG, war vom 1. März 2018 bis 31. August 2024 als Sachbearbeiterin Buchhaltung in unserer Firma tätig. "
        + extra
        + "\n\nFrau Keller verlässt uns auf eigenen Wunsch.",
        "en": "Ms Sandra Keller, born on 14 May 1987, citizen of Aarau AG, worked for our company from 1 March 2018 to 31 August 2024 as an Accountant. "
        + extra
        + "\n\nMs Keller is leaving at her own request.",
        "fr": "Madame Sandra Keller, née le 14 mai 1987, originaire d'Aarau (AG), a travaillé dans notre entreprise du 1er mars 2018 au 31 août 2024 en qualité de comptable. "
        + extra
        + "\n\nMadame Keller nous quitte de son plein gré.",
        "it": "La signora Sandra Keller, nata il 14 maggio 1987, attinente di Aarau AG, ha lavorato presso la nostra ditta dal 1° marzo 2018 al 31 agosto 2024 in qualità di contabile. "
        + extra
        + "\n\nLa signora Keller lascia la nostra ditta di sua spontanea volontà.",
    }[lang]


for lang, extra, kind in [
    (
        "de",
        "Sie war eine sehr geschätzte und verlässliche Mitarbeiterin.",
        "type_content",
    ),
    ("de", "Wir haben sie als kompetente Fachfrau kennengelernt.", "type_content"),
    ("en", "She was a reliable and much appreciated colleague.", "type_content"),
    ("en", "She carried out her work conscientiously.", "type_content"),
    ("fr", "Elle s'est montrée fiable et très compétente.", "type_content"),
    (
        "it",
        "Si è dimostrata una collaboratrice affidabile e molto apprezzata.",
        "type_content",
    ),
    ("it", "Ha svolto il suo lavoro con grande precisione.", "type_content"),
    (
        "de",
        "Ihre Aufgaben umfassten die Kreditorenbuchhaltung und den Zahlungsverkehr.",
        None,
    ),
    ("en", "Her duties comprised accounts payable and payments.", None),
    ("fr", "Ses tâches comprenaient la comptabilité fournisseurs.", None),
]:
    t = conf(lang, extra)
    T(lang, t, kind, extra if kind else None, **CONF)
# coded more
P("de", "P", "Sie erledigte alle Arbeiten mit grossem Fleiss und Interesse.", "coded")
P("de", "C", "Sie galt im Team als umgänglich und war bei allen Festen dabei.", "coded")
P(
    "en",
    "P",
    "She showed great enthusiasm but did not always achieve the desired results.",
    "coded",
)
P("fr", "P", "Elle s'est efforcée de répondre aux exigences de son poste.", "coded")
P("it", "P", "Ha cercato di soddisfare le esigenze del suo posto.", "coded")
P("en", "C", "She was known among colleagues for her sociable nature.", "coded")
P(
    "de",
    "P",
    "Sie setzte sich mit grossem Engagement für die Belange der Belegschaft ein.",
    "coded",
)
# address
P(
    "de",
    "C",
    "Frau Keller, wohnhaft an der Bahnhofstrasse 12 in 5000 Aarau, war stets erreichbar.",
    "address",
)
P(
    "fr",
    "C",
    "Madame Keller, domiciliée Rue du Lac 5, 1000 Lausanne, était toujours joignable.",
    "address",
)
P(
    "en",
    "C",
    "Ms Keller, who lives at 12 Station Road, 5000 Aarau, was always reachable.",
    "address",
)
P(
    "it",
    "C",
    "La signora Keller, residente in via Roma 5 a 6900 Lugano, era sempre raggiungibile.",
    "address",
)
# names of others are fine
P(
    "de",
    "C",
    "Mit ihrer Vorgesetzten, Frau Dr. Brunner, arbeitete sie eng zusammen.",
    None,
)
P("en", "C", "She worked closely with our CFO, Mr Peter Brunner.", None)
P(
    "fr",
    "C",
    "Elle a collaboré étroitement avec notre directeur, Monsieur Paul Favre.",
    None,
)
# dates in body are fine
P("de", "P", "Im Jahr 2021 führte sie ein neues Kreditorensystem ein.", None)
P("en", "P", "In 2021 she introduced a new accounts payable system.", None)
P("fr", "P", "En 2021, elle a introduit un nouveau logiciel de comptabilité.", None)
P("it", "P", "Nel 2021 ha introdotto un nuovo sistema contabile.", None)
# ---- round 4: function paraphrases (clean)
S(
    "de",
    None,
    [("als Sachbearbeiterin Buchhaltung", "als Sachbearbeiterin in der Buchhaltung")],
)
S(
    "de",
    None,
    [("als Sachbearbeiterin Buchhaltung", "als Buchhaltungssachbearbeiterin")],
)
S(
    "fr",
    None,
    [("en qualité de comptable", "comme comptable")],
    function="Comptable CFC",
)
S(
    "fr",
    None,
    [("en qualité de comptable", "en tant que gestionnaire des salaires")],
    function="Gestionnaire salaires",
)
S(
    "it",
    None,
    [("in qualità di contabile", "come impiegata contabile")],
    function="Impiegata contabile",
)
S(
    "en",
    None,
    [("as an Accountant", "as Senior Accountant")],
    function="Senior Accountant",
)
S(
    "en",
    None,
    [("as an Accountant", "as a payroll specialist")],
    function="Payroll Specialist",
)
S(
    "de",
    None,
    [("als Sachbearbeiterin Buchhaltung", "als kaufmännische Angestellte")],
    function="Kaufmännische Angestellte",
)
S(
    "de",
    None,
    [("als Sachbearbeiterin Buchhaltung", "als Fachfrau Gesundheit EFZ")],
    function="Fachfrau Gesundheit EFZ",
)
S(
    "de",
    None,
    [("als Sachbearbeiterin Buchhaltung", "als Leiterin der Buchhaltung")],
    function="Leiterin Buchhaltung",
)
S(
    "fr",
    None,
    [("en qualité de comptable", "en qualité de responsable de la comptabilité")],
    function="Responsable comptabilité",
)
S(
    "it",
    None,
    [("in qualità di contabile", "in qualità di responsabile della contabilità")],
    function="Responsabile contabilità",
)
# name variants
S(
    "de",
    None,
    [("Frau Sandra Keller, geboren", "Frau Sandra Keller-Meier, geboren")],
    employee_name="Sandra Keller-Meier",
)
S("fr", None, [], employee_name="Sandra Keller")
# other-person names in closing/assessment
P(
    "de",
    "C",
    "Ihre Vorgesetzte, Frau Brunner, schätzte ihre Selbständigkeit sehr.",
    None,
)
P(
    "it",
    "C",
    "Ha collaborato strettamente con il nostro direttore, il signor Bernasconi.",
    None,
)
# birth date in other formats
S("de", None, [("geboren am 14. Mai 1987", "geb. 14.05.1987")])
S("fr", None, [("née le 14 mai 1987", "née le 14.05.1987")])
S("en", None, [("born on 14 May 1987", "born 14.05.1987")])
S("it", None, [("nata il 14 maggio 1987", "nata il 14.5.1987")])
S("en", None, [("born on 14 May 1987", "date of birth 14 May 1987")])
# grades read from the text with the form empty; closing cold / warm
S(
    "de",
    "incoherent",
    [
        (
            "Ihre Leistungen fanden stets unsere vollste Zufriedenheit.",
            "Ihre Leistungen entsprachen im Allgemeinen unseren Erwartungen.",
        ),
        (
            "Ihr Verhalten gegenüber Vorgesetzten, Kolleginnen und Kollegen war stets vorbildlich.",
            "Ihr Verhalten gegenüber Vorgesetzten und Kollegen war korrekt.",
        ),
    ],
    "Wir danken ihr für die sehr wertvolle",
)
S(
    "en",
    "incoherent",
    [
        (
            "Her performance was always to our complete satisfaction.",
            "Her performance was satisfactory.",
        ),
        (
            "Her conduct towards superiors and colleagues was always exemplary.",
            "Her conduct towards superiors and colleagues was correct.",
        ),
    ],
    "We thank her for her very valuable",
)
# form grades vs text
S(
    "de",
    "incoherent",
    [
        (
            "Ihre Leistungen fanden stets unsere vollste Zufriedenheit.",
            "Ihre Leistungen fanden unsere Zufriedenheit.",
        )
    ],
    "Ihre Leistungen fanden unsere",
    grades={"performance": 5, "conduct": 5},
)
S("de", None, [], grades={"performance": 5, "conduct": 5})
S("fr", None, [], grades={"performance": 5, "conduct": 5})
S("it", None, [], grades={"performance": 5, "conduct": 5})
S("en", None, [], grades={"performance": 5, "conduct": 5})
S(
    "de",
    None,
    [
        (
            "Ihre Leistungen fanden stets unsere vollste Zufriedenheit.",
            "Ihre Leistungen fanden stets unsere volle Zufriedenheit.",
        ),
        ("war stets vorbildlich", "war stets einwandfrei"),
        ("bedauern ihren Weggang sehr und", ""),
    ],
    grades={"performance": 4, "conduct": 4},
)
S(
    "en",
    None,
    [
        ("to our complete satisfaction", "to our full satisfaction"),
        ("was always exemplary", "was very good"),
    ],
    grades={"performance": 4, "conduct": 4},
)
S(
    "fr",
    None,
    [
        (
            "Ses prestations nous ont toujours donné entière satisfaction.",
            "Ses prestations nous ont donné entière satisfaction.",
        ),
        ("a toujours été irréprochable", "était très bon"),
    ],
    grades={"performance": 4, "conduct": 4},
)
S(
    "it",
    None,
    [
        (
            "Le sue prestazioni ci hanno sempre pienamente e completamente soddisfatto.",
            "Le sue prestazioni sono state molto buone.",
        ),
        ("è sempre stato esemplare", "è stato molto buono"),
    ],
    grades={"performance": 4, "conduct": 4},
)
# ---- round 5: politics / union names
P(
    "de",
    "C",
    "Seit 2021 vertritt sie die Grünliberalen im Kantonsparlament.",
    "politics",
)
P(
    "de",
    "C",
    "Als Vizepräsidentin der Jungen Mitte Aargau bewies sie Organisationstalent.",
    "politics",
)
P("de", "C", "Sie kandidierte 2023 erfolglos für den Nationalrat.", "politics")
P(
    "fr",
    "C",
    "Elle est par ailleurs vice-présidente des Vert-e-s de sa commune.",
    "politics",
)
P(
    "fr",
    "C",
    "Candidate au Conseil national en 2023, elle a su concilier campagne et travail.",
    "politics",
)
P("it", "C", "È inoltre vicepresidente della sezione locale del Centro.", "politics")
P("it", "C", "Nel 2023 si è candidata al Consiglio nazionale per i Verdi.", "politics")
P(
    "en",
    "C",
    "She is also vice-president of the local branch of the Social Democrats.",
    "politics",
)
P("en", "C", "In 2023 she stood for election to the National Council.", "politics")
P(
    "de",
    "C",
    "Als Mitglied des KV Schweiz besuchte sie regelmässig Weiterbildungen.",
    "union",
)
P("de", "C", "Im VPOD war sie als Delegierte aktiv.", "union")
P("it", "C", "È attiva nel sindacato VPOD del Ticino.", "union")
P("en", "C", "She is an active member of the VPOD public-service union.", "union")
P(
    "en",
    "C",
    "He represented his colleagues in the staff committee for several years.",
    "union",
)
P(
    "fr",
    "C",
    "Elle a représenté ses collègues au sein de la commission du personnel.",
    "union",
)
# work traps (no high) in neutral companies
P(
    "de",
    "P",
    "Sie organisierte den Besuch einer Delegation des Grossen Rates in unserem Betrieb.",
    None,
)
P(
    "en",
    "P",
    "She prepared the documents for the negotiations with the unions on behalf of the management.",
    None,
)
P(
    "fr",
    "P",
    "Elle a préparé la visite d'une délégation du Grand Conseil dans notre entreprise.",
    None,
)
P(
    "de",
    "P",
    "Sie betreute die Kundschaft der Kirchgemeinden und Pfarreien in der ganzen Region.",
    None,
)
P(
    "en",
    "P",
    "She handled the accounts of several parishes and church foundations.",
    None,
)
P("it", "P", "Curava la contabilità di diverse parrocchie della regione.", None)
P(
    "de",
    "P",
    "Sie bearbeitete Krankheits- und Unfallmeldungen der Mitarbeitenden.",
    None,
)
P(
    "fr",
    "P",
    "Elle traitait les déclarations de maladie et d'accident des collaborateurs.",
    None,
)
# ---- round 6: frames around the text
S(
    "de",
    None,
    [("Frau Sandra Keller, geboren", "ARBEITSZEUGNIS\n\nFrau Sandra Keller, geboren")],
)
S(
    "de",
    None,
    [
        (
            "Frau Sandra Keller, geboren",
            "Arbeitszeugnis\n\nBern, 31. August 2024\n\nFrau Sandra Keller, geboren",
        )
    ],
)
S(
    "de",
    None,
    [
        (
            "wünschen ihr für die Zukunft alles Gute.",
            "wünschen ihr für die Zukunft alles Gute.\n\nBern, 31. August 2024\n\nMuster Treuhand AG\n\nPeter Brunner\nGeschäftsführer",
        )
    ],
)
S(
    "en",
    None,
    [
        (
            "wish her every success in the future.",
            "wish her every success in the future.\n\nBern, 31 August 2024\n\nMuster Treuhand AG\nPeter Brunner, CEO",
        )
    ],
)
S(
    "fr",
    None,
    [
        (
            "Madame Sandra Keller, née",
            "CERTIFICAT DE TRAVAIL\n\nMadame Sandra Keller, née",
        )
    ],
)
S("it", None, [("lascia la nostra ditta", "lascia la nostra ditta")])
S("de", None, [("\n\n", "\n")])
S("en", None, [("\n\n", "\n")])
S(
    "de",
    None,
    [
        (
            "Zu ihren Aufgaben gehörten die Kreditorenbuchhaltung, der Zahlungsverkehr und die Mitarbeit beim Jahresabschluss.",
            "Zu ihren Aufgaben gehörten:\n• Kreditorenbuchhaltung\n• Zahlungsverkehr\n• Mitarbeit beim Jahresabschluss",
        )
    ],
)
S(
    "en",
    None,
    [
        (
            "Her duties included accounts payable, payments and assisting with the annual closing.",
            "Her main duties were:\n- accounts payable\n- payments\n- assisting with the annual closing",
        )
    ],
)
# ---- round 7
S(
    "de",
    "placeholder",
    [("als Sachbearbeiterin Buchhaltung", "als <Funktion>")],
    "<Funktion>",
)
S(
    "de",
    "placeholder",
    [("Frau Keller arbeitete", "Frau {{nachname}} arbeitete")],
    "{{nachname}}",
)
S(
    "de",
    "placeholder",
    [("Frau Keller arbeitete", "Herr/Frau Keller arbeitete")],
    "Herr/Frau",
)
S(
    "de",
    "placeholder",
    [("Wir danken ihr für", "Wir danken Frau Brunner für")],
    "Brunner",
)
S(
    "fr",
    "placeholder",
    [("Nous la remercions vivement", "Nous remercions vivement Madame Favre")],
    "Favre",
)
S(
    "it",
    "placeholder",
    [("La ringraziamo per", "Ringraziamo la signora Bernasconi per")],
    "Bernasconi",
)
S(
    "en",
    "placeholder",
    [("Ms Keller always worked", "Ms Brunner always worked")],
    "Brunner",
)
S(
    "de",
    "placeholder",
    [("vom 1. März 2018 bis 31. August 2024", "vom 1. März 2018 bis TT.MM.JJJJ")],
    "TT.MM.JJJJ",
)
S(
    "fr",
    "placeholder",
    [("du 1er mars 2018 au 31 août 2024", "du 1er mars 2018 au JJ.MM.AAAA")],
    "JJ.MM.AAAA",
)
S(
    "it",
    "placeholder",
    [("dal 1° marzo 2018 al 31 agosto 2024", "dal 1° marzo 2018 al GG.MM.AAAA")],
    "GG.MM.AAAA",
)
S("en", "placeholder", [("to 31 August 2024", "to DD.MM.YYYY")], "DD.MM.YYYY")
S(
    "en",
    "placeholder",
    [("Ms Keller always worked", "Ms [surname] always worked")],
    "[surname]",
)
S(
    "de",
    "placeholder",
    [("Frau Keller arbeitete", "Frau Keller arbeitete (Text aus Vorlage ergänzen)")],
    "(Text aus Vorlage ergänzen)",
)
S("de", "placeholder", [("Frau Keller arbeitete", "Frau NAME arbeitete")], "NAME")
S("fr", "placeholder", [("Madame Keller a toujours", "Madame NOM a toujours")], "NOM")
# leaving reasons more
P(
    "de",
    "E",
    "Infolge der Schliessung unseres Standorts Aarau endet das Arbeitsverhältnis.",
    "leaving_reason",
)
P(
    "de",
    "E",
    "Das Arbeitsverhältnis wurde von uns ordentlich gekündigt.",
    "leaving_reason",
)
P(
    "de",
    "E",
    "Sie verlässt uns, weil ihre Stelle im Zuge der Digitalisierung wegfällt.",
    "leaving_reason",
)
P(
    "fr",
    "E",
    "Son poste ayant été supprimé dans le cadre d'une réorganisation, elle nous quitte.",
    "leaving_reason",
)
P(
    "it",
    "E",
    "Il suo posto è stato soppresso nell'ambito di una riorganizzazione.",
    "leaving_reason",
)
P(
    "en",
    "E",
    "Her position became redundant following the merger with our parent company.",
    "leaving_reason",
)
P(
    "en",
    "E",
    "After differences of opinion about the future direction of the department, we agreed to part.",
    "leaving_reason",
)
P(
    "de",
    "E",
    "Nach Meinungsverschiedenheiten über die Ausrichtung der Abteilung haben wir uns getrennt.",
    "leaving_reason",
)
# leaving traps
P("de", "E", "Sie tritt per Ende August 2024 in den wohlverdienten Ruhestand.", None)
P("fr", "E", "Elle prend une retraite bien méritée.", None)
P("en", "E", "She is leaving us to take up a position closer to home.", None)
P(
    "de",
    "E",
    "Sie verlässt uns, um ein Studium an der Fachhochschule zu beginnen.",
    None,
)
P("it", "E", "Ci lascia per intraprendere uno studio universitario.", None)
P("fr", "E", "Elle nous quitte pour entreprendre des études.", None)

T(
    "de",
    "Frau Laura Steiner, geboren am 3.2.1990, von Thun BE, arbeitete vom 1.5.2016 bis 30.4.2024 als Pflegefachfrau HF auf unserer medizinischen Station.\n\n"
    "Sie pflegte und betreute kranke und betagte Patientinnen und Patienten, darunter viele mit Krebs, Diabetes und nach Herzinfarkt oder Schlaganfall. Sie begleitete Sterbende und ihre Angehörigen, wirkte bei der Austrittsplanung mit und bildete Lernende aus.\n\n"
    "Frau Steiner verfügt über ein sehr fundiertes Fachwissen. Sie arbeitete stets sehr sorgfältig und umsichtig, auch in hektischen Situationen. Ihre Leistungen waren stets sehr gut.\n\n"
    "Bei Patienten, Angehörigen, Ärzten und im Team war sie sehr geschätzt. Ihr Verhalten war stets einwandfrei.\n\n"
    "Frau Steiner verlässt uns auf eigenen Wunsch. Wir danken ihr für ihren wertvollen Einsatz, bedauern ihren Weggang und wünschen ihr alles Gute.",
    employee_name="Laura Steiner",
    birth_date=datetime.date(1990, 2, 3),
    origin="Thun BE",
    function="Pflegefachfrau HF",
    start=datetime.date(2016, 5, 1),
    end=datetime.date(2024, 4, 30),
    company_name="Spital Thun AG",
)
T(
    "fr",
    "Madame Laura Steiner, née le 3 février 1990, originaire de Thoune (BE), a travaillé du 1er mai 2016 au 30 avril 2024 en qualité de sage-femme dans notre maternité.\n\n"
    "Elle accompagnait les femmes enceintes durant la grossesse, l'accouchement et le post-partum, assurait les consultations prénatales et les cours de préparation à la naissance, et prenait en charge les nouveau-nés et leurs mères, y compris lors de complications et de césariennes.\n\n"
    "Madame Steiner dispose d'excellentes compétences professionnelles. Elle a toujours travaillé de manière très consciencieuse et calme. Ses prestations nous ont donné entière satisfaction.\n\n"
    "Son comportement envers les patientes, ses supérieurs et ses collègues était irréprochable.\n\n"
    "Madame Steiner nous quitte à sa demande. Nous la remercions pour son engagement et lui souhaitons plein succès.",
    employee_name="Laura Steiner",
    birth_date=datetime.date(1990, 2, 3),
    origin="Thoune BE",
    function="Sage-femme",
    start=datetime.date(2016, 5, 1),
    end=datetime.date(2024, 4, 30),
    company_name="Hôpital de la Riviera",
)
T(
    "de",
    "Herr Marco Frei, geboren am 8. Juli 1979, von Olten SO, war vom 1. Januar 2015 bis zum 31. Dezember 2023 als Gewerkschaftssekretär bei der Unia Region Bern angestellt.\n\n"
    "Er betreute die Mitglieder im Baugewerbe, führte die Verhandlungen über Gesamtarbeitsverträge mit den Arbeitgeberverbänden, organisierte Streiks und Protestaktionen und vertrat Mitglieder vor dem Arbeitsgericht. Zudem war er verantwortlich für die Gewinnung neuer Mitglieder.\n\n"
    "Herr Frei war ein hartnäckiger und geschickter Verhandler. Seine Leistungen fanden stets unsere volle Zufriedenheit.\n\n"
    "Sein Verhalten gegenüber Vorgesetzten, Kollegen und Mitgliedern war stets einwandfrei.\n\n"
    "Herr Frei verlässt uns auf eigenen Wunsch. Wir danken ihm für seine Arbeit, bedauern seinen Weggang und wünschen ihm für die Zukunft alles Gute.",
    employee_name="Marco Frei",
    gender="m",
    birth_date=datetime.date(1979, 7, 8),
    origin="Olten SO",
    function="Gewerkschaftssekretär",
    start=datetime.date(2015, 1, 1),
    end=datetime.date(2023, 12, 31),
    company_name="Unia Region Bern",
)
T(
    "it",
    "Il signor Marco Frei, nato l'8 luglio 1979, attinente di Olten SO, ha lavorato dal 1° gennaio 2015 al 31 dicembre 2023 in qualità di pastore presso la nostra parrocchia evangelica riformata.\n\n"
    "Celebrava i culti domenicali, i battesimi, i matrimoni e i funerali, curava la pastorale degli anziani e dei malati, insegnava religione e accompagnava i giovani nel catechismo. Presiedeva inoltre le riunioni del consiglio parrocchiale.\n\n"
    "Il signor Frei ha svolto il suo ministero con grande dedizione. Le sue prestazioni ci hanno sempre pienamente soddisfatto.\n\n"
    "Il suo comportamento nei confronti dei fedeli, del consiglio e dei collaboratori è sempre stato esemplare.\n\n"
    "Il signor Frei lascia la nostra parrocchia di sua spontanea volontà. Lo ringraziamo di cuore e gli auguriamo ogni bene.",
    employee_name="Marco Frei",
    gender="m",
    birth_date=datetime.date(1979, 7, 8),
    origin="Olten SO",
    function="Pastore",
    start=datetime.date(2015, 1, 1),
    end=datetime.date(2023, 12, 31),
    company_name="Parrocchia evangelica riformata di Lugano",
)
T(
    "en",
    "Ms Laura Steiner, born on 3 February 1990, citizen of Thun BE, worked as a Legal Assistant in our law firm from 1 May 2016 until 30 April 2024.\n\n"
    "She assisted the partners in criminal and family law cases. She prepared pleadings and appeals, organised the files of criminal proceedings, attended court hearings, corresponded with the public prosecutor's office and the prison, and looked after clients in divorce and custody proceedings.\n\n"
    "Ms Steiner has an excellent knowledge of procedural law. She always worked very reliably and precisely. Her performance was always to our complete satisfaction.\n\n"
    "Her conduct towards partners, colleagues and clients was always exemplary.\n\n"
    "Ms Steiner is leaving us at her own request. We thank her for her valuable work, regret her departure and wish her all the best.",
    employee_name="Laura Steiner",
    birth_date=datetime.date(1990, 2, 3),
    origin="Thun BE",
    function="Legal Assistant",
    start=datetime.date(2016, 5, 1),
    end=datetime.date(2024, 4, 30),
    company_name="Keller & Partner Attorneys",
)
T(
    "en",
    "Ms Laura Steiner, born on February 3, 1990, citizen of Thun BE, worked in our hospital from May 1, 2016 to April 30, 2024 as a Discharge Manager.\n\n"
    "She organised the discharge of patients after surgery, illness or accidents, arranged rehabilitation, home care and nursing home places, and obtained cost approvals from health and accident insurers and disability insurance.\n\n"
    "Ms Steiner worked very independently and always kept an overview. She fulfilled her duties to our complete satisfaction.\n\n"
    "She was highly appreciated by patients, doctors and colleagues. Her behaviour was always impeccable.\n\n"
    "Ms Steiner leaves us at her own wish. We thank her for her commitment, regret her leaving and wish her every success.",
    employee_name="Laura Steiner",
    birth_date=datetime.date(1990, 2, 3),
    origin="Thun BE",
    function="Discharge Manager",
    start=datetime.date(2016, 5, 1),
    end=datetime.date(2024, 4, 30),
    company_name="Regional Hospital Thun",
)
T(
    "fr",
    "Monsieur Marco Frei, né le 8 juillet 1979, originaire d'Olten (SO), a travaillé du 1er janvier 2015 au 31 décembre 2023 comme chargé de communication au secrétariat du Parti socialiste vaudois.\n\n"
    "Il rédigeait les communiqués de presse du parti, préparait les campagnes électorales et les votations, conseillait les élus du Grand Conseil et les candidats, et gérait les réseaux sociaux.\n\n"
    "Monsieur Frei a accompli son travail avec beaucoup de professionnalisme. Ses prestations nous ont toujours donné entière satisfaction.\n\n"
    "Son comportement envers la direction du parti, ses collègues et les journalistes était irréprochable.\n\n"
    "Monsieur Frei nous quitte à sa demande. Nous le remercions et lui souhaitons plein succès.",
    employee_name="Marco Frei",
    gender="m",
    birth_date=datetime.date(1979, 7, 8),
    origin="Olten SO",
    function="Chargé de communication",
    start=datetime.date(2015, 1, 1),
    end=datetime.date(2023, 12, 31),
    company_name="Parti socialiste vaudois",
)
T(
    "de",
    "Frau Laura Steiner, geboren am 3. Februar 1990, von Thun BE, war vom 1. Mai 2016 bis 30. April 2024 als HR-Fachfrau in unserer Personalabteilung tätig.\n\n"
    "Sie war verantwortlich für die Lohnabrechnung von 300 Mitarbeitenden, die Meldungen an die Sozialversicherungen, die Bearbeitung von Krankheits- und Unfallmeldungen, die Administration der Krankentaggeldversicherung sowie die Mutterschaftsentschädigungen.\n\n"
    "Frau Steiner arbeitete stets sehr exakt. Ihre Leistungen fanden stets unsere vollste Zufriedenheit.\n\n"
    "Ihr Verhalten gegenüber Vorgesetzten, Kollegen und Mitarbeitenden war stets vorbildlich.\n\n"
    "Frau Steiner verlässt uns auf eigenen Wunsch. Wir danken ihr, bedauern ihren Weggang sehr und wünschen ihr alles Gute.",
    employee_name="Laura Steiner",
    birth_date=datetime.date(1990, 2, 3),
    origin="Thun BE",
    function="HR-Fachfrau",
    start=datetime.date(2016, 5, 1),
    end=datetime.date(2024, 4, 30),
    company_name="Muster AG",
)
APP_DE = (
    "Herr Luca Meier, geboren am 2. März 2005, von Baden AG, absolvierte vom 1. August 2021 bis 31. Juli 2024 in unserem Betrieb die Lehre als Polymechaniker EFZ.\n\n"
    "Während der Ausbildung lernte er das Drehen, Fräsen und Schleifen sowie das Programmieren von CNC-Maschinen. Er durchlief die Abteilungen Produktion, Montage und Qualitätssicherung.\n\n"
    "{A}"
    "Herr Meier hat die Lehrabschlussprüfung im Juni 2024 bestanden. Wir danken ihm für seinen Einsatz und wünschen ihm für die Zukunft alles Gute."
)
APP_FACTS = dict(
    type="apprenticeship",
    employee_name="Luca Meier",
    gender="m",
    birth_date=datetime.date(2005, 3, 2),
    origin="Baden AG",
    function="Polymechaniker EFZ",
    start=datetime.date(2021, 8, 1),
    end=datetime.date(2024, 7, 31),
)
A_OK = "Herr Meier arbeitete stets sehr exakt und zuverlässig. Seine Leistungen waren sehr gut. Sein Verhalten gegenüber Berufsbildnern und Mitarbeitenden war stets einwandfrei.\n\n"
T("de", APP_DE.format(A=A_OK), **APP_FACTS)
T("de", APP_DE.format(A=""), assessment_requested=False, **APP_FACTS)
T(
    "de",
    APP_DE.format(A=A_OK),
    "type_content",
    "Seine Leistungen waren sehr gut.",
    assessment_requested=False,
    **APP_FACTS,
)
T(
    "de",
    APP_DE.format(A=""),
    "omission",
    "Herr Meier hat die Lehrabschlussprüfung",
    assessment_requested=True,
    **APP_FACTS,
)
APP_EN = (
    "Mr Luca Meier, born on 2 March 2005, citizen of Baden AG, completed his apprenticeship as a Polymechanic with us from 1 August 2021 to 31 July 2024.\n\n"
    "During his training he learned turning, milling and grinding and the programming of CNC machines.\n\n{A}"
    "Mr Meier passed his final examinations in June 2024. We thank him for his commitment and wish him all the best for the future."
)
A_EN = "Mr Meier always worked very accurately and reliably. His performance was very good. His conduct towards his trainers and colleagues was always impeccable.\n\n"
T("en", APP_EN.format(A=A_EN), **dict(APP_FACTS, function="Polymechanic"))
T(
    "en",
    APP_EN.format(A=""),
    assessment_requested=False,
    **dict(APP_FACTS, function="Polymechanic"),
)
T(
    "en",
    APP_EN.format(A=A_EN),
    "type_content",
    "His performance was very good.",
    assessment_requested=False,
    **dict(APP_FACTS, function="Polymechanic"),
)

# ---- interim references written as if the employee had left
INTERIM = dict(type="interim", end=None)
S(
    "de",
    "tense",
    [
        (
            "war vom 1. März 2018 bis 31. August 2024 als Sachbearbeiterin Buchhaltung in unserer Firma tätig",
            "ist seit dem 1. März 2018 als Sachbearbeiterin Buchhaltung in unserer Firma tätig",
        ),
        (
            "Frau Keller verlässt uns auf eigenen Wunsch. Wir danken ihr für die sehr wertvolle Zusammenarbeit, bedauern ihren Weggang sehr und wünschen ihr für die Zukunft alles Gute.",
            "Dieses Zwischenzeugnis wird auf Wunsch von Frau Keller ausgestellt. Wir danken ihr für die wertvolle Zusammenarbeit, bedauerten ihren Weggang sehr und wünschten ihr alles Gute.",
        ),
    ],
    "bedauerten ihren Weggang",
    **INTERIM,
)
S(
    "en",
    "tense",
    [
        (
            "worked for our company from 1 March 2018 to 31 August 2024 as",
            "has been working for our company since 1 March 2018 as",
        ),
        ("Her duties included", "Her duties include"),
        ("Ms Keller always worked", "Ms Keller always works"),
        (
            "Ms Keller is leaving us at her own request. We thank her for her very valuable work, regret her departure and wish her every success in the future.",
            "This interim reference is issued at her request. Ms Keller left us at the end of August; we thanked her for her work and wished her well.",
        ),
    ],
    "Ms Keller left us at the end of August",
    **INTERIM,
)
S(
    "fr",
    "tense",
    [
        (
            "a travaillé dans notre entreprise du 1er mars 2018 au 31 août 2024",
            "travaille dans notre entreprise depuis le 1er mars 2018",
        ),
        ("Ses tâches comprenaient", "Ses tâches comprennent"),
        (
            "Madame Keller nous quitte de son plein gré. Nous la remercions vivement pour sa précieuse collaboration, regrettons son départ et lui souhaitons plein succès pour l'avenir.",
            "Ce certificat intermédiaire est établi à sa demande. Madame Keller nous a quittés en août ; nous avons regretté son départ.",
        ),
    ],
    "Madame Keller nous a quittés en août",
    **INTERIM,
)

# ---- private matters embedded in long sentences
P(
    "de",
    "P",
    "Auch in der schwierigen Zeit nach ihrer Scheidung, die sie im Herbst 2022 sehr beanspruchte, blieb ihre Arbeitsqualität hoch.",
    "private_life",
)
P(
    "de",
    "P",
    "Obwohl sie wegen ihrer Chemotherapie im Jahr 2022 während mehrerer Monate nur reduziert arbeiten konnte, hielt sie alle Termine ein.",
    "health",
)
P(
    "de",
    "C",
    "Ihr Engagement als Kirchenpflegerin der katholischen Kirchgemeinde Aarau kam auch unserem Team zugute.",
    "religion",
)
P(
    "de",
    "C",
    "Die Erfahrung aus ihrem Amt als Schulpflegerin für die FDP brachte sie gewinnbringend ein.",
    "politics",
)
P(
    "de",
    "C",
    "Als Vertrauensperson der Unia im Betrieb suchte sie stets den Ausgleich.",
    "union",
)
P(
    "fr",
    "P",
    "Même pendant la période difficile de son divorce, à l'automne 2022, la qualité de son travail est restée élevée.",
    "private_life",
)
P(
    "fr",
    "P",
    "Bien que sa chimiothérapie l'ait contrainte à réduire son taux d'activité pendant plusieurs mois, elle a tenu tous les délais.",
    "health",
)
P(
    "fr",
    "C",
    "Son engagement au sein du conseil de paroisse catholique de Sion a également profité à notre équipe.",
    "religion",
)
P(
    "fr",
    "C",
    "L'expérience acquise dans son mandat de conseillère générale UDC lui a été utile.",
    "politics",
)
P(
    "fr",
    "C",
    "En tant que personne de confiance d'Unia dans l'entreprise, elle a toujours recherché le compromis.",
    "union",
)
P(
    "it",
    "P",
    "Anche nel periodo difficile del suo divorzio, nell'autunno 2022, la qualità del suo lavoro è rimasta alta.",
    "private_life",
)
P(
    "it",
    "P",
    "Sebbene la chemioterapia l'abbia costretta a ridurre il grado di occupazione per diversi mesi, ha rispettato tutte le scadenze.",
    "health",
)
P(
    "it",
    "C",
    "Il suo impegno nel consiglio parrocchiale cattolico di Bellinzona ha giovato anche al nostro team.",
    "religion",
)
P(
    "it",
    "C",
    "L'esperienza maturata come consigliera comunale della Lega le è stata utile.",
    "politics",
)
P(
    "it",
    "C",
    "Quale persona di fiducia dell'OCST in azienda ha sempre cercato il compromesso.",
    "union",
)
P(
    "en",
    "P",
    "Even during the difficult period of her divorce in autumn 2022, the quality of her work remained high.",
    "private_life",
)
P(
    "en",
    "P",
    "Although her chemotherapy forced her to reduce her hours for several months, she met all deadlines.",
    "health",
)
P(
    "en",
    "C",
    "Her commitment on the parish council of the Catholic church in Zug also benefited our team.",
    "religion",
)
P(
    "en",
    "C",
    "The experience she gained as an SVP member of the municipal council proved useful.",
    "politics",
)
P(
    "en",
    "C",
    "As Unia's shop steward in the company she always sought compromise.",
    "union",
)

# ---- codes in other words
P("de", "P", "Sie erledigte ihre Arbeit im Rahmen ihrer Fähigkeiten.", "coded")
P("de", "P", "Die ihr zugeteilten Arbeiten erledigte sie ordnungsgemäss.", "coded")
P("fr", "P", "Elle a accompli son travail dans la mesure de ses capacités.", "coded")
P("fr", "P", "Elle a exécuté son travail selon les instructions reçues.", "coded")
P("it", "P", "Ha svolto il suo lavoro nei limiti delle sue capacità.", "coded")
P("it", "P", "Ha eseguito il lavoro secondo le nostre indicazioni.", "coded")
P("en", "P", "She did her work within the scope of her abilities.", "coded")
P("en", "P", "She carried out her work as instructed.", "coded")
P("en", "P", "She did everything in her power to meet the deadlines.", "coded")
P(
    "de",
    "P",
    "Sie erstellte die Abschlüsse nach den Vorgaben der Revisionsstelle.",
    None,
)
P("fr", "P", "Elle établissait les décomptes selon les directives de l'AVS.", None)
P("it", "P", "Allestiva i conteggi secondo le direttive dell'AVS.", None)
P(
    "en",
    "P",
    "She prepared the statements according to the auditors' requirements.",
    None,
)

# ---- a manager's reference: leadership must be assessed, not only named in the title or tasks
S(
    "de",
    "omission",
    [
        (
            "als Sachbearbeiterin Buchhaltung",
            "als Teamleiterin Buchhaltung mit fünf Mitarbeitenden",
        )
    ],
    "Ihre Leistungen fanden",
    is_manager=True,
    function="Teamleiterin Buchhaltung",
)
S(
    "de",
    "omission",
    [
        (
            "Zu ihren Aufgaben gehörten",
            "Sie führte ein Team von fünf Personen. Zu ihren Aufgaben gehörten",
        )
    ],
    "Ihre Leistungen fanden",
    is_manager=True,
    function="Teamleiterin Buchhaltung",
)
S(
    "en",
    "omission",
    [
        ("as an Accountant", "as Head of Accounting, leading a team of five"),
        ("Her duties included", "She managed a team of five. Her duties included"),
    ],
    "Her performance was",
    is_manager=True,
    function="Head of Accounting",
)
S(
    "fr",
    "omission",
    [
        (
            "en qualité de comptable",
            "en qualité de cheffe de la comptabilité, à la tête d'une équipe de cinq personnes",
        )
    ],
    "Ses prestations nous",
    is_manager=True,
    function="Cheffe de la comptabilité",
)
S(
    "it",
    "omission",
    [
        (
            "in qualità di contabile",
            "in qualità di capo contabile, alla guida di un team di cinque persone",
        )
    ],
    "Le sue prestazioni ci",
    is_manager=True,
    function="Capo contabile",
)

# ---- dates: a wrong one anywhere in the frame of the employment, the right one in any format
S(
    "de",
    "date_mismatch",
    [
        (
            "Frau Keller verlässt uns auf eigenen Wunsch.",
            "Frau Keller verlässt uns per 31. Juli 2024 auf eigenen Wunsch.",
        )
    ],
    "31. Juli 2024",
)
S(
    "de",
    "date_mismatch",
    [("vom 1. März 2018 bis 31. August 2024", "von März 2019 bis Ende August 2024")],
    "März 2019",
)
S(
    "fr",
    "date_mismatch",
    [
        (
            "Madame Keller nous quitte de son plein gré.",
            "Madame Keller nous quitte le 31 juillet 2024 de son plein gré.",
        )
    ],
    "31 juillet 2024",
)
S(
    "it",
    "date_mismatch",
    [("nata il 14 maggio 1987", "nata il 14 maggio 1986")],
    "14 maggio 1986",
)
S("en", "date_mismatch", [("to 31 August 2024", "to 31 July 2024")], "31 July 2024")
S(
    "de",
    None,
    [
        (
            "Frau Keller verlässt uns auf eigenen Wunsch.",
            "Frau Keller verlässt uns per 31. August 2024 auf eigenen Wunsch.",
        )
    ],
)
S("fr", None, [("du 1er mars 2018 au 31 août 2024", "du 1.3.2018 au 31.8.2024")])
S("it", None, [("dal 1° marzo 2018 al 31 agosto 2024", "dal 01.03.2018 al 31.08.2024")])
S(
    "en",
    None,
    [("from 1 March 2018 to 31 August 2024", "from 2018-03-01 to 2024-08-31")],
)

# ---- a reason for leaving outside the closing paragraph
S(
    "de",
    "leaving_reason",
    [
        (
            "in unserer Firma tätig.",
            "in unserer Firma tätig. Das Arbeitsverhältnis wurde von uns aus wirtschaftlichen Gründen gekündigt.",
        )
    ],
    "aus wirtschaftlichen Gründen gekündigt",
)
S(
    "en",
    "leaving_reason",
    [
        (
            "as an Accountant.",
            "as an Accountant. Her employment was terminated by the company as part of a restructuring.",
        )
    ],
    "terminated by the company",
)
S(
    "fr",
    "leaving_reason",
    [
        (
            "en qualité de comptable.",
            "en qualité de comptable. Son contrat a été résilié par l'employeur pour des raisons économiques.",
        )
    ],
    "résilié par l'employeur",
)
S(
    "it",
    "leaving_reason",
    [
        (
            "in qualità di contabile.",
            "in qualità di contabile. Il rapporto di lavoro è stato disdetto dal datore di lavoro per motivi economici.",
        )
    ],
    "disdetto dal datore di lavoro",
)
P(
    "de",
    "P",
    "Sie bearbeitete Kündigungen und Austritte der Mitarbeitenden und die Auflösung von Arbeitsverhältnissen.",
    None,
)
P(
    "en",
    "P",
    "She handled the termination of employment contracts and exit interviews.",
    None,
)
P(
    "fr",
    "P",
    "Elle traitait les résiliations des contrats de travail du personnel.",
    None,
)
P("it", "P", "Gestiva le disdette dei contratti di lavoro del personale.", None)

# ---- health as a return to work, faith as food and prayer
P(
    "de",
    "P",
    "Nach der stufenweisen Wiedereingliederung im Jahr 2023 arbeitete sie wieder zu 100 %.",
    "health",
)
P(
    "fr",
    "P",
    "Après une réintégration progressive en 2023, elle a repris son activité à plein temps.",
    "health",
)
P(
    "it",
    "P",
    "Dopo un reinserimento progressivo nel 2023 ha ripreso a lavorare a tempo pieno.",
    "health",
)
P(
    "en",
    "P",
    "After a phased return in 2023 she went back to working full time.",
    "health",
)
P("de", "C", "Wir nahmen gerne Rücksicht auf ihre Gebetszeiten.", "religion")
P("en", "C", "We were happy to provide halal meals at team events for her.", "religion")

# ---- performance assessed by meaning, without the satisfaction formula
S(
    "en",
    None,
    [
        (
            "Her performance was always to our complete satisfaction.",
            "Her work was always of a very high standard.",
        )
    ],
)
S(
    "en",
    None,
    [
        (
            "Her performance was always to our complete satisfaction.",
            "Her performance consistently exceeded our expectations.",
        )
    ],
)
S(
    "de",
    None,
    [
        (
            "Ihre Leistungen fanden stets unsere vollste Zufriedenheit.",
            "Ihre Arbeitsqualität war jederzeit sehr hoch.",
        )
    ],
)
S(
    "de",
    None,
    [
        (
            "Ihre Leistungen fanden stets unsere vollste Zufriedenheit.",
            "Mit ihren Leistungen waren wir stets sehr zufrieden.",
        )
    ],
)
S(
    "fr",
    None,
    [
        (
            "Ses prestations nous ont toujours donné entière satisfaction.",
            "La qualité de son travail a toujours été excellente.",
        )
    ],
)
S(
    "fr",
    None,
    [
        (
            "Ses prestations nous ont toujours donné entière satisfaction.",
            "Nous avons toujours été pleinement satisfaits de son travail.",
        )
    ],
)
S(
    "it",
    None,
    [
        (
            "Le sue prestazioni ci hanno sempre pienamente e completamente soddisfatto.",
            "La qualità del suo lavoro è sempre stata eccellente.",
        )
    ],
)
S(
    "it",
    None,
    [
        (
            "Le sue prestazioni ci hanno sempre pienamente e completamente soddisfatto.",
            "Siamo sempre stati molto soddisfatti del suo lavoro.",
        )
    ],
)

# ---- conduct assessed by meaning
S(
    "de",
    None,
    [
        (
            "Ihr Verhalten gegenüber Vorgesetzten, Kolleginnen und Kollegen war stets vorbildlich.",
            "Mit Vorgesetzten und Kollegen pflegte sie stets einen sehr guten und respektvollen Umgang.",
        )
    ],
)
S(
    "fr",
    None,
    [
        (
            "Son comportement envers ses supérieurs et ses collègues a toujours été irréprochable.",
            "Elle a toujours entretenu d'excellentes relations avec ses supérieurs et ses collègues.",
        )
    ],
)
S(
    "it",
    None,
    [
        (
            "Il suo comportamento nei confronti di superiori e colleghi è sempre stato esemplare.",
            "Ha sempre intrattenuto ottimi rapporti con superiori e colleghi.",
        )
    ],
)
S(
    "en",
    None,
    [
        (
            "Her conduct towards superiors and colleagues was always exemplary.",
            "She always got on extremely well with her superiors and colleagues.",
        )
    ],
)

# ---- church and union roles as one compound word
P(
    "de",
    "C",
    "Als langjährige Kirchgemeindepräsidentin bringt sie viel Erfahrung in der Leitung von Sitzungen mit.",
    "religion",
)
P(
    "de",
    "C",
    "Ihre Erfahrung als Pfarreiratsmitglied half ihr im Umgang mit Menschen.",
    "religion",
)
P(
    "de",
    "C",
    "Als Unia-Sektionspräsidentin kennt sie die Anliegen der Arbeitnehmenden.",
    "union",
)
P(
    "de",
    "C",
    "Seine Tätigkeit als SVP-Gemeinderat beeinträchtigte seine Arbeit nicht.",
    "politics",
)

# ---- private hobbies
P(
    "de",
    "C",
    "Als begeisterte Alpinistin verbringt sie jedes Wochenende in den Bergen.",
    "private_life",
)
P(
    "fr",
    "C",
    "Passionnée de voile, elle passe ses week-ends sur le lac.",
    "private_life",
)
P(
    "it",
    "C",
    "Appassionata di montagna, trascorre i fine settimana in alta quota.",
    "private_life",
)
P("en", "C", "A keen sailor, she spends her weekends on the lake.", "private_life")
P("de", "C", "In ihrer Freizeit singt sie in einem Chor.", "private_life")

# ---- an illness named by its gravity
P("de", "P", "Eine langwierige Krankheit zwang sie 2022 zu einer Pause.", "health")
P(
    "fr",
    "P",
    "Une maladie de longue durée l'a contrainte à interrompre son activité en 2022.",
    "health",
)
P(
    "it",
    "P",
    "Una lunga malattia l'ha costretta a interrompere l'attività nel 2022.",
    "health",
)
P("en", "P", "A serious illness forced her to take a break in 2022.", "health")
P(
    "de",
    "P",
    "Seit der schweren Erkrankung ihres Vaters arbeitet sie teilweise von zu Hause aus.",
    "private_life",
)
P(
    "en",
    "P",
    "Since her husband's serious illness she has worked partly from home.",
    "private_life",
)

# ---- the work's own subject: reporting, caring, the job's title (session 11)
REPORTER = dict(function="Redaktorin Politik", company_name="Muster Medien AG")
S(
    "de",
    None,
    [
        ("als Sachbearbeiterin Buchhaltung", "als Redaktorin Politik"),
        (
            "Zu ihren Aufgaben gehörten die Kreditorenbuchhaltung, der Zahlungsverkehr und die Mitarbeit beim Jahresabschluss.",
            "Sie berichtete über die Sessionen des Kantonsrates und führte Interviews mit Vertretern der SP, der SVP und der Gewerkschaft Unia.",
        ),
    ],
    **REPORTER,
)
S(
    "de",
    "politics",
    [
        (
            "Zu ihren Aufgaben gehörten die Kreditorenbuchhaltung, der Zahlungsverkehr und die Mitarbeit beim Jahresabschluss.",
            "Sie berichtete über den Kantonsrat. Ihre Kandidatur für den Grossen Rat auf der Liste der SP im Jahr 2023 führte zu einer Reduktion ihres Pensums.",
        )
    ],
    "Ihre Kandidatur für den Grossen Rat auf der Liste der SP im Jahr 2023 führte zu einer Reduktion ihres Pensums.",
    **REPORTER,
)
MIDWIFE = dict(function="Hebamme", company_name="Geburtshaus Muster AG")
S(
    "de",
    None,
    [
        ("als Sachbearbeiterin Buchhaltung", "als Hebamme"),
        (
            "Zu ihren Aufgaben gehörten die Kreditorenbuchhaltung, der Zahlungsverkehr und die Mitarbeit beim Jahresabschluss.",
            "Sie betreute Schwangere während der Schwangerschaft, begleitete Geburten und pflegte Wöchnerinnen und Neugeborene.",
        ),
    ],
    **MIDWIFE,
)
S(
    "it",
    "health",
    [
        (
            "Le sue mansioni comprendevano la contabilità fornitori, il traffico dei pagamenti e la collaborazione alla chiusura annuale.",
            "Ha assistito le partorienti. Dopo la sua gravidanza e l'assenza per malattia che ne è seguita ha ripreso il lavoro al 60 %.",
        )
    ],
    "Dopo la sua gravidanza e l'assenza per malattia che ne è seguita ha ripreso il lavoro al 60 %.",
    function="Levatrice",
    company_name="Clinica Muster SA",
)
S(
    "en",
    None,
    [("as an Accountant", "as an Addiction Counsellor")],
    function="Addiction Counsellor",
    company_name="Muster Addiction Support Foundation",
)
S(
    "fr",
    "religion",
    [
        (
            "Son comportement envers ses supérieurs et ses collègues a toujours été irréprochable.",
            "Son comportement envers ses supérieurs et ses collègues a toujours été irréprochable. Ancienne de l'Église évangélique de la ville, elle a été libérée les dimanches.",
        )
    ],
    "Ancienne de l'Église évangélique de la ville, elle a été libérée les dimanches.",
)

# ---- the closing paragraph: a reason told before the thanks, a cold or a warm closing
S(
    "de",
    "leaving_reason",
    [
        (
            "Frau Keller verlässt uns auf eigenen Wunsch.",
            "Nachdem sich die Zusammenarbeit mit der neuen Leitung als schwierig erwiesen hatte, trennten wir uns im gegenseitigen Einvernehmen.",
        )
    ],
    "Nachdem sich die Zusammenarbeit mit der neuen Leitung als schwierig erwiesen hatte, trennten wir uns im gegenseitigen Einvernehmen.",
)
S(
    "de",
    "incoherent",
    [
        (
            "Frau Keller verlässt uns auf eigenen Wunsch. Wir danken ihr für die sehr wertvolle Zusammenarbeit, bedauern ihren Weggang sehr und wünschen ihr für die Zukunft alles Gute.",
            "Frau Keller verlässt uns per 31. August 2024.",
        )
    ],
    "Frau Keller verlässt uns per 31. August 2024.",
    grades={"performance": 5, "conduct": 5},
)
S(
    "en",
    "incoherent",
    [
        (
            "Her performance was always to our complete satisfaction.",
            "Her performance was to our satisfaction.",
        ),
        (
            "We thank her for her very valuable work, regret her departure",
            "We thank her warmly for her outstanding work, regret her departure very much",
        ),
    ],
    "We thank her warmly for her outstanding work, regret her departure very much and wish her every success in the future.",
    grades={"performance": 3, "conduct": 4},
)
