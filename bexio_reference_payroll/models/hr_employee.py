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
