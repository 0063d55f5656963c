"""Token refreshes and outbox sends in real, separate PostgreSQL transactions (tier-2 tests
share one cursor).

A script runs Odoo's registry on the demo stack's database, as a job worker does: its own
transactions, committed for real, next to the running server and its job runner.
"""

import json
import subprocess
import sys
import time
from pathlib import Path

import requests

from bexio_sandbox.seed import DEMO_COMPANY

ROOT = Path(__file__).resolve().parent.parent

TOKEN_PATH = "/realms/bexio/protocol/openid-connect/token"

WORKER = """
import json, sys, threading, time
import odoo
from odoo import api, fields
from odoo.tools import config
config.parse_config(["-c", sys.argv[1]])
registry = odoo.modules.registry.Registry(sys.argv[2])
scenario = sys.argv[3]

def connection_in(cr):
    # The main company's: the one the demo signs in; the role tests add companies of their own.
    env = api.Environment(cr, odoo.SUPERUSER_ID, {})
    main = env.ref("base.main_company")
    return env["bexio.connection"].search([("company_id", "=", main.id)])

def at_once(call, workers=2):
    # call(cr) in several threads at once, each in a transaction of its own.
    results = []
    def work():
        with registry.cursor() as cr:
            try:
                results.append(call(cr))
            except Exception as exc:
                results.append("error: " + repr(exc))
    threads = [threading.Thread(target=work) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results

with registry.cursor() as cr:
    failed = connection_in(cr)._token_record().access_token
out = {"failed": failed}
if scenario == "own_row":
    with registry.cursor() as cr:
        connection = connection_in(cr)
        # What an import does before its next call: write its marker on the connection.
        connection.write({"payroll_checked_at": fields.Datetime.now()})
        connection.env.flush_all()
        start = time.monotonic()
        try:
            out["token"] = connection._refresh_tokens(failed_token=failed)
        except Exception as exc:
            out["error"] = repr(exc)
        out["seconds"] = round(time.monotonic() - start, 3)
elif scenario == "revoked":
    with registry.cursor() as cr:
        connection = connection_in(cr)
        connection.write({"payroll_checked_at": fields.Datetime.now()})
        connection.env.flush_all()
        try:
            connection._refresh_tokens(failed_token=failed)
        except Exception as exc:
            out["error"] = repr(exc)
        # As a job that fails on the dead grant: everything it wrote is rolled back.
        cr.rollback()
    with registry.cursor() as cr:
        connection = connection_in(cr)
        out["state"] = connection.state
        out["activities"] = connection.activity_ids.mapped("summary")
elif scenario == "outbox_race":
    # A change to an employee, then two workers sending its outbox item at once, while the
    # server's job runner, woken by the change, goes for it too.
    phone = sys.argv[4]
    with registry.cursor() as cr:
        env = api.Environment(cr, odoo.SUPERUSER_ID, {})
        employee = env["hr.employee"].search(
            [("company_id", "=", env.ref("base.main_company").id),
             ("bexio_payroll_ref", "!=", False)], order="id", limit=1)
        employee.write({"private_phone": phone})
        employee_id, out["employee"] = employee.id, employee.bexio_payroll_ref
    with registry.cursor() as cr:
        env = api.Environment(cr, odoo.SUPERUSER_ID, {})
        item_id = env["bexio.outbox"].search(
            [("res_model", "=", "hr.employee"), ("res_id", "=", employee_id),
             ("target", "=", "payroll_employee")], order="id desc", limit=1).id
    out["results"] = at_once(
        lambda cr: api.Environment(cr, odoo.SUPERUSER_ID, {})["bexio.outbox"]
        .browse(item_id)._process())
    for _ in range(120):
        with registry.cursor() as cr:
            cr.execute("SELECT state FROM bexio_outbox WHERE id = %s", [item_id])
            out["state"] = cr.fetchone()[0]
        if out["state"] not in ("pending", "processing"):
            break
        time.sleep(0.5)
else:
    out["results"] = at_once(
        lambda cr: connection_in(cr)._refresh_tokens(failed_token=failed))
with registry.cursor() as cr:
    out["stored"] = connection_in(cr)._token_record().access_token
print("RESULT " + json.dumps(out))
"""


