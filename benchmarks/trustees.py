"""A trustee's Odoo: N companies, each signed in to its own bexio company, one hourly sync.

    .venv/bin/python benchmarks/trustees.py                 # 20 companies
    .venv/bin/python benchmarks/trustees.py --companies 5   # quicker

It starts the sandbox (with N generated client companies and the trustee login that sees them)
and a real Odoo server with its job runner on two workers, the channels set as the
bexio_connector readme tells a trustee (``root:2:capacity_default=1``). Then:

1. each company alone: its hourly sync, requests to bexio and wall time (summed);
2. all companies at once, as the hourly cron enqueues them: requests and wall time against
   that sum, and how long the last company waits before its sync starts;
3. the same hourly sync while the first company has a backlog of changes to send: how long
   the other companies wait, and whether one of them ran before the backlog was drained.

The figures are printed and written to benchmarks/results/trustees.json. It has a stack of
its own (N companies, not the large one), hence its own entry rather than a module of
benchmarks/figures.

Measured 2026-12-04, 20 companies (40 contacts, 5 employees, 3 projects, 120 hours each) on the
shared 2-core machine: single runs 480 requests in 12.1 s summed; all at once 480 requests
(ratio 1.00) in 6.2 s (0.51), the last company's sync starting 6 s after the cron; with 130
send jobs queued in the first company, 18 of the 19 others were done before that backlog was.
(The backlog edits each employee's private phone, a field that is sent; the work mobile it
edited before is not, and the run waited for send jobs that never came.)
"""

import argparse
import datetime
import json
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

import requests  # noqa: E402
from demo_stack import DemoStack, wait_until  # noqa: E402
from odoo_env import find_odoo, write_config  # noqa: E402

from bexio_sandbox.seed import (  # noqa: E402
    DEMO_PASSWORD,
    TRUSTEE_LOGIN,
    trustee_company,
)
from bexio_sandbox.testing import submit_login  # noqa: E402

CHANNELS = "root:2:capacity_default=1"
SYNC_CRON = "bexio_connector.ir_cron_bexio_sync"


class TrusteeStack(DemoStack):
    """The demo stack with N client companies in the sandbox and the trustee's channels."""

    def __init__(self, odoo, companies, backlog, **kwargs):
        super().__init__(odoo, **kwargs)
        self.companies = companies
        self.backlog = backlog

    def _start_sandbox(self):
        database = self.workdir / "sandbox.db"
        if self.reset and database.exists():
            database.unlink()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "bexio_sandbox",
                "--db",
                str(database),
                "generate",
                "--trustees",
                str(self.companies),
                "--backlog",
                str(self.backlog),
            ],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        reset, self.reset = self.reset, False
        try:
            super()._start_sandbox()
        finally:
            self.reset = reset

    def _write_config(self):
        write_config(
            self.config,
            self.odoo,
            self.database,
            queue_job_channels=CHANNELS,
            dbfilter=f"^{self.database}$",
            http_port=self.odoo_port,
            gevent_port=self.odoo_port + 3,
            server_wide_modules="base,web,queue_job",
            logfile=self.workdir / "odoo.log",
            log_level="info",
        )

    # ------------------------------------------------------------- helpers
    def sandbox_log(self, clear=False):
        url = f"{self.sandbox_url}/_sandbox/api/requests"
        if clear:
            requests.delete(url, headers=self.sandbox_admin_headers, timeout=10)
            return []
        answer = requests.get(url, headers=self.sandbox_admin_headers, timeout=30)
        answer.raise_for_status()
        return [
            e for e in answer.json() if e["path"].startswith(("/2.0", "/3.0", "/4.0"))
        ]

    def open_jobs(self, session):
        return self.call(
            session,
            "queue.job",
            "search_count",
            [
                ("channel", "=like", "root.bexio%"),
                ("state", "not in", ("done", "failed", "cancelled")),
            ],
        )

    def wait_for_jobs(self, session, timeout=1800):
        deadline = time.monotonic() + timeout
        while self.open_jobs(session):
            if time.monotonic() > deadline:
                raise RuntimeError(f"the bexio jobs did not finish within {timeout} s")
            time.sleep(0.2)


def add_companies(stack, session, count):
    """N Odoo companies, each signed in to its own bexio company as the trustee."""
    (me,) = stack.call(
        session, "res.users", "search_read", [("login", "=", "admin")], fields=["id"]
    )
    connections = []
    run = uuid.uuid4().hex[:4]
    for number in range(1, count + 1):
        company = stack.call(
            session, "res.company", "create", {"name": f"Mandant {number:02d} {run}"}
        )
        stack.call(
            session, "res.users", "write", [me["id"]], {"company_ids": [(4, company)]}
        )
        connection = stack.call(
            session, "bexio.connection", "create", {"company_id": company}
        )
        to_bexio = session.get(
            f"{stack.odoo_url}/bexio/oauth/authorize/{connection}",
            allow_redirects=False,
            timeout=60,
        )
        back = submit_login(
            to_bexio.headers["Location"],
            TRUSTEE_LOGIN,
            DEMO_PASSWORD,
            company=trustee_company(number),
        )
        if back.status_code != 302:
            raise RuntimeError(f"the sandbox refused the sign-in: {back.text[:300]}")
        session.get(back.headers["Location"], timeout=120)
        connections.append({"id": connection, "company": company})
    return connections


def when(value):
    return datetime.datetime.fromisoformat(value).timestamp()


def sync_jobs(stack, session, since_id):
    return stack.call(
        session,
        "queue.job",
        "search_read",
        [("id", ">", since_id), ("method_name", "=", "_bexio_sync")],
        fields=["channel", "date_created", "date_started", "date_done", "state"],
        order="id",
    )


