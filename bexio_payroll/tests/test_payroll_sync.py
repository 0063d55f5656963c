# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Employees both ways with the sandbox's demo company, over real HTTP, with real jobs."""

from unittest.mock import patch

from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, new_test_user, tagged

from odoo.addons.bexio_connector.models import bexio_sync_run as sync_run_module
from odoo.addons.bexio_connector.tests.common import BexioSandboxCase

COMPANY = "alpenblick01"
PAYROLL = "/4.0/payroll/employees"


@tagged("post_install", "-at_install")
class TestPayrollSync(BexioSandboxCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sign_in(cls.connection)
        cls.Employee = cls.env["hr.employee"].with_context(tracking_disable=True)

    def setUp(self):
        super().setUp()
        self.run = self.env["hr.employee"]._bexio_import_employees(self.connection)
        self.sandbox_admin("DELETE", "requests")

    def employee(self, number):
        return self.Employee.search([("personnel_number", "=", number)])

    def bexio_employee(self, number):
        matches = [
            e
            for e in self.sandbox_docs("payroll_employee")
            if e.get("personal_number") == number and not e.get("_deleted")
        ]
        self.assertLessEqual(
            len(matches), 1, f"duplicate payroll employees for {number}"
        )
        return matches[0] if matches else None

    def bexio_employee_count(self):
        # The sandbox lives for the class: count what it holds now, not the seed's 30.
        return len(
            [e for e in self.sandbox_docs("payroll_employee") if not e.get("_deleted")]
        )

    def put_bexio_employee(self, doc):
        store = self.sandbox.app.store
        with store.transaction():
            store.put(COMPANY, "payroll_employee", doc["id"], doc)

    def writes(self, path_prefix):
        return [
            e
            for e in self.sandbox_requests()
            if e["method"] in ("POST", "PATCH") and e["path"].startswith(path_prefix)
        ]

    # ------------------------------------------------------------------ import
    def test_a_running_import_shows_its_progress_on_the_connection(self):
        """What an administrator sees on the connection while the import runs, then gone."""
        seen = []
        Progress = self.registry["bexio.sync.progress"]
        write = Progress.write

        def watch(progress, values):
            result = write(progress, values)
            progress.env.flush_all()  # as its own transaction commits
            # A fresh read, as the connection form does on reload.
            self.connection.invalidate_recordset(["progress_ids"])
            self.env["bexio.sync.progress"].invalidate_model()
            seen.append(self.connection.progress_ids.mapped("display_name"))
            return result

        total = self.bexio_employee_count()
        with (
            patch.object(sync_run_module, "PROGRESS_INTERVAL", 0),
            patch.object(Progress, "write", watch),
        ):
            self.env["hr.employee"]._bexio_import_employees(self.connection)
        self.assertEqual(len(seen), total)
        self.assertEqual(seen[0], [f"Employees from bexio: 0 of {total}"])
        self.assertEqual(seen[-1], [f"Employees from bexio: {total - 1} of {total}"])
        self.connection.invalidate_recordset(["progress_ids"])
        self.assertFalse(
            self.connection.progress_ids, "the progress goes with the import"
        )

    def test_the_initial_import_brings_every_demo_employee(self):
        run, total = self.run, self.bexio_employee_count()
        self.assertGreaterEqual(total, 30)
        self.assertEqual(
            (run.created_count, run.failed_count, run.state), (total, 0, "done")
        )
        # contacts (one page), the payroll list, one detail per employee
        self.assertEqual(run.requests_used, 1 + 1 + total)
        linked = self.Employee.search([("bexio_payroll_ref", "!=", False)])
        self.assertEqual(len(linked), total)
        bexio = self.bexio_employee("1001")
        employee = self.employee("1001")
        self.assertEqual(employee.name, f"{bexio['first_name']} {bexio['last_name']}")
        self.assertEqual(employee.ssnid, bexio["ahv_number"])
        self.assertEqual(employee.bank_account_id.acc_number, bexio["iban"])
        self.assertEqual(employee.private_city, bexio["address"]["city"])
        self.assertEqual(employee.birthday.isoformat(), bexio["date_of_birth"])
        self.assertEqual(employee.bexio_employment_level, bexio["employment_level"])
        self.assertTrue(
            employee.bexio_contact_ref, "the person contact is linked by number"
        )
        contact = self.sandbox.app.store.get(
            COMPANY, "contact", employee.bexio_contact_ref
        )
        self.assertEqual(contact["nr"], "1001")
        self.assertFalse(
            self.env["bexio.outbox"].search([("res_model", "=", "hr.employee")]),
            "an import is not sent back to bexio",
        )

    def test_a_second_import_writes_nothing(self):
        employee = self.employee("1002")
        employee.flush_recordset()
        before = employee.write_date
        run = self.env["hr.employee"]._bexio_import_employees(self.connection)
        self.assertEqual(
            (run.created_count, run.updated_count, run.skipped_count),
            (0, 0, self.bexio_employee_count()),
        )
        employee.invalidate_recordset()
        self.assertEqual(employee.write_date, before)

    def test_odoo_only_data_is_never_touched(self):
        employee = self.employee("1003")
        employee.write({"job_title": "Projektleiterin"})
        # A phone Odoo lacks (not one HR just cleared: that save waits to reach bexio).
        employee.with_context(bexio_no_outbox=True).private_phone = False
        self.env["hr.employee"]._bexio_import_employees(self.connection)
        self.assertEqual(employee.job_title, "Projektleiterin")
        self.assertEqual(
            employee.private_phone, self.bexio_employee("1003")["phone_number"]
        )

    def test_a_name_or_email_match_is_a_hint_never_a_link(self):
        bexio = self.bexio_employee("1004")
        twin = self.Employee.create(
            {"name": "Somebody Else", "private_email": bexio["email"]}
        )
        self.employee("1004").unlink()
        run = self.env["hr.employee"]._bexio_import_employees(self.connection)
        self.assertEqual(run.created_count, 0)
        self.assertIn(
            "Enter 1004 as personnel number on Somebody Else", run.line_ids.message
        )
        self.assertFalse(twin.bexio_payroll_ref)
        twin.personnel_number = "1004"  # the user follows the advice
        run = self.env["hr.employee"]._bexio_import_employees(self.connection)
        self.assertEqual(twin.bexio_payroll_ref, bexio["id"])

    # -------------------------------------------------------------------- push
    def test_five_quick_edits_send_one_patch(self):
        employee = self.employee("1005")
        for phone in (
            "+41 79 111 11 11",
            "+41 79 222 22 22",
            "+41 79 333 33 33",
            "+41 79 444 44 44",
            "+41 79 555 55 55",
        ):
            employee.private_phone = phone
        items = self.env["bexio.outbox"].search(
            [("res_model", "=", "hr.employee"), ("res_id", "=", employee.id)]
        )
        self.assertEqual(
            sorted(items.mapped("target")), ["employee_contact", "payroll_employee"]
        )
        self.run_jobs("bexio.outbox")
        patches = self.writes(PAYROLL)
        self.assertEqual(len(patches), 1)
        self.assertEqual(patches[0]["method"], "PATCH")
        # The AHV number goes with every change: bexio payroll requires it on PATCH.
        self.assertEqual(
            patches[0]["body"],
            {
                "phone_number": "+41 79 555 55 55",
                "ahv_number": self.bexio_employee("1005")["ahv_number"],
            },
        )
        self.assertEqual(
            self.bexio_employee("1005")["phone_number"], "+41 79 555 55 55"
        )
        contact = self.sandbox.app.store.get(
            COMPANY, "contact", employee.bexio_contact_ref
        )
        self.assertEqual(contact["phone_mobile"], "+41 79 555 55 55")
        self.assertEqual(employee.bexio_sync_state, "synced")

    def test_an_import_keeps_a_save_that_has_not_reached_bexio(self):
        employee = self.employee("1007")
        old_phone = self.bexio_employee("1007")["phone_number"]
        old_city = self.bexio_employee("1007")["address"]["city"]
        # Saved in Odoo while bexio refuses the PATCH: the item waits for its retry.
        employee.private_phone = "+41 79 777 07 07"
        self.sandbox_admin(
            "POST",
            "faults",
            json={"action": "status", "status": 503, "method": "PATCH"},
        )
        self.run_jobs("bexio.outbox")
        # Meanwhile bexio has another city: that one still comes in.
        bexio = self.bexio_employee("1007")
        bexio["address"] = {**bexio["address"], "city": "Chur"}
        self.put_bexio_employee(bexio)
        self.env["hr.employee"]._bexio_import_employees(self.connection)
        self.assertEqual(self.bexio_employee("1007")["phone_number"], old_phone)
        self.assertEqual(employee.private_phone, "+41 79 777 07 07")
        self.assertEqual(employee.private_city, "Chur")
        self.assertNotEqual(old_city, "Chur")
        # bexio is back: the save goes out, and bexio's own changes come in again.
        self.sandbox_admin("DELETE", "faults")
        self.env["bexio.outbox"].search(
            [("res_model", "=", "hr.employee"), ("res_id", "=", employee.id)]
        ).write({"next_attempt_at": False})
        self.run_jobs("bexio.outbox")
        self.assertEqual(
            self.bexio_employee("1007")["phone_number"], "+41 79 777 07 07"
        )
        bexio = self.bexio_employee("1007")
        bexio["phone_number"] = "+41 79 888 08 08"
        self.put_bexio_employee(bexio)
        self.env["hr.employee"]._bexio_import_employees(self.connection)
        self.assertEqual(employee.private_phone, "+41 79 888 08 08")

    def test_address_ahv_and_iban_changes_are_patched(self):
        employee = self.employee("1006")
        employee.write(
            {
                "private_street": "Rosenweg 12b",
                "private_zip": "8400",
                "private_city": "Winterthur",
                "ssnid": "756.9217.0769.85",
            }
        )
        self.run_jobs("bexio.outbox")
        bexio = self.bexio_employee("1006")
        self.assertEqual(bexio["ahv_number"], "756.9217.0769.85")
        self.assertEqual(
            (
                bexio["address"]["street_name"],
                bexio["address"]["house_number"],
                bexio["address"]["city"],
            ),
            ("Rosenweg", "12b", "Winterthur"),
        )

    def test_a_street_without_house_number_is_not_sent_and_the_rest_is(self):
        employee = self.employee("1014")
        before = self.bexio_employee("1014")["address"]
        employee.write({"private_street": "Dorfplatz", "private_city": "Chur"})
        self.run_jobs("bexio.outbox")
        patch = self.writes(PAYROLL)[0]["body"]
        self.assertNotIn("street_name", patch["address"])
        self.assertNotIn("house_number", patch["address"])
        after = self.bexio_employee("1014")["address"]
        self.assertEqual(after["city"], "Chur")
        self.assertEqual(
            (after["street_name"], after["house_number"]),
            (before["street_name"], before["house_number"]),
        )
        item = self.env["bexio.outbox"].search(
            [("res_id", "=", employee.id), ("target", "=", "payroll_employee")]
        )
        self.assertEqual(item.state, "partial")
        self.assertIn("no house number", item.last_error)

    def test_a_change_without_any_ahv_number_says_what_to_do(self):
        employee = self.employee("1015")
        self.put_bexio_employee(dict(self.bexio_employee("1015"), ahv_number=None))
        employee.write({"ssnid": False, "private_phone": "+41 79 151 51 51"})
        self.run_jobs("bexio.outbox")
        self.assertEqual(self.writes(PAYROLL), [], "bexio would refuse it")
        item = self.env["bexio.outbox"].search(
            [("res_id", "=", employee.id), ("target", "=", "payroll_employee")]
        )
        self.assertEqual(item.state, "failed")
        self.assertIn("needs the AHV number with every change", item.last_error)

    # --------------------------------------------------------------- conflicts
    def test_a_personnel_number_changed_in_bexio_is_a_conflict(self):
        employee = self.employee("1009")
        doc = dict(self.bexio_employee("1009"), personal_number="2009")
        self.put_bexio_employee(doc)
        self.env["hr.employee"]._bexio_import_employees(self.connection)
        self.assertEqual(employee.personnel_number, "1009", "Odoo keeps its value")
        self.assertEqual(employee.bexio_personnel_number_remote, "2009")
        self.assertIn('Odoo "1009", bexio "2009"', employee.bexio_conflict)
        employee.action_bexio_take_bexio_number()
        self.assertEqual(employee.personnel_number, "2009")
        self.assertFalse(employee.bexio_conflict)

    def test_a_personnel_number_changed_in_odoo_waits_for_a_decision(self):
        employee = self.employee("1010")
        employee.personnel_number = "3010"
        self.assertIn('Odoo "3010", bexio "1010"', employee.bexio_conflict)
        self.run_jobs("bexio.outbox")
        self.assertEqual(
            self.bexio_employee("1010")["personal_number"], "1010", "not sent yet"
        )
        employee.action_bexio_keep_odoo_number()
        self.run_jobs("bexio.outbox")
        self.assertIsNotNone(self.bexio_employee("3010"))
        self.assertFalse(employee.bexio_conflict)
        self.assertEqual(employee.bexio_personnel_number_synced, "3010")

    # --------------------------------------------------------------- self-heal
    def test_a_deleted_payroll_employee_is_created_again(self):
        employee = self.employee("1011")
        old = employee.bexio_payroll_ref
        self.sandbox_admin(
            "POST", f"companies/{COMPANY}/payroll/employees/{old}/delete"
        )
        employee.private_phone = "+41 79 000 11 11"
        self.run_jobs("bexio.outbox")
        self.assertNotEqual(employee.bexio_payroll_ref, old)
        again = self.bexio_employee("1011")
        self.assertEqual(again["id"], employee.bexio_payroll_ref)
        self.assertEqual(again["phone_number"], "+41 79 000 11 11")
        self.assertIn("no longer exists in bexio", employee.message_ids[0].body)

    def test_an_archived_contact_is_restored(self):
        employee = self.employee("1012")
        store = self.sandbox.app.store
        contact = store.get(COMPANY, "contact", employee.bexio_contact_ref)
        with store.transaction():
            store.put(COMPANY, "contact", contact["id"], dict(contact, _archived=True))
        employee.private_email = "neu@example.ch"
        self.run_jobs("bexio.outbox")
        restored = store.get(COMPANY, "contact", employee.bexio_contact_ref)
        self.assertFalse(restored.get("_archived"))
        self.assertEqual(restored["mail"], "neu@example.ch")
        self.assertIn("restored", " ".join(employee.message_ids.mapped("body")))

    def test_a_contact_created_again_belongs_to_the_signed_in_bexio_user(self):
        employee = self.employee("1014")
        store = self.sandbox.app.store
        with store.transaction():
            store.delete(COMPANY, "contact", employee.bexio_contact_ref)
        # Signed in as bexio user 3: the new contact is theirs, not bexio user 1's.
        self.connection.sudo().bexio_user_ref = 3
        employee.private_email = "wieder@example.ch"
        self.run_jobs("bexio.outbox")
        again = store.get(COMPANY, "contact", employee.bexio_contact_ref)
        self.assertEqual(again["mail"], "wieder@example.ch")
        self.assertEqual(
            (again["contact_type_id"], again["user_id"], again["owner_id"]), (2, 3, 3)
        )

    # ----------------------------------------------------------- payroll off
    def test_without_payroll_employees_sync_with_contacts_only(self):
        self.sandbox_admin(
            "POST", f"companies/{COMPANY}/payroll", json={"enabled": False}
        )
        employee = self.employee("1013")
        store = self.sandbox.app.store
        contact = store.get(COMPANY, "contact", employee.bexio_contact_ref)
        with store.transaction():
            store.put(COMPANY, "contact", contact["id"], dict(contact, city="Chur"))
        run = self.env["hr.employee"]._bexio_import_employees(self.connection)
        self.assertEqual(run.state, "done")
        self.assertIn("contacts only", run.message)
        self.assertEqual(employee.private_city, "Chur")
        self.assertEqual(self.connection.payroll_state, "not_subscribed")
        employee.private_email = "nur-kontakt@example.ch"
        targets = (
            self.env["bexio.outbox"]
            .search([("res_id", "=", employee.id)])
            .mapped("target")
        )
        self.assertEqual(targets, ["employee_contact"])
        self.run_jobs("bexio.outbox")
        self.assertEqual(self.writes(PAYROLL), [])

    def test_a_company_that_never_had_payroll_is_not_subscribed_either(self):
        # Its payroll routes answer 404; PP's client treats that as "no payroll module".
        self.sandbox_admin(
            "POST",
            f"companies/{COMPANY}/payroll",
            json={"enabled": False, "answer": 404},
        )
        run = self.env["hr.employee"]._bexio_import_employees(self.connection)
        self.assertEqual(run.state, "done")
        self.assertIn("contacts only", run.message)
        self.assertEqual(self.connection.payroll_state, "not_subscribed")

    def test_a_changed_connection_setting_counts_from_the_next_save(self):
        # What decides whether a save is sent is cached: a change must still count at once.
        employee = self.employee("1013")
        Outbox = self.env["bexio.outbox"]

        def items_of(record):
            return Outbox.search(
                [("res_model", "=", record._name), ("res_id", "=", record.id)]
            )

        def targets_of_a_save(phone):
            items_of(employee).write({"state": "cancelled"})
            employee.private_phone = phone
            pending = items_of(employee).filtered(lambda item: item.state == "pending")
            return sorted(pending.mapped("target"))

        both = ["employee_contact", "payroll_employee"]
        self.assertEqual(targets_of_a_save("+41 79 100 00 01"), both)
        self.connection.payroll_state = "not_subscribed"
        self.assertEqual(targets_of_a_save("+41 79 100 00 02"), ["employee_contact"])
        self.connection.payroll_state = "available"
        self.assertEqual(targets_of_a_save("+41 79 100 00 03"), both)

        new = self.Employee.create({"name": "Nadia Cavelti"})
        self.assertFalse(items_of(new))
        self.connection.payroll_create_employees = True
        new.private_phone = "+41 79 100 00 04"
        self.assertEqual(sorted(items_of(new).mapped("target")), both)

    # -------------------------------------------------------- new employees
    def test_a_lost_answer_does_not_create_a_second_payroll_employee(self):
        self.connection.payroll_create_employees = True
        self.inject_fault(action="drop", method="POST", path=f"^{PAYROLL}$", count=1)
        employee = self.Employee.create(
            {
                "name": "Seraina Bonvin",
                "personnel_number": "4001",
                "ssnid": "756.9217.0769.85",
                "private_email": "sb@example.ch",
            }
        )
        self.assertEqual(self.run_jobs("bexio.outbox"), ["retry", "done"])
        self.env["bexio.outbox"].search([("state", "=", "pending")]).write(
            {"next_attempt_at": False}
        )
        self.env["bexio.outbox"]._cron_resume()
        self.run_jobs("bexio.outbox")
        created = self.bexio_employee("4001")
        self.assertIsNotNone(created)
        self.assertEqual(employee.bexio_payroll_ref, created["id"])
        self.assertEqual(
            len([e for e in self.writes(PAYROLL) if e["method"] == "POST"]), 1
        )

    def test_new_employees_stay_in_odoo_unless_the_connection_creates_them(self):
        employee = self.Employee.create(
            {"name": "Nur Odoo", "personnel_number": "4002"}
        )
        self.assertFalse(
            self.env["bexio.outbox"].search(
                [("res_id", "=", employee.id), ("res_model", "=", "hr.employee")]
            )
        )

    def test_sync_with_bexio_reads_just_this_employee(self):
        employee = self.employee("1014")
        doc = dict(self.bexio_employee("1014"), phone_number="+41 79 140 14 14")
        self.put_bexio_employee(doc)
        employee.action_bexio_sync()
        self.assertEqual(employee.private_phone, "+41 79 140 14 14")
        details = [
            e for e in self.sandbox_requests() if e["path"].startswith(f"{PAYROLL}/")
        ]
        self.assertEqual([e["path"] for e in details], [f"{PAYROLL}/{doc['id']}"])

    def test_colleagues_without_hr_rights_still_see_the_directory(self):
        clerk = new_test_user(self.env, login="clerk_no_hr", groups="base.group_user")
        colleague = self.employee("1015").with_user(clerk)
        self.assertTrue(colleague.name)  # read through hr.employee.public
        self.env["hr.employee.public"].with_user(clerk).search_read(
            [], ["name", "job_title"]
        )
        with self.assertRaises(AccessError):
            colleague.read(["bexio_payroll_ref"])
        with self.assertRaises(AccessError):
            colleague.read(["ssnid"])

    def test_an_hr_officer_outside_the_bexio_groups_saves_and_it_is_sent(self):
        officer = new_test_user(
            self.env, login="hr_officer_no_bexio", groups="hr.group_hr_user"
        )
        employee = self.employee("1006")
        employee.with_user(officer).private_phone = "+41 79 606 06 06"
        self.run_jobs("bexio.outbox")
        self.assertEqual(
            self.bexio_employee("1006")["phone_number"], "+41 79 606 06 06"
        )
