# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class BexioConnection(models.Model):
    _inherit = "bexio.connection"

    def _bexio_sync(self):
        """Pull bexio contacts into test records: the smallest real import through a sync run."""
        result = super()._bexio_sync()
        client = self._bexio_client()
        records = self.env["test.bexio.record"].with_context(bexio_no_outbox=True)
        known = dict(
            records.search([("bexio_contact_id", "!=", 0)]).mapped(
                lambda r: (r.bexio_contact_id, r)
            )
        )
        with self.env["bexio.sync.run"]._open(
            self, client, "Test records from bexio"
        ) as run:
            for contact, values in run._each_valid(
                client.contacts.iter_all(),
                lambda c: {
                    "name": c.display_name,
                    "email": c.mail or False,
                    "city": c.city or False,
                    "bexio_contact_id": c.id,
                },
            ):
                record = known.get(contact.id)
                if not record:
                    records.create(values)
                    run._count("created")
                else:
                    run._update(record, values)
        return result
