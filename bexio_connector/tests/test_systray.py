# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What the bexio item of the systray says, and to whom."""

from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, new_test_user, tagged

from .common import BexioSandboxCase


@tagged("post_install", "-at_install")
class TestSystray(BexioSandboxCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.internal = new_test_user(
            cls.env, login="tray-internal", groups="base.group_user"
        )
        cls.bexio_user = new_test_user(
            cls.env,
            login="tray-user",
            groups="base.group_user,bexio_connector.group_bexio_user",
        )
        cls.manager = new_test_user(
            cls.env,
            login="tray-manager",
            groups="base.group_user,bexio_connector.group_bexio_manager",
        )

    def status(self, user):
        return self.env["bexio.connection"].with_user(user).bexio_systray_status()

    def test_users_without_a_bexio_group_get_nothing(self):
        self.sign_in(self.connection)
        self.assertEqual(self.status(self.internal), {})

    def test_not_connected(self):
        status = self.status(self.bexio_user)
        self.assertEqual(status["state"], "not_connected")
        self.assertFalse(status["can_sync"])

    def test_live_with_the_last_successful_sync(self):
        self.sign_in(self.connection)
        status = self.status(self.manager)
        self.assertEqual(status["state"], "live")
        self.assertTrue(status["can_sync"])
        self.assertFalse(self.status(self.bexio_user)["can_sync"])
        self.assertFalse(status["last_sync"])
        Run = self.env["bexio.sync.run"]
        Run.create(
            {
                "connection_id": self.connection.id,
                "kind": "Employees from bexio",
                "state": "done",
                "started_at": "2026-11-30 07:00:00",
                "ended_at": "2026-11-30 07:02:00",
            }
        )
        Run.create(
            {
                "connection_id": self.connection.id,
                "kind": "Employees from bexio",
                "state": "partial",
                "started_at": "2026-12-01 07:00:00",
                "ended_at": "2026-12-01 07:01:00",
            }
        )
        self.assertEqual(
            self.status(self.bexio_user)["last_sync"], "2026-11-30 07:02:00"
        )

    def test_open_failures_need_attention(self):
        self.sign_in(self.connection)
        self.env["bexio.outbox"].sudo().create(
            {
                "connection_id": self.connection.id,
                "res_model": "res.partner",
                "res_id": self.env.user.partner_id.id,
                "target": "contact",
                "state": "failed",
                "last_error": "bexio refused the contact.",
            }
        )
        status = self.status(self.bexio_user)
        self.assertEqual(status["state"], "attention")
        self.assertEqual(status["failed_count"], 1)

    def test_a_copied_database_needs_attention_and_cannot_sync(self):
        self.sign_in(self.connection)
        self.env["ir.config_parameter"].sudo().set_param(
            "database.uuid", "a-restored-copy"
        )
        status = self.status(self.manager)
        self.assertEqual(status["state"], "attention")
        self.assertIn("This is the production database", status["message"])
        self.assertFalse(status["can_sync"])

    def test_sync_now_is_for_bexio_administrators(self):
        self.sign_in(self.connection)
        with self.assertRaises(AccessError):
            self.connection.with_user(self.bexio_user).action_sync_now()
        self.connection.with_user(self.manager).action_sync_now()
        self.assertEqual(len(self.jobs("bexio.connection", "_bexio_sync")), 1)
