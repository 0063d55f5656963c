"""Contacts (v2) and the master data they point to."""

from ..records import BOOL, DATE, DATETIME, ID_LIST, INT, STR, Record
from ..urls import api_path
from .base import (
    Creatable,
    Deletable,
    EditableByPost,
    Listable,
    Searchable,
    Showable,
)

CONTACT_TYPE_COMPANY = 1
CONTACT_TYPE_PERSON = 2

# Fields bexio refuses on write (PP issue #17: ``address`` gives 422) or computes itself.
CONTACT_READ_ONLY = frozenset(
    {"id", "address", "is_lead", "updated_at", "profile_image"}
)
CONTACT_REQUIRED = ("contact_type_id", "name_1", "user_id", "owner_id")
# API.md §3.2; ``titel_id`` is the documented write alias of ``title_id`` (bulk create).
CONTACT_WRITABLE = (
    "nr",
    "contact_type_id",
    "name_1",
    "name_2",
    "salutation_id",
    "salutation_form",
    "title_id",
    "titel_id",
    "birthday",
    "street_name",
    "house_number",
    "address_addition",
    "postcode",
    "city",
    "country_id",
    "mail",
    "mail_second",
    "phone_fixed",
    "phone_fixed_second",
    "phone_mobile",
    "fax",
    "url",
    "skype_name",
    "remarks",
    "language_id",
    "contact_group_ids",
    "contact_branch_ids",
    "user_id",
    "owner_id",
)
NAME_ONLY = ("name",)


class Contact(Record):
    kind = "contact"
    optional = ("profile_image",)  # only show, create and edit carry it
    fields = {
        "id": INT,
        "nr": STR,
        "contact_type_id": INT,
        "name_1": STR,
        "name_2": STR,
        "salutation_id": INT,
        "salutation_form": INT,
        "title_id": INT,
        "birthday": DATE,
        "address": STR,
        "street_name": STR,
        "house_number": STR,
        "address_addition": STR,
        "postcode": STR,
        "city": STR,
        "country_id": INT,
        "mail": STR,
        "mail_second": STR,
        "phone_fixed": STR,
        "phone_fixed_second": STR,
        "phone_mobile": STR,
        "fax": STR,
        "url": STR,
        "skype_name": STR,
        "remarks": STR,
        "language_id": INT,
        "is_lead": BOOL,
        "contact_group_ids": ID_LIST,
        "contact_branch_ids": ID_LIST,
        "user_id": INT,
        "owner_id": INT,
        "updated_at": DATETIME,
        "profile_image": STR,
    }

    @property
    def is_company(self):
        return self.contact_type_id == CONTACT_TYPE_COMPANY

    @property
    def display_name(self):
        if self.is_company:
            return " ".join(p for p in (self.name_1, self.name_2) if p)
        return " ".join(p for p in (self.name_2, self.name_1) if p)


class NamedRecord(Record):
    fields = {"id": INT, "name": STR}


class ContactGroup(NamedRecord):
    kind = "contact group"


class ContactSector(NamedRecord):
    kind = "contact sector"


class Salutation(NamedRecord):
    kind = "salutation"


class Title(NamedRecord):
    kind = "title"


class Unit(NamedRecord):
    kind = "unit"


class PaymentType(NamedRecord):
    kind = "payment type"


class ContactRelation(Record):
    kind = "contact relation"
    fields = {
        "id": INT,
        "contact_id": INT,
        "contact_sub_id": INT,
        "description": STR,
        "updated_at": DATETIME,
    }


class Country(Record):
    kind = "country"
    # The docs say iso3166_alpha2; live bexio sends iso_3166_alpha2.
    fields = {"id": INT, "name": STR, "name_short": STR, "iso_3166_alpha2": STR}

    @property
    def iso_code(self):
        return self.iso_3166_alpha2 or self._data.get("iso3166_alpha2")


class Language(Record):
    kind = "language"
    fields = {
        "id": INT,
        "name": STR,
        "decimal_point": STR,
        "thousands_separator": STR,
        "date_format_id": INT,
        "date_format": STR,
        "iso_639_1": STR,
    }


