"""Every SDK call against the live in-process sandbox: each answer must have exactly the keys
and JSON types the SDK's record declares, so the SDK and the sandbox cannot drift apart
unnoticed. And the SDK's search and writable fields are the sandbox's.

The coverage test lists every public method of every resource the client offers (child
resources too): a new SDK call fails it until a scenario here calls it.
"""

import datetime
import inspect
import re
import types

import pytest

from bexio_api import BexioClient
from bexio_api.records import Record, conformance
from bexio_api.resources import PayrollEmployees, base, invoices, projects
from bexio_sandbox import SandboxServer
from bexio_sandbox import resources as sandbox_resources
from bexio_sandbox.app import ROUTES
from bexio_sandbox.swiss import make_ahv, make_ch_iban

from ..conftest import login

CHILD_RESOURCES = (
    invoices.Reminders,
    invoices.CustomPositions,
    invoices.TextPositions,
    invoices.SubPositions,
    projects.WorkPackages,
    projects.Milestones,
)
# Calls that return the child resources above, or compute without asking bexio.
NOT_HTTP = {"Timesheets.duration_values"}


def resource_classes():
    client = BexioClient("x", api_url="http://127.0.0.1:1")
    top = {type(v) for v in vars(client).values() if isinstance(v, base.Resource)}
    return sorted(top | set(CHILD_RESOURCES), key=lambda c: c.__name__)


def public_calls():
    calls = set()
    for cls in resource_classes():
        for name in dir(cls):
            if not name.startswith("_") and inspect.isfunction(
                inspect.getattr_static(cls, name)
            ):
                calls.add(f"{cls.__name__}.{name}")
    return calls - NOT_HTTP


class Contract:
    """Calls SDK methods, remembers which, and checks every record they return."""

    def __init__(self):
        self.called = set()
        self.problems = []

    def __call__(self, resource, method, *args, non_empty=True, **kwargs):
        label = f"{type(resource).__name__}.{method}"
        self.called.add(label)
        result = getattr(resource, method)(*args, **kwargs)
        if isinstance(result, types.GeneratorType):
            result = list(result)
        records = result if isinstance(result, list) else [result]
        # get_many yields (id, record) pairs
        records = [r[1] if isinstance(r, tuple) else r for r in records]
        records = [r for r in records if isinstance(r, Record)]
        if non_empty and result == []:
            self.problems.append(f"{label}: no records to check")
        for record in records:
            self.problems += [
                f"{label}: {p}" for p in conformance(type(record), record.raw)
            ]
            try:
                record.validate()
            except Exception as exc:  # noqa: BLE001 - reported as a problem of this call
                self.problems.append(f"{label}: {exc}")
        return result


def crud(check, resource, *, create=None, edit=None, criterion=None, ident=None):
    """The CRUD calls ``resource`` has, in an order where each has something to work on."""
    has = lambda name: hasattr(resource, name)  # noqa: E731
    if create is not None:
        ident = check(resource, "create", create).id
    check(resource, "list")
    check(resource, "iter_all")
    if criterion is not None:
        check(resource, "search", [criterion])
        assert check(resource, "find_one", [criterion]) is not None
    if has("get"):
        check(resource, "get", ident)
    if edit is not None and has("edit"):
        check(resource, "edit", ident, edit)
    return ident


