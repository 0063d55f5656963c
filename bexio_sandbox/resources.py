"""The sandbox's bexio resources: schemas, write rules and request handlers.

Handlers receive an ``Env`` (store, company, calling user, clock) and the werkzeug request,
and return a ``Reply``. They run inside a store transaction, so a failing handler writes nothing.
"""

import base64
import datetime
import json
import re
import uuid
from dataclasses import dataclass, field
from decimal import Decimal

from . import swiss
from .errors import ApiError
from .schema import F, Schema

MAX_LIMIT = 2000
DEFAULT_LIMIT = 500
ZURICH_OFFSET = datetime.timezone(
    datetime.timedelta(hours=1)
)  # CET; DST is not modelled


@dataclass
class Env:
    store: object
    company: str
    user_id: int = 1
    now: datetime.datetime = field(
        default_factory=lambda: datetime.datetime.now(ZURICH_OFFSET)
    )

    @property
    def stamp(self):
        return self.now.strftime("%Y-%m-%d %H:%M:%S")

    @property
    def settings(self):
        return self.store.get("global", "company", self.company) or {}


@dataclass
class Reply:
    data: object = None
    status: int = 200
    headers: dict = field(default_factory=dict)
    content_type: str = "application/json"


SUCCESS = {"success": True}


def form_error(field, message):
    """bexio's 422 for a form it cannot save, naming the field."""
    return ApiError(
        422,
        f"The form could not be saved due to the following errors: {field}: {message}",
        errors=[field],
    )


def require_existing(env, doc, references):
    """422 for the first (field, kind) reference in ``doc`` that points at nothing."""
    for name, kind in references:
        value = doc.get(name)
        if value is not None and env.store.get(env.company, kind, value) is None:
            raise form_error(name, f"The value {value} does not exist.")


# ----------------------------------------------------------------- the body
def json_body(req):
    raw = req.get_data(cache=True)
    if not raw:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        raise ApiError(400, "The request body is not valid JSON.") from None


# ----------------------------------------------------------- lists, search
def _order(docs, order_by, allowed):
    if not order_by:
        return docs
    keys = []
    for part in order_by.split(","):
        part = part.strip()
        name, desc = part, False
        if part.endswith("_desc") and part[:-5] in allowed:
            name, desc = part[:-5], True
        elif part.endswith("_asc") and part[:-4] in allowed:
            name = part[:-4]
        if name not in allowed:
            raise ApiError(
                400, f"order_by: '{part}' is not allowed; use {', '.join(allowed)}."
            )
        keys.append((name, desc))
    for name, desc in reversed(keys):
        docs = sorted(docs, key=lambda d: _sort_key(d.get(name)), reverse=desc)
    return docs


def _sort_key(value):
    if value is None:
        return (0, 0, "")
    if isinstance(value, int | float) and not isinstance(value, bool):
        return (1, value, "")
    try:
        return (1, float(value), "")
    except (TypeError, ValueError):
        return (2, 0, str(value).lower())


def _paging(req):
    try:
        limit = int(req.args.get("limit", DEFAULT_LIMIT))
        offset = int(req.args.get("offset", 0))
    except ValueError:
        raise ApiError(400, "limit and offset must be integers.") from None
    if limit < 0 or offset < 0:
        raise ApiError(400, "limit and offset must not be negative.")
    return min(limit, MAX_LIMIT), offset


def page(req, docs, render, *, order_fields=(), style="v2", default_order=None):
    docs = _order(docs, req.args.get("order_by") or default_order, order_fields)
    limit, offset = _paging(req)
    rows = [render(d) for d in docs[offset : offset + limit]]
    headers = {}
    if style == "v3":
        headers = {
            "X-Total-Count": str(len(docs)),
            "X-Limit": str(limit),
            "X-Offset": str(offset),
        }
    return Reply(rows, headers=headers)


_CRITERIA = {
    "=": "eq",
    "equal": "eq",
    "!=": "ne",
    "not_equal": "ne",
    ">": "gt",
    "greater_than": "gt",
    ">=": "ge",
    "greater_equal": "ge",
    "<": "lt",
    "less_than": "lt",
    "<=": "le",
    "less_equal": "le",
    "like": "like",
    "not_like": "not_like",
    "is_null": "is_null",
    "not_null": "not_null",
    "in": "in",
    "not_in": "not_in",
}


