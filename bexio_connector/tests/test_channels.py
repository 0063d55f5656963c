# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A trustee's companies share the job workers: one company's backlog must not hold them all."""

from datetime import datetime, timedelta

from odoo.tests import TransactionCase, tagged

from odoo.addons.queue_job.jobrunner.channels import ChannelManager

from bexio_sandbox.seed import DEMO_PASSWORD, OTHER_COMPANY

from .common import BexioSandboxCase

TRUSTEE = "treuhand@sandbox.bexio.local"
# The line of the readme (CONFIGURE.md) for a trustee with two job workers.
TRUSTEE_CHANNELS = "root:2:capacity_default=1"


@tagged("post_install", "-at_install")
class TestChannels(BexioSandboxCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.env["res.company"].create({"name": "Bergsicht (Odoo)"})
        cls.env.user.company_ids |= cls.company_b
        cls.connection_b = cls.env["bexio.connection"].create(
            {"company_id": cls.company_b.id}
        )

    def test_each_company_has_its_own_channel(self):
        self.sign_in(self.connection)
        self.sign_in(
            self.connection_b,
            username=TRUSTEE,
            password=DEMO_PASSWORD,
            company=OTHER_COMPANY,
        )
        self.env["bexio.connection"]._cron_sync()
        channels = {
            connection.company_id: set(
                self.env["queue.job"]
                .sudo()
                .search([("identity_key", "=like", f"bexio-%-{connection.id}")])
                .mapped("channel")
            )
            for connection in (self.connection, self.connection_b)
        }
        self.assertEqual(
            channels,
            {
                self.company: {f"root.bexio_company_{self.company.id}"},
                self.company_b: {f"root.bexio_company_{self.company_b.id}"},
            },
        )

    def first_jobs_to_run(self, config, count):
        """Which companies' jobs queue_job's runner starts first, the queue as it stands."""
        manager = ChannelManager()
        manager.simple_configure(config)
        jobs = self.env["queue.job"].sudo().search([("state", "=", "pending")])
        for job in jobs:
            manager.notify(
                self.env.cr.dbname,
                job.channel,
                job.uuid,
                job.id,
                job.date_created.timestamp(),
                job.priority,
                None,
                job.state,
            )
        company_of = {job.uuid: job.channel for job in jobs}
        return [company_of[job.uuid] for job in manager.get_jobs_to_run(now=1e12)][
            :count
        ]

    def test_a_backlog_leaves_a_worker_to_the_other_company(self):
        # Company A's backlog is older than company B's one job.
        for number in range(6):
            self.connection.sudo()._bexio_delay(
                "backlog", f"backlog{number}"
            )._bexio_sync()
        self.connection_b.sudo()._bexio_delay("sync", "sync")._bexio_sync()
        channel_a = f"root.bexio_company_{self.company.id}"
        channel_b = f"root.bexio_company_{self.company_b.id}"
        self.assertEqual(
            sorted(self.first_jobs_to_run(TRUSTEE_CHANNELS, 2)),
            sorted([channel_a, channel_b]),
        )
        # Without a capacity per company, the oldest jobs win: B waits for A's six.
        self.assertEqual(self.first_jobs_to_run("root:2", 2), [channel_a, channel_a])

    def test_the_company_channels_are_vacuumed_as_the_bexio_channel(self):
        self.connection.sudo()._bexio_delay("old sync", "old")._bexio_sync()
        self.connection.sudo()._bexio_delay("new sync", "new")._bexio_sync()
        old, new = (
            self.env["queue.job"]
            .sudo()
            .search(
                [
                    (
                        "identity_key",
                        "in",
                        [f"bexio-{k}-{self.connection.id}" for k in ("old", "new")],
                    )
                ],
                order="id",
            )
        )
        removal = self.env.ref("bexio_connector.channel_bexio").removal_interval
        old.write(
            {"state": "done", "date_done": datetime.now() - timedelta(days=removal + 1)}
        )
        new.write({"state": "done", "date_done": datetime.now()})
        self.env["queue.job"].autovacuum()
        self.assertFalse(old.exists())
        self.assertTrue(new.exists())