def contacts(check, client):
    person = {
        "contact_type_id": 2,
        "name_1": "Keller",
        "name_2": "Nina",
        "user_id": 1,
        "owner_id": 1,
        "street_name": "Rosenweg",
        "house_number": "4",
        "postcode": "8400",
        "city": "Winterthur",
        "contact_group_ids": [2],
    }
    ident = crud(
        check,
        client.contacts,
        create=person,
        edit=dict(person, name_1="Keller-Frei"),
        criterion=("contact_type_id", 2, "="),
    )
    check(client.contacts, "update", ident, {"mail": "nina@example.ch"})
    check(client.contacts, "bulk_create", [dict(person, name_1="Meier")])
    check(client.contacts, "delete", ident)
    check(client.contacts, "iter_archived")
    check(client.contacts, "restore", ident)
    for resource, criterion in (
        (client.contact_groups, ("name", "Kunden")),
        (client.salutations, ("name", "Herr")),
        (client.titles, ("name", "Dr.")),
        (client.units, ("name", "Stk")),
    ):
        new = crud(
            check,
            resource,
            create={"name": "Test"},
            edit={"name": "Test 2"},
            criterion=criterion,
        )
        check(resource, "delete", new)
    relation = {"contact_id": 1, "contact_sub_id": 2, "description": "Partner"}
    new = crud(
        check,
        client.contact_relations,
        create=relation,
        edit=dict(relation, description="Tochter"),
        criterion=("contact_id", 1, "="),
    )
    check(client.contact_relations, "delete", new)
    country = {"name": "Testland", "name_short": "TL", "iso_3166_alpha2": "TL"}
    new = crud(
        check,
        client.countries,
        create=country,
        edit=dict(country, name="Testland 2"),
        criterion=("name", "Schweiz"),
    )
    check(client.countries, "delete", new)
    crud(check, client.contact_sectors, criterion=("name", "Bau"))
    crud(check, client.languages, criterion=("iso_639_1", "de", "="))
    crud(check, client.payment_types, criterion=("name", "Rechnung"))


def payroll(check, client):
    employees = client.payroll_employees
    listed = check(employees, "list")
    first = listed[0]
    check(employees, "get", first.id, date=datetime.date(2026, 11, 21))
    pooled = check(employees, "get_many", [e.id for e in listed[:6]])
    assert [ref for ref, _record in pooled] == [e.id for e in listed[:6]]
    check(employees, "update", first.id, {"phone_number": "+41 79 555 00 11"})
    created = check(
        employees,
        "create",
        {
            "first_name": "Seraina",
            "last_name": "Bonvin",
            "ahv_number": make_ahv(987654321),
            "iban": make_ch_iban(774, 1234567),
            "address": {"street_name": "Seeweg", "house_number": "7", "city": "Chur"},
        },
    )
    absence = check(
        employees,
        "create_absence",
        created.id,
        {"reason": "Vacation", "start_date": "2026-07-01", "end_date": "2026-07-03"},
    )
    check(employees, "absences", created.id, 2026)
    check(employees, "get_absence", created.id, absence.id)
    full = {
        "reason": "Sickness",
        "start_date": "2026-07-01",
        "end_date": "2026-07-02",
        "half_day": False,
        "continued_pay": 100,
        "disability": 100,
        "paid_hours": 8,
    }
    check(employees, "update_absence", created.id, absence.id, full)
    check(employees, "delete_absence", created.id, absence.id)


def company(check, client):
    crud(check, client.users, ident=1)
    check(client.users, "me")
    check(client.permissions, "get")
    crud(check, client.company_profiles, ident=1)
    check(client.company_profiles, "current")


def project_work(check, client):
    values = {
        "name": "Vertragsprojekt",
        "pr_state_id": 1,
        "pr_project_type_id": 2,
        "contact_id": 1,
        "user_id": 1,
    }
    ident = crud(
        check,
        client.projects,
        create=values,
        edit=dict(values, name="Vertragsprojekt 2"),
        criterion=("pr_state_id", 1, "="),
    )
    check(client.projects, "archive", ident)
    check(client.projects, "reactivate", ident)
    packages = check(client.projects, "packages", ident)
    package = crud(
        check,
        packages,
        create={"name": "Analyse", "estimated_time_in_hours": 12},
        edit={"estimated_time_in_hours": 16},
    )
    check(packages, "delete", package)
    milestones = check(client.projects, "milestones", ident)
    milestone = crud(
        check,
        milestones,
        create={"name": "Abnahme", "end_date": "2026-12-15"},
        edit={"name": "Abnahme 1"},
    )
    check(milestones, "delete", milestone)
    check(client.projects, "delete", ident)
    for resource in (
        client.project_states,
        client.project_types,
        client.timesheet_statuses,
    ):
        crud(check, resource)
    sheet = client.timesheets.duration_values(
        2, 1, datetime.date(2026, 11, 20), 75, text="Aus Odoo", pr_project_id=1
    )
    ident = crud(
        check,
        client.timesheets,
        create=sheet,
        edit=dict(sheet, text="Aus Odoo, korrigiert"),
        criterion=("user_id", 2, "="),
    )
    check(client.timesheets, "delete", ident)
    crud(
        check,
        client.business_activities,
        create={"name": "Schulung", "default_is_billable": True},
        criterion=("name", "Umsetzung"),
    )


