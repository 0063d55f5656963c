# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class BexioSyncProgress(models.Model):
    """How far a running import is, for the people waiting for it.

    A sync run lives in its job's transaction and shows only when the job ends. Its progress is
    written in short transactions of its own (``bexio.sync.run._progress``), and only there, so
    that it shows while the import runs and never conflicts with the job's own writes.
    """

    _name = "bexio.sync.progress"
    _description = "bexio Import in Progress"
    _order = "id"

    connection_id = fields.Many2one(
        "bexio.connection", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="connection_id.company_id", store=True)
    kind = fields.Char(required=True)
    done = fields.Integer("Records done")
    total = fields.Integer(
        "Records in all", help="0 while bexio has not said how many."
    )
    percent = fields.Float(compute="_compute_percent")

    @api.depends("done", "total")
    def _compute_percent(self):
        for progress in self:
            progress.percent = (
                min(100.0, 100.0 * progress.done / progress.total)
                if progress.total
                else 0.0
            )

    @api.depends("kind", "done", "total")
    def _compute_display_name(self):
        def swiss(number):  # 12'000, as Swiss bookkeepers write it
            return f"{number:,}".replace(",", "'")

        for progress in self:
            if progress.total:
                progress.display_name = self.env._(
                    "%(kind)s: %(done)s of %(total)s",
                    kind=progress.kind,
                    done=swiss(progress.done),
                    total=swiss(progress.total),
                )
            else:
                progress.display_name = self.env._(
                    "%(kind)s: %(done)s so far",
                    kind=progress.kind,
                    done=swiss(progress.done),
                )
