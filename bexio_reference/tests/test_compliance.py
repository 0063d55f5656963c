# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What an HR lawyer expects of the check: each rule fires on a text made to break it, in the
wording real references use, and stays quiet where the topic is the work, not the person."""

import datetime

from odoo.tests import TransactionCase, tagged

from ..services import compliance, phrases

FUNCTIONS = {
    "de": "Projektleiterin",
    "fr": "Cheffe de projet",
    "it": "Capoprogetto",
    "en": "Project Manager",
}


def facts(**changes):
    base = {
        "type": "full",
        "language": "de",
        "title": "Arbeitszeugnis",
        "expected_title": "Arbeitszeugnis",
        "company_name": "Alpenblick Technik AG",
        "employee_name": "Anna Keller",
        "birth_date": datetime.date(1990, 4, 2),
        "origin": "Winterthur",
        "start": datetime.date(2020, 1, 1),
        "end": datetime.date(2026, 10, 31),
        "function": "Projektleiterin",
        "tasks": "Projekte leiten\nKunden beraten",
        "place": "Winterthur",
        "issue_date": datetime.date(2026, 11, 2),
        "signer_name": "Regula Brunner",
        "signer_role": "Geschäftsführerin",
        "grades": {"performance": 5, "conduct": 5},
        "is_manager": False,
        "home_street": "Rosenweg 4",
    }
    language = changes.get("language", "de")
    kind = changes.get("type", "full")
    base["function"] = FUNCTIONS[language]
    base["title"] = base["expected_title"] = phrases.TITLES[language][kind]
    if kind == "interim":
        base["end"] = None
    base.update(changes)
    return base


def text_for(values, language=None, kind=None, grades=None):
    language = language or values["language"]
    kind = kind or values["type"]
    grades = grades or {"performance": 5, "conduct": 5}
    return phrases.compose(
        language,
        kind,
        {
            "employee_name": values["employee_name"],
            "birth": "02.04.1990",
            "origin": values["origin"],
            "function": values["function"],
            "workload": 100,
            "company": values["company_name"],
            "start": "01.01.2020",
            "end": "31.10.2026",
            "tasks": values["tasks"],
        },
        grades,
    )


def before_closing(text, sentence):
    """``sentence`` as its own paragraph before the closing one, where references add it."""
    paragraphs = text.split("\n\n")
    return "\n\n".join(paragraphs[:-1] + [sentence, paragraphs[-1]])


def rules(found):
    return {f.rule for f in found}


def high(found):
    return [f for f in found if f.severity == "high"]


@tagged("post_install", "-at_install")
class TestCompliance(TransactionCase):
    def test_generated_references_are_clean_in_every_language(self):
        for language in ("de", "fr", "it", "en"):
            for kind in ("full", "interim", "confirmation"):
                values = facts(type=kind, language=language)
                text = text_for(values, language, kind)
                self.assertEqual(
                    compliance.check(values, text), [], f"{language} {kind}: {text}"
                )

    def test_every_grade_is_written_out_in_words_that_agree(self):
        cases = [
            (
                "fr",
                4,
                ("étaient très bonnes.", "de manière très bonne.", "était très bon."),
            ),
            (
                "it",
                2,
                ("erano sufficienti.", "in modo sufficiente.", "era sufficiente."),
            ),
            (
                "en",
                5,
                ("were excellent.", "showed excellent leadership.", "was excellent."),
            ),
            (
                "de",
                3,
                (
                    "waren gut.",
                    "des Teams durch Anna Keller war gut.",
                    "Kunden war gut.",
                ),
            ),
        ]
        for language, grade, fragments in cases:
            text = text_for(
                facts(language=language),
                language,
                grades={"performance": grade, "conduct": grade, "leadership": grade},
            )
            for fragment in fragments:
                self.assertIn(fragment, text, f"{language} {grade}")
            self.assertNotIn("<grade>", text)

    def test_type_consistency(self):
        values = facts(type="confirmation")
        text = text_for(values) + "\n\nDie Leistungen waren sehr gut."
        found = compliance.check(values, text)
        self.assertIn("type.confirmation", rules(found))
        self.assertEqual(
            [f.passage for f in found if f.rule == "type.confirmation"],
            ["Die Leistungen waren sehr gut."],
        )
        full = facts()
        without_conduct = "\n\n".join(
            p for p in text_for(full).split("\n\n") if "Verhalten" not in p
        )
        found = compliance.check(full, without_conduct)
        self.assertIn("omission.conduct", rules(found))
        self.assertIn(
            "conduct",
            next(f.explanation for f in found if f.rule == "omission.conduct"),
        )

    def test_mandatory_data(self):
        values = facts(birth_date=None, origin="", signer_role="", title="Zeugnis")
        text = text_for(facts()).replace(" geboren am 02.04.1990, von Winterthur,", "")
        found = compliance.check(values, text)
        self.assertIn("mandatory.signer_role", rules(found))
        self.assertIn(
            "signer's role",
            next(f.explanation for f in found if f.rule == "mandatory.signer_role"),
        )
        self.assertIn(
            '"Arbeitszeugnis"',
            next(f.explanation for f in found if f.rule == "mandatory.title"),
        )
        # Neither the text nor the form identifies her.
        identity = compliance.check(facts(), text)
        self.assertIn("date of birth", " ".join(f.explanation for f in identity))

    def test_date_logic(self):
        text = text_for(facts())
        self.assertIn(
            "dates.order",
            rules(compliance.check(facts(start=datetime.date(2027, 1, 1)), text)),
        )
        self.assertIn(
            "dates.issue",
            rules(compliance.check(facts(issue_date=datetime.date(2026, 10, 1)), text)),
        )
        interim = facts(type="interim", end=datetime.date(2026, 10, 31))
        self.assertIn(
            "dates.interim_end",
            rules(compliance.check(interim, text_for(interim, kind="interim"))),
        )

    def test_forbidden_personal_data(self):
        clean = text_for(facts())
        for sentence, rule in (
            ("Wegen einer Krankheit fehlte sie oft.", "private.health"),
            ("Sie war schwanger.", "private.health"),
            ("Sie ist Mitglied der Gewerkschaft.", "private.union"),
            ("Sie engagiert sich in einer Partei.", "private.politics"),
            ("Ihre Religion ist katholisch.", "private.religion"),
            ("Ihr Lohn betrug CHF 6500.", "private.salary"),
            ("Eine Nebenbeschäftigung hatte sie nicht.", "private.life"),
            ("Ein Strafverfahren gegen sie wurde eingestellt.", "private.life"),
            ("Sie wohnt am Rosenweg 4.", "private.address"),
            ("Sie hat die Kündigung selbst eingereicht.", "private.leaving"),
        ):
            found = compliance.check(facts(), before_closing(clean, sentence))
            self.assertIn(rule, rules(found), sentence)
            finding = next(f for f in found if f.rule == rule)
            self.assertIn(finding.passage, sentence + "\n")
        asked = facts(address_requested=True, leaving_reason_requested=True)
        self.assertEqual(
            compliance.check(
                asked,
                before_closing(
                    clean,
                    "Sie wohnt am Rosenweg 4. Sie verlässt uns auf eigenen Wunsch.",
                ),
            ),
            [],
        )

    def test_coded_phrases_and_the_order_of_persons(self):
        clean = text_for(facts())
        for sentence in (
            "Sie bemühte sich, die Termine einzuhalten.",
            "Wir wünschen ihr beste Gesundheit.",
            "Die Arbeiten erledigte sie in der Regel pünktlich.",
        ):
            found = compliance.check(facts(), clean + " " + sentence)
            self.assertTrue(any(f.rule.startswith("coded.") for f in found), sentence)
        swapped = clean.replace(
            "Vorgesetzten, Kolleginnen und Kollegen sowie Kundinnen und Kunden",
            "Kundinnen und Kunden, Kolleginnen und Kollegen sowie Vorgesetzten",
        )
        self.assertNotEqual(swapped, clean)
        self.assertIn("coded.order", rules(compliance.check(facts(), swapped)))

    def test_grades_summary_and_closing_must_agree(self):
        values = facts(grades={"performance": 5, "conduct": 5})
        weak_summary = text_for(values).replace("als ausgezeichnet", "als genügend")
        self.assertIn(
            "incoherent.performance", rules(compliance.check(values, weak_summary))
        )
        no_closing = "\n\n".join(text_for(values).split("\n\n")[:-1])
        self.assertIn("omission.closing", rules(compliance.check(values, no_closing)))

    def test_completeness_by_role(self):
        manager = facts(is_manager=True)
        self.assertIn(
            "omission.leadership", rules(compliance.check(manager, text_for(manager)))
        )
        with_leadership = text_for(
            manager, grades={"performance": 5, "conduct": 5, "leadership": 5}
        )
        self.assertNotIn(
            "omission.leadership", rules(compliance.check(manager, with_leadership))
        )

    def test_placeholders_left_in_the_text(self):
        for placeholder in (
            "{{ employee }}",
            "XXX",
            "[...]",
            "{name}",
            "[Name]",
            "__.__.____",
        ):
            found = compliance.check(facts(), text_for(facts()) + f" {placeholder}")
            self.assertIn("placeholder.template", rules(found), placeholder)
        for text, residue in (
            (
                text_for(facts()).replace("Anna Keller,", "Herr/Frau Anna Keller,", 1),
                "Herr/Frau",
            ),
            (text_for(facts()) + "\n\nVorlage: AZ_Kader_v3.docx", "AZ_Kader_v3.docx"),
            (
                text_for(facts()).replace(
                    "Das Verhalten von Anna Keller", "Das Verhalten von Frau Meierhans"
                ),
                "Meierhans",
            ),
        ):
            found = [
                f
                for f in compliance.check(facts(), text)
                if f.rule.startswith("placeholder")
            ]
            self.assertTrue(any(residue in f.passage for f in found), residue)

    # ---------------------------------------------------- the work, not the person
    def test_what_the_job_is_about_is_no_private_matter(self):
        traps = {
            "de": (
                "Als Pflegefachfrau betreute sie Patientinnen und Patienten nach schweren "
                "Erkrankungen und Operationen und begleitete Sterbende.",
                "Als Hebamme begleitete sie Frauen durch Schwangerschaft, Geburt und "
                "Wochenbett.",
                "Sie bearbeitete die Löhne und die Krankentaggeldfälle der Mitarbeitenden.",
                "Sie führte für die Geschäftsleitung die Verhandlungen mit den Gewerkschaften "
                "Unia und Syna über den Gesamtarbeitsvertrag.",
                "Für die Kirchgemeinde organisierte sie Gottesdienste, Taufen und Trauungen.",
                "Sie betreute als Anwaltsassistentin Strafverfahren und organisierte "
                "Gefängnisbesuche bei unseren Klienten.",
                "Sie organisierte den Austritt der Patienten aus dem Spital und die "
                "Anschlusslösungen mit Spitex und Pflegeheimen.",
                "Als Mitglied der Geschäftsleitung vertrat sie die Arbeitgeberseite gegenüber "
                "den Gewerkschaften.",
                "Die Verhandlungen mit den Gläubigern führte sie geschickt.",
                "Sie zeigte eine hohe psychische Belastbarkeit.",
                "In enger Zusammenarbeit mit Herrn Dr. Baumann, unserem Chefarzt, baute sie "
                "die Station auf.",
                "Wir glauben, dass sie ihren Weg machen wird.",
            ),
            "fr": (
                "Elle a accompagné des patients atteints de maladies graves et leurs familles.",
                "Elle a géré les salaires et les dossiers d'assurance maladie des "
                "collaborateurs.",
                "Elle a négocié avec les syndicats la nouvelle convention collective.",
                "Elle a suivi des dossiers de procédure pénale pour nos clients.",
            ),
            "it": (
                "Ha assistito pazienti affetti da malattie croniche e i loro familiari.",
                "Ha condotto le trattative con i sindacati sul nuovo contratto collettivo.",
                "Ha organizzato la dimissione dei pazienti dall'ospedale.",
            ),
            "en": (
                "She cared for patients with chronic illnesses and supported their families.",
                "She processed payroll and the sick-pay insurance claims of our employees.",
                "She organised services and weddings for the parish.",
                "She handled criminal cases for our clients and organised visits to clients "
                "in detention.",
                "She structured debt financing for corporate clients with great skill.",
                "She always acted in good faith.",
            ),
        }
        for language, sentences in traps.items():
            values = facts(language=language)
            clean = text_for(values)
            for sentence in sentences:
                found = high(compliance.check(values, before_closing(clean, sentence)))
                self.assertEqual(found, [], f"{language}: {sentence}")

    def test_an_employer_that_is_a_union_a_party_or_a_church_is_the_work(self):
        cases = (
            (
                "Unia Region Bern",
                "Gewerkschaftssekretär",
                "Er verhandelte Gesamtarbeitsverträge und betreute die Mitglieder der Unia.",
            ),
            (
                "SP Kanton Zürich",
                "Mediensprecher",
                "Er schrieb die Medienmitteilungen der SP zu den Wahlen und Abstimmungen.",
            ),
            (
                "Reformierte Kirchgemeinde Thun",
                "Pfarrerin",
                "Sie gestaltete Gottesdienste und begleitete Trauernde in der Seelsorge.",
            ),
        )
        for company, function, sentence in cases:
            values = facts(company_name=company, function=function)
            text = text_for(values).replace(
                "Anna Keller, geboren", "Anna Keller, geboren"
            )
            found = high(compliance.check(values, before_closing(text, sentence)))
            self.assertEqual(found, [], sentence)
        leaving = before_closing(
            text_for(facts()), "Frau Keller verlässt uns auf eigenen Wunsch."
        )
        self.assertEqual(high(compliance.check(facts(), leaving)), [])

    def test_private_matters_in_paraphrase_are_found(self):
        cases = {
            "de": (
                (
                    "Nach ihrer längeren Abwesenheit fand sie rasch zurück.",
                    "private.health",
                ),
                (
                    "Als Vertrauensfrau der Unia setzte sie sich für das Personal ein.",
                    "private.union",
                ),
                ("Daneben sitzt sie für die GLP im Einwohnerrat.", "private.politics"),
                (
                    "Als Mitglied der Kirchenpflege ihrer Kirchgemeinde ist sie gut vernetzt.",
                    "private.religion",
                ),
                ("Als alleinerziehende Mutter arbeitete sie Teilzeit.", "private.life"),
            ),
            "fr": (
                (
                    "Après sa longue absence, elle a repris ses dossiers.",
                    "private.health",
                ),
                (
                    "En tant que déléguée syndicale de Syna, elle a défendu ses collègues.",
                    "private.union",
                ),
                ("Elle siège au Conseil communal pour le PLR.", "private.politics"),
                (
                    "Fidèle pratiquante, elle chante dans la chorale de sa paroisse.",
                    "private.religion",
                ),
            ),
            "it": (
                (
                    "Dopo la sua lunga assenza per malattia ha ripreso il lavoro.",
                    "private.health",
                ),
                (
                    "Quale delegata della VPOD ha rappresentato i colleghi.",
                    "private.union",
                ),
                ("È consigliera comunale del PS a Bellinzona.", "private.politics"),
            ),
            "en": (
                (
                    "After her longer absence, she settled back quickly.",
                    "private.health",
                ),
                (
                    "As a shop steward for Unia she represented her colleagues.",
                    "private.union",
                ),
                ("She sat in the Cantonal Council for the FDP.", "private.politics"),
                (
                    "As a devout Catholic she asked not to work on Sundays.",
                    "private.religion",
                ),
            ),
        }
        for language, sentences in cases.items():
            values = facts(language=language)
            clean = text_for(values)
            for sentence, rule in sentences:
                text = before_closing(clean, sentence)
                found = [f for f in compliance.check(values, text) if f.rule == rule]
                self.assertTrue(found, f"{language}: {sentence}")
                self.assertIn(found[0].passage, text)
                self.assertIn(sentence, found[0].passage + sentence)

    def test_coded_praise_and_effort_without_result(self):
        cases = {
            "de": (
                "Er setzte sich für die Belange der Belegschaft ein.",
                "Mit ihrer Geselligkeit trug sie zum guten Betriebsklima bei.",
            ),
            "fr": (
                "Elle s'est efforcée de répondre à nos attentes.",
                "Nous n'avons jamais eu à nous plaindre de son comportement.",
            ),
            "it": (
                "Ha sempre cercato di soddisfare le nostre aspettative.",
                "Nel complesso ha raggiunto gli obiettivi concordati.",
            ),
            "en": (
                "We never had cause to complain about her.",
                "She made every effort to meet the requirements.",
            ),
        }
        for language, sentences in cases.items():
            values = facts(language=language)
            for sentence in sentences:
                text = before_closing(text_for(values), sentence)
                found = [
                    f
                    for f in compliance.check(values, text)
                    if f.rule.startswith("coded")
                ]
                self.assertTrue(found, f"{language}: {sentence}")
                self.assertEqual(found[0].severity, "high")

    # ------------------------------------------------------- facts in the text
    def test_the_text_must_state_what_the_form_knows(self):
        values = facts()
        bare = text_for(values).replace(
            "Anna Keller, geboren am 02.04.1990, von Winterthur, war vom 01.01.2020 bis zum "
            "31.10.2026 als Projektleiterin (100 %) bei der Alpenblick Technik AG tätig.",
            "Anna Keller war in unserem Unternehmen tätig.",
        )
        found = rules(compliance.check(values, bare))
        for rule in (
            "omission.identity",
            "omission.start",
            "omission.end",
            "omission.function",
        ):
            self.assertIn(rule, found)

    def test_a_date_in_another_format_that_contradicts_the_form_is_found(self):
        values = facts(birth_date=datetime.date(1988, 4, 17))
        for language, wrong, right in (
            ("de", "17. April 1989", "17. April 1988"),
            ("fr", "le 17 avril 1989", "le 17 avril 1988"),
            ("it", "17 aprile 1989", "17 aprile 1988"),
            ("en", "April 17, 1989", "April 17, 1988"),
            ("en", "17 April 1989", "17 April 1988"),
            ("de", "17.4.1989", "17.4.1988"),
        ):
            values = facts(language=language, birth_date=datetime.date(1988, 4, 17))
            text = text_for(values)
            wrong_text = text.replace("02.04.1990", wrong.removeprefix("le "))
            found = [
                f
                for f in compliance.check(values, wrong_text)
                if f.rule == "dates.birth"
            ]
            self.assertEqual(len(found), 1, wrong)
            self.assertEqual(found[0].suggestion, right.removeprefix("le "))
            right_text = text.replace("02.04.1990", right.removeprefix("le "))
            self.assertNotIn("dates.birth", rules(compliance.check(values, right_text)))

    def test_grades_are_read_from_the_text_without_the_form(self):
        values = facts(grades={})
        text = text_for(values).replace(
            "war ausgezeichnet.", "war korrekt."
        )  # conduct 3 next to an excellent performance
        self.assertIn("incoherent.text", rules(compliance.check(values, text)))
        cold = text_for(values).split("\n\n")
        cold[-1] = "Wir wünschen Anna Keller alles Gute."
        self.assertIn(
            "incoherent.closing_cold",
            rules(compliance.check(values, "\n\n".join(cold))),
        )
        weak = facts(grades={})
        weak_text = text_for(weak, grades={"performance": 2, "conduct": 2})
        weak_text = weak_text.replace(
            "Wir wünschen Anna Keller für die Zukunft alles Gute.",
            "Wir bedauern ihren Weggang sehr und danken ihr herzlich für die hervorragende "
            "Arbeit.",
        )
        self.assertIn(
            "incoherent.closing_warm", rules(compliance.check(weak, weak_text))
        )

    def test_tense_fits_the_type(self):
        interim = facts(type="interim")
        past = text_for(interim, kind="interim").replace(
            "ist seit dem 01.01.2020", "war seit dem 01.01.2020"
        )
        self.assertIn("tense.interim", rules(compliance.check(interim, past)))
        final = facts()
        present = text_for(final).replace(
            "war vom 01.01.2020 bis zum 31.10.2026 als", "ist seit dem 01.01.2020 als"
        )
        self.assertIn("tense.final", rules(compliance.check(final, present)))

    def test_every_finding_says_why_and_offers_a_fix(self):
        values = facts()
        text = before_closing(
            text_for(values),
            "Nach ihrer Krebserkrankung kehrte sie mit reduziertem Pensum zurück. Sie war "
            "stets bemüht, den Anforderungen gerecht zu werden.",
        ).replace("02.04.1990", "02.05.1990")
        found = compliance.check(values, text)
        self.assertTrue(
            {"private.health", "coded.effort", "dates.birth"} <= rules(found)
        )
        for finding in found:
            self.assertTrue(
                finding.label and finding.explanation and finding.basis, finding
            )
            self.assertEqual(text[finding.start : finding.end], finding.passage)
            self.assertIsNotNone(finding.suggestion, finding.rule)
            fixed = text[: finding.start] + finding.suggestion + text[finding.end :]
            self.assertNotIn(
                (finding.rule, finding.passage),
                {(f.rule, f.passage) for f in compliance.check(values, fixed)},
            )

    def test_odd_texts_never_break_the_check(self):
        for text in (
            "",
            "\n\n",
            "[Name] war krank. Er bemühte sich.",
            "- a\n- b",
            "Zürich, 1.",
        ):
            for kind in ("full", "interim", "confirmation", "apprenticeship"):
                for finding in compliance.check(
                    facts(type=kind, is_manager=True), text
                ):
                    self.assertEqual(
                        text[finding.start : finding.end] if finding.start >= 0 else "",
                        finding.passage,
                    )

    def test_leadership_and_favourable_leaving_written_in_prose(self):
        manager = facts(is_manager=True, grades={"performance": 4, "conduct": 4})
        text = before_closing(
            text_for(manager, grades={"performance": 4, "conduct": 4}),
            "Ihre Mitarbeitenden führt Frau Keller klar, fair und motivierend.",
        )
        self.assertNotIn("omission.leadership", rules(compliance.check(manager, text)))
        confirmation = facts(type="confirmation")
        text = text_for(confirmation) + (
            "\n\nDas Arbeitsverhältnis wurde auf ihren Wunsch aufgelöst."
        )
        self.assertEqual(high(compliance.check(confirmation, text)), [])
        text = text_for(confirmation) + (
            "\n\nDas Arbeitsverhältnis wurde wegen einer Reorganisation aufgelöst."
        )
        self.assertIn("private.leaving", rules(compliance.check(confirmation, text)))

    def test_a_text_pasted_with_single_line_breaks_and_a_signature_reads_the_same(self):
        values = facts()
        pasted = text_for(values).replace("\n\n", "\r\n") + (
            "\r\nWinterthur, 2. November 2026\r\nAlpenblick Technik AG\r\nRegula Brunner"
        )
        self.assertEqual(high(compliance.check(values, pasted)), [])
        ill = before_closing(text_for(values), "Nach ihrem Burnout fand sie zurück.")
        pasted = ill.replace("\n\n", "\n") + "\nRegula Brunner\nGeschäftsführerin"
        self.assertIn("private.health", rules(compliance.check(values, pasted)))
