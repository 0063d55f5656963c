"""Typed records: values parsed the way bexio writes them; one bad record fails alone."""

import datetime
from decimal import Decimal

import pytest
import responses

from bexio_api import BexioClient, errors
from bexio_api.formats import format_decimal, format_duration, round_to_factor
from bexio_api.resources import Contact, Employee, Invoice, Timesheet


def test_contact_fields_are_typed_and_unknown_fields_kept():
    record = Contact(
        {
            "id": 4,
            "nr": "000004",
            "contact_type_id": 2,
            "name_1": "Muster",
            "name_2": "Anna",
            "postcode": 8400,
            "contact_group_ids": "1,2",
            "updated_at": "2026-06-18 15:57:37",
            "brand_new_field": {"x": 1},
        }
    )
    assert record.display_name == "Anna Muster"
    assert record.postcode == "8400"  # older answers send numbers
    assert record.contact_group_ids == [1, 2]
    assert record.updated_at == datetime.datetime(2026, 6, 18, 15, 57, 37)
    assert record["brand_new_field"] == {"x": 1}
    assert record.raw["brand_new_field"] == {"x": 1}


def test_money_and_dates_parse_from_strings_and_numbers():
    invoice = Invoice(
        {
            "id": 1,
            "total": "216.100000",
            "total_rounding_difference": 0.0081,
            "is_valid_from": "2026-11-02",
            "positions": [
                {
                    "id": 9,
                    "type": "KbPositionCustom",
                    "amount": "2.000000",
                    "unit_price": "99.950000",
                    "tax_value": "8.10",
                }
            ],
        }
    )
    assert invoice.total == Decimal("216.100000")
    assert invoice.total_rounding_difference == Decimal("0.0081")
    assert invoice.is_valid_from == datetime.date(2026, 11, 2)
    assert invoice.positions[0].unit_price == Decimal("99.95")


def test_durations_accept_live_and_documented_forms():
    assert Timesheet({"id": 1, "duration": "1:15"}).minutes == 75
    assert Timesheet({"id": 1, "duration": "01:40"}).minutes == 100
    assert format_duration(75) == "1:15"


def test_v3_timestamps_keep_their_offset():
    value = Contact({"id": 1, "updated_at": "2026-06-18T14:49:23+02:00"}).updated_at
    assert value.utcoffset() == datetime.timedelta(hours=2)


@pytest.mark.parametrize(
    "data, message",
    [
        ({"id": "abc", "name_1": "X"}, "field 'id': expected an integer"),
        ({"id": 1, "contact_type_id": True}, "field 'contact_type_id'"),
        ({"id": 1, "contact_group_ids": "1,x"}, "contact_group_ids"),
        ({"name_1": "X"}, "'id' is missing"),
        (["not", "an", "object"], "expected a JSON object"),
    ],
)
def test_malformed_records_raise_invalid_record_naming_the_field(data, message):
    with pytest.raises(errors.InvalidRecord, match=message):
        Contact(data).validate()


def test_validate_reports_every_problem_at_once():
    with pytest.raises(errors.InvalidRecord) as caught:
        Employee(
            {"id": "u", "date_of_birth": "31.12.1990", "hours_per_week": "lots"}
        ).validate()
    assert (
        "date_of_birth" in caught.value.message
        and "hours_per_week" in caught.value.message
    )


@responses.activate
def test_one_malformed_contact_in_a_page_fails_alone():
    page = [
        {"id": 1, "contact_type_id": 1, "name_1": "Gut AG"},
        {"id": "kaputt", "contact_type_id": "?", "name_1": None},
        "not even an object",
        {"id": 4, "contact_type_id": 2, "name_1": "Meier", "name_2": "Urs"},
    ]
    responses.get("https://api.bexio.com/2.0/contact", json=page)
    processed, failed = [], []
    for record in BexioClient("pat").contacts.iter_all():
        try:
            record.validate()
            processed.append(record.display_name)
        except errors.InvalidRecord as exc:
            failed.append(exc.message)
    assert processed == ["Gut AG", "Urs Meier"]
    assert len(failed) == 2 and "'id'" in failed[0] and "JSON object" in failed[1]


def test_decimal_formatting_and_currency_rounding():
    assert format_decimal("99.95") == "99.950000"
    assert format_decimal(Decimal("1.23456789")) == "1.234568"
    assert round_to_factor(Decimal("216.0919"), "0.05") == Decimal("216.10")
    assert round_to_factor(Decimal("10.024"), "0.05") == Decimal("10.00")
    assert round_to_factor(Decimal("10.025"), "0.05") == Decimal("10.05")
    with pytest.raises(ValueError):
        format_decimal(1, places=7)
