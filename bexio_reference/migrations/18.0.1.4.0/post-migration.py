# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Up to 18.0.1.3.0 the chatter tracked a reference's text with its old and new values, so a
sentence removed because it must not be in a reference stayed readable there. Those values go;
the chatter keeps the messages, and from now on tracks a fingerprint of the text instead."""


def migrate(cr, version):
    cr.execute(
        """
        DELETE FROM mail_tracking_value AS value
         USING ir_model_fields AS field
         WHERE field.id = value.field_id
           AND field.model = 'bexio.reference'
           AND field.name = 'body'
        """
    )
