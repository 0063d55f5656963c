# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Which bexio account an invoice line goes to: the task's and the expense category's
before the project's."""

from odoo import Command
from odoo.tests import tagged

from .common import BexioInvoiceCase


@tagged("post_install", "-at_install")
class TestInvoiceAccounts(BexioInvoiceCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Account = cls.env["bexio.account"]
        cls.goods, cls.other = (
            Account.search([("code", "=", code)]) for code in ("3200", "3600")
        )
        plan = cls.env["account.analytic.plan"].create({"name": "Projects"})
        analytic = cls.env["account.analytic.account"].create(
            {"name": "Website Limmat Druck", "plan_id": plan.id}
        )
        cls.project = cls.env["project.project"].create(
            {
                "name": "Website Limmat Druck",
                "account_id": analytic.id,
                "bexio_account_id": cls.revenue.id,
            }
        )
        cls.distribution = {str(analytic.id): 100}
        cls.design = cls.env["project.task"].create(
            {
                "name": "Design",
                "project_id": cls.project.id,
                "bexio_account_id": cls.goods.id,
            }
        )
        # An expense category is a product (hr_expense's "can be expensed").
        cls.travel = cls.env["product.product"].create(
            {"name": "Travel", "type": "service", "lst_price": 80}
        )
        cls.travel.product_tmpl_id.bexio_account_id = cls.other
        if "can_be_expensed" in cls.travel._fields:
            cls.travel.can_be_expensed = True

    def positions(self, move):
        self.assertEqual(self.send(move), ["done"])
        reference = move._bexio_api_reference()
        [draft] = [
            i
            for i in self.sandbox_docs("kb_invoice")
            if i.get("api_reference") == reference
        ]
        return {p["text"]: p["account_id"] for p in draft["positions"]}

    def project_invoice(self, lines):
        move = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.customer.id,
                "invoice_date": "2026-11-20",
                "invoice_line_ids": [
                    Command.create(
                        dict(
                            values,
                            quantity=1,
                            tax_ids=[Command.set(self.tax.ids)],
                            analytic_distribution=self.distribution,
                        )
                    )
                    for values in lines
                ],
            }
        )
        move.action_post()
        return move

    def test_task_and_expense_category_accounts_go_before_the_project(self):
        move = self.project_invoice(
            [
                {
                    "name": "Design, 4 h",
                    "product_id": self.product_a.id,
                    "price_unit": 480,
                    "bexio_task_id": self.design.id,
                },
                {"name": "Travel Zürich", "product_id": self.travel.id},
                {"name": "Meetings, 2 h", "product_id": self.product_a.id},
            ]
        )
        self.assertEqual(
            self.positions(move),
            {
                "Design, 4 h": self.goods.bexio_ref,
                "Travel Zürich": self.other.bexio_ref,
                "Meetings, 2 h": self.revenue.bexio_ref,  # the project's
            },
        )

    def test_the_task_form_shows_its_bexio_account(self):
        arch = self.env["project.task"].get_view(
            self.env.ref("project.view_task_form2").id
        )["arch"]
        self.assertIn('name="bexio_account_id"', arch)
