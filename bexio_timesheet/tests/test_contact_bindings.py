# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A customer's bexio contact, per connection: shared partners and uncertain matches."""

import datetime

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from bexio_api.resources.contacts import new_contact_values
from bexio_sandbox.seed import DEMO_COMPANY, OTHER_COMPANY

from .common import BexioInvoiceCase

TRUSTEE = "treuhand@sandbox.bexio.local"


@tagged("post_install", "-at_install")
class TestContactBindings(BexioInvoiceCase):
    def bexio_invoice_of(self, move, company=DEMO_COMPANY):
        reference = move._bexio_api_reference()
        return [
            i
            for i in self.sandbox_docs("kb_invoice", company)
            if i.get("api_reference") == reference
        ]

    def contacts_named(self, name, company=DEMO_COMPANY):
        return [c for c in self.sandbox_docs("contact", company) if c["name_1"] == name]

    def new_customer(self, name, **values):
        return self.env["res.partner"].create(
            {"name": name, "is_company": True, **values}
        )

    def bexio_contact(self, name, **values):
        """A contact made in bexio by someone else, before Odoo asks."""
        client = self.connection._bexio_client()
        return client.contacts.create(
            new_contact_values({"name_1": name, **values}, is_company=True, user_id=1)
        )

    def push_for(self, customer):
        self.customer = customer
        move = self.invoice()
        move.action_bexio_send()
        return move, self.run_jobs("bexio.outbox")

    def outbox_item(self, move):
        return self.env["bexio.outbox"].search(
            [("res_model", "=", "account.move"), ("res_id", "=", move.id)]
        )

    def binding(self, partner, connection=None):
        return self.env["bexio.partner.binding"].search(
            [
                ("partner_id", "=", partner.id),
                ("connection_id", "=", (connection or self.connection).id),
            ]
        )

    # ------------------------------------------------------------ trustee
    def test_a_shared_customer_is_each_bexio_companys_own_contact(self):
        other = self.setup_other_company(name="Bergsicht Treuhand GmbH")["company"]
        self.env.user.company_ids |= other
        connection_b = self.env["bexio.connection"].create({"company_id": other.id})
        self.sign_in(connection_b, username=TRUSTEE, company=OTHER_COMPANY)
        self.env["bexio.timesheet.importer"].with_company(other)._import_master_data(
            connection_b, connection_b._bexio_client()
        )
        revenue_b = self.env["bexio.account"].search(
            [("company_id", "=", other.id), ("code", "=", "3400")]
        )
        self.product_a.categ_id.with_company(other).bexio_account_id = revenue_b
        tax_b = self.env["account.tax"].create(
            {
                "name": "MWST 8.1% B",
                "amount": 8.1,
                "type_tax_use": "sale",
                "company_id": other.id,
                "bexio_tax_id": self.env["bexio.tax"]
                .search([("company_id", "=", other.id), ("code", "=", "UN81")])
                .id,
            }
        )
        shared = self.new_customer("Limmat Druck AG Shared")
        self.assertFalse(shared.company_id)  # Odoo's default: one partner for all

        move_a, done_a = self.push_for(shared)
        move_b = self.init_invoice(
            "out_invoice",
            partner=shared,
            invoice_date=datetime.date(2026, 11, 20),
            products=[self.product_a],
            taxes=tax_b,
            company=other,
        )
        move_b.action_post()
        move_b.with_company(other).action_bexio_send()
        done_b = self.run_jobs("bexio.outbox")

        self.assertEqual((done_a, done_b), (["done"], ["done"]))
        item_b = self.outbox_item(move_b)
        self.assertEqual(item_b.state, "done", item_b.last_error)
        (draft_a,) = self.bexio_invoice_of(move_a)
        (draft_b,) = self.bexio_invoice_of(move_b, OTHER_COMPANY)
        contact_b = self.sandbox.app.store.get(
            OTHER_COMPANY, "contact", draft_b["contact_id"]
        )
        # Before bindings, B's draft named contact draft_a["contact_id"] of B: a stranger.
        self.assertEqual(contact_b["name_1"], "Limmat Druck AG Shared")
        self.assertEqual(len(self.contacts_named("Limmat Druck AG Shared")), 1)
        self.assertEqual(
            {b.connection_id: b.bexio_contact_ref for b in shared.bexio_binding_ids},
            {self.connection: draft_a["contact_id"], connection_b: contact_b["id"]},
        )
        self.assertEqual(shared.bexio_contact_ref, draft_a["contact_id"])
        self.assertEqual(shared.with_company(other).bexio_contact_ref, contact_b["id"])

    # ------------------------------------------------------------ matching
    def test_a_name_alone_never_links_and_waits_for_a_decision(self):
        existing = self.bexio_contact("Aare Holzbau AG", city="Bern")
        customer = self.new_customer("Aare Holzbau AG", city="Thun")
        move, done = self.push_for(customer)
        self.assertEqual(done, ["done"])  # the job ends; the item says why
        item = self.outbox_item(move)
        self.assertEqual(item.state, "failed")
        self.assertIn("Contact links", item.last_error)
        self.assertIn(str(existing.id), item.last_error)
        binding = self.binding(customer)
        self.assertEqual(binding.state, "review")
        self.assertIn(str(existing.id), binding.candidate_refs)
        self.assertEqual(len(self.contacts_named("Aare Holzbau AG")), 1)  # no guess
        self.assertFalse(self.bexio_invoice_of(move))

        binding.bexio_contact_ref = existing.id  # the administrator's decision
        item.action_retry()
        self.run_jobs("bexio.outbox")
        (draft,) = self.bexio_invoice_of(move)
        self.assertEqual(draft["contact_id"], existing.id)
        self.assertEqual(binding.state, "linked")

    def test_none_of_the_candidates_creates_a_new_contact_once_chosen(self):
        self.bexio_contact("Emme Gartenbau GmbH")
        customer = self.new_customer("Emme Gartenbau GmbH")
        move, _done = self.push_for(customer)
        binding = self.binding(customer)
        binding.action_create_in_bexio()
        self.outbox_item(move).action_retry()
        self.run_jobs("bexio.outbox")
        (draft,) = self.bexio_invoice_of(move)
        self.assertEqual(len(self.contacts_named("Emme Gartenbau GmbH")), 2)
        self.assertEqual(binding.bexio_contact_ref, draft["contact_id"])

    def test_the_email_links_an_existing_contact(self):
        existing = self.bexio_contact(
            "Reuss Velo GmbH", mail="Buchhaltung@reuss-velo.ch"
        )
        customer = self.new_customer("Reuss Velo", email="buchhaltung@reuss-velo.ch")
        move, done = self.push_for(customer)
        self.assertEqual(done, ["done"])
        (draft,) = self.bexio_invoice_of(move)
        self.assertEqual(draft["contact_id"], existing.id)
        self.assertEqual(self.contacts_named("Reuss Velo"), [])

    def test_two_contacts_with_the_email_are_a_tie_to_review(self):
        self.bexio_contact("Linth Bau AG", mail="info@linth-bau.ch")
        self.bexio_contact("Linth Bau Holding AG", mail_second="info@linth-bau.ch")
        customer = self.new_customer("Linth Bau", email="info@linth-bau.ch")
        move, _done = self.push_for(customer)
        binding = self.binding(customer)
        self.assertEqual(binding.state, "review")
        self.assertIn(
            "2 bexio contacts have this e-mail address", binding.review_reason
        )
        self.assertFalse(self.bexio_invoice_of(move))

    def test_the_bexio_number_links_only_where_the_name_agrees(self):
        same = self.bexio_contact("Sihl Papier AG")
        stranger = self.bexio_contact("Thur Textil AG")
        customer = self.new_customer("Sihl Papier AG", ref=same.nr)
        move, _done = self.push_for(customer)
        (draft,) = self.bexio_invoice_of(move)
        self.assertEqual(draft["contact_id"], same.id)
        # A number from another bexio company, say, that names someone else here.
        other = self.new_customer("Glatt Optik AG", ref=stranger.nr)
        move, _done = self.push_for(other)
        (draft,) = self.bexio_invoice_of(move)
        self.assertNotEqual(draft["contact_id"], stranger.id)
        self.assertEqual(len(self.contacts_named("Glatt Optik AG")), 1)

    def test_links_are_decided_by_bexio_administrators_only(self):
        self.bexio_contact("Reuss Druck AG")
        customer = self.new_customer("Reuss Druck AG")
        self.push_for(customer)
        binding = self.binding(customer)
        clerk = self.env["res.users"].create(
            {
                "name": "Clerk",
                "login": "binding-clerk",
                "groups_id": [
                    (6, 0, [self.env.ref("bexio_connector.group_bexio_user").id])
                ],
            }
        )
        with self.assertRaises(AccessError):
            binding.with_user(clerk).write({"bexio_contact_ref": 1})
        with self.assertRaises(UserError):
            binding.write({"partner_id": self.partner_a.id})
        with self.assertRaises(UserError):
            self.env["bexio.partner.binding"].create(
                {
                    "connection_id": self.connection.id,
                    "partner_id": self.partner_b.id,
                    "bexio_contact_ref": 5,
                }
            )
        self.assertEqual(binding.state, "review")

    def test_a_name_with_the_whole_address_links(self):
        existing = self.bexio_contact(
            "Saane Käserei AG",
            street_name="Dorfstrasse",
            house_number="4",
            postcode="1700",
            city="Fribourg",
        )
        customer = self.new_customer(
            "Saane Käserei AG", street="Dorfstrasse 4", zip="1700", city="Fribourg"
        )
        move, _done = self.push_for(customer)
        (draft,) = self.bexio_invoice_of(move)
        self.assertEqual(draft["contact_id"], existing.id)
        # The same name in another town is someone else, or unsure: it waits.
        elsewhere = self.new_customer(
            "Saane Käserei AG", street="Dorfstrasse 4", zip="3000", city="Bern"
        )
        move, _done = self.push_for(elsewhere)
        self.assertEqual(self.binding(elsewhere).state, "review")
