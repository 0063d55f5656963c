"""Real, separate PostgreSQL transactions next to the demo stack's server and job runner.

Tier-2 tests share one cursor, so they cannot see two transactions meet. ``run_worker`` runs a
scenario of the script below in Odoo's registry on the stack's database, as a job worker does:
its own transactions, committed for real. The rest drives the sandbox's admin API and the jobs.
"""

import json
import subprocess
import sys
import time
from pathlib import Path

import requests

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
elif scenario == "token_cron":
    # The token cron, as its scheduled run does it, on a token that is about to expire,
    # while the job given in argv 7 runs (the registry above took seconds to load).
    def job_state():
        with registry.cursor() as cr:
            cr.execute("SELECT state FROM queue_job WHERE id = %s", [int(sys.argv[7])])
            return cr.fetchone()[0]
    for _ in range(600):
        if job_state() not in ("pending", "enqueued"):
            break
        time.sleep(0.1)
    time.sleep(1)  # into its reads
    out["job_before"] = job_state()
    with registry.cursor() as cr:
        cr.execute(
            "UPDATE bexio_token SET expires_at = %s WHERE connection_id = %s",
            [int(time.time()), connection_in(cr).id])
    if len(sys.argv) > 4:
        # And bexio lets the access token die now, so the import meets a 401 too.
        import requests
        requests.post(sys.argv[4], json=json.loads(sys.argv[6]),
                      headers=json.loads(sys.argv[5]), timeout=30).raise_for_status()
    start = time.monotonic()
    with registry.cursor() as cr:
        api.Environment(cr, odoo.SUPERUSER_ID, {})["bexio.connection"]._cron_refresh_tokens()
    out["seconds"] = round(time.monotonic() - start, 3)
    out["job_after"] = job_state()
elif scenario == "bexio_call":
    # What a bexio user does in bexio (a change, a payment), through the SDK with the
    # connection's token: Odoo hears of it at its next import or poll. argv 4 is
    # [[resource, method, args], ...] in JSON, a date written as {"date": "2026-11-25"}.
    import datetime
    def value(arg):
        if isinstance(arg, dict) and list(arg) == ["date"]:
            return datetime.date.fromisoformat(arg["date"])
        return arg
    with registry.cursor() as cr:
        client = connection_in(cr)._bexio_client()
        out["results"] = [
            repr(getattr(getattr(client, resource), method)(*map(value, args)))
            for resource, method, args in json.loads(sys.argv[4])
        ]
else:
    out["results"] = at_once(
        lambda cr: connection_in(cr)._refresh_tokens(failed_token=failed))
with registry.cursor() as cr:
    out["stored"] = connection_in(cr)._token_record().access_token
print("RESULT " + json.dumps(out))
"""


def bexio_call(stack, *calls):
    """Make ``calls`` ((resource, method, args), ...) in bexio as a bexio user would."""
    done = run_worker(stack, "bexio_call", json.dumps(calls))
    assert "error" not in done, done
    return done["results"]


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
    return session


def wait_until(condition, what, timeout=300, every=0.5):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"{what}: not within {timeout} s")


def latest_job(stack, session, method):
    jobs = stack.call(
        session,
        "queue.job",
        "search_read",
        [("method_name", "=", method)],
        fields=["state", "retry", "exc_info", "result"],
        order="id desc",
        limit=1,
    )
    return jobs[0] if jobs else None


def job(stack, session, job_id):
    (found,) = stack.call(
        session,
        "queue.job",
        "read",
        [job_id],
        fields=["state", "retry", "exc_info", "result"],
    )
    return found


def wait_for_job(stack, session, job_id, timeout=300):
    return wait_until(
        lambda: (
            found
            if (found := job(stack, session, job_id))["state"]
            in ("done", "failed", "cancelled")
            else None
        ),
        f"job {job_id} to end",
        timeout,
    )
