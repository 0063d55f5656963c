# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The generated text as a native speaker would sign it: where the person belongs in the
reference's language, "Frau Keller" after the first mention, and the tense of the type."""

import itertools

from odoo.tests import Form, tagged

from .common import ReferenceSetup


@tagged("post_install", "-at_install")
class TestReferenceTexts(ReferenceSetup):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.employee.write(
            {"gender": "female", "country_id": cls.env.ref("base.ch").id}
        )

    def reference(self, language="de", kind="full", origin="Chur GR", manager=True):
        form = Form(
            self.env["bexio.reference.wizard"]
            .with_user(self.author)
            .with_context(active_model="hr.employee", active_id=self.employee.id)
        )
        form.language = language
        form.reference_type = kind
        form.origin = origin
        form.tasks = "Projekte leiten"
        form.is_manager = manager
        form.grade_performance = form.grade_conduct = "5"
        if manager:
            form.grade_leadership = "5"
        action = form.save().action_create()
        return self.env["bexio.reference"].browse(action["res_id"])

    def test_the_person_is_named_in_full_once_then_as_frau_keller(self):
        expected = {
            "de": ("Frau Keller verfügte", "Das Verhalten von Frau Keller"),
            "fr": ("Le comportement de Madame Keller", "le départ de Madame Keller"),
            "it": ("Il comportamento della signora Keller", "la ringraziamo"),
            "en": ("The conduct of Ms Keller", "thank her"),
        }
        for language, passages in expected.items():
            body = self.reference(language).body
            self.assertEqual(body.count("Anna Keller"), 1, body)
            for passage in passages:
                self.assertIn(passage, body)
        self.employee.gender = "male"
        body = self.reference("de").body
        self.assertIn(
            "Wir bedauern den Weggang von Herrn Keller sehr, danken ihm", body
        )
        self.assertIn("Herr Keller verfügte", body)

    def test_an_interim_reference_speaks_in_the_present_a_final_one_in_the_past(self):
        interim = self.reference("de", "interim").body
        self.assertIn(
            "Frau Keller verfügt über ein ausgezeichnetes Fachwissen und setzt es sicher",
            interim,
        )
        self.assertIn("Arbeitsqualität und Arbeitsmenge sind ausgezeichnet.", interim)
        self.assertIn("Die Führung des Teams durch Frau Keller ist stets", interim)
        for past in ("verfügte", "setzte", "waren", "war", "leitete"):
            self.assertNotRegex(interim, rf"\b{past}\b")
        final = self.reference("de", "full").body
        self.assertIn(
            "Frau Keller verfügte über ein ausgezeichnetes Fachwissen und setzte", final
        )
        self.assertIn("Die Hauptaufgaben von Frau Keller umfassten:", final)
        for present in ("verfügt", "setzt", "sind", "ist", "leitet"):
            self.assertNotRegex(final, rf"\b{present}\b")
        french = self.reference("fr", "interim").body
        self.assertIn("Madame Keller dirige son équipe", french)
        self.assertNotIn("a dirigé", french)

    def test_the_place_of_origin_or_the_nationality_in_the_references_language(self):
        body = self.reference("de").body
        self.assertIn(
            "Frau Anna Keller, geboren am 02.04.1990, von Chur GR, war vom", body
        )
        self.assertIn("originaire de Chur GR", self.reference("fr").body)
        self.employee.country_id = self.env.ref("base.de")
        expected = {
            "de": "geboren am 02.04.1990, deutsche Staatsangehörige, war",
            "fr": "Madame Anna Keller, née le 02.04.1990, de nationalité allemande, a travaillé",
            "it": "La signora Anna Keller, nata il 02.04.1990, di nazionalità tedesca, ha lavorato",
            "en": "Ms Anna Keller, born on 2 April 1990, of German nationality, worked for",
        }
        for language, passage in expected.items():
            body = self.reference(language, origin=False).body
            self.assertIn(passage, body)
            self.assertNotIn("Germany", body.replace("German nationality", ""))
        # No English country name, whatever the language of the database.
        self.employee.country_id = self.env.ref("base.ch")
        body = self.reference("de", origin=False).body
        self.assertIn("02.04.1990, Schweizer Staatsangehörige, war", body)
        self.assertNotIn("Switzerland", body)

    def test_the_generated_texts_pass_the_compliance_check(self):
        for language in ("de", "fr", "it", "en"):
            for kind, manager in itertools.product(("full", "interim"), (False, True)):
                ref = self.reference(language, kind, manager=manager)
                ref.signer_role = "Geschäftsführerin"
                ref.action_check()
                self.assertFalse(
                    ref.finding_ids.filtered(lambda f: f.severity == "high"),
                    f"{language} {kind}: {ref.finding_ids.mapped('explanation')}",
                )

    def test_the_record_is_named_in_the_references_language(self):
        self.assertEqual(self.reference("de").name, "Arbeitszeugnis: Anna Keller (v1)")
        self.assertEqual(
            self.reference("fr", "interim").name,
            "Certificat de travail intermédiaire: Anna Keller (v1)",
        )
