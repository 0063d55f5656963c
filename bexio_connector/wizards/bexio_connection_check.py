# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from ..services import connection_probe


class BexioConnectionCheck(models.TransientModel):
    """The answer to "Test connection": one line per area, in a bookkeeper's words."""

    _name = "bexio.connection.check"
    _description = "bexio Connection Test"

    connection_id = fields.Many2one("bexio.connection", required=True, readonly=True)
    summary = fields.Char(readonly=True)
    line_ids = fields.One2many("bexio.connection.check.line", "check_id", readonly=True)

    @api.model
    def _run_for(self, connection):
        results = connection._probe_areas()
        labels = connection_probe.area_labels(self.env)
        working = sum(1 for result in results if result.status == "ok")
        check = self.create(
            {
                "connection_id": connection.id,
                "summary": self.env._(
                    "%(working)s of %(total)s areas work.",
                    working=working,
                    total=len(results),
                ),
                "line_ids": [
                    fields.Command.create(
                        {
                            "area": labels[r.area],
                            "status": r.status,
                            "message": r.message,
                        }
                    )
                    for r in results
                ],
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": check.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("bexio connection test"),
        }


class BexioConnectionCheckLine(models.TransientModel):
    _name = "bexio.connection.check.line"
    _description = "bexio Connection Test Line"

    check_id = fields.Many2one(
        "bexio.connection.check", required=True, ondelete="cascade"
    )
    area = fields.Char(required=True)
    status = fields.Selection(
        [
            ("ok", "Works"),
            ("missing_scope", "Not allowed at sign-in"),
            ("not_subscribed", "Not in the subscription"),
            ("forbidden", "No rights in bexio"),
            ("error", "Error"),
        ],
        required=True,
    )
    message = fields.Text()
