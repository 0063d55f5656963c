"""Invoices (``/2.0/kb_invoice``): drafts and their status machine, positions, totals under the
company's VAT setting, copies, PDFs, payments and reminders.

Decimals are answered the way live bexio answers them (recordings ItemPositions/* and
Quotes/*): the answer to a write gives values as they were sent ("2", "99.95") and computed
values without padding ("199.9"); later reads give what the database keeps, six places for
money and quantities ("2.000000") and four for percentages and the tax total. The store keeps
the padded form; ``Written`` remembers, for one answer, what the request sent.
"""

import base64
import datetime
import re
import uuid
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from ..errors import ApiError
from ..schema import F, Schema, coerce
from .base import (
    SUCCESS,
    Collection,
    Reply,
    form_error,
    json_body,
    page,
    search,
)

DRAFT, PENDING, PAID, PARTIAL, CANCELLED, UNPAID = 7, 8, 9, 16, 19, 31
ISSUED = {PENDING, PARTIAL, UNPAID}
NOT_FOUND = "The requested resource could not be found."

_Q6 = Decimal("0.000001")
_Q4 = Decimal("0.0001")


def padded(value, places=6):
    """The stored form: a fixed number of places ("199.900000")."""
    if value is None:
        return None
    return (
        f"{Decimal(str(value)).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP):f}"
    )


def minimal(value):
    """The form of a computed value in the answer to a write: no padding ("199.9", "100")."""
    if value is None:
        return None
    number = Decimal(str(value)).normalize()
    text = f"{number:f}"
    return "0" if text in ("-0", "0E0") else text


def as_sent(value):
    """A decimal as the client wrote it: strings unchanged, numbers without padding."""
    return value.strip() if isinstance(value, str) else minimal(value)


@dataclass
class Written:
    """What the request being answered wrote: the answer echoes these values as sent."""

    mode: str = "read"  # read | created | edited
    sent: dict = field(default_factory=dict)
    positions: dict = field(default_factory=dict)  # position id -> Written

    def of(self, position_id):
        return self.positions.get(position_id) or Written(
            self.mode if self.mode != "edited" else "read"
        )


READ = Written()


# ------------------------------------------------------------------ positions
POSITION_SCHEMA = Schema(
    F("amount", "money"),
    F("unit_id", "int"),
    F("account_id", "int"),
    F("tax_id", "int"),
    F("text"),
    F("unit_price", "money"),
    F("discount_in_percent", "money4"),
    F("parent_id", "int"),
    F("is_optional", "bool"),
    F("article_id", "int"),
    F("show_pos_nr", "bool"),
    F("is_percentual", "bool"),
    F("value", "money"),
    F("pagebreak", "bool"),
)
AMOUNT_KEYS = (
    "id",
    "type",
    "amount",
    "amount_reserved",
    "amount_open",
    "amount_completed",
    "unit_id",
    "account_id",
    "unit_name",
    "tax_id",
    "tax_value",
    "text",
    "unit_price",
    "discount_in_percent",
    "position_total",
    "pos",
    "internal_pos",
    "parent_id",
    "is_optional",
)
# Keys per type: KbPositionCustom and KbPositionArticle from the recordings
# (Quotes/create-invoice-from-quote, ItemPositions/*), the others from BexioApiNet's models
# written from bexio's specification (Models/Sales/Positions/*.cs).
POSITION_KEYS = {
    "KbPositionCustom": AMOUNT_KEYS,
    "KbPositionArticle": (*AMOUNT_KEYS, "article_id"),
    "KbPositionText": (
        "id",
        "type",
        "text",
        "show_pos_nr",
        "pos",
        "internal_pos",
        "parent_id",
        "is_optional",
    ),
    "KbPositionSubtotal": (
        "id",
        "type",
        "text",
        "value",
        "internal_pos",
        "parent_id",
        "is_optional",
    ),
    "KbPositionDiscount": (
        "id",
        "type",
        "text",
        "is_percentual",
        "value",
        "discount_total",
    ),
    "KbPositionPagebreak": (
        "id",
        "type",
        "internal_pos",
        "parent_id",
        "is_optional",
        "pagebreak",
    ),
    "KbPositionSubposition": (
        "id",
        "type",
        "text",
        "pos",
        "internal_pos",
        "show_pos_nr",
        "is_optional",
        "total_sum",
        "show_pos_prices",
        "parent_id",
    ),
}
# What a client writes per type (API.md §6.3; BexioApiNet Views/Position*Create.cs).
POSITION_WRITABLE = {
    "KbPositionCustom": (
        "amount",
        "unit_id",
        "account_id",
        "tax_id",
        "text",
        "unit_price",
        "discount_in_percent",
        "is_optional",
        "parent_id",
    ),
    "KbPositionText": ("text", "show_pos_nr"),
    "KbPositionSubtotal": ("text",),
    "KbPositionDiscount": ("text", "is_percentual", "value"),
    "KbPositionPagebreak": ("pagebreak",),
    "KbPositionSubposition": ("text", "show_pos_nr", "parent_id"),
}
POSITION_WRITABLE["KbPositionArticle"] = (
    *POSITION_WRITABLE["KbPositionCustom"],
    "article_id",
)
PRICED = ("KbPositionCustom", "KbPositionArticle")
NUMBERED = (
    "KbPositionCustom",
    "KbPositionArticle",
    "KbPositionText",
    "KbPositionSubposition",
)
# Route word -> type, for /2.0/kb_invoice/{id}/<word>.
POSITION_ROUTES = {
    "kb_position_custom": "KbPositionCustom",
    "kb_position_text": "KbPositionText",
    "kb_position_subposition": "KbPositionSubposition",
}
MONEY6 = {
    "amount",
    "amount_reserved",
    "amount_open",
    "amount_completed",
    "unit_price",
    "position_total",
    "value",
    "discount_total",
    "total_sum",
}
DELIVERY = ("amount_reserved", "amount_open", "amount_completed")


