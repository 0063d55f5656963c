# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Time off as bexio payroll absences, over real HTTP to the sandbox, with real jobs."""

import datetime
import json

from odoo.tests import TransactionCase, tagged

from odoo.addons.bexio_connector.tests.common import BexioSandboxCase

COMPANY = "alpenblick01"


@tagged("post_install", "-at_install")
class TestAbsences(BexioSandboxCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sign_in(cls.connection)
        cls.env["hr.employee"]._bexio_import_employees(cls.connection)
        cls.employee = cls.env["hr.employee"].search(
            [("personnel_number", "=", "1001")]
        )
        cls.leave_type = cls.env["hr.leave.type"].create(
            {
                "name": "bexio vacation",
                "requires_allocation": "no",
                "leave_validation_type": "hr",
                "bexio_absence_reason": "Vacation",
                "company_id": cls.employee.company_id.id,
            }
        )
        cls.Leave = cls.env["hr.leave"].with_context(
            tracking_disable=True, leave_skip_state_check=True
        )

    def setUp(self):
        super().setUp()
        self.connection.payroll_send_absences = True
        # The sandbox lives for the class: each test starts with no absences in bexio.
        store = self.sandbox.app.store
        with store.transaction():
            for absence in store.all(COMPANY, "payroll_absence"):
                store.delete(COMPANY, "payroll_absence", absence["id"])

    def absences(self):
        return [
            a
            for a in self.sandbox_docs("payroll_absence")
            if a["_employee"] == self.employee.bexio_payroll_ref
        ]

    def leave(self, start, end, leave_type=None, **values):
        leave = self.Leave.create(
            {
                "employee_id": self.employee.id,
                "holiday_status_id": (leave_type or self.leave_type).id,
                "request_date_from": start,
                "request_date_to": end,
            }
        )
        if values:
            leave.write(values)
        leave.action_approve()
        self.assertEqual(leave.state, "validate")
        self.run_jobs("bexio.outbox")
        return leave

    def test_validated_time_off_is_one_absence_and_follows_changes(self):
        leave = self.leave("2027-03-01", "2027-03-05")
        (absence,) = self.absences()
        self.assertEqual(
            (absence["reason"], absence["start_date"], absence["end_date"]),
            ("Vacation", "2027-03-01", "2027-03-05"),
        )
        self.assertFalse(absence["half_day"])
        self.assertEqual(json.loads(leave.bexio_absence_refs), {"2027": absence["id"]})
        self.run_jobs("bexio.outbox")
        self.assertEqual(len(self.absences()), 1, "sent once")

        # As an HR manager corrects validated time off: past hr_holidays' state check.
        edit = leave.with_context(
            leave_skip_state_check=True, leave_skip_date_check=True
        )
        edit.write({"request_date_to": datetime.date(2027, 3, 3)})
        edit.flush_recordset()
        self.run_jobs("bexio.outbox")
        (absence,) = self.absences()
        self.assertEqual(absence["end_date"], "2027-03-03")

        leave.action_refuse()
        self.run_jobs("bexio.outbox")
        self.assertEqual(self.absences(), [])
        self.assertFalse(leave.bexio_absence_refs)

    def test_cancelled_time_off_is_deleted(self):
        self.employee.user_id = self.env.user  # employees cancel their own time off
        leave = self.leave("2027-04-05", "2027-04-06")
        self.assertEqual(len(self.absences()), 1)
        leave._action_user_cancel("plans changed")
        self.assertEqual(leave.state, "cancel")
        self.run_jobs("bexio.outbox")
        self.assertEqual(self.absences(), [])

    def test_half_day(self):
        self.leave_type.request_unit = "half_day"
        self.leave(
            "2027-05-03",
            "2027-05-03",
            request_unit_half=True,
            request_date_from_period="am",
        )
        (absence,) = self.absences()
        self.assertTrue(absence["half_day"])
        self.assertEqual(absence["start_date"], absence["end_date"])

    def test_time_off_over_new_year_is_one_absence_per_business_year(self):
        leave = self.leave("2027-12-27", "2028-01-07")
        spans = sorted((a["start_date"], a["end_date"]) for a in self.absences())
        self.assertEqual(
            spans, [("2027-12-27", "2027-12-31"), ("2028-01-01", "2028-01-07")]
        )
        self.assertEqual(sorted(json.loads(leave.bexio_absence_refs)), ["2027", "2028"])

    def test_an_unmapped_type_is_not_sent_and_the_leave_says_so(self):
        unmapped = self.leave_type.copy({"bexio_absence_reason": False})
        leave = self.leave("2027-06-07", "2027-06-08", leave_type=unmapped)
        self.assertEqual(self.absences(), [])
        self.assertIn("has no bexio absence reason", leave.bexio_absence_note)

    def test_switch_off_sends_nothing(self):
        self.connection.payroll_send_absences = False
        leave = self.leave("2027-07-05", "2027-07-06")
        self.assertEqual(self.absences(), [])
        self.assertFalse(leave.bexio_absence_note)

    def test_an_identical_absence_in_bexio_is_adopted(self):
        store = self.sandbox.app.store
        with store.transaction():
            store.put(
                COMPANY,
                "payroll_absence",
                "0b4c1a52-6d1e-4c8e-9a57-3f1f7e1b2c01",
                {
                    "id": "0b4c1a52-6d1e-4c8e-9a57-3f1f7e1b2c01",
                    "_employee": self.employee.bexio_payroll_ref,
                    "reason": "Vacation",
                    "start_date": "2027-08-02",
                    "end_date": "2027-08-06",
                    "half_day": False,
                    "continued_pay": 100,
                    "disability": 100,
                    "paid_hours": 0,
                },
            )
        leave = self.leave("2027-08-02", "2027-08-06")
        self.assertEqual(len(self.absences()), 1)
        self.assertEqual(
            json.loads(leave.bexio_absence_refs),
            {"2027": "0b4c1a52-6d1e-4c8e-9a57-3f1f7e1b2c01"},
        )

    def test_standard_types_have_default_reasons(self):
        self.assertEqual(
            self.env.ref("hr_holidays.holiday_status_sl").bexio_absence_reason,
            "Sickness",
        )
        self.assertEqual(
            self.env.ref("hr_holidays.holiday_status_cl").bexio_absence_reason,
            "Vacation",
        )
