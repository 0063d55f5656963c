# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A partner's bexio contact moves from res_partner to bexio_partner_binding.

The old column could not say which bexio company its id belonged to. A link moves only where
that is certain: the partner's own company, the one company that sent it invoices, or the one
connection there is. The others are matched again on their next invoice (contact number,
e-mail, or a link to review), never guessed.
"""

import logging

from odoo.tools.sql import column_exists

_logger = logging.getLogger(__name__)

INSERT = """
    INSERT INTO bexio_partner_binding (connection_id, company_id, partner_id,
                                       bexio_contact_ref, state, create_uid, write_uid,
                                       create_date, write_date)
    SELECT c.id, c.company_id, p.id, p.bexio_contact_ref, 'linked', 1, 1,
           now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
      FROM res_partner p
      JOIN bexio_connection c ON {join}
     WHERE p.bexio_contact_ref <> 0 {where}
    ON CONFLICT DO NOTHING
"""


def migrate(cr, version):
    if not version or not column_exists(cr, "res_partner", "bexio_contact_ref"):
        return
    cr.execute(INSERT.format(join="c.company_id = p.company_id", where=""))
    cr.execute(
        INSERT.format(
            join="""c.id = (
                SELECT min(c2.id) FROM account_move m
                  JOIN bexio_connection c2 ON c2.company_id = m.company_id
                 WHERE m.commercial_partner_id = p.id AND m.bexio_invoice_ref <> 0
                HAVING count(DISTINCT c2.id) = 1)""",
            where="AND p.company_id IS NULL",
        )
    )
    cr.execute("SELECT count(*) FROM bexio_connection")
    if cr.fetchone()[0] == 1:
        cr.execute(INSERT.format(join="TRUE", where="AND p.company_id IS NULL"))
    cr.execute(
        """SELECT count(*) FROM res_partner p WHERE p.bexio_contact_ref <> 0
           AND NOT EXISTS (SELECT 1 FROM bexio_partner_binding b WHERE b.partner_id = p.id)"""
    )
    unsure = cr.fetchone()[0]
    if unsure:
        _logger.warning(
            "bexio: %s shared partners keep no bexio contact link: it was not certain which "
            "connection it belonged to. Their next invoice matches them again.",
            unsure,
        )
    cr.execute("ALTER TABLE res_partner DROP COLUMN bexio_contact_ref")
