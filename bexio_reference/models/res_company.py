# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    bexio_reference_four_eyes = fields.Boolean(
        "Four-eyes approval of references",
        default=True,
        help="A reference is approved by someone other than its author before it is issued.",
    )


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    bexio_reference_four_eyes = fields.Boolean(
        related="company_id.bexio_reference_four_eyes", readonly=False
    )
