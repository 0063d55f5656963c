"""The sandbox answers invoices, their positions, payments and reminders, taxes and users the
way live bexio does (see bexio_sandbox/SOURCES.md for where each shape comes from)."""

import re

import pytest

from .test_api import Api

POSITION = {
    "type": "KbPositionCustom",
    "amount": "2",
    "unit_price": "99.95",
    "account_id": 119,
    "tax_id": 14,
    "text": "Beratung",
}


@pytest.fixture
def api(sandbox):
    return Api(sandbox)


def draft(api, **values):
    body = {
        "contact_id": 1,
        "user_id": 1,
        "mwst_type": 0,
        "mwst_is_net": True,
        "positions": [POSITION, {"type": "KbPositionText", "text": "Danke"}],
        **values,
    }
    answer = api("POST", "/2.0/kb_invoice", json=body)
    assert answer.status_code == 201, answer.text
    return answer.json()


def issued(api, **values):
    invoice = draft(api, **values)
    assert api("POST", f"/2.0/kb_invoice/{invoice['id']}/issue").status_code == 200
    return invoice


# Recording Quotes/create-invoice-from-quote/create-invoice-from-quote.json: an invoice as
# live bexio answers it, in this order.
LIVE_INVOICE_KEYS = [
    "id",
    "document_nr",
    "title",
    "contact_id",
    "contact_sub_id",
    "user_id",
    "project_id",
    "logopaper_id",
    "language_id",
    "bank_account_id",
    "currency_id",
    "payment_type_id",
    "header",
    "footer",
    "total_gross",
    "total_net",
    "total_taxes",
    "total_received_payments",
    "total_credit_vouchers",
    "total_remaining_payments",
    "total",
    "total_rounding_difference",
    "mwst_type",
    "mwst_is_net",
    "show_position_taxes",
    "is_valid_from",
    "is_valid_to",
    "contact_address",
    "kb_item_status_id",
    "reference",
    "api_reference",
    "viewed_by_client_at",
    "updated_at",
    "esr_id",
    "qr_invoice_id",
    "template_slug",
    "taxs",
    "positions",
    "network_link",
]


def test_an_invoice_has_the_live_keys_and_values_where_live_has_values(api):
    invoice = draft(api)
    assert list(invoice) == LIVE_INVOICE_KEYS
    for name in ("header", "footer", "reference", "template_slug"):
        assert isinstance(invoice[name], str), name
    assert "<br/>" in invoice["header"] and "<br/>" in invoice["footer"]
    assert isinstance(invoice["esr_id"], int) and isinstance(
        invoice["qr_invoice_id"], int
    )
    assert invoice["network_link"] == ""  # a draft has no link yet
    assert isinstance(invoice["total_rounding_difference"], int | float)


def test_a_text_position_carries_show_pos_nr_and_no_amounts(api):
    custom, text = draft(api)["positions"]
    assert text["type"] == "KbPositionText"
    assert set(text) == {
        "id",
        "type",
        "text",
        "show_pos_nr",
        "pos",
        "internal_pos",
        "parent_id",
        "is_optional",
    }
    assert isinstance(text["show_pos_nr"], bool)
    assert "amount" in custom and "show_pos_nr" not in custom


def test_decimals_come_back_as_sent_on_write_and_padded_when_read(api):
    invoice = draft(api)
    custom = invoice["positions"][0]
    # Recordings ItemPositions/create-an-item-position.json and fetch-an-item-position.json.
    assert (custom["amount"], custom["unit_price"]) == ("2", "99.95")
    assert custom["amount_reserved"] is None
    assert invoice["total_net"] == "199.9" and invoice["total"] == "216.1"
    # Recording Quotes/create-invoice-from-quote: four places on these two.
    assert invoice["total_taxes"] == "16.1919"
    assert invoice["total_remaining_payments"] == "216.1000"
    read = api("GET", f"/2.0/kb_invoice/{invoice['id']}").json()
    custom = read["positions"][0]
    assert (custom["amount"], custom["unit_price"]) == ("2.000000", "99.950000")
    assert custom["amount_reserved"] == "0.000000"
    assert read["total_net"] == "199.900000" and read["total"] == "216.100000"
    assert read["total_taxes"] == "16.1919"


