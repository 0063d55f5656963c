# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Which bexio account and which bexio tax an invoice line goes to.

A bexio account is looked up on the product (expense categories are products), then on the
project of the line's analytic distribution, then on the product category, then the company's
default on the connection. A bexio tax comes from the Odoo tax's mapping.
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


class ProductCategory(models.Model):
    _inherit = "product.category"

    bexio_account_id = fields.Many2one(
        "bexio.account",
        "bexio account",
        company_dependent=True,
        help="bexio revenue account for invoice lines of products in this category.",
    )


class AccountTax(models.Model):
    _inherit = "account.tax"

    bexio_tax_id = fields.Many2one(
        "bexio.tax",
        "bexio tax",
        check_company=True,
        domain="[('tax_type', '=', 'sales_tax'), ('company_id', '=', company_id)]",
        help="The active bexio sales tax that invoice lines with this tax use.",
    )
