# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Real users of each role in two companies, and calls made as they would make them over RPC."""

import json

from odoo.tests import new_test_user

# Exactly these groups, nothing implied by the test's own user.
ROLES = {
    "internal": "base.group_user",
    "bexio_user": "base.group_user,bexio_connector.group_bexio_user",
    "bexio_manager": "base.group_user,bexio_connector.group_bexio_manager",
    "settings_admin": "base.group_user,base.group_system",
}
PASSWORD = "Rights-2026-test"


class RolesMixin:
    """``cls.users[role, "a"]`` and ``[role, "b"]``: one user per role in each company.

    The test class sets ``cls.company`` and ``cls.company_b`` first; sync addons add roles
    (``extra_roles``), such as the HR officer.
    """

    extra_roles = {}

    @classmethod
    def make_users(cls):
        cls.users = {}
        for tag, company in (("a", cls.company), ("b", cls.company_b)):
            for role, groups in {**ROLES, **cls.extra_roles}.items():
                cls.users[role, tag] = new_test_user(
                    cls.env,
                    login=f"{role}-{tag}",
                    password=PASSWORD,
                    groups=groups,
                    company_id=company.id,
                    company_ids=[(6, 0, company.ids)],
                )

    def as_user(self, records, role, tag="a"):
        return records.with_user(self.users[role, tag])

    def call_kw(self, role, model, method, args, kwargs=None, tag="a"):
        """Call ``method`` over JSON-RPC as Odoo's web client does; returns the answer."""
        self.authenticate(f"{role}-{tag}", PASSWORD)
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "params": {
                "model": model,
                "method": method,
                "args": args,
                "kwargs": kwargs or {},
            },
        }
        return self.url_open(
            "/web/dataset/call_kw",
            data=json.dumps(payload),
            headers={"Content-Type": "application/json"},
        ).json()

    def assertRefusedOverRpc(self, answer, error="odoo.exceptions.AccessError"):
        self.assertIn("error", answer, f"the server accepted it: {answer}")
        self.assertEqual(answer["error"]["data"]["name"], error, answer["error"])
