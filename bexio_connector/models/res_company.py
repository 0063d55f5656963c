# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    bexio_connection_ids = fields.One2many(
        "bexio.connection", "company_id", string="bexio connections"
    )
    bexio_connection_id = fields.Many2one(
        "bexio.connection",
        compute="_compute_bexio_connection_id",
        string="bexio connection",
    )

    def _compute_bexio_connection_id(self):
        for company in self:
            company.bexio_connection_id = company.sudo().bexio_connection_ids[:1]
