# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""bexio's chart of accounts, taxes and business activities, cached per company.

They are read-only in bexio; Odoo keeps a copy so that mappings can offer them as dropdowns
and invoices can be checked before anything is sent.
"""

from odoo import api, fields, models


class BexioCachedMixin(models.AbstractModel):
    _name = "bexio.cached.mixin"
    _description = "bexio cached master data"

    connection_id = fields.Many2one(
        "bexio.connection", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="connection_id.company_id", store=True, index=True
    )
    bexio_ref = fields.Integer("bexio ID", required=True, index=True)
    name = fields.Char(required=True)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "bexio_ref_uniq",
            "unique(connection_id, bexio_ref)",
            "This bexio record is already in Odoo.",
        ),
    ]


class BexioAccount(models.Model):
    _name = "bexio.account"
    _inherit = "bexio.cached.mixin"
    _description = "bexio Account"
    _order = "code"
    # Bookkeepers type account numbers.
    _rec_names_search = ["code", "name"]

    code = fields.Char(required=True, index=True)
    account_type = fields.Selection(
        [
            ("1", "Earnings"),
            ("2", "Expenditures"),
            ("3", "Assets"),
            ("4", "Liabilities"),
            ("5", "Closing"),
        ],
    )

    def _compute_display_name(self):
        for account in self:
            account.display_name = f"{account.code} {account.name}"


class BexioTax(models.Model):
    _name = "bexio.tax"
    _inherit = "bexio.cached.mixin"
    _description = "bexio Tax"
    _order = "tax_type, rate desc"
    _rec_names_search = ["code", "name"]

    code = fields.Char()
    rate = fields.Float(digits=(5, 2))
    tax_type = fields.Char(help="bexio's key of the tax type, as its API names it.")
    tax_type_label = fields.Char("Tax type", compute="_compute_tax_type_label")

    @api.depends("tax_type")
    def _compute_tax_type_label(self):
        # bexio's list of types is open (its API returns more than it documents): a type
        # without a label here reads as its key in words, not as a snake_case code.
        labels = {
            "sales_tax": self.env._("Sales tax"),
            "pre_tax": self.env._("Input tax"),
            "pre_tax_material": self.env._("Input tax on material and services"),
            "pre_tax_investment": self.env._("Input tax on investments and expenses"),
            "not_taxable_turnover": self.env._("Turnover not taxable"),
        }
        for tax in self:
            key = tax.tax_type or ""
            tax.tax_type_label = labels.get(key) or key.replace("_", " ").capitalize()

    def _compute_display_name(self):
        for tax in self:
            tax.display_name = (
                f"{tax.code} {tax.rate:.2f}% ({tax.name})" if tax.code else tax.name
            )


class BexioBusinessActivity(models.Model):
    _name = "bexio.business.activity"
    _inherit = "bexio.cached.mixin"
    _description = "bexio Business Activity"
    _order = "name"

    billable = fields.Boolean(help="Whether bexio bills this activity by default.")
