"""The sandbox's login service over real HTTP: what a bexio app meets when users connect."""

import base64
import time
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from authlib.jose import JsonWebKey, jwt

from bexio_api import errors, scopes_for
from bexio_sandbox import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, OTHER_COMPANY

from ..conftest import REDIRECT_URI, authorize, callback_params, login, oauth_client


def token_post(sandbox, **form):
    form.setdefault("client_id", DEMO_CLIENT_ID)
    form.setdefault("client_secret", DEMO_CLIENT_SECRET)
    return requests.post(
        f"{sandbox.issuer}/protocol/openid-connect/token", data=form, timeout=10
    )


def test_discovery_document_points_at_the_sandbox(sandbox):
    doc = requests.get(
        f"{sandbox.issuer}/.well-known/openid-configuration", timeout=10
    ).json()
    assert doc["issuer"] == sandbox.issuer
    assert doc["token_endpoint"] == f"{sandbox.issuer}/protocol/openid-connect/token"
    assert "S256" in doc["code_challenge_methods_supported"]
    assert {"payroll_employee_edit", "offline_access"} <= set(doc["scopes_supported"])


def test_full_login_gives_tokens_userinfo_and_a_signed_id_token(sandbox):
    oauth, token = login(sandbox)
    assert token.refresh_token and "payroll_employee_edit" in token.scope
    info = oauth.userinfo(token.access_token)
    assert (
        info["company_id"] == "alpenblick01"
        and info["company_name"] == "Alpenblick Technik AG"
    )
    assert info["company_user_id"] == 1 and info["locale"] == "de-CH"
    keys = requests.get(
        f"{sandbox.issuer}/protocol/openid-connect/certs", timeout=10
    ).json()
    claims = jwt.decode(token.id_token, JsonWebKey.import_key_set(keys))
    claims.validate()
    assert claims["iss"] == sandbox.issuer and claims["aud"] == DEMO_CLIENT_ID
    assert claims["sub"] == info["sub"]


def test_unknown_client_and_unregistered_redirect_get_an_error_page_not_a_redirect(
    sandbox,
):
    oauth = oauth_client(sandbox)
    bad_client = oauth.authorization_request(["openid"]).url.replace(
        DEMO_CLIENT_ID, "nobody"
    )
    answer = requests.get(bad_client, allow_redirects=False, timeout=10)
    assert answer.status_code == 400 and "Unknown client_id" in answer.text
    evil = oauth_client(sandbox, redirect_uri="https://evil.example.com/cb")
    answer = requests.get(
        evil.authorization_request(["openid"]).url, allow_redirects=False, timeout=10
    )
    assert answer.status_code == 400 and "redirect_uri" in answer.text


def test_unknown_scope_is_redirected_as_invalid_scope(sandbox):
    request = oauth_client(sandbox).authorization_request(["openid", "superpowers"])
    answer = requests.get(request.url, allow_redirects=False, timeout=10)
    params = callback_params(answer)
    assert params["error"] == "invalid_scope" and params["state"] == request.state


def test_refused_consent_redirects_with_access_denied(sandbox):
    request = oauth_client(sandbox).authorization_request(scopes_for(["contacts"]))
    params = callback_params(authorize(sandbox, request, decision="deny"))
    assert params == {
        "error": "access_denied",
        "error_description": "The user denied access",
        "state": request.state,
    }


def test_wrong_password_shows_the_form_again(sandbox):
    request = oauth_client(sandbox).authorization_request(scopes_for(["contacts"]))
    answer = authorize(sandbox, request, password="wrong")
    assert answer.status_code == 200 and "Invalid e-mail or password" in answer.text


def test_pkce_is_enforced(sandbox):
    oauth = oauth_client(sandbox)
    request = oauth.authorization_request(scopes_for(["contacts"]))
    code = callback_params(authorize(sandbox, request))["code"]
    with pytest.raises(errors.InvalidGrant, match="Code mismatch"):
        oauth.exchange_code(code, "not-the-verifier")
    request = oauth.authorization_request(scopes_for(["contacts"]))
    code = callback_params(authorize(sandbox, request))["code"]
    answer = token_post(
        sandbox, grant_type="authorization_code", code=code, redirect_uri=REDIRECT_URI
    )
    assert answer.status_code == 400
    assert answer.json()["error_description"] == "PKCE code verifier not specified"


