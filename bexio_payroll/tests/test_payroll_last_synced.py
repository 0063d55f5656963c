# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Employees read "Synced" right after the import, with when they were last synced; the
sync writes that (and the other sync fields) alone; each button says what it does."""

import datetime

from lxml import etree

from odoo import fields
from odoo.tests import HttpCase, tagged

from odoo.addons.bexio_connector.tests.common import BexioSandboxCase
from odoo.addons.bexio_connector.tests.roles import RolesMixin

LONG_AGO = datetime.datetime(2020, 1, 1)


@tagged("post_install", "-at_install")
class TestPayrollLastSynced(RolesMixin, BexioSandboxCase, HttpCase):
    extra_roles = {"hr_officer": "base.group_user,hr.group_hr_user"}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sign_in(cls.connection)
        cls.company_b = cls.env["res.company"].create({"name": "Bergsicht AG"})
        cls.make_users()
        cls.Employee = cls.env["hr.employee"]
        cls.started = fields.Datetime.now()
        cls.Employee._bexio_import_employees(cls.connection)

    def employee(self, number):
        return self.Employee.search([("personnel_number", "=", number)])

    def set_long_ago(self, employee):
        self.env.cr.execute(
            "UPDATE hr_employee SET bexio_synced_at = %s WHERE id = %s",
            [LONG_AGO, employee.id],
        )
        employee.invalidate_recordset()

    def test_imported_employees_read_synced_with_when(self):
        imported = self.Employee.search([("bexio_payroll_ref", "!=", False)])
        self.assertEqual(len(imported), 30)
        self.assertEqual(set(imported.mapped("bexio_sync_state")), {"synced"})
        for employee in imported:
            self.assertGreaterEqual(employee.bexio_synced_at, self.started)
        # An employee bexio never heard of is not synced.
        alone = self.Employee.create(
            {"name": "Odoo Only", "company_id": self.company.id}
        )
        self.assertEqual(alone.bexio_sync_state, "not_synced")
        self.assertFalse(alone.bexio_synced_at)

    def test_an_employee_matched_by_personnel_number_reads_synced(self):
        employee = self.employee("1003")
        self.env.cr.execute(
            "UPDATE hr_employee SET bexio_payroll_ref = NULL, bexio_synced_at = NULL "
            "WHERE id = %s",
            [employee.id],
        )
        employee.invalidate_recordset()
        self.assertEqual(employee.bexio_sync_state, "not_synced")
        self.Employee._bexio_import_employees(self.connection)
        employee.invalidate_recordset()
        self.assertTrue(employee.bexio_payroll_ref)
        self.assertEqual(employee.bexio_sync_state, "synced")
        self.assertTrue(employee.bexio_synced_at)

    def test_a_send_and_sync_with_bexio_update_last_synced(self):
        employee = self.employee("1004")
        self.set_long_ago(employee)
        employee.private_phone = "+41 79 404 04 04"
        self.run_jobs("bexio.outbox")
        employee.invalidate_recordset()
        self.assertGreater(employee.bexio_synced_at, LONG_AGO)

        self.set_long_ago(employee)
        employee.with_user(self.users["hr_officer", "a"]).action_bexio_sync()
        employee.invalidate_recordset()
        self.assertGreater(employee.bexio_synced_at, LONG_AGO)

    def test_a_second_import_still_writes_nothing_but_the_stamp(self):
        employee = self.employee("1002")
        self.set_long_ago(employee)
        employee.flush_recordset()
        before = employee.write_date
        self.Employee._bexio_import_employees(self.connection)
        employee.invalidate_recordset()
        self.assertEqual(employee.write_date, before)
        self.assertGreater(employee.bexio_synced_at, LONG_AGO)

    # -------------------------------------------------------------- over RPC
    def test_users_cannot_write_what_the_sync_writes_over_rpc(self):
        employee = self.employee("1005")
        for values in (
            {"bexio_synced_at": "2030-01-01 00:00:00"},
            {"bexio_payroll_ref": "00000000-0000-0000-0000-000000000000"},
            {"bexio_conflict": "made up"},
            {"bexio_employment_level": 10.0},
        ):
            with self.subTest(values=values):
                answer = self.call_kw(
                    "hr_officer", "hr.employee", "write", [employee.ids, values]
                )
                self.assertRefusedOverRpc(answer)
        answer = self.call_kw(
            "hr_officer",
            "hr.employee",
            "create",
            [{"name": "Fake Link", "bexio_contact_ref": 1}],
        )
        self.assertRefusedOverRpc(answer)
        # Not even with the context the import itself uses.
        answer = self.call_kw(
            "hr_officer",
            "hr.employee",
            "write",
            [employee.ids, {"bexio_synced_at": "2030-01-01 00:00:00"}],
            {"context": {"bexio_no_outbox": True}},
        )
        self.assertRefusedOverRpc(answer)
        # What the employee's HR officer edits is still theirs.
        answer = self.call_kw(
            "hr_officer",
            "hr.employee",
            "write",
            [employee.ids, {"private_phone": "+41 79 505 05 05"}],
        )
        self.assertNotIn("error", answer, answer)

    # -------------------------------------------------------------- buttons
    def arch(self, model, user):
        views = self.env[model].with_user(user).get_views([(False, "form")])
        return etree.fromstring(views["views"]["form"]["arch"])

    def test_each_sync_button_says_what_it_does_and_none_repeats_another(self):
        connection = self.arch("bexio.connection", self.users["bexio_manager", "a"])
        self.assertFalse(
            connection.xpath("//button[@name='action_bexio_import_employees']"),
            "Sync now imports the employees",
        )
        (sync_now,) = connection.xpath("//button[@name='action_sync_now']")
        self.assertIn("employees", sync_now.get("help", ""))
        employee = self.arch("hr.employee", self.users["hr_officer", "a"])
        (sync,) = employee.xpath("//button[@name='action_bexio_sync']")
        self.assertIn("Reads this employee from bexio", sync.get("help", ""))
        self.assertTrue(employee.xpath("//field[@name='bexio_synced_at']"))
