# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Tokens move from bexio_connection to bexio_token, one row per connection."""

from odoo.tools.sql import column_exists


def migrate(cr, version):
    if not version or not column_exists(cr, "bexio_connection", "refresh_token"):
        return
    cr.execute(
        """
        INSERT INTO bexio_token (connection_id, company_id, access_token, refresh_token,
                                 expires_at, create_uid, write_uid, create_date, write_date)
        SELECT id, company_id, access_token, refresh_token, COALESCE(token_expires_at, 0),
               1, 1, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
          FROM bexio_connection
         WHERE access_token IS NOT NULL OR refresh_token IS NOT NULL
        ON CONFLICT (connection_id) DO NOTHING
        """
    )
    cr.execute(
        "ALTER TABLE bexio_connection DROP COLUMN access_token, "
        "DROP COLUMN refresh_token, DROP COLUMN token_expires_at"
    )
