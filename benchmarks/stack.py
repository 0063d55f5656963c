"""The stack the figures run on: a sandbox with a large company, an Odoo database with the addons
installed and a bexio connection signed in."""

import datetime
import sys
import threading
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from odoo_env import install, odoo_bin, run, write_config  # noqa: E402

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
        # A real account's contacts were saved over the years, one now and then: stamped
        # all at once, every one would fall into the hourly sync's hour of overlap.
        newest = datetime.datetime.now() - datetime.timedelta(days=1)
        with store.transaction():
            for hours, doc in enumerate(reversed(store.all(COMPANY, "contact"))):
                saved = newest - datetime.timedelta(hours=hours)
                store.put(
                    COMPANY,
                    "contact",
                    doc["id"],
                    {**doc, "updated_at": saved.strftime("%Y-%m-%d %H:%M:%S")},
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
    def env(self, job=False):
        """The administrator's environment; ``job``: as a queued sync job runs, in sudo.

        The crons and buttons queue the syncs from sudo, and queue_job keeps that: an import
        run without it meets the rules that keep users from writing bexio's fields.
        """
        from odoo import SUPERUSER_ID, api

        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            yield env(user=env.ref("base.user_admin"), su=job)

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

    def cleanup(self):
        self.sandbox.stop()
        if not self.args.keep:
            import odoo

            odoo.sql_db.close_db(self.database)
            run(["dropdb", "--if-exists", self.database])
