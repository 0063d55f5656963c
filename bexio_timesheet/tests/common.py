# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
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
