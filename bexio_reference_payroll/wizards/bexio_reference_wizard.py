# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class BexioReferenceWizard(models.TransientModel):
    _inherit = "bexio.reference.wizard"

    @api.model
    def _employee_hints(self, employee):
        hints = super()._employee_hints(employee)
        # Filled by the payroll import; empty when bexio does not know the employee.
        for key, value in (
            ("language", employee.bexio_language),
            ("surname", employee.bexio_last_name),
            ("workload", employee.bexio_employment_level),
        ):
            if value and not hints.get(key):
                hints[key] = value
        return hints