def search(req, docs, search_fields):
    criteria = json_body(req)
    if not isinstance(criteria, list) or not criteria:
        raise ApiError(400, "The search body must be a non-empty array of criteria.")
    for item in criteria:
        if not isinstance(item, dict) or "field" not in item or "value" not in item:
            raise ApiError(400, "Each search criterion needs 'field' and 'value'.")
        name = item["field"]
        if name not in search_fields:
            raise ApiError(400, f"The field '{name}' cannot be searched.")
        op = _CRITERIA.get(item.get("criteria") or "like")
        if op is None:
            raise ApiError(400, f"Unknown search criteria '{item.get('criteria')}'.")
        value = item["value"]
        if isinstance(value, str) and len(value) > 255:
            raise ApiError(400, "Search values are limited to 255 characters.")
        docs = [d for d in docs if _matches(d.get(name), op, value, name)]
    return docs


def _matches(actual, op, expected, name):
    if op == "is_null":
        return actual in (None, "")
    if op == "not_null":
        return actual not in (None, "")
    if name.endswith("_ids") and op in ("eq", "like", "in"):
        # Group ids are stored "1,2": searching a group finds contacts that have it.
        have = set(str(actual or "").split(","))
        wanted = {str(v).strip() for v in str(expected).split(",")}
        return bool(have & wanted)
    if op in ("in", "not_in"):
        values = expected if isinstance(expected, list) else str(expected).split(",")
        found = str(actual) in {str(v).strip() for v in values}
        return found if op == "in" else not found
    if op in ("like", "not_like"):
        pattern = re.escape(str(expected).lower()).replace("%", ".*").replace("_", ".")
        found = (
            actual is not None and re.search(pattern, str(actual).lower()) is not None
        )
        return found if op == "like" else not found
    if actual is None:
        return op == "ne"
    a, b = _comparable(actual, expected)
    return {
        "eq": a == b,
        "ne": a != b,
        "gt": a > b,
        "ge": a >= b,
        "lt": a < b,
        "le": a <= b,
    }[op]


def _comparable(actual, expected):
    try:
        return Decimal(str(actual)), Decimal(str(expected))
    except ArithmeticError:
        return str(actual), str(expected)
    except ValueError:
        return str(actual), str(expected)


# ---------------------------------------------------------- generic crud
class Collection:
    """A bexio resource stored under ``kind`` with integer ids."""

    def __init__(
        self,
        kind,
        schema,
        *,
        order_fields=("id",),
        search_fields=(),
        style="v2",
        list_omit=(),
        read_only_rejected=(),
        numbered=None,
    ):
        self.kind = kind
        self.schema = schema
        self.order_fields = order_fields
        self.search_fields = search_fields
        self.style = style
        self.list_omit = list_omit
        self.read_only_rejected = read_only_rejected
        self.numbered = numbered  # (meta key, format) of an auto-assigned "nr"

    def visible(self, env, archived=False):
        return [
            d
            for d in env.store.all(env.company, self.kind)
            if bool(d.get("_archived")) == archived
        ]

    def find(self, env, ident, archived_ok=False):
        doc = env.store.get(env.company, self.kind, ident)
        if doc is None or (doc.get("_archived") and not archived_ok):
            raise ApiError(404, "The requested resource could not be found.")
        return doc

    def render(self, doc, full=True):
        return self.schema.render(doc, omit=() if full else self.list_omit)

    def writable_fields(self):
        """What a client may send on create and edit (the contract tests compare it with the
        SDK's declaration)."""
        return self.schema.writable_names()

    def create(self, env, values, **extra):
        doc = {"id": env.store.next_id(env.company, self.kind)}
        doc.update(extra)
        self.schema.apply(
            doc, values, creating=True, read_only_rejected=self.read_only_rejected
        )
        self.complete(env, doc, creating=True)
        return env.store.put(env.company, self.kind, doc["id"], doc)

    def edit(self, env, ident, values):
        doc = dict(self.find(env, ident))
        self.schema.apply(
            doc, values, creating=False, read_only_rejected=self.read_only_rejected
        )
        self.complete(env, doc, creating=False)
        return env.store.put(env.company, self.kind, doc["id"], doc)

    def complete(self, env, doc, creating):
        """Computed fields; subclasses add their own rules."""
        if "updated_at" in self.schema.by_name:
            doc["updated_at"] = env.stamp
        if self.numbered and (creating or not doc.get("nr")):
            key, fmt = self.numbered
            if doc.get("nr") in (None, ""):
                doc["nr"] = fmt % env.store.next_id(env.company, key)
            elif not str(doc["nr"]).isdigit():
                raise form_error("nr", "This value should be numeric.")

    # Handlers ------------------------------------------------------------
    def h_list(self, env, req):
        archived = req.args.get("show_archived") == "true"
        return page(
            req,
            self.visible(env, archived),
            lambda d: self.render(d, full=False),
            order_fields=self.order_fields,
            style=self.style,
        )

    def h_search(self, env, req):
        archived = req.args.get("show_archived") == "true"
        docs = search(req, self.visible(env, archived), self.search_fields)
        return page(
            req,
            docs,
            lambda d: self.render(d, full=False),
            order_fields=self.order_fields,
            style=self.style,
        )

    def h_show(self, env, req, ident):
        archived_ok = req.args.get("show_archived") == "true"
        return Reply(self.render(self.find(env, ident, archived_ok=archived_ok)))

    def h_create(self, env, req):
        return Reply(self.render(self.create(env, json_body(req) or {})), status=201)

    def h_edit(self, env, req, ident):
        return Reply(self.render(self.edit(env, ident, json_body(req) or {})))

    def h_patch(self, env, req, ident):
        return self.h_edit(env, req, ident)

    def h_delete(self, env, req, ident):
        self.find(env, ident)
        env.store.delete(env.company, self.kind, ident)
        return Reply(SUCCESS)


