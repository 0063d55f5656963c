# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A copy of the database must not write to the production bexio account until a settings
administrator says that it is the production database."""

from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, new_test_user, tagged

from odoo.addons.bexio_connector.exceptions import BexioCopiedDatabase
from odoo.addons.bexio_connector.tests.common import BexioSandboxCase

from bexio_api import errors

CONTACT = "/2.0/contact"


@tagged("post_install", "-at_install")
class TestCopyGuard(BexioSandboxCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.params = cls.env["ir.config_parameter"].sudo()
        cls.manager = new_test_user(
            cls.env,
            login="copy-guard-manager",
            groups="base.group_user,bexio_connector.group_bexio_manager",
        )
        cls.admin = new_test_user(
            cls.env,
            login="copy-guard-admin",
            groups="base.group_user,bexio_connector.group_bexio_manager,base.group_system",
        )

    def setUp(self):
        super().setUp()
        self.sign_in(self.connection)
        self.outbox_cron_triggers().unlink()

    def restore_as_copy(self):
        # What "restore as a copy" of the database manager does: a new database UUID.
        self.params.set_param("database.uuid", "5b7c1d2e-0000-4000-8000-restoredcopy")
        self.connection.invalidate_recordset()

    def notes(self):
        return " ".join(self.connection.message_ids.mapped("body"))

    def contact_posts(self):
        return self.sandbox_requests(CONTACT, "POST")

    def test_a_copy_sends_nothing_until_confirmed(self):
        self.restore_as_copy()
        self.assertTrue(self.connection.bexio_copy_guard)
        record = self.env["test.bexio.record"].create({"name": "Pilatus Kopie AG"})
        item = self.env["bexio.outbox"].search(
            [("res_model", "=", record._name), ("res_id", "=", record.id)]
        )
        self.run_jobs("bexio.outbox")
        self.assertFalse(self.contact_posts(), "nothing reached bexio")
        self.assertEqual(item.state, "pending", "the change waits")
        self.assertIn("This is the production database", item.last_error)
        self.assertFalse(record.bexio_contact_id)
        # No refresh either: it would rotate the token production uses.
        with self.assertRaises(BexioCopiedDatabase):
            self.connection._refresh_tokens()

        self.connection.with_user(self.admin).action_confirm_production_database()
        self.assertFalse(self.connection.bexio_copy_guard)
        self.assertIn("confirmed that this is the production", self.notes())
        self.run_jobs("bexio.outbox")
        self.assertEqual(item.state, "done")
        self.assertEqual(len(self.contact_posts()), 1)
        self.assertTrue(record.bexio_contact_id)

    def test_the_outbox_cron_queues_nothing_for_a_copy(self):
        self.restore_as_copy()
        self.env["test.bexio.record"].create({"name": "Rigi Kopie AG"})
        item = self.env["bexio.outbox"].search([], order="id desc", limit=1)
        self.run_outbox_cron_if_asked()
        self.assertFalse(self.jobs("bexio.outbox", "_process"))
        self.assertEqual(item.state, "pending")
        self.assertIn("This is the production database", item.last_error)

    def test_another_address_is_treated_as_a_copy(self):
        self.params.set_param("web.base.url", "https://staging.example.ch")
        self.connection.invalidate_recordset()
        self.assertIn("staging.example.ch", self.connection.bexio_copy_message)
        with self.assertRaises(BexioCopiedDatabase):
            self.connection._bexio_client()
        with self.assertRaises(BexioCopiedDatabase):
            self.connection.action_sync_now()
        self.assertFalse(self.jobs("bexio.connection", "_bexio_sync"))

    def test_the_hourly_sync_skips_a_copy(self):
        self.restore_as_copy()
        self.jobs("bexio.connection", "_bexio_sync").unlink()
        self.env["bexio.connection"]._cron_sync()
        self.assertFalse(self.jobs("bexio.connection", "_bexio_sync"))

    def test_the_nightly_full_re_read_skips_a_copy(self):
        self.restore_as_copy()
        self.env["bexio.connection"]._cron_sync(full=True)
        self.assertFalse(self.jobs("bexio.connection", "_bexio_full_sync"))
        with self.assertRaises(BexioCopiedDatabase):
            self.connection.action_full_sync()

    def test_only_a_settings_administrator_confirms(self):
        self.restore_as_copy()
        with self.assertRaises(AccessError):
            self.connection.with_user(self.manager).action_confirm_production_database()
        self.assertTrue(self.connection.bexio_copy_guard)
        self.connection.with_user(self.admin).action_confirm_production_database()
        self.assertFalse(self.connection.bexio_copy_guard)

    def test_disconnecting_a_copy_leaves_production_connected(self):
        refresh = self.connection._token_record().refresh_token
        self.restore_as_copy()
        self.connection.with_user(self.manager).action_disconnect()
        self.assertEqual(self.connection.state, "disconnected")
        self.assertFalse(self.connection._token_record())
        self.assertIn("not revoked at bexio", self.notes())
        # The production database still holds a grant bexio accepts.
        try:
            self.connection._oauth_client().refresh(refresh, lambda token: None)
        except errors.InvalidGrant:
            self.fail("disconnecting the copy revoked production's tokens")

    def test_signing_in_again_adopts_this_database(self):
        self.restore_as_copy()
        self.sign_in(self.connection)
        self.assertFalse(self.connection.bexio_copy_guard)
        self.assertEqual(
            self.connection.bexio_database_uuid, self.params.get_param("database.uuid")
        )

    def test_neutralizing_marks_the_connection(self):
        from odoo.modules.neutralize import get_neutralization_queries

        for query in get_neutralization_queries(["bexio_connector"]):
            self.env.cr.execute(query)
        self.env.invalidate_all()
        self.assertEqual(self.connection.bexio_database_uuid, "neutralized")
        self.assertFalse(self.connection._token_record(), "its tokens are gone")
