# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Wake Odoo's cron workers over one connection per process.

The workers listen on the ``postgres`` database. ``ir.cron._trigger()`` opens a new connection
there for every signal, because Odoo's pool keeps none to that database; in a user's save that
costs more than all of the outbox. A connection kept open costs one round trip.
"""

import logging
import os
import threading

import psycopg2
from psycopg2 import sql

from odoo import sql_db

from odoo.addons.base.models.ir_cron import ODOO_NOTIFY_FUNCTION

_logger = logging.getLogger(__name__)

_lock = threading.Lock()
_connection = None
_connection_pid = None  # a forked worker must not use its parent's socket


def wake_cron_workers(dbname):
    """Tell the cron workers that ``dbname`` has a cron to run now."""
    global _connection, _connection_pid
    with _lock:
        try:
            if (
                _connection is None
                or _connection.closed
                or _connection_pid != os.getpid()
            ):
                _dbname, info = sql_db.connection_info_for("postgres")
                _connection = psycopg2.connect(**info)
                _connection.autocommit = True
                _connection_pid = os.getpid()
            with _connection.cursor() as cr:
                cr.execute(
                    sql.SQL("SELECT {}('cron_trigger', %s)").format(
                        sql.Identifier(ODOO_NOTIFY_FUNCTION)
                    ),
                    [dbname],
                )
        except psycopg2.Error:
            # The workers still find the trigger when they next look, within a minute.
            _logger.warning("bexio: could not wake the cron workers", exc_info=True)
            _connection = None
