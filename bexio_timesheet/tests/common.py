# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime

from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.addons.bexio_connector.tests.common import BexioSandboxCase


class BexioAccountingCase(BexioSandboxCase, AccountTestInvoicingCommon):
    """Odoo's accounting test company beside the sandbox."""

    @classmethod
    def get_default_groups(cls):
        # The accountant who signs the company in, maps taxes and retries invoices is a
        # bexio administrator too: those actions are the administrator's.
        return super().get_default_groups() | cls.env.ref(
            "bexio_connector.group_bexio_manager"
        )


class BexioInvoiceCase(BexioAccountingCase):
    """Signed in, bexio's accounts and taxes imported, an 8.1 % tax mapped, a customer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sign_in(cls.connection)
        cls.env["bexio.timesheet.importer"]._import_master_data(
            cls.connection, cls.connection._bexio_client()
        )
        Account, Tax = cls.env["bexio.account"], cls.env["bexio.tax"]
        cls.revenue = Account.search([("code", "=", "3400")])
        cls.vat81 = Tax.search([("code", "=", "UN81")])
        cls.tax = cls.env["account.tax"].create(
            {
                "name": "MWST 8.1%",
                "amount": 8.1,
                "type_tax_use": "sale",
                "company_id": cls.env.company.id,
            }
        )
        cls.product_a.categ_id.bexio_account_id = cls.revenue
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "Limmat Druck AG",
                "is_company": True,
                # The sandbox keeps the class's contacts while each test's Odoo side rolls
                # back: the e-mail finds the contact again, the name alone would not.
                "email": "rechnungen@limmat-druck.ch",
                "street": "Seestrasse 12",
                "zip": "8001",
                "city": "Zürich",
            }
        )

    def setUp(self):
        super().setUp()
        self.tax.bexio_tax_id = self.vat81

    def invoice(self, move_type="out_invoice", tax=None):
        move = self.init_invoice(
            move_type,
            partner=self.customer,
            invoice_date=datetime.date(2026, 11, 20),
            products=[self.product_a],
            taxes=tax or self.tax,
        )
        move.invoice_line_ids.write({"quantity": 2, "price_unit": 120.0})
        move.action_post()
        return move

    def send(self, move):
        move.action_bexio_send()
        return self.run_jobs("bexio.outbox")
