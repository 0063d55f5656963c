# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Which bexio account an invoice line goes to: the product first.

The order (``account.move._bexio_account_for``): the product (expense categories are
products), the project of the line's analytic distribution, the product category, the
company's default on the connection.
"""

from odoo import fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    bexio_account_id = fields.Many2one(
        "bexio.account",
        "bexio account",
        company_dependent=True,
        help="bexio revenue account for invoice lines of this product (or expense category).",
    )
