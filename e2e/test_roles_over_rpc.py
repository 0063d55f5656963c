"""The permission suite: every rule tried over JSON-RPC as real users of each role, in two
companies, on a real server with its job runner (the stack ``scripts/demo`` runs).

In Odoo a ``readonly`` field can still be written over RPC, a button's ``groups`` only hides
the button and a context key comes from the client, so each rule is tried the way an attacker
tries it: a plain ``/web/dataset/call_kw`` as that user. "Refused" means the server answered
with an error and, read back as the administrator, nothing changed.

It runs after test_product.py (file order): that file's first test signed the first company in
to bexio and imported the sandbox's demo company, which is the data these tests attack. The
users it creates are named ``perm-<role>-<company>-<run>``.

Against a database of your own (a staging copy: the suite creates a company and users), with
the first company signed in to bexio and its employees imported:

    BEXIO_PERMISSIONS_URL=https://staging.example.ch BEXIO_PERMISSIONS_ADMIN=admin:secret \
        .venv/bin/python -m pytest -p no:odoo e2e/test_roles_over_rpc.py

The two tests that need the stack this suite starts (SQL on its database, its sandbox) are
left out there and say so, and the AHV test does not read that server's log.
"""

import os
import subprocess
import uuid

import pytest
import requests
from demo_stack import DemoStack, wait_until

REMOTE = os.environ.get("BEXIO_PERMISSIONS_URL")
local_stack_only = pytest.mark.skipif(
    bool(REMOTE),
    reason="needs the stack this suite starts: its database over SQL, its log, its sandbox",
)

PASSWORD = "Perm-2026-secret"
ROLES = (
    "internal",
    "employee",
    "hr_officer",
    "hr_manager",
    "bexio_user",
    "bexio_manager",
    "settings_admin",
)
GROUPS = {
    "internal": ["base.group_user"],
    "employee": ["base.group_user"],
    "hr_officer": ["base.group_user", "hr.group_hr_user"],
    "hr_manager": ["base.group_user", "hr.group_hr_manager"],
    "bexio_user": ["base.group_user", "bexio_connector.group_bexio_user"],
    "bexio_manager": ["base.group_user", "bexio_connector.group_bexio_manager"],
    "settings_admin": ["base.group_user", "base.group_system"],
}
# The second company's employee (valid AHV number), and an invalid AHV number a user types in:
# neither may end up where it does not belong.
AHV_B = "756.1234.5678.97"
INVALID_AHV = "756.9217.0769.84"
ISSUED_SENTENCE = "betreute die Kälteanlagen unserer Kundschaft mit grosser Umsicht"


class Refused(Exception):
    pass


