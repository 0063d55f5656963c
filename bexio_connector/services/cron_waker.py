# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Wake Odoo's cron workers over one connection per process, without waiting.

The workers listen on the ``postgres`` database. ``ir.cron._trigger()`` opens a new connection
there for every signal, because Odoo's pool keeps none to that database; in a user's save that
costs more than all of the outbox. A connection kept open costs one round trip, and an
asynchronous one not even that: the signal is sent, and its answer is read before the next one.
A lost signal delays nothing for long: the trigger is committed, and the workers find it when
they next look, within a minute.
"""

import logging
import os
import threading

import psycopg2
from psycopg2 import extras, sql

from odoo import sql_db

from odoo.addons.base.models.ir_cron import ODOO_NOTIFY_FUNCTION

_logger = logging.getLogger(__name__)

_NOTIFY = sql.SQL("SELECT {}('cron_trigger', %s)").format(
    sql.Identifier(ODOO_NOTIFY_FUNCTION)
)
_lock = threading.Lock()
_connection = None
_cursor = None
_connection_pid = None  # a forked worker must not use its parent's socket
_inherited = []


def wake_cron_workers(dbname):
    """Tell the cron workers that ``dbname`` has a cron to run now."""
    with _lock:
        for attempt in (1, 2):
            try:
                _send(_idle_connection(), dbname)
                return
            except psycopg2.Error:
                # On a connection the server has closed (a restart, say), the send fails
                # when the answer is first looked for: open a new one and send again.
                _close()
                if attempt == 2:
                    _logger.warning(
                        "bexio: could not wake the cron workers", exc_info=True
                    )


def _send(connection, dbname):
    global _cursor
    # Kept until the answer is read: psycopg2 refuses to poll for a cursor it has freed.
    _cursor = connection.cursor()
    _cursor.execute(_NOTIFY, [dbname])
    connection.poll()  # sends what the socket did not take at once; never blocks


def _idle_connection():
    """The process's connection, with the previous signal's answer read."""
    global _connection, _connection_pid
    if _connection is not None and _connection_pid != os.getpid():
        # Freeing the parent's connection would end it for the parent too: keep it.
        _inherited.append(_connection)
        _connection = None
    if _connection is not None and not _connection.closed:
        extras.wait_select(_connection)
        return _connection
    _dbname, info = sql_db.connection_info_for("postgres")
    _connection = psycopg2.connect(**info, async_=True)
    _connection_pid = os.getpid()
    extras.wait_select(_connection)
    return _connection


def _close():
    global _connection
    if _connection is not None:
        _connection.close()
    _connection = None
