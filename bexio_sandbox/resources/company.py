"""The company profile, its users and their permissions (``/3.0/users``, ``/3.0/permissions``)."""

import re

from ..schema import F, Schema
from .base import (
    Collection,
    Reply,
)

COMPANY_PROFILE = Collection(
    "company_profile",
    Schema(
        F("id", "int"),
        F("name"),
        F("address"),
        F("address_nr"),
        F("postcode"),
        F("city"),
        F("country_id", "int"),
        F("legal_form"),
        F("country_name"),
        F("mail"),
        F("phone_fixed"),
        F("phone_mobile"),
        F("fax"),
        F("url"),
        F("skype_name"),
        F("facebook_name"),
        F("twitter_name"),
        F("description"),
        F("ust_id_nr"),
        F("mwst_nr"),
        F("trade_register_nr"),
        F("has_own_logo", "bool", default=False),
        F("is_public_profile", "bool", default=False),
        F("is_logo_public", "bool", default=False),
        F("is_address_public", "bool", default=False),
        F("is_phone_public", "bool", default=False),
        F("is_mobile_public", "bool", default=False),
        F("is_fax_public", "bool", default=False),
        F("is_mail_public", "bool", default=False),
        F("is_url_public", "bool", default=False),
        F("is_skype_public", "bool", default=False),
        F("logo_base64"),
    ),
)

USERS = Collection(
    "user",
    Schema(
        F("id", "int"),
        F("salutation_type"),
        F("firstname"),
        F("lastname"),
        F("email"),
        F("is_superadmin", "bool", default=False),
        F("is_accountant", "bool", default=False),
    ),
    style="v3",
)


def h_users_me(env, req):
    return Reply(USERS.render(USERS.find(env, env.user_id)))


# The bexio user's rights per area ("all", "show" or "none"), kept per company and user; the
# area of a route is the one its scope belongs to.
RIGHTS_AREAS = {
    "contact": "contact",
    "kb_invoice": "kb_invoice",
    "project": "project",
    "monitoring": "monitoring",
    "accounting": "accounting",
    "payroll_employee": "payroll",
    "payroll_absence": "payroll",
    "payroll_paystub": "payroll",
}
RIGHT_LEVELS = ("none", "show", "all")


def rights_area(scope):
    if not scope:
        return None
    return RIGHTS_AREAS.get(re.sub(r"_(show|edit)$", "", scope))


def right_of(settings, user_id, area):
    return (settings.get("rights") or {}).get(str(user_id), {}).get(area, "all")


def may(settings, user_id, area, write):
    level = right_of(settings, user_id, area)
    return level == "all" or (level == "show" and not write)


def h_permissions(env, req):
    settings = env.settings
    components = ["contact", "kb_invoice", "project", "monitoring", "accounting"]
    if settings.get("payroll_enabled"):
        components.append("payroll")
    permissions = {}
    for c in components:
        level = right_of(settings, env.user_id, c)
        permissions[c] = {
            "activation": True,
            "edit": "all" if level == "all" else "none",
            "show": "none" if level == "none" else "all",
        }
    return Reply({"components": components, "permissions": permissions})