def last_job_id(stack, session):
    found = stack.call(session, "queue.job", "search", [], order="id desc", limit=1)
    return found[0] if found else 0


def single_runs(stack, session, connections):
    total_time, total_requests = 0.0, 0
    for connection in connections:
        stack.sandbox_log(clear=True)
        started = time.monotonic()
        stack.call(session, "bexio.connection", "action_sync_now", [connection["id"]])
        stack.wait_for_jobs(session)
        total_time += time.monotonic() - started
        total_requests += len(stack.sandbox_log())
    return total_time, total_requests


def hourly_sync(stack, session):
    """The hourly cron, run now; the figures of its jobs once all are done."""
    since = last_job_id(stack, session)
    stack.sandbox_log(clear=True)
    (cron,) = stack.call(
        session,
        "ir.model.data",
        "search_read",
        [("module", "=", "bexio_connector"), ("name", "=", SYNC_CRON.split(".")[1])],
        fields=["res_id"],
    )
    started = time.monotonic()
    stack.call(session, "ir.cron", "method_direct_trigger", [cron["res_id"]])
    stack.wait_for_jobs(session)
    wall = time.monotonic() - started
    jobs = sync_jobs(stack, session, since)
    created = min(when(j["date_created"]) for j in jobs)
    waits = [when(j["date_started"]) - created for j in jobs if j["date_started"]]
    return {
        "wall_s": round(wall, 1),
        "requests": len(stack.sandbox_log()),
        "job_count": len(jobs),
        "failed": sum(j["state"] != "done" for j in jobs),
        "last_company_waits_s": round(max(waits), 1),
        "jobs": jobs,
    }


def make_backlog(stack, session, connection):
    """Changes to send in the first company: an edit of each of its employees."""
    context = {"allowed_company_ids": [connection["company"]]}
    employees = stack.call(
        session,
        "hr.employee",
        "search",
        [("company_id", "=", connection["company"])],
        context=context,
    )
    for number, employee in enumerate(employees):
        stack.call(
            session,
            "hr.employee",
            "write",
            [employee],
            {"private_phone": f"+41 79 555 {number:02d} {number % 100:02d}"},
            context=context,
        )
    return len(employees)


def backlog_run(stack, session, connections):
    """The hourly sync while the first company's changes queue in its channel."""
    since = last_job_id(stack, session)
    count = make_backlog(stack, session, connections[0])
    # The changes' send jobs are queued (the outbox cron), then the hourly sync of everyone.
    try:
        wait_until(
            lambda: stack.call(
                session,
                "queue.job",
                "search_count",
                [("id", ">", since), ("method_name", "=", "_process")],
            )
            >= count,
            "the backlog's send jobs",
            timeout=300,
        )
    except AssertionError:
        items = stack.call(
            session,
            "bexio.outbox",
            "read_group",
            [],
            ["state"],
            ["state", "target"],
            lazy=False,
        )
        print("outbox items:", [(i["state"], i["target"], i["__count"]) for i in items])
        raise
    figures = hourly_sync(stack, session)
    sends = stack.call(
        session,
        "queue.job",
        "search_read",
        [("id", ">", since), ("method_name", "=", "_process")],
        fields=["date_done"],
    )
    backlog_done = max(when(s["date_done"]) for s in sends if s["date_done"])
    channel_a = f"root.bexio_company_{connections[0]['company']}"
    others = [j for j in figures["jobs"] if j["channel"] != channel_a]
    figures.update(
        backlog_jobs=len(sends),
        others_done_before_backlog=sum(
            when(j["date_done"]) < backlog_done for j in others if j["date_done"]
        ),
        others=len(others),
    )
    return figures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--companies", type=int, default=20)
    parser.add_argument(
        "--backlog", type=int, default=60, help="employees of the first company"
    )
    parser.add_argument("--odoo-port", type=int, default=8382)
    parser.add_argument("--sandbox-port", type=int, default=8982)
    args = parser.parse_args()
    odoo, why = find_odoo()
    if odoo is None:
        sys.exit(f"the benchmark needs Odoo 18: {why}")
    database = f"bexio_trustees_{uuid.uuid4().hex[:6]}"
    stack = TrusteeStack(
        odoo,
        args.companies,
        args.backlog,
        database=database,
        odoo_port=args.odoo_port,
        sandbox_port=args.sandbox_port,
        workdir=ROOT / ".cache" / "benchmarks" / database,
        reset=True,
    )
    try:
        stack.start(connect=False)
        session = stack.login("admin", "admin")
        started = time.monotonic()
        connections = add_companies(stack, session, args.companies)
        stack.wait_for_jobs(session)
        initial = time.monotonic() - started
        print(f"{args.companies} companies signed in and imported in {initial:.0f} s")
        single_time, single_requests = single_runs(stack, session, connections)
        together = hourly_sync(stack, session)
        with_backlog = backlog_run(stack, session, connections)
    finally:
        stack.stop()
        subprocess.run(["dropdb", "--if-exists", database], check=False)
    for figures in (together, with_backlog):
        figures.pop("jobs")
    result = {
        "companies": args.companies,
        "channels": CHANNELS,
        "initial_imports_s": round(initial, 1),
        "single_runs": {"wall_s": round(single_time, 1), "requests": single_requests},
        "hourly_sync": together,
        "hourly_sync_with_backlog": with_backlog,
        "wall_ratio": round(together["wall_s"] / single_time, 2),
        "request_ratio": round(together["requests"] / max(single_requests, 1), 3),
    }
    print(json.dumps(result, indent=2))
    results = ROOT / "benchmarks" / "results"
    results.mkdir(exist_ok=True)
    (results / "trustees.json").write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    sys.exit(main())
