"""Typed errors for every way a bexio call can fail.

Each error carries bexio's own message when there was one, the HTTP status, and the request that
failed, so the caller can show the user what happened and decide whether to retry.
``transient`` says whether the same call may succeed later without anyone changing anything.
"""


class BexioError(Exception):
    """Base class of every error raised by the SDK."""

    transient = False

    def __init__(self, message, *, status=None, method=None, url=None, body=None):
        super().__init__(message)
        self.message = message
        self.status = status
        self.method = method
        self.url = url
        self.body = body

    def __str__(self):
        where = f" ({self.method} {self.url})" if self.method and self.url else ""
        status = f"HTTP {self.status}: " if self.status else ""
        return f"{status}{self.message}{where}"


class TransportError(BexioError):
    """bexio could not be reached or did not answer in time."""

    transient = True


class InvalidResponse(BexioError):
    """bexio answered with something that is not what the API documents."""


class InvalidRecord(InvalidResponse):
    """One record in an answer is malformed; the other records are still usable."""


class ApiError(BexioError):
    """bexio answered with an error status."""

    def __init__(self, message, *, error_code=None, errors=None, **kwargs):
        super().__init__(message, **kwargs)
        self.error_code = error_code
        self.errors = errors


class UnexpectedRedirect(ApiError):
    """bexio (or whatever answered at its address) redirected the call (3xx).

    The SDK never follows a redirect: following it would send the request body and the
    credentials to the redirect's target. ``location`` is where it pointed.
    """

    def __init__(self, message, *, location=None, **kwargs):
        super().__init__(message, **kwargs)
        self.location = location


class Unauthorized(ApiError):
    """The access token is missing, expired or revoked (401)."""


class Forbidden(ApiError):
    """bexio refused access (403). The subclasses say why, where bexio's answer tells."""


class ModuleNotSubscribed(Forbidden):
    """The bexio subscription does not include the module.

    Payroll answers 403 without the module, or 404 on its routes where the company never had
    it (PromptPartner's bexio-mcp-server treats both as "payroll not enabled")."""


class MissingScope(Forbidden):
    """The access token lacks the OAuth scope of the route: the user must connect again and
    allow it (scopes never change on refresh)."""


class InsufficientRights(Forbidden):
    """The bexio user who connected lacks the right in bexio's user management: an admin of
    the bexio company must give it (bexio checks scope and user rights, DOCS §Scopes)."""


class NotFound(ApiError):
    """The object or route does not exist (404)."""


class Gone(ApiError):
    """The object was deleted in bexio (410, payroll)."""


class Conflict(ApiError):
    """bexio refuses the change because of the object's state (409)."""


class ValidationError(ApiError):
    """bexio refused the data (400 or 422); the message says which part."""


class RateLimited(ApiError):
    """Too many requests (429); ``retry_after`` is the number of seconds to wait."""

    transient = True

    def __init__(self, message, *, retry_after=None, **kwargs):
        super().__init__(message, **kwargs)
        self.retry_after = retry_after


class ServerError(ApiError):
    """bexio failed or is in maintenance (5xx)."""

    transient = True


class OAuthError(BexioError):
    """The authorization server refused a request (RFC 6749 §5.2)."""

    def __init__(self, message, *, error=None, description=None, **kwargs):
        super().__init__(message, **kwargs)
        self.error = error
        # bexio's own words (error_description), for callers that phrase their own message.
        self.description = description or error


class InvalidGrant(OAuthError):
    """The authorization code or refresh token is no longer valid: the user must reconnect."""


_STATUS_ERRORS = {
    400: ValidationError,
    401: Unauthorized,
    403: Forbidden,
    404: NotFound,
    409: Conflict,
    410: Gone,
    422: ValidationError,
    429: RateLimited,
}


PAYROLL = "/4.0/payroll"
_SCOPE_WORDS = ("scope",)
_MODULE_WORDS = ("module", "subscription", "not activated", "not enabled")
_RIGHTS_WORDS = ("right", "permission", "not allowed", "access denied")


def error_class_for(status, path="", body=None):
    """Return the error class for an HTTP status of the API at ``path`` with ``body``."""
    if status == 403:
        return _forbidden_class(path, body)
    if status == 404 and path.startswith(PAYROLL) and _is_route_missing(body):
        # The gateway's "Page not found" (not payroll's own problem+json "not found"): the
        # company has no payroll routes at all.
        return ModuleNotSubscribed
    if status >= 500:
        return ServerError
    return _STATUS_ERRORS.get(status, ApiError)


def _text(body):
    if not isinstance(body, dict):
        return str(body or "").lower()
    parts = (body.get(k) for k in ("message", "title", "detail", "error"))
    return " ".join(str(p) for p in parts if p).lower()


def _forbidden_class(path, body):
    text = _text(body)
    if any(word in text for word in _SCOPE_WORDS):
        return MissingScope
    if any(word in text for word in _MODULE_WORDS):
        return ModuleNotSubscribed
    if any(word in text for word in _RIGHTS_WORDS):
        return InsufficientRights
    # Nothing in the answer says why: on payroll the usual reason is the missing module.
    return ModuleNotSubscribed if path.startswith(PAYROLL) else Forbidden


def _is_route_missing(body):
    return isinstance(body, dict) and "error_code" in body and "status" not in body
