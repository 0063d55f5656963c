# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""An AHV number or IBAN that bexio payroll would refuse is refused when the employee is
saved, goes nowhere in full or masked, and a send that leaves values out says so: the
outbox item and the employee's badge read "Sent in part", with every problem listed."""

import json

from odoo.exceptions import ValidationError
from odoo.tests import HttpCase, tagged

from odoo.addons.bexio_connector.tests.common import BexioSandboxCase
from odoo.addons.bexio_connector.tests.logs import captured_log
from odoo.addons.bexio_connector.tests.roles import RolesMixin

COMPANY = "alpenblick01"
PAYROLL = "/4.0/payroll/employees"
# A wrong check digit each: what an HR officer may mistype.
INVALID_AHV = "756.9217.0769.84"
INVALID_IBAN = "CH00 8888 7777 6666 5555 4"


def forms_of(value):
    """The value as typed, without separators, and its digits after the country prefix."""
    compact = "".join(char for char in value if char.isalnum())
    return {value, compact, compact[3:] if value.startswith("756") else compact[4:]}


@tagged("post_install", "-at_install")
class TestPayrollValidation(RolesMixin, BexioSandboxCase, HttpCase):
    extra_roles = {"hr_officer": "base.group_user,hr.group_hr_user"}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sign_in(cls.connection)
        cls.company_b = cls.env["res.company"].create({"name": "Bergsicht AG"})
        cls.make_users()
        cls.Employee = cls.env["hr.employee"]
        cls.Employee._bexio_import_employees(cls.connection)

    def setUp(self):
        super().setUp()
        self.sandbox_admin("DELETE", "requests")

    def employee(self, number):
        return self.Employee.search([("personnel_number", "=", number)])

    def items(self, employee):
        return self.env["bexio.outbox"].search(
            [
                ("res_model", "=", "hr.employee"),
                ("res_id", "=", employee.id),
                ("target", "=", "payroll_employee"),
            ]
        )

    def put_bexio_employee(self, doc):
        store = self.sandbox.app.store
        original = store.get(COMPANY, "payroll_employee", doc["id"])

        def put(value):
            with store.transaction():
                store.put(COMPANY, "payroll_employee", value["id"], value)

        put(doc)
        self.addCleanup(put, original)  # the sandbox lives for the whole class

    def payroll_writes(self):
        return [
            e
            for e in self.sandbox_requests()
            if e["method"] in ("POST", "PATCH") and e["path"].startswith(PAYROLL)
        ]

    def save_over_rpc(self, employee, values):
        return self.call_kw(
            "hr_officer", "hr.employee", "write", [employee.ids, values]
        )

    def assertNowhere(self, value, log, employee):
        """Not in full, without separators or as its digits: not in the outbox, the sync
        runs, the employee's chatter (messages and tracked values), nor the server log."""
        self.env.flush_all()
        messages = employee.message_ids
        for form in forms_of(value):
            with self.subTest(form=form):
                self.assertFalse(
                    self.env["bexio.outbox"]
                    .search([("last_error", "ilike", form)])
                    .mapped("last_error")
                )
                self.assertFalse(
                    self.env["bexio.sync.run.line"]
                    .search([("message", "ilike", form)])
                    .mapped("message")
                )
                self.assertFalse(
                    self.env["bexio.sync.run"]
                    .search([("message", "ilike", form)])
                    .mapped("message")
                )
                self.assertFalse([m.body for m in messages if form in (m.body or "")])
                tracked = messages.sudo().tracking_value_ids
                self.assertFalse(
                    [
                        (t.field_id.name, t.old_value_char, t.new_value_char)
                        for t in tracked
                        if form in f"{t.old_value_char} {t.new_value_char}"
                    ]
                )
                self.assertFalse([line for line in log if form in line])

    # ------------------------------------------------------------- at save time
    def test_an_invalid_ahv_number_is_refused_when_saved_and_goes_nowhere(self):
        employee = self.employee("1007")
        before = employee.ssnid
        with captured_log() as log:
            answer = self.save_over_rpc(
                employee, {"ssnid": INVALID_AHV, "private_phone": "+41 79 777 77 77"}
            )
            self.run_jobs("bexio.outbox")
        self.assertRefusedOverRpc(answer, "odoo.exceptions.ValidationError")
        message = answer["error"]["data"]["message"]
        self.assertIn("AHV number", message)
        self.assertIn("756.xxxx.xxxx.xx", message)
        employee.invalidate_recordset()
        self.assertEqual(employee.ssnid, before)
        self.assertNotEqual(employee.private_phone, "+41 79 777 77 77", "nothing saved")
        self.assertFalse(self.items(employee), "nothing waits for bexio")
        self.assertFalse(self.payroll_writes())
        self.assertNowhere(INVALID_AHV, log + [json.dumps(answer)], employee)
        # A valid one saves however it is written; outside bexio's companies any SSN does.
        answer = self.save_over_rpc(employee, {"ssnid": "7569217076985"})
        self.assertNotIn("error", answer, answer)
        french = self.Employee.create(
            {"name": "Jean Dupont", "company_id": self.company_b.id}
        )
        french.ssnid = "1 85 05 78 006 084 36"

    def test_an_invalid_iban_is_refused_on_the_employee_and_on_its_account(self):
        employee = self.employee("1008")
        Bank = self.env["res.partner.bank"]
        partner = employee.work_contact_id
        wrong = Bank.create({"partner_id": partner.id, "acc_number": INVALID_IBAN})
        with captured_log() as log:
            answer = self.save_over_rpc(employee, {"bank_account_id": wrong.id})
        self.assertRefusedOverRpc(answer, "odoo.exceptions.ValidationError")
        self.assertIn("not a valid IBAN", answer["error"]["data"]["message"])
        self.assertIn("21 characters", answer["error"]["data"]["message"])
        # The account in use cannot be changed to an invalid number behind the employee.
        right = Bank.create(
            {"partner_id": partner.id, "acc_number": "CH9300762011623852957"}
        )
        self.assertNotIn(
            "error", self.save_over_rpc(employee, {"bank_account_id": right.id})
        )
        with self.assertRaisesRegex(ValidationError, "not a valid IBAN"):
            right.acc_number = "CH93 0076 2011 6238 5295 8"
        self.assertNowhere(INVALID_IBAN, log + [json.dumps(answer)], employee)

    # ---------------------------------------------------------------- from bexio
    def test_an_invalid_ahv_number_in_bexio_is_neither_imported_nor_logged(self):
        employee = self.employee("1012")
        before = employee.ssnid
        doc = self.sandbox.app.store.get(
            COMPANY, "payroll_employee", employee.bexio_payroll_ref
        )
        self.put_bexio_employee(dict(doc, ahv_number=INVALID_AHV))
        with captured_log() as log:
            run = self.Employee._bexio_import_employees(self.connection)
        employee.invalidate_recordset()
        self.assertEqual(employee.ssnid, before, "Odoo keeps its valid number")
        self.assertEqual(run.state, "partial")
        self.assertIn("AHV number that is not valid", run.line_ids.message)
        self.assertIn("1012", run.line_ids.message)
        self.assertNowhere(INVALID_AHV, log, employee)

    # ----------------------------------------------------------- sent in part
    def test_a_send_without_some_values_is_not_green_and_lists_every_problem(self):
        employee = self.employee("1014")
        employee.write({"private_street": "Dorfplatz", "private_city": "Chur"})
        self.run_jobs("bexio.outbox")
        item = self.items(employee)[0]
        self.assertEqual(item.state, "partial")
        self.assertEqual(
            dict(item._fields["state"]._description_selection(self.env))["partial"],
            "Sent in part",
        )
        self.assertEqual(employee.bexio_sync_state, "partial")
        self.assertIn("no house number", employee.bexio_sync_error)
        self.assertEqual(self.bexio_employee_city("1014"), "Chur", "the rest was sent")

        employee.write({"birthday": "1850-01-01"})
        self.run_jobs("bexio.outbox")
        employee.invalidate_recordset()
        self.assertEqual(self.items(employee)[0].state, "partial")
        self.assertIn("no house number", employee.bexio_sync_error, "still listed")
        self.assertIn("date of birth", employee.bexio_sync_error)

        employee.write({"private_street": "Dorfplatz 3"})
        self.run_jobs("bexio.outbox")
        employee.invalidate_recordset()
        self.assertNotIn("no house number", employee.bexio_sync_error)
        self.assertIn("date of birth", employee.bexio_sync_error)

        employee.write({"birthday": "1985-03-04"})
        self.run_jobs("bexio.outbox")
        employee.invalidate_recordset()
        self.assertEqual(self.items(employee)[0].state, "done")
        self.assertEqual(employee.bexio_sync_state, "synced")
        self.assertFalse(employee.bexio_sync_error)

    def test_an_invalid_ahv_number_saved_before_the_rule_is_named_never_shown(self):
        employee = self.employee("1007")
        # What the class's import left to track is tracked before SQL changes the row.
        self.env.cr.precommit.run()
        # Saved before Odoo refused such numbers: only SQL writes one now.
        self.env.cr.execute(
            "UPDATE hr_employee SET ssnid = %s WHERE id = %s",
            [INVALID_AHV, employee.id],
        )
        self.env.invalidate_all()
        with captured_log() as log:
            employee.write({"private_phone": "+41 79 777 77 78"})
            self.run_jobs("bexio.outbox")
        patch = self.payroll_writes()[0]["body"]
        self.assertNotEqual(patch["ahv_number"], INVALID_AHV, "bexio's own, unchanged")
        self.assertEqual(patch["phone_number"], "+41 79 777 77 78")
        item = self.items(employee)[0]
        self.assertEqual(item.state, "partial")
        self.assertIn("AHV number in Odoo is not valid", item.last_error)
        self.assertNotIn("*", item.last_error, "not even masked")
        self.assertIn("AHV number in Odoo is not valid", employee.message_ids[0].body)
        self.assertNowhere(INVALID_AHV, log, employee)

    def bexio_employee_city(self, number):
        for doc in self.sandbox_docs("payroll_employee"):
            if doc.get("personal_number") == number:
                return doc["address"]["city"]
        return None