class World:
    """Set up once as the administrator: a second company with its own (unsigned) bexio
    connection and an employee, a user of every role in each company, and their sessions."""

    def __init__(self, stack):
        self.stack = stack
        self.admin = stack.login(*stack.admin_login)
        run = uuid.uuid4().hex[:6]
        (me,) = self.call_as(
            self.admin,
            "res.users",
            "search_read",
            [("login", "=", "admin")],
            fields=["company_id"],
        )
        self.company_a = me["company_id"][0]
        self.company_b = self.call_as(
            self.admin,
            "res.company",
            "create",
            {
                "name": f"Bergsicht Treuhand GmbH {run}",
                "country_id": self.xmlid("base.ch"),
            },
        )
        self.call_as(
            self.admin,
            "res.users",
            "write",
            [me["id"]],
            {"company_ids": [(4, self.company_b)]},
        )
        self.connection_b = self.admin_call(
            "bexio.connection", "create", {"company_id": self.company_b}
        )
        (self.connection_a,) = self.admin_call(
            "bexio.connection", "search", [("company_id", "=", self.company_a)]
        )
        self.employee_b = self.admin_call(
            "hr.employee",
            "create",
            {
                "name": f"Nadia Brunner {run}",
                "company_id": self.company_b,
                "ssnid": AHV_B,
            },
        )
        self.users, self.sessions = {}, {}
        for company, tag in ((self.company_a, "a"), (self.company_b, "b")):
            for role in ROLES:
                login = f"perm-{role}-{tag}-{run}"
                self.users[role, tag] = user = self.admin_call(
                    "res.users",
                    "create",
                    {
                        "name": f"{role.replace('_', ' ').title()} {tag.upper()} {run}",
                        "login": login,
                        "email": f"{login}@example.ch",
                        "password": PASSWORD,
                        "company_id": company,
                        "company_ids": [(6, 0, [company])],
                        "groups_id": [(6, 0, [self.xmlid(g) for g in GROUPS[role]])],
                    },
                )
                if role == "employee":
                    self.admin_call(
                        "hr.employee",
                        "create",
                        {"name": login, "user_id": user, "company_id": company},
                    )
                self.sessions[role, tag] = stack.login(login, PASSWORD)

    def call_as(self, session, model, method, *args, **kwargs):
        try:
            return self.stack.call(session, model, method, *args, **kwargs)
        except RuntimeError as error:
            raise Refused(str(error)) from error

    def admin_call(self, model, method, *args, **kwargs):
        """As the administrator, in both companies."""
        kwargs.setdefault("context", {})
        kwargs["context"].setdefault(
            "allowed_company_ids", [self.company_a, self.company_b]
        )
        return self.call_as(self.admin, model, method, *args, **kwargs)

    def call(self, role, model, method, *args, tag="a", **kwargs):
        return self.call_as(self.sessions[role, tag], model, method, *args, **kwargs)

    def refused(self, role, model, method, *args, tag="a", **kwargs):
        """The server's error if it refused the call as ``role``, else None."""
        try:
            self.call(role, model, method, *args, tag=tag, **kwargs)
        except Refused as error:
            return str(error) or "refused"
        return None

    def read(self, model, record_id, fields):
        (row,) = self.admin_call(model, "read", [record_id], fields)
        return row

    def xmlid(self, name):
        module, _dot, key = name.partition(".")
        (row,) = self.call_as(
            self.admin,
            "ir.model.data",
            "search_read",
            [("module", "=", module), ("name", "=", key)],
            fields=["res_id"],
        )
        return row["res_id"]


class RemoteOdoo:
    """An Odoo server of your own, signed in to and called as the demo stack is."""

    login = DemoStack.login
    call = DemoStack.call

    def __init__(self, url, admin):
        self.odoo_url = url.rstrip("/")
        self.admin_login = tuple(admin.split(":", 1))


@pytest.fixture(scope="module")
def odoo(request):
    if REMOTE:
        return RemoteOdoo(
            REMOTE, os.environ.get("BEXIO_PERMISSIONS_ADMIN", "admin:admin")
        )
    stack = request.getfixturevalue("stack")
    stack.admin_login = ("admin", "admin")
    return stack


@pytest.fixture(scope="module")
def world(odoo):
    return World(odoo)


@pytest.fixture(scope="module")
def employee_a(world):
    (employee,) = world.admin_call(
        "hr.employee",
        "search",
        [("company_id", "=", world.company_a), ("bexio_payroll_ref", "!=", False)],
        limit=1,
        order="id",
    )
    return employee


# ------------------------------------------------------------------------------ secrets


@pytest.mark.parametrize("role", ROLES)
def test_bexio_tokens_are_readable_by_system_administrators_only(world, role):
    error = world.refused(
        role,
        "bexio.token",
        "search_read",
        [("connection_id", "=", world.connection_a)],
        ["access_token", "refresh_token"],
    )
    if role == "settings_admin":
        assert error is None
    else:
        assert error, f"{role} read the bexio tokens"


# --------------------------------------------------------------------------- references


