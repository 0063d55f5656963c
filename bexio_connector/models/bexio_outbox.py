# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The outbox: changes waiting to be sent to bexio, one item per record and target.

An item is written in the same transaction as the business change, so a change is never lost
and never sent twice. A queue_job job sends it: it reads the record's *current* state, calls the
sync addon's push function, and ends the item. While an item is pending or being processed,
further changes of the same record and target merge into it.

Recording is one SQL statement, because it runs inside every user's save. A save that made new
items asks the outbox cron to run at once; the cron queues one job per waiting item.

State changes that must survive a rolled-back job (claiming an item, recording a transient
failure, storing a new remote id) are written in short transactions of their own.

Retries are queue_job's: a transient failure raises RetryableJobError and the job function's
retry pattern decides when the job runs again (``services.jobs``); the item only shows when
that is. What queue_job cannot do stays here: merging changes into one item, and sending the
record's current state rather than the one of the change.

Items are written by the outbox alone: no user creates, edits or deletes one, bexio
administrators included. An item names the record the superuser's job sends and the
connection it goes to, so whoever could edit one could send any record to any bexio company;
users act on items through ``action_retry`` and ``action_cancel``, which check their group.
"""

import logging
from datetime import timedelta

import psycopg2

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL

from odoo.addons.queue_job.exception import RetryableJobError

from bexio_api import errors

from ..exceptions import BexioNotConnected
from ..services import cron_waker, jobs
from ..services.redact import redact

_logger = logging.getLogger(__name__)

OPEN_STATES = ("pending", "processing")
OUTBOX_CRON = "bexio_connector.ir_cron_bexio_outbox_resume"
# The columns of Odoo 18's ir_cron_trigger that the save writes by hand, because
# ``ir.cron._trigger()`` costs more than the rest of the outbox. An Odoo that adds a required
# column or renames one breaks this INSERT: test_cron_trigger_sql compares it with the
# catalogue and with the model's stored fields, so such a change fails a test, not a save.
CRON_TRIGGER_COLUMNS = (
    "cron_id",
    "call_at",
    "create_uid",
    "create_date",
    "write_uid",
    "write_date",
)
STALE_PROCESSING = timedelta(minutes=30)


class BexioOutbox(models.Model):
    _name = "bexio.outbox"
    _description = "bexio Outbox Item"
    _order = "id desc"
    _rec_name = "display_name"

    connection_id = fields.Many2one(
        "bexio.connection", required=True, index=True, ondelete="cascade", readonly=True
    )
    company_id = fields.Many2one(
        related="connection_id.company_id", store=True, index=True, readonly=True
    )
    res_model = fields.Char("Model", required=True, index=True, readonly=True)
    res_id = fields.Many2oneReference(
        "Record ID", model_field="res_model", index=True, readonly=True
    )
    record_name = fields.Char(readonly=True)
    target = fields.Char(
        required=True, readonly=True, help="What in bexio the record is sent to."
    )
    target_label = fields.Char("Sent to", compute="_compute_target_label")
    state = fields.Selection(
        [
            ("pending", "Waiting"),
            ("processing", "Sending"),
            ("done", "Sent"),
            ("partial", "Sent in part"),
            ("failed", "Failed"),
            ("cancelled", "Cancelled"),
        ],
        default="pending",
        required=True,
        index=True,
        readonly=True,
    )
    changed_fields = fields.Char(
        readonly=True, help="Fields changed since the last send."
    )
    revision = fields.Integer(
        default=1, readonly=True, help="Raised by every merged change."
    )
    processed_revision = fields.Integer(readonly=True)
    attempts = fields.Integer(readonly=True)
    next_attempt_at = fields.Datetime(
        readonly=True,
        index=True,
        help="When the job runner tries again, by the retry pattern of the outbox job.",
    )
    processing_started_at = fields.Datetime(readonly=True)
    last_error = fields.Text(readonly=True)
    remote_ref = fields.Char("bexio reference", readonly=True)
    done_at = fields.Datetime(readonly=True)

    @api.depends("record_name", "target", "res_model", "res_id")
    def _compute_display_name(self):
        for item in self:
            item.display_name = f"{item.target}: {item.record_name or item.res_model}"

    # ------------------------------------------------------------ no user writes
    @api.model_create_multi
    def create(self, vals_list):
        self._check_written_by_outbox()
        return super().create(vals_list)

    def write(self, vals):
        self._check_written_by_outbox()
        return super().write(vals)

    def unlink(self):
        self._check_written_by_outbox()
        return super().unlink()

    def _check_written_by_outbox(self):
        # The access rights grant no one write access; this holds should a group ever get it.
        if not self.env.su:
            raise AccessError(
                self.env._(
                    "Outbox items change only through the outbox itself: use Retry or Cancel "
                    "on an item instead of editing it."
                )
            )

    # -------------------------------------------------------------- recording
    def init(self):
        # At most one open item per record and target: the upsert below merges into it, and
        # two transactions saving the same record at once end with one item, not two.
        self.env.cr.execute(
            """
            UPDATE bexio_outbox SET state = 'cancelled'
             WHERE state IN %(open)s AND id NOT IN (
                   SELECT MIN(id) FROM bexio_outbox WHERE state IN %(open)s
                    GROUP BY connection_id, res_model, res_id, target)
            """,
            {"open": OPEN_STATES},
        )
        self.env.cr.execute(
            "CREATE UNIQUE INDEX IF NOT EXISTS bexio_outbox_open_uniq ON bexio_outbox "
            "(connection_id, res_model, res_id, target) WHERE state IN ('pending', 'processing')"
        )

    @api.model
    def _record_change(self, connection, record, target, field_names):
        """Queue ``record`` for ``target`` (see ``_record_changes``)."""
        return self._record_changes(connection, [(record, target, field_names)])

    @api.model
    def _record_changes(self, connection, changes):
        """Queue ``changes``, (record, target, changed field names), for ``connection``.

        Runs inside the user's save, so it is one statement: each change merges into the open
        item of its record and target or becomes a new one. When new items were made, the same
        statement asks the outbox cron to run now (once per transaction); the cron queues a
        job per item and cancels the failed items the new ones supersede. Returns the items.
        """
        merged = {}  # one row per record and target: a statement can touch a row once
        for record, target, names in changes:
            merged.setdefault((record, target), set()).update(names)
        if not merged:
            return self.browse()
        new_items = SQL(", ").join(
            SQL(
                "(%s, %s, %s, %s, %s)",
                record._name,
                record.id,
                record._bexio_outbox_label() or None,
                target,
                ",".join(sorted(names)),
            )
            for (record, target), names in merged.items()
        )
        now = fields.Datetime.now()
        cron_id = self._cron_to_wake()
        self.flush_model()
        self.env.cr.execute(
            SQL(
                """
                WITH recorded AS (
                    INSERT INTO bexio_outbox AS item (
                        connection_id, company_id, res_model, res_id, record_name, target,
                        changed_fields, state, revision, attempts,
                        create_uid, create_date, write_uid, write_date)
                    SELECT connection.id, connection.company_id, new.res_model, new.res_id,
                           new.record_name, new.target, new.changed_fields, 'pending', 1, 0,
                           %(uid)s, %(now)s, %(uid)s, %(now)s
                      FROM bexio_connection AS connection,
                           (VALUES %(new_items)s)
                           AS new(res_model, res_id, record_name, target, changed_fields)
                     WHERE connection.id = %(connection)s
                    ON CONFLICT (connection_id, res_model, res_id, target)
                       WHERE state IN ('pending', 'processing')
                    DO UPDATE SET
                        changed_fields = (
                            SELECT string_agg(DISTINCT name, ',' ORDER BY name)
                              FROM unnest(string_to_array(
                                   concat_ws(',', item.changed_fields, EXCLUDED.changed_fields),
                                   ','
                              )) AS name
                             WHERE name <> ''),
                        revision = item.revision + 1,
                        record_name = EXCLUDED.record_name,
                        write_uid = EXCLUDED.write_uid,
                        write_date = EXCLUDED.write_date
                    RETURNING item.id, item.xmax = 0 AS inserted
                ), cron_trigger AS (
                    INSERT INTO ir_cron_trigger (%(trigger_columns)s)
                    SELECT %(cron)s::int, %(now)s, %(uid)s, %(now)s, %(uid)s, %(now)s
                     WHERE %(cron)s IS NOT NULL AND EXISTS (SELECT FROM recorded WHERE inserted)
                    RETURNING id
                )
                SELECT id, EXISTS (SELECT FROM cron_trigger) FROM recorded
                """,
                uid=self.env.uid,
                now=now,
                new_items=new_items,
                connection=connection.id,
                cron=cron_id,
                trigger_columns=SQL(", ").join(
                    SQL.identifier(name) for name in CRON_TRIGGER_COLUMNS
                ),
            )
        )
        result = self.env.cr.fetchall()
        self.invalidate_model()
        if result and result[0][1]:
            self.env.cr.precommit.data["bexio.outbox.woken"] = True
            dbname = self.env.cr.dbname
            self.env.cr.postcommit.add(lambda: cron_waker.wake_cron_workers(dbname))
        return self.sudo().browse([item_id for item_id, _woken in result])

    @api.model
    def _unsent_fields(self, records):
        """{record id: field names} of ``records``' saves that bexio does not have yet.

        Waiting, sending and failed items count: until they are sent, bexio's value of
        those fields is older than Odoo's, and an import must not write it back.
        """
        unsent = {}
        for item in self.sudo().search_read(
            [
                ("res_model", "=", records._name),
                ("res_id", "in", records.ids),
                ("state", "in", ("pending", "processing", "failed")),
            ],
            ["res_id", "changed_fields"],
        ):
            names = set(filter(None, (item["changed_fields"] or "").split(",")))
            unsent.setdefault(item["res_id"], set()).update(names)
        return unsent

    @api.model
    def _cron_to_wake(self):
        """The outbox cron's id, unless this transaction has asked it to run already.

        Its trigger is written with the items and the workers are signalled after the commit
        (``services.cron_waker``): ``ir.cron._trigger()`` would cost a save more than all the
        rest of the outbox.
        """
        if self.env.cr.precommit.data.get("bexio.outbox.woken"):
            return None
        return self.env["ir.model.data"]._xmlid_to_res_id(
            OUTBOX_CRON, raise_if_not_found=False
        )

    def _enqueue(self, eta=None):
        for item in self:
            item.with_delay(
                channel=item.connection_id._bexio_channel(),
                eta=eta,
                description=f"bexio: send {item.target} of {item.record_name}",
                identity_key=f"bexio-outbox-{item.id}",
                max_retries=jobs.OUTBOX_MAX_RETRIES,
            )._process()

    # ------------------------------------------------------------- processing
    def _process(self):
        """Job: send one item. Idempotent: a done or cancelled item is left alone."""
        self.ensure_one()
        claimed = self._claim()
        if not claimed:
            return "nothing to do"
        # The claim is committed, the job's transaction not yet: when the runner rolls that
        # back and runs the job again (PostgreSQL refusing one of two jobs that write the same
        # record at once), the retry must find the item open, not claimed by the undone try.
        self.env.cr.postrollback.add(self._reopen_claim)
        revision = claimed
        if not self._sends_a_synced_model():
            return self._refuse()
        record = self.env[self.res_model].browse(self.res_id).exists()
        if not record:
            self._finish(
                "cancelled", self.env._("The record was deleted before it was sent.")
            )
            return "record deleted"
        if not record._bexio_may_send_to(self.connection_id):
            return self._refuse(record)
        try:
            remote_ref = record.with_context(bexio_no_outbox=True)._bexio_push(
                self.target, self
            )
        except BexioNotConnected as exc:
            # Nothing bexio can do until an admin reconnects: the item waits, and the
            # reconnect queues it again (_after_connect).
            self._release("pending", str(exc))
            return "waiting for reconnect"
        except errors.BexioError as exc:
            if exc.transient and not jobs.is_last_attempt(self.env):
                self._release(
                    "pending",
                    self._error_text(exc),
                    delay=jobs.next_retry_in(self.env, jobs.retry_seconds(exc)),
                )
                raise jobs.retry_later(redact(str(exc)), exc) from exc
            self._finish("failed", self._error_text(exc), revision=revision)
            _logger.info("bexio: outbox item %s failed: %s", self.id, redact(str(exc)))
            return "failed"
        except (UserError, ValidationError) as exc:
            self._finish("failed", self._error_text(exc), revision=revision)
            _logger.info("bexio: outbox item %s failed: %s", self.id, redact(str(exc)))
            return "failed"
        # A push may answer (reference, warning): sent, but with something the user should know.
        warning = False
        if isinstance(remote_ref, tuple):
            remote_ref, warning = remote_ref
        state = "partial" if warning else "done"
        self._finish(state, warning, remote_ref=remote_ref, revision=revision)
        return "sent"

    @api.depends("target")
    def _compute_target_label(self):
        # The targets of the bexio apps; another's key reads as words, not as snake_case.
        labels = {
            "payroll_employee": self.env._("Employee in bexio payroll"),
            "employee_contact": self.env._("Employee's bexio contact"),
            "payroll_absence": self.env._("Absence in bexio payroll"),
            "invoice": self.env._("Invoice in bexio"),
            "timesheet": self.env._("Timesheet in bexio"),
        }
        for item in self:
            key = item.target or ""
            item.target_label = labels.get(key) or key.replace("_", " ").capitalize()

    def _sends_a_synced_model(self):
        Model = self.env.get(self.res_model)
        return Model is not None and self.target in getattr(Model, "_bexio_targets", {})

    def _refuse(self, record=None):
        """Fail an item that points at what its connection must not send; send nothing.

        Users cannot write items, so only a change behind Odoo's back (SQL, a restored copy)
        or a record moved to another company since the change leads here.
        """
        _logger.warning(
            "bexio: outbox item %s refused: %s,%s is not sent through connection %s",
            self.id,
            self.res_model,
            self.res_id,
            self.connection_id.id,
        )
        if record is None:
            message = self.env._(
                "Not sent: this item names nothing Odoo sends to bexio (%(model)s, "
                "%(target)s).",
                model=self.res_model,
                target=self.target,
            )
        else:
            message = self.env._(
                "Not sent: %(record)s belongs to another company than the connection. Odoo "
                "sends a record only to the bexio of the record's own company.",
                record=self.record_name or self.res_model,
            )
        self._finish("failed", message)
        return "refused"

    def _claim(self):
        """Lock the item in a short transaction and mark it processing.

        Returns the revision being processed, or 0 when another worker has it or it is not
        open. Because the claim is committed, two workers never send the same item.
        """
        now = fields.Datetime.now()
        self.env.flush_all()
        with self.env.registry.cursor() as cr:
            cr.execute("SET LOCAL lock_timeout = '5s'")
            try:
                cr.execute(
                    "SELECT state, revision, processing_started_at FROM bexio_outbox "
                    "WHERE id = %s FOR UPDATE NOWAIT",
                    [self.id],
                )
            except (
                psycopg2.errors.LockNotAvailable,
                psycopg2.errors.SerializationFailure,
            ) as exc:
                # A user's transaction is merging a change into it right now, or another
                # worker claimed it since this transaction began: come back by the retry
                # pattern (and then find it taken or open again).
                raise RetryableJobError("outbox item busy") from exc
            row = cr.fetchone()
            if not row:
                return 0
            state, revision, started = row
            stale = started and now - started > STALE_PROCESSING
            if state != "pending" and not (state == "processing" and stale):
                return 0
            cr.execute(
                "UPDATE bexio_outbox SET state = 'processing', "
                "attempts = COALESCE(attempts, 0) + 1, "
                "processing_started_at = %s, write_date = %s WHERE id = %s",
                [now, now, self.id],
            )
        self.invalidate_recordset()
        return revision

    def _reopen_claim(self):
        """Open the item again if it is still claimed: its job was rolled back mid-send."""
        now = fields.Datetime.now()
        with self.env.registry.cursor() as cr:
            cr.execute(
                "UPDATE bexio_outbox SET state = 'pending', processing_started_at = NULL, "
                "next_attempt_at = %s, write_date = %s WHERE id = %s AND state = 'processing'",
                [now, now, self.id],
            )

    def _release(self, state, error, delay=None):
        """Record a failed attempt in its own transaction (the job's will be rolled back).

        ``delay`` is when queue_job runs the job again (None: not by itself).
        """
        now = fields.Datetime.now()
        next_attempt = now + timedelta(seconds=delay) if delay is not None else None
        self.env.flush_all()
        with self.env.registry.cursor() as cr:
            cr.execute(
                "UPDATE bexio_outbox SET state = %s, last_error = %s, next_attempt_at = %s, "
                "processing_started_at = NULL, write_date = %s WHERE id = %s",
                [state, redact(error), next_attempt, now, self.id],
            )
        self.invalidate_recordset()

    def _finish(self, state, error, remote_ref=None, revision=None):
        """End the item, unless changes arrived while it was being sent: then send again.

        ``revision`` is the one ``_claim()`` returned. Like the claim, this runs in a short
        transaction of its own: the job's transaction took its snapshot before the claim was
        committed, and PostgreSQL would refuse to let it update the same row.
        """
        now = fields.Datetime.now()
        self.env.flush_all()
        with self.env.registry.cursor() as cr:
            item = self.with_env(self.env(cr=cr, su=True))
            cr.execute(
                "SELECT revision FROM bexio_outbox WHERE id = %s FOR UPDATE", [self.id]
            )
            current = cr.fetchone()[0]
            values = {
                # Read by bexio users without HR rights: no AHV number or IBAN in full.
                "last_error": redact(error) or False,
                "processing_started_at": False,
                "processed_revision": revision or current,
            }
            if remote_ref:
                values["remote_ref"] = remote_ref
            sent = state in ("done", "partial")
            if (sent or state == "failed") and revision and current != revision:
                # The record changed while it was being sent: send its newer state.
                values.update(state="pending", next_attempt_at=now)
                item.write(values)
                item._enqueue()
            else:
                values.update(state=state, done_at=now if sent else False)
                if sent:
                    values["changed_fields"] = False
                item.write(values)
            item.env.flush_all()
        self.invalidate_recordset()

    def _error_text(self, exc):
        if isinstance(exc, errors.ValidationError):
            return self.env._(
                "bexio refused the data: %(message)s. Correct the record in Odoo; it is sent "
                'again when you save it, or click "Retry".',
                message=exc.message,
            )
        if isinstance(exc, errors.Forbidden):
            return self.env._(
                "bexio refused access: %(message)s. Check the rights of the bexio user who "
                'connected Odoo, then click "Retry".',
                message=exc.message,
            )
        if isinstance(exc, errors.BexioError) and exc.transient:
            if jobs.is_last_attempt(self.env):
                return self.env._(
                    "bexio could not be reached (%(message)s), also after %(count)s "
                    'attempts. Click "Retry" when bexio answers again.',
                    message=str(exc),
                    count=jobs.attempt(self.env)[0],
                )
            return self.env._(
                "bexio could not be reached (%(message)s). Odoo tries again by itself.",
                message=str(exc),
            )
        return str(exc.args[0] if exc.args else exc)

    @staticmethod
    def _store_remote_ref(record, values):
        """Save remote ids on ``record`` at once, in their own transaction.

        A push that created something in bexio must not lose its id when a later step fails
        and the job's transaction rolls back: the next attempt would create it again.
        """
        record.env.flush_all()
        with record.env.registry.cursor() as cr:
            own = record.with_env(record.env(cr=cr, su=True)).with_context(
                bexio_no_outbox=True
            )
            own.write(values)
            own.env.flush_all()
        record.invalidate_recordset()  # fields computed from the new values too

    # --------------------------------------------------------------- actions
    def _check_may_act(self):
        """Retry and cancel are for bexio administrators, on the items of their companies."""
        self.env["bexio.connection"]._check_manager()
        self.check_access("read")

    def action_retry(self):
        self._check_may_act()
        items = self.filtered(lambda i: i.state in ("failed", "cancelled", "pending"))
        # An open item of the same record and target sends its current state anyway.
        open_pairs = {
            (i.connection_id.id, i.res_model, i.res_id, i.target)
            for i in self.sudo().search(
                [
                    ("state", "in", OPEN_STATES),
                    ("res_id", "in", items.mapped("res_id")),
                    ("id", "not in", items.ids),
                ]
            )
        }
        items = items.filtered(
            lambda i: (i.connection_id.id, i.res_model, i.res_id, i.target)
            not in open_pairs
        )
        items = items.sudo()
        items.write({"state": "pending", "next_attempt_at": fields.Datetime.now()})
        # The job sends as the outbox cron's do, whatever the administrator's other rights.
        items._enqueue()
        return True

    def action_cancel(self):
        self._check_may_act()
        self.filtered(lambda i: i.state in ("pending", "failed")).sudo().write(
            {"state": "cancelled"}
        )
        return True

    def action_open_record(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
        }

    @api.model
    def _cron_resume(self):
        """Queue a job per waiting item that has none; cancel failed items that newer ones
        supersede; free items a dead worker left behind.

        Runs every few minutes and at once when a save made new items (``_record_changes``).
        An item whose job is waiting for its retry is left to it: queue_job's retry pattern
        is the one schedule.
        """
        now = fields.Datetime.now()
        stale = self.sudo().search(
            [
                ("state", "=", "processing"),
                ("processing_started_at", "<", now - STALE_PROCESSING),
            ]
        )
        stale.write({"state": "pending", "processing_started_at": False})
        self.env.cr.execute(
            """
            UPDATE bexio_outbox AS old
               SET state = 'cancelled', last_error = %s, write_date = %s
             WHERE old.state = 'failed' AND EXISTS (
                   SELECT FROM bexio_outbox AS new
                    WHERE new.state IN %s AND new.id > old.id
                      AND new.connection_id = old.connection_id
                      AND new.res_model = old.res_model AND new.res_id = old.res_id
                      AND new.target = old.target)
            """,
            [self.env._("Superseded by a newer change."), now, OPEN_STATES],
        )
        self.invalidate_model()
        due = self._due()
        due._enqueue()
        return len(due)

    @api.model
    def _due(self, domain=()):
        """Waiting items of connections that can send, without a job that will send them."""
        items = self.sudo().search(
            [
                *domain,
                ("state", "=", "pending"),
                ("connection_id.state", "in", ("connected", "error")),
            ],
            order="id",  # in the order the changes were made
        )
        # A copied database waits for an administrator's word, not for a job per item.
        copies = items.filtered(lambda item: item.connection_id.bexio_copy_guard)
        for connection in copies.connection_id:
            message = connection.bexio_copy_message
            copies.filtered(
                lambda item, c=connection, m=message: item.connection_id == c
                and item.last_error != m
            ).write({"last_error": message})
        items -= copies
        if not items:
            return items
        self.env["queue.job"].flush_model(["identity_key", "state"])
        self.env.cr.execute(
            "SELECT identity_key FROM queue_job WHERE identity_key = ANY(%s) "
            "AND state IN ('wait_dependencies', 'pending', 'enqueued', 'started')",
            [[f"bexio-outbox-{item.id}" for item in items]],
        )
        queued = {key for (key,) in self.env.cr.fetchall()}
        return items.filtered(lambda item: f"bexio-outbox-{item.id}" not in queued)
