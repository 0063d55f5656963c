# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The outbox end to end: real records, real queue_job jobs, a real bexio over HTTP."""

from unittest.mock import patch

import psycopg2

from odoo.tests import TransactionCase, tagged

from odoo.addons.bexio_connector.models.bexio_outbox import BexioOutbox
from odoo.addons.bexio_connector.tests.common import BexioSandboxCase

from bexio_sandbox import SandboxServer

CONTACT = "/2.0/contact"


@tagged("post_install", "-at_install")
class TestOutbox(BexioSandboxCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Record = cls.env["test.bexio.record"]
        cls.Outbox = cls.env["bexio.outbox"]

    def setUp(self):
        super().setUp()
        # Per test: a test that revokes the tokens in bexio cannot take its new ones along.
        self.sign_in(self.connection)
        self.outbox_cron_triggers().unlink()  # counted below from none

    def items(self, record):
        return self.Outbox.search(
            [("res_model", "=", record._name), ("res_id", "=", record.id)]
        )

    def contacts_named(self, name):
        return [c for c in self.sandbox_docs("contact") if c["name_1"] == name]

    def test_a_new_record_is_queued_once_and_sent(self):
        record = self.Record.create(
            {"name": "Säntis Druck AG", "email": "info@saentis.example.ch"}
        )
        item = self.items(record)
        self.assertEqual(len(item), 1)
        self.assertEqual(item.state, "pending")
        self.assertEqual(record.bexio_sync_state, "pending")
        # The save asked the outbox cron to run now; the cron queues a job per item.
        self.assertEqual(len(self.outbox_cron_triggers()), 1)
        self.assertFalse(self.jobs("bexio.outbox", "_process"))
        self.run_outbox_cron_if_asked()
        job = self.jobs("bexio.outbox", "_process")
        self.assertEqual(len(job), 1)
        self.assertEqual(job.channel, f"root.bexio_company_{item.company_id.id}")
        self.assertEqual(job.identity_key, f"bexio-outbox-{item.id}")
        self.assertEqual(self.run_jobs("bexio.outbox"), ["done"])
        self.assertEqual(item.state, "done")
        self.assertTrue(record.bexio_contact_id)
        self.assertEqual(item.remote_ref, str(record.bexio_contact_id))
        record.invalidate_recordset()
        self.assertEqual(record.bexio_sync_state, "synced")
        self.assertEqual(len(self.contacts_named("Säntis Druck AG")), 1)

    def test_a_save_of_many_records_asks_the_cron_once(self):
        records = self.Record.create(
            [{"name": f"Seilbahn {n} AG"} for n in range(1, 4)]
        )
        self.assertEqual(len(self.outbox_cron_triggers()), 1)
        items = self.Outbox.search(
            [("res_model", "=", records._name), ("res_id", "in", records.ids)]
        )
        self.assertEqual(items.mapped("state"), ["pending"] * 3)
        self.assertEqual(self.run_jobs("bexio.outbox"), ["done"] * 3)
        self.assertTrue(all(records.mapped("bexio_contact_id")))
        # A change merged into a waiting item asks nothing more.
        self.env.cr.flush()  # a new transaction
        records[0].city = "Engelberg"
        records[0].city = "Stans"
        self.assertEqual(len(self.outbox_cron_triggers()), 1)

    def test_retrying_a_superseded_item_leaves_the_open_one_alone(self):
        record = self.Record.create({"name": "Stanserhorn AG"})
        self.run_jobs("bexio.outbox")
        old = self.items(record)
        old.sudo().write({"state": "failed", "last_error": "bexio refused"})
        record.city = "Stans"
        new = self.items(record).filtered(lambda i: i.state == "pending")
        self.assertEqual(len(new), 1)
        old.action_retry()  # would make a second open item for the same record
        self.assertEqual(old.state, "failed")
        self.run_outbox_cron_if_asked()
        self.assertEqual(old.state, "cancelled")
        self.assertEqual(self.run_jobs("bexio.outbox"), ["done"])
        self.assertEqual(new.state, "done")

    def test_five_quick_edits_send_one_request(self):
        record = self.Record.create(
            {"name": "Rigi Holzbau GmbH", "email": "rigi@example.ch"}
        )
        self.run_jobs("bexio.outbox")
        self.sandbox_admin("DELETE", "requests")
        for city in ("Luzern", "Zug", "Schwyz", "Arth", "Goldau"):
            record.city = city
        item = self.items(record).filtered(lambda i: i.state == "pending")
        self.assertEqual(len(item), 1, "the five edits merged into one item")
        self.assertEqual(item.revision, 5)
        self.assertEqual(item.changed_fields, "city")
        self.assertEqual(self.run_jobs("bexio.outbox"), ["done"])
        writes = [
            e for e in self.sandbox_requests() if e["method"] in ("POST", "PATCH")
        ]
        self.assertEqual(len(writes), 1, [e["path"] for e in writes])
        self.assertEqual(writes[0]["body"]["city"], "Goldau")

    def test_a_change_made_while_sending_is_sent_too(self):
        record = self.Record.create({"name": "Aare Bau AG", "email": "aare@example.ch"})
        self.run_jobs("bexio.outbox")
        record.city = "Bern"
        item = self.items(record).filtered(lambda i: i.state == "pending")
        revision = item._claim()  # a worker picked it up...
        record.city = "Thun"  # ...and the user saves again meanwhile
        self.assertEqual(item.state, "processing")
        self.assertEqual(
            len(
                self.items(record).filtered(
                    lambda i: i.state in ("pending", "processing")
                )
            ),
            1,
        )
        item._finish("done", False, revision=revision)
        self.assertEqual(item.state, "pending", "not done: a newer change waits")
        self.run_jobs("bexio.outbox")
        self.assertEqual(item.state, "done")
        contact = self.sandbox.app.store.get(
            "alpenblick01", "contact", record.bexio_contact_id
        )
        self.assertEqual(contact["city"], "Thun")

    def test_an_outage_leaves_items_pending_and_the_resume_drains_them_without_duplicates(
        self,
    ):
        records = self.Record.create(
            [
                {"name": f"Ausfall {n} AG", "email": f"ausfall{n}@example.ch"}
                for n in range(3)
            ]
        )
        port = self.sandbox.port
        self.sandbox.stop()
        try:
            self.assertEqual(self.run_jobs("bexio.outbox"), ["retry"] * 3)
            items = self.Outbox.search(
                [("res_model", "=", "test.bexio.record"), ("res_id", "in", records.ids)]
            )
            self.assertEqual(set(items.mapped("state")), {"pending"})
            self.assertTrue(
                all(
                    i.last_error and "could not be reached" in i.last_error
                    for i in items
                )
            )
            self.assertEqual(records.mapped("bexio_sync_state"), ["pending"] * 3)
        finally:
            type(self).sandbox = SandboxServer(self.sandbox.app, port=port).start()
        # queue_job retries them, by the job function's pattern (30 s after a first
        # failure), and the item says when.
        jobs = self.jobs("bexio.outbox", "_process")
        self.assertEqual(set(jobs.mapped("state")), {"pending"})
        self.assertEqual(set(jobs.mapped("retry")), {1})
        for item in items:
            [job] = jobs.filtered(lambda j, i=item: j.identity_key.endswith(f"-{i.id}"))
            wait = (job.eta - item.write_date).total_seconds()
            self.assertTrue(29 <= wait <= 31, f"retried after {wait} s")
            self.assertLess(abs((item.next_attempt_at - job.eta).total_seconds()), 2)
        # One schedule: the outbox cron queues nothing while the jobs wait for their retry.
        self.assertEqual(self.env["bexio.outbox"]._cron_resume(), 0)
        self.assertEqual(len(self.jobs("bexio.outbox", "_process")), 3)
        self.assertEqual(self.run_jobs("bexio.outbox"), ["done"] * 3)
        self.assertEqual(set(items.mapped("state")), {"done"})
        for n in range(3):
            self.assertEqual(len(self.contacts_named(f"Ausfall {n} AG")), 1)

    def test_an_item_fails_with_a_retry_button_when_queue_job_gives_up(self):
        record = self.Record.create({"name": "Zuletzt AG", "email": "zuletzt@ex.ch"})
        self.run_outbox_cron_if_asked()
        [job] = self.jobs("bexio.outbox", "_process")
        job.retry = job.max_retries - 1  # the retries before were refused too
        self.inject_fault(action="status", status=503, path=f"^{CONTACT}", count=8)
        self.assertEqual(self.run_jobs("bexio.outbox"), ["done"])
        item = self.items(record)
        self.assertEqual(item.state, "failed")
        self.assertIn(f"also after {job.max_retries} attempts", item.last_error)
        self.assertIn("Retry", item.last_error)
        # A job whose item is done with is not queued again by the outbox cron.
        self.assertEqual(self.env["bexio.outbox"]._cron_resume(), 0)
        self.sandbox_admin("DELETE", "faults")
        item.action_retry()
        self.assertEqual(self.run_jobs("bexio.outbox"), ["done"])
        self.assertEqual(item.state, "done")
        self.assertEqual(len(self.contacts_named("Zuletzt AG")), 1)

    def test_bexio_refusing_the_data_fails_the_item_with_a_message_and_a_retry(self):
        record = self.Record.create({"name": "X" * 300, "email": "long@example.ch"})
        self.assertEqual(self.run_jobs("bexio.outbox"), ["done"])
        item = self.items(record)
        self.assertEqual(item.state, "failed")
        self.assertIn("bexio refused the data", item.last_error)
        self.assertIn("name_1", item.last_error)
        record.invalidate_recordset()
        self.assertEqual(record.bexio_sync_state, "failed")
        self.assertIn("name_1", record.bexio_sync_error)
        record.name = "Kurz AG"  # fixing the record queues it again
        record.invalidate_recordset()
        self.assertEqual(record.bexio_sync_state, "pending")
        self.run_jobs("bexio.outbox")
        self.assertEqual(item.state, "cancelled")
        self.assertIn("Superseded", item.last_error)
        self.assertEqual(
            self.items(record).filtered(lambda i: i.state == "done").remote_ref,
            str(record.bexio_contact_id),
        )
        # The retry button works too.
        item.action_retry()
        self.assertEqual(item.state, "pending")

    def test_a_lost_answer_does_not_create_a_second_contact(self):
        self.inject_fault(action="drop", method="POST", path=f"^{CONTACT}$", count=1)
        record = self.Record.create(
            {"name": "Verloren AG", "email": "verloren@example.ch"}
        )
        self.assertEqual(self.run_jobs("bexio.outbox"), ["retry"])
        item = self.items(record)
        self.assertEqual(item.state, "pending")
        item.next_attempt_at = False
        self.env["bexio.outbox"]._cron_resume()
        self.run_jobs("bexio.outbox")
        self.assertEqual(item.state, "done")
        self.assertEqual(len(self.contacts_named("Verloren AG")), 1)

    def test_items_wait_while_the_connection_needs_a_reconnect(self):
        self.sandbox_admin("POST", "tokens/revoke", json={})
        record = self.Record.create({"name": "Warte AG", "email": "warte@example.ch"})
        self.assertEqual(self.run_jobs("bexio.outbox"), ["done"])
        item = self.items(record)
        self.assertEqual(item.state, "pending")
        self.assertIn("Reconnect", item.last_error)
        self.assertEqual(self.connection.state, "reconnect")
        self.assertEqual(record.bexio_connection_state, "reconnect")
        self.sign_in(self.connection)  # reconnecting sends what waited
        self.run_jobs("bexio.outbox")
        self.assertEqual(item.state, "done")
        self.assertEqual(len(self.contacts_named("Warte AG")), 1)

    def test_two_workers_never_send_the_same_item(self):
        record = self.Record.create({"name": "Doppel AG", "email": "doppel@example.ch"})
        item = self.items(record)
        self.assertTrue(item._claim())
        self.assertEqual(item._process(), "nothing to do")
        self.assertEqual(self.sandbox_requests(CONTACT, "POST"), [])

    def test_a_job_the_runner_rolls_back_is_sent_by_its_retry(self):
        # PostgreSQL refuses one of two jobs that write the same record at once; the job
        # runner rolls that job's transaction back and runs it again a few seconds later.
        # The claim was committed on its own, so the retry must find the item open again.
        record = self.Record.create(
            {"name": "Gleichzeitig AG", "email": "gleichzeitig@example.ch"}
        )
        self.run_outbox_cron_if_asked()
        item = self.items(record)
        refusal = psycopg2.errors.SerializationFailure(
            "could not serialize access due to concurrent update"
        )
        refused = False
        # Not assertRaises: Odoo's undoes the block, and the claim was committed on its own.
        with patch.object(
            BexioOutbox, "_store_remote_ref", side_effect=refusal, autospec=True
        ):
            try:
                item._process()
            except psycopg2.errors.SerializationFailure:
                refused = True
        self.assertTrue(refused)
        self.env.invalidate_all()
        self.assertEqual(item.state, "processing")
        # In tests the claim shares the test's transaction, so the rollback itself cannot
        # be played without undoing the claim too: run what a rollback of the job runs.
        self.env.cr.postrollback.run()
        self.env.invalidate_all()
        self.assertEqual(item.state, "pending", "open again for the retry")
        self.assertEqual(self.run_jobs("bexio.outbox"), ["done"])
        self.assertEqual(item.state, "done")
        self.assertTrue(record.bexio_contact_id)
        self.assertEqual(len(self.contacts_named("Gleichzeitig AG")), 1)

    def test_a_deleted_record_cancels_its_item(self):
        record = self.Record.create({"name": "Weg AG"})
        item = self.items(record)
        record.unlink()
        self.run_jobs("bexio.outbox")
        self.assertEqual(item.state, "cancelled")
        self.assertIn("deleted", item.last_error)

    def test_imports_do_not_bounce_back_to_bexio(self):
        self.Record.with_context(bexio_no_outbox=True).create({"name": "Import AG"})
        self.assertFalse(self.Outbox.search([("record_name", "=", "Import AG")]))