def reference_facts(employee_id, name):
    return {
        "employee_id": employee_id,
        "employee_name": name,
        "reference_type": "full",
        "language": "de",
        "birth_date": "1990-04-02",
        "origin": "Winterthur ZH",
        "function": "Servicetechnikerin",
        "date_start": "2021-03-01",
        "date_end": "2026-06-30",
        "tasks": "Wartung und Reparatur von Kälteanlagen",
        "grade_performance": "4",
        "grade_conduct": "4",
        "place": "Winterthur",
        "signer_name": "Andrea Meier",
        "signer_role": "Geschäftsführerin",
    }


def issue_reference(world, employee_id, last_sentence=None):
    """A reference written by the HR officer, approved by the HR manager (four eyes) and
    issued by its author, as the workflow wants it; its id."""
    name = world.read("hr.employee", employee_id, ["name"])["name"]
    ref = world.call(
        "hr_officer", "bexio.reference", "create", reference_facts(employee_id, name)
    )
    world.call("hr_officer", "bexio.reference", "action_generate_text", [ref])
    if last_sentence:
        body = world.read("bexio.reference", ref, ["body"])["body"]
        world.call(
            "hr_officer",
            "bexio.reference",
            "write",
            [ref],
            {"body": f"{body}\n{name.split()[0]} {last_sentence}."},
        )
    world.call("hr_officer", "bexio.reference", "action_submit", [ref])
    assert world.read("bexio.reference", ref, ["state"])["state"] == "to_approve"
    world.call("hr_manager", "bexio.reference", "action_approve", [ref])
    world.call("hr_officer", "bexio.reference", "action_issue", [ref])
    return ref


@pytest.fixture(scope="module")
def issued(world, employee_a):
    ref = issue_reference(world, employee_a, ISSUED_SENTENCE)
    row = world.read("bexio.reference", ref, ["state", "verify_url", "body"])
    assert row["state"] == "issued"
    return row


def test_the_forgery_measured_on_the_demo_is_refused(world, employee_a):
    """Create "[Name] war krank. Er bemühte sich.", write the state, issue: refused."""
    ref = world.call(
        "hr_officer",
        "bexio.reference",
        "create",
        {
            **reference_facts(employee_a, "Test Person"),
            "body": "[Name] war krank. Er bemühte sich.",
        },
    )
    assert world.refused(
        "hr_officer", "bexio.reference", "write", [ref], {"state": "approved"}
    )
    assert world.refused("hr_officer", "bexio.reference", "action_issue", [ref])
    assert world.refused(
        "hr_officer",
        "bexio.reference",
        "write",
        [ref],
        {"approver_id": world.users["hr_manager", "a"]},
    )
    assert world.refused(
        "hr_officer",
        "bexio.reference",
        "write",
        [ref],
        {"state": "approved"},
        context={"bexio_reference_issue": True},
    )
    row = world.read("bexio.reference", ref, ["state", "approver_id", "doc_uuid"])
    assert row["state"] == "draft"
    assert not row["approver_id"] and not row["doc_uuid"]


@pytest.mark.parametrize("role", ROLES)
def test_no_role_writes_the_workflow_fields_of_a_draft(world, employee_a, role):
    ref = world.admin_call(
        "bexio.reference", "create", reference_facts(employee_a, "Test Person")
    )
    for values in (
        {"state": "approved"},
        {"approver_id": world.users["hr_manager", "a"]},
        {"author_id": world.users[role, "a"]},
        {"version": 7},
        {"doc_uuid": "00000000-0000-0000-0000-000000000000"},
    ):
        assert world.refused(
            role,
            "bexio.reference",
            "write",
            [ref],
            values,
            context={"bexio_reference_issue": True},
        ), f"{role} wrote {values}"
    assert world.refused(
        role,
        "bexio.reference",
        "create",
        {**reference_facts(employee_a, "Test Person"), "state": "issued"},
    )
    row = world.read(
        "bexio.reference", ref, ["state", "approver_id", "version", "doc_uuid"]
    )
    assert (row["state"], row["approver_id"], row["version"], row["doc_uuid"]) == (
        "draft",
        False,
        1,
        False,
    )


