# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The bexio account of a product category's invoice lines, after the product's."""

from odoo import fields, models


class ProductCategory(models.Model):
    _inherit = "product.category"

    bexio_account_id = fields.Many2one(
        "bexio.account",
        "bexio account",
        company_dependent=True,
        help="bexio revenue account for invoice lines of products in this category.",
    )
