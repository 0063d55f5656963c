# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class BexioReferenceFindingAccept(models.TransientModel):
    """Accept a high-severity finding, saying why the text may stay as it is."""

    _name = "bexio.reference.finding.accept"
    _description = "Accept a compliance finding"

    finding_id = fields.Many2one(
        "bexio.reference.finding",
        "Compliance finding",
        required=True,
        ondelete="cascade",
    )
    label = fields.Char(related="finding_id.label")
    passage = fields.Char(related="finding_id.passage")
    explanation = fields.Text(related="finding_id.explanation")
    reason = fields.Text(
        required=True,
        help="Why the passage stays: it is kept in the chatter with your name.",
    )

    def action_confirm(self):
        self.ensure_one()
        self.finding_id.action_accept(reason=self.reason)
        return {"type": "ir.actions.act_window_close"}