@pytest.mark.parametrize("role", ROLES)
def test_an_issued_reference_is_frozen_for_every_role(world, issued, role):
    ref = issued["id"]
    for values in ({"body": "Frau X war oft krank."}, {"state": "draft"}):
        assert world.refused(
            role,
            "bexio.reference",
            "write",
            [ref],
            values,
            context={"bexio_reference_issue": True},
        ), f"{role} wrote {values} on an issued reference"
    assert world.refused(role, "bexio.reference", "unlink", [ref])
    row = world.read("bexio.reference", ref, ["state", "body"])
    assert row == {"id": ref, "state": "issued", "body": issued["body"]}


def test_the_author_does_not_approve_their_own_reference(world, employee_a):
    ref = world.call(
        "hr_officer",
        "bexio.reference",
        "create",
        reference_facts(employee_a, "Test Person"),
    )
    world.call("hr_officer", "bexio.reference", "action_generate_text", [ref])
    world.call("hr_officer", "bexio.reference", "action_submit", [ref])
    assert world.read("bexio.reference", ref, ["state"])["state"] == "to_approve"
    assert world.refused("hr_officer", "bexio.reference", "action_approve", [ref])
    assert world.refused("bexio_manager", "bexio.reference", "action_approve", [ref])
    row = world.read("bexio.reference", ref, ["state", "approver_id"])
    assert (row["state"], row["approver_id"]) == ("to_approve", False)


def verification(url):
    page = requests.get(url, timeout=30)
    assert page.status_code in (200, 404), page.status_code
    return page.text


def test_the_page_shows_the_holder_the_issued_text_and_keeps_its_verdict(world, issued):
    url = issued["verify_url"]
    assert 'data-status="valid"' in verification(url)
    assert ISSUED_SENTENCE in verification(url)
    without_token = verification(url.split("?")[0])
    assert ISSUED_SENTENCE not in without_token
    assert "Alpenblick" not in without_token
    wrong_token = verification(url[:-6] + "AAAAAA")
    assert ISSUED_SENTENCE not in wrong_token
    assert 'data-status="valid"' not in wrong_token
    # The company renamed after issue: the verdict and the issuer shown stay as issued.
    (company,) = world.admin_call(
        "res.company", "read", [world.company_a], ["name", "vat"]
    )
    world.admin_call(
        "res.company", "write", [world.company_a], {"name": "Renamed Holding AG"}
    )
    try:
        page = verification(url)
        assert 'data-status="valid"' in page
        assert company["name"] in page
        assert "Renamed Holding AG" not in page
    finally:
        world.admin_call(
            "res.company", "write", [world.company_a], {"name": company["name"]}
        )


def test_a_revoked_reference_never_becomes_valid_again(world, employee_a):
    ref = issue_reference(world, employee_a)
    world.call("hr_officer", "bexio.reference", "action_revoke", [ref])
    for role in ("hr_officer", "hr_manager", "settings_admin"):
        assert world.refused(
            role,
            "bexio.reference",
            "write",
            [ref],
            {"state": "issued"},
            context={"bexio_reference_issue": True},
        )
        assert world.refused(role, "bexio.reference", "action_issue", [ref])
    row = world.read("bexio.reference", ref, ["state", "verify_url"])
    assert row["state"] == "revoked"
    page = verification(row["verify_url"])
    assert 'data-status="revoked"' in page
    assert 'data-status="valid"' not in page


@pytest.mark.parametrize("role", ROLES)
def test_findings_change_only_by_being_accepted(world, employee_a, role):
    ref = world.admin_call(
        "bexio.reference",
        "create",
        {
            **reference_facts(employee_a, "Test Person"),
            "body": "Frau Person war oft krank und bemühte sich.",
        },
    )
    world.admin_call("bexio.reference", "action_check", [ref])
    finding = world.admin_call(
        "bexio.reference.finding",
        "search",
        [("reference_id", "=", ref), ("severity", "=", "high")],
        limit=1,
    )[0]
    assert world.refused(
        role, "bexio.reference.finding", "write", [finding], {"severity": "low"}
    )
    assert world.refused(role, "bexio.reference.finding", "unlink", [finding])
    assert world.read("bexio.reference.finding", finding, ["severity"])["severity"] == (
        "high"
    )


