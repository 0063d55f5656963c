"""Recording fidelity: what live bexio answered is parsed by the SDK, and the sandbox answers
the same request with the same keys and value types.

The recordings live outside the repository (``shared/bexio/recordings`` beside the checkout,
or $BEXIO_RECORDINGS). Without them these tests are skipped, except in CI, where
$BEXIO_RECORDINGS_REQUIRED turns their absence into a failure.
"""

import json
import os
import re
from pathlib import Path

import pytest

from bexio_api import resources as r
from bexio_sandbox.app import ROUTES

from ..sandbox.test_api import PERSON, Api

ROOT = Path(__file__).resolve().parents[2]
RECORDINGS = Path(
    os.environ.get("BEXIO_RECORDINGS", ROOT.parent / "shared/bexio/recordings")
)

if not RECORDINGS.is_dir():
    if os.environ.get("BEXIO_RECORDINGS_REQUIRED"):
        raise RuntimeError(
            f"the bexio recordings are required but missing at {RECORDINGS}"
        )
    pytest.skip(f"no bexio recordings at {RECORDINGS}", allow_module_level=True)

GROUP = {"name": "Test"}
COUNTRY = {"name": "Test Country", "name_short": "TC", "iso_3166_alpha2": "TC"}
RELATION = {"contact_id": 1, "contact_sub_id": 2, "description": "This is a test"}
EDIT_CONTACT = dict(PERSON, name_1="Edited")

