# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Secrets are for settings administrators; each company sees only its own bexio data."""

import json

import psycopg2

from odoo.exceptions import AccessError, UserError
from odoo.modules.neutralize import get_neutralization_queries
from odoo.tests import HttpCase, TransactionCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import BexioSandboxCase


@tagged("post_install", "-at_install")
class TestSecrets(BexioSandboxCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sign_in(cls.connection)
        cls.bexio_user = new_test_user(
            cls.env,
            login="bexio_clerk",
            password="bexio_clerk_pw",
            groups="base.group_user,bexio_connector.group_bexio_manager",
        )

    def test_tokens_are_not_readable_through_the_orm(self):
        connection = self.connection.with_user(self.bexio_user)
        self.assertEqual(connection.state, "connected")  # the state itself is visible
        with self.assertRaises(AccessError):
            connection.read(["oauth_code_verifier"])
        tokens = self.env["bexio.token"].with_user(self.bexio_user)
        with self.assertRaises(AccessError):
            tokens.search([])
        with self.assertRaises(AccessError):
            tokens.browse(self.connection._token_record().id).read(["refresh_token"])
        with self.assertRaises(AccessError):
            self.env["res.config.settings"].with_user(self.bexio_user).create({}).read(
                ["bexio_client_secret"]
            )

    def test_tokens_are_not_readable_through_rpc(self):
        self.authenticate("bexio_clerk", "bexio_clerk_pw")
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "params": {
                "model": "bexio.token",
                "method": "read",
                "args": [[self.connection._token_record().id], ["refresh_token"]],
                "kwargs": {},
            },
        }
        answer = self.url_open(
            "/web/dataset/call_kw",
            data=json.dumps(payload),
            headers={"Content-Type": "application/json"},
        ).json()
        self.assertIn("error", answer)
        self.assertEqual(answer["error"]["data"]["name"], "odoo.exceptions.AccessError")
        secret = self.connection._token_record().refresh_token
        self.assertNotIn(secret, json.dumps(answer))

    def test_neutralizing_a_copy_clears_the_secrets(self):
        for query in get_neutralization_queries(["bexio_connector"]):
            self.env.cr.execute(query)
        self.env.invalidate_all()
        self.assertFalse(self.connection._token_record())
        self.assertEqual(self.connection.state, "disconnected")
        self.assertFalse(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("bexio_connector.client_secret")
        )


@tagged("post_install", "-at_install")
class TestCompanies(BexioSandboxCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_company = cls.env["res.company"].create(
            {"name": "Bergsicht Treuhand GmbH"}
        )
        cls.other_connection = cls.env["bexio.connection"].create(
            {"company_id": cls.other_company.id}
        )
        cls.env["bexio.outbox"].sudo().create(
            {
                "connection_id": cls.other_connection.id,
                "res_model": "res.partner",
                "res_id": 1,
                "target": "contact",
            }
        )
        cls.env["bexio.sync.run"]._start(cls.other_connection, "Contacts from bexio")
        cls.user_a = new_test_user(
            cls.env,
            login="clerk_a",
            groups="base.group_user,bexio_connector.group_bexio_manager",
            company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)],
        )

    def test_one_company_cannot_see_another_companys_bexio_data(self):
        env = self.env(user=self.user_a)
        self.assertEqual(
            env["bexio.connection"].search([]), self.connection.with_env(env)
        )
        self.assertFalse(env["bexio.outbox"].search([]))
        self.assertFalse(env["bexio.sync.run"].search([]))
        with self.assertRaises(AccessError):
            self.other_connection.with_env(env).read(["state"])

    def test_each_company_has_at_most_one_connection(self):
        with (
            self.assertRaises(psycopg2.errors.UniqueViolation),
            mute_logger("odoo.sql_db"),
        ):
            self.env["bexio.connection"].create({"company_id": self.company.id})


@tagged("post_install", "-at_install")
class TestAddresses(TransactionCase):
    def test_a_plain_http_address_elsewhere_is_refused_when_saved(self):
        ICP = self.env["ir.config_parameter"].sudo()
        before = ICP.get_param("bexio_connector.api_url")
        settings = self.env["res.config.settings"].create(
            {"bexio_api_url": "http://bexio.example.ch"}
        )
        with self.assertRaisesRegex(UserError, "must start with https://"):
            settings.execute()
        self.assertEqual(ICP.get_param("bexio_connector.api_url"), before)
        # The sandbox on this machine and bexio itself are fine.
        for url in ("http://127.0.0.1:8765", "https://api.bexio.com"):
            self.env["res.config.settings"].create({"bexio_api_url": url}).execute()
            self.assertEqual(ICP.get_param("bexio_connector.api_url"), url)
