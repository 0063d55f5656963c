"""The admin API under /_sandbox: a token on every request, no writes from other origins."""

import pytest
import requests

from bexio_sandbox import Sandbox

RULE = {"action": "status", "status": 503, "path": "^/2.0/unit$", "count": 1}

ADMIN_CALLS = [
    ("GET", ""),
    ("GET", "api/companies"),
    ("GET", "api/companies/alpenblick01/contact"),
    ("GET", "api/requests"),
    ("GET", "api/faults"),
    ("POST", "api/faults"),
    ("DELETE", "api/faults"),
    ("POST", "api/latency"),
    ("POST", "api/rate_limit"),
    ("POST", "api/tokens/revoke"),
    ("POST", "api/companies/alpenblick01/payroll"),
    ("DELETE", "api/requests"),
]


def faults_of(sandbox):
    return sandbox.app.faults.to_dict()["rules"]


def allow_headers(answer):
    return {k for k in answer.headers if k.lower().startswith("access-control-")}


@pytest.mark.parametrize("method,path", ADMIN_CALLS)
def test_every_admin_request_needs_the_token(shared_sandbox, method, path):
    url = f"{shared_sandbox.url}/_sandbox/{path}"
    for headers in ({}, {"X-Sandbox-Admin": "guessed"}, {"X-Sandbox-Admin": ""}):
        answer = requests.request(method, url, json=RULE, headers=headers, timeout=10)
        assert answer.status_code == 401, (method, path, headers)
    assert faults_of(shared_sandbox) == []


def test_the_token_in_the_header_opens_the_admin_api(sandbox):
    added = sandbox.admin("POST", "faults", json=RULE)
    assert added.status_code == 201 and len(faults_of(sandbox)) == 1
    page = requests.get(
        f"{sandbox.url}/_sandbox/", headers=sandbox.admin_headers, timeout=10
    )
    assert page.status_code == 200 and "Alpenblick Technik AG" in page.text


def test_every_sandbox_has_its_own_random_token():
    first, second = Sandbox().admin_token, Sandbox().admin_token
    assert first != second and len(first) >= 32
    assert Sandbox(admin_token="chosen").admin_token == "chosen"


def test_the_printed_link_keeps_the_token_in_a_strict_http_only_cookie(sandbox):
    browser = requests.Session()
    opened = browser.get(sandbox.admin_link, allow_redirects=False, timeout=10)
    assert opened.status_code == 303 and opened.headers["Location"] == "/_sandbox/"
    cookie = opened.headers["Set-Cookie"]
    assert sandbox.admin_token in cookie
    assert {"HttpOnly", "SameSite=Strict", "Path=/_sandbox"} <= {
        part.strip() for part in cookie.split(";")
    }
    page = browser.get(f"{sandbox.url}/_sandbox/", timeout=10)
    assert page.status_code == 200 and "Alpenblick Technik AG" in page.text
    # The page's links to the API work with the cookie alone.
    assert browser.get(f"{sandbox.url}/_sandbox/api/companies", timeout=10).ok


def test_a_wrong_link_sets_no_cookie_and_the_api_takes_no_token_in_the_url(sandbox):
    wrong = requests.get(
        f"{sandbox.url}/_sandbox/?token=guessed", allow_redirects=False, timeout=10
    )
    assert wrong.status_code == 401 and "Set-Cookie" not in wrong.headers
    assert "admin token" in wrong.text
    in_url = requests.get(
        f"{sandbox.url}/_sandbox/api/requests?token={sandbox.admin_token}", timeout=10
    )
    assert in_url.status_code == 401


@pytest.mark.parametrize(
    "browser_headers",
    [
        {"Origin": "https://attacker.example"},
        {"Origin": "null"},
        # Odoo or any other local app on another port: same site, another origin.
        {"Origin": "http://127.0.0.1:8069"},
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site"},
    ],
)
def test_writes_from_another_origin_are_refused_even_with_the_token(
    sandbox, browser_headers
):
    for method, path, body in [
        ("POST", "faults", RULE),
        ("DELETE", "requests", None),
        ("POST", "tokens/revoke", {}),
        ("POST", "companies/alpenblick01/payroll", {"enabled": False}),
    ]:
        answer = sandbox.admin(method, path, json=body, headers=browser_headers)
        assert answer.status_code == 403, (method, path)
        assert allow_headers(answer) == set()
    assert faults_of(sandbox) == []
    (company,) = (
        c for c in sandbox.admin("GET", "companies").json() if c["id"] == "alpenblick01"
    )
    assert company["payroll_enabled"] is True


def test_a_cookie_carried_by_a_cross_origin_request_changes_nothing(sandbox):
    browser = requests.Session()
    browser.get(sandbox.admin_link, timeout=10)
    answer = browser.post(
        f"{sandbox.url}/_sandbox/api/faults",
        json=RULE,
        headers={"Origin": "http://localhost:8069", "Sec-Fetch-Site": "same-site"},
        timeout=10,
    )
    assert answer.status_code == 403 and faults_of(sandbox) == []


def test_the_admin_page_itself_may_write(sandbox):
    same_origin = {"Origin": sandbox.url, "Sec-Fetch-Site": "same-origin"}
    answer = sandbox.admin("POST", "faults", json=RULE, headers=same_origin)
    assert answer.status_code == 201 and len(faults_of(sandbox)) == 1


def test_no_cors_preflight_or_header_lets_another_site_in(sandbox):
    preflight = requests.options(
        f"{sandbox.url}/_sandbox/api/faults",
        headers={
            "Origin": "https://attacker.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "x-sandbox-admin, content-type",
        },
        timeout=10,
    )
    assert preflight.status_code == 403 and allow_headers(preflight) == set()
    read = sandbox.admin(
        "GET", "requests", headers={"Origin": "https://attacker.example"}
    )
    assert allow_headers(read) == set()