# recording -> (SDK record class, method, sandbox path, body). Paths with {new} act on an
# object the test creates first with the same collection's create body.
CASES = {
    "Contacts/fetch-a-list-of-contacts.json": (r.Contact, "GET", "/2.0/contact", None),
    "Contacts/fetch-a-contact.json": (r.Contact, "GET", "/2.0/contact/1", None),
    "Contacts/create-contact.json": (r.Contact, "POST", "/2.0/contact", PERSON),
    "Contacts/edit-contact.json": (r.Contact, "POST", "/2.0/contact/1", EDIT_CONTACT),
    "Contacts/search-contacts.json": (
        r.Contact,
        "POST",
        "/2.0/contact/search",
        [{"field": "name_1", "value": "nobody-has-this"}],
    ),
    "Contacts/delete-a-contact.json": (None, "DELETE", "/2.0/contact/2", None),
    "Contacts/restore-a-contact.json": (None, "PATCH", "/2.0/contact/2/restore", None),
    "ContactGroups/fetch-a-list-of-contact-groups.json": (
        r.ContactGroup,
        "GET",
        "/2.0/contact_group",
        None,
    ),
    "ContactGroups/fetch-a-contact-group.json": (
        r.ContactGroup,
        "GET",
        "/2.0/contact_group/1",
        None,
    ),
    "ContactGroups/create-contact-group.json": (
        r.ContactGroup,
        "POST",
        "/2.0/contact_group",
        GROUP,
    ),
    "ContactGroups/edit-contact-group.json": (
        r.ContactGroup,
        "POST",
        "/2.0/contact_group/1",
        GROUP,
    ),
    "ContactGroups/search-contact-groups.json": (
        r.ContactGroup,
        "POST",
        "/2.0/contact_group/search",
        [{"field": "name", "value": "Kunden"}],
    ),
    "ContactGroups/delete-a-contact-group.json": (
        None,
        "DELETE",
        "/2.0/contact_group/3",
        None,
    ),
    "ContactSectors/fetch-a-list-of-contact-sectors.json": (
        r.ContactSector,
        "GET",
        "/2.0/contact_branch",
        None,
    ),
    "ContactSectors/search-contact-sectors.json": (
        r.ContactSector,
        "POST",
        "/2.0/contact_branch/search",
        [{"field": "name", "value": "Bau"}],
    ),
    "ContactRelations/fetch-a-list-of-contact-relations.json": (
        r.ContactRelation,
        "GET",
        "/2.0/contact_relation",
        None,
    ),
    "ContactRelations/create-contact-relation.json": (
        r.ContactRelation,
        "POST",
        "/2.0/contact_relation",
        RELATION,
    ),
    "ContactRelations/fetch-a-contact-relation.json": (
        r.ContactRelation,
        "GET",
        "/2.0/contact_relation/{new}",
        None,
    ),
    "ContactRelations/edit-contact-relation.json": (
        r.ContactRelation,
        "POST",
        "/2.0/contact_relation/{new}",
        RELATION,
    ),
    "ContactRelations/search-contact-relations.json": (
        r.ContactRelation,
        "POST",
        "/2.0/contact_relation/search",
        [{"field": "contact_id", "value": "1"}],
    ),
    "ContactRelations/delete-a-contact-relation.json": (
        None,
        "DELETE",
        "/2.0/contact_relation/{new}",
        None,
    ),
    "Countries/fetch-a-list-of-countries.json": (
        r.Country,
        "GET",
        "/2.0/country",
        None,
    ),
    "Countries/fetch-a-country.json": (r.Country, "GET", "/2.0/country/1", None),
    "Countries/create-country.json": (r.Country, "POST", "/2.0/country", COUNTRY),
    "Countries/edit-a-country.json": (r.Country, "POST", "/2.0/country/2", COUNTRY),
    "Countries/search-countries.json": (
        r.Country,
        "POST",
        "/2.0/country/search",
        [{"field": "name", "value": "Schweiz"}],
    ),
    "Countries/delete-a-country.json": (None, "DELETE", "/2.0/country/{new}", None),
    "Salutations/fetch-a-list-of-salutations.json": (
        r.Salutation,
        "GET",
        "/2.0/salutation",
        None,
    ),
    "Salutations/create-a-salutation.json": (
        r.Salutation,
        "POST",
        "/2.0/salutation",
        GROUP,
    ),
    "Salutations/edit-a-salutation.json": (
        r.Salutation,
        "POST",
        "/2.0/salutation/1",
        GROUP,
    ),
    "Salutations/search-salutations.json": (
        r.Salutation,
        "POST",
        "/2.0/salutation/search",
        [{"field": "name", "value": "Herr"}],
    ),
    "Salutations/delete-a-salutation.json": (
        None,
        "DELETE",
        "/2.0/salutation/{new}",
        None,
    ),
    "Titles/fetch-a-list-of-titles.json": (r.Title, "GET", "/2.0/title", None),
    "Titles/fetch-a-title.json": (r.Title, "GET", "/2.0/title/1", None),
    "Titles/create-a-title.json": (r.Title, "POST", "/2.0/title", GROUP),
    "Titles/edit-a-title.json": (r.Title, "POST", "/2.0/title/1", GROUP),
    "Titles/search-titles.json": (
        r.Title,
        "POST",
        "/2.0/title/search",
        [{"field": "name", "value": "Dr."}],
    ),
    "Titles/delete-a-title.json": (None, "DELETE", "/2.0/title/{new}", None),
    "Languages/fetch-a-list-of-languages.json": (
        r.Language,
        "GET",
        "/2.0/language",
        None,
    ),
    "Units/fetch-a-list-of-units.json": (r.Unit, "GET", "/2.0/unit", None),
    "PaymentTypes/fetch-a-list-of-payment-types.json": (
        r.PaymentType,
        "GET",
        "/2.0/payment_type",
        None,
    ),
    "Currencies/fetch-a-list-of-currencies.json": (
        r.Currency,
        "GET",
        "/3.0/currencies",
        None,
    ),
    "Currencies/fetch-a-currency.json": (r.Currency, "GET", "/3.0/currencies/1", None),
    "Currencies/create-a-currency.json": (
        r.Currency,
        "POST",
        "/3.0/currencies",
        {"name": "JPY", "round_factor": 0.05},
    ),
    "Currencies/edit-a-currency.json": (
        r.Currency,
        "PATCH",
        "/3.0/currencies/{new}",
        {"round_factor": 0.01},
    ),
    "Currencies/delete-a-currency.json": (
        None,
        "DELETE",
        "/3.0/currencies/{new}",
        None,
    ),
    "Currencies/fetch-all-possible-currency-codes.json": (
        None,
        "GET",
        "/3.0/currencies/codes",
        None,
    ),
    "Accounts/fetch-a-list-of-accounts.json": (r.Account, "GET", "/2.0/accounts", None),
    "Accounts/search-accounts.json": (
        r.Account,
        "POST",
        "/2.0/accounts/search",
        [{"field": "account_no", "value": "3400", "criteria": "="}],
    ),
    "AccountGroups/fetch-a-list-of-account-groups.json": (
        r.AccountGroup,
        "GET",
        "/2.0/account_groups",
        None,
    ),
    "BankAccounts/fetch-a-list-of-bank-accounts.json": (
        r.BankAccount,
        "GET",
        "/3.0/banking/accounts",
        None,
    ),
    "BankAccounts/fetch-a-single-bank-account.json": (
        r.BankAccount,
        "GET",
        "/3.0/banking/accounts/1",
        None,
    ),
    "BusinessActivities/fetch-a-list-of-business-activities.json": (
        r.BusinessActivity,
        "GET",
        "/2.0/client_service",
        None,
    ),
    "CompanyProfiles/fetch-a-list-of-company-profiles.json": (
        r.CompanyProfile,
        "GET",
        "/2.0/company_profile",
        None,
    ),
    "CompanyProfiles/fetch-a-company-profile.json": (
        r.CompanyProfile,
        "GET",
        "/2.0/company_profile/1",
        None,
    ),
    "DocumentSettings/fetch-a-list-of-document-settings.json": (
        r.DocumentSetting,
        "GET",
        "/2.0/kb_item_setting",
        None,
    ),
    "Projects/fetch-a-list-of-projects.json": (
        r.Project,
        "GET",
        "/2.0/pr_project",
        None,
    ),
    "OpenID/fetch-user-info.json": (None, "USERINFO", None, None),
}

