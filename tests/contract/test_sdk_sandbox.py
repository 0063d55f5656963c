"""The SDK against a live sandbox on 127.0.0.1: real HTTP, real OAuth, real faults."""

import datetime
import math
import threading

import pytest

from bexio_api import BexioClient, errors
from bexio_api.resources import custom_position
from bexio_api.resources.projects import Timesheets
from bexio_sandbox import Sandbox, SandboxServer, Store
from bexio_sandbox.seed import large_login, seed_large
from bexio_sandbox.swiss import make_ahv, make_ch_iban

from ..conftest import login


def sandbox_log(server, path=None, method=None):
    entries = server.admin("GET", "requests").json()
    return [
        e
        for e in entries
        if (path is None or e["path"] == path)
        and (method is None or e["method"] == method)
    ]


def fault(server, **rule):
    answer = server.admin("POST", "faults", json=rule)
    assert answer.status_code == 201, answer.text


def test_all_demo_contacts_in_ceil_n_over_2000_requests(client, sandbox):
    contacts = list(client.contacts.iter_all())
    total = sandbox.app.store.count("alpenblick01", "contact")
    assert len(contacts) == total and len({c.id for c in contacts}) == total
    gets = sandbox_log(sandbox, "/2.0/contact", "GET")
    assert len(gets) == math.ceil(total / 2000) == 1


def test_a_large_company_pages_in_ceil_n_over_2000_requests():
    store = Store()
    seed_large(store, contacts=4500, employees=0, projects=0, timesheets=0)
    with SandboxServer(Sandbox(store)) as server:
        token = login(server, username=large_login("bigco0000001"))[1]
        bexio = BexioClient(token.access_token, api_url=server.url)
        ids = [c.id for c in bexio.contacts.iter_all()]
        assert len(ids) == 4500 == len(set(ids))
        assert bexio.requests_sent == math.ceil(4500 / 2000) == 3
        offsets = [
            int(e["query"].split("offset=")[1].split("&")[0])
            for e in sandbox_log(server, "/2.0/contact")
        ]
        assert offsets == [0, 2000, 4000]


def test_contact_lifecycle_and_update_keeps_other_fields(client):
    created = client.contacts.create(
        {
            "contact_type_id": 1,
            "name_1": "Limmat Druck AG",
            "user_id": 1,
            "owner_id": 1,
            "street_name": "Seestrasse",
            "house_number": "12",
            "postcode": "8001",
            "city": "Zürich",
            "country_id": 1,
            "contact_group_ids": [2],
            "mail": "info@limmat-druck.example.ch",
        }
    )
    assert created.address == "Seestrasse 12" and created.contact_group_ids == [2]
    updated = client.contacts.update(
        created.id, {"mail": "buchhaltung@limmat-druck.example.ch"}
    )
    assert updated.mail == "buchhaltung@limmat-druck.example.ch"
    assert updated.city == "Zürich" and updated.contact_group_ids == [2]
    with pytest.raises(ValueError, match="update"):
        client.contacts.edit(created.id, {"mail": "x@example.ch"})
    client.contacts.delete(created.id)
    with pytest.raises(errors.NotFound):
        client.contacts.get(created.id)
    assert (
        client.contacts.get(created.id, show_archived=True).name_1 == "Limmat Druck AG"
    )
    assert created.id in [c.id for c in client.contacts.iter_archived()]
    client.contacts.restore(created.id)
    found = client.contacts.find_one(
        [("mail", "buchhaltung@limmat-druck.example.ch", "=")]
    )
    assert found.id == created.id


def test_validation_errors_carry_bexios_message(client):
    with pytest.raises(errors.ValidationError) as caught:
        client.contacts.create(
            {"contact_type_id": 1, "name_1": "", "user_id": 1, "owner_id": 1}
        )
    assert caught.value.status == 422 and "name_1" in caught.value.message


def test_customers_by_category(client):
    customers = list(client.contacts.search([("contact_group_ids", "2", "=")]))
    groups = {g.id: g.name for g in client.contact_groups.iter_all()}
    assert groups[2] == "Kunden" and len(customers) >= 100
    assert all(2 in c.contact_group_ids for c in customers)


