"""Chart of accounts, taxes, currencies, bank accounts and document settings."""

from ..records import BOOL, DECIMAL, INT, STR, Record
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
        "value": DECIMAL,
        "net_tax_value": DECIMAL,
        "start_year": INT,
        "start_month": INT,
        "end_year": INT,
        "end_month": INT,
        "is_active": BOOL,
        "display_name": STR,
    }


class Currency(Record):
    kind = "currency"
    fields = {"id": INT, "name": STR, "round_factor": DECIMAL}


class BankAccount(Record):
    kind = "bank account"
    fields = {
        "id": INT,
        "uuid": STR,
        "name": STR,
        "owner": STR,
        "iban_nr": STR,
        "qr_invoice_iban": STR,
        "currency_id": INT,
        "account_id": INT,
        "invoice_mode": STR,
        "bank_name": STR,
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
        "default_currency_id": INT,
        "default_mwst_type": INT,
        "default_mwst_is_net": BOOL,
    }


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
