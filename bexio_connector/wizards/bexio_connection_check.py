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
        # Created before probing: a token refresh during the probes updates the connection in
        # a transaction of its own, and a reference to it made afterwards would be refused.
        check = self.create({"connection_id": connection.id})
        results = connection._probe_areas()
        labels = connection_probe.area_labels(self.env)
        used = [result for result in results if result.status != "not_used"]
        working = sum(1 for result in used if result.status == "ok")
        if connection.state != "connected":
            summary = connection._not_connected_message()
        elif working == len(used):
            summary = self.env._(
                "Everything Odoo uses in bexio works (%s areas).", len(used)
            )
        else:
            summary = self.env._(
                "%(working)s of the %(total)s areas Odoo uses work; see below what to do.",
                working=working,
                total=len(used),
            )
        check.write(
            {
                "summary": summary,
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

    def action_close(self):
        # Closing through a button reloads the connection behind, whose state may have changed.
        return {"type": "ir.actions.act_window_close"}


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
            ("not_used", "Not used"),
            ("missing_scope", "Reconnect needed"),
            ("not_subscribed", "Not in the subscription"),
            ("forbidden", "No rights in bexio"),
            ("error", "Error"),
        ],
        required=True,
    )
    message = fields.Text()
