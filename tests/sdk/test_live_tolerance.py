"""The SDK reads what bexio sends as the public clients and the recordings show it, and writes
payroll the way the specification requires."""

import datetime
import json
from decimal import Decimal

import pytest
import responses

from bexio_api import BexioClient, errors
from bexio_api.records import conformance
from bexio_api.resources import Employee, Invoice

API = "https://api.bexio.com"
EMPLOYEE = "0b6f3c1e-6a41-4c1b-9a0e-5d2f7c8e9a10"
EMPLOYEE_URL = f"{API}/4.0/payroll/employees/{EMPLOYEE}"
AHV = "756.1234.5678.97"


@pytest.fixture
def client():
    return BexioClient("pat", backoff=0, max_backoff=0, sleep=lambda s: None)


def employee(**extra):
    # As in BexioApiNet's EmployeeServiceIntegrationTests (the spec's example).
    data = {
        "id": EMPLOYEE,
        "first_name": "John",
        "last_name": "Doe",
        "ahv_number": AHV,
        "hours_per_week": 40.0,
        "employment_level": 1.0,
        "address": {
            "street_name": "Bahnhofstrasse",
            "house_number": "12",
            "zip_code": "8001",
            "city": "Zurich",
            "municipality_id": "261",
        },
    }
    data.update(extra)
    return data


def test_municipality_id_is_read_as_a_string():
    assert Employee(employee()).validate().address.municipality_id == "261"
    # An older answer with a number still reads, as the string it stands for.
    address = dict(employee()["address"], municipality_id=261)
    assert Employee(employee(address=address)).address.municipality_id == "261"


@pytest.mark.parametrize(
    "sent, percent",
    [(1.0, 100), (0.8, 80), (0.5, 50), (100, 100), (80, 80), (40.0, 40)],
)
def test_employment_level_is_always_a_percentage(sent, percent):
    assert Employee(employee(employment_level=sent)).employment_level == percent


def test_decimals_as_sent_and_as_stored_read_the_same():
    written = {"id": 1, "total": "100", "total_taxes": "0.0000"}
    stored = {"id": 1, "total": "100.000000", "total_taxes": "0.0000"}
    assert Invoice(written).total == Invoice(stored).total == Decimal(100)


def test_a_text_position_is_read_with_its_own_keys():
    text = {
        "id": 5,
        "type": "KbPositionText",
        "text": "Danke",
        "show_pos_nr": True,
        "pos": "2",
        "internal_pos": 2,
        "parent_id": None,
        "is_optional": False,
    }
    invoice = Invoice({"id": 1, "positions": [text]})
    assert invoice.positions[0].show_pos_nr is True
    assert conformance(Invoice, {"id": 1, "positions": [text]}) == [
        "invoice: missing keys "
        + str(sorted(set(Invoice.fields) - {"id", "positions"}))
    ]
    with_amount = dict(text, amount="1")
    assert "undeclared keys ['amount']" in " ".join(
        conformance(type(invoice.positions[0]), with_amount)
    )


@responses.activate
def test_a_payroll_patch_always_carries_the_ahv_number(client):
    responses.get(EMPLOYEE_URL, json=employee())
    responses.patch(EMPLOYEE_URL, status=204)
    assert client.payroll_employees.update(EMPLOYEE, {"phone_number": "+41 79"})
    get, patch = responses.calls
    assert get.request.method == "GET" and "date=" in get.request.url
    assert json.loads(patch.request.body) == {
        "phone_number": "+41 79",
        "ahv_number": AHV,
    }


@responses.activate
def test_a_payroll_patch_with_the_ahv_number_reads_nothing(client):
    responses.patch(EMPLOYEE_URL, status=204)
    client.payroll_employees.update(EMPLOYEE, {"email": "a@b.ch", "ahv_number": AHV})
    current = Employee(employee())
    client.payroll_employees.update(EMPLOYEE, {"email": "c@d.ch"}, current=current)
    assert [c.request.method for c in responses.calls] == ["PATCH", "PATCH"]
    assert json.loads(responses.calls[1].request.body)["ahv_number"] == AHV


