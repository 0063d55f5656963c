"""Benchmarks of the bexio addons in a real Odoo 18 against the sandbox on 127.0.0.1.

Every figure is a ratio against a baseline measured in the same run, on the same machine, so
that a shared, noisy machine still gives comparable numbers. Nothing here is a pass/fail test:
the script prints the figures with their targets and writes them to benchmarks/results/.

    scripts/benchmark              # the large company: 10,000 contacts, 300 employees,
                                   # 100 projects, 50,000 timesheets; about ten minutes
    scripts/benchmark --quick      # a fifth of that, and a 10 s rate-limit window

What is measured (targets from the project's issue 8):

1. First import: requests used / the minimum the API allows (target <= 1.05); Odoo-side time
   (wall time minus time spent waiting for bexio) / a plain batched create() of the same
   values (target <= 1.5).
2. Second import with nothing changed: requests, rows written (target 0), time / first import.
3. Outbox: an employee write with the outbox / without it (target <= 1.2); 1,000 queued
   changes drained by two workers at once, each worker trying every item (target: one
   request per change); five quick edits of one employee (target: one request).
4. Rate limit: with the sandbox at 100 requests per window, the employee import (300+
   requests) finishes with no failed request.
5. References: issuing (sign, render, attach) / rendering the same PDF alone; the public
   verification page's median and 95th-percentile latency / Odoo's /web/health.
"""

import argparse
import json
import math
import os
import signal
import statistics
import subprocess
import sys
import threading
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import requests  # noqa: E402
from odoo_env import (  # noqa: E402
    find_odoo,
    install,
    odoo_bin,
    prepare,
    run,
    write_config,
)

MODULES = (
    "bexio_payroll",
    "bexio_timesheet",
    "bexio_reference",
    "test_bexio_connector",
)
PAGE = 2000  # bexio's largest page
COMPANY = "bigco0000001"


class HttpClock:
    """Time spent inside the SDK's HTTP calls, so that Odoo-side time can be told apart."""

    def __init__(self):
        self.seconds = 0.0
        self._lock = threading.Lock()

    @contextmanager
    def installed(self):
        from bexio_api import transport

        original = transport.Transport._send
        clock = self

        def timed(self, *args, **kwargs):
            start = time.perf_counter()
            try:
                return original(self, *args, **kwargs)
            finally:
                with clock._lock:
                    clock.seconds += time.perf_counter() - start

        transport.Transport._send = timed
        try:
            yield self
        finally:
            transport.Transport._send = original


