# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime

from odoo.tests import HttpCase, new_test_user


class ReferenceSetup(HttpCase):
    """A German reference of Anna Keller, by one HR officer, approved by another."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company.write(
            {
                "name": "Alpenblick Technik AG",
                "street": "Technikumstrasse 9",
                "zip": "8400",
                "city": "Winterthur",
                "country_id": cls.env.ref("base.ch").id,
                "vat": "CHE-123.456.788",
                "bexio_reference_four_eyes": True,
            }
        )
        cls.author = new_test_user(
            cls.env, login="hr_author", groups="hr.group_hr_user"
        )
        cls.approver = new_test_user(
            cls.env, login="hr_approver", groups="hr.group_hr_user"
        )
        cls.employee = cls.env["hr.employee"].create(
            {
                "name": "Anna Keller",
                "birthday": datetime.date(1990, 4, 2),
                "place_of_birth": "Winterthur",
                "job_title": "Projektleiterin",
            }
        )
        cls.env["hr.contract"].create(
            {
                "name": "Anna Keller",
                "employee_id": cls.employee.id,
                "wage": 8000,
                "date_start": datetime.date(2020, 1, 1),
                "date_end": datetime.date(2026, 10, 31),
                "state": "close",
            }
        )
