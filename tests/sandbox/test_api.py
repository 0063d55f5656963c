"""The sandbox's REST API over real HTTP: bexio's shapes, rules, errors and limits."""

import datetime
import uuid

import pytest
import requests

from bexio_sandbox import SandboxServer, Store
from bexio_sandbox.faults import parse_rule
from bexio_sandbox.seed import seed_demo
from bexio_sandbox.swiss import (
    ahv_is_valid,
    iban_is_valid,
    make_ahv,
    make_ch_iban,
    make_uid,
)

from ..conftest import login


class Api:
    """Raw HTTP with a bearer token, to see exactly what the sandbox answers."""

    def __init__(self, server, features=None, extra_scopes=()):
        kwargs = {"features": features} if features else {}
        kwargs["extra_scopes"] = extra_scopes
        self.server = server
        self.token = login(server, **kwargs)[1].access_token

    def __call__(self, method, path, **kwargs):
        headers = {
            "Authorization": f"Bearer {self.token}",
            "Accept": "application/json",
        }
        return requests.request(
            method, self.server.url + path, headers=headers, timeout=10, **kwargs
        )


@pytest.fixture
def api(sandbox):
    return Api(sandbox)


PERSON = {
    "contact_type_id": 2,
    "name_1": "Keller",
    "name_2": "Nina",
    "user_id": 1,
    "owner_id": 1,
    "street_name": "Rosenweg",
    "house_number": "4",
    "postcode": "8400",
    "city": "Winterthur",
}


def test_the_demo_company_is_a_swiss_sme(api, sandbox):
    contacts = api("GET", "/2.0/contact", params={"limit": 2000}).json()
    assert 200 <= len(contacts) <= 260
    customers = [
        c for c in contacts if "2" in (c["contact_group_ids"] or "").split(",")
    ]
    assert len(customers) >= 100
    assert api("GET", "/2.0/contact_group/2").json()["name"] == "Kunden"
    employees = api("GET", "/4.0/payroll/employees").json()["data"]
    assert len(employees) == 30
    assert all(
        ahv_is_valid(e["ahv_number"]) and iban_is_valid(e["iban"]) for e in employees
    )
    assert len({e["personal_number"] for e in employees}) == 30
    assert len(api("GET", "/2.0/pr_project").json()) == 12
    timesheets = api("GET", "/2.0/timesheet", params={"limit": 2000}).json()
    months = {t["date"][:7] for t in timesheets}
    assert len(timesheets) > 500 and len(months) == 12  # a year
    accounts = {
        a["account_no"]
        for a in api("GET", "/2.0/accounts", params={"limit": 2000}).json()
    }
    assert {"1020", "1100", "2200", "3400", "6570"} <= accounts
    rates = sorted(
        t["value"]
        for t in api(
            "GET", "/3.0/taxes", params={"types": "sales_tax", "scope": "active"}
        ).json()
    )
    assert rates == [2.6, 3.8, 8.1]


def test_contact_create_numbers_composes_address_and_refuses_address(api):
    created = api("POST", "/2.0/contact", json=PERSON)
    assert created.status_code == 201
    body = created.json()
    assert body["nr"].isdigit() and len(body["nr"]) == 6
    assert body["address"] == "Rosenweg 4" and body["profile_image"]
    refused = api("POST", "/2.0/contact", json=dict(PERSON, address="Rosenweg 4"))
    assert refused.status_code == 422 and "address" in refused.json()["message"]
    missing = api("POST", "/2.0/contact", json={"contact_type_id": 1})
    assert missing.status_code == 422
    assert {"name_1", "user_id", "owner_id"} <= {
        e.split(":")[0] for e in missing.json()["errors"]
    }


def test_list_omits_profile_image_but_show_has_it(api):
    assert (
        "profile_image" not in api("GET", "/2.0/contact", params={"limit": 1}).json()[0]
    )
    assert "profile_image" in api("GET", "/2.0/contact/1").json()


def test_contact_delete_archives_and_restore_brings_it_back(api):
    ident = api("POST", "/2.0/contact", json=PERSON).json()["id"]
    assert api("DELETE", f"/2.0/contact/{ident}").json() == {"success": True}
    assert api("GET", f"/2.0/contact/{ident}").status_code == 404
    active = [
        c["id"] for c in api("GET", "/2.0/contact", params={"limit": 2000}).json()
    ]
    archived = [
        c["id"]
        for c in api("GET", "/2.0/contact", params={"show_archived": "true"}).json()
    ]
    assert ident not in active and archived == [ident]
    assert (
        api(
            "GET", f"/2.0/contact/{ident}", params={"show_archived": "true"}
        ).status_code
        == 200
    )
    assert api("PATCH", f"/2.0/contact/{ident}/restore").json() == {"success": True}
    assert api("GET", f"/2.0/contact/{ident}").status_code == 200


