"""The sandbox's OAuth 2.0 / OIDC server, at the same paths as bexio's Keycloak realm.

Authorization code grant with PKCE (plain and S256), confidential clients (secret in the form
body or HTTP Basic), refresh tokens only with ``offline_access``, refresh-token rotation that
kills the old token at once (as bexio does), revocation, userinfo and RS256-signed ID tokens.
"""

import base64
import hashlib
import html
import secrets
import time
import uuid
from urllib.parse import urlencode, urlsplit

from authlib.jose import JsonWebKey, jwt

from .store import GLOBAL

REALM = "/realms/bexio"
OIDC = f"{REALM}/protocol/openid-connect"
CODE_LIFETIME = 60
# Every scope bexio documents for apps, plus the OIDC ones; anything else is invalid_scope.
KNOWN_SCOPES = {
    "openid",
    "profile",
    "email",
    "company_profile",
    "offline_access",
    "accounting",
    "article_show",
    "article_edit",
    "bank_account_show",
    "bank_payment_show",
    "bank_payment_edit",
    "contact_show",
    "contact_edit",
    "file",
    "kb_invoice_show",
    "kb_invoice_edit",
    "kb_offer_show",
    "kb_offer_edit",
    "kb_order_show",
    "kb_order_edit",
    "kb_delivery_show",
    "kb_delivery_edit",
    "monitoring_show",
    "monitoring_edit",
    "note_show",
    "note_edit",
    "kb_article_order_show",
    "kb_article_order_edit",
    "project_show",
    "project_edit",
    "stock_edit",
    "task_show",
    "task_edit",
    "kb_bill_show",
    "kb_expense_show",
    "payroll_employee_show",
    "payroll_employee_edit",
    "payroll_absence_show",
    "payroll_absence_edit",
    "payroll_paystub_show",
}


class OAuthFailure(Exception):
    """An error answered as JSON ``{error, error_description}`` by the token endpoint."""

    def __init__(self, error, description, status=400):
        super().__init__(description)
        self.error = error
        self.description = description
        self.status = status


