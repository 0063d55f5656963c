# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import fields, models

from bexio_api import errors

_logger = logging.getLogger(__name__)


class TestBexioRecord(models.Model):
    """A company contact that is sent to bexio as a contact: the smallest real sync."""

    _name = "test.bexio.record"
    _description = "bexio connector test record"
    _inherit = ["bexio.sync.mixin"]
    _bexio_targets = {"contact": ("name", "email", "city")}

    name = fields.Char(required=True)
    email = fields.Char()
    city = fields.Char()
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
    bexio_contact_id = fields.Integer(copy=False)

    def _bexio_push_on_create(self, target):
        return True

    def _bexio_push_contact(self, item):
        client = item.connection_id._bexio_client()
        values = {
            "name_1": self.name,
            "mail": self.email or "",
            "city": self.city or "",
        }
        if self.bexio_contact_id:
            try:
                return str(client.contacts.update(self.bexio_contact_id, values).id)
            except errors.NotFound:
                _logger.info(
                    "bexio contact %s was deleted in bexio; creating it again",
                    self.bexio_contact_id,
                )
        # Look before creating: an earlier attempt may have created it and lost the answer.
        existing = (
            client.contacts.find_one([("mail", self.email, "=")])
            if self.email
            else None
        )
        if existing is None:
            existing = client.contacts.create(
                dict(values, contact_type_id=1, user_id=1, owner_id=1)
            )
        else:
            existing = client.contacts.update(existing.id, values)
        item._store_remote_ref(self, {"bexio_contact_id": existing.id})
        return str(existing.id)
