# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class BexioInvoicePayment(models.Model):
    """A payment bexio recorded on an invoice Odoo sent, as the status poll last read it."""

    _name = "bexio.invoice.payment"
    _description = "bexio invoice payment"
    _order = "date, id"

    move_id = fields.Many2one(
        "account.move", "Invoice", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="move_id.company_id", store=True)
    currency_id = fields.Many2one(related="move_id.currency_id")
    bexio_ref = fields.Integer("bexio payment ID", required=True, index=True)
    date = fields.Date(required=True)
    amount = fields.Monetary(required=True)
    payment_id = fields.Many2one(
        "account.payment",
        "Booked as",
        readonly=True,
        help="The Odoo payment booked for it, when the connection books bexio's payments in Odoo.",
    )

    _sql_constraints = [
        (
            "bexio_ref_unique",
            "unique(move_id, bexio_ref)",
            "A bexio payment is recorded once per invoice.",
        )
    ]

    def _undo(self):
        """bexio no longer has the payment: its booking is cancelled, which unreconciles it."""
        for payment in self.payment_id.filtered(lambda p: p.state != "canceled"):
            payment.action_draft()
            payment.action_cancel()
        self.unlink()
