# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The signal that wakes the cron workers after a save made outbox items."""

import select
import time

import psycopg2

from odoo import sql_db
from odoo.tests import TransactionCase, tagged

from ..services import cron_waker


@tagged("post_install", "-at_install")
class TestCronWaker(TransactionCase):
    def setUp(self):
        super().setUp()
        # Listens where Odoo's cron workers listen.
        _dbname, info = sql_db.connection_info_for("postgres")
        self.listener = psycopg2.connect(**info)
        self.listener.autocommit = True
        self.addCleanup(self.listener.close)
        self.listener.cursor().execute("LISTEN cron_trigger")
        self.dbname = self.env.cr.dbname

    def signals_for_this_database(self, timeout=10):
        """The signals naming this database that arrive before ``timeout``, at least one."""
        deadline = time.monotonic() + timeout
        received = []
        while not received and time.monotonic() < deadline:
            select.select([self.listener], [], [], max(0, deadline - time.monotonic()))
            self.listener.poll()
            received += [n.payload for n in self.listener.notifies]
            self.listener.notifies.clear()
            received = [payload for payload in received if payload == self.dbname]
        return received

    def test_the_cron_workers_are_signalled(self):
        cron_waker.wake_cron_workers(self.dbname)
        self.assertEqual(self.signals_for_this_database(), [self.dbname])
        cron_waker.wake_cron_workers(self.dbname)
        self.assertEqual(
            self.signals_for_this_database(), [self.dbname], "the connection is reused"
        )

    def test_a_connection_the_server_dropped_is_opened_anew(self):
        cron_waker.wake_cron_workers(self.dbname)
        self.assertEqual(self.signals_for_this_database(), [self.dbname])
        backend = cron_waker._connection.get_backend_pid()
        with self.listener.cursor() as cr:
            cr.execute("SELECT pg_terminate_backend(%s, 10000)", [backend])
            self.assertTrue(cr.fetchone()[0], "the server ended the connection")
        cron_waker.wake_cron_workers(self.dbname)
        self.assertEqual(self.signals_for_this_database(), [self.dbname])
        self.assertNotEqual(cron_waker._connection.get_backend_pid(), backend)