def run_worker(stack, scenario, *args):
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            WORKER,
            str(stack.config),
            stack.database,
            scenario,
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
        check=False,
    )
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("RESULT ")]
    assert lines, done.stderr[-3000:]
    return json.loads(lines[-1][len("RESULT ") :])


def sandbox(stack, method, path, **kwargs):
    answer = requests.request(
        method,
        f"{stack.sandbox_url}/_sandbox/api/{path}",
        headers=stack.sandbox_admin_headers,
        timeout=30,
        **kwargs,
    )
    answer.raise_for_status()
    return answer.json()


def refresh_grants(stack):
    return [
        e
        for e in sandbox(stack, "GET", "requests")
        if e["path"] == TOKEN_PATH and e["status"] == 200
    ]


def signed_in(stack):
    session = stack.login("admin", "admin")
    if stack.connection(session)["state"] != "connected":
        stack.sign_in(session)
    # The initial import's jobs would refresh too: let them finish first.
    stack.wait_for_initial_import(session)


def test_a_worker_that_wrote_its_connection_row_refreshes_without_waiting_for_itself(
    stack,
):
    signed_in(stack)
    sandbox(stack, "POST", "tokens/expire", json={})
    sandbox(stack, "DELETE", "requests")
    out = run_worker(stack, "own_row")
    print(f"refresh with the connection row held: {out.get('seconds')} s")
    # Before bexio.token, this waited 15 s for its own lock and failed.
    assert "error" not in out, out.get("error")
    assert out["token"] != out["failed"]
    assert out["stored"] == out["token"], "the rotated token is committed"
    assert len(refresh_grants(stack)) == 1


def test_two_workers_refreshing_at_once_refresh_once_at_bexio(stack):
    signed_in(stack)
    sandbox(stack, "POST", "tokens/expire", json={})
    sandbox(stack, "DELETE", "requests")
    out = run_worker(stack, "concurrent")
    assert len(out["results"]) == 2
    assert not [r for r in out["results"] if r.startswith("error")], out["results"]
    assert len(set(out["results"])) == 1, "both use the one new token"
    assert out["results"][0] == out["stored"] != out["failed"]
    assert len(refresh_grants(stack)) == 1


def test_a_job_that_meets_a_revoked_grant_tells_the_admins_even_though_it_rolls_back(
    stack,
):
    """The job fails and rolls back; the "reconnect needed" mark and the admins' activity
    must not go with it, or the connection would read "connected" until the token cron."""
    signed_in(stack)
    sandbox(stack, "POST", "tokens/revoke", json={"company": DEMO_COMPANY})
    out = run_worker(stack, "revoked")
    assert "BexioNotConnected" in out.get("error", ""), out
    assert out["state"] == "reconnect", out
    assert any("Reconnect" in summary for summary in out["activities"]), out
    # Leave the demo signed in for whoever runs after.
    session = stack.login("admin", "admin")
    stack.sign_in(session)
    assert stack.connection(session)["state"] == "connected"


def test_two_workers_and_the_job_runner_on_one_outbox_item_send_it_once(stack):
    signed_in(stack)
    # Slow answers, so that the sends overlap.
    sandbox(stack, "POST", "latency", json={"seconds": 0.5})
    phone = "+41 79 555 %02d %02d" % divmod(int(time.time()) % 10000, 100)
    try:
        out = run_worker(stack, "outbox_race", phone)
    finally:
        sandbox(stack, "POST", "latency", json={"seconds": 0})
    print(f"outbox race, the two workers: {out['results']}")
    assert out["state"] == "done", out
    # Each worker either sent it, found it taken, or found the item busy and would retry.
    assert all(
        r in ("sent", "nothing to do") or "outbox item busy" in r
        for r in out["results"]
    ), out["results"]
    patches = [
        e
        for e in sandbox(stack, "GET", "requests")
        if e["method"] == "PATCH"
        and e["path"] == f"/4.0/payroll/employees/{out['employee']}"
        and (e.get("body") or {}).get("phone_number") == phone
    ]
    assert len(patches) == 1, patches
    (stored,) = (
        e
        for e in sandbox(stack, "GET", f"companies/{DEMO_COMPANY}/payroll_employee")
        if e["id"] == out["employee"]
    )
    assert stored["phone_number"] == phone
