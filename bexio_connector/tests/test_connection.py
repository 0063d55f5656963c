# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""After connecting: the payroll probe, company master data, and "Test connection"."""

from odoo.tests import TransactionCase, tagged

from .common import BexioSandboxCase


@tagged("post_install", "-at_install")
class TestConnection(BexioSandboxCase, TransactionCase):
    def test_connecting_fills_empty_company_data_and_lists_differences(self):
        self.company.write(
            {
                "street": False,
                "zip": False,
                "city": False,
                "vat": False,
                "name": "Alpenblick (Odoo)",
            }
        )
        self.sign_in(self.connection)
        self.assertEqual(self.company.street, "Technikumstrasse 71")
        self.assertEqual(self.company.zip, "8400")
        self.assertEqual(self.company.city, "Winterthur")
        self.assertTrue(self.company.vat.startswith("CHE-"))
        self.assertEqual(
            self.company.name, "Alpenblick (Odoo)", "Odoo keeps its own values"
        )
        self.assertIn(
            'Name: Odoo "Alpenblick (Odoo)", bexio "Alpenblick Technik AG"',
            self.connection.master_data_differences,
        )

    def test_payroll_is_detected_and_rechecked_daily(self):
        with self.with_features("payroll"):  # as if the payroll sync were installed
            self.sign_in(self.connection)
            self.assertEqual(self.connection.payroll_state, "available")
            self.sandbox_admin(
                "POST", "companies/alpenblick01/payroll", json={"enabled": False}
            )
            self.env["bexio.connection"]._cron_check_payroll()
            self.assertEqual(self.connection.payroll_state, "not_subscribed")

    def test_payroll_state_says_whether_it_is_used_and_allowed(self):
        base = (
            "contacts",
            "accounting",
        )  # the connector alone, whatever else is installed
        with self.with_features(*base, only=True):
            self.sign_in(self.connection)
            self.assertEqual(self.connection.payroll_state, "not_requested")
        with self.with_features(*base, "payroll", only=True):
            # The payroll addon was installed after the connection was made: reconnect.
            self.connection._check_payroll()
            self.assertEqual(self.connection.payroll_state, "not_authorized")

    def test_test_connection_reports_each_area_in_plain_words(self):
        base = ("contacts", "accounting")
        with self.with_features(*base, only=True):
            self.sign_in(self.connection)
            action = self.connection.action_test_connection()
        check = self.env["bexio.connection.check"].browse(action["res_id"])
        status = {line.area: line.status for line in check.line_ids}
        self.assertEqual(status["Contacts"], "ok")
        self.assertEqual(status["Chart of accounts and taxes"], "ok")
        self.assertEqual(status["Payroll"], "not_used")  # nothing installed uses it
        self.assertEqual(
            check.summary, "Everything Odoo uses in bexio works (2 areas)."
        )
        # An invoicing addon installed since connecting needs a scope the sign-in lacks.
        with self.with_features(*base, "invoices", only=True):
            check = check.browse(self.connection.action_test_connection()["res_id"])
        invoices = check.line_ids.filtered(lambda line: line.area == "Invoices")
        self.assertEqual(invoices.status, "missing_scope")
        self.assertIn("Reconnect", invoices.message)
        self.assertIn("2 of the 3 areas Odoo uses work", check.summary)

    def test_test_connection_tells_a_missing_subscription_apart(self):
        with self.with_features("payroll"):
            self.sign_in(self.connection)
            self.sandbox_admin(
                "POST", "companies/alpenblick01/payroll", json={"enabled": False}
            )
            results = {r.area: r for r in self.connection._probe_areas()}
        self.assertEqual(results["payroll"].status, "not_subscribed")
        self.assertIn("subscription does not include", results["payroll"].message)
        self.assertEqual(self.connection.payroll_state, "not_subscribed")

    def test_a_bexio_outage_is_reported_not_raised(self):
        self.sign_in(self.connection)
        self.inject_fault(action="status", status=503, path="^/2.0/")
        results = {r.area: r for r in self.connection._probe_areas()}
        self.assertEqual(results["contacts"].status, "error")
        self.assertIn("Try again", results["contacts"].message)

    def test_test_connection_says_when_the_connection_must_be_renewed(self):
        self.sign_in(self.connection)
        self.sandbox_admin("POST", "tokens/revoke", json={})
        action = self.connection.action_test_connection()
        check = self.env["bexio.connection.check"].browse(action["res_id"])
        self.assertEqual(self.connection.state, "reconnect")
        self.assertIn('click "Reconnect"', check.summary)
        self.assertIn("Token is not active", self.connection.state_message)
        self.assertNotIn("connect again)", self.connection.state_message)