class OAuthServer:
    def __init__(self, store, access_token_lifetime=3600):
        self.store = store
        self.access_token_lifetime = access_token_lifetime
        self._key = None

    # ------------------------------------------------------------- discovery
    def discovery(self, base):
        issuer = base + REALM
        return {
            "issuer": issuer,
            "authorization_endpoint": f"{base}{OIDC}/auth",
            "token_endpoint": f"{base}{OIDC}/token",
            "introspection_endpoint": f"{base}{OIDC}/token/introspect",
            "userinfo_endpoint": f"{base}{OIDC}/userinfo",
            "end_session_endpoint": f"{base}{OIDC}/logout",
            "jwks_uri": f"{base}{OIDC}/certs",
            "revocation_endpoint": f"{base}{OIDC}/revoke",
            "grant_types_supported": ["authorization_code", "refresh_token"],
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "code_challenge_methods_supported": ["plain", "S256"],
            "token_endpoint_auth_methods_supported": [
                "client_secret_post",
                "client_secret_basic",
            ],
            "scopes_supported": sorted(KNOWN_SCOPES),
            "claims_supported": [
                "sub",
                "email",
                "email_verified",
                "given_name",
                "family_name",
                "locale",
                "gender",
                "company_id",
                "company_name",
                "company_user_id",
            ],
        }

    # ---------------------------------------------------------------- keys
    def signing_key(self):
        if self._key is None:
            pem = self.store.get_meta("oidc_signing_key")
            if pem is None:
                key = JsonWebKey.generate_key("RSA", 2048, is_private=True)
                pem = key.as_pem(is_private=True).decode()
                with self.store.transaction():
                    self.store.set_meta("oidc_signing_key", pem)
            self._key = JsonWebKey.import_key(
                pem, {"kty": "RSA", "use": "sig", "alg": "RS256"}
            )
        return self._key

    def jwks(self):
        public = self.signing_key().as_dict(is_private=False)
        public.update(use="sig", alg="RS256", kid=self._kid())
        return {"keys": [public]}

    def _kid(self):
        return self.signing_key().thumbprint()

    # ----------------------------------------------------- authorize request
    def client(self, client_id):
        return self.store.get(GLOBAL, "oauth_client", client_id)

    def redirect_allowed(self, client, redirect_uri):
        if not redirect_uri:
            return False
        for allowed in client.get("redirect_uris", []):
            if allowed.endswith("*") and redirect_uri.startswith(allowed[:-1]):
                return True
            if redirect_uri == allowed:
                return True
        # The demo client accepts any loopback address, so a local Odoo on any port works.
        if client.get("allow_loopback"):
            host = urlsplit(redirect_uri).hostname
            return host in ("127.0.0.1", "localhost", "::1")
        return False

    def check_authorize(self, params):
        """Validate an authorization request. Returns (client, error page text or None,
        redirect error or None). Errors about the client or redirect URI are never redirected."""
        client = self.client(params.get("client_id", ""))
        if client is None:
            return (
                None,
                "Unknown client_id: this app is not registered with the sandbox.",
                None,
            )
        if not self.redirect_allowed(client, params.get("redirect_uri")):
            return (
                client,
                "Invalid parameter: redirect_uri is not registered for this app.",
                None,
            )
        if params.get("response_type") != "code":
            return (
                client,
                None,
                ("unsupported_response_type", "Only response_type=code is supported"),
            )
        scopes = params.get("scope", "").split()
        unknown = [s for s in scopes if s not in KNOWN_SCOPES]
        if unknown or "openid" not in scopes:
            return (
                client,
                None,
                (
                    "invalid_scope",
                    f"Invalid scopes: {' '.join(unknown) or '(no openid)'}",
                ),
            )
        method = params.get("code_challenge_method")
        if params.get("code_challenge") and method not in (None, "plain", "S256"):
            return (
                client,
                None,
                ("invalid_request", "Invalid parameter: code_challenge_method"),
            )
        return client, None, None

    def login(self, username, password):
        login = self.store.get(GLOBAL, "login", (username or "").strip().lower())
        if login and secrets.compare_digest(login["password"], password or ""):
            return login
        return None

    def issue_code(self, params, login, company_id):
        code = secrets.token_urlsafe(32)
        record = {
            "client_id": params["client_id"],
            "redirect_uri": params["redirect_uri"],
            "scope": params.get("scope", ""),
            "login": login["username"],
            "company": company_id,
            "challenge": params.get("code_challenge"),
            "challenge_method": params.get("code_challenge_method") or "plain",
            "expires_at": time.time() + CODE_LIFETIME,
            "used": False,
            "session": str(uuid.uuid4()),
            "nonce": params.get("nonce"),
        }
        self.store.put(GLOBAL, "oauth_code", code, record)
        return code, record

    # ------------------------------------------------------------- token
    def authenticate_client(self, form, authorization):
        client_id, secret = form.get("client_id"), form.get("client_secret")
        if authorization and authorization.lower().startswith("basic "):
            try:
                decoded = base64.b64decode(authorization[6:]).decode()
                client_id, secret = decoded.split(":", 1)
            except (ValueError, UnicodeDecodeError):
                raise OAuthFailure(
                    "invalid_client", "Invalid client credentials", 401
                ) from None
        client = self.client(client_id or "")
        if client is None or not secrets.compare_digest(client["secret"], secret or ""):
            raise OAuthFailure(
                "invalid_client", "Invalid client or Invalid client credentials", 401
            )
        return client

    def token(self, form, authorization, base):
        client = self.authenticate_client(form, authorization)
        grant = form.get("grant_type")
        if grant == "authorization_code":
            return self._code_grant(client, form, base)
        if grant == "refresh_token":
            return self._refresh_grant(client, form, base)
        raise OAuthFailure(
            "unsupported_grant_type", f"Unsupported grant_type {grant!r}"
        )

    def _code_grant(self, client, form, base):
        code = form.get("code") or ""
        record = self.store.get(GLOBAL, "oauth_code", code)
        if record is None or record["client_id"] != client["client_id"]:
            raise OAuthFailure("invalid_grant", "Code not valid")
        if record["used"]:
            # A replayed code revokes what it produced (RFC 6749 §4.1.2).
            self._revoke_session(record["session"])
            raise OAuthFailure("invalid_grant", "Code not valid")
        record = dict(record, used=True)
        self.store.put(GLOBAL, "oauth_code", code, record)
        if record["expires_at"] < time.time():
            raise OAuthFailure("invalid_grant", "Code is expired")
        if form.get("redirect_uri") != record["redirect_uri"]:
            raise OAuthFailure("invalid_grant", "Incorrect redirect_uri")
        verifier = form.get("code_verifier")
        if record["challenge"]:
            if not verifier:
                raise OAuthFailure("invalid_grant", "PKCE code verifier not specified")
            if record["challenge_method"] == "S256":
                digest = hashlib.sha256(verifier.encode()).digest()
                computed = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
            else:
                computed = verifier
            if not secrets.compare_digest(computed, record["challenge"]):
                raise OAuthFailure(
                    "invalid_grant", "PKCE verification failed: Code mismatch"
                )
        elif verifier:
            raise OAuthFailure(
                "invalid_grant",
                "PKCE code verifier specified but challenge not present in authorization",
            )
        return self._issue(
            client,
            record["login"],
            record["company"],
            record["scope"],
            record["session"],
            base,
            nonce=record.get("nonce"),
        )

    def _refresh_grant(self, client, form, base):
        token = form.get("refresh_token") or ""
        record = self.store.get(GLOBAL, "refresh_token", token)
        if record is None or record["client_id"] != client["client_id"]:
            raise OAuthFailure("invalid_grant", "Invalid refresh token")
        if not record["active"]:
            raise OAuthFailure("invalid_grant", "Token is not active")
        if form.get("scope") and set(form["scope"].split()) - set(
            record["scope"].split()
        ):
            raise OAuthFailure("invalid_scope", "Scopes cannot be widened on refresh")
        # Rotation: the old refresh token dies now, before the new one is even sent.
        self.store.put(GLOBAL, "refresh_token", token, dict(record, active=False))
        return self._issue(
            client,
            record["login"],
            record["company"],
            record["scope"],
            record["session"],
            base,
        )

    def _issue(self, client, username, company, scope, session, base, nonce=None):
        now = time.time()
        access = secrets.token_urlsafe(32)
        self.store.put(
            GLOBAL,
            "access_token",
            access,
            {
                "client_id": client["client_id"],
                "login": username,
                "company": company,
                "scope": scope,
                "session": session,
                "expires_at": now + self.access_token_lifetime,
                "active": True,
            },
        )
        answer = {
            "access_token": access,
            "expires_in": self.access_token_lifetime,
            "refresh_expires_in": 0,
            "token_type": "Bearer",
            "not-before-policy": 0,
            "session_state": session,
            "scope": scope,
        }
        if "offline_access" in scope.split():
            refresh = secrets.token_urlsafe(48)
            self.store.put(
                GLOBAL,
                "refresh_token",
                refresh,
                {
                    "client_id": client["client_id"],
                    "login": username,
                    "company": company,
                    "scope": scope,
                    "session": session,
                    "active": True,
                },
            )
            answer["refresh_token"] = refresh
        if "openid" in scope.split():
            claims = dict(
                self.claims(username, company, scope),
                iss=base + REALM,
                aud=client["client_id"],
                iat=int(now),
                exp=int(now + self.access_token_lifetime),
                azp=client["client_id"],
            )
            if nonce:
                claims["nonce"] = nonce
            header = {"alg": "RS256", "kid": self._kid(), "typ": "JWT"}
            answer["id_token"] = jwt.encode(header, claims, self.signing_key()).decode()
        return answer

    # ------------------------------------------------------ revoke, userinfo
    def revoke(self, form, authorization):
        client = self.authenticate_client(form, authorization)
        token = form.get("token") or ""
        for kind in ("refresh_token", "access_token"):
            record = self.store.get(GLOBAL, kind, token)
            if record and record["client_id"] == client["client_id"]:
                if kind == "refresh_token":
                    # Revoking the refresh token ends the offline session, as Keycloak does.
                    self._revoke_session(record["session"])
                else:
                    self.store.put(GLOBAL, kind, token, dict(record, active=False))

    def _revoke_session(self, session):
        for kind in ("refresh_token", "access_token"):
            for token, record in self._tokens(kind):
                if record["session"] == session and record["active"]:
                    self.store.put(GLOBAL, kind, token, dict(record, active=False))

    def _tokens(self, kind):
        return self.store.items(GLOBAL, kind)

    def revoke_company(self, company=None):
        """Admin: revoke every token (of one company); the next refresh gets invalid_grant."""
        count = 0
        for kind in ("refresh_token", "access_token"):
            for token, record in self._tokens(kind):
                if record["active"] and company in (None, record["company"]):
                    self.store.put(GLOBAL, kind, token, dict(record, active=False))
                    count += 1
        return count

    def expire_access_tokens(self, company=None):
        """Admin: make access tokens expire now (simulates expiry in the middle of a run)."""
        count = 0
        for token, record in self._tokens("access_token"):
            if record["active"] and company in (None, record["company"]):
                self.store.put(
                    GLOBAL, "access_token", token, dict(record, expires_at=0)
                )
                count += 1
        return count

    def access(self, bearer):
        """The token record behind ``Authorization: Bearer``, or None if it is not usable."""
        record = self.store.get(GLOBAL, "access_token", bearer or "")
        if record is None or not record["active"] or record["expires_at"] < time.time():
            return None
        return record

    def claims(self, username, company_id, scope):
        login = self.store.get(GLOBAL, "login", username)
        company = self.store.get(GLOBAL, "company", company_id) or {}
        scopes = set(scope.split())
        claims = {"sub": login["sub"], "shard_id": company.get("shard_id")}
        if "email" in scopes:
            claims.update(email=login["email"], email_verified=True)
        if "profile" in scopes:
            claims.update(
                given_name=login["given_name"],
                family_name=login["family_name"],
                locale=login.get("locale", "de-CH"),
                gender=login.get("gender"),
            )
        if "company_profile" in scopes:
            claims.update(
                company_id=company_id,
                company_name=company.get("name"),
                company_user_id=login["companies"].get(company_id),
            )
        return claims


