# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
import logging

from odoo import api, fields, models

from bexio_api import errors

from ..services import absence_mapping

_logger = logging.getLogger(__name__)

HR = "hr.group_hr_user"


class HrLeave(models.Model):
    """Validated time off of bexio payroll employees, as bexio payroll absences.

    One absence per business year; their bexio ids are kept on the leave by year, so a change
    updates them and a cancellation or refusal deletes them, through the outbox.
    """

    _name = "hr.leave"
    _inherit = ["hr.leave", "bexio.sync.mixin"]
    _bexio_targets = {
        "payroll_absence": (
            "state",
            "holiday_status_id",
            "request_date_from",
            "request_date_to",
            "request_unit_half",
            "employee_id",
        )
    }

    bexio_absence_refs = fields.Char(
        "bexio absence IDs",
        groups=HR,
        copy=False,
        readonly=True,
        help="The bexio payroll absences of this time off, by business year (JSON).",
    )
    bexio_absence_note = fields.Char(
        "bexio payroll", compute="_compute_bexio_absence_note", groups=HR
    )
    bexio_sync_state = fields.Selection(groups=HR)
    bexio_sync_error = fields.Text(groups=HR)
    bexio_last_sync = fields.Datetime(groups=HR)
    bexio_connection_state = fields.Selection(groups=HR)

    @api.depends("holiday_status_id.bexio_absence_reason", "employee_id", "state")
    def _compute_bexio_absence_note(self):
        for leave in self:
            settings = leave._bexio_settings() if leave.employee_id else None
            leave.bexio_absence_note = (
                self.env._(
                    "The time off type %s has no bexio absence reason: this time off is not "
                    "sent to bexio payroll. Choose a reason on the time off type to send it.",
                    leave.holiday_status_id.name,
                )
                if settings
                and settings["payroll_send_absences"]
                and leave.sudo().employee_id.bexio_payroll_ref
                and not leave.holiday_status_id.bexio_absence_reason
                else False
            )

    def _bexio_company(self):
        self.ensure_one()
        return self.sudo().employee_id.company_id or self.env.company

    def _bexio_may_send_to(self, connection):
        self.ensure_one()
        return self._bexio_company() == connection.sudo().company_id

    def _bexio_outbox_label(self):
        leave = self.sudo()
        return f"{leave.employee_id.name}: {leave.request_date_from} - {leave.request_date_to}"

    def _bexio_refs(self):
        return json.loads(self.sudo().bexio_absence_refs or "{}")

    def _bexio_should_push(self, target):
        settings = self._bexio_settings()
        if (
            not settings
            or not settings["payroll_send_absences"]
            or settings["payroll_state"] in ("not_subscribed", "not_requested")
            or self.env.context.get("bexio_no_outbox")
        ):
            return False
        leave = self.sudo()
        if leave.bexio_absence_refs:
            return True  # sent before: a change, a cancellation or a refusal follows it
        return bool(
            leave.state == "validate"
            and leave.employee_id.bexio_payroll_ref
            and leave.holiday_status_id.bexio_absence_reason
        )

    def _bexio_push_on_create(self, target):
        return self._bexio_should_push(target)

    def _bexio_wanted_absences(self):
        """{business year: values} that bexio should hold for this leave now."""
        leave = self.sudo()
        reason = leave.holiday_status_id.bexio_absence_reason
        if not (
            leave.state == "validate" and reason and leave.employee_id.bexio_payroll_ref
        ):
            return {}
        return absence_mapping.absences(
            reason,
            leave.request_date_from,
            leave.request_date_to,
            leave.request_unit_half,
        )

    def _bexio_push_payroll_absence(self, item):
        self.ensure_one()
        client = item.connection_id._bexio_client().payroll_employees
        employee = self.sudo().employee_id.bexio_payroll_ref
        refs = self._bexio_refs()
        wanted = self._bexio_wanted_absences()
        for year in sorted(set(refs) - set(wanted)):
            try:
                client.delete_absence(employee, refs[year])
            except (errors.NotFound, errors.Gone):
                _logger.info(
                    "bexio absence of time off %s was deleted in bexio", self.id
                )
            del refs[year]
            item._store_remote_ref(self, {"bexio_absence_refs": json.dumps(refs)})
        for year, values in sorted(wanted.items()):
            if year in refs:
                try:
                    client.update_absence(employee, refs[year], values)
                    continue
                except (errors.NotFound, errors.Gone):
                    del refs[year]  # deleted in bexio: made again below
            # Adopt what an earlier attempt (or a person) already created, not a second one.
            existing = next(
                (
                    absence
                    for absence in client.absences(employee, int(year))
                    if absence_mapping.same_absence(absence, values)
                ),
                None,
            )
            if existing is None:
                existing = client.create_absence(employee, values)
            refs[year] = existing.id
            item._store_remote_ref(self, {"bexio_absence_refs": json.dumps(refs)})
        if not refs:
            item._store_remote_ref(self, {"bexio_absence_refs": False})
        return ",".join(refs[year] for year in sorted(refs)) or "deleted"