def test_search_criteria_and_ordering(api):
    like = api(
        "POST", "/2.0/contact/search", json=[{"field": "name_1", "value": "bau"}]
    ).json()
    assert like and all("bau" in c["name_1"].lower() for c in like)
    group = api(
        "POST",
        "/2.0/contact/search",
        json=[{"field": "contact_group_ids", "value": "4", "criteria": "="}],
    ).json()
    assert len(group) == 30
    ids = api(
        "POST",
        "/2.0/contact/search",
        params={"order_by": "id_desc"},
        json=[{"field": "id", "value": "1,2,3", "criteria": "in"}],
    ).json()
    assert [c["id"] for c in ids] == [3, 2, 1]
    assert (
        api(
            "POST", "/2.0/contact/search", json=[{"field": "remarks", "value": "x"}]
        ).status_code
        == 400
    )
    assert api("GET", "/2.0/contact", params={"order_by": "city"}).status_code == 400


def test_paging_limits_and_v3_headers(api):
    page = api("GET", "/2.0/contact", params={"limit": 50, "offset": 200})
    assert len(page.json()) == 30 and "X-Total-Count" not in page.headers
    assert page.json()[0]["id"] == 201
    capped = api("GET", "/2.0/timesheet", params={"limit": 5000})
    assert len(capped.json()) <= 2000
    users = api("GET", "/3.0/users", params={"limit": 3})
    assert users.headers["X-Total-Count"] == "8" and users.headers["X-Limit"] == "3"


