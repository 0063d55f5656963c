"""Invoices (v2 ``kb_invoice``): drafts, the status machine, PDFs and payments."""

import base64

from ..errors import InvalidResponse
from ..formats import format_decimal
from ..records import BOOL, DATE, DATETIME, DECIMAL, INT, STR, Record, list_of
from .base import Creatable, Deletable, EditableByPost, Listable, Searchable, Showable

# kb_item_status_id of invoices (bexio documents none; consistent across clients and recordings).
STATUS_DRAFT = 7
STATUS_PENDING = 8
STATUS_PAID = 9
STATUS_PARTIAL = 16
STATUS_CANCELLED = 19
STATUS_UNPAID = 31
STATUS_NAMES = {
    STATUS_DRAFT: "draft",
    STATUS_PENDING: "open",
    STATUS_PAID: "paid",
    STATUS_PARTIAL: "partially paid",
    STATUS_CANCELLED: "cancelled",
    STATUS_UNPAID: "overdue",
}

MWST_INCLUDING = 0
MWST_EXCLUDING = 1
MWST_EXEMPT = 2
MAX_POSITIONS_ON_CREATE = (
    150  # bexio's documented limit; add more through position routes
)


class Position(Record):
    kind = "invoice position"
    fields = {
        "id": INT,
        "type": STR,
        "amount": DECIMAL,
        "unit_id": INT,
        "account_id": INT,
        "unit_name": STR,
        "tax_id": INT,
        "tax_value": DECIMAL,
        "text": STR,
        "unit_price": DECIMAL,
        "discount_in_percent": DECIMAL,
        "position_total": DECIMAL,
        "pos": STR,
        "internal_pos": INT,
        "is_optional": BOOL,
        "parent_id": INT,
    }


class Invoice(Record):
    kind = "invoice"
    fields = {
        "id": INT,
        "document_nr": STR,
        "title": STR,
        "contact_id": INT,
        "contact_sub_id": INT,
        "user_id": INT,
        "project_id": INT,
        "pr_project_id": INT,
        "language_id": INT,
        "bank_account_id": INT,
        "currency_id": INT,
        "payment_type_id": INT,
        "header": STR,
        "footer": STR,
        "total_gross": DECIMAL,
        "total_net": DECIMAL,
        "total_taxes": DECIMAL,
        "total_received_payments": DECIMAL,
        "total_credit_vouchers": DECIMAL,
        "total_remaining_payments": DECIMAL,
        "total": DECIMAL,
        "total_rounding_difference": DECIMAL,
        "mwst_type": INT,
        "mwst_is_net": BOOL,
        "show_position_taxes": BOOL,
        "is_valid_from": DATE,
        "is_valid_to": DATE,
        "contact_address": STR,
        "kb_item_status_id": INT,
        "reference": STR,
        "api_reference": STR,
        "viewed_by_client_at": DATETIME,
        "updated_at": DATETIME,
        "esr_id": INT,
        "qr_invoice_id": INT,
        "template_slug": STR,
        "network_link": STR,
        "positions": list_of(Position),
    }

    @property
    def status_name(self):
        return STATUS_NAMES.get(
            self.kb_item_status_id, f"status {self.kb_item_status_id}"
        )


class Payment(Record):
    kind = "payment"
    fields = {
        "id": INT,
        "date": DATE,
        "value": DECIMAL,
        "bank_account_id": INT,
        "title": STR,
        "kb_invoice_id": INT,
    }


class InvoicePdf(Record):
    kind = "invoice PDF"
    required = ("content",)
    fields = {"name": STR, "size": INT, "mime": STR, "content": STR}

    @property
    def data(self):
        try:
            return base64.b64decode(self.content, validate=True)
        except ValueError as exc:
            raise InvalidResponse(
                "bexio sent an invoice PDF that is not valid base64"
            ) from exc


def custom_position(
    amount,
    unit_price,
    *,
    text,
    account_id,
    tax_id,
    unit_id=None,
    discount_in_percent=None,
):
    """A ``KbPositionCustom`` for create; amounts as decimal strings, as bexio stores them."""
    position = {
        "type": "KbPositionCustom",
        "amount": format_decimal(amount),
        "unit_price": format_decimal(unit_price),
        "account_id": account_id,
        "tax_id": tax_id,
        "text": text,
    }
    if unit_id:
        position["unit_id"] = unit_id
    if discount_in_percent:
        position["discount_in_percent"] = format_decimal(discount_in_percent)
    return position


class Invoices(Listable, Searchable, Showable, Creatable, EditableByPost, Deletable):
    path = "/2.0/kb_invoice"
    record = Invoice
    order_fields = ("id", "total", "total_net", "total_gross", "updated_at")
    search_fields = (
        "id",
        "kb_item_status_id",
        "document_nr",
        "title",
        "api_reference",
        "contact_id",
        "contact_sub_id",
        "user_id",
        "currency_id",
        "total_gross",
        "total_net",
        "total",
        "is_valid_from",
        "is_valid_to",
        "updated_at",
    )

    def create(self, values):
        """Create a draft. Never retried: look it up by ``api_reference`` after a lost answer."""
        if len(values.get("positions") or ()) > MAX_POSITIONS_ON_CREATE:
            raise ValueError(
                f"bexio accepts at most {MAX_POSITIONS_ON_CREATE} positions on create"
            )
        return super().create(values)

    def find_by_api_reference(self, api_reference):
        return self.find_one([("api_reference", api_reference, "=")])

    def issue(self, invoice_id):
        return self._action(invoice_id, "issue")

    def revert_issue(self, invoice_id):
        return self._action(invoice_id, "revert_issue")

    def cancel(self, invoice_id):
        return self._action(invoice_id, "cancel")

    def mark_as_sent(self, invoice_id):
        return self._action(invoice_id, "mark_as_sent")

    def pdf(self, invoice_id, logopaper=True):
        response = self.transport.get(
            self._item(invoice_id, "pdf"), params={"logopaper": int(bool(logopaper))}
        )
        return InvoicePdf(response.data).validate()

    def payments(self, invoice_id):
        response = self.transport.get(self._item(invoice_id, "payment"))
        if not isinstance(response.data, list):
            raise InvalidResponse("bexio answered the payments request without a list")
        return [Payment(item) for item in response.data]

    def add_payment(self, invoice_id, value, date, bank_account_id=None):
        body = {"value": format_decimal(value, 2), "date": date.isoformat()}
        if bank_account_id:
            body["bank_account_id"] = bank_account_id
        return Payment(
            self.transport.post(self._item(invoice_id, "payment"), json_body=body).data
        )

    def _action(self, invoice_id, action):
        response = self.transport.post(self._item(invoice_id, action))
        return bool(isinstance(response.data, dict) and response.data.get("success"))
