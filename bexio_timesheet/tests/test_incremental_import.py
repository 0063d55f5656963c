# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The hourly sync asks bexio for the contacts changed since the last one; the nightly full
re-read also finds the contacts deleted in bexio (issue 20)."""

from odoo.tests import TransactionCase, tagged

from odoo.addons.bexio_connector.tests.common import BexioSandboxCase

COMPANY = "alpenblick01"


@tagged("post_install", "-at_install")
class TestIncrementalImport(BexioSandboxCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sign_in(cls.connection)

    def setUp(self):
        super().setUp()
        self.client = self.connection._bexio_client()
        self.customer = next(
            c
            for c in self.sandbox_docs("contact")
            if "2" in (c.get("contact_group_ids") or "").split(",")
            and not c.get("_archived")
        )
        # The sandbox lives for the class, Odoo's side of each test rolls back.
        original = dict(self.customer)
        self.addCleanup(self.restore, original)

    def restore(self, doc):
        store = self.sandbox.app.store
        with store.transaction():
            store.put(COMPANY, "contact", doc["id"], doc)

    def contacts_run(self, **kwargs):
        runs = self.env["bexio.timesheet.importer"]._import_all(
            self.connection, **kwargs
        )
        return next(r for r in runs if r.kind == "Contacts from bexio")

    def partner(self):
        return self.env["bexio.partner.binding"]._partners_of(self.connection)[
            self.customer["id"]
        ]

    def test_nothing_changed_asks_bexio_only_for_changes(self):
        # One contact changed today, the others when the company was set up.
        self.client.contacts.update(self.customer["id"], {"city": "Thun"})
        first = self.contacts_run()
        seq = self.sandbox_requests()[-1]["seq"]
        run = self.contacts_run()
        asked = [e for e in self.sandbox_requests() if e["seq"] > seq]
        # The categories, the contacts changed since an hour before the newest change seen
        # (the one of today), the countries for it, the relations changed since then.
        self.assertEqual(
            [(e["method"], e["path"]) for e in asked if "contact" in e["path"]],
            [
                ("GET", "/2.0/contact_group"),
                ("POST", "/2.0/contact/search"),
                ("POST", "/2.0/contact_relation/search"),
            ],
        )
        self.assertGreater(first.created_count, 10)
        self.assertEqual(
            (run.created_count, run.updated_count, run.skipped_count), (0, 0, 1)
        )
        self.assertIn("Changes since the last sync", run.message)

    def test_a_change_in_bexio_comes_in_with_the_hourly_sync(self):
        other = next(
            c
            for c in self.sandbox_docs("contact")
            if c["id"] != self.customer["id"]
            and "2" in (c.get("contact_group_ids") or "").split(",")
        )
        self.addCleanup(self.restore, dict(other))
        self.client.contacts.update(other["id"], {"city": "Spiez"})
        self.contacts_run()
        self.client.contacts.update(self.customer["id"], {"city": "Thun"})
        run = self.contacts_run()
        self.assertEqual(self.partner().city, "Thun")
        # The change, and the one of the last hour read again: not every customer.
        self.assertEqual(
            (run.created_count, run.updated_count, run.skipped_count), (0, 1, 1)
        )

    def test_a_contact_deleted_in_bexio_is_archived_by_the_nightly_full_read(self):
        self.contacts_run()
        partner = self.partner()
        self.client.contacts.delete(self.customer["id"])
        self.contacts_run()
        self.assertTrue(partner.active, "a search on changes cannot see a deletion")
        self.env["bexio.connection"]._cron_sync(full=True)
        self.assertEqual(len(self.jobs("bexio.connection", "_bexio_full_sync")), 1)
        # What the job does in this addon (the payroll's import has tests of its own).
        self.env["bexio.timesheet.importer"].with_context(
            bexio_full_read=True
        )._import_all(self.connection)
        self.assertFalse(partner.active)
        run = self.env["bexio.sync.run"].search(
            [("kind", "=", "Contacts from bexio")], limit=1
        )
        self.assertIn("1 contacts were deleted in bexio", run.message)

    def test_full_re_read_button_queues_the_full_sync(self):
        self.connection.with_user(self.env.user).action_full_sync()
        self.assertEqual(len(self.jobs("bexio.connection", "_bexio_full_sync")), 1)