def render_position(doc, written=READ):
    data = {}
    for key in POSITION_KEYS[doc["type"]]:
        value = doc.get(key)
        if key in MONEY6 or key == "discount_in_percent":
            value = _decimal_out(key, value, written)
        data[key] = value
    return data


def _decimal_out(key, value, written):
    if written.mode == "read":
        return padded(value, 4 if key == "discount_in_percent" else 6)
    if key in written.sent:
        return written.sent[key]
    if key in DELIVERY:
        # Recording ItemPositions/create-an-item-position: null on create, stored on edit.
        return None if written.mode == "created" else padded(value)
    if written.mode == "edited" and key not in ("position_total", "total_sum", "value"):
        return padded(value, 4 if key == "discount_in_percent" else 6)
    return minimal(value)


def build_position(env, ptype, values, doc=None, where="position"):
    """A new position of type ``ptype`` (or ``doc`` changed by ``values``), checked as bexio
    checks it; returns (position, what was sent as sent)."""
    if not isinstance(values, dict):
        raise ApiError(400, "The request body must be a JSON object.")
    allowed = POSITION_WRITABLE[ptype]
    position = dict(doc) if doc else {"id": None, "type": ptype}
    sent, problems = {}, []
    for name, value in values.items():
        if name not in allowed:
            continue  # bexio ignores what it does not know
        try:
            position[name] = coerce(POSITION_SCHEMA.by_name[name], value)
        except ValueError as exc:
            problems.append(f"{name}: {exc}")
            continue
        if name in MONEY6 or name == "discount_in_percent":
            sent[name] = as_sent(value) if value is not None else None
    if problems:
        raise ApiError(
            422,
            f"{where}: The form could not be saved due to the following errors: "
            + " ".join(problems),
            errors=problems,
        )
    for key in POSITION_KEYS[ptype]:
        position.setdefault(key, None)
    if ptype in PRICED:
        _priced(env, position, where)
    elif ptype in ("KbPositionText", "KbPositionSubposition", "KbPositionSubtotal"):
        if not (position.get("text") or "").strip():
            raise form_error(f"{where}.text", "This value should not be blank.")
        if (
            position.get("show_pos_nr") is None
            and "show_pos_nr" in POSITION_KEYS[ptype]
        ):
            position["show_pos_nr"] = False
    if ptype == "KbPositionSubposition" and position.get("show_pos_prices") is None:
        position["show_pos_prices"] = True
    if position.get("is_optional") is None and "is_optional" in POSITION_KEYS[ptype]:
        position["is_optional"] = False
    return position, sent


def _priced(env, doc, where):
    missing = [n for n in ("amount", "unit_price") if doc.get(n) is None]
    if missing:
        raise ApiError(
            422,
            f"{where}: {', '.join(missing)} should not be blank.",
            errors=missing,
        )
    tax = (
        env.store.get(env.company, "tax", doc["tax_id"]) if doc.get("tax_id") else None
    )
    if doc.get("tax_id") is not None and (
        tax is None or tax["type"] != "sales_tax" or not tax["is_active"]
    ):
        raise ApiError(
            422,
            f"{where}.tax_id: only active sales taxes may be used on invoices.",
            errors=["tax_id"],
        )
    if (
        doc.get("account_id") is not None
        and env.store.get(env.company, "account", doc["account_id"]) is None
    ):
        raise ApiError(
            422,
            f"{where}.account_id: The account {doc['account_id']} does not exist.",
            errors=["account_id"],
        )
    unit = (
        env.store.get(env.company, "unit", doc["unit_id"])
        if doc.get("unit_id")
        else None
    )
    doc["unit_name"] = unit["name"] if unit else None
    doc["tax_value"] = f"{Decimal(str(tax['value'])):.2f}" if tax else None
    discount = Decimal(doc.get("discount_in_percent") or 0)
    doc["discount_in_percent"] = padded(discount, 4)
    total = Decimal(doc["amount"]) * Decimal(doc["unit_price"]) * (1 - discount / 100)
    doc["position_total"] = padded(total)
    for name in DELIVERY:
        doc[name] = padded(0)