@pytest.mark.parametrize("role", ("hr_officer", "internal", "employee"))
def test_the_wizard_prefills_no_employee_of_another_company(world, role):
    error = world.refused(
        role,
        "bexio.reference.wizard",
        "default_get",
        ["employee_name", "birth_date"],
        context={"active_model": "hr.employee", "active_id": world.employee_b},
    )
    assert error, f"{role} read another company's employee through the wizard"


# ------------------------------------------------------------------ outbox and connection


@pytest.fixture(scope="module")
def outbox_item(world, employee_a):
    """An item of the first company's outbox, as a phone change by HR leaves one."""
    world.admin_call(
        "hr.employee", "write", [employee_a], {"private_phone": "+41 79 555 00 11"}
    )
    items = wait_until(
        lambda: world.admin_call(
            "bexio.outbox",
            "search_read",
            [("res_model", "=", "hr.employee"), ("res_id", "=", employee_a)],
            fields=["res_id", "res_model", "connection_id", "state", "target"],
            order="id desc",
            limit=1,
        ),
        "an outbox item for the employee",
    )
    return items[0]


@pytest.mark.parametrize("role", ROLES)
def test_outbox_items_are_written_by_the_outbox_alone(world, outbox_item, role):
    item = outbox_item["id"]
    for values in (
        {"res_id": world.employee_b},
        {"res_model": "res.partner"},
        {"connection_id": world.connection_b},
        {"state": "pending"},
        {"target": "contact"},
    ):
        assert world.refused(
            role, "bexio.outbox", "write", [item], values
        ), f"{role} wrote {values} on an outbox item"
    assert world.refused(
        role,
        "bexio.outbox",
        "create",
        {
            "connection_id": world.connection_a,
            "res_model": "hr.employee",
            "res_id": world.employee_b,
            "target": outbox_item["target"],
        },
    )
    assert world.refused(role, "bexio.outbox", "unlink", [item])
    row = world.read(
        "bexio.outbox", item, ["res_id", "res_model", "connection_id", "target"]
    )
    assert row["res_id"] == outbox_item["res_id"]
    assert row["connection_id"] == outbox_item["connection_id"]


@pytest.mark.parametrize("role", ROLES)
def test_retry_and_cancel_are_for_bexio_administrators(world, outbox_item, role):
    for action in ("action_retry", "action_cancel"):
        error = world.refused(role, "bexio.outbox", action, [outbox_item["id"]])
        if role == "bexio_manager":
            assert error is None, error
        else:
            assert error, f"{role} could {action}"


# The bexio administrator is allowed these; run as that role they would disconnect the stack.
@pytest.mark.parametrize("role", [r for r in ROLES if r != "bexio_manager"])
def test_syncs_imports_and_disconnect_are_for_bexio_administrators(world, role):
    connection = world.connection_a
    for action in (
        "action_sync_now",
        "action_full_sync",
        "action_test_connection",
        "action_bexio_import_employees",
        "action_bexio_refresh",
        "action_disconnect",
    ):
        assert world.refused(
            role, "bexio.connection", action, [connection]
        ), f"{role} could {action}"
    assert world.read("bexio.connection", connection, ["state"])["state"] == "connected"


@pytest.mark.parametrize("role", [r for r in ROLES if r != "settings_admin"])
def test_only_a_settings_administrator_confirms_the_production_database(world, role):
    # The copy guard's way out: a bexio administrator of a test copy must not have it.
    assert world.refused(
        role,
        "bexio.connection",
        "action_confirm_production_database",
        [world.connection_a],
    ), f"{role} could confirm the production database"


def test_a_bexio_administrator_may_test_the_connection(world):
    assert (
        world.refused(
            "bexio_manager",
            "bexio.connection",
            "action_test_connection",
            [world.connection_a],
        )
        is None
    )


