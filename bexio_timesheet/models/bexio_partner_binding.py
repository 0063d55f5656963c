# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Which bexio contact a partner is, per connection.

res.partner is shared between companies while bexio numbers contacts per bexio company, so
one id field on the partner would name a stranger in the second company's bexio.
"""

from odoo import fields, models


class BexioPartnerBinding(models.Model):
    _name = "bexio.partner.binding"
    _description = "bexio contact of a partner, per connection"
    _rec_name = "partner_id"

    connection_id = fields.Many2one(
        "bexio.connection", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="connection_id.company_id", store=True, index=True
    )
    partner_id = fields.Many2one(
        "res.partner", required=True, ondelete="cascade", index=True
    )
    bexio_contact_id = fields.Integer("bexio contact ID", required=True, index=True)

    _sql_constraints = [
        (
            "connection_contact_uniq",
            "unique(connection_id, bexio_contact_id)",
            "Two partners cannot stand for the same bexio contact.",
        ),
        (
            "connection_partner_uniq",
            "unique(connection_id, partner_id)",
            "A partner stands for one bexio contact per connection.",
        ),
    ]