class Bench:
    def __init__(self, args, odoo):
        self.args = args
        self.odoo = odoo
        self.database = f"bexio_bench_{uuid.uuid4().hex[:8]}"
        self.workdir = ROOT / ".cache" / "bench" / self.database
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.config = self.workdir / "odoo.cfg"
        self.results = {}

    # ------------------------------------------------------------------ setup
    def start_sandbox(self):
        from bexio_sandbox import SandboxServer
        from bexio_sandbox.app import Sandbox
        from bexio_sandbox.seed import seed_demo, seed_large
        from bexio_sandbox.store import Store

        scale = 5 if self.args.quick else 1
        store = Store(str(self.workdir / "sandbox.db"))
        seed_demo(store)
        started = time.perf_counter()
        seed_large(
            store,
            contacts=10000 // scale,
            employees=300 // scale,
            projects=100 // scale,
            timesheets=50000 // scale,
            company_id=COMPANY,
        )
        print(
            f"large company generated in {time.perf_counter() - started:.0f} s",
            flush=True,
        )
        self.sandbox = SandboxServer(Sandbox(store, log_size=200_000)).start()
        self.sandbox.app.faults.latency = self.args.latency

    def create_database(self):
        write_config(
            self.config, self.odoo, self.database, logfile=self.workdir / "odoo.log"
        )
        installed = install(self.odoo, self.config, self.database, MODULES)
        if installed.returncode:
            raise SystemExit("installing the addons failed")
        import odoo
        from odoo.tools import config

        config.parse_config(["-c", str(self.config), "-d", self.database])
        self.registry = odoo.modules.registry.Registry(self.database)

    def odoo_bin(self, *args):
        """odoo-bin on the benchmark's database, with ``args``."""
        return odoo_bin(self.odoo, self.config, "-d", self.database, *args)

    @contextmanager
    def env(self):
        from odoo import SUPERUSER_ID, api

        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            yield env(user=env.ref("base.user_admin"))

    def sign_in(self):
        from bexio_sandbox import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET
        from bexio_sandbox.seed import DEMO_PASSWORD, large_login
        from bexio_sandbox.testing import redirect_params, submit_login

        with self.env() as env:
            params = env["ir.config_parameter"].sudo()
            for key, value in {
                "client_id": DEMO_CLIENT_ID,
                "client_secret": DEMO_CLIENT_SECRET,
                "api_url": self.sandbox.url,
                "auth_url": self.sandbox.issuer,
            }.items():
                params.set_param(f"bexio_connector.{key}", value)
            connection = env["bexio.connection"].create({"company_id": env.company.id})
            url = connection._start_authorization()
            self.connection_id = connection.id
        answer = redirect_params(
            submit_login(url, username=large_login(COMPANY), password=DEMO_PASSWORD)
        )
        with self.env() as env:
            connection = env["bexio.connection"].browse(self.connection_id)
            connection._finish_authorization(answer["state"], answer["code"])
            # The imports are timed below, not run by the job the sign-in queued.
            env["queue.job"].sudo().search([]).unlink()

    def requests_since(self, seq):
        return [
            e
            for e in list(self.sandbox.app.requests)
            if e["seq"] > seq and not e["path"].startswith("/realms/")
        ]

    def last_seq(self):
        entries = list(self.sandbox.app.requests)
        return entries[-1]["seq"] if entries else 0

    # ----------------------------------------------------------------- imports
    def run_import(self):
        clock = HttpClock()
        seq = self.last_seq()
        with clock.installed():
            started = time.perf_counter()
            with self.env() as env:
                connection = env["bexio.connection"].browse(self.connection_id)
                env["hr.employee"]._bexio_import_employees(connection)
                env["bexio.timesheet.importer"]._import_all(connection)
                runs = env["bexio.sync.run"].search(
                    [("connection_id", "=", connection.id)]
                )
                written = sum(runs.mapped("created_count")) + sum(
                    runs.mapped("updated_count")
                )
                failed = sum(runs.mapped("failed_count"))
                runs.unlink()
            wall = time.perf_counter() - started
        routes = {}
        for entry in self.requests_since(seq):
            route = f"{entry['method']} " + "/".join(
                "{id}" if part.isdigit() else part for part in entry["path"].split("/")
            )
            routes[route] = routes.get(route, 0) + 1
        self.routes = dict(sorted(routes.items(), key=lambda kv: -kv[1]))
        return {
            "wall": wall,
            "http": clock.seconds,
            "odoo": wall - clock.seconds,
            "requests": len(self.requests_since(seq)),
            "written": written,
            "failed": failed,
        }

    def minimum_requests(self):
        """The fewest requests the API allows for what the import reads.

        Pages of 2000 for each list, one detail call per payroll employee and one work-package
        list per project (bexio has no other way to read them), one request for each small list.
        """
        store = self.sandbox.app.store
        count = store.count
        customers = sum(
            1
            for c in store.all(COMPANY, "contact")
            if "2" in (c.get("contact_group_ids") or "")
        )
        employees = count(COMPANY, "payroll_employee")
        projects = count(COMPANY, "pr_project")
        small_lists = 13  # groups, countries, relations, users, states, activities,
        # accounts, taxes, currencies, employee contacts, payroll list, project list, company
        return (
            math.ceil(customers / PAGE)
            + employees
            + projects
            + math.ceil(count(COMPANY, "timesheet") / PAGE)
            + small_lists
        )

    def create_floor(self):
        """A plain batched create() of the values the import wrote, rolled back."""
        bexio_ids = {
            "res.partner": "bexio_contact_ref",
            "hr.employee": "bexio_payroll_ref",
            "project.project": "bexio_project_ref",
            "project.task": "bexio_package_ref",
            "account.analytic.line": "bexio_timesheet_ref",
        }
        seconds = 0.0
        with self.env() as env:
            for model, bexio_id in bexio_ids.items():
                Model = (
                    env[model]
                    .sudo()
                    .with_context(
                        tracking_disable=True,
                        mail_create_nolog=True,
                        bexio_no_outbox=True,
                    )
                )
                values = Model.search([(bexio_id, "!=", 0)]).copy_data()
                if model == "hr.employee":
                    # A user and a work contact belong to one employee.
                    for vals in values:
                        vals.pop("user_id", None)
                        vals.pop("work_contact_id", None)
                env.flush_all()
                env.cr.execute("SAVEPOINT floor")
                started = time.perf_counter()
                Model.create(values)
                env.flush_all()
                seconds += time.perf_counter() - started
                env.cr.execute("ROLLBACK TO SAVEPOINT floor")
                env.invalidate_all(flush=False)
            env.cr.rollback()
        return seconds

    def bench_imports(self):
        first = self.run_import()
        first_routes = self.routes
        floor = self.create_floor()
        minimum = self.minimum_requests()
        second = self.run_import()
        self.results["first import"] = {
            **first,
            "minimum requests": minimum,
            "requests / minimum": first["requests"] / minimum,
            "create floor (s)": floor,
            "Odoo-side time / create floor": first["odoo"] / floor,
        }
        self.results["first import: requests by route"] = first_routes
        self.results["second import"] = {
            **second,
            "time / first import": second["wall"] / first["wall"],
        }

    # ----------------------------------------------------------------- outbox
    def bench_outbox(self):
        # What a user's save costs: one employee written in its own transaction, with Odoo's
        # change tracking, committed; with the outbox, and without (bexio_no_outbox).
        sample = 60
        with self.env() as env:
            employee_ids = (
                env["hr.employee"]
                .search([("bexio_payroll_ref", "!=", False)], limit=sample)
                .ids
            )
        # Between two saves the outbox cron has run, as when users save now and then: each
        # save makes new items and asks the cron again.
        with_outbox, without = [], []
        for number, employee_id in enumerate(employee_ids):
            for use_outbox, bucket in ((False, without), (True, with_outbox)):
                started = time.perf_counter()
                with self.env() as env:
                    env["hr.employee"].browse(employee_id).with_context(
                        bexio_no_outbox=not use_outbox
                    ).write({"private_phone": f"+41 79 {int(use_outbox)} {number:05d}"})
                bucket.append(time.perf_counter() - started)
                self.run_outbox_cron()
        with self.env() as env:  # not part of what follows
            env["bexio.outbox"].search([]).write({"state": "cancelled"})
            env["queue.job"].sudo().search([]).unlink()
        # 1,000 changes, drained by two workers that both try every item.
        with self.env() as env:
            records = env["test.bexio.record"].create(
                [{"name": f"Kunde {n:04d}", "city": "Bern"} for n in range(1000)]
            )
            items = env["bexio.outbox"].search(
                [("res_model", "=", "test.bexio.record")]
            )
            item_ids = items.ids
            env["queue.job"].sudo().search([]).unlink()
            record_ids = records.ids
        seq = self.last_seq()
        started = time.perf_counter()
        self.drain(item_ids, workers=2)
        drained = time.perf_counter() - started
        created = [
            e
            for e in self.requests_since(seq)
            if e["method"] == "POST"
            and e["path"] == "/2.0/contact"
            and e["status"] < 300
        ]
        throttled = [
            e
            for e in self.requests_since(seq)
            if e["path"] == "/2.0/contact" and e["status"] == 429
        ]
        names = [
            c["name_1"]
            for c in self.sandbox.app.store.all(COMPANY, "contact")
            if str(c.get("name_1", "")).startswith("Kunde ")
        ]
        twice = sorted({n for n in names if names.count(n) > 1})
        if twice:
            print(f"created twice in bexio: {twice[:5]} ({len(twice)})", flush=True)
            for e in created:
                if (e.get("body") or {}).get("name_1") in twice[:2]:
                    print("  ", e, flush=True)
        with self.env() as env:
            states = env["bexio.outbox"].browse(item_ids).mapped("state")
            linked = (
                env["test.bexio.record"].browse(record_ids).filtered("bexio_contact_id")
            )
            # Five quick edits of one employee, each saved on its own.
            employee = env["hr.employee"].search(
                [("bexio_payroll_ref", "!=", False)], limit=1
            )
            employee_id, ref = employee.id, employee.bexio_payroll_ref
        for edit in range(5):
            with self.env() as env:
                env["hr.employee"].browse(employee_id).write(
                    {"private_phone": f"+41 79 555 00 0{edit}"}
                )
        with self.env() as env:
            item_ids = (
                env["bexio.outbox"]
                .search([("res_model", "=", "hr.employee"), ("state", "=", "pending")])
                .ids
            )
            env["queue.job"].sudo().search([]).unlink()
        seq = self.last_seq()
        self.drain(item_ids, workers=1)
        patches = [
            e
            for e in self.requests_since(seq)
            if e["method"] == "PATCH" and e["path"].endswith(f"/employees/{ref}")
        ]
        self.results["outbox"] = {
            "employee save with outbox (ms, median of 60)": 1000
            * statistics.median(with_outbox),
            "employee save without (ms)": 1000 * statistics.median(without),
            "overhead with / without": statistics.median(with_outbox)
            / statistics.median(without),
            "changes queued": len(record_ids),
            "requests to drain them (2 workers)": len(created),
            "answered 429 by bexio's rate limit, then sent again": len(throttled),
            "requests per change": len(created) / len(record_ids),
            "records linked": len(linked),
            "items not done": sum(1 for s in states if s != "done"),
            "drain time (s)": drained,
            "five quick edits: PATCH requests": len(patches),
        }

    def run_outbox_cron(self):
        """What the cron worker does when a save asked for it: the items' jobs get queued."""
        from odoo.addons.bexio_connector.models.bexio_outbox import OUTBOX_CRON

        with self.env() as env:
            cron = env.ref(OUTBOX_CRON)
            env["ir.cron.trigger"].search([("cron_id", "=", cron.id)]).unlink()
            env["bexio.outbox"]._cron_resume()

    def drain(self, item_ids, workers):
        from odoo.addons.queue_job.exception import RetryableJobError

        errors = []

        def worker(order):
            for item_id in order:
                for _attempt in range(5):
                    try:
                        with self.env() as env:
                            env["bexio.outbox"].sudo().browse(item_id)._process()
                        break
                    except RetryableJobError:
                        time.sleep(0.05)
                    except (
                        Exception
                    ) as exc:  # a worker logs and goes on, as queue_job does
                        errors.append(repr(exc))
                        break

        # Both workers try every item, one from each end: they meet on every item.
        orders = [list(item_ids), list(reversed(item_ids))][:workers]
        threads = [threading.Thread(target=worker, args=(o,)) for o in orders]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if errors:
            print(f"worker errors: {errors[:3]} ({len(errors)})", flush=True)

    # -------------------------------------------------------------- rate limit
    def bench_rate_limit(self):
        window = 10.0 if self.args.quick else 60.0
        limiter = self.sandbox.app.rate_limiter
        # Fresh windows first: reset() also restores bexio's own limits.
        limiter.reset(window=window)
        limiter.set_all(100)
        seq = self.last_seq()
        started = time.perf_counter()
        with self.env() as env:
            connection = env["bexio.connection"].browse(self.connection_id)
            run = env["hr.employee"]._bexio_import_employees(connection)
            state, failed, used = run.state, run.failed_count, run.requests_used
        wall = time.perf_counter() - started
        statuses = [e["status"] for e in self.requests_since(seq)]
        limiter.reset()
        self.results["rate limit"] = {
            "limit": f"100 per {window:.0f} s",
            "requests the job needed": used,
            "answered 429 (then waited for)": statuses.count(429),
            "failed records": failed,
            "run state": state,
            "time (s)": wall,
        }

    # -------------------------------------------------------------- references
    def bench_references(self):
        times, renders = [], []
        with self.env() as env:
            env.company.bexio_reference_four_eyes = False
            employees = env["hr.employee"].search(
                [("bexio_payroll_ref", "!=", False)], limit=5
            )
            employee_ids = employees.ids
        for employee_id in employee_ids:
            with self.env() as env:
                wizard = (
                    env["bexio.reference.wizard"]
                    .with_context(active_model="hr.employee", active_id=employee_id)
                    .create({})
                )
                wizard.write(
                    {
                        "tasks": "Kunden beraten\nProjekte leiten",
                        "function": wizard.function or "Sachbearbeiterin",
                        "date_start": wizard.date_start or "2020-01-01",
                        "place": wizard.place or "Winterthur",
                        "grade_performance": "4",
                        "grade_conduct": "4",
                    }
                )
                reference = env["bexio.reference"].browse(
                    wizard.action_create()["res_id"]
                )
                reference.signer_role = "Geschäftsführerin"
                reference.action_check()
                for finding in reference.finding_ids.filtered(
                    lambda f: f.decision == "open"
                ):
                    finding.action_accept()
                reference.action_submit()
                if reference.state == "to_approve":
                    reference.action_approve()
                started = time.perf_counter()
                reference.action_issue()
                env.flush_all()
                times.append(time.perf_counter() - started)
                started = time.perf_counter()
                env["ir.actions.report"]._render_qweb_pdf(
                    "bexio_reference.action_report_reference", reference.ids
                )
                renders.append(time.perf_counter() - started)
                self.verify_url = reference.sudo().verify_url
        self.results["reference issue"] = {
            "issue (s, median of 5)": statistics.median(times),
            "render the same PDF alone (s)": statistics.median(renders),
            "issue / render": statistics.median(times) / statistics.median(renders),
        }
        self.bench_verify_page()

    def bench_verify_page(self):
        port = 8369
        server = subprocess.Popen(
            self.odoo_bin(
                "--http-port",
                str(port),
                "--proxy-mode",
                "--db-filter",
                f"^{self.database}$",
            ),
            start_new_session=True,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            for _ in range(120):
                try:
                    if requests.get(f"{base}/web/health", timeout=2).ok:
                        break
                except requests.RequestException:
                    time.sleep(0.5)
            path = self.verify_url.split("://", 1)[1].split("/", 1)[1]
            page, health = [], []
            for n in range(200):
                # Each sample from its own address: the page limits checks per address.
                headers = {
                    "X-Forwarded-For": f"10.{n // 250}.{n % 250}.1",
                    "X-Forwarded-Host": f"127.0.0.1:{port}",  # Odoo trusts the proxy then
                }
                for url, bucket in (
                    (f"{base}/{path}", page),
                    (f"{base}/web/health", health),
                ):
                    started = time.perf_counter()
                    answer = requests.get(url, headers=headers, timeout=10)
                    bucket.append(time.perf_counter() - started)
                    answer.raise_for_status()

            def p95(values):
                return sorted(values)[int(len(values) * 0.95) - 1]

            self.results["verification page"] = {
                "median (ms)": 1000 * statistics.median(page),
                "p95 (ms)": 1000 * p95(page),
                "/web/health median (ms)": 1000 * statistics.median(health),
                "median / health": statistics.median(page) / statistics.median(health),
                "p95 / health p95": p95(page) / p95(health),
                "samples": len(page),
            }
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)

    # ------------------------------------------------------------------ report
    def report(self):
        targets = {
            ("first import", "requests / minimum"): 1.05,
            ("first import", "Odoo-side time / create floor"): 1.5,
            ("second import", "written"): 0,
            ("outbox", "overhead with / without"): 1.2,
            ("outbox", "requests per change"): 1.0,
            ("outbox", "five quick edits: PATCH requests"): 1,
            ("rate limit", "failed records"): 0,
        }
        print("\n== Benchmarks ==")
        for section, figures in self.results.items():
            print(f"\n{section}")
            for name, value in figures.items():
                shown = f"{value:.3f}" if isinstance(value, float) else str(value)
                target = targets.get((section, name))
                mark = ""
                if target is not None:
                    met = value <= target if target else value == 0
                    mark = f"   (target <= {target}: {'met' if met else 'NOT MET'})"
                print(f"  {name:<52} {shown}{mark}")
        out = ROOT / "benchmarks" / "results"
        out.mkdir(exist_ok=True)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        path = out / f"{stamp}{'-quick' if self.args.quick else ''}.json"
        path.write_text(json.dumps(self.results, indent=2))
        print(f"\nwritten to {path.relative_to(ROOT)}")

    def cleanup(self):
        self.sandbox.stop()
        if not self.args.keep:
            import odoo

            odoo.sql_db.close_db(self.database)
            run(["dropdb", "--if-exists", self.database])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="a fifth of the large company"
    )
    parser.add_argument(
        "--latency",
        type=float,
        default=0.005,
        help="seconds the sandbox adds to each request",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the database afterwards"
    )
    parser.add_argument(
        "--only",
        choices=("imports", "outbox", "rate", "references"),
        action="append",
        help="run only these parts (repeatable; the import always runs first)",
    )
    args = parser.parse_args()
    odoo, why = find_odoo()
    if odoo is None:
        raise SystemExit(f"the benchmarks need Odoo 18: {why}")
    prepare(odoo)
    bench = Bench(args, odoo)
    bench.start_sandbox()
    bench.create_database()
    try:
        bench.sign_in()
        parts = args.only or ["imports", "outbox", "rate", "references"]
        bench.bench_imports()
        if "outbox" in parts:
            bench.bench_outbox()
        if "rate" in parts:
            bench.bench_rate_limit()
        if "references" in parts:
            bench.bench_references()
    finally:
        if bench.results:
            bench.report()
        bench.cleanup()


if __name__ == "__main__":
    main()