def named(kind, **kwargs):
    return Collection(
        kind,
        Schema(F("id", "int", writable=False), F("name", required=True, maxlen=255)),
        **kwargs,
    )


# -------------------------------------------------------------- contacts
DEFAULT_AVATAR = base64.b64encode(
    bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201a3ba0b"
        "e30000000049454e44ae426082"
    )
).decode()


class Contacts(Collection):
    def complete(self, env, doc, creating):
        super().complete(env, doc, creating)
        if doc.get("contact_type_id") not in (1, 2):
            raise form_error(
                "contact_type_id", "The value you selected is not a valid choice."
            )
        if (doc.get("house_number") or doc.get("address_addition")) and not doc.get(
            "street_name"
        ):
            raise form_error("street_name", "This value should not be blank.")
        # ``address`` is read-only and composed from its parts, as live bexio answers.
        street = " ".join(
            p for p in (doc.get("street_name"), doc.get("house_number")) if p
        )
        doc["address"] = street or None
        if creating:
            doc["profile_image"] = DEFAULT_AVATAR
            for name in (
                "postcode",
                "city",
                "mail",
                "mail_second",
                "phone_fixed",
                "phone_fixed_second",
                "phone_mobile",
                "fax",
                "url",
                "skype_name",
                "remarks",
                "name_2",
            ):
                if doc.get(name) is None:
                    doc[name] = ""
            doc["is_lead"] = False
        require_existing(
            env,
            doc,
            (
                ("country_id", "country"),
                ("user_id", "user"),
                ("owner_id", "user"),
            ),
        )

    def h_delete(self, env, req, ident):
        doc = dict(self.find(env, ident))
        doc["_archived"] = True
        env.store.put(env.company, self.kind, ident, doc)
        return Reply(SUCCESS)

    def h_restore(self, env, req, ident):
        doc = dict(self.find(env, ident, archived_ok=True))
        doc.pop("_archived", None)
        doc["updated_at"] = env.stamp
        env.store.put(env.company, self.kind, ident, doc)
        return Reply(SUCCESS)

    def h_bulk_create(self, env, req):
        items = json_body(req)
        if not isinstance(items, list) or not items:
            raise ApiError(
                400, "The request body must be a non-empty array of contacts."
            )
        return Reply([self.render(self.create(env, item)) for item in items])


