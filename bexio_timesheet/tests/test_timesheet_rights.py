# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Who may refresh from bexio, map taxes and send invoices; mappings stay in their company."""

import datetime

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.bexio_connector.tests.roles import RolesMixin

from .common import BexioAccountingCase


@tagged("post_install", "-at_install")
class TestTimesheetRights(RolesMixin, BexioAccountingCase):
    extra_roles = {
        "invoicing": "base.group_user,account.group_account_invoice",
        "accounting_readonly": "base.group_user,account.group_account_readonly",
        "accountant_bexio_user": "base.group_user,account.group_account_manager,"
        "bexio_connector.group_bexio_user",
        "project_bexio_user": "base.group_user,project.group_project_user,"
        "bexio_connector.group_bexio_user",
    }

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sign_in(cls.connection)
        cls.env["bexio.timesheet.importer"]._import_master_data(
            cls.connection, cls.connection._bexio_client()
        )
        cls.company_b = cls.env["res.company"].create(
            {"name": "Bergsicht Treuhand GmbH"}
        )
        cls.connection_b = cls.env["bexio.connection"].create(
            {"company_id": cls.company_b.id}
        )
        cls.account_b = cls.env["bexio.account"].create(
            {
                "connection_id": cls.connection_b.id,
                "bexio_ref": 9001,
                "code": "3400",
                "name": "Dienstleistungserlöse B",
                "account_type": "1",
            }
        )
        cls.make_users()
        cls.project = cls.env["project.project"].create(
            {"name": "Umbau Werkstatt", "company_id": cls.company.id}
        )
        cls.move = cls.init_invoice(
            "out_invoice",
            invoice_date=datetime.date(2026, 11, 20),
            products=[cls.product_a],
            post=True,
        )

    def setUp(self):
        super().setUp()
        self.env["queue.job"].sudo().search([]).unlink()

    def invoice_items(self):
        return (
            self.env["bexio.outbox"]
            .sudo()
            .search([("res_model", "=", "account.move"), ("res_id", "=", self.move.id)])
        )

    def test_only_bexio_administrators_refresh_from_bexio(self):
        for role in ("internal", "bexio_user", "project_bexio_user", "settings_admin"):
            with self.subTest(role=role, on="connection"):
                with self.assertRaises(AccessError):
                    self.as_user(self.connection, role).action_bexio_refresh()
        with self.assertRaises(AccessError):
            self.as_user(self.project, "project_bexio_user").action_bexio_refresh()
        self.assertFalse(self.env["queue.job"].sudo().search([]))
        action = self.as_user(self.connection, "bexio_manager").action_bexio_refresh()
        self.assertEqual(action["tag"], "display_notification")
        self.assertIn("background", action["params"]["message"])
        self.assertEqual(len(self.jobs("bexio.connection", "_bexio_refresh_job")), 1)

    def test_only_bexio_administrators_map_taxes(self):
        for role in ("bexio_user", "accountant_bexio_user"):
            with self.subTest(role=role), self.assertRaises(AccessError):
                self.as_user(self.connection, role).action_bexio_suggest_tax_mapping()

    def test_only_users_who_post_invoices_send_them(self):
        for role in ("internal", "bexio_user", "bexio_manager", "accounting_readonly"):
            with self.subTest(role=role), self.assertRaises(AccessError):
                self.as_user(self.move, role).action_bexio_send()
        self.assertFalse(self.invoice_items())
        with self.assertRaises(AccessError):  # nor another company's invoicing user
            self.as_user(self.move, "invoicing", "b").action_bexio_send()
        self.as_user(self.move, "invoicing").action_bexio_send()
        self.assertEqual(self.invoice_items().state, "pending")

    def test_a_connection_maps_only_to_its_own_companys_bexio_accounts(self):
        manager = self.as_user(self.connection, "bexio_manager")
        with self.assertRaises(UserError):
            manager.write({"invoice_default_account_id": self.account_b.id})
        self.assertFalse(self.connection.invoice_default_account_id)
        revenue = self.env["bexio.account"].search(
            [("connection_id", "=", self.connection.id), ("code", "=", "3400")]
        )
        manager.write(
            {"invoice_default_account_id": revenue.id, "invoice_push_on_post": True}
        )
        self.assertEqual(self.connection.invoice_default_account_id, revenue)
        with self.assertRaises(AccessError):  # what the import wrote is the import's
            manager.write({"last_contact_import": "2030-01-01 00:00:00"})