def test_copy_custom_text_and_sub_positions_are_served(api):
    invoice = draft(api)
    base = f"/2.0/kb_invoice/{invoice['id']}"
    copy = api("POST", f"{base}/copy", json={"contact_id": 2, "title": "Kopie"})
    assert copy.status_code == 201, copy.text
    assert copy.json()["contact_id"] == 2 and copy.json()["id"] != invoice["id"]
    assert len(copy.json()["positions"]) == 2
    added = api(
        "POST",
        f"{base}/kb_position_custom",
        json={"amount": "1", "unit_price": "50", "account_id": 119, "tax_id": 14},
    )
    assert added.status_code == 201, added.text
    position = added.json()
    assert position["type"] == "KbPositionCustom" and position["position_total"] == "50"
    assert api("GET", f"{base}").json()["total_net"] == "249.900000"
    listed = api("GET", f"{base}/kb_position_custom").json()
    assert [p["id"] for p in listed] == [invoice["positions"][0]["id"], position["id"]]
    edited = api(
        "POST", f"{base}/kb_position_custom/{position['id']}", json={"amount": "3"}
    )
    assert edited.status_code == 200 and edited.json()["position_total"] == "150"
    sub = api("POST", f"{base}/kb_position_subposition", json={"text": "Etappe 1"})
    assert sub.status_code == 201, sub.text
    assert sub.json()["type"] == "KbPositionSubposition"
    assert set(sub.json()) >= {"show_pos_nr", "total_sum", "show_pos_prices"}
    text = api("POST", f"{base}/kb_position_text", json={"text": "Hinweis"})
    assert text.status_code == 201 and text.json()["show_pos_nr"] is False
    gone = api("DELETE", f"{base}/kb_position_custom/{position['id']}")
    assert gone.json() == {"success": True}
    assert api("GET", f"{base}").json()["total_net"] == "199.900000"


def test_reminders_of_an_issued_invoice(api):
    invoice = issued(api)
    base = f"/2.0/kb_invoice/{invoice['id']}/kb_reminder"
    assert api("GET", base).json() == []
    created = api("POST", base)
    assert created.status_code == 201, created.text
    reminder = created.json()
    # API.md §6.6 (recorded live).
    assert list(reminder) == [
        "id",
        "kb_invoice_id",
        "title",
        "is_valid_from",
        "is_valid_to",
        "reminder_period_in_days",
        "reminder_level",
        "show_positions",
        "remaining_price",
        "received_total",
        "is_sent",
        "header",
        "footer",
    ]
    assert reminder["title"] == "Zahlungserinnerung" and reminder["reminder_level"] == 1
    assert isinstance(reminder["remaining_price"], str)
    second = api("POST", base).json()
    assert second["reminder_level"] == 2
    assert api("GET", f"{base}/{reminder['id']}").json()["id"] == reminder["id"]
    found = api(
        "POST",
        f"{base}/search",
        json=[{"field": "reminder_level", "value": "2", "criteria": "="}],
    ).json()
    assert [r["id"] for r in found] == [second["id"]]
    pdf = api("GET", f"{base}/{reminder['id']}/pdf").json()
    assert pdf["mime"] == "application/pdf" and pdf["content"]
    assert api("POST", f"{base}/{reminder['id']}/mark_as_sent").json() == {
        "success": True
    }
    assert api("GET", f"{base}/{reminder['id']}").json()["is_sent"] is True
    assert api("DELETE", f"{base}/{second['id']}").json() == {"success": True}
    # A draft has nothing to remind of: bexio documents 201 or 400.
    refused = api("POST", f"/2.0/kb_invoice/{draft(api)['id']}/kb_reminder")
    assert refused.status_code == 400


def test_a_payment_is_booked_on_the_invoices_bank_account_by_default(api):
    invoice = issued(api)
    answer = api(
        "POST",
        f"/2.0/kb_invoice/{invoice['id']}/payment",
        json={"value": "100", "date": "2026-11-20"},
    )
    assert answer.status_code == 201
    payment = answer.json()
    assert payment["bank_account_id"] == invoice["bank_account_id"] == 1
    assert payment["value"] == "100"  # as sent
    listed = api("GET", f"/2.0/kb_invoice/{invoice['id']}/payment").json()
    assert listed[0]["value"] == "100.000000"


def test_taxes_come_without_paging_headers_users_with_them(api):
    taxes = api("GET", "/3.0/taxes", params={"types": "sales_tax"})
    assert taxes.status_code == 200 and "X-Total-Count" not in taxes.headers
    users = api("GET", "/3.0/users")
    assert users.headers["X-Total-Count"] == "8"


def test_objects_carry_an_etag_lists_and_actions_do_not(api):
    invoice = draft(api)
    shown = api("GET", f"/2.0/kb_invoice/{invoice['id']}")
    assert re.fullmatch(r"[0-9a-f]{32}", shown.headers["ETag"])
    assert api("GET", "/2.0/contact/1").headers["ETag"]
    assert "ETag" not in api("GET", "/2.0/kb_invoice").headers
    issue = api("POST", f"/2.0/kb_invoice/{invoice['id']}/issue")
    assert "ETag" not in issue.headers
