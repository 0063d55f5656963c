# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Test helpers: a real local bexio (the sandbox) on 127.0.0.1, and real queue_job jobs."""

import traceback
from contextlib import contextmanager, nullcontext
from unittest.mock import patch
from urllib.parse import urlsplit

from odoo.tests.common import _super_send

from odoo.addons.bexio_connector.models.bexio_outbox import OUTBOX_CRON
from odoo.addons.queue_job.controllers.main import RunJobController
from odoo.addons.queue_job.exception import RetryableJobError
from odoo.addons.queue_job.job import ENQUEUED, PENDING, Job

from bexio_sandbox import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, SandboxServer
from bexio_sandbox.testing import redirect_params, submit_login


class BexioSandboxCase:
    """Mixin for Odoo test classes: a seeded sandbox per class, the connector pointed at it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if cls.registry.test_cr is None:
            # The connector writes tokens and outbox claims in short transactions of their own
            # (registry.cursor()); in test mode those share the test's transaction, as
            # HttpCase arranges.
            cls.registry.enter_test_mode(cls.cr)
            cls.addClassCleanup(cls.registry.leave_test_mode)
        cls.sandbox = SandboxServer().start()
        cls.addClassCleanup(cls.sandbox.stop)
        params = cls.env["ir.config_parameter"].sudo()
        params.set_param("bexio_connector.client_id", DEMO_CLIENT_ID)
        params.set_param("bexio_connector.client_secret", DEMO_CLIENT_SECRET)
        params.set_param("bexio_connector.api_url", cls.sandbox.url)
        params.set_param("bexio_connector.auth_url", cls.sandbox.issuer)
        cls.company = cls.env.company
        cls.connection = cls.env["bexio.connection"].create(
            {"company_id": cls.company.id}
        )

    def setUp(self):
        super().setUp()
        # The sandbox lives for the class; each test starts from a clean log and no faults.
        self.sandbox_admin("DELETE", "requests")
        self.sandbox_admin("DELETE", "faults")
        self.sandbox_admin(
            "POST", "companies/alpenblick01/payroll", json={"enabled": True}
        )
        self.sandbox.app.rate_limiter.reset()

    @classmethod
    def _request_handler(cls, s, r, /, **kw):
        # Odoo's blocker assumes a number for ``timeout``; the SDK sends (connect, read).
        # Requests to the local sandbox go through as they are; everything else is blocked.
        if urlsplit(r.url).hostname in ("127.0.0.1", "localhost"):
            return _super_send(s, r, **kw)
        return super()._request_handler(s, r, **kw)

    def with_features(self, *features, only=False):
        """Ask for the scopes of ``features`` at sign-in, as if their sync addons were installed.

        ``only=True`` asks for exactly these, whatever other bexio addons the test database has.
        """
        model = self.registry["bexio.connection"]
        original = model._bexio_sync_features
        return patch.object(
            model,
            "_bexio_sync_features",
            lambda rec: [*features] if only else [*original(rec), *features],
        )

    @contextmanager
    def raises_keeping_writes(self, exception):
        """Like assertRaises, without Odoo's savepoint rollback.

        Odoo's assertRaises rolls back what the block wrote. The connector commits some writes
        in short transactions of their own precisely so that they survive the caller's
        failure; in test mode those share the test's transaction, so keep them.
        """
        try:
            yield
        except exception:
            return
        self.fail(f"{exception.__name__} was not raised")

    # -------------------------------------------------------------- sign-in
    @classmethod
    def sign_in(cls, connection, **login):
        """Connect through the connector's own code, with bexio's sign-in filled in by hand."""
        url = connection._start_authorization()
        params = redirect_params(submit_login(url, **login))
        return connection._finish_authorization(params["state"], params["code"])

    # -------------------------------------------------------- sandbox admin
    def sandbox_admin(self, method, path, **kwargs):
        answer = self.sandbox.admin(method, path, **kwargs)
        answer.raise_for_status()
        return answer.json()

    def inject_fault(self, **rule):
        """Add a fault rule to the sandbox (see bexio_sandbox.faults)."""
        return self.sandbox_admin("POST", "faults", json=rule)

    def sandbox_requests(self, path=None, method=None):
        return [
            e
            for e in self.sandbox_admin("GET", "requests")
            if (path is None or e["path"] == path)
            and (method is None or e["method"] == method)
        ]

    def sandbox_docs(self, kind, company="alpenblick01"):
        return self.sandbox.app.store.all(company, kind)

    # ------------------------------------------------------------ queue_job
    def jobs(self, model, method):
        """The queue_job jobs that call ``method`` of ``model``, oldest first."""
        return (
            self.env["queue.job"]
            .sudo()
            .search(
                [("model_name", "=", model), ("method_name", "=", method)], order="id"
            )
        )

    def run_jobs(self, model=None, method=None, roll_back_failures=False):
        """Run the enqueued queue_job jobs the way the job runner does; return their states.

        A job raising RetryableJobError is postponed, as the runner postpones it; the test
        transaction is not rolled back, so the outbox relies on its own short transactions
        for what must survive a retry, exactly as in production.

        ``roll_back_failures=True`` undoes what a failed attempt wrote and marks a job that
        raised anything else failed, as the runner does (in test mode the short transactions
        are undone too: an outbox item then simply starts over). A job whose function allows
        commits runs in a cursor of its own, which undoes what it did not commit, as in
        production.
        """
        self.env.cr.flush()  # as a commit would, before the runner sees anything
        # A save asks the outbox cron to run now; it queues the items' jobs.
        self.run_outbox_cron_if_asked()
        domain = [("state", "in", (PENDING, ENQUEUED))]
        if model:
            domain.append(("model_name", "=", model))
        if method:
            domain.append(("method_name", "=", method))
        return self._run_job_records(domain, roll_back_failures)

    def outbox_cron_triggers(self):
        cron = self.env.ref(OUTBOX_CRON)
        return self.env["ir.cron.trigger"].sudo().search([("cron_id", "=", cron.id)])

    def run_outbox_cron_if_asked(self):
        """Run the outbox cron when a save asked for it, as a cron worker would."""
        triggers = self.outbox_cron_triggers()
        if triggers:
            triggers.unlink()
            self.env["bexio.outbox"]._cron_resume()

    def _run_job_records(self, domain, roll_back_failures):
        results = []
        env = self.env(
            su=True
        )  # as the runner: jobs then run as the user who queued them
        for record in env["queue.job"].search(domain, order="id"):
            job = Job.load(env, record.uuid)
            job.set_started()
            job.store()
            attempt = (
                self.env.cr.savepoint()
                if roll_back_failures and not job.job_config.allow_commit
                else nullcontext()
            )
            try:
                with attempt:
                    RunJobController._try_perform_job(env, job)
                results.append("done")
            except RetryableJobError as err:
                if roll_back_failures:
                    self.env.invalidate_all(flush=False)
                job.postpone(result=str(err), seconds=err.seconds)
                job.set_pending(reset_retry=False)
                job.store()
                results.append("retry")
            except Exception as err:
                if not roll_back_failures:
                    raise
                self.env.invalidate_all(flush=False)
                job.set_failed(
                    exc_name=type(err).__name__,
                    exc_message=str(err),
                    exc_info=traceback.format_exc(),
                )
                job.store()
                results.append("failed")
            # What the job wrote in a cursor of its own is not in this environment's cache.
            self.env.invalidate_all()
        return results
