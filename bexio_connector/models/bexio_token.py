# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class BexioToken(models.Model):
    """The OAuth tokens of one bexio connection, in a row of their own.

    A refresh locks and writes this row only: a job that has already written its connection
    (import markers, probe results) can refresh in a second transaction without waiting for
    the connection row its own transaction holds. System administrators only.
    """

    _name = "bexio.token"
    _description = "bexio OAuth tokens"
    _check_company_auto = True

    connection_id = fields.Many2one(
        "bexio.connection", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="connection_id.company_id", store=True, index=True
    )
    access_token = fields.Char(copy=False)
    refresh_token = fields.Char(copy=False)
    expires_at = fields.Integer(copy=False, index=True)

    _sql_constraints = [
        (
            "connection_uniq",
            "unique(connection_id)",
            "A bexio connection has one set of tokens.",
        ),
    ]
