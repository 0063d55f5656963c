# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The findings as HR meets them: why, in their language, and a fix that one click applies,
only where the workflow allows editing the text."""

from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged

from .test_reference_permissions import ReferenceUsers

ILLNESS = "Nach ihrer längeren Abwesenheit wegen eines Burnouts fand sie rasch zurück."


@tagged("post_install", "-at_install")
class TestComplianceFindings(ReferenceUsers, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_references()

    def finding(self, ref, rule):
        return ref.finding_ids.filtered(lambda f: f.rule == rule)

    def test_a_suggestion_applied_with_one_click_changes_the_body_and_the_finding_goes(
        self,
    ):
        ref = self.draft_with(ILLNESS)
        health = self.finding(ref, "private.health")
        self.assertEqual(health.severity, "high")
        self.assertEqual(health.passage, ILLNESS)
        self.assertTrue(health.basis and health.label and health.has_suggestion)
        self.assertEqual(ref.state, "to_check")
        health.with_user(self.officer).action_apply_suggestion()
        self.assertNotIn("Burnout", ref.body)
        self.assertIn("Insgesamt beurteilen wir", ref.body)
        self.assertNotIn("\n\n\n", ref.body)
        self.assertFalse(self.finding(ref, "private.health"))
        self.assertFalse(ref.open_high_count)
        self.assertEqual(ref.state, "to_check")
        self.assertTrue(
            any(
                "applied the suggestion" in body
                for body in ref.message_ids.mapped("body")
            )
        )
        # The text as it stands is what was checked: it can go on to approval.
        ref.action_submit()
        self.assertEqual(ref.state, "to_approve")

    def test_a_replacement_from_the_phrase_bank_is_put_in_place(self):
        ref = self.draft_with(
            "Sie war stets bemüht, den Anforderungen gerecht zu werden."
        )
        coded = self.finding(ref, "coded.effort")
        self.assertIn("Zufriedenheit", coded.suggestion)
        coded.with_user(self.officer).action_apply_suggestion()
        self.assertNotIn("bemüht", ref.body)
        self.assertIn(coded.suggestion if coded.exists() else "Zufriedenheit", ref.body)
        self.assertFalse(self.finding(ref, "coded.effort"))

    def test_applying_is_refused_once_the_reference_is_submitted_or_issued(self):
        ref = self.draft_with(ILLNESS)
        health = self.finding(ref, "private.health")
        health.with_user(self.officer).action_accept(
            reason="Auf Wunsch von Frau Keller."
        )
        ref.action_submit()
        self.assertEqual(ref.state, "to_approve")
        with self.assertRaisesRegex(UserError, "no longer change"):
            health.with_user(self.officer).action_apply_suggestion()
        ref.with_user(self.approver).action_approve()
        ref.with_user(self.approver).action_issue()
        self.assertEqual(ref.state, "issued")
        for user in (self.officer, self.manager, self.admin):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                health.with_user(user).action_apply_suggestion()
        self.assertIn("Burnout", ref.body)
        self.assertIn("Burnout", ref.issued_body)

    def test_only_hr_officers_of_the_company_apply_suggestions(self):
        ref = self.draft_with(ILLNESS)
        health = self.finding(ref, "private.health")
        for user in (self.internal, self.employee_user, self.officer_b):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                health.with_user(user).action_apply_suggestion()
        self.assertIn("Burnout", ref.body)
        # Nobody brings a suggestion of their own: the check writes it.
        with self.assertRaisesRegex(AccessError, "written by the check"):
            health.with_user(self.officer).write({"suggestion": "Hervorragend."})

    def test_a_suggestion_that_no_longer_fits_the_text_is_refused(self):
        ref = self.draft_with(ILLNESS)
        health = self.finding(ref, "private.health")
        ref.action_back_to_draft()
        ref.body = ref.body.replace("längeren Abwesenheit", "langen Abwesenheit")
        with self.assertRaisesRegex(UserError, "changed since the check"):
            health.with_user(self.officer).action_apply_suggestion()
        self.assertIn("langen Abwesenheit", ref.body)

    def test_why_it_matters_is_said_in_the_users_language(self):
        self.env["res.lang"]._activate_lang("de_CH")
        self.officer.lang = "de_CH"
        # The web client sends the user's language with every call.
        ref = (
            self.draft_with(ILLNESS).with_user(self.officer).with_context(lang="de_CH")
        )
        ref.action_check()
        health = self.finding(ref, "private.health")
        self.assertEqual(health.label, "Gesundheit")
        self.assertIn("Gesundheit der Person", health.explanation)
        self.assertIn("Art. 328b OR", health.basis)
        self.assertNotIn("ß", health.explanation)
