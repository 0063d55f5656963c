"""Where the SDK sends credentials: no redirects followed, https only, ids that stay ids."""

import ast
import uuid
from pathlib import Path

import pytest
import responses

from bexio_api import BexioClient, OAuthClient, errors

API = "https://api.bexio.com"
ISSUER = "https://auth.bexio.com/realms/bexio"
TOKEN_URL = f"{ISSUER}/protocol/openid-connect/token"
ELSEWHERE = "https://collector.example.net/take"
EMPLOYEE = "0b6f3c1e-6a41-4c1b-9a0e-5d2f7c8e9a10"
RESOURCES = Path(__file__).resolve().parents[2] / "bexio_api" / "resources"


@pytest.fixture
def client():
    return BexioClient("pat-secret", max_retries=2, sleep=lambda s: None)


@pytest.fixture
def oauth():
    return OAuthClient("cid", "client-secret", "https://odoo.example.ch/cb")


def redirect(method, url, status=307):
    responses.add(method, url, status=status, headers={"Location": ELSEWHERE})
    # What a collector would answer if a client followed it there.
    responses.add(
        method, ELSEWHERE, json={"id": 1, "access_token": "a", "success": True}
    )


def nobody_else_was_asked():
    return [
        c.request.url for c in responses.calls if c.request.url.startswith(ELSEWHERE)
    ]


# ------------------------------------------------------------------ redirects
@responses.activate
@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_an_api_call_never_follows_a_redirect(client, status):
    redirect("POST", f"{API}/2.0/contact", status)
    with pytest.raises(errors.UnexpectedRedirect) as caught:
        client.contacts.create({"contact_type_id": 1, "name_1": "A", "user_id": 1})
    assert caught.value.status == status and caught.value.location == ELSEWHERE
    assert str(status) in str(caught.value) and ELSEWHERE in str(caught.value)
    assert nobody_else_was_asked() == [] and len(responses.calls) == 1


@responses.activate
def test_a_redirected_read_is_neither_followed_nor_retried(client):
    redirect("GET", f"{API}/2.0/contact/7", 302)
    with pytest.raises(
        errors.UnexpectedRedirect, match="redirect to https://collector"
    ):
        client.contacts.get(7)
    assert nobody_else_was_asked() == [] and len(responses.calls) == 1


@responses.activate
@pytest.mark.parametrize(
    "call",
    [
        lambda oauth: oauth.exchange_code("code", "verifier"),
        lambda oauth: oauth.refresh("refresh-1", lambda token: None),
    ],
    ids=["exchange", "refresh"],
)
def test_token_requests_never_follow_a_redirect(oauth, call):
    redirect("POST", TOKEN_URL)
    with pytest.raises(errors.UnexpectedRedirect) as caught:
        call(oauth)
    assert caught.value.status == 307 and caught.value.location == ELSEWHERE
    assert nobody_else_was_asked() == []


@responses.activate
def test_revoke_never_follows_a_redirect(oauth):
    redirect("POST", f"{ISSUER}/protocol/openid-connect/revoke")
    with pytest.raises(errors.UnexpectedRedirect):
        oauth.revoke("refresh-1")
    assert nobody_else_was_asked() == []


@responses.activate
def test_userinfo_never_follows_a_redirect(oauth):
    # A redirect on the same host would keep the Authorization header in requests.
    responses.get(
        f"{ISSUER}/protocol/openid-connect/userinfo",
        status=302,
        headers={"Location": f"{ISSUER}/elsewhere"},
    )
    responses.get(f"{ISSUER}/elsewhere", json={"sub": "x"})
    with pytest.raises(errors.UnexpectedRedirect, match="302"):
        oauth.userinfo("access-1")
    assert len(responses.calls) == 1


# ---------------------------------------------------------------- https only
@pytest.mark.parametrize(
    "url",
    [
        "http://api.bexio.com",
        "http://10.0.0.5:8765",
        "http://0.0.0.0:8765",
        "http://localhost.example.com",
        "http://127.0.0.1.nip.io",
        "ftp://api.bexio.com",
        "api.bexio.com",
        "https://user:password@api.bexio.com",
        "https://api.bexio.com/?next=x",
    ],
)
def test_base_urls_that_would_expose_credentials_are_refused(url):
    with pytest.raises(ValueError, match="bexio API base URL"):
        BexioClient("pat", api_url=url)
    with pytest.raises(ValueError, match="bexio OAuth issuer"):
        OAuthClient("cid", "secret", "https://odoo.example.ch/cb", issuer=url)


def test_the_refusal_says_what_to_do():
    with pytest.raises(ValueError, match=r"must start with https://.*127\.0\.0\.1"):
        BexioClient("pat", api_url="http://api.bexio.com")


