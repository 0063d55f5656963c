# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A pull through the connector's sync hooks, logged in a sync run."""

from odoo.tests import TransactionCase, tagged

from odoo.addons.bexio_connector.tests.common import BexioSandboxCase


@tagged("post_install", "-at_install")
class TestSyncRun(BexioSandboxCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sign_in(cls.connection)

    def runs(self):
        # Other bexio addons in the same database add runs of their own to a sync.
        return self.env["bexio.sync.run"].search(
            [
                ("connection_id", "=", self.connection.id),
                ("kind", "=", "Test records from bexio"),
            ],
            order="id",
        )

    def test_sync_now_imports_and_a_second_sync_writes_nothing(self):
        self.env["queue.job"].search([]).unlink()
        self.connection.action_sync_now()
        self.connection.action_sync_now()  # one job, however often it is clicked
        self.assertEqual(self.run_jobs("bexio.connection", "_bexio_sync"), ["done"])
        total = len(self.sandbox_docs("contact"))
        first = self.runs()[-1]
        self.assertEqual(
            (first.created_count, first.failed_count, first.state), (total, 0, "done")
        )
        self.assertEqual(first.requests_used, 1)  # one page of up to 2000
        self.assertGreaterEqual(first.duration, 0)
        self.env["bexio.connection"]._cron_sync()
        self.run_jobs("bexio.connection", "_bexio_sync")
        second = self.runs()[-1]
        self.assertEqual(
            (second.created_count, second.updated_count, second.skipped_count),
            (0, 0, total),
        )
        self.assertFalse(
            self.env["bexio.outbox"].search([("res_model", "=", "test.bexio.record")]),
            "imported records are not sent back to bexio",
        )

    def test_a_malformed_contact_fails_alone(self):
        store = self.sandbox.app.store
        original = store.get("alpenblick01", "contact", 3)

        def put(document):
            with store.transaction():
                store.put("alpenblick01", "contact", 3, document)

        put(dict(original, contact_type_id="firma"))
        self.addCleanup(put, original)  # the sandbox lives for the whole class
        self.connection._bexio_sync()
        run = self.runs()[-1]
        self.assertEqual(run.state, "partial")
        self.assertEqual(run.failed_count, 1)
        self.assertEqual(run.created_count, len(self.sandbox_docs("contact")) - 1)
        self.assertIn("contact_type_id", run.line_ids.message)
        self.assertEqual(run.line_ids.reference, "3")

    def test_a_record_odoo_refuses_fails_alone_and_the_batch_is_created(self):
        run = self.env["bexio.sync.run"]._start(self.connection, "Test records")
        values = {ref: {"name": f"Kunde {ref}"} for ref in range(1, 9)}
        values[6] = {"name": False}  # required in Odoo
        created = run._create_records(self.env["test.bexio.record"], values)
        self.assertEqual(sorted(created), [1, 2, 3, 4, 5, 7, 8])
        self.assertEqual(created[7].name, "Kunde 7")
        self.assertEqual((run.created_count, run.failed_count), (7, 1))
        self.assertEqual(run.line_ids.reference, "6")
        self.assertIn("bexio record 6 was not imported", run.line_ids.message)
