# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""An import that meets a failure: queue_job retries it, it resumes, and a person is told.

The import is the real one (accounts, contacts, users, projects, hours, employees) against
the sandbox over HTTP, run as the job runner runs it; faults come from the sandbox's admin API.
"""

import datetime

from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, new_test_user, tagged

from odoo.addons.bexio_connector.services import jobs
from odoo.addons.bexio_connector.tests.common import BexioSandboxCase

STEPS = [
    "master_data",
    "contacts",
    "users",
    "projects",
    "timesheets",
    "payroll_employees",
]


@tagged("post_install", "-at_install")
class TestSyncRetries(BexioSandboxCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.user.groups_id += (
            cls.env.ref("base.group_system")
            + cls.env.ref("bexio_connector.group_bexio_manager")
            + cls.env.ref("hr.group_hr_manager")
        )
        cls.manager = new_test_user(
            cls.env,
            "bexio_sync_manager",
            groups="base.group_user,bexio_connector.group_bexio_manager",
            company_id=cls.company.id,
        )
        cls.bexio_user = new_test_user(
            cls.env,
            "bexio_sync_user",
            groups="base.group_user,bexio_connector.group_bexio_user",
            company_id=cls.company.id,
        )

    def setUp(self):
        super().setUp()
        self.env["queue.job"].search([]).unlink()

    def import_job(self):
        self.sign_in(self.connection)  # enqueues the initial import
        [job] = self.jobs("bexio.connection", "_bexio_initial_import")
        return job

    def runs(self, job):
        """The latest run of each step of ``job``."""
        runs = self.env["bexio.sync.run"].search(
            [("job_uuid", "=", job.uuid)], order="id"
        )
        return {run.step: run for run in runs}

    def account_reads(self):
        return len(self.sandbox_requests("/2.0/accounts", "GET"))

    def test_an_outage_outlasting_the_sdk_is_retried_by_queue_job_and_resumes(self):
        # Four answers of 503: the SDK's own retries (about 3 s) run out on the projects.
        self.inject_fault(
            action="status", status=503, method="GET", path="^/2.0/pr_project", count=4
        )
        job = self.import_job()
        before = datetime.datetime.now()
        self.assertEqual(self.run_jobs("bexio.connection"), ["retry"])
        after = datetime.datetime.now()
        self.assertEqual((job.state, job.retry), ("pending", 1))
        # The job function's retry pattern ({1: 60, ...}) decides, not a delay of our own.
        self.assertTrue(
            before + datetime.timedelta(seconds=59)
            <= job.eta
            <= after + datetime.timedelta(seconds=61),
            f"retried at {job.eta}, attempt from {before} to {after}",
        )
        runs = self.runs(job)
        states = {step: runs[step].state for step in STEPS if step in runs}
        # Which addon's imports run first follows the order Odoo loads them in.
        states.pop("payroll_employees", None)
        self.assertEqual(
            states,
            {
                "master_data": "done",
                "contacts": "done",
                "users": "done",
                "projects": "retrying",
            },
        )
        self.assertIn("could not be reached", runs["projects"].message)
        self.assertIn("attempt 1 of", runs["projects"].message)
        self.assertFalse(self.connection.sync_failed_run_ids, "not failed: retrying")
        reads = self.account_reads()

        self.assertEqual(self.run_jobs("bexio.connection"), ["done"])
        runs = self.runs(job)
        self.assertEqual(sorted(step for step in runs if step), sorted(STEPS))
        self.assertEqual(set(runs[s].state for s in STEPS), {"done"})
        self.assertEqual(self.account_reads(), reads, "the steps done were not redone")
        projects = self.env["project.project"].with_context(active_test=False)
        self.assertEqual(
            projects.search_count([("bexio_project_ref", "!=", 0)]),
            len([p for p in self.sandbox_docs("pr_project") if not p.get("_deleted")]),
        )

    def test_a_failed_sync_keeps_what_succeeded_tells_the_managers_and_retries(self):
        self.inject_fault(
            action="status", status=403, method="GET", path="^/2.0/timesheet", count=1
        )
        job = self.import_job()
        self.assertEqual(
            self.run_jobs("bexio.connection", roll_back_failures=True), ["failed"]
        )
        self.assertEqual(job.state, "failed")
        self.assertIn("bexio refused access", job.exc_message)
        runs = self.runs(job)
        for step in ("master_data", "contacts", "users", "projects"):
            self.assertEqual(runs[step].state, "done", f"{step} was kept")
        self.assertGreater(
            self.env["project.project"].search_count([("bexio_project_ref", "!=", 0)]),
            0,
            "the projects imported before the failure are in Odoo",
        )
        failed = runs["timesheets"]
        self.assertEqual(failed.state, "failed")
        self.assertIn('click "Retry"', failed.message)
        # Where the user looks: the connection's banner, the runs list, an activity.
        connection = self.connection.with_user(self.manager)
        self.assertEqual(connection.sync_failed_run_ids, failed)
        self.assertIn("bexio refused access", connection.sync_failure)
        activities = self.connection.activity_ids.filtered(
            lambda a: a.activity_type_id
            == self.env.ref("bexio_connector.mail_activity_bexio_sync_failed")
        )
        self.assertIn(self.manager, activities.user_id)
        self.assertNotIn(self.bexio_user, activities.user_id)
        failed_runs = self.env["bexio.sync.run"].search(
            [("state", "=", "failed"), ("connection_id", "=", self.connection.id)]
        )
        self.assertIn(failed, failed_runs)

        # Retry is for bexio administrators, whatever the view shows.
        with self.assertRaises(AccessError):
            self.connection.with_user(self.bexio_user).action_bexio_retry_sync()
        with self.assertRaises(AccessError):
            failed.with_user(self.bexio_user).action_retry()
        reads = self.account_reads()
        connection.action_bexio_retry_sync()
        self.assertEqual(job.state, "pending", "the same job again")
        self.assertEqual(self.run_jobs("bexio.connection"), ["done"])
        runs = self.runs(job)
        self.assertEqual(runs["timesheets"].state, "done")
        self.assertEqual(self.account_reads(), reads, "the steps done were not redone")
        self.assertGreater(
            self.env["account.analytic.line"].search_count(
                [("bexio_timesheet_ref", "!=", 0)]
            ),
            0,
        )
        self.connection.invalidate_recordset()
        self.assertFalse(self.connection.sync_failed_run_ids)
        self.assertFalse(self.connection.sync_failure)
        self.assertFalse(activities.exists(), "the activities were closed")

    def test_the_last_attempt_fails_the_run_instead_of_retrying(self):
        self.inject_fault(
            action="status", status=503, method="GET", path="^/2.0/accounts", count=4
        )
        job = self.import_job()
        self.assertEqual(job.max_retries, jobs.SYNC_MAX_RETRIES)
        job.retry = job.max_retries - 1
        self.assertEqual(
            self.run_jobs("bexio.connection", roll_back_failures=True), ["failed"]
        )
        run = self.runs(job)["master_data"]
        self.assertEqual(run.state, "failed")
        self.assertIn("also after Odoo tried again", run.message)
        self.assertEqual(self.connection.sync_failed_run_ids, run)

    def test_every_bexio_job_has_a_job_function_and_a_related_action(self):
        job = self.import_job()
        self.run_jobs("bexio.connection")
        connection = self.connection
        connection.action_bexio_refresh()
        connection.action_bexio_import_employees()
        connection.action_sync_now()
        employee = self.env["hr.employee"].search(
            [("bexio_payroll_ref", "!=", False)], limit=1
        )
        employee.private_phone = "+41 79 555 66 77"
        self.run_outbox_cron_if_asked()
        queued = self.env["queue.job"].search([])
        self.assertEqual(
            set(queued.mapped("method_name")),
            {
                "_bexio_initial_import",
                "_bexio_refresh_job",
                "_bexio_import_employees_job",
                "_bexio_sync",
                "_process",
            },
        )
        for record in queued:
            function = record.job_function_id
            self.assertTrue(function, f"{record.method_name} has a job function")
            self.assertTrue(function.retry_pattern, record.method_name)
            action = record.open_related_action()
            if record.method_name == "_process":
                self.assertEqual(action["res_model"], "bexio.outbox")
                self.assertIn(action["res_id"], record.records.ids)
            elif record == job:
                # The sync runs it made.
                self.assertEqual(action["res_model"], "bexio.sync.run")
                self.assertEqual(
                    self.env["bexio.sync.run"].search(action["domain"]),
                    self.env["bexio.sync.run"].search([("job_uuid", "=", job.uuid)]),
                )
            else:
                # Not run yet: its connection.
                self.assertEqual(
                    (action["res_model"], action["res_id"]),
                    ("bexio.connection", connection.id),
                )
            if record.model_name == "bexio.connection":
                self.assertTrue(function.allow_commit, record.method_name)

    def test_a_synchronous_import_that_fails_leaves_its_run(self):
        self.sign_in(self.connection)
        # More 500s than the SDK retries: outside a job nothing retries, the run fails.
        self.inject_fault(
            action="status", status=500, method="GET", path="^/4.0/payroll", count=4
        )
        with self.raises_keeping_writes(UserError):
            self.env["hr.employee"]._bexio_import_employees(self.connection)
        run = self.env["bexio.sync.run"].search(
            [("kind", "=", "Employees from bexio")], limit=1
        )
        self.assertEqual(run.state, "failed")
        self.assertEqual(
            self.env["bexio.sync.run"].search_count(
                [("kind", "=", "Employees from bexio"), ("state", "=", "running")]
            ),
            0,
        )
