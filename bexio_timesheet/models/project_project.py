# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The bexio project a project came from, and its revenue account."""

from odoo import api, fields, models
from odoo.exceptions import UserError


class ProjectProject(models.Model):
    _inherit = "project.project"

    bexio_project_ref = fields.Integer(
        "bexio project ID", copy=False, index=True, readonly=True
    )
    bexio_project_nr = fields.Char("bexio project number", copy=False, readonly=True)
    bexio_state = fields.Char(
        "bexio state name",
        readonly=True,
        help="As bexio names it, in bexio's language.",
    )
    bexio_state_label = fields.Char("bexio state", compute="_compute_bexio_state_label")
    bexio_account_id = fields.Many2one(
        "bexio.account",
        "bexio account",
        help="bexio revenue account for invoice lines of this project.",
    )

    @api.depends("bexio_state")
    def _compute_bexio_state_label(self):
        # bexio names its standard project states in the bexio account's language ("Aktiv"
        # for a German one): those read in the user's; a state of the user's own making
        # keeps its name.
        names = {
            "active": ("aktiv", "active", "actif", "attivo"),
            "open": ("offen", "open", "ouvert", "aperto"),
            "archived": ("archiviert", "archived", "archivé", "archiviato"),
        }
        labels = {
            "active": self.env._("Active"),
            "open": self.env._("Open"),
            "archived": self.env._("Archived"),
        }
        for project in self:
            name = (project.bexio_state or "").strip()
            key = next((k for k, v in names.items() if name.lower() in v), None)
            project.bexio_state_label = labels[key] if key else name or False

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
