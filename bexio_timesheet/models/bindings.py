# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Which bexio object an Odoo record came from: one binding per record and company."""

from odoo import fields, models
from odoo.exceptions import UserError


class ResPartner(models.Model):
    _inherit = "res.partner"

    bexio_contact_ref = fields.Integer(
        "bexio contact ID", copy=False, index=True, readonly=True
    )

    _sql_constraints = [
        (
            "bexio_contact_ref_uniq",
            "unique(company_id, bexio_contact_ref)",
            "Two partners cannot stand for the same bexio contact.",
        ),
    ]


class ProjectProject(models.Model):
    _inherit = "project.project"

    bexio_project_ref = fields.Integer(
        "bexio project ID", copy=False, index=True, readonly=True
    )
    bexio_project_nr = fields.Char("bexio project number", copy=False, readonly=True)
    bexio_state = fields.Char("bexio state", readonly=True)
    bexio_account_id = fields.Many2one(
        "bexio.account",
        "bexio account",
        help="bexio revenue account for invoice lines of this project.",
    )

    _sql_constraints = [
        (
            "bexio_project_ref_uniq",
            "unique(company_id, bexio_project_ref)",
            "Two projects cannot stand for the same bexio project.",
        ),
    ]

    def action_bexio_refresh(self):
        """ "Refresh from bexio" on a project: the company's import, in the background."""
        self.env["bexio.connection"]._check_manager()
        connections = self.env["bexio.connection"]
        for company in self.company_id:
            connections |= connections._for_company(company)
        if not connections:
            raise UserError(self.env._("This company is not connected to bexio."))
        for connection in connections:
            connection.action_bexio_refresh()
        return connections._bexio_notify(
            self.env._("The refresh from bexio runs in the background; see Sync runs.")
        )


class ProjectTask(models.Model):
    _inherit = "project.task"

    bexio_package_ref = fields.Integer(
        "bexio work package ID", copy=False, index=True, readonly=True
    )


class AccountAnalyticLine(models.Model):
    _inherit = "account.analytic.line"

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


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    bexio_user_ref = fields.Integer(
        "bexio user ID",
        groups="hr.group_hr_user",
        copy=False,
        index=True,
        readonly=True,
        help="The bexio user whose hours are this employee's timesheets.",
    )
