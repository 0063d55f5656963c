"""OAuth client against canned answers: PKCE, code exchange, rotation, invalid_grant."""

import base64
import hashlib
import threading
import time
from urllib.parse import parse_qs, urlsplit

import pytest
import responses

from bexio_api import OAuthClient, RefreshingTokenProvider, Token, errors, scopes_for
from bexio_api.oauth import scope_grants

ISSUER = "https://auth.bexio.com/realms/bexio"
TOKEN_URL = f"{ISSUER}/protocol/openid-connect/token"


@pytest.fixture
def oauth():
    return OAuthClient("cid", "secret", "https://odoo.example.ch/bexio/oauth/callback")


def form(call):
    return {k: v[0] for k, v in parse_qs(call.request.body).items()}


def test_authorization_url_carries_state_pkce_s256_and_scopes(oauth):
    request = oauth.authorization_request(scopes_for(["contacts", "payroll"]))
    query = {k: v[0] for k, v in parse_qs(urlsplit(request.url).query).items()}
    assert request.url.startswith(f"{ISSUER}/protocol/openid-connect/auth?")
    assert query["state"] == request.state and len(request.state) >= 32
    assert query["code_challenge_method"] == "S256"
    digest = hashlib.sha256(request.code_verifier.encode()).digest()
    assert (
        query["code_challenge"]
        == base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
    )
    assert query["scope"].split() == [
        "openid",
        "profile",
        "email",
        "company_profile",
        "offline_access",
        "contact_edit",
        "payroll_employee_edit",
        "payroll_absence_edit",
    ]
    assert query["client_id"] == "cid" and query["response_type"] == "code"
    assert oauth.authorization_request([]).state != request.state


def test_unknown_feature_is_refused():
    with pytest.raises(ValueError, match="unknown feature"):
        scopes_for(["webhooks"])


def test_write_scope_covers_read_scope():
    assert scope_grants(["contact_edit"], "contact_show")
    assert not scope_grants(["contact_show"], "contact_edit")


@responses.activate
def test_code_exchange_sends_everything_in_the_form_body(oauth):
    responses.post(
        TOKEN_URL,
        json={
            "access_token": "a1",
            "refresh_token": "r1",
            "expires_in": 300,
            "scope": "openid contact_edit",
            "token_type": "Bearer",
        },
    )
    token = oauth.exchange_code("the-code", "the-verifier")
    sent = form(responses.calls[0])
    assert sent == {
        "grant_type": "authorization_code",
        "code": "the-code",
        "redirect_uri": oauth.redirect_uri,
        "code_verifier": "the-verifier",
        "client_id": "cid",
        "client_secret": "secret",
    }
    assert token.refresh_token == "r1" and token.scope == ["openid", "contact_edit"]
    assert 290 < token.expires_at - time.time() <= 300


@responses.activate
def test_refresh_saves_the_rotated_pair_before_returning_it(oauth):
    responses.post(
        TOKEN_URL, json={"access_token": "a2", "refresh_token": "r2", "expires_in": 300}
    )
    saved = []
    token = oauth.refresh("r1", saved.append)
    assert saved == [token] and token.refresh_token == "r2"
    assert form(responses.calls[0])["refresh_token"] == "r1"


@responses.activate
def test_a_refresh_answer_without_refresh_token_keeps_the_old_one(oauth):
    responses.post(TOKEN_URL, json={"access_token": "a2", "expires_in": 300})
    assert oauth.refresh("r1", lambda t: None).refresh_token == "r1"


@responses.activate
def test_invalid_grant_says_reconnect(oauth):
    responses.post(
        TOKEN_URL,
        status=400,
        json={"error": "invalid_grant", "error_description": "Token is not active"},
    )
    with pytest.raises(errors.InvalidGrant, match="connect again") as caught:
        oauth.refresh("dead", lambda t: None)
    assert caught.value.error == "invalid_grant"
    assert (
        caught.value.description == "Token is not active"
    )  # bexio's words, for callers


@responses.activate
def test_other_oauth_errors_and_outages(oauth):
    responses.post(
        TOKEN_URL,
        status=401,
        json={
            "error": "invalid_client",
            "error_description": "Invalid client credentials",
        },
    )
    with pytest.raises(errors.OAuthError, match="Invalid client credentials") as caught:
        oauth.exchange_code("c", "v")
    assert not isinstance(caught.value, errors.InvalidGrant)
    responses.replace(responses.POST, TOKEN_URL, status=503, body="down")
    with pytest.raises(errors.ServerError):
        oauth.exchange_code("c", "v")


def test_missing_refresh_token_is_invalid_grant(oauth):
    with pytest.raises(errors.InvalidGrant):
        oauth.refresh(None, lambda t: None)


@responses.activate
def test_a_failing_save_keeps_the_provider_on_the_old_token(oauth):
    responses.post(
        TOKEN_URL, json={"access_token": "a2", "refresh_token": "r2", "expires_in": 300}
    )

    def broken_save(token):
        raise OSError("disk full")

    provider = RefreshingTokenProvider(
        oauth, Token("a1", "r1", time.time() + 300), broken_save
    )
    with pytest.raises(OSError):
        provider.refresh("a1")
    assert provider.token.access_token == "a1"


def test_concurrent_refreshes_hit_the_server_once():
    calls = []
    gate = threading.Event()

    class SlowOAuth:
        def refresh(self, refresh_token, save):
            calls.append(refresh_token)
            gate.wait(2)
            token = Token("a2", "r2", time.time() + 300)
            save(token)
            return token

    provider = RefreshingTokenProvider(
        SlowOAuth(), Token("a1", "r1", time.time() + 300)
    )
    results = []
    threads = [
        threading.Thread(target=lambda: results.append(provider.refresh("a1")))
        for _ in range(5)
    ]
    for thread in threads:
        thread.start()
    time.sleep(0.1)
    gate.set()
    for thread in threads:
        thread.join()
    assert calls == ["r1"] and results == ["a2"] * 5


def test_an_expiring_token_is_refreshed_before_use():
    class OAuth:
        def refresh(self, refresh_token, save):
            return Token("fresh", "r2", time.time() + 3600)

    provider = RefreshingTokenProvider(
        OAuth(), Token("stale", "r1", time.time() + 10), margin=60
    )
    assert provider.access_token() == "fresh"
