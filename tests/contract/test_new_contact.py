"""The one rule for a contact the product creates: its type, and the signed-in user as owner."""

import pytest

from bexio_api.resources import new_contact_values


def test_a_company_and_a_person_belong_to_the_signed_in_user(client):
    me = client.users.me().id
    company = client.contacts.create(
        new_contact_values(
            {"name_1": "Rigi Bergbahnen AG"}, is_company=True, user_id=me
        )
    )
    person = client.contacts.create(
        new_contact_values(
            {"name_1": "Bühler", "name_2": "Anna"}, is_company=False, user_id=me
        )
    )
    assert (company.contact_type_id, company.user_id, company.owner_id) == (1, me, me)
    assert (person.contact_type_id, person.user_id, person.owner_id) == (2, me, me)
    assert company.is_company and not person.is_company


@pytest.mark.parametrize("user_id", [None, 0, -3, "1", True])
def test_no_contact_without_a_known_user(user_id):
    with pytest.raises(ValueError, match="signed-in bexio user"):
        new_contact_values({"name_1": "Pilatus AG"}, is_company=True, user_id=user_id)


def test_the_callers_values_stay_and_win_only_where_bexio_allows():
    values = {"name_1": "Pilatus AG", "mail": "info@pilatus.ch", "owner_id": 99}
    built = new_contact_values(values, is_company=True, user_id=7)
    assert built == {
        "name_1": "Pilatus AG",
        "mail": "info@pilatus.ch",
        "contact_type_id": 1,
        "user_id": 7,
        "owner_id": 7,
    }
    assert values["owner_id"] == 99  # the caller's dict is not changed
