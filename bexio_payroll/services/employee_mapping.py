# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""How an Odoo employee and bexio's payroll employee and person contact correspond.

Pure conversions, no records: which bexio value an Odoo value becomes and back, and which
values bexio must not receive because they are invalid.
"""

from stdnum import iban as iban_number
from stdnum.ch import ssn as ahv_number

# bexio payroll -> Odoo (hr.employee.marital). bexio's finer states have no Odoo twin: they are
# left alone in Odoo, and an Odoo value is only sent when it was changed in Odoo.
MARITAL_TO_ODOO = {
    "single": "single",
    "married": "married",
    "registered_partnership": "cohabitant",
    "widowed": "widower",
    "divorced": "divorced",
}
MARITAL_TO_BEXIO = {odoo: bexio for bexio, odoo in MARITAL_TO_ODOO.items()}
BEXIO_LANGUAGES = ("de", "fr", "it", "en")

# Odoo field -> the bexio payroll fields it feeds, and the contact fields it feeds.
PAYROLL_SOURCES = {
    "name": ("first_name", "last_name"),
    "private_email": ("email",),
    "private_phone": ("phone_number",),
    "birthday": ("date_of_birth",),
    "gender": ("gender",),
    "country_id": ("nationality",),
    "lang": ("language",),
    "marital": ("marital_status",),
    "ssnid": ("ahv_number",),
    "bank_account_id": ("iban",),
    "private_street": ("address",),
    "private_zip": ("address",),
    "private_city": ("address",),
    "private_country_id": ("address",),
}
CONTACT_SOURCES = (
    "name",
    "private_email",
    "private_phone",
    "birthday",
    "private_street",
    "private_zip",
    "private_city",
)


def split_name(name):
    """ "Anna Maria Keller" -> ("Anna Maria", "Keller"): bexio keeps first and last name apart."""
    parts = (name or "").split()
    if len(parts) < 2:
        return "", (name or "").strip()
    return " ".join(parts[:-1]), parts[-1]


def valid_ahv(value):
    return bool(value) and ahv_number.is_valid(value)


def format_ahv(value):
    return ahv_number.format(value)


def valid_iban(value):
    return bool(value) and iban_number.is_valid(value)


def compact_iban(value):
    return iban_number.compact(value)


# The bexio payroll fields whose Odoo value can be refused (and left out of a send), in the
# order their problems are listed.
PROBLEM_FIELDS = ("ahv_number", "iban", "date_of_birth", "address")


def payroll_fields(changed):
    """The bexio payroll fields fed by the Odoo fields in ``changed``."""
    return {bexio for odoo in changed for bexio in PAYROLL_SOURCES.get(odoo, ())}