def number_positions(positions):
    numbered = 0
    for index, position in enumerate(positions, 1):
        position["internal_pos"] = index
        if position["type"] in NUMBERED:
            numbered += 1
            position["pos"] = str(numbered)
    for position in positions:
        if position["type"] == "KbPositionSubposition":
            position["total_sum"] = padded(
                sum(
                    (
                        Decimal(p["position_total"])
                        for p in positions
                        if p.get("parent_id") == position["id"]
                        and p.get("position_total")
                    ),
                    Decimal(0),
                )
            )


# ------------------------------------------------------------------- invoices
INVOICE_SCHEMA = Schema(
    F("id", "int", writable=False),
    F("document_nr"),
    F("title", maxlen=80),
    F("contact_id", "int", required=True),
    F("contact_sub_id", "int"),
    F("user_id", "int", required=True),
    F("project_id", "int", writable=False),
    # Written as pr_project_id, answered as project_id (recording: no pr_project_id key).
    F("pr_project_id", "int", hidden=True),
    F("logopaper_id", "int", default=1),
    F("language_id", "int"),
    F("bank_account_id", "int"),
    F("currency_id", "int"),
    F("payment_type_id", "int"),
    F("header"),
    F("footer"),
    F("total_gross", writable=False),
    F("total_net", writable=False),
    F("total_taxes", writable=False),
    F("total_received_payments", writable=False),
    F("total_credit_vouchers", writable=False),
    F("total_remaining_payments", writable=False),
    F("total", writable=False),
    F("total_rounding_difference", "number", writable=False),
    F("mwst_type", "int", choices={0, 1, 2}),
    F("mwst_is_net", "bool"),
    F("show_position_taxes", "bool", default=False),
    F("is_valid_from", "date"),
    F("is_valid_to", "date"),
    F("contact_address", writable=False),
    # If given, printed instead of the contact's address (newer docs); never answered.
    F("contact_address_manual", hidden=True),
    F("kb_item_status_id", "int", writable=False),
    F("reference"),
    F("api_reference"),
    F("viewed_by_client_at", writable=False),
    F("updated_at", writable=False),
    F("esr_id", "int", writable=False),
    F("qr_invoice_id", "int", writable=False),
    F("template_slug"),
    F("taxs", "json", writable=False),
    F("positions", "json", writable=False),
    F("network_link", writable=False),
)
TOTALS6 = (
    "total_gross",
    "total_net",
    "total_received_payments",
    "total_credit_vouchers",
    "total",
)
VAT_SETTINGS = {
    # setting -> (default_mwst_type, default_mwst_is_net) of the document settings
    "none": (2, True),
    "net": (0, True),
    "gross": (0, False),
}


def company_vat(env):
    return env.settings.get("vat", "net")


def document_vat(env, doc):
    """What VAT this invoice computes: none, net (added) or gross (included).

    mwst_type 1 computes none: live bexio answered an invoice with mwst_type 1 and an 8.1 %
    tax on its position with total_taxes "0.0000" (recording Quotes/create-invoice-from-quote).
    A company without VAT (setting "none", no VAT number) charges none on any invoice.
    """
    if company_vat(env) == "none" or doc.get("mwst_type") != 0:
        return "none"
    return "net" if doc.get("mwst_is_net") else "gross"


