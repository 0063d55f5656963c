"""Chart of accounts, taxes, currencies, bank accounts and document settings."""

from ..records import BOOL, INT, NUMBER, STR, Record
from ..urls import api_path
from .base import Listable, Searchable, Showable

ACCOUNT_TYPE_EARNINGS = 1
ACCOUNT_TYPE_EXPENDITURES = 2
ACCOUNT_TYPE_ASSETS = 3
ACCOUNT_TYPE_LIABILITIES = 4
ACCOUNT_TYPE_CLOSING = 5


class Account(Record):
    kind = "account"
    fields = {
        "id": INT,
        "uuid": STR,
        "account_no": STR,
        "name": STR,
        "account_type": INT,
        "tax_id": INT,
        "fibu_account_group_id": INT,
        "is_active": BOOL,
        "is_locked": BOOL,
    }


class AccountGroup(Record):
    kind = "account group"
    fields = {
        "id": INT,
        "uuid": STR,
        "account_no": STR,
        "name": STR,
        "parent_fibu_account_group_id": INT,
        "is_active": BOOL,
        "is_locked": BOOL,
    }


class Tax(Record):
    kind = "tax"
    fields = {
        "id": INT,
        "uuid": STR,
        "name": STR,
        "code": STR,
        "digit": STR,
        "type": STR,
        "account_id": INT,
        "tax_settlement_type": STR,
        "value": NUMBER,
        "net_tax_value": NUMBER,
        "start_year": INT,
        "start_month": INT,
        "end_year": INT,
        "end_month": INT,
        "is_active": BOOL,
        "display_name": STR,
    }


class Currency(Record):
    kind = "currency"
    fields = {"id": INT, "name": STR, "round_factor": NUMBER}


class BankAccount(Record):
    kind = "bank account"
    fields = {
        "id": INT,
        "uuid": STR,
        "name": STR,
        "owner": STR,
        "owner_address": STR,
        "owner_house_number": STR,
        "owner_zip": STR,
        "owner_city": STR,
        "owner_country_code": STR,
        "bc_nr": STR,
        "bank_name": STR,
        "bank_nr": STR,
        "bank_account_nr": STR,
        "iban_nr": STR,
        "currency_id": INT,
        "account_id": INT,
        "remarks": STR,
        "invoice_mode": STR,
        "qr_invoice_iban": STR,
        "type": STR,
        "is_esr": BOOL,
        "esr_besr_id": STR,
        "esr_bottom_line_include_amount": BOOL,
        "esr_post_account_nr": STR,
        "esr_payment_for_text": STR,
        "esr_in_favour_of_text": STR,
    }


class DocumentSetting(Record):
    kind = "document setting"
    fields = {
        "id": INT,
        "text": STR,
        "kb_item_class": STR,
        "enumeration_format": STR,
        "use_automatic_enumeration": BOOL,
        "use_yearly_enumeration": BOOL,
        "next_nr": INT,
        "nr_min_length": INT,
        "default_time_period_in_days": INT,
        "default_logopaper_id": INT,
        "default_language_id": INT,
        "default_client_bank_account_new_id": INT,
        "default_currency_id": INT,
        # The company's VAT setting for new documents of this class (see ``vat``).
        "default_mwst_type": INT,
        "default_mwst_is_net": BOOL,
        "default_nb_decimals_amount": INT,
        "default_nb_decimals_price": INT,
        "default_show_position_taxes": BOOL,
        "default_title": STR,
        "default_show_esr_on_same_page": BOOL,
        "default_payment_type_id": INT,
        "kb_terms_of_payment_template_id": INT,
        "default_show_total": BOOL,
    }

    @property
    def vat(self):
        """ "none", "net" or "gross": the VAT bexio computes on new documents of this class
        unless a document says otherwise."""
        from .invoices import vat_setting

        return vat_setting(self.default_mwst_type, self.default_mwst_is_net)


class Accounts(Listable, Searchable):
    path = "/2.0/accounts"
    record = Account
    search_fields = ("account_no", "fibu_account_group_id", "name", "account_type")


class AccountGroups(Listable):
    path = "/2.0/account_groups"
    record = AccountGroup


class Taxes(Listable, Showable):
    path = "/3.0/taxes"
    record = Tax
    style = "v3"

    def active_sales_taxes(self, date=None):
        """The taxes bexio accepts on invoices (only active sales taxes are allowed)."""
        params = {"scope": "active", "types": "sales_tax"}
        if date:
            params["date"] = date.isoformat()
        return list(self.iter_all(**params))


class Currencies(Listable, Showable):
    path = "/3.0/currencies"
    record = Currency
    style = "v3"

    def codes(self):
        return list(self.transport.get(api_path(self.path, "codes")).data or [])


class BankAccounts(Listable, Showable):
    path = "/3.0/banking/accounts"
    record = BankAccount
    style = "v3"


class DocumentSettings(Listable):
    path = "/2.0/kb_item_setting"
    record = DocumentSetting
    order_fields = ("id", "text")

    def for_class(self, kb_item_class):
        for setting in self.iter_all():
            if setting.get("kb_item_class") == kb_item_class:
                return setting
        return None

    def invoice_vat(self):
        """The company's VAT setting for invoices: "none", "net" or "gross".

        bexio keeps it as the invoices' document defaults (``default_mwst_type`` and
        ``default_mwst_is_net``); the company profile has only the VAT number.
        """
        setting = self.for_class("KbInvoice")
        return setting.vat if setting is not None else None
