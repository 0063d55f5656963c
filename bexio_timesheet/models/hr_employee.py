# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The bexio user whose hours are an employee's timesheets."""

from odoo import fields, models


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    bexio_user_ref = fields.Integer(
        "bexio user ID",
        groups="hr.group_hr_user",
        copy=False,
        index=True,
        readonly=True,
        help="The bexio user whose hours are this employee's timesheets.",
    )
