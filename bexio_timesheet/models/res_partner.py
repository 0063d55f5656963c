# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A partner's bexio contacts: one per connection (see bexio.partner.binding)."""

from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    bexio_binding_ids = fields.One2many(
        "bexio.partner.binding", "partner_id", "bexio contacts", readonly=True
    )
    bexio_contact_ref = fields.Integer(
        "bexio contact ID",
        compute="_compute_bexio_contact_ref",
        search="_search_bexio_contact_ref",
        help="This partner's contact in the bexio of the current company; a partner shared "
        "between companies has one per connection.",
    )

    @api.depends_context("company")
    @api.depends("bexio_binding_ids.bexio_contact_ref")
    def _compute_bexio_contact_ref(self):
        connection = self.env["bexio.connection"]._for_company(self.env.company)
        refs = {
            b.partner_id.id: b.bexio_contact_ref
            for b in self.env["bexio.partner.binding"]
            .sudo()
            .search(
                [("connection_id", "=", connection.id), ("partner_id", "in", self.ids)]
            )
        }
        for partner in self:
            partner.bexio_contact_ref = refs.get(partner.id, 0)

    def _search_bexio_contact_ref(self, operator, value):
        connection = self.env["bexio.connection"]._for_company(self.env.company)
        in_connection = [
            ("connection_id", "=", connection.id),
            ("bexio_contact_ref", "!=", 0),
        ]
        if operator in ("=", "!=") and not value:
            bound = self.env["bexio.partner.binding"].sudo().search(in_connection)
            return [
                ("id", "in" if operator == "!=" else "not in", bound.partner_id.ids)
            ]
        bindings = (
            self.env["bexio.partner.binding"]
            .sudo()
            .search(in_connection + [("bexio_contact_ref", operator, value)])
        )
        return [("id", "in", bindings.partner_id.ids)]
