"""The company profile, users of the bexio account, and the logged-in user's permissions."""

from ..records import BOOL, INT, STR, Record
from ..urls import api_path
from .base import Listable, Resource, Showable


class CompanyProfile(Record):
    kind = "company profile"
    fields = {
        "id": INT,
        "name": STR,
        "address": STR,
        "address_nr": STR,
        "postcode": STR,
        "city": STR,
        "country_id": INT,
        "legal_form": STR,
        "country_name": STR,
        "mail": STR,
        "phone_fixed": STR,
        "phone_mobile": STR,
        "fax": STR,
        "url": STR,
        "skype_name": STR,
        "facebook_name": STR,
        "twitter_name": STR,
        "description": STR,
        "ust_id_nr": STR,
        # The VAT number; empty for a company that is not registered for VAT.
        "mwst_nr": STR,
        "trade_register_nr": STR,
        "has_own_logo": BOOL,
        "is_public_profile": BOOL,
        "is_logo_public": BOOL,
        "is_address_public": BOOL,
        "is_phone_public": BOOL,
        "is_mobile_public": BOOL,
        "is_fax_public": BOOL,
        "is_mail_public": BOOL,
        "is_url_public": BOOL,
        "is_skype_public": BOOL,
        "logo_base64": STR,
    }


class User(Record):
    kind = "user"
    fields = {
        "id": INT,
        "salutation_type": STR,
        "firstname": STR,
        "lastname": STR,
        "email": STR,
        "is_superadmin": BOOL,
        "is_accountant": BOOL,
    }

    @property
    def display_name(self):
        return " ".join(p for p in (self.firstname, self.lastname) if p)


class CompanyProfiles(Listable, Showable):
    path = "/2.0/company_profile"
    record = CompanyProfile

    def current(self):
        """Each bexio account has exactly one profile."""
        profiles = self.list()
        return profiles[0] if profiles else None


class Users(Listable, Showable):
    path = "/3.0/users"
    record = User
    style = "v3"

    def me(self):
        return self._wrap_one(self.transport.get(api_path(self.path, "me")))


class Permissions(Resource):
    path = "/3.0/permissions"

    def get(self):
        return self.transport.get(self.path).data