class Invoices(Collection):
    def writable_fields(self):
        return super().writable_fields() | {"positions"}

    # ------------------------------------------------------------ create, edit
    def create(self, env, values, written=None, **extra):
        if not isinstance(values, dict):
            raise ApiError(400, "The request body must be a JSON object.")
        positions = values.get("positions") or []
        if not isinstance(positions, list):
            raise ApiError(422, "positions: This value should be an array.")
        if len(positions) > 150:
            raise ApiError(422, "Use at most 150 positions when creating a document.")
        setting = invoice_setting(env)
        if values.get("document_nr") and setting.get("use_automatic_enumeration"):
            raise form_error(
                "document_nr", "cannot be set while automatic numbering is active."
            )
        if not values.get("document_nr") and not setting.get(
            "use_automatic_enumeration"
        ):
            raise form_error("document_nr", "This value should not be blank.")
        values = {k: v for k, v in values.items() if k != "positions"}
        defaults = {
            "mwst_type": setting.get("default_mwst_type", 0),
            "mwst_is_net": setting.get("default_mwst_is_net", True),
            "currency_id": setting.get("default_currency_id", 1),
            "language_id": setting.get("default_language_id", 1),
            "bank_account_id": setting.get("default_client_bank_account_new_id"),
            "payment_type_id": setting.get("default_payment_type_id"),
            "title": setting.get("default_title"),
            "is_valid_from": env.now.date().isoformat(),
            "reference": "",
            "template_slug": "",
        }
        for key, value in defaults.items():
            if values.get(key) is None:
                values[key] = value
        if not values.get("is_valid_to"):
            days = setting.get("default_time_period_in_days") or 30
            start = datetime.date.fromisoformat(str(values["is_valid_from"])[:10])
            values["is_valid_to"] = (start + datetime.timedelta(days=days)).isoformat()
        written = written if written is not None else Written("created")
        built = []
        for i, item in enumerate(positions):
            if not isinstance(item, dict) or item.get("type") not in POSITION_KEYS:
                raise ApiError(
                    422,
                    f"positions[{i}].type: must be one of "
                    f"{', '.join(sorted(POSITION_KEYS))}.",
                    errors=["positions"],
                )
            position, sent = build_position(
                env, item["type"], item, where=f"positions[{i}]"
            )
            position["id"] = env.store.next_id(env.company, "kb_position")
            written.positions[position["id"]] = Written("created", sent)
            built.append(position)
        extra.setdefault("_positions_in", built)
        return super().create(env, values, **extra)

    def complete(self, env, doc, creating):
        super().complete(env, doc, creating)
        if doc.get("pr_project_id") is not None:
            doc["project_id"] = doc.pop("pr_project_id")
        contact = env.store.get(env.company, "contact", doc["contact_id"])
        if contact is None or contact.get("_archived"):
            raise form_error(
                "contact_id", f"The contact {doc['contact_id']} does not exist."
            )
        if env.store.get(env.company, "currency", doc["currency_id"]) is None:
            raise form_error(
                "currency_id", f"The value {doc['currency_id']} does not exist."
            )
        if creating:
            setting = invoice_setting(env)
            if not doc.get("document_nr"):
                number = env.store.next_id(env.company, "invoice_nr")
                prefix = setting.get("enumeration_format") or "RE-%nummer%"
                width = setting.get("nr_min_length") or 5
                doc["document_nr"] = prefix.replace(
                    "%nummer%", str(number).zfill(width)
                )
            doc["kb_item_status_id"] = DRAFT
            doc["positions"] = doc.pop("_positions_in")
            number_positions(doc["positions"])
            doc["network_link"] = ""
            doc["_payments"] = []
            # Live invoices carry both numbers from the start (188 for RE-00192).
            doc["esr_id"] = doc["qr_invoice_id"] = env.store.next_id(env.company, "esr")
            user = env.store.get(env.company, "user", doc["user_id"]) or {}
            if doc.get("header") is None:
                doc["header"] = (
                    f"Guten Tag {_name(contact)}<br/><br/>Danke für Ihr Vertrauen. "
                    "Ihre Rechnung setzt sich wie folgt zusammen:"
                )
            if doc.get("footer") is None:
                signer = " ".join(
                    p for p in (user.get("firstname"), user.get("lastname")) if p
                )
                doc["footer"] = (
                    "Sie haben Fragen? Melden Sie sich bei uns.<br/><br/>"
                    f"Freundliche Grüsse<br/>{signer}"
                )
        doc["contact_address"] = doc.get("contact_address_manual") or _address_block(
            contact
        )
        self.compute_totals(env, doc)

    def edit(self, env, ident, values):
        doc = self.find(env, ident)
        if doc["kb_item_status_id"] != DRAFT:
            raise ApiError(422, "Only draft invoices can be edited.")
        if isinstance(values, dict) and "positions" in values:
            values = {k: v for k, v in values.items() if k != "positions"}
        return super().edit(env, ident, values)

    def compute_totals(self, env, doc):
        currency = env.store.get(env.company, "currency", doc["currency_id"]) or {}
        factor = Decimal(str(currency.get("round_factor") or "0.01"))
        vat = document_vat(env, doc)
        taxes = {}
        positions_total = Decimal(0)
        for p in doc["positions"]:
            if p["type"] not in PRICED or p.get("position_total") is None:
                continue
            amount = Decimal(p["position_total"])
            positions_total += amount
            if p.get("tax_value") and vat != "none":
                rate = Decimal(p["tax_value"])
                tax = (
                    amount * rate / (100 + rate)
                    if vat == "gross"
                    else amount * rate / 100
                )
                taxes[rate] = taxes.get(rate, Decimal(0)) + tax
        total_taxes = sum(taxes.values(), Decimal(0))
        if vat == "gross":
            gross = positions_total
            net = gross - total_taxes
        else:
            net = positions_total
            gross = net + total_taxes
        total = (gross / factor).quantize(Decimal(1), rounding=ROUND_HALF_UP) * factor
        received = sum(
            (Decimal(p["value"]) for p in doc.get("_payments", [])), Decimal(0)
        )
        difference = round(total - gross, 6)
        doc.update(
            total_net=padded(net),
            total_gross=padded(gross),
            total_taxes=padded(total_taxes, 4),
            total=padded(total),
            total_rounding_difference=(
                int(difference)
                if difference == difference.to_integral()
                else float(difference)
            ),
            total_received_payments=padded(received),
            total_credit_vouchers=padded(0),
            total_remaining_payments=padded(total - received),
            taxs=[
                {"percentage": f"{rate:.2f}", "value": padded(value)}
                for rate, value in sorted(taxes.items())
            ],
        )

    # ------------------------------------------------------------- rendering
    def render(self, doc, full=True, written=READ):
        data = self.schema.render(doc, omit=() if full else ("positions",))
        write = written.mode != "read"
        for key in TOTALS6:
            data[key] = minimal(data[key]) if write else data[key]
        # Recording Quotes/create-invoice-from-quote: "0.0000" and "100.0000" on create.
        data["total_remaining_payments"] = padded(
            doc["total_remaining_payments"], 4 if write else 6
        )
        data["taxs"] = [
            dict(t, value=minimal(t["value"]) if write else t["value"])
            for t in doc.get("taxs") or []
        ]
        if full:
            data["positions"] = [
                render_position(p, written.of(p["id"])) for p in doc["positions"]
            ]
        return data

    # -------------------------------------------------------------- handlers
    def h_create(self, env, req):
        written = Written("created")
        doc = self.create(env, json_body(req) or {}, written=written)
        return Reply(self.render(doc, written=written), status=201)

    def h_edit(self, env, req, ident):
        doc = self.edit(env, ident, json_body(req) or {})
        return Reply(self.render(doc, written=Written("edited")))

    def h_delete(self, env, req, ident):
        doc = self.find(env, ident)
        if doc["kb_item_status_id"] != DRAFT:
            raise ApiError(
                422, "Only draft invoices can be deleted; cancel it instead."
            )
        env.store.delete(env.company, self.kind, ident)
        return Reply(SUCCESS)

    def h_copy(self, env, req, ident):
        original = self.find(env, ident)
        body = json_body(req) or {}
        if not isinstance(body, dict) or body.get("contact_id") in (None, ""):
            raise form_error("contact_id", "This value should not be blank.")
        values = {
            k: original.get(k)
            for k in (
                "user_id",
                "logopaper_id",
                "language_id",
                "bank_account_id",
                "currency_id",
                "payment_type_id",
                "footer",
                "mwst_type",
                "mwst_is_net",
                "show_position_taxes",
                "template_slug",
                "title",
            )
        }
        values["pr_project_id"] = original.get("project_id")
        for key in ("contact_id", "contact_sub_id", "is_valid_from", "title"):
            if body.get(key) is not None:
                values[key] = body[key]
        if not invoice_setting(env).get("use_automatic_enumeration"):
            values["document_nr"] = f"{original['document_nr']}-1"
        positions = []
        for p in original["positions"]:
            positions.append(
                {k: v for k, v in p.items() if k in POSITION_WRITABLE[p["type"]]}
                | {"type": p["type"]}
            )
        values["positions"] = positions
        doc = dict(self.create(env, values, written=Written("copied")))
        # Sub positions keep their children: parent ids point into the copy.
        new_ids = {
            old["id"]: new["id"]
            for old, new in zip(original["positions"], doc["positions"], strict=True)
        }
        doc["positions"] = [
            dict(p, parent_id=new_ids.get(p.get("parent_id"), p.get("parent_id")))
            for p in doc["positions"]
        ]
        number_positions(doc["positions"])
        env.store.put(env.company, self.kind, doc["id"], doc)
        return Reply(self.render(doc, written=Written("created")), status=201)

    def _transition(self, env, ident, allowed, target, message):
        doc = dict(self.find(env, ident))
        if doc["kb_item_status_id"] not in allowed:
            raise ApiError(422, message)
        doc["kb_item_status_id"] = target
        doc["updated_at"] = env.stamp
        if target == PENDING and not doc.get("network_link"):
            doc["network_link"] = f"https://office.bexio.com/s/{uuid.uuid4().hex[:16]}"
        env.store.put(env.company, self.kind, ident, doc)
        return Reply(SUCCESS)

    def h_issue(self, env, req, ident):
        return self._transition(
            env, ident, {DRAFT}, PENDING, "Only draft invoices can be issued."
        )

    def h_revert_issue(self, env, req, ident):
        doc = self.find(env, ident)
        if doc.get("_payments"):
            raise ApiError(422, "An invoice with payments cannot be reverted to draft.")
        return self._transition(
            env,
            ident,
            {PENDING, UNPAID},
            DRAFT,
            "Only open invoices can be reverted to draft.",
        )

    def h_cancel(self, env, req, ident):
        return self._transition(
            env,
            ident,
            ISSUED,
            CANCELLED,
            "Only issued invoices can be cancelled.",
        )

    def h_mark_as_sent(self, env, req, ident):
        doc = self.find(env, ident)
        if doc["kb_item_status_id"] == DRAFT:
            return self._transition(env, ident, {DRAFT}, PENDING, "")
        return Reply(SUCCESS)

    def h_pdf(self, env, req, ident):
        doc = self.find(env, ident)
        return Reply(
            pdf_answer(
                doc["document_nr"].lower(),
                f"{doc['document_nr']} {doc.get('title') or ''} {doc['total']}",
            )
        )

    # --------------------------------------------------------------- payments
    def h_payments(self, env, req, ident):
        doc = self.find(env, ident)
        return page(req, doc.get("_payments", []), render_payment)

    def h_payment_show(self, env, req, ident, payment_id):
        for payment in self.find(env, ident).get("_payments", []):
            if payment["id"] == payment_id:
                return Reply(render_payment(payment))
        raise ApiError(404, NOT_FOUND)

    def h_payment_create(self, env, req, ident):
        doc = dict(self.find(env, ident))
        if doc["kb_item_status_id"] not in ISSUED:
            raise ApiError(422, "Payments can only be added to issued invoices.")
        body = json_body(req) or {}
        if not isinstance(body, dict):
            raise ApiError(400, "The request body must be a JSON object.")
        values = {"value": body.get("value"), "date": body.get("date")}
        PAYMENT_SCHEMA.apply(values, values, creating=False)
        bank_account = body.get("bank_account_id") or doc.get("bank_account_id")
        if env.store.get(env.company, "bank_account", bank_account) is None:
            raise form_error(
                "bank_account_id", f"The value {bank_account} does not exist."
            )
        payment = {
            "id": env.store.next_id(env.company, "payment"),
            "date": values["date"] or env.now.date().isoformat(),
            "value": values["value"],
            # Booked on the invoice's bank account unless the client names one.
            "bank_account_id": bank_account,
            "title": "Zahlungseingang",
            "payment_service_id": body.get("payment_service_id"),
            "is_client_account_redemption": False,
            "is_cash_discount": False,
            "kb_invoice_id": doc["id"],
            "kb_credit_voucher_id": None,
            "kb_credit_voucher_text": "",
            "kb_bill_id": None,
        }
        doc["_payments"] = doc.get("_payments", []) + [payment]
        self.compute_totals(env, doc)
        remaining = Decimal(doc["total_remaining_payments"])
        doc["kb_item_status_id"] = PAID if remaining <= 0 else PARTIAL
        env.store.put(env.company, self.kind, doc["id"], doc)
        return Reply(dict(payment, value=as_sent(body.get("value"))), status=201)

    def h_payment_delete(self, env, req, ident, payment_id):
        doc = dict(self.find(env, ident))
        payments = [p for p in doc.get("_payments", []) if p["id"] != payment_id]
        if len(payments) == len(doc.get("_payments", [])):
            raise ApiError(404, NOT_FOUND)
        doc["_payments"] = payments
        self.compute_totals(env, doc)
        doc["kb_item_status_id"] = PARTIAL if payments else PENDING
        env.store.put(env.company, self.kind, doc["id"], doc)
        return Reply(SUCCESS)

    # -------------------------------------------------------------- positions
    def _draft(self, env, ident):
        doc = dict(self.find(env, ident))
        if doc["kb_item_status_id"] != DRAFT:
            raise ApiError(422, "Only the positions of draft invoices can be changed.")
        doc["positions"] = [dict(p) for p in doc["positions"]]
        return doc

    def _save_positions(self, env, doc):
        number_positions(doc["positions"])
        self.compute_totals(env, doc)
        doc["updated_at"] = env.stamp
        env.store.put(env.company, self.kind, doc["id"], doc)

    @staticmethod
    def _position_of(doc, ptype, position_id):
        for position in doc["positions"]:
            if position["id"] == position_id and position["type"] == ptype:
                return position
        raise ApiError(404, NOT_FOUND)

    def h_positions(self, env, req, ident, kind):
        ptype = POSITION_ROUTES[kind]
        docs = [p for p in self.find(env, ident)["positions"] if p["type"] == ptype]
        return page(req, docs, render_position)

    def h_position_show(self, env, req, ident, kind, position_id):
        doc = self.find(env, ident)
        return Reply(
            render_position(self._position_of(doc, POSITION_ROUTES[kind], position_id))
        )

    def h_position_create(self, env, req, ident, kind):
        ptype = POSITION_ROUTES[kind]
        doc = self._draft(env, ident)
        position, sent = build_position(env, ptype, json_body(req) or {})
        position["id"] = env.store.next_id(env.company, "kb_position")
        doc["positions"].append(position)
        self._save_positions(env, doc)
        return Reply(render_position(position, Written("created", sent)), status=201)

    def h_position_edit(self, env, req, ident, kind, position_id):
        ptype = POSITION_ROUTES[kind]
        doc = self._draft(env, ident)
        current = self._position_of(doc, ptype, position_id)
        position, sent = build_position(env, ptype, json_body(req) or {}, doc=current)
        doc["positions"] = [position if p is current else p for p in doc["positions"]]
        self._save_positions(env, doc)
        return Reply(render_position(position, Written("edited", sent)))

    def h_position_delete(self, env, req, ident, kind, position_id):
        doc = self._draft(env, ident)
        current = self._position_of(doc, POSITION_ROUTES[kind], position_id)
        doc["positions"] = [p for p in doc["positions"] if p is not current]
        self._save_positions(env, doc)
        return Reply(SUCCESS)


