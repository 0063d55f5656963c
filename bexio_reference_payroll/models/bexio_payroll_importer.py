# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

from odoo.addons.bexio_reference.models.bexio_reference_facts import LANGUAGES


class BexioPayrollImporter(models.AbstractModel):
    _inherit = "bexio.payroll.importer"

    def _values_from_payroll(self, detail):
        # The employee's reference is written in bexio's language and with the surname as
        # bexio keeps it, even where Odoo has neither the language nor a surname field.
        values = super()._values_from_payroll(detail)
        if detail.language in dict(LANGUAGES):
            values["bexio_language"] = detail.language
        if detail.last_name:
            values["bexio_last_name"] = detail.last_name
        return values