CONTACT_SCHEMA = Schema(
    F("id", "int", writable=False),
    F("nr"),
    F("contact_type_id", "int", required=True),
    F("name_1", required=True, maxlen=255),
    F("name_2", maxlen=255),
    F("salutation_id", "int"),
    F("salutation_form", "int"),
    F("title_id", "int"),
    F("birthday", "date"),
    F("address", writable=False),
    F("street_name", maxlen=255),
    F("house_number", maxlen=50),
    F("address_addition", maxlen=255),
    F("postcode"),
    F("city"),
    F("country_id", "int"),
    F("mail"),
    F("mail_second"),
    F("phone_fixed"),
    F("phone_fixed_second"),
    F("phone_mobile"),
    F("fax"),
    F("url"),
    F("skype_name"),
    F("remarks"),
    F("language_id", "int"),
    F("is_lead", "bool", default=False, writable=False),
    F("contact_group_ids", "ids"),
    F("contact_branch_ids", "ids"),
    F("user_id", "int", required=True),
    F("owner_id", "int", required=True),
    F("profile_image", writable=False),
    F("updated_at", writable=False),
)
CONTACTS = Contacts(
    "contact",
    CONTACT_SCHEMA,
    order_fields=("id", "nr", "name_1", "updated_at"),
    search_fields=(
        "id",
        "name_1",
        "name_2",
        "nr",
        "address",
        "mail",
        "mail_second",
        "postcode",
        "city",
        "country_id",
        "contact_group_ids",
        "contact_type_id",
        "updated_at",
        "user_id",
        "phone_fixed",
        "phone_mobile",
        "fax",
    ),
    list_omit=("profile_image",),
    read_only_rejected=("address",),
    numbered=("contact_nr", "%06d"),
)
# ``titel_id`` is the documented write alias of ``title_id`` on bulk create.
CONTACT_SCHEMA.by_name["titel_id"] = CONTACT_SCHEMA.by_name["title_id"]


class ContactRelations(Collection):
    def complete(self, env, doc, creating):
        super().complete(env, doc, creating)
        require_existing(
            env, doc, (("contact_id", "contact"), ("contact_sub_id", "contact"))
        )


CONTACT_RELATIONS = ContactRelations(
    "contact_relation",
    Schema(
        F("id", "int", writable=False),
        F("contact_id", "int", required=True),
        F("contact_sub_id", "int", required=True),
        F("description"),
        F("updated_at", writable=False),
    ),
    order_fields=("id", "contact_id", "contact_sub_id", "updated_at"),
    search_fields=("contact_id", "contact_sub_id", "updated_at"),
)

CONTACT_GROUPS = named(
    "contact_group", order_fields=("id", "name"), search_fields=("name",)
)
CONTACT_SECTORS = named(
    "contact_branch", order_fields=("id", "name"), search_fields=("name",)
)
SALUTATIONS = named("salutation", search_fields=("name",))
TITLES = named("title", search_fields=("name",))
UNITS = named("unit", search_fields=("name",))
PAYMENT_TYPES = named("payment_type", search_fields=("name",))
PROJECT_STATES = named("pr_project_state")
PROJECT_TYPES = named("pr_project_type")
TIMESHEET_STATUSES = named("timesheet_status")
COUNTRIES = Collection(
    "country",
    Schema(
        F("id", "int", writable=False),
        F("name", required=True),
        F("name_short", required=True),
        F("iso_3166_alpha2", required=True),
    ),
    order_fields=("id", "name", "name_short"),
    search_fields=("name", "name_short"),
)
COUNTRIES.schema.by_name["iso3166_alpha2"] = COUNTRIES.schema.by_name["iso_3166_alpha2"]
LANGUAGES = Collection(
    "language",
    Schema(
        F("id", "int", writable=False),
        F("name"),
        F("decimal_point"),
        F("thousands_separator"),
        F("date_format_id", "int"),
        F("date_format"),
        F("iso_639_1"),
    ),
    order_fields=("id", "name"),
    search_fields=("name", "iso_639_1"),
)


# -------------------------------------------------------- master data, company
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


# ------------------------------------------------------ projects and time
class Projects(Collection):
    def complete(self, env, doc, creating):
        super().complete(env, doc, creating)
        if creating:
            doc["uuid"] = str(uuid.uuid4())
        checks = (
            ("contact_id", "contact"),
            ("pr_state_id", "pr_project_state"),
            ("pr_project_type_id", "pr_project_type"),
            ("user_id", "user"),
        )
        require_existing(env, doc, checks)

    def h_archive(self, env, req, ident):
        return self._set_state(env, ident, ARCHIVED_PROJECT_STATE)

    def h_reactivate(self, env, req, ident):
        return self._set_state(env, ident, ACTIVE_PROJECT_STATE)

    def _set_state(self, env, ident, state):
        doc = dict(self.find(env, ident))
        doc["pr_state_id"] = state
        env.store.put(env.company, self.kind, ident, doc)
        return Reply(SUCCESS)


