# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The outbox writes Odoo's cron triggers with its own SQL; this pins what that SQL assumes."""

from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL

from odoo.addons.bexio_connector.models.bexio_outbox import CRON_TRIGGER_COLUMNS


@tagged("post_install", "-at_install")
class TestCronTriggerSql(TransactionCase):
    def catalogue(self):
        self.env.cr.execute(
            """
            SELECT column_name, is_nullable = 'NO' AND column_default IS NULL
              FROM information_schema.columns
             WHERE table_name = 'ir_cron_trigger' AND table_schema = current_schema()
            """
        )
        return dict(self.env.cr.fetchall())

    def test_every_column_the_outbox_writes_exists(self):
        missing = set(CRON_TRIGGER_COLUMNS) - set(self.catalogue())
        self.assertFalse(missing, f"ir_cron_trigger no longer has {sorted(missing)}")

    def test_the_outbox_fills_every_required_column(self):
        required = {name for name, needed in self.catalogue().items() if needed}
        required.discard("id")  # a sequence default
        unfilled = required - set(CRON_TRIGGER_COLUMNS)
        self.assertFalse(
            unfilled, f"ir_cron_trigger requires {sorted(unfilled)}, not written"
        )

    def test_the_model_stores_nothing_the_outbox_leaves_out(self):
        # A new stored field with a Python default (NULL in SQL, so not caught above) would
        # make the outbox's triggers differ from the ORM's.
        stored = {
            name
            for name, field in self.env["ir.cron.trigger"]._fields.items()
            if field.store and name != "id"
        }
        self.assertEqual(stored, set(CRON_TRIGGER_COLUMNS))

    def test_a_trigger_written_like_the_outbox_makes_odoo_run_the_cron(self):
        cron = self.env.ref("bexio_connector.ir_cron_bexio_outbox_resume")
        # Due only through the trigger, not through its own schedule.
        cron.write({"active": True, "nextcall": "2999-01-01 00:00:00"})
        cron.flush_recordset()

        def ready():
            jobs = type(self.env["ir.cron"])._get_all_ready_jobs(self.env.cr)
            return cron.id in [job["id"] for job in jobs]

        self.assertFalse(ready())
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO ir_cron_trigger (%s)
                VALUES (%s, (now() at time zone 'UTC') - interval '1 minute',
                        %s, now() at time zone 'UTC', %s, now() at time zone 'UTC')
                """,
                SQL(", ").join(SQL.identifier(name) for name in CRON_TRIGGER_COLUMNS),
                cron.id,
                self.env.uid,
                self.env.uid,
            )
        )
        self.assertTrue(ready())
