"""The transport against canned answers: retries, rate limits, 401 refresh, error mapping."""

import json

import pytest
import requests
import responses
from urllib3.exceptions import NewConnectionError

from bexio_api import BexioClient, errors
from bexio_api.transport import TokenProvider

API = "https://api.bexio.com"
EMPLOYEE = "0b6f3c1e-6a41-4c1b-9a0e-5d2f7c8e9a10"  # payroll (v4) ids are UUIDs


class Tokens(TokenProvider):
    def __init__(self):
        self.current = "token-1"
        self.refreshes = []

    def access_token(self):
        return self.current

    def refresh(self, failed_token):
        self.refreshes.append(failed_token)
        self.current = f"token-{len(self.refreshes) + 1}"
        return self.current


@pytest.fixture
def slept():
    return []


@pytest.fixture
def client(slept):
    return BexioClient(
        Tokens(), backoff=0.1, max_backoff=1, max_rate_limit_wait=30, sleep=slept.append
    )


def contact(ident, **extra):
    return {
        "id": ident,
        "nr": f"{ident:06d}",
        "contact_type_id": 1,
        "name_1": f"Firma {ident}",
        "user_id": 1,
        "owner_id": 1,
        **extra,
    }


@responses.activate
def test_get_is_retried_on_server_errors_with_growing_backoff(client, slept):
    url = f"{API}/2.0/contact/1"
    responses.get(url, status=503, json={"error_code": 503, "message": "maintenance"})
    responses.get(url, status=502, body="bad gateway")
    responses.get(url, json=contact(1))
    assert client.contacts.get(1).name_1 == "Firma 1"
    assert client.requests_sent == 3
    # Exponential (0.1 s, then 0.2 s) with jitter between half and all of each step.
    assert len(slept) == 2
    assert 0.05 <= slept[0] <= 0.1 and 0.1 <= slept[1] <= 0.2


@responses.activate
def test_create_is_not_retried_after_a_server_error(client, slept):
    responses.post(
        f"{API}/2.0/contact", status=500, json={"error_code": 500, "message": "boom"}
    )
    with pytest.raises(errors.ServerError) as caught:
        client.contacts.create(
            {"contact_type_id": 1, "name_1": "X", "user_id": 1, "owner_id": 1}
        )
    assert caught.value.transient and "boom" in str(caught.value)
    assert len(responses.calls) == 1 and slept == []


@responses.activate
def test_create_is_not_retried_after_a_read_timeout(client):
    responses.post(f"{API}/2.0/contact", body=requests.ReadTimeout("slow"))
    with pytest.raises(errors.TransportError, match="may still have processed"):
        client.contacts.create(
            {"contact_type_id": 1, "name_1": "X", "user_id": 1, "owner_id": 1}
        )
    assert len(responses.calls) == 1


@responses.activate
def test_create_is_retried_when_the_request_never_left(client):
    refused = requests.ConnectionError(NewConnectionError(None, "connection refused"))
    responses.post(f"{API}/2.0/contact", body=refused)
    responses.post(f"{API}/2.0/contact", json=contact(7), status=201)
    created = client.contacts.create(
        {"contact_type_id": 1, "name_1": "X", "user_id": 1, "owner_id": 1}
    )
    assert created.id == 7 and len(responses.calls) == 2


@responses.activate
def test_transport_error_after_retries_are_spent(client):
    for _ in range(4):
        responses.get(f"{API}/2.0/country", body=requests.ConnectTimeout("no route"))
    with pytest.raises(errors.TransportError, match="could not be reached") as caught:
        client.countries.list()
    assert caught.value.transient and len(responses.calls) == 4


@responses.activate
def test_rate_limit_waits_for_reset_then_succeeds(client, slept):
    responses.get(
        f"{API}/2.0/unit",
        status=429,
        json={"message": "API rate limit exceeded"},
        headers={"RateLimit-Reset": "7", "RateLimit-Remaining": "0"},
    )
    responses.get(f"{API}/2.0/unit", json=[{"id": 1, "name": "Stk"}])
    assert [u.name for u in client.units.list()] == ["Stk"]
    assert slept == [7.0]