def test_payroll_list_detail_patch_create(client):
    employees = client.payroll_employees.list()
    assert len(employees) == 30
    first = employees[0].validate()
    detail = client.payroll_employees.get(first.id, date=datetime.date(2026, 11, 21))
    assert detail.annual_vacation_days_left is not None and detail.address.zip_code
    assert client.payroll_employees.update(
        first.id, {"marital_status": "married", "address": {"city": "Frauenfeld"}}
    )
    after = client.payroll_employees.get(first.id)
    assert after.marital_status == "married" and after.address.city == "Frauenfeld"
    assert after.address.street_name == detail.address.street_name
    new = client.payroll_employees.create(
        {
            "first_name": "Seraina",
            "last_name": "Bonvin",
            "personal_number": "2001",
            "ahv_number": make_ahv(987654321),
            "iban": make_ch_iban(774, 1234567),
            "gender": "female",
        }
    )
    assert new.personal_number == "2001" and len(client.payroll_employees.list()) == 31
    with pytest.raises(errors.ValidationError) as caught:
        client.payroll_employees.update(first.id, {"ahv_number": "756.0000.0000.01"})
    assert caught.value.status == 400 and "ahv_number" in str(caught.value.body)


def test_payroll_stale_reference_and_module_off(client, sandbox):
    employee = client.payroll_employees.list()[0]
    sandbox.admin(
        "POST", f"companies/alpenblick01/payroll/employees/{employee.id}/delete"
    ).raise_for_status()
    with pytest.raises(errors.Gone):
        client.payroll_employees.get(employee.id)
    sandbox.admin(
        "POST", "companies/alpenblick01/payroll", json={"enabled": False}
    ).raise_for_status()
    with pytest.raises(errors.ModuleNotSubscribed) as caught:
        client.payroll_employees.list()
    assert "not part of this bexio subscription" in caught.value.message
    assert client.contacts.list(limit=1)  # the rest keeps working


def _in_flight_counter(client):
    """Counts the requests the client has in flight at once, at the session it sends with."""
    seen = {"now": 0, "most": 0}
    lock = threading.Lock()
    send = client.transport.session.request

    def request(*args, **kwargs):
        with lock:
            seen["now"] += 1
            seen["most"] = max(seen["most"], seen["now"])
        try:
            return send(*args, **kwargs)
        finally:
            with lock:
                seen["now"] -= 1

    client.transport.session.request = request
    return seen


def test_payroll_details_are_read_four_at_a_time_in_the_order_asked(client, sandbox):
    ids = [e.id for e in client.payroll_employees.list()]
    one_by_one = [client.payroll_employees.get(i) for i in ids]
    sandbox.admin("POST", "latency", json={"seconds": 0.2}).raise_for_status()
    seen = _in_flight_counter(client)
    pooled = list(client.payroll_employees.get_many(ids))
    assert [ref for ref, _detail in pooled] == ids
    assert [detail.raw for _ref, detail in pooled] == [e.raw for e in one_by_one]
    assert seen["most"] == 4


def test_pooled_reads_refresh_an_expired_token_once_in_the_callers_thread(
    client, sandbox
):
    ids = [e.id for e in client.payroll_employees.list()]
    sandbox.admin(
        "POST",
        f"companies/alpenblick01/payroll/employees/{ids[3]}/delete",
    ).raise_for_status()
    sandbox.admin("POST", "tokens/expire", json={}).raise_for_status()
    provider = client.transport.token_provider
    refreshed_in = []
    refresh = provider.refresh

    def refresh_here(failed_token):
        refreshed_in.append(threading.current_thread())
        return refresh(failed_token)

    provider.refresh = refresh_here
    pooled = list(client.payroll_employees.get_many(ids))
    assert [ref for ref, _detail in pooled] == ids
    assert isinstance(pooled[3][1], errors.Gone)  # one employee fails, not the read
    assert all(d.id == ref for ref, d in pooled if not isinstance(d, errors.Gone))
    assert set(refreshed_in) == {threading.main_thread()}
    assert len(client.saved_tokens) == 1
    refreshes = [
        e
        for e in sandbox_log(sandbox, "/realms/bexio/protocol/openid-connect/token")
        if e["status"] == 200
    ]
    assert len(refreshes) == 2  # the code exchange, then exactly one refresh


def test_a_token_that_dies_during_pooled_reads_is_sent_once_per_read_in_flight(
    client, sandbox
):
    ids = [e.id for e in client.payroll_employees.list()]
    sandbox.admin("POST", "latency", json={"seconds": 0.2}).raise_for_status()
    # bexio lets the token die while the reads are under way (a refresh elsewhere).
    killer = threading.Timer(
        0.5, lambda: sandbox.admin("POST", "tokens/expire", json={}).raise_for_status()
    )
    killer.start()
    try:
        pooled = list(client.payroll_employees.get_many(ids))
    finally:
        killer.join()
    assert [d.id for _ref, d in pooled] == ids
    refused = [
        e
        for e in sandbox_log(sandbox, method="GET")
        if e["path"].startswith("/4.0/payroll/employees/") and e["status"] == 401
    ]
    # Only the reads already sent when it died; the others wait for the refresh.
    assert 1 <= len(refused) <= 4, len(refused)
    assert len(client.saved_tokens) == 1


