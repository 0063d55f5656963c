# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Customer invoices out to the sandbox as bexio drafts; hours written back."""

import json

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import BexioInvoiceCase

COMPANY = "alpenblick01"
INVOICE = "/2.0/kb_invoice"


@tagged("post_install", "-at_install")
class TestInvoices(BexioInvoiceCase):
    def bexio_invoices(self, move):
        reference = move._bexio_api_reference()
        return [
            i
            for i in self.sandbox_docs("kb_invoice")
            if i.get("api_reference") == reference
        ]

    def test_a_posted_invoice_becomes_a_bexio_draft(self):
        move = self.invoice()
        self.assertEqual(self.send(move), ["done"])
        [draft] = self.bexio_invoices(move)
        self.assertEqual(draft["kb_item_status_id"], 7)
        [position] = draft["positions"]
        self.assertEqual(
            (position["amount"], position["unit_price"]), ("2.000000", "120.000000")
        )
        self.assertEqual(position["account_id"], self.revenue.bexio_ref)
        self.assertEqual(position["tax_id"], self.vat81.bexio_ref)
        # The tax applies, added to the prices as in Odoo (mwst_type 1 would mean no VAT).
        self.assertEqual((draft["mwst_type"], draft["mwst_is_net"]), (0, True))
        contact = self.sandbox.app.store.get(COMPANY, "contact", draft["contact_id"])
        self.assertEqual(
            contact["name_1"], "Limmat Druck AG"
        )  # created: bexio had none
        self.assertEqual(self.customer.bexio_contact_ref, contact["id"])
        self.assertEqual(
            (contact["street_name"], contact["house_number"]), ("Seestrasse", "12")
        )
        self.assertEqual(move.bexio_invoice_ref, draft["id"])
        self.assertEqual(move.bexio_status, "draft")
        self.assertEqual(move.bexio_total, float(draft["total"]))
        self.assertEqual(move.bexio_total_difference, 0.0)
        self.assertEqual(move.bexio_sync_state, "synced")
        self.assertTrue(
            move.bexio_document_nr.startswith("RE-")
        )  # bexio numbers by default

    def push_under_vat(self, setting, tax):
        self.sandbox_admin(
            "POST", f"companies/{COMPANY}/vat", json={"setting": setting}
        )
        self.addCleanup(
            self.sandbox_admin,
            "POST",
            f"companies/{COMPANY}/vat",
            json={"setting": "net"},
        )
        move = self.invoice(tax=tax)
        self.assertEqual(self.send(move), ["done"])
        [draft] = self.bexio_invoices(move)
        return move, draft

    def test_totals_agree_when_bexio_adds_the_vat(self):
        move, draft = self.push_under_vat("net", self.tax)
        self.assertEqual(move.amount_total, 259.44)  # 2 x 120 + 8.1 %
        self.assertEqual(draft["total"], "259.440000")
        self.assertEqual(move.bexio_total, 259.44)
        self.assertEqual(move.bexio_total_difference, 0.0)

    def test_totals_agree_when_the_prices_include_the_vat(self):
        included = self.tax.copy(
            {"name": "MWST 8.1% inkl.", "price_include_override": "tax_included"}
        )
        included.bexio_tax_id = self.vat81
        move, draft = self.push_under_vat("gross", included)
        self.assertEqual(move.amount_total, 240.0)
        self.assertEqual((draft["mwst_type"], draft["mwst_is_net"]), (0, False))
        self.assertEqual(
            (draft["total"], draft["total_taxes"]), ("240.000000", "17.9833")
        )
        self.assertEqual(move.bexio_total_difference, 0.0)

    def test_a_company_without_vat_shows_the_vat_odoo_charged_as_the_difference(self):
        move, draft = self.push_under_vat("none", self.tax)
        self.assertEqual(
            (draft["total_taxes"], draft["total"]), ("0.0000", "240.000000")
        )
        self.assertEqual(move.bexio_total, 240.0)
        # bexio's total minus Odoo's: the VAT bexio did not charge.
        self.assertEqual(move.bexio_total_difference, -19.44)

    def test_a_push_reads_bexio_currencies_once(self):
        before = len(self.sandbox_requests("/3.0/currencies", "GET"))
        self.assertEqual(self.send(self.invoice()), ["done"])
        after = len(self.sandbox_requests("/3.0/currencies", "GET"))
        self.assertEqual(
            after - before, 1
        )  # the id for the draft and the rounding, together

    def test_an_existing_customer_is_found_not_created_again(self):
        self.customer.email = "rechnungen@limmat-druck.ch"
        self.send(self.invoice())
        contacts = len(self.sandbox_docs("contact"))
        self.customer.bexio_binding_ids.sudo().unlink()  # as if the link had been lost
        self.send(self.invoice())
        self.assertEqual(len(self.sandbox_docs("contact")), contacts)
        self.assertEqual(self.customer.bexio_binding_ids.state, "linked")

    def test_the_customer_and_invoice_belong_to_the_signed_in_bexio_user(self):
        # Signed in as bexio user 3: what Odoo creates is theirs, not bexio user 1's.
        self.connection.sudo().bexio_user_ref = 3
        # A customer bexio has never seen (the sandbox keeps what earlier tests created).
        self.customer = self.customer.copy(
            {"name": "Reuss Metallbau AG", "email": "info@reuss-metallbau.ch"}
        )
        move = self.invoice()
        self.send(move)
        (draft,) = self.bexio_invoices(move)
        contact = self.sandbox.app.store.get(
            COMPANY, "contact", self.customer.bexio_contact_ref
        )
        self.assertEqual(
            (contact["contact_type_id"], contact["user_id"], contact["owner_id"]),
            (1, 3, 3),
        )
        self.assertEqual(draft["user_id"], 3)

    def test_a_missing_tax_mapping_stops_the_push_with_a_way_to_fix_it(self):
        self.tax.bexio_tax_id = False
        move = self.invoice()
        self.send(move)
        item = self.env["bexio.outbox"].search(
            [("res_model", "=", "account.move"), ("res_id", "=", move.id)]
        )
        self.assertEqual(item.state, "failed")
        self.assertIn("Tax 'MWST 8.1%' has no bexio tax", item.last_error)
        self.assertEqual(self.bexio_invoices(move), [])
        self.tax.bexio_tax_id = self.vat81
        item.action_retry()
        self.run_jobs("bexio.outbox")
        self.assertEqual(item.state, "done")
        self.assertEqual(len(self.bexio_invoices(move)), 1)

    def sent_notices(self):
        """What the bus carried to the user's tabs about sent records (issue 19 item 7)."""
        # What the commit would write to bus.bus (the test transaction never commits).
        notes = self.env.cr.precommit.data.get("bus.bus.values", [])
        payloads = [json.loads(n["message"]) for n in notes]
        return [p["payload"] for p in payloads if p["type"] == "bexio_record_sent"]

    def test_sending_says_so_and_the_form_updates_when_bexio_has_answered(self):
        move = self.invoice()
        action = move.action_bexio_send()
        self.assertEqual(action["tag"], "display_notification")
        self.assertIn("being sent to bexio", action["params"]["message"])
        self.assertEqual(action["params"]["next"]["tag"], "soft_reload")
        self.assertEqual(move.bexio_sync_state, "pending")
        self.assertEqual(self.sent_notices(), [])
        self.run_jobs("bexio.outbox")
        [notice] = self.sent_notices()
        self.assertEqual((notice["model"], notice["id"]), ("account.move", move.id))
        self.assertEqual(notice["type"], "success")
        self.assertIn(move.bexio_document_nr, notice["message"])

    def test_a_failed_send_is_told_to_the_sender(self):
        self.tax.bexio_tax_id = False
        move = self.invoice()
        self.send(move)
        [notice] = self.sent_notices()
        self.assertEqual((notice["id"], notice["type"]), (move.id, "danger"))
        self.assertIn("not sent to bexio", notice["message"])

    def test_the_outbox_names_what_an_item_goes_to_in_words(self):
        move = self.invoice()
        move.action_bexio_send()
        item = self.env["bexio.outbox"].search(
            [("res_model", "=", "account.move"), ("res_id", "=", move.id)]
        )
        self.assertEqual(item.target_label, "Invoice in bexio")

    def test_bexio_tax_types_read_as_words(self):
        self.assertEqual(self.vat81.tax_type_label, "Sales tax")
        self.vat81.tax_type = "pre_tax_special"
        self.assertEqual(self.vat81.tax_type_label, "Pre tax special")

    def test_the_granted_access_reads_in_words(self):
        access = self.connection.granted_access
        self.assertIn("Invoices: read and write", access)
        self.assertNotIn("kb_invoice_edit", access)

    def test_bexio_project_states_read_in_the_users_language(self):
        project = self.env["project.project"].create(
            {"name": "Kälteanlage Altstetten", "bexio_state": "Aktiv"}
        )
        self.assertEqual(project.bexio_state_label, "Active")
        project.bexio_state = (
            "In Abklärung"  # a state the bexio user made: its own name
        )
        self.assertEqual(project.bexio_state_label, "In Abklärung")

    def test_a_missing_account_names_the_places_to_set_one(self):
        self.product_a.categ_id.bexio_account_id = False
        move = self.invoice()
        self.send(move)
        self.assertIn("has no bexio account", move.bexio_sync_error)
        self.product_a.categ_id.bexio_account_id = self.revenue

    def test_every_mapping_problem_is_named_at_once(self):
        self.tax.bexio_tax_id = False
        self.product_a.categ_id.bexio_account_id = False
        move = self.invoice()
        self.send(move)
        error = move.bexio_sync_error
        # Both in one message, not one per attempt; and the menu as this database names it
        # (Community's app is "Invoicing", not "Accounting").
        self.assertIn("has no bexio account", error)
        self.assertIn("Tax 'MWST 8.1%' has no bexio tax", error)
        menu = self.env.ref("account.menu_finance").name
        self.assertIn(f"{menu} > Configuration > Taxes", error)
        self.product_a.categ_id.bexio_account_id = self.revenue

    def test_the_product_form_shows_the_bexio_account_the_message_names(self):
        arch = self.env["product.template"].get_views([(False, "form")])["views"][
            "form"
        ]["arch"]
        self.assertIn('name="bexio_account_id"', arch)

    def test_a_lost_answer_does_not_create_a_second_invoice(self):
        self.inject_fault(action="drop", method="POST", path=f"^{INVOICE}$", count=1)
        move = self.invoice()
        self.assertEqual(self.send(move), ["retry"])
        # As if the backoff had passed (no user may edit an outbox item).
        self.env["bexio.outbox"].sudo().search([("state", "=", "pending")]).write(
            {"next_attempt_at": False}
        )
        self.env["bexio.outbox"]._cron_resume()
        self.run_jobs("bexio.outbox")
        self.assertEqual(len(self.bexio_invoices(move)), 1)
        self.assertEqual(move.bexio_invoice_ref, self.bexio_invoices(move)[0]["id"])

    def test_bexio_numbering_on_request(self):
        move = self.invoice()
        self.assertEqual(move.bexio_number_display, "Defined by bexio")
        self.send(move)
        self.assertTrue(move.bexio_document_nr.startswith("RE-"))
        self.assertEqual(move.bexio_number_display, move.bexio_document_nr)

    def test_odoo_numbering_needs_bexio_numbering_off(self):
        self.connection.invoice_use_bexio_numbering = False
        move = self.invoice()
        self.assertFalse(move.bexio_number_display)
        self.send(move)
        self.assertIn("switch off automatic numbering in bexio", move.bexio_sync_error)
        self.sandbox_admin(
            "POST", f"companies/{COMPANY}/numbering", json={"automatic": False}
        )
        self.addCleanup(
            self.sandbox_admin,
            "POST",
            f"companies/{COMPANY}/numbering",
            json={"automatic": True},
        )
        self.env["bexio.outbox"].search(
            [("res_id", "=", move.id), ("res_model", "=", "account.move")]
        ).action_retry()
        self.run_jobs("bexio.outbox")
        self.assertEqual(move.bexio_document_nr, move.name)

    def test_credit_notes_are_refused_with_a_reason(self):
        refund = self.invoice(move_type="out_refund")
        with self.assertRaises(UserError) as caught:
            refund.action_bexio_send()
        self.assertIn("cannot create credit notes", str(caught.exception))

    def test_the_bexio_status_is_polled(self):
        move = self.invoice()
        self.send(move)
        client = self.connection._bexio_client()
        client.invoices.issue(move.bexio_invoice_ref)
        self.env["account.move"]._cron_bexio_invoice_status()
        self.assertEqual(move.bexio_status, "open")

    def test_sending_on_posting_when_enabled(self):
        self.connection.invoice_push_on_post = True
        move = self.invoice()
        self.run_jobs("bexio.outbox")
        self.assertEqual(len(self.bexio_invoices(move)), 1)

    def test_accounts_and_taxes_are_found_by_their_number(self):
        accounts = self.env["bexio.account"].name_search("3400")
        self.assertEqual(
            [name for _id, name in accounts], ["3400 Dienstleistungserlöse"]
        )
        taxes = self.env["bexio.tax"].name_search("UN81")
        self.assertEqual([i for i, _name in taxes], self.vat81.ids)

    def test_tax_mapping_is_suggested_by_rate(self):
        self.tax.bexio_tax_id = False
        self.connection.action_bexio_suggest_tax_mapping()
        self.assertEqual(self.tax.bexio_tax_id, self.vat81)