@responses.activate
def test_rate_limit_beyond_the_allowed_wait_raises_with_retry_after(client, slept):
    responses.post(
        f"{API}/2.0/contact",
        status=429,
        json={"message": "API rate limit exceeded"},
        headers={"RateLimit-Reset": "45"},
    )
    with pytest.raises(errors.RateLimited) as caught:
        client.contacts.create(
            {"contact_type_id": 1, "name_1": "X", "user_id": 1, "owner_id": 1}
        )
    assert caught.value.retry_after == 45.0 and caught.value.transient and slept == []


@responses.activate
def test_first_401_refreshes_once_and_retries_with_the_new_token(client):
    responses.get(
        f"{API}/3.0/users/me",
        status=401,
        json={"error_code": 401, "message": "expired"},
    )
    responses.get(f"{API}/3.0/users/me", json={"id": 1, "firstname": "Regula"})
    assert client.users.me().firstname == "Regula"
    assert client.transport.token_provider.refreshes == ["token-1"]
    assert responses.calls[1].request.headers["Authorization"] == "Bearer token-2"


@responses.activate
def test_second_401_is_an_error(client):
    responses.get(
        f"{API}/3.0/users/me", status=401, json={"error_code": 401, "message": "nope"}
    )
    with pytest.raises(errors.Unauthorized, match="nope"):
        client.users.me()
    assert len(responses.calls) == 2


@pytest.mark.parametrize(
    "status, body, path, expected",
    [
        (
            400,
            {"error_code": 400, "message": "bad"},
            "/2.0/contact/1",
            errors.ValidationError,
        ),
        (
            403,
            {"error_code": 403, "message": "no right"},
            "/2.0/contact/1",
            errors.InsufficientRights,
        ),
        (
            403,
            {"error_code": 403, "message": "Forbidden"},
            "/2.0/contact/1",
            errors.Forbidden,
        ),
        (
            404,
            {"error_code": 404, "message": "Page not found"},
            "/2.0/contact/1",
            errors.NotFound,
        ),
        (
            409,
            {"error_code": 409, "message": "tax can not be deleted"},
            "/2.0/contact/1",
            errors.Conflict,
        ),
        (
            410,
            {"status": 410, "title": "Employee has been deleted"},
            "/4.0/payroll/employees/x",
            errors.Gone,
        ),
        (
            422,
            {
                "error_code": 422,
                "message": "The form could not be saved",
                "errors": ["name_1"],
            },
            "/2.0/contact/1",
            errors.ValidationError,
        ),
        (
            403,
            {"error_code": 403, "message": "module off"},
            "/4.0/payroll/employees/x",
            errors.ModuleNotSubscribed,
        ),
    ],
)
@responses.activate
def test_errors_map_to_types_with_bexios_message(client, status, body, path, expected):
    responses.get(f"{API}{path}", status=status, json=body)
    with pytest.raises(expected) as caught:
        client.transport.get(path)
    assert type(caught.value) is expected
    assert caught.value.status == status
    assert (body.get("message") or body.get("title")) in caught.value.message
    if "errors" in body:
        assert caught.value.errors == ["name_1"]


@responses.activate
def test_an_error_without_json_keeps_the_text(client):
    responses.get(f"{API}/2.0/contact/1", status=404, body="<html>not here</html>")
    with pytest.raises(errors.NotFound, match="not here"):
        client.contacts.get(1)


@responses.activate
def test_malformed_json_is_a_clear_error_for_that_call(client):
    responses.get(f"{API}/2.0/contact/1", body='{"id": 1, "name_1": "trunc')
    with pytest.raises(errors.InvalidResponse, match="not valid JSON"):
        client.contacts.get(1)


