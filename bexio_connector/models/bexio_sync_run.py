# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
import time
from contextlib import contextmanager

import psycopg2

from odoo import api, fields, models
from odoo.exceptions import UserError

from bexio_api import errors

from ..exceptions import BexioNotConnected
from ..services import jobs
from ..services.record_changes import changed_values
from ..services.redact import redact

_logger = logging.getLogger(__name__)

# Seconds between two progress reports of a run: often enough to watch, rare enough to cost
# nothing next to the import.
PROGRESS_INTERVAL = 1.0
# run id -> [progress id, time of the last report]; runs live in one worker's thread.
_progress_of_runs = {}


class BexioSyncRun(models.Model):
    """One run of an import or sync: what it did, what failed and why, what it cost.

    Sync addons open a run with ``_open`` (or ``_start`` and ``_finish``), write what changed
    with ``_update`` or count with ``_count``, skip malformed bexio records with ``_each_valid``
    and log any other failed record with ``_log_failure``: the run goes on.

    A job runs its imports as steps (``_run_step``): each step's run is committed when it is
    done, and a retry of the same job skips the steps it already did. A step that fails
    leaves its run behind, "Waiting to retry" while queue_job tries again, "Failed" with
    the reason once it gives up; the bexio administrators then get an activity and the
    connection a banner with *Retry*.
    """

    _name = "bexio.sync.run"
    _description = "bexio Sync Run"
    _order = "started_at desc, id desc"

    connection_id = fields.Many2one(
        "bexio.connection", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="connection_id.company_id", store=True, index=True
    )
    kind = fields.Char(
        required=True, help='What was synced, e.g. "Employees from bexio".'
    )
    state = fields.Selection(
        [
            ("running", "Running"),
            ("done", "Done"),
            ("partial", "Done with errors"),
            ("retrying", "Waiting to retry"),
            ("failed", "Failed"),
        ],
        default="running",
        required=True,
    )
    step = fields.Char(
        readonly=True,
        help="Which step of a sync this run is, the same in every language (technical).",
    )
    job_uuid = fields.Char(
        "Job",
        readonly=True,
        index="btree_not_null",
        help="The queue_job job that ran it: its retries resume the same sync.",
    )
    started_at = fields.Datetime("Started", default=fields.Datetime.now, required=True)
    ended_at = fields.Datetime("Ended")
    duration = fields.Float(
        "Duration (s)", compute="_compute_duration", store=True, digits=(12, 1)
    )
    created_count = fields.Integer("Created")
    updated_count = fields.Integer("Updated")
    skipped_count = fields.Integer("Unchanged")
    failed_count = fields.Integer("Failed")
    requests_used = fields.Integer("bexio requests")
    message = fields.Text()
    line_ids = fields.One2many("bexio.sync.run.line", "run_id", string="Problems")

    @api.depends("started_at", "ended_at")
    def _compute_duration(self):
        for run in self:
            end = run.ended_at or run.started_at
            run.duration = (
                (end - run.started_at).total_seconds() if run.started_at else 0.0
            )

    @api.depends("kind", "started_at")
    def _compute_display_name(self):
        for run in self:
            run.display_name = (
                f"{run.kind} ({fields.Datetime.to_string(run.started_at)})"
            )

    @api.model
    def _start(self, connection, kind):
        context = connection.env.context
        return self.sudo().create(
            {
                "connection_id": connection.id,
                "kind": kind,
                "step": context.get("bexio_sync_step"),
                "job_uuid": context.get("job_uuid") or self.env.context.get("job_uuid"),
            }
        )

    @api.model
    @contextmanager
    def _open(self, connection, client, kind):
        """A run for ``kind`` that counts the bexio requests made inside the block.

        When the block fails, the run is kept (in a transaction of its own: the caller's is
        rolled back) with what went wrong; in a job, a transient failure hands the job back
        to queue_job's retry pattern (RetryableJobError).
        """
        run = self._start(connection, kind)
        before = client.requests_sent
        run._progress_begin()
        try:
            yield run
        except Exception as exc:
            run._progress_end()
            replacement = run._fail(exc, client.requests_sent - before)
            if replacement is None:
                raise
            raise replacement from exc
        run._progress_end()
        run._finish(requests_used=client.requests_sent - before)

    # -------------------------------------------------------------------- steps
    @api.model
    def _run_step(self, connection, step, func, *args, **kwargs):
        """Run ``func(connection, *args, **kwargs)``, an import that returns its sync run, as
        step ``step`` of the running job.

        A step this job already did (queue_job retrying it after a later step failed) is not
        run again: its run is returned. A step that is done is committed when the job may
        commit, so that what succeeded survives a later failure.
        """
        job_uuid = connection.env.context.get("job_uuid")
        if job_uuid:
            done = self.sudo().search(
                [
                    ("connection_id", "=", connection.id),
                    ("job_uuid", "=", job_uuid),
                    ("step", "=", step),
                    ("state", "in", ("done", "partial")),
                ],
                limit=1,
            )
            if done:
                _logger.info("bexio: step %s already done by job %s", step, job_uuid)
                return done
        run = func(connection.with_context(bexio_sync_step=step), *args, **kwargs)
        if job_uuid:
            # Its earlier failed attempts are superseded by this run.
            self.sudo().search(
                [
                    ("connection_id", "=", connection.id),
                    ("job_uuid", "=", job_uuid),
                    ("step", "=", step),
                    ("state", "=", "retrying"),
                ]
            ).unlink()
        connection._bexio_close_sync_failure()
        if jobs.may_commit(self.env):
            self.env.cr.commit()  # pylint: disable=invalid-commit
        return run

    def _fail(self, exc, requests_used=0):
        """Keep this run, failed by ``exc``, whatever happens to the caller's transaction.

        Returns the exception the caller raises instead of ``exc`` (None: ``exc`` itself):
        in a job with tries left, a transient failure becomes RetryableJobError, which
        queue_job retries by the job function's pattern; a permanent one (or the last try)
        fails the run, tells the bexio administrators and raises the message they act on.
        """
        self.ensure_one()
        if isinstance(exc, psycopg2.Error):
            # The transaction is aborted and nothing can be read in it; the job runner
            # retries what PostgreSQL refused.
            return None
        retry = jobs.is_transient(exc) and jobs.retries_left(self.env)
        message = self._failure_text(exc, retry)
        state = "retrying" if retry else "failed"
        self._save_failed(state, message, requests_used, notify=not retry)
        if retry:
            return jobs.retry_later(redact(str(exc)), exc)
        if isinstance(exc, errors.BexioError):
            return UserError(message)
        return None

    def _failure_text(self, exc, retry):
        if isinstance(exc, BexioNotConnected | UserError):
            return str(exc.args[0] if exc.args else exc)
        if not isinstance(exc, errors.BexioError) and not jobs.is_transient(exc):
            # A bug, not bexio: the job in Job Queue has the whole story.
            return self.env._(
                "The import stopped on an unexpected error (%(error)s). Odoo kept the "
                "steps done before it; the job in Settings > Technical > Job Queue has "
                'the details. Click "Retry" to run the rest again.',
                error=type(exc).__name__,
            )
        if retry:
            number, allowed = jobs.attempt(self.env)
            return self.env._(
                "bexio could not be reached (%(error)s). Odoo tries again by itself "
                "(attempt %(number)s of %(allowed)s); the steps already done are kept.",
                error=str(exc),
                number=number,
                allowed=allowed or "∞",
            )
        if jobs.is_transient(exc):
            return self.env._(
                "bexio could not be reached (%(error)s), also after Odoo tried again. "
                'Odoo kept the steps done before; click "Retry" when bexio answers again.',
                error=str(exc),
            )
        if isinstance(exc, errors.Forbidden):
            return self.env._(
                "bexio refused access (%(error)s). Check the rights of the bexio user who "
                'connected Odoo, then click "Retry".',
                error=exc.message,
            )
        return self.env._(
            'bexio answered with an error (%(error)s). Click "Retry" to run the import '
            "again; if it fails the same way, the message says what bexio refused.",
            error=str(exc),
        )

    def _save_failed(self, state, message, requests_used, notify):
        """Write this run as ``state``, with its problems, so that it outlives the failure.

        In a step of a job that may commit (``_run_step``), the failed step's work is rolled
        back here, the run written and committed: the steps before it stay committed. Else
        the caller's transaction is about to be rolled back, and this run with it: a copy is
        written in a transaction of its own, and the run itself goes, so that a caller that
        carries on (a synchronous import, a test) does not show it twice.
        """
        values = self.copy_data(
            {
                "state": state,
                "ended_at": fields.Datetime.now(),
                "message": redact(message),
                "requests_used": self.requests_used + requests_used,
            }
        )[0]
        values["line_ids"] = [
            fields.Command.create(
                {
                    "message": line.message,
                    "reference": line.reference,
                    "record_ref": line.record_ref
                    and f"{line.record_ref._name},{line.record_ref.id}",
                }
            )
            for line in self.line_ids
        ]
        connection = self.connection_id
        if self._in_committing_step():
            cr = self.env.cr
            cr.rollback()
            self.sudo().create(values)
            if notify:
                connection._bexio_report_sync_failure(values["message"])
            cr.commit()  # pylint: disable=invalid-commit
            return
        self.env.flush_all()
        with self.env.registry.cursor() as cr:
            env = self.env(cr=cr, su=True)
            env["bexio.sync.run"].create(values)
            if notify:
                connection.with_env(env)._bexio_report_sync_failure(values["message"])
        self.sudo().unlink()
        connection.invalidate_recordset()

    def _in_committing_step(self):
        return bool(self.step) and jobs.may_commit(self.env)

    # --------------------------------------------------------------- actions
    def action_retry(self):
        """Run the failed sync again: its job, which skips the steps it did already."""
        self.env["bexio.connection"]._check_manager()
        self.check_access("read")
        for connection in self.connection_id:
            connection.sudo()._bexio_retry_sync(
                self.filtered(lambda r, c=connection: r.connection_id == c).sudo()
            )
        return self.env["bexio.connection"]._bexio_notify(
            self.env._("The sync runs again in the background; see Sync runs.")
        )

    # ----------------------------------------------------------------- progress
    @contextmanager
    def _progress_records(self):
        """bexio.sync.progress in a short transaction of its own (see that model)."""
        with self.env.registry.cursor() as cr:
            yield self.env(cr=cr, su=True)["bexio.sync.progress"]

    def _progress_begin(self):
        with self._progress_records() as progress:
            # What a dead worker left behind for the same import is over.
            progress.search(
                [
                    ("connection_id", "=", self.connection_id.id),
                    ("kind", "=", self.kind),
                ]
            ).unlink()
            progress_id = progress.create(
                {"connection_id": self.connection_id.id, "kind": self.kind}
            ).id
        _progress_of_runs[self.id] = [progress_id, time.monotonic()]

    def _progress(self, done, total=0):
        """Report that ``done`` of ``total`` records are through (0: not known yet)."""
        state = _progress_of_runs.get(self.id)
        now = time.monotonic()
        if state is None or now - state[1] < PROGRESS_INTERVAL:
            return
        state[1] = now
        with self._progress_records() as progress:
            progress.browse(state[0]).write({"done": done, "total": total})

    def _progress_end(self):
        state = _progress_of_runs.pop(self.id, None)
        if state is not None:
            with self._progress_records() as progress:
                progress.browse(state[0]).unlink()

    def _each_valid(self, records, to_values=None):
        """``(record, values)`` for each bexio record that is well formed.

        ``values`` is what ``to_values`` makes of the record (None without it). A malformed
        record, or one ``to_values`` cannot read, is logged on the run and left out: it fails
        alone.
        """
        total = len(records) if isinstance(records, list | tuple) else 0
        for done, record in enumerate(records):
            self._progress(done, total)
            try:
                record.validate()
                values = to_values(record) if to_values else None
            except errors.InvalidRecord as exc:
                self._log_failure(exc.message, reference=str(record.get("id")))
                continue
            yield record, values

    def _create_records(self, model, values_by_ref, count=True):
        """Create ``values_by_ref`` ({bexio id: values}) in as few create() calls as Odoo takes.

        One batch is the fast path: create hooks (hr_timesheet's, the work contacts of
        employees) run once for all. When Odoo refuses a record, the batch is halved until
        each refused record stands alone; it is logged on the run with Odoo's reason and the
        others are created. Returns {bexio id: record}; ``count`` adds them to the run's
        created records.
        """
        created = {}

        def attempt(chunk):
            try:
                with self.env.cr.savepoint():
                    records = model.create([values for _ref, values in chunk])
            except (UserError, psycopg2.IntegrityError, psycopg2.DataError) as exc:
                if len(chunk) > 1:
                    attempt(chunk[: len(chunk) // 2])
                    attempt(chunk[len(chunk) // 2 :])
                    return
                reason = exc.args[0] if isinstance(exc, UserError) else exc.pgerror
                self._log_failure(
                    self.env._(
                        "bexio record %(ref)s was not imported: Odoo refused it (%(reason)s).",
                        ref=chunk[0][0],
                        reason=str(reason or exc).strip().splitlines()[0],
                    ),
                    reference=str(chunk[0][0]),
                )
                return
            created.update(zip((ref for ref, _values in chunk), records, strict=True))

        if values_by_ref:
            attempt(list(values_by_ref.items()))
        if count:
            self._count("created", len(created))
        return created

    def _update(self, record, values):
        """Write on ``record`` the ``values`` that differ, and count it updated or unchanged."""
        if changes := changed_values(record, values):
            record.write(changes)
            self._count("updated")
        else:
            self._count("skipped")

    def _count(self, what, number=1):
        field_name = f"{what}_count"
        self[field_name] += number

    def _log_failure(self, message, record_ref=None, reference=None):
        self.failed_count += 1
        self.env["bexio.sync.run.line"].sudo().create(
            {
                "run_id": self.id,
                # Read by bexio users without HR rights: no AHV number or IBAN in full.
                "message": redact(message),
                "record_ref": record_ref,
                "reference": reference,
            }
        )

    def _finish(self, requests_used=0, message=None, failed=False):
        state = "failed" if failed else ("partial" if self.failed_count else "done")
        values = {
            "state": state,
            "ended_at": fields.Datetime.now(),
            "requests_used": self.requests_used + requests_used,
        }
        if message is not None:  # keep what the run already said
            values["message"] = redact(message)
        self.write(values)


class BexioSyncRunLine(models.Model):
    _name = "bexio.sync.run.line"
    _description = "bexio Sync Run Problem"
    _order = "id"

    run_id = fields.Many2one(
        "bexio.sync.run", required=True, index=True, ondelete="cascade"
    )
    message = fields.Text(required=True)
    reference = fields.Char(help="bexio's identifier of the object concerned.")
    record_ref = fields.Reference(
        selection="_selection_record_ref",
        string="Odoo record",
        help="The Odoo record concerned.",
    )

    @api.model
    def _selection_record_ref(self):
        return [
            (model.model, model.name)
            for model in self.env["ir.model"].sudo().search([])
        ]