def sales(check, client):
    bill = client.invoices
    values = {
        "contact_id": 1,
        "user_id": 1,
        "mwst_type": 0,
        "mwst_is_net": True,
        "api_reference": "contract:1",
        "positions": [
            invoices.custom_position(
                2, "120", text="Montage", account_id=119, tax_id=14
            ),
            {"type": "KbPositionText", "text": "Danke", "show_pos_nr": False},
        ],
    }
    ident = crud(
        check,
        bill,
        create=values,
        edit={"contact_id": 1, "user_id": 1, "title": "Rechnung Vertrag"},
        criterion=("kb_item_status_id", 7, "="),
    )
    check(bill, "find_by_api_reference", "contract:1")
    for name, create, edit in (
        (
            "custom_positions",
            {"amount": "1", "unit_price": "50", "account_id": 119, "tax_id": 14},
            {"amount": "2"},
        ),
        ("text_positions", {"text": "Hinweis", "show_pos_nr": True}, {"text": "Neu"}),
        ("sub_positions", {"text": "Etappe"}, {"text": "Etappe 1"}),
    ):
        positions = check(bill, name, ident)
        position = crud(check, positions, create=create, edit=edit)
        check(positions, "delete", position)
    copy = check(bill, "copy", ident, 2, title="Kopie")
    check(bill, "delete", copy.id)
    check(bill, "issue", ident)
    check(bill, "mark_as_sent", ident)
    check(bill, "pdf", ident)
    reminders = check(bill, "reminders", ident)
    reminder = check(reminders, "create")
    crud(check, reminders, ident=reminder.id, criterion=("reminder_level", 1, "="))
    check(reminders, "pdf", reminder.id)
    check(reminders, "mark_as_sent", reminder.id)
    check(reminders, "mark_as_unsent", reminder.id)
    check(reminders, "delete", reminder.id)
    payment = check(bill, "add_payment", ident, "100", datetime.date(2026, 11, 21))
    check(bill, "payments", ident)
    check(bill, "get_payment", ident, payment.id)
    check(bill, "delete_payment", ident, payment.id)
    check(bill, "cancel", ident)
    other = bill.create(dict(values, api_reference="contract:2"))
    bill.issue(other.id)
    check(bill, "revert_issue", other.id)


def accounting(check, client):
    crud(check, client.accounts, criterion=("account_no", "3400", "="))
    crud(check, client.account_groups)
    crud(check, client.taxes, ident=14)
    check(client.taxes, "active_sales_taxes")
    crud(check, client.currencies, ident=1)
    check(client.currencies, "codes")
    crud(check, client.bank_accounts, ident=1)
    crud(check, client.document_settings)
    check(client.document_settings, "for_class", "KbInvoice")
    check(client.document_settings, "invoice_vat")


SCENARIOS = {
    "contacts": contacts,
    "payroll": payroll,
    "company": company,
    "projects": project_work,
    "sales": sales,
    "accounting": accounting,
}


