# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The Odoo company's master data from bexio's company profile, read after connecting.

Empty fields of the company are filled; a field both sides have and that differs is listed on
the connection (``master_data_differences``), never overwritten: the company's data in Odoo may
be the better one.
"""

import logging

from bexio_api import errors

_logger = logging.getLogger(__name__)


def sync(connection):
    """Fill ``connection``'s company's empty fields from bexio; list what differs."""
    env = connection.env
    client = connection._bexio_client(max_retries=1)
    try:
        profile = client.company_profiles.current()
        country = (
            client.countries.get(profile.country_id)
            if profile and profile.country_id
            else None
        )
    except errors.BexioError as exc:
        _logger.info("bexio: company profile of %s not read: %s", connection.id, exc)
        return
    if not profile:
        return
    company = connection.company_id
    street = " ".join(p for p in (profile.address, profile.address_nr) if p)
    odoo_country = (
        env["res.country"].search([("code", "=", country.iso_code)], limit=1)
        if country and country.iso_code
        else env["res.country"]
    )
    vat = (profile.mwst_nr or profile.ust_id_nr or "").replace(" MWST", "").strip()
    wanted = {
        "name": (env._("Name"), profile.name),
        "street": (env._("Street"), street),
        "zip": (env._("ZIP"), profile.postcode),
        "city": (env._("City"), profile.city),
        "country_id": (env._("Country"), odoo_country),
        "vat": (env._("VAT / UID"), vat),
        "email": (env._("E-mail"), profile.mail),
        "phone": (env._("Phone"), profile.phone_fixed),
        "website": (env._("Website"), profile.url),
        "company_registry": (
            env._("Commercial register"),
            profile.trade_register_nr,
        ),
    }
    fill, differences = {}, []
    for field_name, (label, value) in wanted.items():
        current = company[field_name]
        if not value or current == value:
            continue
        if not current:
            fill[field_name] = value.id if field_name == "country_id" else value
            continue
        as_text = (lambda v: v.name) if field_name == "country_id" else str
        differences.append(
            env._(
                '%(label)s: Odoo "%(odoo)s", bexio "%(bexio)s"',
                label=label,
                odoo=as_text(current),
                bexio=as_text(value),
            )
        )
    if fill:
        company.sudo().write(fill)
    connection.sudo().master_data_differences = "\n".join(differences) or False
