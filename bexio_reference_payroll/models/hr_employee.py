# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from odoo.addons.bexio_reference.models.bexio_reference_facts import LANGUAGES

HR = "hr.group_hr_user"


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    # What bexio payroll knows that Odoo's own fields cannot hold: the language of a language
    # Odoo does not have installed, and the surname apart from the first name.
    bexio_language = fields.Selection(
        LANGUAGES, "Language in bexio", readonly=True, groups=HR
    )
    bexio_last_name = fields.Char("Surname in bexio", readonly=True, groups=HR)

    def _bexio_values_from_payroll(self, detail):
        values = super()._bexio_values_from_payroll(detail)
        if detail.language in dict(LANGUAGES):
            values["bexio_language"] = detail.language
        if detail.last_name:
            values["bexio_last_name"] = detail.last_name
        return values
