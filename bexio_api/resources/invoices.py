"""Invoices (v2 ``kb_invoice``): drafts, the status machine, positions, PDFs, payments and
reminders.

Money comes back as decimal strings in two forms: as sent ("100") in the answer to a write,
and as stored ("100.000000") when read later; the records read both.
"""

import base64

from ..errors import InvalidResponse
from ..formats import format_decimal
from ..records import BOOL, DATE, DATETIME, DECIMAL, INT, NUMBER, STR, Record, list_of
from ..urls import api_path, int_id
from .base import (
    Creatable,
    Deletable,
    EditableByPost,
    Listable,
    Resource,
    Searchable,
    Showable,
)

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

# ``mwst_type``: 0 = the positions' taxes apply (``mwst_is_net`` then says whether they are
# added on top, true, or included in the prices, false); 1 and 2 = no VAT on the document.
# Live bexio computed no VAT on an invoice with mwst_type 1 and an 8.1 % tax on its position
# (recording Quotes/create-invoice-from-quote), although the docs call 1 "excluding taxes".
MWST_TAXED = 0
MWST_INCLUDING = MWST_TAXED  # the name the docs give 0
MWST_EXCLUDING = 1
MWST_EXEMPT = 2
MAX_POSITIONS_ON_CREATE = (
    150  # bexio's documented limit; add more through position routes
)


def vat_setting(mwst_type, mwst_is_net):
    """What VAT a document (or a company's default for documents) computes: "none" (no VAT),
    "net" (VAT added to the prices) or "gross" (VAT included in the prices)."""
    if mwst_type != MWST_TAXED:
        return "none"
    return "net" if mwst_is_net else "gross"


POSITION_TYPES = (
    "KbPositionCustom",
    "KbPositionArticle",
    "KbPositionText",
    "KbPositionSubtotal",
    "KbPositionDiscount",
    "KbPositionPagebreak",
    "KbPositionSubposition",
)


class Position(Record):
    """A position of a sales document; each ``type`` has its own keys (see ``record_for``)."""

    kind = "invoice position"
    fields = {"id": INT, "type": STR}

    @classmethod
    def record_for(cls, data):
        kind = data.get("type") if isinstance(data, dict) else None
        return POSITION_RECORDS.get(kind, cls)


_AMOUNTS = {
    "amount": DECIMAL,
    "amount_reserved": DECIMAL,
    "amount_open": DECIMAL,
    "amount_completed": DECIMAL,
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
    "parent_id": INT,
    "is_optional": BOOL,
}


class CustomPosition(Position):
    kind = "custom position"
    fields = {"id": INT, "type": STR, **_AMOUNTS}


class ArticlePosition(Position):
    kind = "article position"
    fields = {"id": INT, "type": STR, **_AMOUNTS, "article_id": INT}


class TextPosition(Position):
    kind = "text position"
    fields = {
        "id": INT,
        "type": STR,
        "text": STR,
        "show_pos_nr": BOOL,
        "pos": STR,
        "internal_pos": INT,
        "parent_id": INT,
        "is_optional": BOOL,
    }


class SubtotalPosition(Position):
    kind = "subtotal position"
    fields = {
        "id": INT,
        "type": STR,
        "text": STR,
        "value": DECIMAL,
        "internal_pos": INT,
        "parent_id": INT,
        "is_optional": BOOL,
    }


class DiscountPosition(Position):
    kind = "discount position"
    fields = {
        "id": INT,
        "type": STR,
        "text": STR,
        "is_percentual": BOOL,
        "value": DECIMAL,
        "discount_total": DECIMAL,
    }


class PagebreakPosition(Position):
    kind = "page break position"
    fields = {
        "id": INT,
        "type": STR,
        "internal_pos": INT,
        "parent_id": INT,
        "is_optional": BOOL,
        "pagebreak": BOOL,
    }


class SubPosition(Position):
    kind = "sub position"
    fields = {
        "id": INT,
        "type": STR,
        "text": STR,
        "pos": STR,
        "internal_pos": INT,
        "show_pos_nr": BOOL,
        "is_optional": BOOL,
        "total_sum": DECIMAL,
        "show_pos_prices": BOOL,
        "parent_id": INT,
    }


