"""Accounts, account groups, taxes, currencies, bank accounts and document (item) settings."""

import datetime

from ..errors import ApiError
from ..schema import F, Schema
from .base import (
    Collection,
    Reply,
    page,
)

ACCOUNTS = Collection(
    "account",
    Schema(
        F("id", "int"),
        F("uuid"),
        F("account_no"),
        F("name"),
        F("account_type", "int"),
        F("tax_id", "int"),
        F("fibu_account_group_id", "int"),
        F("is_active", "bool", default=True),
        F("is_locked", "bool", default=False),
    ),
    order_fields=("id", "account_no"),
    search_fields=("account_no", "fibu_account_group_id", "name", "account_type"),
)
ACCOUNT_GROUPS = Collection(
    "account_group",
    Schema(
        F("id", "int"),
        F("uuid"),
        F("account_no"),
        F("name"),
        F("parent_fibu_account_group_id", "int"),
        F("is_active", "bool", default=True),
        F("is_locked", "bool", default=False),
    ),
)

TAX_SCHEMA = Schema(
    F("id", "int"),
    F("uuid"),
    F("name"),
    F("code"),
    F("digit"),
    F("type"),
    F("account_id", "int"),
    F("tax_settlement_type", default="none"),
    F("value", "number"),
    F("net_tax_value", "number"),
    F("start_year", "int"),
    F("start_month", "int"),
    F("end_year", "int"),
    F("end_month", "int"),
    F("is_active", "bool", default=True),
    F("display_name"),
)
TAXES = Collection("tax", TAX_SCHEMA, style="v3")


def h_taxes(env, req):
    docs = env.store.all(env.company, "tax")
    scope = req.args.get("scope")
    if scope not in (None, "active", "inactive"):
        raise ApiError(400, "scope must be active or inactive.")
    if scope:
        docs = [d for d in docs if d["is_active"] == (scope == "active")]
    types = req.args.get("types")
    if types:
        wanted = set(types.split(","))
        if not wanted <= {"sales_tax", "pre_tax"}:
            raise ApiError(400, "types must be sales_tax or pre_tax.")
        docs = [
            d
            for d in docs
            if d["type"] in wanted
            or ("pre_tax" in wanted and d["type"].startswith("pre_tax"))
        ]
    if req.args.get("date"):
        try:
            day = datetime.date.fromisoformat(req.args["date"])
        except ValueError:
            raise ApiError(400, "date must be YYYY-MM-DD.") from None
        docs = [d for d in docs if _tax_valid_on(d, day)]
    # A bare array without X-Total-Count: the paging headers of other v3 lists are not sent
    # for taxes live (issue 16's comparison with the recorded answers).
    return page(req, docs, TAXES.render, order_fields=("id",), style="plain")


def _tax_valid_on(tax, day):
    start = (tax.get("start_year") or 0, tax.get("start_month") or 1)
    end = (tax.get("end_year") or 9999, tax.get("end_month") or 12)
    return start <= (day.year, day.month) <= end


def h_tax_delete(env, req, ident):
    TAXES.find(env, ident)
    raise ApiError(409, "tax can not be deleted")


CURRENCIES = Collection(
    "currency",
    Schema(
        F("id", "int", writable=False),
        F("name", required=True, maxlen=80),
        F("round_factor", "float", required=True),
    ),
    style="v3",
)
CURRENCY_CODES = (
    "AUD",
    "CAD",
    "CHF",
    "CNY",
    "CZK",
    "DKK",
    "EUR",
    "GBP",
    "HKD",
    "HUF",
    "JPY",
    "NOK",
    "NZD",
    "PLN",
    "SEK",
    "SGD",
    "USD",
    "ZAR",
)


def h_currency_codes(env, req):
    return Reply(list(CURRENCY_CODES))


BANK_ACCOUNTS = Collection(
    "bank_account",
    Schema(
        F("id", "int"),
        F("uuid"),
        F("name"),
        F("owner"),
        F("owner_address"),
        F("owner_house_number"),
        F("owner_zip"),
        F("owner_city"),
        F("owner_country_code"),
        F("bc_nr"),
        F("bank_name"),
        F("bank_account_nr"),
        F("iban_nr"),
        F("currency_id", "int"),
        F("account_id", "int"),
        F("remarks"),
        F("is_esr", "bool", default=False),
        F("esr_besr_id"),
        F("esr_bottom_line_include_amount", "bool", default=False),
        F("esr_post_account_nr"),
        F("esr_payment_for_text"),
        F("esr_in_favour_of_text"),
        F("invoice_mode", default="none"),
        F("qr_invoice_iban"),
        F("type", default="bank"),
        F("bank_nr"),
    ),
    style="v3",
)

ITEM_SETTINGS = Collection(
    "kb_item_setting",
    Schema(
        F("id", "int"),
        F("text"),
        F("kb_item_class"),
        F("enumeration_format"),
        F("use_automatic_enumeration", "bool"),
        F("use_yearly_enumeration", "bool"),
        F("next_nr", "int"),
        F("nr_min_length", "int"),
        F("default_time_period_in_days", "int"),
        F("default_logopaper_id", "int"),
        F("default_language_id", "int"),
        F("default_client_bank_account_new_id", "int"),
        F("default_currency_id", "int"),
        F("default_mwst_type", "int"),
        F("default_mwst_is_net", "bool"),
        F("default_nb_decimals_amount", "int"),
        F("default_nb_decimals_price", "int"),
        F("default_show_position_taxes", "bool"),
        F("default_title"),
        F("default_show_esr_on_same_page", "bool"),
        F("default_payment_type_id", "int"),
        F("kb_terms_of_payment_template_id", "int"),
        F("default_show_total", "bool"),
    ),
    order_fields=("id", "text"),
)
