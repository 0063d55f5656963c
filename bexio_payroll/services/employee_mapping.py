# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""How an Odoo employee and bexio's payroll employee and person contact correspond.

Pure conversions, no writes and no searches: which bexio value an Odoo value becomes and
back, and which values bexio must not receive because they are invalid.
"""

import datetime

from stdnum import iban as iban_number
from stdnum.ch import ssn as ahv_number

from odoo.addons.bexio_connector.services.address import join_street, split_street

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


# ------------------------------------------------------------ Odoo -> bexio
def payroll_values(employee, changed, account):
    """bexio payroll's values for ``employee``: the fields fed by the Odoo fields in
    ``changed``, invalid ones left out. ``account`` is the employee's bank account number.

    Returns (values, problems): problems are the bexio fields (of ``PROBLEM_FIELDS``) whose
    Odoo value was left out.
    """
    wanted = payroll_fields(changed)
    first, last = split_name(employee.name)
    street_name, house_number = split_street(employee.private_street)
    lang = (employee.lang or "")[:2]
    candidates = {
        "first_name": first,
        "last_name": last,
        "email": employee.private_email or employee.work_email or None,
        "phone_number": employee.private_phone or None,
        "date_of_birth": employee.birthday.isoformat() if employee.birthday else None,
        "gender": employee.gender if employee.gender in ("male", "female") else None,
        "nationality": employee.country_id.code or None,
        "language": lang if lang in BEXIO_LANGUAGES else None,
        "marital_status": MARITAL_TO_BEXIO.get(employee.marital),
        "address": {
            "street_name": street_name or None,
            "house_number": house_number or None,
            "zip_code": employee.private_zip or None,
            "city": employee.private_city or None,
            "country": employee.private_country_id.code or None,
        },
    }
    values = {k: v for k, v in candidates.items() if k in wanted and v is not None}
    problems = set()
    address = values.get("address")
    if address and bool(address["street_name"]) != bool(address["house_number"]):
        # bexio payroll refuses a street name without a house number (and the reverse).
        del address["street_name"], address["house_number"]
        problems.add("address")
    if "date_of_birth" in values and not (
        datetime.date(1900, 1, 1) <= employee.birthday < datetime.date.today()
    ):
        del values["date_of_birth"]
        problems.add("date_of_birth")
    # Saving refuses invalid ones (_check_ssnid, _check_bexio_iban); older values remain.
    if "ahv_number" in wanted and employee.ssnid:
        if valid_ahv(employee.ssnid):
            values["ahv_number"] = format_ahv(employee.ssnid)
        else:
            problems.add("ahv_number")
    if "iban" in wanted and account:
        if valid_iban(account):
            values["iban"] = compact_iban(account)
        else:
            problems.add("iban")
    if (
        "personnel_number" in changed
        and employee.personnel_number
        and not employee.bexio_conflict
    ):
        values["personal_number"] = employee.personnel_number
    return values, problems


def contact_values(employee):
    """The bexio person contact's values for ``employee``."""
    first, last = split_name(employee.name)
    street_name, house_number = split_street(employee.private_street)
    return {
        "name_1": last,
        "name_2": first,
        "mail": employee.private_email or "",
        "phone_mobile": employee.private_phone or "",
        "street_name": street_name or None,
        "house_number": house_number or None,
        "postcode": employee.private_zip or "",
        "city": employee.private_city or "",
        "birthday": employee.birthday.isoformat() if employee.birthday else None,
    }


# ------------------------------------------------------------ bexio -> Odoo
def values_from_payroll(detail, nationality, address_country, lang):
    """The Odoo values for bexio payroll's ``detail``; the codes come looked up in Odoo:
    ``nationality`` and ``address_country`` as res.country ids, ``lang`` as an installed
    language (None: not known, left alone)."""
    address = detail.address
    values = {
        "name": f"{detail.first_name or ''} {detail.last_name or ''}".strip() or None,
        "private_email": detail.email or None,
        "private_phone": detail.phone_number or None,
        "birthday": detail.date_of_birth,
        "gender": detail.gender if detail.gender in ("male", "female") else None,
        "country_id": nationality,
        "lang": lang,
        "marital": MARITAL_TO_ODOO.get(detail.marital_status),
        # An invalid one is logged on the run (the importer's _log_invalid_import), not stored.
        "ssnid": detail.ahv_number if valid_ahv(detail.ahv_number) else None,
        "bexio_employment_level": float(detail.employment_level or 0),
        "bexio_hours_per_week": float(detail.hours_per_week or 0),
    }
    if address:
        street = join_street(
            address.street_name or address.street, address.house_number
        )
        values.update(
            {
                "private_street": street or None,
                "private_zip": address.zip_code or None,
                "private_city": address.city or None,
                "private_country_id": address_country,
            }
        )
    return {k: v for k, v in values.items() if v is not None}


def values_from_contact(contact):
    """The Odoo values for bexio's person ``contact``."""
    first, last = contact.get("name_2") or "", contact.get("name_1") or ""
    street = join_street(contact.get("street_name"), contact.get("house_number"))
    values = {
        "name": f"{first} {last}".strip() or None,
        "private_email": contact.get("mail") or None,
        "private_phone": contact.get("phone_mobile") or None,
        "private_street": street or None,
        "private_zip": contact.get("postcode") or None,
        "private_city": contact.get("city") or None,
    }
    return {k: v for k, v in values.items() if v is not None}
