# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""bexio's payments and PDF of an issued invoice, read back by the status poll."""

import datetime

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import BexioInvoiceCase


@tagged("post_install", "-at_install")
class TestInvoicePayments(BexioInvoiceCase):
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

    def test_a_payment_deleted_after_full_payment_is_undone(self):
        move, client = self.issued()
        payment = client.invoices.add_payment(
            move.bexio_invoice_ref, move.amount_total, datetime.date(2026, 11, 25)
        )
        self.poll()
        self.assertEqual(move.bexio_payment_state, "paid")
        client.invoices.delete_payment(move.bexio_invoice_ref, payment.id)
        self.poll()
        self.assertFalse(move.bexio_payment_ids)
        self.assertEqual(move.bexio_payment_state, "not_paid")
        self.assertEqual(move.bexio_status, "open")

    def test_an_invoice_paid_long_ago_is_no_longer_polled(self):
        move, client = self.issued()
        payment = client.invoices.add_payment(
            move.bexio_invoice_ref, move.amount_total, datetime.date(2026, 11, 25)
        )
        self.poll()
        move.bexio_paid_since = datetime.datetime(2026, 1, 5)
        client.invoices.delete_payment(move.bexio_invoice_ref, payment.id)
        self.poll()
        self.assertEqual(move.bexio_payment_state, "paid")  # as last read
