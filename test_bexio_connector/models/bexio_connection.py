# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

from bexio_api import errors


class BexioConnection(models.Model):
    _inherit = "bexio.connection"

    def _bexio_sync(self):
        """Pull bexio contacts into test records: the smallest real import through a sync run."""
        result = super()._bexio_sync()
        run = self.env["bexio.sync.run"]._start(self, "Test records from bexio")
        client = self._bexio_client()
        records = self.env["test.bexio.record"].with_context(bexio_no_outbox=True)
        known = dict(
            records.search([("bexio_contact_id", "!=", 0)]).mapped(
                lambda r: (r.bexio_contact_id, r)
            )
        )
        for contact in client.contacts.iter_all():
            try:
                contact.validate()
            except errors.InvalidRecord as exc:
                run._log_failure(exc.message, reference=str(contact.get("id")))
                continue
            values = {
                "name": contact.display_name,
                "email": contact.mail or False,
                "city": contact.city or False,
                "bexio_contact_id": contact.id,
            }
            record = known.get(contact.id)
            if not record:
                records.create(values)
                run._count("created")
            elif any(record[k] != v for k, v in values.items()):
                record.write(values)
                run._count("updated")
            else:
                run._count("skipped")
        run._finish(requests_used=client.requests_sent)
        return result