def render_payment(payment):
    keys = (
        "id",
        "date",
        "value",
        "bank_account_id",
        "title",
        "payment_service_id",
        "is_client_account_redemption",
        "is_cash_discount",
        "kb_invoice_id",
        "kb_credit_voucher_id",
        "kb_credit_voucher_text",
        "kb_bill_id",
    )
    data = {k: payment.get(k) for k in keys}
    data["value"] = padded(data["value"])
    return data


PAYMENT_SCHEMA = Schema(F("value", "money", required=True), F("date", "date"))
PAYMENT_WRITABLE = ("date", "value", "bank_account_id", "payment_service_id")
COPY_WRITABLE = ("contact_id", "contact_sub_id", "is_valid_from", "title")

INVOICES = Invoices(
    "kb_invoice",
    INVOICE_SCHEMA,
    order_fields=("id", "total", "total_net", "total_gross", "updated_at"),
    search_fields=(
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
    ),
)
INVOICES.h_copy.__func__.writable = COPY_WRITABLE
INVOICES.h_payment_create.__func__.writable = PAYMENT_WRITABLE


def position_writable(kind):
    return POSITION_WRITABLE[POSITION_ROUTES[kind]]


# ------------------------------------------------------------------ reminders
# Keys as recorded live (API.md §6.6); search fields and order as BexioApiNet documents
# them from the spec (IInvoiceReminderService.Search, QueryParameterInvoiceReminder).
REMINDER_SCHEMA = Schema(
    F("id", "int", writable=False),
    F("kb_invoice_id", "int", writable=False),
    F("title", maxlen=255),
    F("is_valid_from", "date"),
    F("is_valid_to", "date"),
    F("reminder_period_in_days", "int"),
    F("reminder_level", "int", writable=False),
    F("show_positions", "bool"),
    F("remaining_price", writable=False),
    F("received_total", writable=False),
    F("is_sent", "bool"),
    F("header"),
    F("footer"),
)
REMINDER_TITLES = {1: "Zahlungserinnerung", 2: "1. Mahnung", 3: "2. Mahnung"}


