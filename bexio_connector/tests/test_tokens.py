# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Tokens stay alive by themselves, refresh once, and a dead grant asks for a reconnect."""

import threading
import time

from odoo import api
from odoo.tests import TransactionCase, tagged

from bexio_api import errors

from ..exceptions import BexioNotConnected
from .common import BexioSandboxCase

TOKEN_PATH = "/realms/bexio/protocol/openid-connect/token"


@tagged("post_install", "-at_install")
class TestTokens(BexioSandboxCase, TransactionCase):
    def setUp(self):
        super().setUp()
        self.sign_in(self.connection)
        self.sandbox_admin("DELETE", "requests")

    @property
    def secrets(self):
        self.env[
            "bexio.token"
        ].invalidate_model()  # workers write through their own cursors
        return self.connection._token_record()

    def refreshes(self):
        return [e for e in self.sandbox_requests(TOKEN_PATH) if e["status"] == 200]

    def test_an_expired_access_token_is_refreshed_on_the_first_401_and_rotated(self):
        old_refresh = self.secrets.refresh_token
        self.sandbox_admin("POST", "tokens/expire", json={})
        contacts = self.connection._bexio_client().contacts.list(limit=2)
        self.assertEqual(len(contacts), 2)
        self.assertEqual(len(self.refreshes()), 1)
        self.assertNotEqual(
            self.secrets.refresh_token, old_refresh, "the refresh token rotated"
        )
        # bexio forgot the old refresh token: using it now would be invalid_grant.
        oauth = self.connection._oauth_client()
        with self.assertRaises(errors.InvalidGrant):
            oauth.refresh(old_refresh, lambda token: None)

    def test_a_token_about_to_expire_is_refreshed_before_use(self):
        self.secrets.expires_at = int(time.time()) + 30
        before = self.secrets.access_token
        self.connection._bexio_client().units.list()
        self.assertNotEqual(self.secrets.access_token, before)
        self.assertGreater(self.secrets.expires_at, time.time() + 3000)
        statuses = [e["status"] for e in self.sandbox_requests("/2.0/unit")]
        self.assertEqual(statuses, [200], "no 401 was needed")

    def test_two_workers_refreshing_at_once_refresh_once(self):
        failed = self.secrets.access_token
        self.sandbox_admin("POST", "tokens/expire", json={})
        results, failures = [], []

        def worker():
            # Each worker has its own transaction, as two job runners would.
            try:
                with self.registry.cursor() as cr:
                    env = api.Environment(cr, self.env.uid, {})
                    connection = env["bexio.connection"].browse(self.connection.id)
                    results.append(connection._refresh_tokens(failed_token=failed))
            except Exception as exc:  # reported by the assertion below
                failures.append(exc)

        self.env.flush_all()  # what a worker's transaction sees: the committed sign-in
        threads = [threading.Thread(target=worker) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.assertEqual(failures, [])
        self.assertEqual(len(results), 2)
        self.assertEqual(len(self.refreshes()), 1)
        self.assertEqual(len(set(results)), 1, "both workers use the one new token")
        self.connection.invalidate_recordset()  # the workers wrote through their own cursors
        self.assertEqual(results[0], self.secrets.access_token)

    def test_the_cron_refreshes_tokens_that_expire_soon(self):
        self.secrets.expires_at = int(time.time()) + 120
        self.env["bexio.connection"]._cron_refresh_tokens()
        self.assertGreater(self.secrets.expires_at, time.time() + 3000)
        self.assertEqual(len(self.refreshes()), 1)
        self.env["bexio.connection"]._cron_refresh_tokens()
        self.assertEqual(len(self.refreshes()), 1, "a fresh token is left alone")

    def test_invalid_grant_marks_reconnect_needed_and_tells_the_admins(self):
        self.sandbox_admin("POST", "tokens/revoke", json={})
        with self.raises_keeping_writes(BexioNotConnected):
            self.connection._bexio_client().contacts.list(limit=1)
        self.connection.invalidate_recordset()
        self.assertEqual(self.connection.state, "reconnect")
        self.assertIn("Reconnect", self.connection.state_message)
        self.assertFalse(self.secrets.access_token)
        admin = self.env.ref("base.user_admin")
        activity = self.connection.activity_ids.filtered(lambda a: a.user_id == admin)
        self.assertEqual(len(activity), 1)
        self.assertIn("Reconnect", activity.summary)
        with self.assertRaises(BexioNotConnected):
            self.connection._bexio_client().units.list()
        # Signing in again clears it.
        self.sign_in(self.connection)
        self.assertEqual(self.connection.state, "connected")
        self.assertFalse(self.connection.activity_ids)

    def test_disconnect_revokes_at_bexio_and_keeps_the_link(self):
        refresh = self.secrets.refresh_token
        self.connection.action_disconnect()
        self.assertEqual(self.connection.state, "disconnected")
        self.assertFalse(self.secrets, "the tokens are forgotten")
        self.assertEqual(self.connection.bexio_company_ref, "alpenblick01")
        with self.assertRaises(errors.InvalidGrant):
            self.connection._oauth_client().refresh(refresh, lambda token: None)
        with self.assertRaises(BexioNotConnected):
            self.connection._bexio_client().units.list()
