"""OAuth 2.0 / OpenID Connect against bexio's Keycloak realm.

Authorization code grant with PKCE (S256) and a confidential client; refresh tokens rotate, so
a refreshed token pair is handed to the caller's ``save`` callback *before* it is returned or
used: if saving fails, the caller still holds the old pair and nothing has been lost that bexio
has not also forgotten.

The issuer must be https (plain http only on loopback, for the sandbox), and no call follows a
redirect: token, refresh and revoke requests carry the client secret and tokens in their body,
userinfo a bearer token, and a redirect would hand them to its target.
"""

import threading
import time
from dataclasses import dataclass, field

import requests
from authlib.common.security import generate_token
from authlib.oauth2.rfc6749.parameters import prepare_grant_uri
from authlib.oauth2.rfc7636 import create_s256_code_challenge

from . import errors
from .transport import TokenProvider, redirect_error
from .urls import secure_base_url

DEFAULT_ISSUER = "https://auth.bexio.com/realms/bexio"

# OIDC scopes every connection needs: identity, the company it belongs to, and a refresh token.
BASE_SCOPES = ("openid", "profile", "email", "company_profile", "offline_access")

# bexio API scopes per feature of the product. A write scope implies the read scope.
FEATURE_SCOPES = {
    "contacts": ("contact_edit",),
    "payroll": ("payroll_employee_edit", "payroll_absence_edit"),
    "projects": ("project_show",),
    "timesheets": ("monitoring_edit",),
    "invoices": ("kb_invoice_edit",),
    "accounting": ("accounting",),
    "bank_accounts": ("bank_account_show",),
}


def scopes_for(features):
    """The scopes to request for the given features, base scopes included, in a stable order."""
    scopes = list(BASE_SCOPES)
    for feature in features:
        try:
            extra = FEATURE_SCOPES[feature]
        except KeyError:
            raise ValueError(
                f"unknown feature {feature!r}; known: {sorted(FEATURE_SCOPES)}"
            ) from None
        scopes.extend(s for s in extra if s not in scopes)
    return scopes


def scope_grants(granted, needed):
    """Whether the granted scopes cover ``needed`` (an ``_edit`` scope covers its ``_show``)."""
    granted = set(granted)
    if needed in granted:
        return True
    return needed.endswith("_show") and needed[: -len("_show")] + "_edit" in granted


@dataclass
class Token:
    access_token: str
    refresh_token: str = None
    expires_at: float = None
    scope: list = field(default_factory=list)
    id_token: str = None
    token_type: str = "Bearer"

    @classmethod
    def from_response(cls, data, now=None, previous_refresh_token=None):
        if not isinstance(data, dict) or not data.get("access_token"):
            raise errors.InvalidResponse(
                "the token endpoint answered without an access token"
            )
        now = time.time() if now is None else now
        expires_in = data.get("expires_in")
        try:
            expires_at = now + float(expires_in) if expires_in is not None else None
        except (TypeError, ValueError):
            expires_at = None
        scope = data.get("scope") or ""
        return cls(
            access_token=data["access_token"],
            # Keep the old refresh token if an answer ever carries none.
            refresh_token=data.get("refresh_token") or previous_refresh_token,
            expires_at=expires_at,
            scope=scope.split() if isinstance(scope, str) else list(scope),
            id_token=data.get("id_token"),
            token_type=data.get("token_type") or "Bearer",
        )

    def expires_within(self, seconds, now=None):
        if self.expires_at is None:
            return False
        now = time.time() if now is None else now
        return self.expires_at - now <= seconds


@dataclass
class AuthorizationRequest:
    url: str
    state: str
    code_verifier: str