def test_a_replayed_code_fails_and_revokes_what_it_gave(sandbox):
    oauth = oauth_client(sandbox)
    request = oauth.authorization_request(scopes_for(["contacts"]))
    code = callback_params(authorize(sandbox, request))["code"]
    token = oauth.exchange_code(code, request.code_verifier)
    with pytest.raises(errors.InvalidGrant):
        oauth.exchange_code(code, request.code_verifier)
    with pytest.raises(errors.Unauthorized):
        oauth.userinfo(token.access_token)


def test_an_expired_code_is_refused(sandbox):
    oauth = oauth_client(sandbox)
    request = oauth.authorization_request(scopes_for(["contacts"]))
    code = callback_params(authorize(sandbox, request))["code"]
    store = sandbox.app.store
    with store.transaction():
        store.put(
            "global",
            "oauth_code",
            code,
            dict(store.get("global", "oauth_code", code), expires_at=time.time() - 1),
        )
    with pytest.raises(errors.InvalidGrant, match="expired"):
        oauth.exchange_code(code, request.code_verifier)


def test_refresh_rotates_and_the_old_refresh_token_dies(sandbox):
    oauth, token = login(sandbox)
    fresh = oauth.refresh(token.refresh_token, lambda t: None)
    assert (
        fresh.refresh_token != token.refresh_token
        and fresh.access_token != token.access_token
    )
    with pytest.raises(errors.InvalidGrant, match="Token is not active"):
        oauth.refresh(token.refresh_token, lambda t: None)
    assert oauth.userinfo(fresh.access_token)["company_id"] == "alpenblick01"


def test_no_refresh_token_without_offline_access(sandbox):
    oauth = oauth_client(sandbox)
    request = oauth.authorization_request(["openid", "contact_show"])
    token = oauth.exchange_code(
        callback_params(authorize(sandbox, request))["code"], request.code_verifier
    )
    assert token.refresh_token is None


def test_revoke_ends_the_session(sandbox):
    oauth, token = login(sandbox)
    oauth.revoke(token.refresh_token)
    with pytest.raises(errors.InvalidGrant):
        oauth.refresh(token.refresh_token, lambda t: None)
    with pytest.raises(errors.Unauthorized):
        oauth.userinfo(token.access_token)


def test_client_secret_basic_is_accepted_and_a_wrong_secret_is_not(sandbox):
    oauth, token = login(sandbox)
    basic = base64.b64encode(f"{DEMO_CLIENT_ID}:{DEMO_CLIENT_SECRET}".encode()).decode()
    answer = requests.post(
        f"{sandbox.issuer}/protocol/openid-connect/token",
        data={"grant_type": "refresh_token", "refresh_token": token.refresh_token},
        headers={"Authorization": f"Basic {basic}"},
        timeout=10,
    )
    assert answer.status_code == 200 and answer.json()["refresh_token"]
    answer = token_post(
        sandbox,
        client_secret="wrong",
        grant_type="refresh_token",
        refresh_token=answer.json()["refresh_token"],
    )
    assert answer.status_code == 401 and answer.json()["error"] == "invalid_client"


def test_a_trustee_picks_the_company_and_the_token_belongs_to_it(sandbox):
    oauth = oauth_client(sandbox)
    request = oauth.authorization_request(scopes_for(["contacts"]))
    choice = authorize(sandbox, request, username="treuhand@sandbox.bexio.local")
    assert choice.status_code == 200 and "Bergsicht Treuhand GmbH" in choice.text
    params = callback_params(
        authorize(
            sandbox,
            request,
            username="treuhand@sandbox.bexio.local",
            company=OTHER_COMPANY,
        )
    )
    token = oauth.exchange_code(params["code"], request.code_verifier)
    assert oauth.userinfo(token.access_token)["company_id"] == OTHER_COMPANY


def test_redirect_keeps_the_callbacks_own_query(sandbox):
    oauth = oauth_client(sandbox, redirect_uri="http://127.0.0.1:9999/cb?db=acme")
    request = oauth.authorization_request(["openid"])
    answer = authorize(sandbox, request)
    query = parse_qs(urlsplit(answer.headers["Location"]).query)
    assert query["db"] == ["acme"] and query["state"] == [request.state]
