# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""bexio's payments and PDF of an issued invoice, read back by the status poll."""

import datetime

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import BexioAccountingCase


@tagged("post_install", "-at_install")
class TestInvoicePayments(BexioAccountingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sign_in(cls.connection)
        cls.env["bexio.timesheet.importer"]._import_master_data(
            cls.connection, cls.connection._bexio_client()
        )
        Account, Tax = cls.env["bexio.account"], cls.env["bexio.tax"]
        cls.revenue = Account.search([("code", "=", "3400")])
        cls.vat81 = Tax.search([("code", "=", "UN81")])
        cls.tax = cls.env["account.tax"].create(
            {
                "name": "MWST 8.1%",
                "amount": 8.1,
                "type_tax_use": "sale",
                "company_id": cls.env.company.id,
            }
        )
        cls.product_a.categ_id.bexio_account_id = cls.revenue
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "Limmat Druck AG",
                "is_company": True,
                "street": "Seestrasse 12",
                "zip": "8001",
                "city": "Zürich",
            }
        )

    def setUp(self):
        super().setUp()
        self.tax.bexio_tax_id = self.vat81

    def invoice(self, move_type="out_invoice", tax=None):
        move = self.init_invoice(
            move_type,
            partner=self.customer,
            invoice_date=datetime.date(2026, 11, 20),
            products=[self.product_a],
            taxes=tax or self.tax,
        )
        move.invoice_line_ids.write({"quantity": 2, "price_unit": 120.0})
        move.action_post()
        return move

    def send(self, move):
        move.action_bexio_send()
        return self.run_jobs("bexio.outbox")

    def issued(self):
        move = self.invoice()
        self.send(move)
        client = self.connection._bexio_client()
        client.invoices.issue(move.bexio_invoice_ref)
        return move, client

    def poll(self):
        self.env["account.move"]._cron_bexio_invoice_status()

    def test_partial_then_full_payment(self):
        move, client = self.issued()
        day = datetime.date(2026, 11, 25)
        client.invoices.add_payment(move.bexio_invoice_ref, 100, day)
        self.poll()
        self.assertEqual(move.bexio_payment_state, "partial")
        self.assertEqual(move.bexio_payment_ids.date, day)
        self.assertEqual(move.bexio_amount_received, 100)
        client.invoices.add_payment(
            move.bexio_invoice_ref, move.amount_total - 100, day
        )
        self.poll()
        self.assertEqual(move.bexio_payment_state, "paid")
        self.assertEqual(move.bexio_status, "paid")
        self.assertFalse(move.bexio_payment_ids.payment_id)  # not booked by default
        self.assertEqual(move.payment_state, "not_paid")

    def test_booking_needs_a_journal(self):
        with self.assertRaisesRegex(ValidationError, "journal"):
            self.connection.write(
                {
                    "invoice_book_bexio_payments": True,
                    "invoice_payment_journal_id": False,
                }
            )

    def test_booked_reconciled_and_undone_when_deleted(self):
        self.connection.write(
            {
                "invoice_book_bexio_payments": True,
                "invoice_payment_journal_id": self.company_data[
                    "default_journal_bank"
                ].id,
            }
        )
        move, client = self.issued()
        payment = client.invoices.add_payment(
            move.bexio_invoice_ref, 100, datetime.date(2026, 11, 25)
        )
        self.poll()
        booked = move.bexio_payment_ids.payment_id
        self.assertEqual(booked.amount, 100)
        self.assertIn(move, booked.reconciled_invoice_ids)
        self.assertEqual(move.payment_state, "partial")
        client.invoices.delete_payment(move.bexio_invoice_ref, payment.id)
        self.poll()
        self.assertFalse(move.bexio_payment_ids)
        self.assertEqual(booked.state, "canceled")
        self.assertEqual(move.payment_state, "not_paid")

    def test_the_pdf_is_attached_once(self):
        move, _client = self.issued()
        self.poll()
        self.poll()
        attachments = self.env["ir.attachment"].search(
            [("res_model", "=", "account.move"), ("res_id", "=", move.id)]
        )
        self.assertEqual(attachments.mapped("name"), [f"{move.bexio_document_nr}.pdf"])
        self.assertEqual(attachments.mimetype, "application/pdf")