@responses.activate
def test_street_name_and_house_number_are_sent_together(client):
    responses.get(EMPLOYEE_URL, json=employee())
    responses.patch(EMPLOYEE_URL, status=204)
    client.payroll_employees.update(
        EMPLOYEE, {"ahv_number": AHV, "address": {"street_name": "Seeweg"}}
    )
    sent = json.loads(responses.calls[-1].request.body)
    assert sent["address"] == {"street_name": "Seeweg", "house_number": "12"}
    before = len(responses.calls)
    with pytest.raises(ValueError, match="house number is missing"):
        client.payroll_employees.update(
            EMPLOYEE,
            {
                "ahv_number": AHV,
                "address": {"street_name": "Seeweg", "house_number": None},
            },
        )
    with pytest.raises(ValueError, match="street name is missing"):
        client.payroll_employees.create(
            {"ahv_number": AHV, "address": {"house_number": "7"}}
        )
    assert len(responses.calls) == before  # refused before anything was sent


@responses.activate
def test_without_an_ahv_number_anywhere_nothing_is_sent(client):
    responses.get(EMPLOYEE_URL, json=employee(ahv_number=None))
    with pytest.raises(ValueError, match="AHV number"):
        client.payroll_employees.update(EMPLOYEE, {"email": "a@b.ch"})
    assert [c.request.method for c in responses.calls] == ["GET"]


@pytest.mark.parametrize(
    "name",
    [
        "employment_level",
        "hours_per_week",
        "stay_permit_category",
        "annual_vacation_days_left",
    ],
)
def test_read_only_payroll_fields_are_never_sent(client, name):
    with pytest.raises(ValueError, match="computes .* itself"):
        client.payroll_employees.update(EMPLOYEE, {name: 1, "ahv_number": AHV})


@pytest.mark.parametrize(
    "status, body, path, expected, words",
    [
        (
            403,
            {
                "error_code": 403,
                "message": "The payroll module is not activated for this company.",
            },
            "/4.0/payroll/employees",
            errors.ModuleNotSubscribed,
            "not part of this bexio subscription",
        ),
        (
            403,
            {
                "status": 403,
                "title": "The access token lacks the scope payroll_employee_show.",
            },
            "/4.0/payroll/employees",
            errors.MissingScope,
            "Connect again",
        ),
        (
            403,
            {"status": 403, "title": "The user has no rights for payroll."},
            "/4.0/payroll/employees",
            errors.InsufficientRights,
            "lacks the right",
        ),
        (
            403,
            {"status": 403, "title": "Forbidden"},
            "/4.0/payroll/employees",
            errors.ModuleNotSubscribed,
            "not part of this bexio subscription",
        ),
        (
            404,
            {"error_code": 404, "message": "Page not found"},
            "/4.0/payroll/employees",
            errors.ModuleNotSubscribed,
            "not part of this bexio subscription",
        ),
        (
            404,
            {"status": 404, "title": "Employee not found"},
            f"/4.0/payroll/employees/{EMPLOYEE}",
            errors.NotFound,
            "Employee not found",
        ),
        (
            403,
            {
                "error_code": 403,
                "message": "The access token lacks the scope kb_invoice_show.",
            },
            "/2.0/kb_invoice",
            errors.MissingScope,
            "Connect again",
        ),
    ],
)
@responses.activate
def test_a_missing_module_scope_or_right_are_told_apart(
    client, status, body, path, expected, words
):
    responses.get(f"{API}{path}", status=status, json=body)
    with pytest.raises(errors.BexioError) as caught:
        client.transport.get(path)
    assert type(caught.value) is expected
    assert words in caught.value.message
    assert (body.get("message") or body.get("title")) in caught.value.message


@responses.activate
def test_reminders_copies_and_positions_use_bexios_paths(client):
    base = f"{API}/2.0/kb_invoice/7"
    responses.post(
        f"{base}/kb_reminder", status=201, json={"id": 1, "kb_invoice_id": 7}
    )
    responses.post(f"{base}/copy", status=201, json={"id": 8})
    responses.post(
        f"{base}/kb_position_custom",
        status=201,
        json={"id": 3, "type": "KbPositionCustom"},
    )
    responses.get(
        f"{base}/kb_reminder/1/pdf", json={"name": "r.pdf", "content": "JVBERg=="}
    )
    assert client.invoices.reminders(7).create().id == 1
    copy = client.invoices.copy(7, 4, is_valid_from=datetime.date(2026, 12, 1))
    assert copy.id == 8
    assert json.loads(responses.calls[1].request.body) == {
        "contact_id": 4,
        "is_valid_from": "2026-12-01",
    }
    custom = client.invoices.custom_positions(7).create(
        {"amount": "1", "unit_price": "5"}
    )
    assert custom.id == 3
    assert client.invoices.reminders(7).pdf(1).data == b"%PDF"
    with pytest.raises(ValueError, match="position_total"):
        client.invoices.custom_positions(7).create({"position_total": "5"})