@pytest.fixture(scope="module")
def run():
    """All scenarios against one sandbox; (calls made, problems per scenario)."""
    check, problems = Contract(), {}
    with SandboxServer() as server:
        token = login(server, extra_scopes=["project_edit", "payroll_absence_edit"])[1]
        client = BexioClient(token.access_token, api_url=server.url)
        for name, scenario in SCENARIOS.items():
            before = len(check.problems)
            scenario(check, client)
            problems[name] = check.problems[before:]
    return check.called, problems


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_every_answer_is_what_the_sdk_declares(run, scenario):
    assert run[1][scenario] == []


def test_every_public_sdk_call_is_covered(run):
    called, _ = run
    assert sorted(public_calls() - called) == []
    assert len(called) >= 200  # reported in the README of the contract tests


# ------------------------------------------------------- declared fields
def _template(path):
    return re.sub(r"<[^>]+>", "{}", path)


SERVED = {(method, _template(path)): handler for method, path, handler, _s in ROUTES}


def sdk_paths():
    """Every SDK resource with its path as a template (child resources under id 1)."""
    client = BexioClient("x", api_url="http://127.0.0.1:1")
    found = [v for v in vars(client).values() if isinstance(v, base.Resource)]
    found += [
        client.invoices.reminders(1),
        client.invoices.custom_positions(1),
        client.invoices.text_positions(1),
        client.invoices.sub_positions(1),
        client.projects.packages(1),
        client.projects.milestones(1),
    ]
    return [(r, re.sub(r"/1(?=/|$)", "/{}", r.path)) for r in found]


def sandbox_writable(handler):
    collection = getattr(handler, "__self__", None)
    if isinstance(collection, sandbox_resources.Collection) and handler.__name__ in (
        "h_create",
        "h_edit",
        "h_patch",
    ):
        return set(collection.writable_fields())
    return set(getattr(handler, "writable", ()))


def test_search_fields_are_the_sandboxs():
    compared = 0
    for resource, path in sdk_paths():
        handler = SERVED.get(("POST", f"{path}/search"))
        if hasattr(resource, "search"):
            assert handler is not None, f"the sandbox cannot search {path}"
            assert set(resource.search_fields) == set(
                handler.__self__.search_fields
            ), path
            compared += 1
        else:
            assert handler is None, f"the sandbox searches {path}, the SDK cannot"
    searched = {p for (m, p) in SERVED if m == "POST" and p.endswith("/search")}
    known = {f"{p}/search" for _r, p in sdk_paths()}
    assert sorted(searched - known) == []
    assert compared >= 15


def write_routes(resource, path):
    """The sandbox routes behind the SDK's create and edit of ``resource``."""
    item = f"{path}/{{}}"
    payroll = isinstance(resource, PayrollEmployees)
    if isinstance(resource, base.Creatable) or payroll:
        yield ("POST", path)
    if isinstance(resource, base.EditableByPost):
        yield ("POST", item)
    if isinstance(resource, base.EditableByPatch) or payroll:
        yield ("PATCH", item)


def test_writable_fields_are_the_sandboxs():
    compared = []
    for resource, path in sdk_paths():
        for route in write_routes(resource, path):
            handler = SERVED.get(route)
            assert handler is not None, f"the sandbox serves no {route}"
            assert set(resource.writable_fields) == sandbox_writable(handler), route
            compared.append(route)
    extra = [
        (invoices.Invoices.copy_fields, ("POST", "/2.0/kb_invoice/{}/copy")),
        (invoices.Invoices.payment_fields, ("POST", "/2.0/kb_invoice/{}/payment")),
        (
            invoices.Reminders.writable_fields,
            ("POST", "/2.0/kb_invoice/{}/kb_reminder"),
        ),
        (
            BexioClient("x").payroll_employees.absence_fields,
            ("POST", "/4.0/payroll/employees/{}/absences"),
        ),
        (
            BexioClient("x").payroll_employees.absence_fields,
            ("PUT", "/4.0/payroll/employees/{}/absences/{}"),
        ),
    ]
    for fields, route in extra:
        assert set(fields) == sandbox_writable(SERVED[route]), route
        compared.append(route)
    assert len(compared) >= 25
