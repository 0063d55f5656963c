"""Contacts (``/2.0/contact``), their relations, groups and sectors, and the contact master
data: salutations, titles, units, payment types, countries and languages."""

import base64

from ..errors import ApiError
from ..schema import F, Schema
from .base import (
    SUCCESS,
    Collection,
    Reply,
    form_error,
    json_body,
    named,
    require_existing,
)

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
