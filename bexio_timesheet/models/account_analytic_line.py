# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from bexio_api.resources.projects import Timesheets


class AccountAnalyticLine(models.Model):
    """Hours recorded in Odoo go to bexio as non-billable timesheets, once, when enabled."""

    _name = "account.analytic.line"
    _inherit = ["account.analytic.line", "bexio.sync.mixin"]
    _bexio_targets = {"timesheet": ("unit_amount", "date", "name")}

    bexio_timesheet_ref = fields.Integer(
        "bexio timesheet ID", copy=False, index=True, readonly=True
    )
    bexio_activity_id = fields.Many2one(
        "bexio.business.activity", "bexio activity", readonly=True
    )
    bexio_billable = fields.Boolean("Billable in bexio", readonly=True)

    _sql_constraints = [
        (
            "bexio_timesheet_ref_uniq",
            "unique(company_id, bexio_timesheet_ref)",
            "A bexio timesheet is imported once.",
        ),
    ]

    def _bexio_push_on_create(self, target):
        settings = self._bexio_settings()
        return bool(
            settings
            and settings["timesheet_write_back"]
            and not self.bexio_timesheet_ref
            and self.project_id.bexio_project_ref
            and self.employee_id.sudo().bexio_user_ref
        )

    def _bexio_should_push(self, target):
        return False  # written back once, when created; bexio keeps its own edits

    def _bexio_push_timesheet(self, item):
        self.ensure_one()
        if self.bexio_timesheet_ref:
            return str(self.bexio_timesheet_ref)
        client = item.connection_id._bexio_client()
        user = self.employee_id.sudo().bexio_user_ref
        project = self.project_id.bexio_project_ref
        minutes = round(self.unit_amount * 60)
        text = self.name or "/"
        # An earlier attempt may have created it and lost the answer: look first.
        for existing in client.timesheets.search(
            [("user_id", user, "="), ("pr_project_id", project, "=")]
        ):
            if (
                existing.date == self.date
                and existing.minutes == minutes
                and existing.text == text
            ):
                item._store_remote_ref(self, {"bexio_timesheet_ref": existing.id})
                return str(existing.id)
        activity = self.env["bexio.business.activity"].search(
            [("connection_id", "=", item.connection_id.id)],
            order="billable, id",
            limit=1,
        )
        created = client.timesheets.create(
            Timesheets.duration_values(
                user,
                activity.bexio_ref or 1,
                self.date,
                minutes,
                text=text,
                allowable_bill=False,
                pr_project_id=project,
                pr_package_id=self.task_id.bexio_package_ref or None,
            )
        )
        item._store_remote_ref(
            self, {"bexio_timesheet_ref": created.id, "bexio_billable": False}
        )
        return str(created.id)
