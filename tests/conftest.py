"""Fixtures shared by the tier-1 tests: a real sandbox on 127.0.0.1 and OAuth logins to it."""

import pytest

from bexio_api import BexioClient, OAuthClient, RefreshingTokenProvider, scopes_for
from bexio_sandbox import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, SandboxServer
from bexio_sandbox.testing import redirect_params, submit_login

REDIRECT_URI = "http://localhost:8069/bexio/oauth/callback"
ALL_FEATURES = [
    "contacts",
    "payroll",
    "projects",
    "timesheets",
    "invoices",
    "accounting",
    "bank_accounts",
]


@pytest.fixture
def sandbox():
    """A freshly seeded sandbox for one test (seeding takes a fraction of a second)."""
    with SandboxServer() as server:
        yield server


@pytest.fixture(scope="module")
def shared_sandbox():
    """One sandbox for a module of tests that only read."""
    with SandboxServer() as server:
        yield server


def oauth_client(server, redirect_uri=REDIRECT_URI):
    return OAuthClient(
        DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, redirect_uri, issuer=server.issuer
    )


def authorize(server, auth_request, **kwargs):
    """Fill in the sandbox's login and consent form as a user would; return the answer."""
    return submit_login(auth_request.url, **kwargs)


callback_params = redirect_params


def login(server, features=ALL_FEATURES, extra_scopes=(), **kwargs):
    """The whole authorization-code flow with PKCE; returns (oauth client, token)."""
    oauth = oauth_client(server)
    auth_request = oauth.authorization_request([*scopes_for(features), *extra_scopes])
    params = callback_params(authorize(server, auth_request, **kwargs))
    assert params["state"] == auth_request.state
    return oauth, oauth.exchange_code(params["code"], auth_request.code_verifier)


@pytest.fixture
def client(sandbox):
    oauth, token = login(sandbox)
    saved = []
    provider = RefreshingTokenProvider(oauth, token, saved.append)
    bexio = BexioClient(provider, api_url=sandbox.url, backoff=0.01, max_backoff=0.05)
    bexio.saved_tokens = saved
    return bexio