POSITION_RECORDS = {
    "KbPositionCustom": CustomPosition,
    "KbPositionArticle": ArticlePosition,
    "KbPositionText": TextPosition,
    "KbPositionSubtotal": SubtotalPosition,
    "KbPositionDiscount": DiscountPosition,
    "KbPositionPagebreak": PagebreakPosition,
    "KbPositionSubposition": SubPosition,
}


class InvoiceTax(Record):
    kind = "invoice tax"
    required = ()
    fields = {"percentage": DECIMAL, "value": DECIMAL}


class Invoice(Record):
    kind = "invoice"
    optional = ("positions",)  # lists and searches leave the positions out
    fields = {
        "id": INT,
        "document_nr": STR,
        "title": STR,
        "contact_id": INT,
        "contact_sub_id": INT,
        "user_id": INT,
        "project_id": INT,
        "logopaper_id": INT,
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
        "total_rounding_difference": NUMBER,
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
        "taxs": list_of(InvoiceTax),
        "positions": list_of(Position),
        "network_link": STR,
    }

    @property
    def status_name(self):
        return STATUS_NAMES.get(
            self.kb_item_status_id, f"status {self.kb_item_status_id}"
        )

    @property
    def vat(self):
        """ "none", "net" or "gross": what VAT bexio computed on this invoice."""
        return vat_setting(self.mwst_type, self.mwst_is_net)


class Payment(Record):
    kind = "payment"
    fields = {
        "id": INT,
        "date": DATE,
        "value": DECIMAL,
        "bank_account_id": INT,
        "title": STR,
        "payment_service_id": INT,
        "is_client_account_redemption": BOOL,
        "is_cash_discount": BOOL,
        "kb_invoice_id": INT,
        "kb_credit_voucher_id": INT,
        "kb_credit_voucher_text": STR,
        "kb_bill_id": INT,
    }