@pytest.mark.parametrize("role", ("bexio_manager", "settings_admin"))
def test_a_connection_stays_with_its_company(world, role):
    assert world.refused(
        role,
        "bexio.connection",
        "write",
        [world.connection_a],
        {"company_id": world.company_b},
    )
    row = world.read("bexio.connection", world.connection_a, ["company_id", "state"])
    assert row["company_id"][0] == world.company_a
    assert row["state"] == "connected"


@pytest.mark.parametrize("role", ROLES)
def test_a_customers_bexio_contact_is_linked_by_the_sync_alone(world, role):
    (binding,) = world.admin_call(
        "bexio.partner.binding",
        "search_read",
        [("company_id", "=", world.company_a), ("state", "=", "linked")],
        fields=["partner_id", "bexio_contact_ref", "connection_id"],
        limit=1,
    )
    other_partner = world.admin_call(
        "res.partner", "create", {"name": f"Fremde AG {role}", "is_company": True}
    )
    # Pointing a linked customer at another bexio contact (a stranger on the next invoice),
    # moving the link to another partner or connection, or making one: refused for every
    # role; a bexio administrator decides only the contact of a link to review.
    assert world.refused(
        role,
        "bexio.partner.binding",
        "write",
        [binding["id"]],
        {"bexio_contact_ref": binding["bexio_contact_ref"] + 1},
    )
    for values in (
        {"partner_id": other_partner},
        {"connection_id": world.connection_b},
    ):
        assert world.refused(
            role, "bexio.partner.binding", "write", [binding["id"]], values
        )
    assert world.refused(
        role,
        "bexio.partner.binding",
        "create",
        {
            "connection_id": world.connection_a,
            "partner_id": other_partner,
            "bexio_contact_ref": binding["bexio_contact_ref"],
        },
    )
    row = world.read(
        "bexio.partner.binding",
        binding["id"],
        ["partner_id", "bexio_contact_ref", "connection_id"],
    )
    assert row == binding


@local_stack_only
def test_a_tampered_outbox_item_sends_nothing_to_another_company(
    world, stack, outbox_item
):
    """Even an item pointed at the second company's employee in SQL (no RPC can) is refused
    by the job: nothing of that employee reaches the first company's bexio."""
    sandbox_log = f"{stack.sandbox_url}/_sandbox/api/requests"
    headers = stack.sandbox_admin_headers
    seen = requests.get(sandbox_log, headers=headers, timeout=10).json()
    since = max((entry["seq"] for entry in seen), default=0)
    subprocess.run(
        [
            "psql",
            "-d",
            stack.database,
            "-c",
            "update bexio_outbox set res_id = %d, state = 'pending', "
            "processing_started_at = null, next_attempt_at = now() at time zone 'utc' "
            "where id = %d" % (world.employee_b, outbox_item["id"]),
        ],
        check=True,
        capture_output=True,
    )
    # An ordinary save by HR wakes the outbox cron at once, as in production.
    (other,) = world.admin_call(
        "hr.employee",
        "search",
        [("company_id", "=", world.company_a), ("id", "!=", outbox_item["res_id"])],
        limit=1,
    )
    world.admin_call(
        "hr.employee", "write", [other], {"private_phone": "+41 79 555 00 22"}
    )
    item = wait_until(
        lambda: [
            i
            for i in world.admin_call(
                "bexio.outbox",
                "read",
                [outbox_item["id"]],
                ["state", "last_error"],
            )
            if i["state"] in ("failed", "done", "cancelled")
        ],
        "the outbox job to handle the tampered item",
        timeout=300,
    )[0]
    assert item["state"] == "failed", item
    assert "compan" in item["last_error"].lower(), item["last_error"]
    sent = requests.get(
        sandbox_log, params={"since": since}, headers=headers, timeout=10
    ).json()
    assert not [e for e in sent if AHV_B in str(e) or "Nadia Brunner" in str(e)]