class OAuthClient:
    """Talks to bexio's authorization server (or the sandbox's, at another issuer URL)."""

    def __init__(
        self,
        client_id,
        client_secret,
        redirect_uri,
        issuer=DEFAULT_ISSUER,
        *,
        timeout=(5.0, 20.0),
        session=None,
    ):
        self.client_id = client_id
        self.client_secret = client_secret
        self.redirect_uri = redirect_uri
        self.issuer = secure_base_url(issuer, "bexio OAuth issuer")
        self.timeout = timeout
        self.session = session or requests.Session()

    # Keycloak's endpoint layout, as in bexio's discovery document.
    @property
    def authorization_endpoint(self):
        return f"{self.issuer}/protocol/openid-connect/auth"

    @property
    def token_endpoint(self):
        return f"{self.issuer}/protocol/openid-connect/token"

    @property
    def revocation_endpoint(self):
        return f"{self.issuer}/protocol/openid-connect/revoke"

    @property
    def userinfo_endpoint(self):
        return f"{self.issuer}/protocol/openid-connect/userinfo"

    def authorization_request(self, scopes, state=None, code_verifier=None, **extra):
        """Build the URL to send the user to; keep ``state`` and ``code_verifier`` server-side."""
        state = state or generate_token(32)
        code_verifier = code_verifier or generate_token(64)
        url = prepare_grant_uri(
            self.authorization_endpoint,
            client_id=self.client_id,
            response_type="code",
            redirect_uri=self.redirect_uri,
            scope=" ".join(scopes),
            state=state,
            code_challenge=create_s256_code_challenge(code_verifier),
            code_challenge_method="S256",
            **extra,
        )
        return AuthorizationRequest(url=url, state=state, code_verifier=code_verifier)

    def exchange_code(self, code, code_verifier):
        data = self._token_request(
            {
                "grant_type": "authorization_code",
                "code": code,
                "redirect_uri": self.redirect_uri,
                "code_verifier": code_verifier,
            }
        )
        return Token.from_response(data)

    def refresh(self, refresh_token, save):
        """Refresh; call ``save(new_token)`` before returning it, since the old one is now dead."""
        if not refresh_token:
            raise errors.InvalidGrant(
                "there is no refresh token: connect to bexio again",
                error="invalid_grant",
            )
        data = self._token_request(
            {"grant_type": "refresh_token", "refresh_token": refresh_token}
        )
        token = Token.from_response(data, previous_refresh_token=refresh_token)
        save(token)
        return token

    def revoke(self, token, token_type_hint="refresh_token"):
        response = self._post(
            self.revocation_endpoint,
            {
                "token": token,
                "token_type_hint": token_type_hint,
                "client_id": self.client_id,
                "client_secret": self.client_secret,
            },
        )
        if response.status_code >= 400:
            self._raise(response)

    def userinfo(self, access_token):
        try:
            response = self.session.get(
                self.userinfo_endpoint,
                timeout=self.timeout,
                headers={
                    "Authorization": f"Bearer {access_token}",
                    "Accept": "application/json",
                },
                allow_redirects=False,
            )
        except requests.RequestException as exc:
            raise errors.TransportError(
                "bexio's login service could not be reached",
                url=self.userinfo_endpoint,
                method="GET",
            ) from exc
        if 300 <= response.status_code < 400:
            raise redirect_error("GET", self.userinfo_endpoint, response)
        if response.status_code == 401:
            raise errors.Unauthorized(
                "bexio refused the access token",
                status=401,
                method="GET",
                url=self.userinfo_endpoint,
            )
        if response.status_code >= 400:
            self._raise(response)
        return self._json(response)

    # ----------------------------------------------------------------- helpers
    def _token_request(self, form):
        # bexio's IdP wants every parameter in the form body, client credentials included.
        form = dict(form, client_id=self.client_id, client_secret=self.client_secret)
        response = self._post(self.token_endpoint, form)
        if response.status_code >= 400:
            self._raise(response)
        return self._json(response)

    def _post(self, url, form):
        try:
            response = self.session.post(
                url,
                data=form,
                timeout=self.timeout,
                headers={"Accept": "application/json"},
                # The form carries the client secret and a code or token: never pass it on.
                allow_redirects=False,
            )
        except requests.RequestException as exc:
            raise errors.TransportError(
                "bexio's login service could not be reached", method="POST", url=url
            ) from exc
        if 300 <= response.status_code < 400:
            raise redirect_error("POST", url, response)
        return response

    def _json(self, response):
        try:
            return response.json()
        except ValueError as exc:
            raise errors.InvalidResponse(
                "bexio's login service answered with a body that is not JSON",
                status=response.status_code,
                url=response.url,
            ) from exc

    def _raise(self, response):
        status = response.status_code
        try:
            body = response.json()
        except ValueError:
            body = {}
        if not isinstance(body, dict):
            body = {}
        error = body.get("error")
        description = body.get("error_description") or error or f"HTTP {status}"
        kwargs = dict(
            status=status,
            method=response.request.method if response.request else None,
            url=response.url,
            body=body,
        )
        if error == "invalid_grant":
            raise errors.InvalidGrant(
                f"bexio no longer accepts this authorization ({description}): connect again",
                error=error,
                description=description,
                **kwargs,
            )
        if error:
            raise errors.OAuthError(
                f"bexio refused the request: {description}",
                error=error,
                description=description,
                **kwargs,
            )
        if status >= 500:
            raise errors.ServerError(
                "bexio's login service failed; try again later", **kwargs
            )
        raise errors.OAuthError(f"bexio refused the request: {description}", **kwargs)


class RefreshingTokenProvider(TokenProvider):
    """Keeps a Token fresh for a Transport; refreshes once however many threads ask.

    ``save(token)`` persists a new token pair; it runs before the new access token is used.
    Odoo's connector brings its own provider that locks a database row instead of a thread lock.
    """

    def __init__(self, oauth_client, token, save=None, *, margin=60):
        self.oauth = oauth_client
        self.token = token
        self._save = save or (lambda token: None)
        self.margin = margin
        self._lock = threading.Lock()

    def access_token(self):
        if self.token.expires_within(self.margin):
            return self.refresh(self.token.access_token)
        return self.token.access_token

    def refresh(self, failed_token):
        with self._lock:
            if self.token.access_token != failed_token:
                return self.token.access_token  # somebody else refreshed meanwhile
            self.token = self.oauth.refresh(self.token.refresh_token, self._save)
            return self.token.access_token
