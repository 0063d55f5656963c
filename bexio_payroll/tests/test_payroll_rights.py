# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Employees' data goes to their own company's bexio only, and only as each role may send it.

AHV numbers and IBANs are read by HR alone: the outbox, the sync log, the chatter and the
server log show them masked.
"""

import json
from unittest.mock import patch

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from odoo.addons.bexio_connector.tests.common import BexioSandboxCase
from odoo.addons.bexio_connector.tests.logs import captured_log
from odoo.addons.bexio_connector.tests.roles import RolesMixin

from bexio_sandbox import resources as sandbox_resources

COMPANY = "alpenblick01"
PAYROLL = "/4.0/payroll/employees"
# The second company's employee: what must never reach the first company's bexio.
AHV_B = "756.1234.5678.97"
IBAN_B = "CH9300762011623852957"


def compact(value):
    return "".join(char for char in value if char.isalnum())


@tagged("post_install", "-at_install")
class TestPayrollRights(RolesMixin, BexioSandboxCase, HttpCase):
    extra_roles = {
        "hr_officer": "base.group_user,hr.group_hr_user",
        "hr_bexio_user": "base.group_user,hr.group_hr_user,"
        "bexio_connector.group_bexio_user",
    }

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sign_in(cls.connection)
        cls.Employee = cls.env["hr.employee"].with_context(tracking_disable=True)
        cls.Employee._bexio_import_employees(cls.connection)
        cls.company_b = cls.env["res.company"].create(
            {"name": "Bergsicht Treuhand GmbH"}
        )
        cls.make_users()
        cls.employee_b = cls.Employee.create(
            {
                "name": "Nadia Brunner",
                "company_id": cls.company_b.id,
                "ssnid": AHV_B,
                "birthday": "1988-04-02",
                "private_email": "nadia.brunner@bergsicht.example.ch",
            }
        )
        cls.employee_b.bank_account_id = cls.env["res.partner.bank"].create(
            {"partner_id": cls.employee_b.work_contact_id.id, "acc_number": IBAN_B}
        )

    def employee(self, number):
        return self.Employee.search([("personnel_number", "=", number)])

    def item(self, employee, target="payroll_employee"):
        return self.env["bexio.outbox"].search(
            [
                ("res_model", "=", "hr.employee"),
                ("res_id", "=", employee.id),
                ("target", "=", target),
            ],
            limit=1,
        )

    def sent_bodies(self):
        return json.dumps(
            [e.get("body") for e in self.sandbox_requests() if e.get("body")]
        )

    def assertNowhereInFull(self, value, log):
        """Neither ``value`` nor its digits alone in anything people without HR rights read."""
        for form in {value, compact(value)}:
            with self.subTest(value=form):
                items = self.env["bexio.outbox"].search([("last_error", "ilike", form)])
                self.assertFalse(items.mapped("last_error"))
                bodies = self.env["mail.message"].search([("body", "ilike", form)])
                self.assertFalse(bodies.mapped("body"))
                lines = self.env["bexio.sync.run.line"].search(
                    [("message", "ilike", form)]
                )
                self.assertFalse(lines.mapped("message"))
                runs = self.env["bexio.sync.run"].search([("message", "ilike", form)])
                self.assertFalse(runs.mapped("message"))
                self.assertFalse([line for line in log if form in line])

    # ----------------------------------------------------- another company's data
    def test_an_item_cannot_be_pointed_at_another_companys_employee(self):
        employee = self.employee("1005")
        employee.private_phone = "+41 79 500 50 50"
        item = self.item(employee)
        self.assertTrue(item)
        answer = self.call_kw(
            "bexio_manager",
            "bexio.outbox",
            "write",
            [[item.id], {"res_id": self.employee_b.id}],
        )
        self.assertRefusedOverRpc(answer)
        item.invalidate_recordset()
        self.assertEqual(item.res_id, employee.id)
        # Even changed behind Odoo's back, the job sends nothing of the other company's.
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE bexio_outbox SET res_id = %s WHERE id = %s",
            [self.employee_b.id, item.id],
        )
        self.env.invalidate_all()
        self.sandbox_admin("DELETE", "requests")
        self.run_jobs("bexio.outbox")
        self.assertEqual(item.state, "failed")
        self.assertIn("belongs to another company", item.last_error)
        sent = self.sent_bodies()
        for secret in (AHV_B, IBAN_B, "Brunner", "1988-04-02"):
            self.assertNotIn(secret, sent)
        self.assertFalse(
            [
                e
                for e in self.sandbox_docs("payroll_employee")
                if e["last_name"] == "Brunner"
            ]
        )
        self.assertFalse(self.employee_b.bexio_payroll_ref)

    # ------------------------------------------------------------ who may do what
    def test_only_bexio_administrators_import_employees(self):
        self.env["queue.job"].search([]).unlink()
        for role in ("internal", "bexio_user", "hr_officer", "settings_admin"):
            with self.subTest(role=role), self.assertRaises(AccessError):
                self.as_user(self.connection, role).action_bexio_import_employees()
        self.assertFalse(self.env["queue.job"].search([]))
        # A bexio administrator without HR rights: the import runs as the hourly sync does.
        action = self.as_user(
            self.connection, "bexio_manager"
        ).action_bexio_import_employees()
        # The click says what happens; a job object sent to the web client said nothing.
        self.assertEqual(action["tag"], "display_notification")
        self.assertIn("background", action["params"]["message"])
        self.assertEqual(
            self.run_jobs("bexio.connection", "_bexio_import_employees_job"), ["done"]
        )
        run = self.env["bexio.sync.run"].search(
            [("connection_id", "=", self.connection.id)], limit=1
        )
        self.assertEqual((run.state, run.failed_count), ("done", 0))

    def test_a_bexio_administrator_without_hr_rights_retries_an_employee(self):
        employee = self.employee("1006")
        employee.private_phone = "+41 79 600 60 60"
        item = self.item(employee)
        self.item(employee, "employee_contact").sudo().unlink()
        item.sudo().write({"state": "failed", "last_error": "bexio was down."})
        self.as_user(item, "bexio_manager").action_retry()
        self.run_jobs("bexio.outbox")
        self.assertEqual(item.state, "done", item.last_error)
        self.assertEqual(
            self.bexio_employee_phone(employee), "+41 79 600 60 60", item.last_error
        )

    def bexio_employee_phone(self, employee):
        doc = self.sandbox.app.store.get(
            COMPANY, "payroll_employee", employee.bexio_payroll_ref
        )
        return doc["phone_number"]

    def test_the_employee_buttons_are_for_hr_officers_of_the_employees_company(self):
        employee = self.employee("1010")
        for role in ("internal", "bexio_user", "bexio_manager", "settings_admin"):
            for action in (
                "action_bexio_sync",
                "action_bexio_keep_odoo_number",
                "action_bexio_take_bexio_number",
            ):
                with self.subTest(role=role, action=action):
                    with self.assertRaises(AccessError):
                        getattr(self.as_user(employee, role), action)()
        with self.assertRaises(AccessError):  # nor an HR officer of the other company
            self.as_user(employee, "hr_officer", "b").action_bexio_sync()
        self.assertEqual(self.sandbox_requests(), [])
        # An HR officer of its company syncs it, without any bexio right.
        store = self.sandbox.app.store
        doc = dict(
            store.get(COMPANY, "payroll_employee", employee.bexio_payroll_ref),
            phone_number="+41 79 101 01 01",
        )
        with store.transaction():
            store.put(COMPANY, "payroll_employee", doc["id"], doc)
        self.as_user(employee, "hr_officer").action_bexio_sync()
        self.assertEqual(employee.private_phone, "+41 79 101 01 01")

    # ------------------------------------------------------- AHV numbers and IBANs
    def test_an_ahv_number_bexio_echoes_in_its_refusal_is_masked(self):
        employee = self.employee("1011")
        new_ahv = "756.9217.0769.85"

        def refuse(values, creating):
            raise sandbox_resources.ProblemError(
                422,
                "Validation failed",
                errors=[
                    f"ahv_number {values.get('ahv_number')} is used by employee 1003"
                ],
            )

        with (
            patch.object(sandbox_resources.payroll, "_employee_values", refuse),
            captured_log() as log,
        ):
            employee.ssnid = new_ahv
            self.run_jobs("bexio.outbox")
        item = self.item(employee)
        self.assertEqual(item.state, "failed")
        self.assertIn("ahv_number 756.****.****.85 is used", item.last_error)
        self.assertTrue(
            [line for line in log if "756.****.****.85" in line],
            "the failure is logged, masked",
        )
        self.assertNowhereInFull(new_ahv, log)

    def test_a_malformed_ahv_number_from_bexio_is_masked_in_the_sync_run(self):
        employee = self.employee("1012")
        store = self.sandbox.app.store
        original = store.get(COMPANY, "payroll_employee", employee.bexio_payroll_ref)

        def put(doc):
            with store.transaction():
                store.put(COMPANY, "payroll_employee", doc["id"], doc)

        put(dict(original, ahv_number=[AHV_B]))  # a list where bexio sends a string
        self.addCleanup(put, original)  # the sandbox lives for the whole class
        with captured_log() as log:
            run = self.Employee._bexio_import_employees(self.connection)
        self.assertEqual(run.failed_count, 1)
        self.assertIn("ahv_number", run.line_ids.message)
        self.assertIn("756.****.****.97", run.line_ids.message)
        self.assertNowhereInFull(AHV_B, log)
