# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Four eyes as people live them: the approvers are asked, the author is not offered the button."""

from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from .test_reference_pdf import ReferenceCase


@tagged("post_install", "-at_install")
class TestReferenceHandoff(ReferenceCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.second = new_test_user(
            cls.env, login="hr_second", groups="hr.group_hr_user"
        )
        cls.kind = cls.env.ref("bexio_reference.mail_activity_approve_reference")

    def asked(self, ref):
        return ref.sudo().activity_ids.filtered(
            lambda a: a.activity_type_id == self.kind
        )

    def test_submitting_asks_every_approver_but_the_author(self):
        ref = self.draft()
        ref.action_submit()
        self.assertEqual(ref.state, "to_approve")
        users = self.asked(ref).user_id
        self.assertIn(self.approver, users)
        self.assertIn(self.second, users)
        self.assertNotIn(self.author, users)
        ref.with_user(self.approver).action_approve()
        self.assertFalse(self.asked(ref))

    def test_sending_back_closes_the_request(self):
        ref = self.draft()
        ref.action_submit()
        self.assertTrue(self.asked(ref))
        ref.with_user(self.second).action_back_to_draft()
        self.assertFalse(self.asked(ref))

    def test_the_author_sees_no_approve_button_and_gets_a_clear_error(self):
        ref = self.draft()
        ref.action_submit()
        self.assertFalse(ref.can_approve)
        self.assertTrue(ref.with_user(self.approver).can_approve)
        with self.assertRaisesRegex(UserError, "author of a reference cannot approve"):
            ref.action_approve()
        self.assertEqual(ref.state, "to_approve")