@responses.activate
def test_an_object_where_a_list_is_expected_is_a_clear_error(client):
    responses.get(f"{API}/2.0/contact", json={"unexpected": True})
    with pytest.raises(errors.InvalidResponse, match="expected a list"):
        client.contacts.list()


@responses.activate
def test_a_page_larger_than_asked_for_is_refused(client):
    responses.get(f"{API}/2.0/contact", json=[contact(i) for i in range(1, 12)])
    with pytest.raises(
        errors.InvalidResponse, match="11 rows for a page of at most 10"
    ):
        client.contacts.list(limit=10)


@responses.activate
def test_an_oversized_answer_is_stopped():
    small = BexioClient("pat", max_response_bytes=1024)
    responses.get(
        f"{API}/2.0/contact", body=json.dumps([contact(i) for i in range(100)])
    )
    with pytest.raises(errors.InvalidResponse, match="more than"):
        small.contacts.list()


@responses.activate
def test_v2_paging_stops_at_the_first_short_page(client):
    rows = [contact(i) for i in range(1, 4501)]

    def page(request):
        offset, limit = int(request.params["offset"]), int(request.params["limit"])
        return 200, {}, json.dumps(rows[offset : offset + limit])

    responses.add_callback(responses.GET, f"{API}/2.0/contact", callback=page)
    assert [c.id for c in client.contacts.iter_all()] == list(range(1, 4501))
    offsets = [int(call.request.params["offset"]) for call in responses.calls]
    assert offsets == [0, 2000, 4000]
    assert {call.request.params["order_by"] for call in responses.calls} == {"id"}


@responses.activate
def test_v3_paging_uses_the_total_count(client):
    rows = [{"id": i, "firstname": f"U{i}"} for i in range(1, 4001)]

    def page(request):
        offset, limit = int(request.params["offset"]), int(request.params["limit"])
        return 200, {"X-Total-Count": "4000"}, json.dumps(rows[offset : offset + limit])

    responses.add_callback(responses.GET, f"{API}/3.0/users", callback=page)
    assert len(list(client.users.iter_all())) == 4000
    assert len(responses.calls) == 2  # no empty third page: the total says we are done


@responses.activate
def test_search_sends_criteria_and_validates_fields_before_sending(client):
    responses.post(f"{API}/2.0/contact/search", json=[contact(3)])
    found = list(
        client.contacts.search([("name_1", "Firma"), ("contact_type_id", 1, "=")])
    )
    assert [c.id for c in found] == [3]
    assert json.loads(responses.calls[0].request.body) == [
        {"field": "name_1", "value": "Firma", "criteria": "="},
        {"field": "contact_type_id", "value": "1", "criteria": "="},
    ]
    with pytest.raises(ValueError, match="cannot search /2.0/contact by 'remarks'"):
        list(client.contacts.search([("remarks", "x")]))
    assert len(responses.calls) == 1


@responses.activate
def test_payroll_patch_sends_only_changes_and_refuses_read_only_fields(client):
    responses.patch(f"{API}/4.0/payroll/employees/{EMPLOYEE}", status=204)
    ahv = "756.1234.5678.97"
    assert (
        client.payroll_employees.update(
            EMPLOYEE, {"iban": "CH9300762011623852957", "ahv_number": ahv}
        )
        is True
    )
    assert json.loads(responses.calls[0].request.body) == {
        "iban": "CH9300762011623852957",
        "ahv_number": ahv,
    }
    with pytest.raises(ValueError, match="employment_level"):
        client.payroll_employees.update(EMPLOYEE, {"employment_level": 80})
    assert len(responses.calls) == 1


@responses.activate
def test_bodyless_action_posts_send_content_length(client):
    responses.post(f"{API}/2.0/kb_invoice/5/issue", json={"success": True})
    assert client.invoices.issue(5) is True
    assert responses.calls[0].request.headers["Content-Length"] == "0"
