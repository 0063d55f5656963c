# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class BexioConnection(models.Model):
    _inherit = "bexio.connection"

    payroll_create_employees = fields.Boolean(
        "Create new employees in bexio",
        help="When on, an employee created in Odoo is also created in bexio payroll (it needs "
        "an AHV number) and as a bexio contact. When off, only employees that already exist "
        "in bexio are kept in sync.",
    )
    payroll_send_absences = fields.Boolean(
        "Send time off to bexio payroll",
        help="When on, validated time off of employees linked to bexio payroll becomes a bexio "
        "payroll absence (of the reason set on its time off type); changing, cancelling or "
        "refusing it updates or deletes the absence.",
    )
    employee_count = fields.Integer(compute="_compute_employee_count")

    def _compute_employee_count(self):
        for connection in self:
            connection.employee_count = self.env["hr.employee"].search_count(
                [
                    ("company_id", "=", connection.company_id.id),
                    ("bexio_payroll_ref", "!=", False),
                ]
            )

    def _save_setting_fields(self):
        return [
            *super()._save_setting_fields(),
            "payroll_state",
            "payroll_create_employees",
            "payroll_send_absences",
        ]

    def _bexio_sync_features(self):
        return [*super()._bexio_sync_features(), "payroll"]

    def _bexio_sync(self):
        result = super()._bexio_sync()
        self._bexio_import_employees_job()
        return result

    def action_bexio_import_employees(self):
        """ "Import employees": in the background, logged as a sync run."""
        self.ensure_one()
        self._check_manager()
        # As the hourly sync: the import writes employee data the administrator may not.
        self.sudo()._bexio_delay(
            self.env._("bexio: import employees of %s", self.company_id.name),
            "import-employees",
        )._bexio_import_employees_job()
        return self._bexio_notify(
            self.env._("The employee import runs in the background; see Sync runs.")
        )

    def _bexio_import_employees_job(self):
        # A step of the job: committed when done, skipped by a retry of the same job.
        return self.env["bexio.sync.run"]._run_step(
            self, "payroll_employees", self.env["hr.employee"]._bexio_import_employees
        )

    def action_open_bexio_employees(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": "hr.employee",
            "name": self.env._("Employees linked to bexio"),
            "view_mode": "list,form",
            "domain": [
                ("company_id", "=", self.company_id.id),
                ("bexio_payroll_ref", "!=", False),
            ],
        }
