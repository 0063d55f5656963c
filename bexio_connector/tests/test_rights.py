# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What each role may do with connections, outbox items and sync runs, tried as real users.

A ``readonly`` field, a button's ``groups`` and a context key stop nobody over RPC: each rule
here is tried with the ORM as the user, and the worst ones over JSON-RPC as the web client
sends them.
"""

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged

from .common import BexioSandboxCase
from .roles import PASSWORD, ROLES, RolesMixin


@tagged("post_install", "-at_install")
class TestRights(RolesMixin, BexioSandboxCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sign_in(cls.connection)
        cls.company_b = cls.env["res.company"].create(
            {"name": "Bergsicht Treuhand GmbH"}
        )
        cls.connection_b = cls.env["bexio.connection"].create(
            {"company_id": cls.company_b.id}
        )
        cls.company_c = cls.env["res.company"].create({"name": "Chur Treuhand AG"})
        cls.make_users()
        # A settings and bexio administrator who works for every company.
        cls.manager_ab = new_test_user(
            cls.env,
            login="bexio_manager-ab",
            password=PASSWORD,
            groups="base.group_user,bexio_connector.group_bexio_manager,base.group_system",
            company_id=cls.company.id,
            company_ids=[(6, 0, (cls.company | cls.company_b | cls.company_c).ids)],
        )
        cls.partner = cls.env["res.partner"].create({"name": "Limmat Druck AG"})
        cls.partner_b = cls.env["res.partner"].create(
            {"name": "Bergsicht Kundin", "company_id": cls.company_b.id}
        )
        Outbox = cls.env["bexio.outbox"].sudo()
        cls.item = Outbox.create(
            {
                "connection_id": cls.connection.id,
                "res_model": "res.partner",
                "res_id": cls.partner.id,
                "target": "contact",
                "state": "failed",
                "last_error": "bexio refused the data.",
            }
        )
        cls.item_b = Outbox.create(
            {
                "connection_id": cls.connection_b.id,
                "res_model": "res.partner",
                "res_id": cls.partner_b.id,
                "target": "contact",
                "state": "failed",
            }
        )

    def assertItemUntouched(self):
        self.item.invalidate_recordset()
        self.assertRecordValues(
            self.item,
            [
                {
                    "connection_id": self.connection.id,
                    "res_model": "res.partner",
                    "res_id": self.partner.id,
                    "target": "contact",
                    "state": "failed",
                }
            ],
        )

    # ---------------------------------------------------------------- outbox
    def test_no_role_edits_creates_or_deletes_an_outbox_item(self):
        # What the superuser's job would send, and where: any of these sends another record.
        tampering = {
            "res_id": self.partner_b.id,
            "res_model": "res.users",
            "connection_id": self.connection_b.id,
            "target": "payroll_employee",
            "state": "pending",
            "next_attempt_at": False,
            "changed_fields": "name",
        }
        for role in ROLES:
            item = self.as_user(self.item, role)
            for field_name, value in tampering.items():
                with self.subTest(role=role, field=field_name):
                    with self.assertRaises(AccessError):
                        item.write({field_name: value})
            with self.subTest(role=role, action="unlink"):
                with self.assertRaises(AccessError):
                    item.unlink()
            with self.subTest(role=role, action="create"):
                with self.assertRaises(AccessError):
                    self.as_user(self.env["bexio.outbox"], role).create(
                        {
                            "connection_id": self.connection.id,
                            "res_model": "res.partner",
                            "res_id": self.partner_b.id,
                            "target": "contact",
                        }
                    )
        # A settings administrator with every bexio right, in both companies, neither.
        with self.assertRaises(AccessError):
            self.item.with_user(self.manager_ab).write({"res_id": self.partner_b.id})
        self.assertItemUntouched()
        self.assertFalse(
            self.env["bexio.outbox"].search([("res_id", "=", self.partner_b.id)])
            - self.item_b
        )

    def test_only_bexio_administrators_retry_or_cancel_and_only_their_companys(self):
        for role in ("internal", "bexio_user", "settings_admin"):
            for action in ("action_retry", "action_cancel"):
                with self.subTest(role=role, action=action):
                    with self.assertRaises(AccessError):
                        getattr(self.as_user(self.item, role), action)()
        self.assertItemUntouched()
        self.assertFalse(self.jobs("bexio.outbox", "_process"))
        for action in ("action_retry", "action_cancel"):
            with self.assertRaises(AccessError):
                getattr(self.as_user(self.item_b, "bexio_manager"), action)()
        self.assertEqual(self.item_b.state, "failed")

        self.as_user(self.item, "bexio_manager").action_retry()
        self.assertEqual(self.item.state, "pending")
        self.assertEqual(len(self.jobs("bexio.outbox", "_process")), 1)
        self.as_user(self.item, "bexio_manager").action_cancel()
        self.assertEqual(self.item.state, "cancelled")

    # ------------------------------------------------------------ connection
    def test_a_connection_never_moves_to_another_company(self):
        self.assertTrue(self.connection._token_record().refresh_token)
        users = (self.users["bexio_manager", "a"], self.manager_ab)
        for user in users:
            with self.subTest(user=user.login), self.assertRaises(UserError):
                self.connection.with_user(user).write({"company_id": self.company_b.id})
        with self.assertRaises(UserError):
            self.connection.write(
                {"company_id": self.company_b.id}
            )  # not in sudo either
        # Nor a connection that was never connected: its outbox is its company's too.
        with self.assertRaises(UserError):
            self.connection_b.with_user(self.manager_ab).write(
                {"company_id": self.company.id}
            )
        self.connection.invalidate_recordset()
        self.assertEqual(self.connection.company_id, self.company)
        self.assertEqual(self.connection_b.company_id, self.company_b)

    def test_what_bexio_said_and_the_state_are_not_edited_by_users(self):
        for user in (self.users["bexio_manager", "a"], self.manager_ab):
            connection = self.connection.with_user(user)
            for values in (
                {"state": "disconnected"},
                {"bexio_company_ref": "another-company"},
                {"granted_scopes": "openid"},
                {"payroll_state": "available"},
                {"state_message": "All fine."},
            ):
                with self.subTest(user=user.login, values=values):
                    with self.assertRaises(AccessError):
                        connection.write(values)
        Connection = self.env["bexio.connection"].with_user(self.manager_ab)
        with self.assertRaises(AccessError):
            Connection.create({"company_id": self.company_c.id, "state": "connected"})
        self.assertEqual(
            Connection.create({"company_id": self.company_c.id}).state, "draft"
        )
        self.assertEqual(self.connection.state, "connected")
        self.assertEqual(self.connection.bexio_company_ref, "alpenblick01")

    def test_each_connection_action_checks_its_group(self):
        self.env["queue.job"].search([]).unlink()
        for role in ("internal", "bexio_user", "settings_admin"):
            connection = self.as_user(self.connection, role)
            for action in ("action_sync_now", "action_test_connection"):
                with self.subTest(role=role, action=action):
                    with self.assertRaises(AccessError):
                        getattr(connection, action)()
        # Signing in (or linking another bexio company) takes both rights.
        for role in ("internal", "bexio_user", "bexio_manager", "settings_admin"):
            connection = self.as_user(self.connection, role)
            for action in ("action_connect", "action_forget_bexio_company"):
                with self.subTest(role=role, action=action):
                    with self.assertRaises(AccessError):
                        getattr(connection, action)()
            if role != "bexio_manager":
                with self.subTest(role=role, action="action_disconnect"):
                    with self.assertRaises(AccessError):
                        connection.action_disconnect()
        self.assertFalse(self.env["queue.job"].search([]))
        self.assertEqual(self.connection.state, "connected")
        self.assertTrue(self.connection._token_record().refresh_token)
        for action in ("action_sync_now", "action_test_connection"):
            with self.assertRaises(AccessError):  # not another company's
                getattr(self.as_user(self.connection_b, "bexio_manager"), action)()
        self.as_user(self.connection, "bexio_manager").action_sync_now()
        self.assertEqual(len(self.jobs("bexio.connection", "_bexio_sync")), 1)

    def test_a_bexio_administrator_disconnects_his_companys_connection_only(self):
        self.sign_in(self.connection_b)  # its own bexio session: A's tokens stay valid
        for role, tag in (
            ("bexio_manager", "a"),
            ("bexio_user", "b"),
            ("settings_admin", "b"),
        ):
            with self.subTest(role=role, tag=tag), self.assertRaises(AccessError):
                self.as_user(self.connection_b, role, tag).action_disconnect()
        self.assertEqual(self.connection_b.state, "connected")
        self.as_user(self.connection_b, "bexio_manager", "b").action_disconnect()
        self.assertEqual(self.connection_b.state, "disconnected")
        self.assertFalse(self.connection_b._token_record().refresh_token)
        self.assertEqual(self.connection.state, "connected")

    # -------------------------------------------------------------- sync log
    def test_sync_run_problems_and_connection_tests_stay_in_their_company(self):
        run_b = self.env["bexio.sync.run"]._start(
            self.connection_b, "Contacts from bexio"
        )
        run_b._log_failure("bexio contact 7 was not imported.", reference="7")
        check_b = (
            self.env["bexio.connection.check"]
            .sudo()
            .create({"connection_id": self.connection_b.id, "summary": "B"})
        )
        check_b.line_ids = [(0, 0, {"area": "Contacts", "status": "ok"})]
        for role in ("bexio_user", "bexio_manager"):
            Line = self.as_user(self.env["bexio.sync.run.line"], role)
            self.assertFalse(Line.search([("run_id", "=", run_b.id)]))
            with self.assertRaises(AccessError):
                Line.browse(run_b.line_ids.ids).read(["message"])
        manager = self.users["bexio_manager", "a"]
        with self.assertRaises(AccessError):
            check_b.with_user(manager).read(["summary"])
        with self.assertRaises(AccessError):
            check_b.line_ids.with_user(manager).read(["status"])
        # Their own company's, they do see.
        run_a = self.env["bexio.sync.run"]._start(self.connection, "Contacts")
        run_a._log_failure("bexio contact 8 was not imported.", reference="8")
        self.assertEqual(
            self.as_user(self.env["bexio.sync.run.line"], "bexio_user")
            .search([("run_id", "=", run_a.id)])
            .reference,
            "8",
        )

    # -------------------------------------------------------------- JSON-RPC
    def test_the_attacks_are_refused_over_json_rpc(self):
        answer = self.call_kw(
            "bexio_manager",
            "bexio.outbox",
            "write",
            [[self.item.id], {"res_id": self.partner_b.id, "state": "pending"}],
        )
        self.assertRefusedOverRpc(answer)
        answer = self.call_kw(
            "bexio_user", "bexio.outbox", "action_retry", [[self.item.id]]
        )
        self.assertRefusedOverRpc(answer)
        answer = self.call_kw(
            "bexio_user", "bexio.connection", "action_sync_now", [[self.connection.id]]
        )
        self.assertRefusedOverRpc(answer)
        answer = self.call_kw(
            "bexio_manager",
            "bexio.connection",
            "write",
            [[self.connection.id], {"company_id": self.company_b.id}],
        )
        self.assertRefusedOverRpc(answer, "odoo.exceptions.UserError")
        self.assertItemUntouched()
        self.assertFalse(self.jobs("bexio.connection", "_bexio_sync"))
        self.assertEqual(self.connection.company_id, self.company)