class Reminder(Record):
    kind = "reminder"
    fields = {
        "id": INT,
        "kb_invoice_id": INT,
        "title": STR,
        "is_valid_from": DATE,
        "is_valid_to": DATE,
        "reminder_period_in_days": INT,
        "reminder_level": INT,
        "show_positions": BOOL,
        "remaining_price": DECIMAL,
        "received_total": DECIMAL,
        "is_sent": BOOL,
        "header": STR,
        "footer": STR,
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


def _check_writable(resource, values):
    unknown = set(values) - set(resource.writable_fields)
    if unknown:
        raise ValueError(
            f"bexio does not let a client write {', '.join(sorted(unknown))} "
            f"on {resource.path}"
        )
    return values


class _InvoiceChild(Resource):
    """A collection below one invoice (``/2.0/kb_invoice/{id}/<child>``)."""

    child = ""

    def __init__(self, transport, invoice_id):
        super().__init__(transport)
        self.invoice_id = invoice_id
        self.path = api_path(
            Invoices.path, int_id(invoice_id, "invoice id"), self.child
        )


class _Positions(
    _InvoiceChild, Listable, Showable, Creatable, EditableByPost, Deletable
):
    """One kind of position of an invoice; writes change the invoice's totals."""

    record = Position

    def create(self, values):
        return super().create(_check_writable(self, values))

    def edit(self, object_id, values):
        return super().edit(object_id, _check_writable(self, values))


class CustomPositions(_Positions):
    child = "kb_position_custom"
    writable_fields = (
        "amount",
        "unit_id",
        "account_id",
        "tax_id",
        "text",
        "unit_price",
        "discount_in_percent",
        "is_optional",
        "parent_id",
    )


class TextPositions(_Positions):
    child = "kb_position_text"
    writable_fields = ("text", "show_pos_nr")


class SubPositions(_Positions):
    child = "kb_position_subposition"
    writable_fields = ("text", "show_pos_nr", "parent_id")


class Reminders(_InvoiceChild, Listable, Searchable, Showable, Deletable):
    """Payment reminders of an issued invoice (``kb_reminder``)."""

    child = "kb_reminder"
    record = Reminder
    order_fields = ("id", "reminder_level")
    search_fields = (
        "title",
        "reminder_level",
        "is_sent",
        "is_valid_from",
        "is_valid_to",
    )
    writable_fields = (
        "title",
        "is_valid_from",
        "is_valid_to",
        "reminder_period_in_days",
        "show_positions",
        "is_sent",
        "header",
        "footer",
    )

    def create(self, values=None):
        """The next reminder level; bexio fills in everything not given (no body needed)."""
        body = _check_writable(self, dict(values or {}))
        return self._wrap_one(self.transport.post(self.path, json_body=body))

    def pdf(self, reminder_id):
        response = self.transport.get(self._item(reminder_id, "pdf"))
        return InvoicePdf(response.data).validate()

    def mark_as_sent(self, reminder_id):
        return self._action(reminder_id, "mark_as_sent")

    def mark_as_unsent(self, reminder_id):
        return self._action(reminder_id, "mark_as_unsent")

    def _action(self, reminder_id, action):
        response = self.transport.post(self._item(reminder_id, action), idempotent=True)
        return bool(isinstance(response.data, dict) and response.data.get("success"))


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
    # Create and edit; ``positions`` on create only (edits go through the position routes).
    writable_fields = (
        "document_nr",
        "title",
        "contact_id",
        "contact_sub_id",
        "user_id",
        "pr_project_id",
        "logopaper_id",
        "language_id",
        "bank_account_id",
        "currency_id",
        "payment_type_id",
        "header",
        "footer",
        "mwst_type",
        "mwst_is_net",
        "show_position_taxes",
        "is_valid_from",
        "is_valid_to",
        "contact_address_manual",
        "reference",
        "api_reference",
        "template_slug",
        "positions",
    )
    copy_fields = ("contact_id", "contact_sub_id", "is_valid_from", "title")
    payment_fields = ("date", "value", "bank_account_id", "payment_service_id")

    def create(self, values):
        """Create a draft. Never retried: look it up by ``api_reference`` after a lost answer."""
        if len(values.get("positions") or ()) > MAX_POSITIONS_ON_CREATE:
            raise ValueError(
                f"bexio accepts at most {MAX_POSITIONS_ON_CREATE} positions on create"
            )
        return super().create(_check_writable(self, values))

    def edit(self, object_id, values):
        if "positions" in values:
            raise ValueError(
                "bexio ignores positions in an invoice edit: change them through "
                "custom_positions(), text_positions() or sub_positions()"
            )
        return super().edit(object_id, _check_writable(self, values))

    def find_by_api_reference(self, api_reference):
        return self.find_one([("api_reference", api_reference, "=")])

    def copy(
        self,
        invoice_id,
        contact_id,
        *,
        contact_sub_id=None,
        is_valid_from=None,
        title=None,
    ):
        """A new draft with the invoice's positions, for ``contact_id``. Never retried."""
        body = {"contact_id": contact_id}
        if contact_sub_id is not None:
            body["contact_sub_id"] = contact_sub_id
        if is_valid_from is not None:
            body["is_valid_from"] = is_valid_from.isoformat()
        if title is not None:
            body["title"] = title
        return self._wrap_one(
            self.transport.post(self._item(invoice_id, "copy"), json_body=body)
        )

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

    def get_payment(self, invoice_id, payment_id):
        response = self.transport.get(
            self._item(invoice_id, "payment", self._id(payment_id))
        )
        return self._payment(response)

    def add_payment(self, invoice_id, value, date, bank_account_id=None):
        """Record a payment; bexio books it on the invoice's bank account unless told."""
        body = {"value": format_decimal(value, 2), "date": date.isoformat()}
        if bank_account_id:
            body["bank_account_id"] = bank_account_id
        return self._payment(
            self.transport.post(self._item(invoice_id, "payment"), json_body=body)
        )

    def delete_payment(self, invoice_id, payment_id):
        self.transport.delete(self._item(invoice_id, "payment", self._id(payment_id)))
        return True

    def reminders(self, invoice_id):
        return Reminders(self.transport, invoice_id)

    def custom_positions(self, invoice_id):
        return CustomPositions(self.transport, invoice_id)

    def text_positions(self, invoice_id):
        return TextPositions(self.transport, invoice_id)

    def sub_positions(self, invoice_id):
        return SubPositions(self.transport, invoice_id)

    def _payment(self, response):
        if not isinstance(response.data, dict):
            raise InvalidResponse(
                "bexio answered the payment request without an object"
            )
        return Payment(response.data)

    def _action(self, invoice_id, action):
        response = self.transport.post(self._item(invoice_id, action))
        return bool(isinstance(response.data, dict) and response.data.get("success"))
