# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Each compliance rule fires on a text made to break it and stays quiet on a clean one."""

import datetime

from odoo.tests import TransactionCase, tagged

from ..services import compliance, phrases


def facts(**changes):
    base = {
        "type": "full",
        "language": "de",
        "title": "Arbeitszeugnis",
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
    base.update(changes)
    return base


def text_for(values, language="de", kind="full", grades=None):
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


def rules(found):
    return {f.rule for f in found}


@tagged("post_install", "-at_install")
class TestCompliance(TransactionCase):
    def test_generated_references_are_clean_in_every_language(self):
        for language in ("de", "fr", "it", "en"):
            for kind in ("full", "interim", "confirmation"):
                values = facts(
                    type=kind,
                    language=language,
                    title=phrases.TITLES[language][kind],
                    end=None if kind == "interim" else datetime.date(2026, 10, 31),
                )
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
            ("de", 3, ("waren gut.", "das Team gut.", "Kunden war gut.")),
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
        values = facts(type="confirmation", title="Arbeitsbestätigung")
        text = (
            text_for(values, kind="confirmation") + "\n\nDie Leistungen waren sehr gut."
        )
        self.assertIn("type", rules(compliance.check(values, text)))
        full = facts()
        without_conduct = "\n\n".join(
            p for p in text_for(full).split("\n\n") if "Verhalten" not in p
        )
        found = compliance.check(full, without_conduct)
        self.assertIn(
            "conduct", " ".join(f.explanation for f in found if f.rule == "type")
        )

    def test_mandatory_data(self):
        values = facts(birth_date=None, signer_role="", title="Zeugnis")
        found = [
            f
            for f in compliance.check(values, text_for(facts()))
            if f.rule == "mandatory"
        ]
        explanations = " ".join(f.explanation for f in found)
        self.assertIn("date of birth", explanations)
        self.assertIn("signer's role", explanations)
        self.assertIn('"Arbeitszeugnis"', explanations)

    def test_date_logic(self):
        text = text_for(facts())
        self.assertIn(
            "dates",
            rules(compliance.check(facts(start=datetime.date(2027, 1, 1)), text)),
        )
        self.assertIn(
            "dates",
            rules(compliance.check(facts(issue_date=datetime.date(2026, 10, 1)), text)),
        )
        interim = facts(
            type="interim", title="Zwischenzeugnis"
        )  # still has an end date
        self.assertIn(
            "dates", rules(compliance.check(interim, text_for(interim, kind="interim")))
        )

    def test_forbidden_personal_data(self):
        clean = text_for(facts())
        for sentence in (
            "Wegen einer Krankheit fehlte sie oft.",
            "Sie war schwanger.",
            "Sie ist Mitglied der Gewerkschaft.",
            "Sie engagiert sich in einer Partei.",
            "Ihre Religion ist katholisch.",
            "Ihr Lohn betrug CHF 6500.",
            "Eine Nebenbeschäftigung hatte sie nicht.",
            "Ein Strafverfahren wurde eingestellt.",
            "Sie wohnt am Rosenweg 4.",
            "Sie hat die Kündigung selbst eingereicht.",
        ):
            found = compliance.check(facts(), clean + "\n\n" + sentence)
            self.assertIn("personal data", rules(found), sentence)
        asked = facts(address_requested=True, leaving_reason_requested=True)
        self.assertEqual(
            compliance.check(
                asked,
                clean
                + "\n\nSie wohnt am Rosenweg 4. Sie verlässt uns auf eigenen Wunsch.",
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
            self.assertIn(
                "codes",
                rules(compliance.check(facts(), clean + " " + sentence)),
                sentence,
            )
        swapped = clean.replace(
            "Vorgesetzten, Kolleginnen und Kollegen sowie Kundinnen und Kunden",
            "Kundinnen und Kunden, Kolleginnen und Kollegen sowie Vorgesetzten",
        )
        self.assertNotEqual(swapped, clean)
        self.assertIn("codes", rules(compliance.check(facts(), swapped)))

    def test_grades_summary_and_closing_must_agree(self):
        values = facts(grades={"performance": 5, "conduct": 5})
        weak_summary = text_for(values).replace("als ausgezeichnet", "als genügend")
        self.assertIn("coherence", rules(compliance.check(values, weak_summary)))
        no_closing = "\n\n".join(text_for(values).split("\n\n")[:-1])
        self.assertIn("coherence", rules(compliance.check(values, no_closing)))

    def test_completeness_by_role(self):
        manager = facts(is_manager=True)
        self.assertIn(
            "completeness", rules(compliance.check(manager, text_for(manager)))
        )
        with_leadership = text_for(
            manager, grades={"performance": 5, "conduct": 5, "leadership": 5}
        )
        self.assertNotIn(
            "completeness", rules(compliance.check(manager, with_leadership))
        )

    def test_placeholders_left_in_the_text(self):
        for placeholder in ("{{ employee }}", "XXX", "[...]", "{name}"):
            found = compliance.check(facts(), text_for(facts()) + f" {placeholder}")
            self.assertIn("form", rules(found), placeholder)