ACTIVE_PROJECT_STATE = 1
ARCHIVED_PROJECT_STATE = 2
PROJECTS = Projects(
    "pr_project",
    Schema(
        F("id", "int", writable=False),
        F("uuid", writable=False),
        F("nr", writable=False),
        F("name", required=True, maxlen=255),
        F("start_date", "datetime"),
        F("end_date", "datetime"),
        F("comment"),
        F("pr_state_id", "int", required=True),
        F("pr_project_type_id", "int", required=True),
        F("contact_id", "int", required=True),
        F("contact_sub_id", "int"),
        F("pr_invoice_type_id", "int", choices={None, 1, 2, 3, 4}),
        F("pr_invoice_type_amount", "money"),
        F("pr_budget_type_id", "int", choices={None, 1, 2, 3, 4}),
        F("pr_budget_type_amount", "money"),
        F("user_id", "int", required=True),
    ),
    order_fields=("id", "name"),
    search_fields=("name", "contact_id", "pr_state_id"),
    numbered=("project_nr", "%06d"),
)


class ProjectChildren(Collection):
    """v3 children of a project (work packages, milestones), stored with their project id."""

    def visible(self, env, archived=False, project=None):
        return [
            d for d in env.store.all(env.company, self.kind) if d["_project"] == project
        ]

    def _project(self, env, project):
        PROJECTS.find(env, project)
        return int(project)

    def find_child(self, env, project, ident):
        doc = env.store.get(env.company, self.kind, ident)
        if doc is None or doc["_project"] != int(project):
            raise ApiError(404, "The requested resource could not be found.")
        return doc

    def h_list(self, env, req, project):
        docs = self.visible(env, project=self._project(env, project))
        return page(req, docs, self.render, order_fields=("id",), style="v3")

    def h_create(self, env, req, project):
        doc = self.create(
            env, json_body(req) or {}, _project=self._project(env, project)
        )
        return Reply(self.render(doc), status=201)

    def h_show(self, env, req, project, ident):
        return Reply(self.render(self.find_child(env, project, ident)))

    def h_edit(self, env, req, project, ident):
        self.find_child(env, project, ident)
        return Reply(self.render(self.edit(env, ident, json_body(req) or {})))

    h_patch = h_edit

    def h_delete(self, env, req, project, ident):
        self.find_child(env, project, ident)
        env.store.delete(env.company, self.kind, ident)
        return Reply(SUCCESS)


PACKAGES = ProjectChildren(
    "pr_package",
    Schema(
        F("id", "int", writable=False),
        F("name", required=True, maxlen=255),
        F("spent_time_in_hours", "number", default=0),
        F("estimated_time_in_hours", "number"),
        F("comment", maxlen=10000),
        F("pr_milestone_id", "int"),
    ),
    style="v3",
)
MILESTONES = ProjectChildren(
    "pr_milestone",
    Schema(
        F("id", "int", writable=False),
        F("name", required=True, maxlen=255),
        F("end_date", "date"),
        F("comment", maxlen=10000),
        F("pr_parent_milestone_id", "int"),
    ),
    style="v3",
)

BUSINESS_ACTIVITIES = Collection(
    "client_service",
    Schema(
        F("id", "int", writable=False),
        F("name", required=True, maxlen=255),
        F("default_is_billable", "bool"),
        F("default_price_per_hour", "number"),
        F("account_id", "int"),
    ),
    order_fields=("id", "name"),
    search_fields=("name",),
)

_DURATION = re.compile(r"^(\d{1,4}):([0-5]\d)$")


def duration_text(minutes):
    # Live bexio writes hours without a leading zero ("1:15"), unlike its docs.
    return f"{minutes // 60}:{minutes % 60:02d}"