@tagged("post_install", "-at_install")
class TestWriteBack(BexioInvoiceCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sign_in(cls.connection)
        cls.env["bexio.timesheet.importer"]._import_all(cls.connection)

    def test_odoo_hours_go_to_bexio_once_and_not_billable(self):
        self.connection.timesheet_write_back = True
        project = self.env["project.project"].search(
            [("bexio_project_ref", "!=", 0)], limit=1
        )
        employee = self.env["hr.employee"].search(
            [("bexio_user_ref", "!=", 0)], limit=1
        )
        line = self.env["account.analytic.line"].create(
            {
                "name": "Odoo-Workshop",
                "project_id": project.id,
                "employee_id": employee.id,
                "unit_amount": 1.25,
                "date": "2026-11-19",
            }
        )
        self.run_jobs("bexio.outbox")
        created = self.sandbox.app.store.get(
            COMPANY, "timesheet", line.bexio_timesheet_ref
        )
        self.assertEqual(
            (created["allowable_bill"], created["duration"], created["text"]),
            (False, "1:15", "Odoo-Workshop"),
        )
        line.unit_amount = 2  # edits stay in Odoo: never a second entry
        self.run_jobs("bexio.outbox")
        same = [
            t for t in self.sandbox_docs("timesheet") if t["text"] == "Odoo-Workshop"
        ]
        self.assertEqual(len(same), 1)

    def test_imported_hours_are_not_written_back(self):
        self.connection.timesheet_write_back = True
        self.env["bexio.timesheet.importer"]._import_all(self.connection, full=True)
        self.assertFalse(
            self.env["bexio.outbox"].search(
                [("res_model", "=", "account.analytic.line")]
            )
        )
