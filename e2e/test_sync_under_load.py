"""Imports and pushes as they meet the world: a token cron, a user's save and a bexio outage
during a long import, an outage during a push. Real server, real job runner, real transactions;
bexio is slowed or made to fail through the sandbox's admin API.
"""

import json
import time

import pytest
from transactions import (
    TOKEN_PATH,
    bexio_call,
    job,
    latest_job,
    refresh_grants,
    run_worker,
    sandbox,
    signed_in,
    wait_for_job,
    wait_until,
)

from bexio_sandbox.seed import DEMO_COMPANY

IMPORT_JOB = "_bexio_import_employees_job"
OUTAGE = 30  # seconds


@pytest.fixture
def admin(stack):
    session = signed_in(stack)
    sandbox(stack, "DELETE", "faults")
    sandbox(stack, "POST", "latency", json={"seconds": 0})
    yield session
    sandbox(stack, "DELETE", "faults")
    sandbox(stack, "POST", "latency", json={"seconds": 0})


def main_connection(stack, session):
    return stack.connection(session)["id"]


def start_import(stack, session):
    """ "Import employees" as the bexio administrator clicks it; returns its job, started."""
    before = latest_job(stack, session, IMPORT_JOB)
    stack.call(
        session,
        "bexio.connection",
        "action_bexio_import_employees",
        [main_connection(stack, session)],
    )
    new = wait_until(
        lambda: (
            found
            if (found := latest_job(stack, session, IMPORT_JOB))
            and (not before or found["id"] != before["id"])
            else None
        ),
        "the import job to be queued",
        30,
    )
    return new["id"]


def bexio_employees(stack):
    return {
        e["id"]: e
        for e in sandbox(stack, "GET", f"companies/{DEMO_COMPANY}/payroll_employee")
        if not e.get("_deleted") and not e.get("_inactive")
    }


def odoo_employees(stack, session, fields):
    main = stack.call(
        session,
        "bexio.connection",
        "read",
        [main_connection(stack, session)],
        fields=["company_id"],
    )[0]["company_id"][0]
    return {
        e["bexio_payroll_ref"]: e
        for e in stack.call(
            session,
            "hr.employee",
            "search_read",
            [("company_id", "=", main), ("bexio_payroll_ref", "!=", False)],
            fields=["bexio_payroll_ref", *fields],
            context={"active_test": False},
        )
    }


def latest_run(stack, session):
    (run,) = stack.call(
        session,
        "bexio.sync.run",
        "search_read",
        [("kind", "=", "Employees from bexio")],
        fields=["state", "failed_count", "message"],
        order="id desc",
        limit=1,
    )
    return run


def fault(stack, **rule):
    return sandbox(stack, "POST", "faults", json=rule)


def requests_to(stack, method, path):
    return [
        e
        for e in sandbox(stack, "GET", "requests")
        if e["method"] == method and e["path"] == path
    ]


def new_phone():
    return "+41 79 444 %02d %02d" % divmod(int(time.time() * 10) % 10000, 100)


def test_the_token_cron_during_a_long_import_refreshes_once_and_the_import_goes_on(
    stack, admin
):
    sandbox(stack, "POST", "latency", json={"seconds": 1})
    sandbox(stack, "DELETE", "requests")
    job_id = start_import(stack, admin)
    # The cron finds the token about to expire, and bexio lets the import's token die.
    cron = run_worker(
        stack,
        "token_cron",
        f"{stack.sandbox_url}/_sandbox/api/tokens/expire",
        json.dumps(stack.sandbox_admin_headers),
        json.dumps({"company": DEMO_COMPANY}),
        str(job_id),
    )
    print(f"token cron during the import: {cron.get('seconds')} s")
    sandbox(stack, "POST", "latency", json={"seconds": 0})
    done = wait_for_job(stack, admin, job_id)
    assert (cron.get("job_before"), cron.get("job_after")) == ("started", "started"), (
        "the cron ran during the import",
        cron,
    )
    assert "error" not in cron, cron
    assert cron["stored"] != cron["failed"], "the cron or the import rotated the token"
    assert done["state"] == "done", done["exc_info"]
    assert len(refresh_grants(stack)) == 1, "one refresh, whoever asked first"
    token_requests = [
        e for e in sandbox(stack, "GET", "requests") if e["path"] == TOKEN_PATH
    ]
    assert all(e["status"] == 200 for e in token_requests), token_requests
    # The reads in flight when the token died meet a 401 once; after the refresh the import
    # sends the new token, not the old one again and again.
    refused = [e for e in sandbox(stack, "GET", "requests") if e["status"] == 401]
    print(f"requests refused with the dead token: {len(refused)}")
    assert len(refused) <= 5, f"{len(refused)} requests were sent with the dead token"
    run = latest_run(stack, admin)
    assert run["state"] == "done" and not run["failed_count"], run
    assert set(odoo_employees(stack, admin, [])) == set(bexio_employees(stack))