# The same collection's create body, for cases that act on an object made for the test.
CREATE_FIRST = {
    "/2.0/contact_relation": RELATION,
    "/2.0/country": COUNTRY,
    "/2.0/salutation": GROUP,
    "/2.0/title": GROUP,
    "/3.0/currencies": {"name": "JPY", "round_factor": 0.05},
}


def load(name):
    recording = json.loads((RECORDINGS / name).read_text())
    return recording["statusCode"], json.loads(recording["data"]), recording["headers"]


def shape(value):
    """A comparable description: dict keys with their shapes, lists by their first element."""
    if isinstance(value, dict):
        return {k: shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [shape(value[0])] if value else []
    if value is None:
        return None
    return type(value).__name__


def compatible(recorded, answered, where="body"):
    """Problems found comparing two shapes; None on either side matches any type."""
    if recorded is None or answered is None:
        return []
    if isinstance(recorded, dict) and isinstance(answered, dict):
        problems = []
        if set(recorded) != set(answered):
            problems.append(
                f"{where}: keys differ: only recorded {sorted(set(recorded) - set(answered))}, "
                f"only sandbox {sorted(set(answered) - set(recorded))}"
            )
        for key in set(recorded) & set(answered):
            problems += compatible(recorded[key], answered[key], f"{where}.{key}")
        return problems
    if isinstance(recorded, list) and isinstance(answered, list):
        if recorded and answered:
            return compatible(recorded[0], answered[0], f"{where}[0]")
        return []
    if recorded != answered:
        return [f"{where}: recorded {recorded}, sandbox {answered}"]
    return []


def test_every_case_has_its_recording():
    missing = [name for name in CASES if not (RECORDINGS / name).is_file()]
    assert missing == []


@pytest.mark.parametrize(
    "name", sorted(n for n, case in CASES.items() if case[0] is not None)
)
def test_the_sdk_parses_the_recording(name):
    record_class = CASES[name][0]
    _status, body, _headers = load(name)
    items = body if isinstance(body, list) else [body]
    for item in items:
        record_class(item).validate()


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_sandbox_answers_like_bexio(name, shared_sandbox):
    _record_class, method, path, body = CASES[name]
    status, recorded, headers = load(name)
    api = Api(shared_sandbox, extra_scopes=["project_edit"])
    if method == "USERINFO":
        answer = api("GET", "/realms/bexio/protocol/openid-connect/userinfo")
    else:
        if "{new}" in path:
            collection = path.split("/{new}")[0]
            created = api("POST", collection, json=CREATE_FIRST[collection])
            assert created.status_code == 201, created.text
            path = path.replace("{new}", str(created.json()["id"]))
        answer = api(method, path, json=body)
    assert answer.status_code == status, answer.text
    assert compatible(shape(recorded), shape(answer.json())) == []
    lowered = {k.lower() for k in headers}
    if "x-total-count" in lowered:  # v3 lists carry paging headers
        assert {"X-Total-Count", "X-Limit", "X-Offset"} <= set(answer.headers)
    if "ratelimit-limit" in lowered:
        assert (
            "RateLimit-Remaining" in answer.headers
            and "X-RateLimit-Limit-Minute" in answer.headers
        )


def _normalised(path):
    """``/2.0/contact/{contact_id}`` and ``/2.0/contact/<int:ident>`` -> ``/2.0/contact/{}``."""
    return re.sub(r"\{[^}]+\}|<[^>]+>", "{}", path).rstrip("/")


DOCUMENT_TYPES = ("kb_offer", "kb_order", "kb_invoice")


def _official(path):
    """The paths of an operation; ``{kb_document_type}`` is one of the sales documents."""
    if "{kb_document_type}" not in path:
        return [_normalised(path)]
    return [_normalised(path.replace("{kb_document_type}", t)) for t in DOCUMENT_TYPES]


def test_every_sandbox_route_is_an_official_bexio_route():
    operations = json.loads((RECORDINGS.parent / "operations.json").read_text())
    official = {(op["method"], p) for op in operations for p in _official(op["path"])}
    served = {(method, _normalised(path)) for method, path, _handler, _scope in ROUTES}
    assert sorted(served - official) == []
