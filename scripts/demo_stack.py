"""The whole product on this machine: PostgreSQL, the bexio sandbox with its demo company, and
Odoo 18 with the four addons installed and signed in to the sandbox.

``python scripts/demo_stack.py`` (or ``scripts/demo``) starts it and keeps it running until
Ctrl-C. The end-to-end tests start the same stack on other ports with ``DemoStack``.
"""

import argparse
import os
import re
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path

import requests
from odoo_env import (
    ROOT,
    fetch_odoo,
    find_odoo,
    install,
    odoo_bin,
    prepare,
    run,
    write_config,
)

ADDONS = ("bexio_payroll", "bexio_timesheet", "bexio_reference")
# The Swiss chart of accounts and VAT: invoices go to bexio with Swiss taxes mapped.
LOCALISATION = "l10n_ch"
SANDBOX_LOGIN = ("demo@sandbox.bexio.local", "demo")
SANDBOX_CLIENT = ("odoo-bexio-demo", "sandbox-secret")
APPROVER = ("approver", "approver")

# Run inside ``odoo-bin shell`` once, after the install (see the file).
CONFIGURE = (Path(__file__).parent / "demo_configure.py").read_text()


def wait_until(condition, what, timeout=90):
    """``condition()``'s first true value, polled twice a second; AssertionError after
    ``timeout`` seconds (for the end-to-end tests, which wait on what the server does)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.5)
    raise AssertionError(f"still waiting after {timeout} s: {what}")


class DemoStack:
    """The sandbox and an Odoo server with the addons, started as child processes."""

    def __init__(
        self,
        odoo,
        database="bexio_demo",
        odoo_port=8069,
        sandbox_port=8765,
        workdir=None,
        reset=False,
        log=print,
    ):
        self.odoo = Path(odoo)
        self.database = database
        self.odoo_port = odoo_port
        self.sandbox_port = sandbox_port
        self.workdir = Path(workdir or ROOT / ".cache" / "demo" / database)
        self.reset = reset
        self.log = log
        self.processes = []
        self.odoo_url = f"http://127.0.0.1:{odoo_port}"
        self.sandbox_url = f"http://127.0.0.1:{sandbox_port}"
        # The sandbox's admin API (/_sandbox) needs this token; passed in its environment,
        # not on its command line, where ps would show it.
        self.sandbox_admin_token = secrets.token_urlsafe(24)
        self.sandbox_admin_headers = {"X-Sandbox-Admin": self.sandbox_admin_token}
        self.sandbox_admin_link = (
            f"{self.sandbox_url}/_sandbox/?token={self.sandbox_admin_token}"
        )
        self.config = self.workdir / "odoo.cfg"

    # ---------------------------------------------------------------- starting
    def start(self, connect=True):
        self.workdir.mkdir(parents=True, exist_ok=True)
        prepare(self.odoo)
        self._start_sandbox()
        self._write_config()
        self._create_database()
        self._start_odoo()
        if connect:
            session = self.login("admin", "admin")
            if self.connection(session)["state"] != "connected":
                self.sign_in(session)
            self.wait_for_initial_import(session)
        return self

    def _spawn(self, name, cmd, **kwargs):
        logfile = (self.workdir / f"{name}.log").open("ab")
        process = subprocess.Popen(
            cmd,
            stdout=logfile,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            **kwargs,
        )
        self.processes.append(process)
        return process

    def _wait_for(self, url, what, process, timeout=120):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(
                    f"{what} stopped (exit {process.returncode}); see {self.workdir}"
                )
            try:
                if requests.get(url, timeout=2).status_code < 500:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"{what} did not answer at {url} within {timeout} s")

    def _start_sandbox(self):
        cmd = [
            sys.executable,
            "-m",
            "bexio_sandbox",
            "--db",
            str(self.workdir / "sandbox.db"),
            "serve",
            "--port",
            str(self.sandbox_port),
        ]
        if self.reset:
            cmd.append("--reset")
        env = dict(os.environ, BEXIO_SANDBOX_ADMIN_TOKEN=self.sandbox_admin_token)
        process = self._spawn("sandbox", cmd, cwd=ROOT, env=env)
        self._wait_for(f"{self.sandbox_url}/_sandbox/", "the bexio sandbox", process)
        self.log(f"bexio sandbox: {self.sandbox_url}")

    def _write_config(self):
        write_config(
            self.config,
            self.odoo,
            self.database,
            queue_job_channels="root:2",
            dbfilter=f"^{self.database}$",
            http_port=self.odoo_port,
            # a gevent port of its own, so two stacks can run side by side
            gevent_port=self.odoo_port + 3,
            server_wide_modules="base,web,queue_job",
            logfile=self.workdir / "odoo.log",
            log_level="info",
        )

    def _odoo_bin(self, *args, command=()):
        return odoo_bin(self.odoo, self.config, *args, command=command)

    def _database_exists(self):
        probe = subprocess.run(
            [
                "psql",
                "-d",
                "postgres",
                "-tAc",
                "select 1 from pg_database where datname = %s" % _quote(self.database),
            ],
            capture_output=True,
            text=True,
        )
        return probe.stdout.strip() == "1"

    def _create_database(self):
        if self.reset:
            run(["dropdb", "--if-exists", self.database], check=True)
        if self._database_exists():
            self.log(f"Odoo database {self.database}: kept (use --reset to start over)")
            return
        self.log(
            f"Odoo database {self.database}: installing {', '.join(ADDONS)} and "
            f"{LOCALISATION} (a few minutes the first time)"
        )
        installed = install(
            self.odoo, self.config, self.database, (*ADDONS, LOCALISATION)
        )
        if installed.returncode != 0:
            raise RuntimeError(
                f"installing the addons failed; see {self.workdir}/odoo.log"
            )
        env = dict(
            os.environ,
            DEMO_BASE_URL=self.odoo_url,
            DEMO_SANDBOX_URL=self.sandbox_url,
            DEMO_CLIENT_ID=SANDBOX_CLIENT[0],
            DEMO_CLIENT_SECRET=SANDBOX_CLIENT[1],
            DEMO_APPROVER=":".join(APPROVER),
        )
        configure = subprocess.run(
            self._odoo_bin("-d", self.database, "--no-http", command=("shell",)),
            input=CONFIGURE,
            text=True,
            env=env,
            cwd=ROOT,
            capture_output=True,
        )
        if configure.returncode != 0:
            raise RuntimeError(
                f"configuring the database failed:\n{configure.stderr[-2000:]}"
            )

    def _start_odoo(self):
        process = self._spawn("odoo-server", self._odoo_bin(), cwd=ROOT)
        self._wait_for(f"{self.odoo_url}/web/login", "Odoo", process, timeout=180)
        self.log(f"Odoo: {self.odoo_url} (admin / admin)")

    # ------------------------------------------------------------ using Odoo
    def login(self, login, password):
        """A requests session signed in to Odoo as ``login``."""
        session = requests.Session()
        page = session.get(f"{self.odoo_url}/web/login", timeout=30)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        answer = session.post(
            f"{self.odoo_url}/web/login",
            data={"login": login, "password": password, "csrf_token": token},
            timeout=30,
        )
        if "/web/login" in answer.url:
            raise RuntimeError(f"Odoo refused the login of {login}")
        return session

    def call(self, session, model, method, *args, **kwargs):
        answer = session.post(
            f"{self.odoo_url}/web/dataset/call_kw/{model}/{method}",
            json={
                "jsonrpc": "2.0",
                "method": "call",
                "params": {
                    "model": model,
                    "method": method,
                    "args": args,
                    "kwargs": kwargs,
                },
            },
            timeout=60,
        ).json()
        if "error" in answer:
            raise RuntimeError(answer["error"]["data"]["message"])
        return answer.get("result")

    def connection(self, session):
        """The main company's connection: the one the demo signs in; tests add others."""
        (main,) = self.call(
            session,
            "ir.model.data",
            "search_read",
            [("module", "=", "base"), ("name", "=", "main_company")],
            fields=["res_id"],
        )
        (connection,) = self.call(
            session,
            "bexio.connection",
            "search_read",
            [("company_id", "=", main["res_id"])],
            fields=["state", "name"],
        )
        return connection

    def sign_in(self, session):
        """ "Sign in with bexio" as a person would, with the sandbox's demo user."""
        from bexio_sandbox.testing import submit_login

        connection = self.connection(session)
        to_bexio = session.get(
            f"{self.odoo_url}/bexio/oauth/authorize/{connection['id']}",
            allow_redirects=False,
            timeout=30,
        )
        back = submit_login(to_bexio.headers["Location"], *SANDBOX_LOGIN)
        if back.status_code != 302:
            raise RuntimeError(f"the sandbox refused the sign-in: {back.text[:300]}")
        session.get(back.headers["Location"], timeout=60)
        connection = self.connection(session)
        if connection["state"] != "connected":
            raise RuntimeError(
                f"the connection is {connection['state']} after signing in"
            )
        self.log(f"Signed in to bexio: {connection['name']}")

    def wait_for_initial_import(self, session, timeout=600):
        """Wait until the jobs of the bexio channel are done, printing the import's progress."""
        deadline = time.monotonic() + timeout
        said = None
        while time.monotonic() < deadline:
            waiting = self.call(
                session,
                "queue.job",
                "search_count",
                [
                    ("channel", "=like", "root.bexio%"),
                    ("state", "not in", ("done", "failed", "cancelled")),
                ],
            )
            progress = self.call(
                session,
                "bexio.sync.progress",
                "search_read",
                [],
                fields=["display_name"],
            )
            line = (
                "; ".join(p["display_name"] for p in progress)
                or f"{waiting} job(s) waiting"
            )
            if line != said:
                self.log(f"  import: {line}")
                said = line
            if not waiting:
                break
            time.sleep(1)
        else:
            raise RuntimeError(f"the initial import did not finish within {timeout} s")
        runs = self.call(
            session,
            "bexio.sync.run",
            "search_read",
            [],
            fields=["kind", "state", "created_count", "failed_count"],
            order="id",
        )
        for sync_run in runs:
            self.log(
                f"  {sync_run['kind']}: {sync_run['created_count']} created, "
                f"{sync_run['failed_count']} failed ({sync_run['state']})"
            )

    # ---------------------------------------------------------------- stopping
    def stop(self):
        for process in reversed(self.processes):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
        self.processes.clear()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def _quote(name):
    return "'" + name.replace("'", "''") + "'"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="bexio_demo")
    parser.add_argument("--port", type=int, default=8069, help="Odoo's port")
    parser.add_argument("--sandbox-port", type=int, default=8765)
    parser.add_argument(
        "--reset", action="store_true", help="start over: new database and demo company"
    )
    parser.add_argument(
        "--no-connect",
        action="store_true",
        help='leave "Sign in with bexio" to you (the connection is prepared)',
    )
    args = parser.parse_args()
    odoo, why = find_odoo()
    if odoo is None and not os.environ.get("ODOO_SRC"):
        odoo, why = fetch_odoo()
    if odoo is None:
        print(
            f"Odoo 18 is needed to run the product: {why}\n"
            "Or run `docker compose up` with Docker. The sandbox alone runs with "
            "scripts/sandbox.",
            file=sys.stderr,
        )
        return 2
    stack = DemoStack(
        odoo,
        database=args.database,
        odoo_port=args.port,
        sandbox_port=args.sandbox_port,
        reset=args.reset,
    )
    # A plain kill stops the children too, as Ctrl-C does.
    signal.signal(signal.SIGTERM, lambda *_args: sys.exit(0))
    with stack:
        stack.start(connect=not args.no_connect)
        print(
            f"\nReady. Odoo: {stack.odoo_url} (admin / admin; approver / approver for the "
            "second signature)\n"
            f"bexio sandbox: {stack.sandbox_url} (sign in as {SANDBOX_LOGIN[0]} / "
            f"{SANDBOX_LOGIN[1]}; requests and faults at {stack.sandbox_admin_link})\n"
            f"Logs: {stack.workdir}. Ctrl-C stops both.",
            flush=True,
        )
        try:
            while all(p.poll() is None for p in stack.processes):
                time.sleep(1)
            print("A process stopped; see the logs.", file=sys.stderr)
            return 1
        except KeyboardInterrupt:
            print("\nStopping.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
