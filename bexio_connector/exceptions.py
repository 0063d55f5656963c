# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError


class BexioNotConnected(UserError):
    """The connection cannot be used until an administrator (re)connects it.

    Work that meets it waits (outbox items stay pending) instead of failing.
    """


class BexioCopiedDatabase(BexioNotConnected):
    """This database is a copy (or neutralized) of the one the connection was made in.

    As for a missing connection, work waits; a settings administrator confirms that this is
    the production database, or disconnects the copy.
    """
