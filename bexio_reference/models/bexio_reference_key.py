# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from ..services import signing


class BexioReferenceKey(models.Model):
    """A company's Ed25519 key for signing references; old keys stay to verify old QR codes."""

    _name = "bexio.reference.key"
    _description = "Reference signing key"
    _order = "create_date desc"

    company_id = fields.Many2one("res.company", required=True, index=True)
    kid = fields.Char("Key ID", required=True, index=True, readonly=True)
    public_key = fields.Char(required=True, readonly=True)
    private_pem = fields.Text(
        "Private key", groups="base.group_system", copy=False, readonly=True
    )
    active = fields.Boolean(default=True)

    @api.model
    def _for_company(self, company):
        """The company's current key, made on first use; as superuser, to sign with."""
        key = self.sudo().search([("company_id", "=", company.id)], limit=1)
        if not key:
            pem, public, kid = signing.new_key()
            key = self.sudo().create(
                {
                    "company_id": company.id,
                    "kid": kid,
                    "public_key": public,
                    "private_pem": pem,
                }
            )
        return key
