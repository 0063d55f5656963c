# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from bexio_api.resources import new_contact_values


class BexioSyncMixin(models.AbstractModel):
    """What a model needs to send its records to bexio through the outbox.

    A model declares which of its fields feed which bexio target and implements one push
    method per target::

        class HrEmployee(models.Model):
            _name = "hr.employee"
            _inherit = ["hr.employee", "bexio.sync.mixin"]
            _bexio_targets = {"payroll_employee": ("name", "work_email", "private_street")}

            def _bexio_push_payroll_employee(self, item):
                ...  # send the current state; return bexio's id of it
                return employee_uuid

    Writing a listed field records an outbox item (merged with an open one); creating a record
    records one when ``_bexio_push_on_create`` says so. Changes made while importing from bexio
    carry ``bexio_no_outbox`` in the context and are not sent back.

    ``_bexio_should_push`` and ``_bexio_push_on_create`` run in every save: a connection setting
    they need is read from ``_bexio_settings()`` (cached), after adding the field to
    ``bexio.connection._save_setting_fields``.
    """

    _name = "bexio.sync.mixin"
    _description = "bexio Sync Mixin"

    _bexio_targets = {}

    bexio_sync_state = fields.Selection(
        [
            ("not_synced", "Not synced"),
            ("pending", "Waiting to be sent"),
            ("synced", "Synced"),
            ("partial", "Sent in part"),
            ("failed", "Failed"),
        ],
        string="bexio sync",
        compute="_compute_bexio_sync_state",
    )
    bexio_sync_error = fields.Text(
        string="bexio error", compute="_compute_bexio_sync_state"
    )
    bexio_last_sync = fields.Datetime(
        string="Last sent to bexio", compute="_compute_bexio_sync_state"
    )
    bexio_connection_state = fields.Selection(
        selection=lambda self: self.env["bexio.connection"]._fields["state"].selection,
        string="bexio connection",
        compute="_compute_bexio_connection_state",
        help="Shown on synced records, so that users see when bexio needs an administrator.",
    )

    def _compute_bexio_connection_state(self):
        for record in self:
            connection = record._bexio_connection() if record.id else False
            record.bexio_connection_state = connection.state if connection else False

    def _compute_bexio_sync_state(self):
        """Sum up the latest outbox item of each target: failed > waiting > in part > synced."""
        items = (
            self.env["bexio.outbox"]
            .sudo()
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", self.ids),
                    ("state", "!=", "cancelled"),
                ],
                order="id desc",
            )
        )
        latest = {}  # record id -> {target: newest item}
        last_done = {}
        for item in items:
            latest.setdefault(item.res_id, {}).setdefault(item.target, item)
            if item.state in ("done", "partial"):
                last_done.setdefault(item.res_id, item.done_at)
        for record in self:
            current = list(latest.get(record.id, {}).values())
            states = {item.state for item in current}
            record.bexio_last_sync = last_done.get(record.id)
            record.bexio_sync_error = (
                "\n".join(i.last_error for i in current if i.last_error) or False
            )
            if not current:
                record.bexio_sync_state = "not_synced"
            elif "failed" in states:
                record.bexio_sync_state = "failed"
            elif states & {"pending", "processing"}:
                record.bexio_sync_state = "pending"
            elif "partial" in states:
                record.bexio_sync_state = "partial"
            else:
                record.bexio_sync_state = "synced"

    # ------------------------------------------------------------- recording
    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        if not self.env.context.get("bexio_no_outbox"):
            records._bexio_record(self._bexio_targets, created=True)
        return records

    def write(self, vals):
        result = super().write(vals)
        if not self.env.context.get("bexio_no_outbox"):
            changed = {
                target: set(vals) & set(field_names)
                for target, field_names in self._bexio_targets.items()
            }
            self._bexio_record({t: names for t, names in changed.items() if names})
        return result

    def _bexio_record(self, changed, created=False):
        """Record outbox items: ``changed`` maps targets to the fields that changed.

        All items of one call are recorded together, in one statement per connection.
        """
        changes = {}  # connection id -> [(record, target, field names)]
        for record in self:
            settings = record._bexio_settings()
            if not settings:
                continue
            for target, field_names in changed.items():
                if (
                    record._bexio_push_on_create(target)
                    if created
                    else record._bexio_should_push(target)
                ):
                    changes.setdefault(settings["id"], []).append(
                        (record, target, field_names)
                    )
        connections = self.env["bexio.connection"].sudo()
        for connection_id, entries in changes.items():
            self.env["bexio.outbox"]._record_changes(
                connections.browse(connection_id), entries
            )

    def _bexio_company(self):
        self.ensure_one()
        if "company_id" in self._fields and self["company_id"]:
            return self["company_id"]
        return self.env.company

    def _bexio_may_send_to(self, connection):
        """Whether this record may go to ``connection``'s bexio: it belongs to its company.

        The outbox asks before every send. A record that no company owns (shared by all)
        may go to any of them.
        """
        self.ensure_one()
        if "company_id" not in self._fields:
            return True
        company = self.sudo().company_id  # a check of the record, not of the job's user
        return not company or company == connection.sudo().company_id

    def _bexio_connection(self):
        """The connection this record syncs through: its company's, if any."""
        # In sudo: it is read for its settings and to record changes, and whoever may save
        # the record may do that without seeing the connection itself.
        return self.env["bexio.connection"]._for_company(self._bexio_company()).sudo()

    def _bexio_settings(self):
        """The connection settings that decide whether a save of this record is sent.

        Cached (see ``bexio.connection._save_settings``), so that deciding costs a save
        nothing; None when the record's company has no connection.
        """
        return self.env["bexio.connection"]._save_settings(self._bexio_company())

    def _bexio_outbox_label(self):
        """What the outbox calls this record, also after it is deleted."""
        return self.sudo().display_name  # a label: no field access checks

    def _bexio_should_push(self, target):
        """Whether a change of this record is sent to ``target`` (default: when linked)."""
        return True

    def _bexio_push_on_create(self, target):
        """Whether a new record is sent to ``target`` (default: no)."""
        return False

    def _bexio_push(self, target, item):
        """Send the current state of this record to ``target``; return bexio's reference.

        A push may return ``(reference, warning)`` when it sent the record without some value
        (a street without its house number, say): the item is "Sent in part" and the warning is
        shown on the record.
        """
        self.ensure_one()
        return getattr(self, f"_bexio_push_{target}")(item)

    def _bexio_signed_in_user(self, connection, client):
        """The bexio user this connection signed in as: what bexio needs as the user of
        what the product creates there (contacts, invoices)."""
        return connection.sudo().bexio_user_ref or client.users.me().id

    def _bexio_new_contact_values(self, connection, client, values, is_company):
        """``values`` completed as bexio needs them to create a contact (the SDK's rule):
        its type, and the signed-in bexio user as its user and owner."""
        return new_contact_values(
            values,
            is_company=is_company,
            user_id=self._bexio_signed_in_user(connection, client),
        )

    # ---------------------------------------------------------------- actions
    def action_bexio_open_outbox(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "bexio_connector.bexio_outbox_action"
        )
        action["domain"] = [("res_model", "=", self._name), ("res_id", "in", self.ids)]
        return action
