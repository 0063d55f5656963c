# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The outbox sends a record only to the bexio of the record's own company.

Users cannot write outbox items at all (bexio_connector's test_rights); these items are
changed behind Odoo's back, in SQL, and the job must still send nothing where it does not
belong.
"""

from odoo.tests import TransactionCase, tagged

from odoo.addons.bexio_connector.tests.common import BexioSandboxCase


@tagged("post_install", "-at_install")
class TestOutboxRights(BexioSandboxCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sign_in(cls.connection)
        cls.Record = cls.env["test.bexio.record"]
        cls.company_b = cls.env["res.company"].create(
            {"name": "Bergsicht Treuhand GmbH"}
        )
        # Company B has no connection: saving its records queues nothing.
        cls.secret = cls.Record.create(
            {
                "name": "Bergsicht Kundin",
                "email": "kundin@bergsicht.example.ch",
                "company_id": cls.company_b.id,
            }
        )

    def setUp(self):
        super().setUp()
        self.record = self.Record.create({"name": "Eigene AG"})
        self.item = self.env["bexio.outbox"].search(
            [("res_model", "=", self.Record._name), ("res_id", "=", self.record.id)]
        )
        self.assertEqual(len(self.item), 1)

    def tamper(self, **columns):
        assignments = ", ".join(f"{column} = %s" for column in columns)
        self.env.flush_all()
        self.env.cr.execute(
            f"UPDATE bexio_outbox SET {assignments} WHERE id = %s",  # noqa: S608
            [*columns.values(), self.item.id],
        )
        self.env.invalidate_all()
        self.sandbox_admin("DELETE", "requests")

    def sent_anything(self):
        return [
            e
            for e in self.sandbox_requests()
            if e["method"] in ("POST", "PUT", "PATCH")
        ]

    def test_an_item_pointed_at_another_companys_record_sends_nothing(self):
        self.tamper(res_id=self.secret.id)
        self.assertEqual(self.run_jobs("bexio.outbox"), ["done"])
        self.assertEqual(self.item.state, "failed")
        self.assertIn("belongs to another company", self.item.last_error)
        self.assertEqual(self.sent_anything(), [])
        self.assertFalse(
            [
                c
                for c in self.sandbox_docs("contact")
                if c["name_1"] == "Bergsicht Kundin"
            ]
        )
        self.assertFalse(self.secret.bexio_contact_id)

    def test_a_record_moved_to_another_company_is_not_sent_to_the_old_one(self):
        self.record.with_context(bexio_no_outbox=True).company_id = self.company_b
        self.sandbox_admin("DELETE", "requests")
        self.assertEqual(self.run_jobs("bexio.outbox"), ["done"])
        self.assertEqual(self.item.state, "failed")
        self.assertIn("Eigene AG belongs to another company", self.item.last_error)
        self.assertEqual(self.sent_anything(), [])

    def test_an_item_naming_a_model_that_is_not_synced_sends_nothing(self):
        admin = self.env.ref("base.user_admin")
        self.tamper(res_model="res.users", res_id=admin.id)
        self.assertEqual(self.run_jobs("bexio.outbox"), ["done"])
        self.assertEqual(self.item.state, "failed")
        self.assertIn("names nothing Odoo sends to bexio", self.item.last_error)
        self.assertEqual(self.sent_anything(), [])

    def test_an_item_naming_another_target_sends_nothing(self):
        self.tamper(target="payroll_employee")
        self.assertEqual(self.run_jobs("bexio.outbox"), ["done"])
        self.assertEqual(self.item.state, "failed")
        self.assertEqual(self.sent_anything(), [])
