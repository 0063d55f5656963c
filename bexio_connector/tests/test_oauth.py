# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Sign in with bexio through the controllers, against the sandbox over real HTTP."""

import time
from urllib.parse import urlsplit

from odoo.tests import HttpCase, new_test_user, tagged

from bexio_sandbox import OTHER_COMPANY
from bexio_sandbox.testing import submit_login

from .common import BexioSandboxCase


@tagged("post_install", "-at_install")
class TestSignIn(BexioSandboxCase, HttpCase):
    def start(self):
        """Click "Connect to bexio": Odoo answers with a redirect to bexio's sign-in."""
        self.authenticate("admin", "admin")
        answer = self.url_open(
            f"/bexio/oauth/authorize/{self.connection.id}", allow_redirects=False
        )
        self.assertIn(answer.status_code, (302, 303))
        location = answer.headers["Location"]
        self.assertTrue(location.startswith(self.sandbox.issuer), location)
        return location

    def come_back(self, sandbox_answer):
        """Follow bexio's redirect to Odoo's callback, in the admin's browser session."""
        self.assertEqual(sandbox_answer.status_code, 302, sandbox_answer.text[:300])
        back = urlsplit(sandbox_answer.headers["Location"])
        self.assertEqual(back.path, "/bexio/oauth/callback")
        return self.url_open(f"{back.path}?{back.query}", allow_redirects=False)

    def test_round_trip_links_the_company(self):
        url = self.start()
        self.assertIn("code_challenge_method=S256", url)
        self.assertIn("offline_access", url)  # without it bexio issues no refresh token
        answer = self.come_back(submit_login(url))
        self.assertIn(answer.status_code, (302, 303), answer.text[:500])
        self.assertIn(f"/{self.connection.id}", answer.headers["Location"])
        connection = self.connection
        connection.invalidate_recordset()
        self.assertEqual(connection.state, "connected")
        self.assertEqual(connection.bexio_company_ref, "alpenblick01")
        self.assertEqual(connection.bexio_company_name, "Alpenblick Technik AG")
        self.assertEqual(connection.bexio_user_email, "demo@sandbox.bexio.local")
        self.assertIn("contact_edit", connection.granted_scopes.split())
        secrets = connection.sudo()
        token = connection._token_record()
        self.assertTrue(token.access_token and token.refresh_token)
        self.assertGreater(token.expires_at, time.time() + 3000)
        self.assertFalse(secrets.oauth_code_verifier, "the PKCE verifier is used once")
        jobs = self.env["queue.job"].search(
            [("method_name", "=", "_bexio_initial_import")]
        )
        self.assertEqual(len(jobs), 1, "the initial import is enqueued")
        self.assertEqual(jobs.channel, f"root.bexio_company_{connection.company_id.id}")
        # The token endpoint got the PKCE verifier (the sandbox refuses the code without it).
        exchanges = [
            e
            for e in self.sandbox_requests(
                "/realms/bexio/protocol/openid-connect/token"
            )
            if e["status"] == 200
        ]
        self.assertEqual(len(exchanges), 1)

    def test_refused_consent_explains_and_changes_nothing(self):
        answer = self.come_back(submit_login(self.start(), decision="deny"))
        self.assertEqual(answer.status_code, 400)
        self.assertIn("You declined access in bexio", answer.text)
        self.assertEqual(self.connection.state, "draft")

    def test_a_forged_or_replayed_state_is_refused(self):
        url = self.start()
        back = urlsplit(submit_login(url).headers["Location"])
        forged = self.url_open(
            "/bexio/oauth/callback?state=abc.def&code=x", allow_redirects=False
        )
        self.assertEqual(forged.status_code, 400)
        self.assertIn("invalid or was already used", forged.text)
        first = self.url_open(f"{back.path}?{back.query}", allow_redirects=False)
        self.assertIn(first.status_code, (302, 303))
        replay = self.url_open(f"{back.path}?{back.query}", allow_redirects=False)
        self.assertEqual(replay.status_code, 400)
        self.assertIn("invalid or was already used", replay.text)

    def test_an_expired_code_asks_to_start_again(self):
        url = self.start()
        answer = submit_login(url)
        code = dict(
            p.split("=", 1)
            for p in urlsplit(answer.headers["Location"]).query.split("&")
        )["code"]
        store = self.sandbox.app.store
        with store.transaction():
            record = store.get("global", "oauth_code", code)
            store.put(
                "global", "oauth_code", code, dict(record, expires_at=time.time() - 1)
            )
        result = self.come_back(answer)
        self.assertEqual(result.status_code, 400)
        self.assertIn("bexio did not accept the sign-in", result.text)
        self.assertEqual(self.connection.state, "draft")

    def test_reconnecting_to_another_bexio_company_is_refused(self):
        self.come_back(submit_login(self.start()))
        self.connection.invalidate_recordset()
        self.assertEqual(self.connection.state, "connected")
        self.connection.action_disconnect()
        answer = self.come_back(
            submit_login(
                self.start(),
                username="treuhand@sandbox.bexio.local",
                company=OTHER_COMPANY,
            )
        )
        self.assertEqual(answer.status_code, 400)
        self.assertIn("Bergsicht Treuhand GmbH", answer.text)
        self.assertIn("Alpenblick Technik AG", answer.text)
        self.connection.invalidate_recordset()
        self.assertEqual(self.connection.state, "disconnected")
        self.assertEqual(self.connection.bexio_company_ref, "alpenblick01")
        # Signing in to the linked company again reuses the link.
        again = self.come_back(
            submit_login(
                self.start(),
                username="treuhand@sandbox.bexio.local",
                company="alpenblick01",
            )
        )
        self.assertIn(again.status_code, (302, 303))
        self.connection.invalidate_recordset()
        self.assertEqual(self.connection.state, "connected")

    def test_only_settings_administrators_may_connect(self):
        new_test_user(
            self.env,
            login="bexio_manager",
            password="bexio_manager_pw",
            groups="base.group_user,bexio_connector.group_bexio_manager",
        )
        self.authenticate("bexio_manager", "bexio_manager_pw")
        answer = self.url_open(
            f"/bexio/oauth/authorize/{self.connection.id}", allow_redirects=False
        )
        self.assertEqual(answer.status_code, 403)
        callback = self.url_open(
            "/bexio/oauth/callback?state=x&code=y", allow_redirects=False
        )
        self.assertEqual(callback.status_code, 403)