class Reminders(Collection):
    """Reminders of one invoice, stored with their invoice's id."""

    def of(self, env, ident):
        return [
            d
            for d in env.store.all(env.company, self.kind)
            if d["kb_invoice_id"] == ident
        ]

    def find_of(self, env, ident, reminder_id):
        INVOICES.find(env, ident)
        doc = env.store.get(env.company, self.kind, reminder_id)
        if doc is None or doc["kb_invoice_id"] != ident:
            raise ApiError(404, NOT_FOUND)
        return doc

    def h_list(self, env, req, ident):
        INVOICES.find(env, ident)
        return page(
            req, self.of(env, ident), self.render, order_fields=self.order_fields
        )

    def h_search(self, env, req, ident):
        INVOICES.find(env, ident)
        docs = search(req, self.of(env, ident), self.search_fields)
        return page(req, docs, self.render, order_fields=self.order_fields)

    def h_show(self, env, req, ident, reminder_id):
        return Reply(self.render(self.find_of(env, ident, reminder_id)))

    def h_create(self, env, req, ident):
        invoice = INVOICES.find(env, ident)
        if invoice["kb_item_status_id"] not in ISSUED:
            raise ApiError(
                400, "A reminder can only be created for an issued, unpaid invoice."
            )
        level = len(self.of(env, ident)) + 1
        today = env.now.date()
        user = env.store.get(env.company, "user", invoice["user_id"]) or {}
        signer = " ".join(p for p in (user.get("firstname"), user.get("lastname")) if p)
        body = json_body(req) or {}
        period = body.get("reminder_period_in_days") if isinstance(body, dict) else None
        period = (
            period if isinstance(period, int) and not isinstance(period, bool) else 10
        )
        doc = self.create(
            env,
            body,
            kb_invoice_id=ident,
            reminder_level=level,
            title=REMINDER_TITLES.get(level, f"{level - 1}. Mahnung"),
            is_valid_from=today.isoformat(),
            is_valid_to=(today + datetime.timedelta(days=period)).isoformat(),
            reminder_period_in_days=period,
            show_positions=False,
            remaining_price=invoice["total_remaining_payments"],
            received_total=invoice["total_received_payments"],
            is_sent=False,
            header=(
                "Sehr geehrte Damen und Herren<br/><br/>Für die Rechnung "
                f"{invoice['document_nr']} haben wir noch keine Zahlung erhalten."
            ),
            footer=f"Freundliche Grüsse<br/>{signer}",
        )
        return Reply(self.render(doc), status=201)

    def h_delete(self, env, req, ident, reminder_id):
        self.find_of(env, ident, reminder_id)
        env.store.delete(env.company, self.kind, reminder_id)
        return Reply(SUCCESS)

    def _sent(self, env, ident, reminder_id, sent):
        doc = dict(self.find_of(env, ident, reminder_id), is_sent=sent)
        env.store.put(env.company, self.kind, reminder_id, doc)
        return Reply(SUCCESS)

    def h_mark_as_sent(self, env, req, ident, reminder_id):
        return self._sent(env, ident, reminder_id, True)

    def h_mark_as_unsent(self, env, req, ident, reminder_id):
        return self._sent(env, ident, reminder_id, False)

    def h_pdf(self, env, req, ident, reminder_id):
        doc = self.find_of(env, ident, reminder_id)
        invoice = INVOICES.find(env, ident)
        name = f"{invoice['document_nr'].lower()}-{doc['reminder_level']}"
        return Reply(pdf_answer(name, f"{doc['title']} {invoice['document_nr']}"))