def test_rate_limit_headers_and_429(sandbox, api):
    answer = api("GET", "/2.0/unit")
    assert answer.headers["RateLimit-Limit"] == "1000"
    assert int(answer.headers["RateLimit-Remaining"]) < 1000
    assert (
        api(
            "POST", "/2.0/contact/search", json=[{"field": "name_1", "value": "x"}]
        ).headers["RateLimit-Limit"]
        == "250"
    )
    sandbox.app.rate_limiter.set_all(2)
    codes = [api("GET", "/2.0/unit").status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    limited = api("GET", "/2.0/unit")
    assert limited.json() == {"message": "API rate limit exceeded"}
    assert 1 <= int(limited.headers["RateLimit-Reset"]) <= 60


def test_unknown_routes_wrong_verbs_and_bad_tokens(api, sandbox):
    assert api("GET", "/2.0/kb_bill").json() == {
        "error_code": 404,
        "message": "Page not found",
    }
    assert api("PUT", "/2.0/kb_invoice/1").status_code == 405
    bad = requests.get(
        f"{sandbox.url}/2.0/contact",
        headers={"Authorization": "Bearer nope"},
        timeout=10,
    )
    assert bad.status_code == 401 and bad.json()["error_code"] == 401


def test_scopes_are_enforced_and_write_implies_read(sandbox):
    contacts_only = Api(sandbox, features=["contacts"])
    assert (
        contacts_only("GET", "/2.0/contact/1").status_code == 200
    )  # contact_edit covers show
    assert contacts_only("GET", "/2.0/country").status_code == 200  # "general" routes
    forbidden = contacts_only("GET", "/2.0/kb_invoice")
    assert (
        forbidden.status_code == 403
        and "kb_invoice_show" in forbidden.json()["message"]
    )


def test_payroll_rules_errors_and_module_switch(api, sandbox):
    employee = api("GET", "/4.0/payroll/employees").json()["data"][0]
    assert "annual_vacation_days_left" not in employee
    no_date = api("GET", f"/4.0/payroll/employees/{employee['id']}")
    assert no_date.status_code == 400
    assert no_date.headers["Content-Type"] == "application/problem+json"
    assert (
        no_date.json()["title"] == "Malformed content (missing or invalid parameters)"
    )
    detail = api(
        "GET", f"/4.0/payroll/employees/{employee['id']}", params={"date": "2026-11-21"}
    )
    assert detail.json()["annual_vacation_days_left"] is not None
    patched = api(
        "PATCH",
        f"/4.0/payroll/employees/{employee['id']}",
        json={
            "phone_number": "+41 79 000 00 00",
            "address": {"city": "Chur"},
            "ahv_number": employee["ahv_number"],  # required on PATCH too
        },
    )
    assert patched.status_code == 204 and patched.content == b""
    after = api(
        "GET", f"/4.0/payroll/employees/{employee['id']}", params={"date": "2026-11-21"}
    ).json()
    assert (
        after["phone_number"] == "+41 79 000 00 00"
        and after["address"]["city"] == "Chur"
    )
    assert after["address"]["street_name"] == employee["address"]["street_name"]
    bad = api(
        "PATCH",
        f"/4.0/payroll/employees/{employee['id']}",
        json={"ahv_number": "756.1234.5678.90", "iban": "CH00 0000"},
    )
    assert bad.status_code == 400 and "ahv_number" in bad.json()["detail"]
    assert (
        api(
            "GET",
            f"/4.0/payroll/employees/{uuid.uuid4()}",
            params={"date": "2026-01-01"},
        ).status_code
        == 404
    )
    sandbox.admin(
        "POST", f"companies/alpenblick01/payroll/employees/{employee['id']}/delete"
    ).raise_for_status()
    assert (
        api(
            "GET",
            f"/4.0/payroll/employees/{employee['id']}",
            params={"date": "2026-01-01"},
        ).status_code
        == 410
    )
    sandbox.admin(
        "POST", "companies/alpenblick01/payroll", json={"enabled": False}
    ).raise_for_status()
    off = api("GET", "/4.0/payroll/employees")
    assert off.status_code == 403 and off.json()["error_code"] == 403


def test_payroll_create_requires_a_valid_ahv_number(api):
    values = {
        "first_name": "Lea",
        "last_name": "Frei",
        "ahv_number": make_ahv(123456789),
        "iban": make_ch_iban(700, 12345678),
        "gender": "female",
    }
    created = api("POST", "/4.0/payroll/employees", json=values)
    assert created.status_code == 201 and uuid.UUID(created.json()["id"])
    missing = api(
        "POST", "/4.0/payroll/employees", json={"first_name": "X", "last_name": "Y"}
    )
    assert (
        missing.status_code == 400
        and "ahv_number is required" in missing.json()["detail"]
    )


def test_absences_need_a_business_year(sandbox):
    api = Api(sandbox, extra_scopes=["payroll_absence_edit"])
    employee = api("GET", "/4.0/payroll/employees").json()["data"][1]["id"]
    base = f"/4.0/payroll/employees/{employee}/absences"
    created = api(
        "POST",
        base,
        json={
            "reason": "Vacation",
            "start_date": "2026-07-01",
            "end_date": "2026-07-10",
        },
    )
    assert created.status_code == 201
    assert api("GET", base).status_code == 400
    assert [
        a["reason"]
        for a in api("GET", base, params={"businessYear": 2026}).json()["data"]
    ] == ["Vacation"]
    absence = created.json()["id"]
    partial = api("PUT", f"{base}/{absence}", json={"reason": "Sickness"})
    assert partial.status_code == 400  # PUT needs every field
    assert api("DELETE", f"{base}/{absence}").status_code == 204


def test_invoice_draft_totals_numbering_and_status_machine(api):
    draft = api(
        "POST",
        "/2.0/kb_invoice",
        json={
            "contact_id": 1,
            "user_id": 1,
            "mwst_type": 0,
            "mwst_is_net": True,
            "api_reference": "odoo-move-42",
            "positions": [
                {
                    "type": "KbPositionCustom",
                    "amount": "2",
                    "unit_price": "99.95",
                    "account_id": 119,
                    "tax_id": 14,
                    "text": "Beratung",
                },
                {"type": "KbPositionText", "text": "Danke"},
            ],
        },
    )
    assert draft.status_code == 201, draft.text
    invoice = draft.json()
    assert invoice["kb_item_status_id"] == 7 and invoice["document_nr"].startswith(
        "RE-"
    )
    assert invoice["total_net"] == "199.9" and invoice["total_taxes"] == "16.1919"
    assert invoice["total"] == "216.1"  # CHF rounds to 0.05
    assert invoice["taxs"] == [{"percentage": "8.10", "value": "16.1919"}]
    ident = invoice["id"]
    found = api(
        "POST",
        "/2.0/kb_invoice/search",
        json=[{"field": "api_reference", "value": "odoo-move-42", "criteria": "="}],
    ).json()
    assert [i["id"] for i in found] == [ident]
    assert api("POST", f"/2.0/kb_invoice/{ident}/cancel").status_code == 422
    assert api("POST", f"/2.0/kb_invoice/{ident}/issue").json() == {"success": True}
    assert (
        api("POST", f"/2.0/kb_invoice/{ident}", json={"title": "changed"}).status_code
        == 422
    )
    api(
        "POST",
        f"/2.0/kb_invoice/{ident}/payment",
        json={"value": "100", "date": "2026-11-20"},
    )
    assert api("GET", f"/2.0/kb_invoice/{ident}").json()["kb_item_status_id"] == 16
    api("POST", f"/2.0/kb_invoice/{ident}/payment", json={"value": "116.10"})
    assert api("GET", f"/2.0/kb_invoice/{ident}").json()["kb_item_status_id"] == 9
    pdf = api("GET", f"/2.0/kb_invoice/{ident}/pdf").json()
    assert pdf["mime"] == "application/pdf" and pdf["name"].endswith(".pdf")


def test_invoices_accept_only_active_sales_taxes_and_respect_numbering(api, sandbox):
    base = {"contact_id": 1, "user_id": 1}
    old_rate = api(
        "POST",
        "/2.0/kb_invoice",
        json=dict(
            base,
            positions=[
                {
                    "type": "KbPositionCustom",
                    "amount": "1",
                    "unit_price": "10",
                    "tax_id": 17,
                }
            ],
        ),
    )
    assert (
        old_rate.status_code == 422
        and "active sales taxes" in old_rate.json()["message"]
    )
    assert (
        api("POST", "/2.0/kb_invoice", json=dict(base, document_nr="X-1")).status_code
        == 422
    )
    sandbox.admin(
        "POST", "companies/alpenblick01/numbering", json={"automatic": False}
    ).raise_for_status()
    assert api("POST", "/2.0/kb_invoice", json=base).status_code == 422
    manual = api(
        "POST", "/2.0/kb_invoice", json=dict(base, document_nr="ODOO/2026/0001")
    )
    assert (
        manual.status_code == 201 and manual.json()["document_nr"] == "ODOO/2026/0001"
    )


def test_timesheets_require_tracking_and_answer_live_durations(api):
    created = api(
        "POST",
        "/2.0/timesheet",
        json={
            "user_id": 2,
            "client_service_id": 1,
            "allowable_bill": False,
            "text": "Intern",
            "tracking": {"type": "duration", "date": "2026-11-20", "duration": "01:15"},
        },
    )
    assert created.status_code == 201
    assert (
        created.json()["duration"] == "1:15" and created.json()["date"] == "2026-11-20"
    )
    ranged = api(
        "POST",
        "/2.0/timesheet",
        json={
            "user_id": 2,
            "client_service_id": 1,
            "allowable_bill": True,
            "tracking": {
                "type": "range",
                "start": "2026-11-20 08:00:00",
                "end": "2026-11-20 10:30:00",
            },
        },
    )
    assert ranged.json()["duration"] == "2:30"
    bad = api(
        "POST",
        "/2.0/timesheet",
        json={"user_id": 2, "client_service_id": 1, "allowable_bill": False},
    )
    assert bad.status_code == 422 and "tracking" in bad.json()["message"]


def test_projects_and_work_packages(sandbox):
    api = Api(sandbox, extra_scopes=["project_edit"])
    project = api(
        "POST",
        "/2.0/pr_project",
        json={
            "name": "Neubau Test",
            "pr_state_id": 1,
            "pr_project_type_id": 2,
            "contact_id": 1,
            "user_id": 1,
        },
    )
    assert project.status_code == 201 and project.json()["nr"].isdigit()
    ident = project.json()["id"]
    package = api("POST", f"/3.0/projects/{ident}/packages", json={"name": "Konzept"})
    assert package.status_code == 201
    listed = api("GET", f"/3.0/projects/{ident}/packages")
    assert [p["name"] for p in listed.json()] == ["Konzept"] and listed.headers[
        "X-Total-Count"
    ] == "1"
    assert api("POST", f"/2.0/pr_project/{ident}/archive").json() == {"success": True}
    assert api("GET", f"/2.0/pr_project/{ident}").json()["pr_state_id"] == 2


def test_data_survives_a_restart(tmp_path):
    db = str(tmp_path / "sandbox.db")
    store = Store(db)
    seed_demo(store)
    with SandboxServer(db=db) as first:
        created = Api(first)("POST", "/2.0/contact", json=PERSON).json()
    store.close()
    with SandboxServer(db=db) as second:
        again = Api(second)("GET", f"/2.0/contact/{created['id']}")
        assert again.status_code == 200 and again.json()["name_2"] == "Nina"


def test_a_failed_request_writes_nothing(api, sandbox):
    before = sandbox.app.store.get_meta("seq:alpenblick01:contact")
    assert (
        api("POST", "/2.0/contact", json=dict(PERSON, country_id=999)).status_code
        == 422
    )
    assert sandbox.app.store.get_meta("seq:alpenblick01:contact") == before


def test_fault_rules_parse_from_the_command_line():
    rule = parse_rule("status:503@GET /2.0/contact#3")
    assert (rule.action, rule.status, rule.method, rule.path, rule.count) == (
        "status",
        503,
        "GET",
        "/2.0/contact",
        3,
    )
    rule = parse_rule("delay:0.25@.*%0.5")
    assert (rule.action, rule.delay, rule.probability) == ("delay", 0.25, 0.5)
    with pytest.raises(ValueError):
        parse_rule("explode@/2.0/contact")


def test_injected_faults_status_drop_after_commit_and_log(api, sandbox):
    admin = sandbox.admin
    admin(
        "POST",
        "faults",
        json={
            "action": "status",
            "status": 503,
            "method": "GET",
            "path": "^/2.0/unit$",
            "count": 1,
        },
    ).raise_for_status()
    assert api("GET", "/2.0/unit").status_code == 503
    assert api("GET", "/2.0/unit").status_code == 200
    admin(
        "POST",
        "faults",
        json={"action": "drop", "method": "POST", "path": "^/2.0/contact$", "count": 1},
    ).raise_for_status()
    with pytest.raises(requests.ConnectionError):
        api("POST", "/2.0/contact", json=dict(PERSON, name_1="Verloren"))
    found = api(
        "POST",
        "/2.0/contact/search",
        json=[{"field": "name_1", "value": "Verloren", "criteria": "="}],
    ).json()
    assert len(found) == 1  # committed although the answer never arrived
    log = admin("GET", "requests").json()
    dropped = [e for e in log if e["status"] == "dropped"]
    assert dropped and dropped[0]["body"]["name_1"] == "Verloren"
    assert admin("GET", "faults").json()["injected"] == 2


def test_admin_page_lists_companies(sandbox):
    page = requests.get(
        f"{sandbox.url}/_sandbox/", headers=sandbox.admin_headers, timeout=10
    )
    assert page.status_code == 200 and "Alpenblick Technik AG" in page.text
    companies = sandbox.admin("GET", "companies").json()
    assert {c["id"] for c in companies} == {"alpenblick01", "bergsicht02"}


def test_swiss_identifiers_have_valid_check_digits():
    assert ahv_is_valid("756.9217.0769.85")  # the official example
    assert not ahv_is_valid("756.9217.0769.84")
    assert iban_is_valid("CH93 0076 2011 6238 5295 7")
    assert make_uid(0).startswith("CHE-") and len(make_uid(0)) == 15
    assert ahv_is_valid(make_ahv(datetime.date.today().toordinal()))


def test_admin_api_answers_mistakes_clearly(sandbox):
    admin = sandbox.admin
    assert (
        admin("POST", "companies/nope/payroll", json={"enabled": True}).status_code
        == 404
    )
    missing = admin("POST", "companies/alpenblick01/payroll", json={})
    assert missing.status_code == 400 and "enabled" in missing.json()["error"]
    bad_rule = admin("POST", "faults", json={"action": "explode"})
    assert (
        bad_rule.status_code == 400
        and "unknown fault action" in bad_rule.json()["error"]
    )


def test_payment_errors_name_the_field(api):
    invoice = api(
        "POST", "/2.0/kb_invoice", json={"contact_id": 1, "user_id": 1}
    ).json()
    api("POST", f"/2.0/kb_invoice/{invoice['id']}/issue")
    bad_date = api(
        "POST",
        f"/2.0/kb_invoice/{invoice['id']}/payment",
        json={"value": "10", "date": "21.11.2026"},
    )
    assert bad_date.status_code == 422 and bad_date.json()["errors"][0].startswith(
        "date:"
    )
    no_value = api("POST", f"/2.0/kb_invoice/{invoice['id']}/payment", json={})
    assert no_value.status_code == 422 and no_value.json()["errors"][0].startswith(
        "value:"
    )
