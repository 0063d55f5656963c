# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import time
from contextlib import contextmanager

import psycopg2

from odoo import api, fields, models
from odoo.exceptions import UserError

from bexio_api import errors

from ..services.record_changes import changed_values
from ..services.redact import redact

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
            ("failed", "Failed"),
        ],
        default="running",
        required=True,
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
        return self.sudo().create({"connection_id": connection.id, "kind": kind})

    @api.model
    @contextmanager
    def _open(self, connection, client, kind):
        """A run for ``kind`` that counts the bexio requests made inside the block."""
        run = self._start(connection, kind)
        before = client.requests_sent
        run._progress_begin()
        try:
            yield run
        finally:
            run._progress_end()
        run._finish(requests_used=client.requests_sent - before)

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