def test_pooled_reads_wait_out_the_rate_limit(client, sandbox):
    ids = [e.id for e in client.payroll_employees.list()][:12]
    sandbox.admin(
        "POST", "rate_limit", json={"limit": 5, "window": 1}
    ).raise_for_status()
    pooled = list(client.payroll_employees.get_many(ids))
    assert [d.id for _ref, d in pooled] == ids
    statuses = [
        e["status"]
        for e in sandbox_log(sandbox, method="GET")
        if e["path"].startswith("/4.0/payroll/employees/")
    ]
    assert statuses.count(200) == 12 and statuses.count(429) >= 1


def test_invoice_draft_with_accounts_and_taxes(client):
    tax = next(t for t in client.taxes.active_sales_taxes() if t.code == "UN81")
    account = client.accounts.find_one([("account_no", "3400", "=")])
    invoice = client.invoices.create(
        {
            "contact_id": 1,
            "user_id": 1,
            "mwst_type": 0,  # the positions' taxes apply, added to the prices
            "mwst_is_net": True,
            "api_reference": "odoo:account.move:42",
            "title": "Rechnung 42",
            "positions": [
                custom_position(
                    3, "120.00", text="Montage", account_id=account.id, tax_id=tax.id
                )
            ],
        }
    )
    assert invoice.status_name == "draft" and invoice.document_nr.startswith("RE-")
    # The answer to the create gives the totals unpadded, as live bexio does.
    assert str(invoice.total_net) == "360" and str(invoice.total) == "389.15"
    assert (
        invoice.vat == "net" and invoice.total == client.invoices.get(invoice.id).total
    )
    assert invoice.positions[0].account_id == account.id
    assert client.invoices.issue(invoice.id)
    assert client.invoices.get(invoice.id).status_name == "open"
    client.invoices.add_payment(invoice.id, invoice.total, datetime.date(2026, 11, 21))
    assert client.invoices.get(invoice.id).status_name == "paid"
    pdf = client.invoices.pdf(invoice.id)
    assert pdf.data.startswith(b"%PDF-")
    setting = client.document_settings.for_class("KbInvoice")
    assert setting["use_automatic_enumeration"] is True


def test_a_lost_create_answer_is_found_by_api_reference_not_created_twice(
    client, sandbox
):
    fault(sandbox, action="drop", method="POST", path="^/2.0/kb_invoice$", count=1)
    values = {
        "contact_id": 1,
        "user_id": 1,
        "api_reference": "odoo:account.move:77",
        "positions": [custom_position(1, "50", text="x", account_id=119, tax_id=14)],
    }
    with pytest.raises(errors.TransportError, match="may have processed"):
        client.invoices.create(values)
    found = client.invoices.find_by_api_reference("odoo:account.move:77")
    assert (
        found is not None
    )  # the caller resumes with this one instead of creating again
    matches = list(
        client.invoices.search([("api_reference", "odoo:account.move:77", "=")])
    )
    assert len(matches) == 1
    assert (
        len(sandbox_log(sandbox, "/2.0/kb_invoice", "POST")) == 1
    )  # the SDK did not retry


def test_timesheet_write_back_as_non_billable(client):
    values = Timesheets.duration_values(
        2, 1, datetime.date(2026, 11, 20), 75, text="Aus Odoo", pr_project_id=1
    )
    sheet = client.timesheets.create(values)
    assert (
        sheet.allowable_bill is False
        and sheet.minutes == 75
        and sheet.raw["duration"] == "1:15"
    )
    mine = list(
        client.timesheets.search([("user_id", 2, "="), ("pr_project_id", 1, "=")])
    )
    assert sheet.id in [t.id for t in mine]


def test_projects_packages_activities_and_master_data(client):
    projects = list(client.projects.iter_all())
    assert len(projects) == 12 and all(p.contact_id for p in projects)
    packages = list(client.projects.packages(projects[0].id).iter_all())
    assert packages and packages[0].name
    assert [s.name for s in client.project_states.list()][:2] == ["Aktiv", "Archiviert"]
    assert "Umsetzung" in [a.name for a in client.business_activities.list()]
    assert client.company_profiles.current().name == "Alpenblick Technik AG"
    assert client.users.me().id == 1
    assert [c.name for c in client.currencies.iter_all()] == ["CHF", "EUR", "USD"]
    assert client.countries.get(1).iso_code == "CH"
    assert client.bank_accounts.list()[0].iban_nr.startswith("CH")