REMINDERS = Reminders(
    "kb_reminder",
    REMINDER_SCHEMA,
    order_fields=("id", "reminder_level"),
    search_fields=(
        "title",
        "reminder_level",
        "is_sent",
        "is_valid_from",
        "is_valid_to",
    ),
)


# -------------------------------------------------------------------- helpers
def invoice_setting(env):
    for setting in env.store.all(env.company, "kb_item_setting"):
        if setting.get("kb_item_class") == "KbInvoice":
            return setting
    return {"use_automatic_enumeration": True}


def _name(contact):
    if contact["contact_type_id"] == 1:
        return " ".join(p for p in (contact.get("name_1"), contact.get("name_2")) if p)
    return " ".join(p for p in (contact.get("name_2"), contact.get("name_1")) if p)


def _address_block(contact):
    town = " ".join(p for p in (contact.get("postcode"), contact.get("city")) if p)
    return "\n".join(p for p in (_name(contact), contact.get("address"), town) if p)


def pdf_answer(name, text):
    """bexio's PDF answer: JSON with the file base64-encoded (DOCUMENTED; REC)."""
    content = tiny_pdf(text)
    return {
        "name": f"{name}.pdf",
        "size": len(content),
        "mime": "application/pdf",
        "content": base64.b64encode(content).decode(),
    }


def tiny_pdf(text):
    """A small valid one-page PDF showing ``text`` (what the sandbox renders as a document)."""
    safe = re.sub(r"[()\\]", "", text)[:120]
    stream = f"BT /F1 14 Tf 72 760 Td ({safe}) Tj ET".encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
