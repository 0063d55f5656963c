# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Which bexio object an Odoo record came from: one binding per record and company."""

from odoo import api, fields, models
from odoo.exceptions import UserError


class ResPartner(models.Model):
    _inherit = "res.partner"

    bexio_binding_ids = fields.One2many(
        "bexio.partner.binding", "partner_id", "bexio contacts", readonly=True
    )
    bexio_contact_ref = fields.Integer(
        "bexio contact ID",
        compute="_compute_bexio_contact_ref",
        search="_search_bexio_contact_ref",
        help="This partner's contact in the bexio of the current company; a partner shared "
        "between companies has one per connection.",
    )

    @api.depends_context("company")
    @api.depends("bexio_binding_ids.bexio_contact_ref")
    def _compute_bexio_contact_ref(self):
        connection = self.env["bexio.connection"]._for_company(self.env.company)
        refs = {
            b.partner_id.id: b.bexio_contact_ref
            for b in self.env["bexio.partner.binding"]
            .sudo()
            .search(
                [("connection_id", "=", connection.id), ("partner_id", "in", self.ids)]
            )
        }
        for partner in self:
            partner.bexio_contact_ref = refs.get(partner.id, 0)

    def _search_bexio_contact_ref(self, operator, value):
        connection = self.env["bexio.connection"]._for_company(self.env.company)
        in_connection = [
            ("connection_id", "=", connection.id),
            ("bexio_contact_ref", "!=", 0),
        ]
        if operator in ("=", "!=") and not value:
            bound = self.env["bexio.partner.binding"].sudo().search(in_connection)
            return [
                ("id", "in" if operator == "!=" else "not in", bound.partner_id.ids)
            ]
        bindings = (
            self.env["bexio.partner.binding"]
            .sudo()
            .search(in_connection + [("bexio_contact_ref", operator, value)])
        )
        return [("id", "in", bindings.partner_id.ids)]


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
