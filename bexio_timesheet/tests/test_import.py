# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Customers, users, projects and hours from the sandbox's demo company."""

from odoo.tests import TransactionCase, tagged

from odoo.addons.bexio_connector.tests.common import BexioSandboxCase

COMPANY = "alpenblick01"


@tagged("post_install", "-at_install")
class TestImport(BexioSandboxCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sign_in(cls.connection)

    def import_all(self, **kwargs):
        runs = self.env["bexio.timesheet.importer"]._import_all(
            self.connection, **kwargs
        )
        return {run.kind: run for run in runs}

    def docs(self, kind):
        return self.sandbox_docs(kind)

    def put_docs(self, kind, docs):
        store = self.sandbox.app.store
        with store.transaction():
            for doc in docs:
                store.put(COMPANY, kind, doc["id"], doc)

    def change_in_bexio(self, kind, changed):
        """Change sandbox documents for one test; the sandbox lives for the whole class."""
        originals = [
            self.sandbox.app.store.get(COMPANY, kind, doc["id"]) for doc in changed
        ]
        self.put_docs(kind, changed)
        self.addCleanup(self.put_docs, kind, originals)

    def customers(self):
        return [
            c
            for c in self.docs("contact")
            if "2" in (c.get("contact_group_ids") or "").split(",")
            and not c.get("_archived")
        ]

    def test_the_demo_company_comes_in_completely(self):
        runs = self.import_all()
        contacts = runs["Contacts from bexio"]
        self.assertEqual(
            contacts.created_count, len(self.customers())
        )  # ten and more customers
        self.assertIn("only customers were imported", contacts.message)
        # categories, the customer search, countries, relations: one request each
        self.assertEqual(contacts.requests_used, 4)
        partners = self.env["res.partner"].search([("bexio_contact_ref", "!=", 0)])
        self.assertTrue(all("Kunden" in p.category_id.mapped("name") for p in partners))
        sample = self.customers()[0]
        partner = partners.filtered(lambda p: p.bexio_contact_ref == sample["id"])
        self.assertEqual(
            (partner.zip, partner.city, partner.country_id.code),
            (sample["postcode"], sample["city"], "CH"),
        )
        users = runs["Users from bexio"]
        self.assertEqual(
            users.created_count + users.updated_count, len(self.docs("user"))
        )
        projects = (
            self.env["project.project"]
            .with_context(active_test=False)
            .search([("bexio_project_ref", "!=", 0)])
        )
        self.assertEqual(len(projects), len(self.docs("pr_project")))
        archived = [p for p in self.docs("pr_project") if p["pr_state_id"] == 2]
        self.assertEqual(len(projects.filtered(lambda p: not p.active)), len(archived))
        self.assertTrue(all(p.partner_id for p in projects))
        tasks = self.env["project.task"].search([("bexio_package_ref", "!=", 0)])
        self.assertEqual(len(tasks), len(self.docs("pr_package")))
        timesheets = runs["Timesheets from bexio"]
        self.assertEqual(timesheets.created_count, len(self.docs("timesheet")))
        self.assertEqual(timesheets.failed_count, 0)
        sheet = self.docs("timesheet")[0]
        line = self.env["account.analytic.line"].search(
            [("bexio_timesheet_ref", "=", sheet["id"])]
        )
        hours, minutes = sheet["duration"].split(":")
        self.assertAlmostEqual(
            line.unit_amount, int(hours) + int(minutes) / 60, places=4
        )
        self.assertEqual(line.date.isoformat(), sheet["date"])
        self.assertEqual(line.bexio_billable, sheet["allowable_bill"])
        self.assertEqual(line.employee_id.bexio_user_ref, sheet["user_id"])
        self.assertTrue(self.env["bexio.account"].search([("code", "=", "3400")]))
        self.assertEqual(
            sorted(
                self.env["bexio.tax"]
                .search([("tax_type", "=", "sales_tax")])
                .mapped("rate")
            ),
            [2.6, 3.8, 8.1],
        )

    def test_fewer_than_ten_customers_imports_every_contact(self):
        originals = {c["id"]: c for c in self.docs("contact")}
        self.change_in_bexio(
            "contact",
            [
                dict(contact, contact_group_ids="2" if n < 9 else "3")
                for n, contact in enumerate(originals.values())
            ],
        )
        contacts = self.import_all()["Contacts from bexio"]
        self.assertEqual(contacts.created_count, len(originals))
        self.assertIn("every contact was imported", contacts.message)

    def test_a_second_import_writes_nothing(self):
        self.import_all()
        self.env.flush_all()
        lines = self.env["account.analytic.line"].search(
            [("bexio_timesheet_ref", "!=", 0)]
        )
        stamps = dict(zip(lines.ids, lines.mapped("write_date"), strict=True))
        runs = self.import_all(full=True)
        for kind, run in runs.items():
            self.assertEqual(
                (run.created_count, run.updated_count, run.failed_count),
                (0, 0, 0),
                kind,
            )
        lines.invalidate_recordset()
        self.assertEqual(
            dict(zip(lines.ids, lines.mapped("write_date"), strict=True)), stamps
        )

    def test_ambiguous_users_are_listed_not_guessed(self):
        user = self.docs("user")[1]
        twins = self.env["hr.employee"].create(
            [
                {"name": "Twin A", "work_email": user["email"]},
                {"name": "Twin B", "work_email": user["email"]},
            ]
        )
        users = self.import_all()["Users from bexio"]
        self.assertIn("matches several employees", users.line_ids.message)
        self.assertFalse(any(twins.mapped("bexio_user_ref")))

    def test_a_malformed_timesheet_fails_alone(self):
        sheet = self.docs("timesheet")[0]
        self.change_in_bexio("timesheet", [dict(sheet, duration="lots")])
        run = self.import_all()["Timesheets from bexio"]
        self.assertEqual(run.failed_count, 1)
        self.assertEqual(run.created_count, len(self.docs("timesheet")) - 1)
        self.assertIn("duration", run.line_ids.message)

    def test_hours_of_an_archived_employee_fail_alone_and_say_why(self):
        user = self.docs("user")[1]  # the first bexio user records no hours
        archived = self.env["hr.employee"].create(
            {"name": "Ehemalige Person", "work_email": user["email"], "active": False}
        )
        run = self.import_all()["Timesheets from bexio"]
        theirs = [t for t in self.docs("timesheet") if t["user_id"] == user["id"]]
        self.assertTrue(theirs)
        self.assertEqual(run.failed_count, len(theirs))
        self.assertEqual(run.created_count, len(self.docs("timesheet")) - len(theirs))
        self.assertIn("Ehemalige Person is archived in Odoo", run.line_ids[0].message)
        self.assertFalse(
            self.env["account.analytic.line"].search(
                [("employee_id", "=", archived.id)]
            )
        )

    def test_refresh_from_bexio_on_a_project(self):
        self.import_all()
        project = self.env["project.project"].search(
            [("bexio_project_ref", "!=", 0)], limit=1
        )
        self.env["queue.job"].sudo().search([]).unlink()
        project.action_bexio_refresh()
        self.assertEqual(
            self.run_jobs("bexio.connection", "_bexio_refresh_job"), ["done"]
        )
        runs = self.env["bexio.sync.run"].search(
            [("kind", "=", "Projects from bexio")], order="id"
        )
        self.assertEqual(runs[-1].skipped_count, len(self.docs("pr_project")))
