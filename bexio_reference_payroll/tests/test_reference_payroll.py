# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What bexio payroll knows of an employee reaches the reference wizard through the bridge."""

import datetime

from odoo.tests import Form, tagged

from odoo.addons.bexio_reference.tests.common import ReferenceSetup

from bexio_api.resources.payroll import Employee


@tagged("post_install", "-at_install")
class TestReferencePayroll(ReferenceSetup):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.employee.write(
            {"gender": "female", "country_id": cls.env.ref("base.ch").id}
        )

    def test_the_wizard_speaks_the_language_bexio_knows_of_the_employee(self):
        # bexio says French; Odoo has no French installed, so its own field stays empty.
        self.employee.write(
            {"lang": False, "bexio_language": "fr", "bexio_last_name": "Keller-Rossi"}
        )
        form = Form(
            self.env["bexio.reference.wizard"]
            .with_user(self.author)
            .with_context(active_model="hr.employee", active_id=self.employee.id)
        )
        self.assertEqual(form.language, "fr")
        self.assertEqual((form.salutation, form.surname), ("f", "Keller-Rossi"))

    def test_bexio_payrolls_language_and_surname_are_kept(self):
        # bexio payroll's answer as the import reads it, Italian not installed in Odoo.
        detail = Employee(
            {
                "id": "a1",
                "first_name": "Anna",
                "last_name": "Keller-Rossi",
                "language": "it",
                "date_of_birth": "1990-04-02",
            }
        )
        values = self.env["bexio.payroll.importer"]._new_values(
            detail, None, self.employee.company_id
        )
        self.assertNotIn("lang", values)
        self.assertEqual(values["bexio_language"], "it")
        self.assertEqual(values["bexio_last_name"], "Keller-Rossi")
        self.assertEqual(values["birthday"], datetime.date(1990, 4, 2))
        self.env["bexio.payroll.importer"]._apply(self.employee, detail, None)
        self.assertEqual(self.employee.bexio_language, "it")
        self.assertEqual(self.employee.bexio_last_name, "Keller-Rossi")

    def test_the_wizard_prefills_the_employment_level_bexio_payroll_knows(self):
        self.employee.bexio_employment_level = 80
        form = Form(
            self.env["bexio.reference.wizard"]
            .with_user(self.author)
            .with_context(active_model="hr.employee", active_id=self.employee.id)
        )
        self.assertEqual(form.workload, 80)
