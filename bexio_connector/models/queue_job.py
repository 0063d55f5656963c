# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

from odoo import models


class QueueJob(models.Model):
    _inherit = "queue.job"

    def related_action_bexio_sync_runs(self):
        """The related action of the bexio sync jobs: the sync runs this job made, or its
        connection while it has made none."""
        self.ensure_one()
        runs = self.env["bexio.sync.run"].search([("job_uuid", "=", self.uuid)])
        if not runs:
            return self.related_action_open_record()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "bexio_connector.bexio_sync_run_action"
        )
        action["domain"] = [("id", "in", runs.ids)]
        if len(runs) == 1:
            action.update(view_mode="form", res_id=runs.id, views=[(False, "form")])
        return action

    def autovacuum(self):
        """Also delete the done jobs of the companies' bexio channels.

        queue_job deletes by channel record; the runner creates the company channels
        (``bexio.connection._bexio_channel``) from their name alone, so without this their
        jobs would stay forever. They keep the bexio channel's removal interval.
        """
        result = super().autovacuum()
        bexio = self.env.ref("bexio_connector.channel_bexio", raise_if_not_found=False)
        if bexio:
            deadline = datetime.now() - timedelta(days=int(bexio.removal_interval))
            self.search(
                [
                    "|",
                    ("date_done", "<=", deadline),
                    ("date_cancelled", "<=", deadline),
                    ("channel", "=like", f"{bexio.complete_name}_company_%"),
                ]
            ).sudo().unlink()
        return result