class Contacts(Listable, Searchable, Showable, Creatable, EditableByPost, Deletable):
    path = "/2.0/contact"
    record = Contact
    writable_fields = CONTACT_WRITABLE
    order_fields = ("id", "nr", "name_1", "updated_at")
    search_fields = (
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
    )

    def create(self, values):
        return super().create(writable_contact_values(values))

    def edit(self, object_id, values):
        """Overwrite a contact; bexio wants the required fields in every edit."""
        values = writable_contact_values(values)
        missing = [name for name in CONTACT_REQUIRED if values.get(name) in (None, "")]
        if missing:
            raise ValueError(
                f"a contact edit needs {', '.join(missing)}; use update() to merge"
            )
        return super().edit(object_id, values)

    def update(self, object_id, changes):
        """Change some fields: read the contact, merge the changes, write the whole."""
        current = self.get(object_id)
        merged = {k: v for k, v in current.raw.items() if k not in CONTACT_READ_ONLY}
        merged.update(changes)
        return self.edit(object_id, merged)

    def get(self, object_id, show_archived=False):
        params = {"show_archived": "true"} if show_archived else {}
        return super().get(object_id, **params)

    def iter_archived(self, page_size=2000):
        return self.iter_all(page_size=page_size, show_archived="true")

    def bulk_create(self, values_list):
        response = self.transport.post(
            api_path(self.path, "_bulk_create"),
            json_body=[writable_contact_values(v) for v in values_list],
        )
        return self._items(response)

    def restore(self, object_id):
        self.transport.patch(self._item(object_id, "restore"), idempotent=True)
        return True


def new_contact_values(values, *, is_company, user_id):
    """``values`` as bexio needs them to create a contact: its type, its user and its owner.

    bexio requires ``contact_type_id``, ``user_id`` (the responsible user) and ``owner_id`` on
    every create (API.md, contact fields). Both users are the bexio user the connection signed in
    as (``company_user_id`` of the userinfo, the id of ``/3.0/users/me``): a contact made through
    the API belongs to whoever authorised it, never to a guessed user id.
    """
    if not isinstance(user_id, int) or isinstance(user_id, bool) or user_id <= 0:
        raise ValueError(
            f"a new contact needs the signed-in bexio user's id, not {user_id!r}"
        )
    return dict(
        values,
        contact_type_id=CONTACT_TYPE_COMPANY if is_company else CONTACT_TYPE_PERSON,
        user_id=user_id,
        owner_id=user_id,
    )


def writable_contact_values(values):
    values = {k: v for k, v in values.items() if k not in CONTACT_READ_ONLY}
    if isinstance(values.get("contact_group_ids"), list | tuple):
        values["contact_group_ids"] = ",".join(
            str(i) for i in values["contact_group_ids"]
        )
    if isinstance(values.get("contact_branch_ids"), list | tuple):
        values["contact_branch_ids"] = ",".join(
            str(i) for i in values["contact_branch_ids"]
        )
    return values


class ContactGroups(
    Listable, Searchable, Showable, Creatable, EditableByPost, Deletable
):
    path = "/2.0/contact_group"
    record = ContactGroup
    order_fields = ("id", "name")
    writable_fields = NAME_ONLY
    search_fields = ("name",)


class ContactSectors(Listable, Searchable):
    path = "/2.0/contact_branch"
    record = ContactSector
    order_fields = ("id", "name")
    search_fields = ("name",)


class ContactRelations(
    Listable, Searchable, Showable, Creatable, EditableByPost, Deletable
):
    path = "/2.0/contact_relation"
    record = ContactRelation
    order_fields = ("id", "contact_id", "contact_sub_id", "updated_at")
    writable_fields = ("contact_id", "contact_sub_id", "description")
    search_fields = ("contact_id", "contact_sub_id", "updated_at")


class Countries(Listable, Searchable, Showable, Creatable, EditableByPost, Deletable):
    path = "/2.0/country"
    record = Country
    order_fields = ("id", "name", "name_short")
    # The docs write iso3166_alpha2, live bexio iso_3166_alpha2; both are accepted.
    writable_fields = ("name", "name_short", "iso_3166_alpha2", "iso3166_alpha2")
    search_fields = ("name", "name_short")


class Salutations(Listable, Searchable, Showable, Creatable, EditableByPost, Deletable):
    path = "/2.0/salutation"
    record = Salutation
    writable_fields = NAME_ONLY
    search_fields = ("name",)


class Titles(Listable, Searchable, Showable, Creatable, EditableByPost, Deletable):
    path = "/2.0/title"
    record = Title
    writable_fields = NAME_ONLY
    search_fields = ("name",)


class Languages(Listable, Searchable):
    path = "/2.0/language"
    record = Language
    order_fields = ("id", "name")
    search_fields = ("name", "iso_639_1")


class Units(Listable, Searchable, Showable, Creatable, EditableByPost, Deletable):
    path = "/2.0/unit"
    record = Unit
    writable_fields = NAME_ONLY
    search_fields = ("name",)


class PaymentTypes(Listable, Searchable):
    path = "/2.0/payment_type"
    record = PaymentType
    search_fields = ("name",)
