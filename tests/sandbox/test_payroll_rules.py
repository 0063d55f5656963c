"""Payroll as the public clients written from bexio's specification describe it, and the
three ways bexio refuses access."""

import pytest

from .test_api import Api

PROBLEM = "application/problem+json"


@pytest.fixture
def api(sandbox):
    return Api(sandbox)


def first_employee(api):
    return api("GET", "/4.0/payroll/employees").json()["data"][0]


def detail(api, ident):
    return api(
        "GET", f"/4.0/payroll/employees/{ident}", params={"date": "2026-11-21"}
    ).json()


def patch(api, ident, body):
    return api("PATCH", f"/4.0/payroll/employees/{ident}", json=body)


def test_an_employee_has_the_spec_types(api):
    employee = detail(api, first_employee(api)["id"])
    # BexioApiNet EmployeeServiceIntegrationTests: "employment_level": 1.0, a fraction.
    assert isinstance(employee["employment_level"], float)
    assert 0 < employee["employment_level"] <= 1
    assert isinstance(employee["hours_per_week"], float)
    # BexioApiNet EmployeeAddress, nolen-ai payroll.ts: municipality_id is a string.
    assert isinstance(employee["address"]["municipality_id"], str)
    assert employee["address"]["municipality_id"].isdigit()


def test_a_patch_without_the_ahv_number_is_refused(api):
    employee = first_employee(api)
    refused = patch(api, employee["id"], {"phone_number": "+41 79 111 22 33"})
    # The documented payroll answer to a body it cannot take (API.md §4.1): 400.
    assert refused.status_code == 400
    assert refused.headers["Content-Type"] == PROBLEM
    assert "ahv_number is required" in refused.json()["detail"]
    assert detail(api, employee["id"])["phone_number"] == employee["phone_number"]
    body = {"phone_number": "+41 79 111 22 33", "ahv_number": employee["ahv_number"]}
    assert patch(api, employee["id"], body).status_code == 204


def test_street_name_and_house_number_require_each_other(api):
    employee = first_employee(api)
    ahv = employee["ahv_number"]
    # In the body, as the spec's schema says: each "requires the other if not NULL".
    for address in (
        {"street_name": "Seeweg"},
        {"house_number": "7"},
        {"street_name": "Seeweg", "house_number": None},
    ):
        refused = patch(api, employee["id"], {"ahv_number": ahv, "address": address})
        assert refused.status_code == 400, address
        assert "require" in refused.json()["detail"]
    # Neither of the two: the street stays as it is.
    alone = patch(api, employee["id"], {"ahv_number": ahv, "address": {"city": "Chur"}})
    assert alone.status_code == 204
    both = {"street_name": "Seeweg", "house_number": "7"}
    assert (
        patch(api, employee["id"], {"ahv_number": ahv, "address": both}).status_code
        == 204
    )
    after = detail(api, employee["id"])["address"]
    assert (after["street_name"], after["house_number"], after["city"]) == (
        "Seeweg",
        "7",
        "Chur",
    )


def test_read_only_fields_are_ignored(api):
    employee = first_employee(api)
    before = detail(api, employee["id"])
    body = {
        "ahv_number": employee["ahv_number"],
        "employment_level": 0.2,
        "hours_per_week": 8,
        "stay_permit_category": "C",
        "annual_vacation_days_left": 99,
        "email": "neu@example.ch",
    }
    assert patch(api, employee["id"], body).status_code == 204
    after = detail(api, employee["id"])
    assert after["email"] == "neu@example.ch"
    for name in (
        "employment_level",
        "hours_per_week",
        "stay_permit_category",
        "annual_vacation_days_left",
    ):
        assert after[name] == before[name], name


def test_module_scope_and_rights_are_three_different_refusals(sandbox):
    full = Api(sandbox)
    no_scope = Api(sandbox, features=["contacts"])
    scope = no_scope("GET", "/4.0/payroll/employees")
    sandbox.admin(
        "POST", "companies/alpenblick01/rights", json={"user_id": 1, "payroll": "none"}
    ).raise_for_status()
    rights = full("GET", "/4.0/payroll/employees")
    assert full("GET", "/3.0/permissions").json()["permissions"]["payroll"] == {
        "activation": True,
        "edit": "none",
        "show": "none",
    }
    sandbox.admin(
        "POST", "companies/alpenblick01/rights", json={"user_id": 1, "payroll": "all"}
    ).raise_for_status()
    sandbox.admin(
        "POST", "companies/alpenblick01/payroll", json={"enabled": False}
    ).raise_for_status()
    module = full("GET", "/4.0/payroll/employees")
    assert [a.status_code for a in (scope, rights, module)] == [403, 403, 403]
    bodies = [a.json() for a in (scope, rights, module)]
    assert len({str(b) for b in bodies}) == 3
    assert "scope" in str(bodies[0]) and "payroll_employee_show" in str(bodies[0])
    assert "rights" in str(bodies[1])
    assert bodies[2] == {
        "error_code": 403,
        "message": "The payroll module is not activated for this company.",
    }


def test_rights_to_read_only_refuse_writes(sandbox):
    api = Api(sandbox)
    sandbox.admin(
        "POST", "companies/alpenblick01/rights", json={"user_id": 1, "payroll": "show"}
    ).raise_for_status()
    employee = first_employee(api)
    refused = patch(api, employee["id"], {"ahv_number": employee["ahv_number"]})
    assert refused.status_code == 403 and "rights" in refused.json()["title"]


def test_a_company_that_never_had_payroll_answers_404(sandbox, api):
    sandbox.admin(
        "POST",
        "companies/alpenblick01/payroll",
        json={"enabled": False, "answer": 404},
    ).raise_for_status()
    answer = api("GET", "/4.0/payroll/employees")
    assert answer.status_code == 404
    assert answer.json() == {"error_code": 404, "message": "Page not found"}
    assert api("GET", "/2.0/contact/1").status_code == 200