def test_access_token_expiring_mid_run_is_refreshed_and_saved(client, sandbox):
    list(client.contacts.iter_all())
    sandbox.admin("POST", "tokens/expire", json={}).raise_for_status()
    assert len(list(client.contacts.iter_all())) > 200
    assert (
        len(client.saved_tokens) == 1
    )  # the rotated pair was handed over to be stored


def test_revoked_access_ends_with_invalid_grant(client, sandbox):
    sandbox.admin("POST", "tokens/revoke", json={}).raise_for_status()
    with pytest.raises(errors.InvalidGrant):
        client.contacts.list()


def test_two_threads_refresh_once_against_the_real_server(client, sandbox):
    sandbox.admin("POST", "tokens/expire", json={}).raise_for_status()
    failures = []

    def work():
        try:
            client.units.list()
        except errors.BexioError as exc:  # pragma: no cover - reported below
            failures.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == [] and len(client.saved_tokens) == 1
    refreshes = [
        e
        for e in sandbox_log(sandbox, "/realms/bexio/protocol/openid-connect/token")
        if e["status"] == 200
    ]
    assert len(refreshes) == 2  # the code exchange, then exactly one refresh


def test_injected_server_errors_are_retried_for_reads_not_for_creates(client, sandbox):
    fault(
        sandbox,
        action="status",
        status=503,
        method="GET",
        path="^/2.0/country$",
        count=2,
    )
    assert len(client.countries.list()) == 15
    fault(
        sandbox,
        action="status",
        status=500,
        method="POST",
        path="^/2.0/contact$",
        count=1,
    )
    before = sandbox.app.store.count("alpenblick01", "contact")
    with pytest.raises(errors.ServerError):
        client.contacts.create(
            {"contact_type_id": 1, "name_1": "Nie", "user_id": 1, "owner_id": 1}
        )
    assert sandbox.app.store.count("alpenblick01", "contact") == before


def test_connection_reset_and_timeout_on_reads_are_retried(client, sandbox):
    fault(sandbox, action="reset", method="GET", path="^/2.0/unit$", count=1)
    assert client.units.list()
    fault(
        sandbox, action="timeout", delay=0.6, method="GET", path="^/2.0/title$", count=1
    )
    impatient = BexioClient(
        client.transport.token_provider,
        api_url=sandbox.url,
        timeout=(2, 0.3),
        backoff=0.01,
    )
    assert impatient.titles.list() and impatient.requests_sent == 2


def test_an_answer_cut_short_is_asked_again_for_reads_only(client, sandbox):
    fault(sandbox, action="truncate", method="GET", path="^/2.0/unit$", count=1)
    before = client.requests_sent
    assert client.units.list()
    assert client.requests_sent - before == 2
    # A create whose answer was cut short was committed: asking again would make two.
    fault(sandbox, action="truncate", method="POST", path="^/2.0/contact$", count=1)
    before = sandbox.app.store.count("alpenblick01", "contact")
    with pytest.raises(errors.InvalidResponse, match="not valid JSON"):
        client.contacts.create(
            {"contact_type_id": 1, "name_1": "Einmal", "user_id": 1, "owner_id": 1}
        )
    assert sandbox.app.store.count("alpenblick01", "contact") == before + 1


def test_rate_limited_job_finishes_without_a_failed_request(client, sandbox):
    sandbox.admin(
        "POST", "rate_limit", json={"limit": 5, "window": 1}
    ).raise_for_status()
    for _ in range(12):
        client.units.list()
    statuses = [e["status"] for e in sandbox_log(sandbox, "/2.0/unit")]
    assert statuses.count(200) == 12 and statuses.count(429) >= 1


def test_a_hostile_id_addresses_nothing_in_the_sandbox(client, sandbox):
    before = sandbox_log(sandbox)
    # Unchecked, "2?x=" would delete contact 2 and "2/../../3.0/users" would read the users.
    for hostile in ("2?x=", "2/../../3.0/users", "2#", "2%3F"):
        with pytest.raises(ValueError, match="is not a bexio id"):
            client.contacts.delete(hostile)
        with pytest.raises(ValueError, match="is not a bexio id"):
            client.contacts.get(hostile)
    assert sandbox_log(sandbox) == before
    assert client.contacts.get(2).id == 2