@pytest.mark.parametrize(
    "url",
    [
        "https://api.bexio.com/",
        "http://127.0.0.1:8765",
        "http://127.8.9.10:8765",
        "http://[::1]:8765",
        "http://localhost:8765",
        "http://LOCALHOST:8765",
    ],
)
def test_https_and_loopback_http_are_accepted(url):
    assert BexioClient("pat", api_url=url).transport.api_url == url.rstrip("/")
    issuer = f"{url.rstrip('/')}/realms/bexio"
    assert (
        OAuthClient("cid", "s", "https://o.example/cb", issuer=issuer).issuer == issuer
    )


# ---------------------------------------------------------------- hostile ids
HOSTILE = [
    "1/../../3.0/users",
    "1?x=",
    "1#",
    "..",
    "1%2F..%2F3.0",
    "1/restore",
    " 1",
    "1\n",
    "\u0663",  # ARABIC-INDIC DIGIT THREE: str.isdigit() says yes
    "",
    -1,
    1.5,
    True,
    None,
]

CALLS = {
    "contact get": lambda c, i: c.contacts.get(i),
    "contact edit": lambda c, i: c.contacts.edit(
        i, {"contact_type_id": 1, "name_1": "A", "user_id": 1, "owner_id": 1}
    ),
    "contact update": lambda c, i: c.contacts.update(i, {"name_1": "A"}),
    "contact delete": lambda c, i: c.contacts.delete(i),
    "contact restore": lambda c, i: c.contacts.restore(i),
    "user get": lambda c, i: c.users.get(i),
    "invoice pdf": lambda c, i: c.invoices.pdf(i),
    "invoice issue": lambda c, i: c.invoices.issue(i),
    "invoice payments": lambda c, i: c.invoices.payments(i),
    "project archive": lambda c, i: c.projects.archive(i),
    "work packages": lambda c, i: c.projects.packages(i).list(),
    "work package get": lambda c, i: c.projects.packages(3).get(i),
    "milestone edit": lambda c, i: c.projects.milestones(3).edit(i, {"name": "M"}),
    "timesheet delete": lambda c, i: c.timesheets.delete(i),
    "payroll get": lambda c, i: c.payroll_employees.get(i),
    "payroll update": lambda c, i: c.payroll_employees.update(i, {"iban": "CH93"}),
    "absences": lambda c, i: c.payroll_employees.absences(i, 2026),
    "absence delete": lambda c, i: c.payroll_employees.delete_absence(EMPLOYEE, i),
}


@responses.activate
@pytest.mark.parametrize("name", sorted(CALLS))
def test_a_hostile_id_never_reaches_bexio(client, name):
    # Where "1/../../3.0/users" would land if it went into the path as it is.
    responses.get(f"{API}/3.0/users", json=[])
    for hostile in HOSTILE:
        with pytest.raises(ValueError, match="is not a bexio"):
            CALLS[name](client, hostile)
    assert len(responses.calls) == 0


@responses.activate
def test_ids_bexio_uses_still_work(client):
    responses.get(f"{API}/2.0/contact/12", json={"id": 12, "name_1": "A"})
    responses.get(f"{API}/4.0/payroll/employees/{EMPLOYEE}", json={"id": EMPLOYEE})
    responses.delete(
        f"{API}/4.0/payroll/employees/{EMPLOYEE}/absences/{EMPLOYEE}", status=204
    )
    assert client.contacts.get(12).id == 12
    assert client.contacts.get("12").id == 12  # as the addons store it, in a Char field
    assert client.payroll_employees.get(uuid.UUID(EMPLOYEE)).id == EMPLOYEE
    assert client.payroll_employees.delete_absence(EMPLOYEE, EMPLOYEE) is True


@responses.activate
@pytest.mark.parametrize(
    "path",
    [
        "/2.0/contact/1/../../3.0/users",
        "/2.0/contact/./1",
        "/2.0/contact//1",
        "/2.0/contact/1?x=1",
        "/2.0/contact/1#x",
        "/2.0/contact/1%2F..",
        "/2.0/contact/1 2",
        "2.0/contact",
        "//collector.example.net/take",
    ],
)
def test_the_transport_refuses_paths_that_leave_their_resource(client, path):
    with pytest.raises(ValueError, match="is not a bexio API path"):
        client.transport.get(path)
    assert len(responses.calls) == 0


def _path_built_by_hand(node):
    """Whether ``node`` builds a string containing "/" from something not constant."""
    if isinstance(node, ast.JoinedStr):
        return any(
            isinstance(part, ast.Constant) and "/" in str(part.value)
            for part in node.values
        ) and any(isinstance(part, ast.FormattedValue) for part in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
        return any(
            isinstance(side, ast.Constant) and "/" in str(side.value)
            for side in (node.left, node.right)
        )
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        target = node.func.value
        return (
            node.func.attr in ("format", "join")
            and isinstance(target, ast.Constant)
            and "/" in str(target.value)
        )
    return False


def test_no_resource_module_builds_a_path_by_hand():
    """Paths with ids go through Resource._item / urls.api_path, which check every id."""
    offenders = [
        f"{module.name}:{node.lineno}"
        for module in sorted(RESOURCES.glob("*.py"))
        for node in ast.walk(ast.parse(module.read_text()))
        if _path_built_by_hand(node)
    ]
    assert offenders == []