def test_an_invalid_ahv_number_is_named_but_not_copied(world, odoo, employee_a):
    """Typed by HR, refused before it reaches bexio: whatever says so names the field and
    leaves out the number, in the outbox, the chatter, the sync log and the server log."""
    before = world.read("hr.employee", employee_a, ["ssnid"])["ssnid"]
    try:
        # Refusing the save is as good as recording a failure: either way nothing is sent.
        world.refused(
            "hr_officer", "hr.employee", "write", [employee_a], {"ssnid": INVALID_AHV}
        )
        wait_until(
            lambda: not world.admin_call(
                "bexio.outbox",
                "search_count",
                [("state", "in", ("pending", "processing"))],
            ),
            "the outbox to settle",
        )
        digits = INVALID_AHV.replace(".", "")
        for model, field in (
            ("bexio.outbox", "last_error"),
            ("mail.message", "body"),
            ("bexio.sync.run.line", "message"),
        ):
            for shown in (INVALID_AHV, digits):
                assert not world.admin_call(
                    model, "search_count", [(field, "ilike", shown)]
                ), f"{model}.{field} holds the invalid AHV number"
        if not REMOTE:
            log = (odoo.workdir / "odoo.log").read_text(errors="replace")
            assert INVALID_AHV not in log
            assert digits not in log
    finally:
        world.admin_call("hr.employee", "write", [employee_a], {"ssnid": before})


# ------------------------------------------------------------------------- companies


@pytest.mark.parametrize("role", ("bexio_manager", "bexio_user", "hr_officer"))
def test_the_second_companys_users_see_nothing_of_the_first(world, issued, role):
    # A clean import leaves no problem lines: write one, as a failed record would.
    (run,) = world.admin_call(
        "bexio.sync.run", "search", [("company_id", "=", world.company_a)], limit=1
    )
    world.admin_call(
        "bexio.sync.run.line",
        "create",
        {"run_id": run, "message": "Contact 17 has no name in bexio."},
    )
    theirs = {
        "bexio.connection": [world.connection_a],
        "bexio.outbox": world.admin_call(
            "bexio.outbox", "search", [("company_id", "=", world.company_a)], limit=5
        ),
        "bexio.sync.run": world.admin_call(
            "bexio.sync.run", "search", [("company_id", "=", world.company_a)], limit=5
        ),
        "bexio.sync.run.line": world.admin_call(
            "bexio.sync.run.line",
            "search",
            [("run_id.company_id", "=", world.company_a)],
            limit=5,
        ),
        "bexio.partner.binding": world.admin_call(
            "bexio.partner.binding",
            "search",
            [("company_id", "=", world.company_a)],
            limit=5,
        ),
        "bexio.reference": [issued["id"]],
        "bexio.reference.finding": world.admin_call(
            "bexio.reference.finding",
            "search",
            [("reference_id.company_id", "=", world.company_a)],
            limit=5,
        ),
    }
    for model, ids in theirs.items():
        assert ids, f"the first company has no {model} to hide"
        try:
            visible = world.call(role, model, "search", [("id", "in", ids)], tag="b")
        except Refused:
            visible = []
        assert not visible, f"{role} of the second company sees {model} {visible}"
        assert world.refused(role, model, "read", ids, ["display_name"], tag="b")


# -------------------------------------------------------------------------- the sandbox


@local_stack_only
def test_the_sandbox_admin_api_wants_its_token_and_refuses_other_sites(stack):
    url = f"{stack.sandbox_url}/_sandbox/api/companies"
    assert requests.get(url, timeout=10).status_code in (401, 403)
    assert (
        requests.get(url, headers=stack.sandbox_admin_headers, timeout=10).status_code
        == 200
    )
    cross_site = requests.delete(
        f"{stack.sandbox_url}/_sandbox/api/faults",
        headers={**stack.sandbox_admin_headers, "Origin": "http://evil.example"},
        timeout=10,
    )
    assert cross_site.status_code == 403
    assert "Access-Control-Allow-Origin" not in cross_site.headers