# ------------------------------------------------------------------ pages
PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>bexio sandbox - sign in</title><meta name="robots" content="noindex">
<style>body{{font-family:system-ui,sans-serif;background:#f4f6f8;margin:0}}
main{{max-width:420px;margin:60px auto;background:#fff;padding:28px 32px;border-radius:8px;
box-shadow:0 2px 8px #0002}}h1{{font-size:20px;color:#0d2e4f}}
label{{display:block;margin:12px 0 4px}}
input,select{{width:100%;padding:8px;box-sizing:border-box}}ul{{padding-left:20px}}
.row{{display:flex;gap:12px;margin-top:20px}}button{{flex:1;padding:10px;border:0;border-radius:4px;
cursor:pointer}}.allow{{background:#72b41f;color:#fff}}.error{{color:#b00020}}small{{color:#555}}</style>
</head><body><main><h1>bexio sandbox</h1>{body}</main></body></html>"""


def login_page(params, client, error=None, companies=None):
    hidden = "".join(
        f'<input type="hidden" name="{html.escape(k)}" value="{html.escape(v)}">'
        for k, v in params.items()
        if k not in ("username", "password", "company", "decision")
    )
    scopes = "".join(
        f"<li>{html.escape(s)}</li>" for s in params.get("scope", "").split()
    )
    company_select = ""
    if companies:
        options = "".join(
            f'<option value="{html.escape(cid)}">{html.escape(name)}</option>'
            for cid, name in companies
        )
        company_select = (
            '<label for="company">Company</label>'
            f'<select id="company" name="company">{options}</select>'
        )
    body = (
        (f'<p class="error" role="alert">{html.escape(error)}</p>' if error else "")
        + f"<p><strong>{html.escape(client.get('name', client['client_id']))}</strong> "
        "asks for access to your bexio company:</p>"
        f"<ul>{scopes}</ul>"
        f'<form method="post">{hidden}'
        '<label for="username">E-mail</label>'
        '<input id="username" name="username" autocomplete="username">'
        '<label for="password">Password</label>'
        '<input id="password" name="password" type="password">'
        f"{company_select}"
        '<div class="row"><button class="allow" name="decision" value="allow">Allow</button>'
        '<button name="decision" value="deny">Deny</button></div></form>'
        "<p><small>Demo login: demo@sandbox.bexio.local / demo</small></p>"
    )
    return PAGE.format(body=body)


def error_page(message):
    return PAGE.format(body=f'<p class="error" role="alert">{html.escape(message)}</p>')


def redirect_url(redirect_uri, **params):
    sep = "&" if "?" in redirect_uri else "?"
    return (
        redirect_uri
        + sep
        + urlencode({k: v for k, v in params.items() if v is not None})
    )
