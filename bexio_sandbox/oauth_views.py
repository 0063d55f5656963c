"""HTTP side of the sandbox's login service (the logic is in ``oauth.py``)."""

import json

from werkzeug.wrappers import Response

from . import oauth
from .store import GLOBAL


def _base(req):
    return req.host_url.rstrip("/")


def _json(data, status=200):
    return Response(
        json.dumps(data),
        status=status,
        content_type="application/json",
        headers={"Cache-Control": "no-store", "Pragma": "no-cache"},
    )


def _html(text, status=200):
    return Response(
        text,
        status=status,
        content_type="text/html; charset=utf-8",
        headers={"Cache-Control": "no-store"},
    )


def handle(sandbox, req):
    server = sandbox.oauth
    path = req.path
    if path in (
        f"{oauth.REALM}/.well-known/openid-configuration",
        f"{oauth.REALM}/.well-known/oauth-authorization-server",
    ):
        return _json(server.discovery(_base(req)))
    if path == f"{oauth.OIDC}/certs":
        return _json(server.jwks())
    if path == f"{oauth.OIDC}/auth":
        return authorize(sandbox, req)
    if path == f"{oauth.OIDC}/token" and req.method == "POST":
        # A refused grant still commits what it decided (a replayed code revokes its tokens).
        with sandbox.store.transaction():
            try:
                answer = server.token(
                    req.form, req.headers.get("Authorization"), _base(req)
                )
            except oauth.OAuthFailure as exc:
                answer = exc
        if isinstance(answer, oauth.OAuthFailure):
            sandbox.log_oauth(req, answer.status)
            return _json(
                {"error": answer.error, "error_description": answer.description},
                answer.status,
            )
        sandbox.log_oauth(req, 200)
        return _json(answer)
    if path == f"{oauth.OIDC}/revoke" and req.method == "POST":
        try:
            with sandbox.store.transaction():
                server.revoke(req.form, req.headers.get("Authorization"))
        except oauth.OAuthFailure as exc:
            return _json(
                {"error": exc.error, "error_description": exc.description}, exc.status
            )
        sandbox.log_oauth(req, 200)
        return Response(b"", status=200)
    if path == f"{oauth.OIDC}/userinfo":
        header = req.headers.get("Authorization", "")
        token = server.access(
            header[7:].strip() if header.lower().startswith("bearer ") else ""
        )
        if token is None:
            return _json(
                {
                    "error": "invalid_token",
                    "error_description": "Token verification failed",
                },
                401,
            )
        return _json(server.claims(token["login"], token["company"], token["scope"]))
    return _json({"error": "not_found", "error_description": "Unknown endpoint"}, 404)


def authorize(sandbox, req):
    server = sandbox.oauth
    params = (req.form if req.method == "POST" else req.args).to_dict()
    client, page_error, redirect_error = server.check_authorize(params)
    if page_error:
        return _html(oauth.error_page(page_error), 400)
    state = params.get("state")
    if redirect_error:
        error, description = redirect_error
        return _redirect(
            oauth.redirect_url(
                params["redirect_uri"],
                error=error,
                error_description=description,
                state=state,
            )
        )
    if req.method != "POST":
        return _html(oauth.login_page(params, client))
    if params.get("decision") == "deny":
        return _redirect(
            oauth.redirect_url(
                params["redirect_uri"],
                error="access_denied",
                error_description="The user denied access",
                state=state,
            )
        )
    login = server.login(params.get("username"), params.get("password"))
    if login is None:
        return _html(
            oauth.login_page(params, client, error="Invalid e-mail or password."), 200
        )
    companies = list(login["companies"])
    company = params.get("company") or (companies[0] if len(companies) == 1 else None)
    if company not in companies:
        names = [
            (cid, (sandbox.store.get(GLOBAL, "company", cid) or {}).get("name", cid))
            for cid in companies
        ]
        error = None if not params.get("company") else "Choose one of your companies."
        return _html(oauth.login_page(params, client, error=error, companies=names))
    with sandbox.store.transaction():
        code, record = server.issue_code(params, login, company)
    return _redirect(
        oauth.redirect_url(
            params["redirect_uri"],
            code=code,
            state=state,
            session_state=record["session"],
        )
    )


def _redirect(location):
    return Response(
        status=302, headers={"Location": location, "Cache-Control": "no-store"}
    )
