# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Accepting a high finding as the README promises: with a reason, kept through edits that do
not touch the passage, and without the passage surviving in the chatter once removed."""

from odoo.exceptions import UserError
from odoo.tests import Form, TransactionCase, tagged

from .test_reference_permissions import ReferenceUsers

ILLNESS = "Nach ihrer längeren Abwesenheit wegen eines Burnouts fand sie rasch zurück."


@tagged("post_install", "-at_install")
class TestFindingAcceptance(ReferenceUsers, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_references()

    def health(self, ref):
        return ref.finding_ids.filtered(lambda f: f.rule == "private.health")

    def accept(self, finding, reason):
        action = finding.with_user(self.officer).action_open_accept()
        self.assertEqual(action["res_model"], "bexio.reference.finding.accept")
        form = Form(
            self.env[action["res_model"]]
            .with_user(self.officer)
            .with_context(**action["context"])
        )
        form.reason = reason
        form.save().action_confirm()

    def test_a_high_finding_is_accepted_only_with_a_reason(self):
        ref = self.draft_with(ILLNESS)
        finding = self.health(ref)
        self.assertEqual(finding.severity, "high")
        # One click no longer does it, whatever the client calls.
        with self.assertRaisesRegex(UserError, "only with a reason"):
            finding.with_user(self.officer).action_accept()
        with self.assertRaisesRegex(UserError, "only with a reason"):
            finding.with_user(self.officer).action_accept(reason="   ")
        self.assertEqual(finding.decision, "open")
        self.accept(
            finding, "Frau Keller wünscht den Satz ausdrücklich (E-Mail vom 3.11.)."
        )
        self.assertEqual(finding.decision, "accepted")
        self.assertEqual(finding.decided_by, self.officer)
        self.assertIn("E-Mail vom 3.11.", finding.decision_reason)
        self.assertIn("E-Mail vom 3.11.", ref.message_ids[0].body)
        self.assertIn("High", ref.message_ids[0].body)  # the label, not the raw key
        ref.action_submit()
        self.assertEqual(ref.state, "to_approve")

    def test_an_edit_elsewhere_keeps_the_acceptance(self):
        ref = self.draft_with(ILLNESS)
        self.accept(self.health(ref), "Auf ausdrücklichen Wunsch von Frau Keller.")
        ref.action_back_to_draft()
        ref.body = ref.body.replace(
            "Projekte leiten", "Projekte leiten und budgetieren"
        )
        # Pasted back from a word processor: the same words, spaced anew.
        ref.body = ref.body.replace("wegen eines Burnouts", "wegen  eines Burnouts")
        ref.action_check()
        finding = self.health(ref)
        self.assertEqual(finding.decision, "accepted")
        self.assertIn("ausdrücklichen Wunsch", finding.decision_reason)
        # Facts edited too (the form's fields, the text regenerated around the passage).
        ref.action_back_to_draft()
        ref.function = "Senior Projektleiterin"
        ref.body = ref.body.replace("Projektleiterin", "Senior Projektleiterin")
        ref.action_check()
        self.assertEqual(self.health(ref).decision, "accepted")
        self.assertFalse(ref.open_high_count)
        # An edit of the passage itself asks again.
        ref.action_back_to_draft()
        ref.body = ref.body.replace("rasch zurück", "nur langsam zurück")
        ref.action_check()
        self.assertEqual(self.health(ref).decision, "open")

    def saved(self):
        """The end of a request: the chatter writes what was tracked."""
        self.env.flush_all()
        self.env.cr.precommit.run()

    def test_the_chatter_keeps_no_removed_sentence(self):
        ref = self.draft_with(ILLNESS)
        self.health(ref).with_user(self.officer).action_apply_suggestion()
        ref.action_back_to_draft()
        self.saved()
        ref.body = ref.body + "\n\nFrau Keller war oft krank."
        self.saved()
        ref.body = ref.body.replace("\n\nFrau Keller war oft krank.", "")
        self.saved()
        tracked = ref.sudo().message_ids.tracking_value_ids
        values = " ".join(
            str(v)
            for v in tracked.mapped("old_value_char") + tracked.mapped("new_value_char")
        )
        texts = " ".join(
            str(v)
            for v in self.env["mail.tracking.value"]
            .sudo()
            .search([("mail_message_id", "in", ref.message_ids.ids)])
            .read()
        )
        for removed in ("Burnout", "oft krank"):
            self.assertNotIn(removed, values)
            self.assertNotIn(removed, texts)
        # That the text changed still shows, as a fingerprint.
        self.assertIn(
            "body_fingerprint", tracked.field_id.mapped("name"), tracked.field_id
        )
