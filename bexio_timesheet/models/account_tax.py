# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The bexio tax that invoice lines with an Odoo tax use."""

from odoo import fields, models


class AccountTax(models.Model):
    _inherit = "account.tax"

    bexio_tax_id = fields.Many2one(
        "bexio.tax",
        "bexio tax",
        check_company=True,
        domain="[('tax_type', '=', 'sales_tax'), ('company_id', '=', company_id)]",
        help="The active bexio sales tax that invoice lines with this tax use.",
    )