class Timesheets(Collection):
    def complete(self, env, doc, creating):
        super().complete(env, doc, creating)
        tracking = doc.get("tracking")
        if not isinstance(tracking, dict) or tracking.get("type") not in (
            "duration",
            "range",
        ):
            raise form_error("tracking", "type must be duration or range.")
        try:
            if tracking["type"] == "duration":
                day = datetime.date.fromisoformat(str(tracking.get("date")))
                match = _DURATION.match(str(tracking.get("duration", "")))
                if not match:
                    raise ValueError("duration must be HH:MM")
                minutes = int(match.group(1)) * 60 + int(match.group(2))
            else:
                start = datetime.datetime.strptime(
                    tracking["start"], "%Y-%m-%d %H:%M:%S"
                )
                end = datetime.datetime.strptime(tracking["end"], "%Y-%m-%d %H:%M:%S")
                if end < start:
                    raise ValueError("end is before start")
                day, minutes = start.date(), int((end - start).total_seconds() // 60)
        except (KeyError, TypeError, ValueError) as exc:
            raise form_error("tracking", f"{exc}") from None
        doc["tracking"] = (
            dict(tracking, duration=duration_text(minutes))
            if tracking["type"] == "duration"
            else dict(tracking)
        )
        doc["date"] = day.isoformat()
        doc["duration"] = duration_text(minutes)
        doc["running"] = False
        require_existing(
            env,
            doc,
            (
                ("user_id", "user"),
                ("client_service_id", "client_service"),
                ("pr_project_id", "pr_project"),
                ("contact_id", "contact"),
                ("status_id", "timesheet_status"),
            ),
        )


TIMESHEETS = Timesheets(
    "timesheet",
    Schema(
        F("id", "int", writable=False),
        F("user_id", "int", required=True),
        F("status_id", "int"),
        F("client_service_id", "int", required=True),
        F("text"),
        F("allowable_bill", "bool", required=True),
        F("charge", "money"),
        F("contact_id", "int"),
        F("sub_contact_id", "int"),
        F("pr_project_id", "int"),
        F("pr_package_id", "int"),
        F("pr_milestone_id", "int"),
        F("travel_time", writable=False),
        F("travel_charge", writable=False),
        F("travel_distance", "int", writable=False),
        F("estimated_time"),
        F("date", writable=False),
        F("duration", writable=False),
        F("running", "bool", default=False, writable=False),
        F("tracking", "json", required=True),
    ),
    order_fields=("id", "date"),
    search_fields=(
        "id",
        "client_service_id",
        "contact_id",
        "user_id",
        "pr_project_id",
        "status_id",
    ),
)


# ------------------------------------------------------------------ payroll
class ProblemError(ApiError):
    """A v4 error: rendered as application/problem+json."""


GENDERS = {"male", "female"}
LANGUAGES_V4 = {"de", "fr", "it", "en"}
MARITAL = {
    "unknown",
    "single",
    "married",
    "separated",
    "registered_partnership",
    "partnership_dissolved_by_law",
    "partnership_dissolved_by_death",
    "partnership_dissolved_by_declaration_of_lost",
    "widowed",
    "divorced",
}
EMPLOYEE_WRITABLE = {
    "email",
    "first_name",
    "last_name",
    "personal_number",
    "nationality",
    "iban",
    "ahv_number",
    "marital_status",
    "gender",
    "date_of_birth",
    "address",
    "language",
    "phone_number",
    "annual_vacation_days",
}
ADDRESS_KEYS = (
    "complementary_line",
    "street",
    "street_name",
    "house_number",
    "postbox",
    "locality",
    "zip_code",
    "city",
    "country",
    "canton",
    "municipality_id",
)
EMPLOYEE_KEYS = (
    "id",
    "first_name",
    "last_name",
    "date_of_birth",
    "ahv_number",
    "gender",
    "nationality",
    "stay_permit_category",
    "language",
    "marital_status",
    "email",
    "phone_number",
    "hours_per_week",
    "employment_level",
    "annual_vacation_days_total",
    "address",
    "personal_number",
    "iban",
)
EMPLOYEE_DETAIL_KEYS = (
    "annual_vacation_days_used",
    "annual_vacation_days_left",
    "effective_working_hours_per_week",
)
MALFORMED = "Malformed content (missing or invalid parameters)"


def _employee_values(values, creating):
    """The writable part of a create or PATCH body; 400 problem+json naming every problem.

    ``ahv_number`` is required on PATCH as on create (the spec's PATCH body marks it required;
    BexioApiNet ``EmployeePatch``). In ``address``, street name and house number require each
    other when not null (nolen-ai payroll.ts, BexioApiNet EmployeeAddress).
    """
    if not isinstance(values, dict):
        raise ProblemError(400, MALFORMED)
    # What the request schema does not name is dropped, not refused: employment level, hours,
    # stay permit and vacation counters (response-only, GIGER employees-and-absences.md) are
    # ignored, the Spring way of the v4 service (its 405 text is Spring's, PP issue #8).
    values = {k: v for k, v in values.items() if k in EMPLOYEE_WRITABLE}
    problems = []
    required = (
        ("first_name", "last_name", "ahv_number") if creating else ("ahv_number",)
    )
    for name in required:
        if not values.get(name):
            problems.append(f"{name} is required")
    checks = {
        "gender": lambda v: v in GENDERS,
        "language": lambda v: v in LANGUAGES_V4,
        "marital_status": lambda v: v in MARITAL,
        "nationality": lambda v: isinstance(v, str)
        and (re.fullmatch(r"[A-Z]{2}", v) or v in ("11", "22")),
        "ahv_number": lambda v: isinstance(v, str) and swiss.ahv_is_valid(v),
        "iban": lambda v: isinstance(v, str) and swiss.iban_is_valid(v),
        "date_of_birth": lambda v: isinstance(v, str)
        and bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", v)),
        "annual_vacation_days": lambda v: isinstance(v, int)
        and not isinstance(v, bool)
        and v >= 0,
        "email": lambda v: isinstance(v, str) and "@" in v,
        "address": lambda v: isinstance(v, dict) and set(v) <= set(ADDRESS_KEYS),
    }
    for name, check in checks.items():
        if values.get(name) not in (None, "") and not check(values[name]):
            problems.append(f"{name} is invalid")
    for name in ("first_name", "last_name", "personal_number", "phone_number"):
        if values.get(name) is not None and not isinstance(values[name], str):
            problems.append(f"{name} must be a string")
    address = values.get("address")
    if isinstance(address, dict):
        street, number = address.get("street_name"), address.get("house_number")
        if (street in (None, "")) != (number in (None, "")):
            problems.append(
                "address.street_name and address.house_number require each other"
            )
        municipality = address.get("municipality_id")
        if isinstance(municipality, int) and not isinstance(municipality, bool):
            address = dict(address, municipality_id=str(municipality))
            values["address"] = address
        elif municipality is not None and not isinstance(municipality, str):
            problems.append("address.municipality_id must be a string")
    if problems:
        raise ProblemError(400, MALFORMED, errors=problems)
    return values


def _employee_find(env, ident):
    doc = env.store.get(env.company, "payroll_employee", ident)
    if doc is None:
        raise ProblemError(404, "Employee not found")
    if doc.get("_deleted"):
        raise ProblemError(410, "Employee has been deleted")
    return doc


def _number(value):
    return None if value is None else float(value)


def render_employee(doc, detail):
    data = {key: doc.get(key) for key in EMPLOYEE_KEYS}
    # The spec's examples (BexioApiNet's fixtures from it): "employment_level": 1.0 and
    # "hours_per_week": 40.0, so a fraction and a float; the sandbox keeps the percentage.
    level = doc.get("employment_level")
    data["employment_level"] = None if level is None else float(level) / 100
    data["hours_per_week"] = _number(doc.get("hours_per_week"))
    data["address"] = {key: (doc.get("address") or {}).get(key) for key in ADDRESS_KEYS}
    if detail:
        for key in EMPLOYEE_DETAIL_KEYS:
            data[key] = doc.get(key)
        data["effective_working_hours_per_week"] = _number(
            doc.get("effective_working_hours_per_week")
        )
    return data


def create_employee(env, values):
    values = _employee_values(values, creating=True)
    doc = {key: None for key in EMPLOYEE_KEYS + EMPLOYEE_DETAIL_KEYS}
    doc.update(
        language="de",
        marital_status="unknown",
        hours_per_week=42,
        employment_level=100,
        effective_working_hours_per_week=42,
        annual_vacation_days_total=25,
        annual_vacation_days_used=0,
        annual_vacation_days_left=25,
        stay_permit_category=None,
    )
    _apply_employee(doc, values)
    doc["id"] = str(uuid.uuid4())
    env.store.put(env.company, "payroll_employee", doc["id"], doc)
    return doc


def _apply_employee(doc, values):
    for key, value in values.items():
        if key == "address":
            address = dict(doc.get("address") or {})
            address.update(value)
            doc["address"] = address
        elif key == "annual_vacation_days":
            doc["annual_vacation_days_total"] = value
            doc["annual_vacation_days_left"] = value - (
                doc.get("annual_vacation_days_used") or 0
            )
        else:
            doc[key] = value


def _require_date(req):
    raw = req.args.get("date")
    try:
        return datetime.date.fromisoformat(raw)
    except (TypeError, ValueError):
        raise ProblemError(
            400, MALFORMED, errors=["date is required (YYYY-MM-DD)"]
        ) from None


def h_employees(env, req):
    docs = [
        d
        for d in env.store.all(env.company, "payroll_employee")
        if not d.get("_deleted") and not d.get("_inactive")
    ]
    return Reply({"data": [render_employee(d, detail=False) for d in docs]})


def h_employee_show(env, req, ident):
    _require_date(req)
    return Reply(render_employee(_employee_find(env, ident), detail=True))


def h_employee_create(env, req):
    return Reply(
        render_employee(create_employee(env, json_body(req)), detail=True), status=201
    )


def h_employee_patch(env, req, ident):
    doc = dict(_employee_find(env, ident))
    values = _employee_values(json_body(req) or {}, creating=False)
    _apply_employee(doc, values)
    env.store.put(env.company, "payroll_employee", ident, doc)
    return Reply(None, status=204)


h_employee_create.writable = h_employee_patch.writable = tuple(
    sorted(EMPLOYEE_WRITABLE)
)

ABSENCE_REASONS = {
    "Injury",
    "Sickness",
    "MaternityLeave",
    "MilitaryLeave",
    "Vacation",
    "InterruptionOfWork",
}
ABSENCE_KEYS = (
    "id",
    "reason",
    "start_date",
    "end_date",
    "half_day",
    "continued_pay",
    "disability",
    "paid_hours",
)


def _absence_values(values, full):
    if not isinstance(values, dict):
        raise ProblemError(400, MALFORMED)
    required = ABSENCE_KEYS[1:] if full else ("reason", "start_date")
    missing = [k for k in required if values.get(k) is None]
    problems = [f"{k} is required" for k in missing]
    if values.get("reason") is not None and values["reason"] not in ABSENCE_REASONS:
        problems.append("reason is invalid")
    for key in ("start_date", "end_date"):
        if values.get(key) is not None:
            try:
                datetime.date.fromisoformat(values[key])
            except (TypeError, ValueError):
                problems.append(f"{key} is invalid")
    if problems:
        raise ProblemError(400, MALFORMED, errors=problems)
    return {k: values.get(k) for k in ABSENCE_KEYS[1:]}


def h_absences(env, req, ident):
    _employee_find(env, ident)
    year = req.args.get("businessYear")
    if not (year and year.isdigit()):
        raise ProblemError(400, MALFORMED, errors=["businessYear is required"])
    docs = [
        d
        for d in env.store.all(env.company, "payroll_absence")
        if d["_employee"] == ident and d["start_date"][:4] == year
    ]
    return Reply({"data": [{k: d.get(k) for k in ABSENCE_KEYS} for d in docs]})


def h_absence_create(env, req, ident):
    _employee_find(env, ident)
    values = _absence_values(json_body(req), full=False)
    doc = {"half_day": False, "continued_pay": 100, "disability": 100, "paid_hours": 0}
    doc.update({k: v for k, v in values.items() if v is not None})
    doc.update(id=str(uuid.uuid4()), _employee=ident)
    env.store.put(env.company, "payroll_absence", doc["id"], doc)
    return Reply({k: doc.get(k) for k in ABSENCE_KEYS}, status=201)


def _absence_find(env, ident, absence_id):
    _employee_find(env, ident)
    doc = env.store.get(env.company, "payroll_absence", absence_id)
    if doc is None or doc["_employee"] != ident:
        raise ProblemError(404, "Absence not found")
    return doc


def h_absence_show(env, req, ident, absence_id):
    doc = _absence_find(env, ident, absence_id)
    return Reply({k: doc.get(k) for k in ABSENCE_KEYS})


def h_absence_put(env, req, ident, absence_id):
    doc = dict(_absence_find(env, ident, absence_id))
    doc.update(_absence_values(json_body(req), full=True))
    env.store.put(env.company, "payroll_absence", absence_id, doc)
    return Reply(None, status=204)


def h_absence_delete(env, req, ident, absence_id):
    _absence_find(env, ident, absence_id)
    env.store.delete(env.company, "payroll_absence", absence_id)
    return Reply(None, status=204)


h_absence_create.writable = h_absence_put.writable = ABSENCE_KEYS[1:]
