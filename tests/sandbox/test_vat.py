"""A company's VAT setting: no VAT, net (VAT added) or gross (VAT included), as bexio keeps it
in the document defaults (``/2.0/kb_item_setting``), and what it does to invoice totals."""

import pytest

from .test_api import Api

POSITION = {
    "type": "KbPositionCustom",
    "amount": "1",
    "unit_price": "100",
    "account_id": 119,
    "tax_id": 14,  # UN81, 8.1 %
    "text": "Beratung",
}


@pytest.fixture
def api(sandbox):
    return Api(sandbox)


def set_vat(sandbox, setting):
    answer = sandbox.admin(
        "POST", "companies/alpenblick01/vat", json={"setting": setting}
    )
    assert answer.status_code == 200, answer.text


def create(api, **values):
    body = {"contact_id": 1, "user_id": 1, "positions": [POSITION], **values}
    answer = api("POST", "/2.0/kb_invoice", json=body)
    assert answer.status_code == 201, answer.text
    return api("GET", f"/2.0/kb_invoice/{answer.json()['id']}").json()


def invoice_setting(api):
    settings = api("GET", "/2.0/kb_item_setting").json()
    return next(s for s in settings if s["kb_item_class"] == "KbInvoice")


@pytest.mark.parametrize(
    "setting, defaults, totals",
    [
        # (default_mwst_type, default_mwst_is_net), (net, taxes, total)
        ("none", (2, True), ("100.000000", "0.0000", "100.000000")),
        ("net", (0, True), ("100.000000", "8.1000", "108.100000")),
        ("gross", (0, False), ("92.506938", "7.4931", "100.000000")),
    ],
)
def test_the_setting_is_the_invoice_default_and_decides_the_totals(
    sandbox, api, setting, defaults, totals
):
    set_vat(sandbox, setting)
    current = invoice_setting(api)
    assert (current["default_mwst_type"], current["default_mwst_is_net"]) == defaults
    invoice = create(api)  # no mwst_type: the company's default
    assert (invoice["mwst_type"], invoice["mwst_is_net"]) == defaults
    assert (invoice["total_net"], invoice["total_taxes"], invoice["total"]) == totals


def test_a_company_without_vat_has_no_vat_number_and_charges_none(sandbox, api):
    assert api("GET", "/2.0/company_profile").json()[0]["mwst_nr"]
    set_vat(sandbox, "none")
    assert api("GET", "/2.0/company_profile").json()[0]["mwst_nr"] is None
    # Whatever the invoice asks for: a company without VAT registration charges none.
    invoice = create(api, mwst_type=0, mwst_is_net=True)
    assert (invoice["total_taxes"], invoice["total"]) == ("0.0000", "100.000000")
    assert invoice["taxs"] == []
    set_vat(sandbox, "net")
    assert api("GET", "/2.0/company_profile").json()[0]["mwst_nr"]


def test_mwst_type_1_computes_no_vat_as_live_bexio_did(sandbox, api):
    # Recording Quotes/create-invoice-from-quote: mwst_type 1, an 8.1 % tax, no VAT.
    set_vat(sandbox, "net")
    invoice = create(api, mwst_type=1, mwst_is_net=True)
    assert (invoice["total_taxes"], invoice["total"]) == ("0.0000", "100.000000")
    assert invoice["positions"][0]["tax_value"] == "8.10"


def test_an_unknown_setting_is_refused(sandbox):
    answer = sandbox.admin(
        "POST", "companies/alpenblick01/vat", json={"setting": "half"}
    )
    assert answer.status_code == 400 and "none, net or gross" in answer.text