def test_an_employee_saved_during_an_import_keeps_the_save_on_both_sides(stack, admin):
    """The import reads bexio's old phone while HR's new one cannot reach bexio yet; the
    import must not write the old phone over the new one, and bexio gets the new one."""
    odoo = odoo_employees(stack, admin, ["private_phone"])
    ref = max(odoo)
    employee_id = odoo[ref]["id"]
    path = f"/4.0/payroll/employees/{ref}"
    old_phone = bexio_employees(stack)[ref]["phone_number"]
    fault(stack, action="status", status=503, method="PATCH", path=path)
    sandbox(stack, "POST", "latency", json={"seconds": 0.3})
    job_id = start_import(stack, admin)
    wait_until(
        lambda: job(stack, admin, job_id)["state"] == "started", "the import to start"
    )
    phone = new_phone()
    stack.call(admin, "hr.employee", "write", [employee_id], {"private_phone": phone})
    done = wait_for_job(stack, admin, job_id)
    assert done["state"] == "done", done["exc_info"]
    (during,) = stack.call(
        admin, "hr.employee", "read", [employee_id], fields=["private_phone"]
    )
    assert during["private_phone"] == phone, f"the import wrote {old_phone!r} back"
    # bexio is back: the outbox sends the save.
    sandbox(stack, "DELETE", "faults")
    sandbox(stack, "POST", "latency", json={"seconds": 0})
    wait_until(
        lambda: bexio_employees(stack)[ref]["phone_number"] == phone,
        "bexio to have the new phone",
        180,
        every=2,
    )
    (after,) = stack.call(
        admin, "hr.employee", "read", [employee_id], fields=["private_phone"]
    )
    assert after["private_phone"] == phone


def test_a_30_second_outage_during_an_import_ends_as_without_it(stack, admin):
    # Something for the import to bring: a phone changed in bexio.
    ref = min(bexio_employees(stack))
    phone = new_phone()
    bexio_call(stack, ("payroll_employees", "update", [ref, {"phone_number": phone}]))
    fault(stack, action="status", status=503, path=r"^/(2\.0|3\.0|4\.0)/")
    started = time.monotonic()
    job_id = start_import(stack, admin)
    wait_until(
        lambda: job(stack, admin, job_id)["retry"] >= 1,
        "the import to meet the outage and wait for its retry",
        120,
    )
    during = job(stack, admin, job_id)
    time.sleep(max(0, OUTAGE - (time.monotonic() - started)))
    sandbox(stack, "DELETE", "faults")
    done = wait_for_job(stack, admin, job_id, timeout=600)
    print(f"import through a {OUTAGE} s outage: {done['retry']} retries")
    assert during["state"] == "pending", "queue_job retries it later, not failed"
    assert done["state"] == "done", done["exc_info"]
    odoo = odoo_employees(stack, admin, ["private_phone"])
    assert set(odoo) == set(bexio_employees(stack))
    assert odoo[ref]["private_phone"] == phone
    run = latest_run(stack, admin)
    assert run["state"] == "done" and not run["failed_count"], run


def test_a_30_second_outage_during_a_push_ends_as_without_it(stack, admin):
    odoo = odoo_employees(stack, admin, [])
    ref = sorted(odoo)[len(odoo) // 2]
    path = f"/4.0/payroll/employees/{ref}"
    city = "Zernez %d" % (int(time.time()) % 1000)
    fault(stack, action="status", status=503, method="PATCH", path=path)
    sandbox(stack, "DELETE", "requests")
    started = time.monotonic()
    stack.call(admin, "hr.employee", "write", [odoo[ref]["id"]], {"private_city": city})

    def item():
        items = stack.call(
            admin,
            "bexio.outbox",
            "search_read",
            [
                ("res_model", "=", "hr.employee"),
                ("res_id", "=", odoo[ref]["id"]),
                ("target", "=", "payroll_employee"),
            ],
            fields=["state", "attempts", "last_error"],
            order="id desc",
            limit=1,
        )
        return items[0] if items else None

    waiting = wait_until(
        lambda: (found := item())
        and found["state"] == "pending"
        and found["attempts"] >= 1
        and found,
        "a refused send waiting for its retry",
    )
    time.sleep(max(0, OUTAGE - (time.monotonic() - started)))
    sandbox(stack, "DELETE", "faults")
    sent = wait_until(
        lambda: (found := item())["state"] in ("done", "failed") and found,
        "the item to be sent after the outage",
        600,
        every=2,
    )
    print(f"push through a {OUTAGE} s outage: {sent['attempts']} attempts")
    assert "tries again by itself" in (waiting["last_error"] or ""), waiting
    assert sent["state"] == "done", sent
    patches = [
        e for e in requests_to(stack, "PATCH", path) if e["status"] in (200, 204)
    ]
    assert len(patches) == 1, patches
    assert bexio_employees(stack)[ref]["address"]["city"] == city
