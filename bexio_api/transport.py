"""HTTP transport to the bexio API: one session, timeouts, retries, rate limits, error mapping.

Retry rules, and why:
- A request that never reached bexio (connection refused, connect timeout) is retried whatever
  its method: bexio cannot have acted on it.
- Any other failure (read timeout, reset, 5xx) is retried only for idempotent requests. A POST
  that creates something is never retried blindly: bexio may have committed it before the answer
  was lost, and a second POST would create a duplicate. Callers that can make a POST safe
  (searches, v2 edits, which overwrite) pass ``idempotent=True``.
- 429 means bexio did not act on the request, so it is retried for every method after waiting
  for ``RateLimit-Reset``, as long as the total wait stays within ``max_rate_limit_wait``;
  beyond that ``RateLimited`` is raised with the seconds to wait.
- The first 401 asks the token provider for a fresh token and retries once.

``get_many`` overlaps independent reads (a small bounded pool) where bexio has no list that
carries the details, as payroll's employees: each read follows the rules above, but only the
HTTP runs in the pool; the token is asked for and refreshed in the caller's thread.

Redirects are never followed: a 3xx raises ``UnexpectedRedirect``. Following one would send the
request body and the bearer token to whatever address the answer names. The base URL must be
https (plain http only on loopback), and every path is checked before it is sent (see
``urls``), so no id can make a request address another resource.
"""

import json
import logging
import random
import threading
import time
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass, field

import requests
from urllib3.exceptions import NewConnectionError

from . import errors
from .urls import check_path, secure_base_url

_logger = logging.getLogger(__name__)

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})
RETRY_STATUSES = frozenset({500, 502, 503, 504})
DEFAULT_API_URL = "https://api.bexio.com"
# Reads in flight at once in ``get_many``. bexio allows 1000 requests a minute on the routes
# read this way; four round trips of 100-200 ms stay far below it, and a 429 is waited out.
READ_WORKERS = 4
# How long a pooled read waits for the caller's thread to refresh a token that met a 401.
REFRESH_WAIT = 60
USER_AGENT = "bexio-odoo/18.0 (+https://github.com/bexio-odoo)"


class TokenProvider:
    """What the transport needs from whoever owns the tokens.

    ``access_token()`` returns the token to send. ``refresh(failed_token)`` is called after a 401
    with the token that failed; it returns a working token, refreshing only if nobody else
    already replaced ``failed_token`` (so concurrent callers refresh once).
    """

    def access_token(self):
        raise NotImplementedError

    def refresh(self, failed_token):
        raise NotImplementedError


class StaticToken(TokenProvider):
    """A token that cannot be refreshed: a Personal Access Token, or a token in a test."""

    def __init__(self, token):
        self._token = token

    def access_token(self):
        return self._token

    def refresh(self, failed_token):
        raise errors.Unauthorized(
            "bexio refused the access token and it cannot be refreshed: "
            "create a new token or connect again."
        )


class _RefreshNeeded(Exception):
    """A pooled read met a 401: the caller's thread refreshes, then asks again."""

    def __init__(self, token):
        super().__init__("the access token needs refreshing")
        self.token = token


class _PinnedToken(TokenProvider):
    """The caller's token for the pool's threads, which must not touch the real provider.

    Token providers may keep their tokens in a database whose cursor belongs to the caller's
    thread (the Odoo connector does), so the pool only reads ``token`` and hands a 401 back.
    Once a read met a 401, the other threads wait for the caller's refresh instead of
    sending the dead token again: each would cost a request of bexio's rate limit.
    """

    def __init__(self, token):
        self.token = token
        self._dead = None
        self._closed = False
        self._changed = threading.Condition()

    def access_token(self):
        with self._changed:
            self._changed.wait_for(
                lambda: self._closed or self.token != self._dead, timeout=REFRESH_WAIT
            )
            return self.token

    def refresh(self, failed_token):
        with self._changed:
            if failed_token != self.token:
                return self.token  # the caller has replaced it meanwhile
            self._dead = failed_token
        raise _RefreshNeeded(failed_token)

    @property
    def refresh_wanted(self):
        return self._dead is not None and self._dead == self.token

    def replace(self, token):
        with self._changed:
            self.token = token
            self._changed.notify_all()

    def close(self):
        with self._changed:
            self._closed = True
            self._changed.notify_all()


@dataclass
class ApiResponse:
    status: int
    headers: dict
    data: object = None
    content: bytes = b""
    attempts: int = 1
    extra: dict = field(default_factory=dict)

    def header_int(self, name):
        value = self.headers.get(name)
        try:
            return int(value) if value is not None else None
        except ValueError:
            return None


class Transport:
    """Sends requests to one bexio API base URL with one token provider."""

    def __init__(
        self,
        token_provider,
        api_url=DEFAULT_API_URL,
        *,
        timeout=(5.0, 30.0),
        max_retries=3,
        backoff=0.5,
        max_backoff=8.0,
        max_rate_limit_wait=60.0,
        max_response_bytes=64 * 1024 * 1024,
        accept_language=None,
        session=None,
        sleep=time.sleep,
        rng=None,
    ):
        self.api_url = secure_base_url(api_url, "bexio API base URL")
        self.token_provider = token_provider
        self.timeout = timeout
        self.max_retries = max_retries
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.max_rate_limit_wait = max_rate_limit_wait
        self.max_response_bytes = max_response_bytes
        self.accept_language = accept_language
        self.session = session or requests.Session()
        self.sleep = sleep
        self.rng = rng or random.Random()
        # Counts every HTTP request sent, retries included; sync runs report it.
        self.requests_sent = 0
        self._count_lock = threading.Lock()

    # ------------------------------------------------------------------ public
    def request(
        self, method, path, *, params=None, json_body=None, idempotent=None, raw=False
    ):
        """Send a request and return an ApiResponse whose ``data`` is the decoded JSON.

        ``raw=True`` keeps the body as bytes (downloads). Raises a ``BexioError`` subclass.
        """
        return self._request(
            method,
            path,
            self.token_provider,
            params=params,
            json_body=json_body,
            idempotent=idempotent,
            raw=raw,
        )

    def get_many(self, calls, *, workers=READ_WORKERS):
        """GET independent ``(path, params)`` calls, up to ``workers`` at a time.

        Yields, in the order of ``calls``, each call's ApiResponse or the ``BexioError`` it
        raised, so that one failed read can fail one record. Stopping the iteration cancels
        the reads not yet sent.
        """
        calls = list(calls)
        if workers <= 1 or len(calls) <= 1:
            for path, params in calls:
                yield self._answer_or_error(self.token_provider, path, params)
            return
        pinned = _PinnedToken(self.token_provider.access_token())
        with ThreadPoolExecutor(workers, thread_name_prefix="bexio-read") as pool:
            futures = [
                pool.submit(self._answer_or_error, pinned, path, params)
                for path, params in calls
            ]
            try:
                for (path, params), future in zip(calls, futures, strict=True):
                    while not future.done():
                        # A later read may have met the 401: refresh now, not in turn.
                        if pinned.refresh_wanted:
                            self._refresh_pinned(pinned, pinned.token)
                        wait([future], timeout=0.05)
                    answer = future.result()
                    if isinstance(answer, _RefreshNeeded):
                        # Reads in flight with the old token come here too; the provider
                        # refreshes only a token nobody has replaced yet, so once.
                        if answer.token == pinned.token:
                            self._refresh_pinned(pinned, answer.token)
                        answer = self._answer_or_error(pinned, path, params)
                        if isinstance(answer, _RefreshNeeded):
                            answer = self._answer_or_error(
                                self.token_provider, path, params
                            )
                    yield answer
            finally:
                pinned.close()
                for future in futures:
                    future.cancel()

    def _refresh_pinned(self, pinned, failed_token):
        try:
            pinned.replace(self.token_provider.refresh(failed_token))
        except BaseException:
            pinned.close()  # the waiting reads go on with what they have and fail alone
            raise

    def _answer_or_error(self, provider, path, params):
        try:
            return self._request("GET", path, provider, params=params)
        except (errors.BexioError, _RefreshNeeded) as exc:
            return exc

    def _request(
        self,
        method,
        path,
        token_provider,
        *,
        params=None,
        json_body=None,
        idempotent=None,
        raw=False,
    ):
        method = method.upper()
        check_path(path)
        if idempotent is None:
            idempotent = method in IDEMPOTENT_METHODS
        url = f"{self.api_url}{path}"
        token = token_provider.access_token()
        refreshed = False
        attempt = 0
        waited_for_rate_limit = 0.0
        while True:
            attempt += 1
            try:
                response = self._send(method, url, token, params, json_body)
            except requests.RequestException as exc:
                never_sent = _never_sent(exc)
                if (never_sent or idempotent) and attempt <= self.max_retries:
                    self._backoff(attempt, f"{method} {path}: {exc.__class__.__name__}")
                    continue
                raise errors.TransportError(
                    _transport_message(exc, never_sent), method=method, url=url
                ) from exc

            status = response.status_code
            if 300 <= status < 400:
                raise redirect_error(method, url, response)
            if status == 401 and not refreshed:
                refreshed = True
                token = token_provider.refresh(token)
                continue
            if status == 429:
                wait = _retry_after(response.headers)
                if (
                    wait is not None
                    and waited_for_rate_limit + wait <= self.max_rate_limit_wait
                ):
                    waited_for_rate_limit += wait
                    _logger.info("bexio rate limit reached, waiting %.1f s", wait)
                    self.sleep(wait)
                    continue
                raise self._error(method, url, path, response, retry_after=wait)
            if status in RETRY_STATUSES and idempotent and attempt <= self.max_retries:
                self._backoff(attempt, f"{method} {path}: HTTP {status}")
                continue
            if status >= 400:
                raise self._error(method, url, path, response)
            try:
                return self._result(method, url, response, attempt, raw)
            except errors.InvalidResponse:
                # A body cut short is what a dropped connection leaves: ask again if asking
                # again changes nothing.
                if idempotent and attempt <= self.max_retries:
                    self._backoff(attempt, f"{method} {path}: invalid JSON")
                    continue
                raise

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def post(self, path, **kwargs):
        return self.request("POST", path, **kwargs)

    def patch(self, path, **kwargs):
        return self.request("PATCH", path, **kwargs)

    def put(self, path, **kwargs):
        return self.request("PUT", path, **kwargs)

    def delete(self, path, **kwargs):
        return self.request("DELETE", path, **kwargs)

    # ----------------------------------------------------------------- helpers
    def _send(self, method, url, token, params, json_body):
        headers = {
            "Accept": "application/json",
            "Authorization": f"Bearer {token}",
            "User-Agent": USER_AGENT,
        }
        if self.accept_language:
            headers["Accept-Language"] = self.accept_language
        data = None
        if json_body is not None:
            headers["Content-Type"] = "application/json"
            data = json.dumps(json_body).encode()
        elif method in ("POST", "PUT", "PATCH"):
            # bexio answers 411 to a body-less POST without Content-Length.
            data = b""
        with self._count_lock:
            self.requests_sent += 1
        response = self.session.request(
            method,
            url,
            params=params,
            data=data,
            headers=headers,
            timeout=self.timeout,
            stream=True,
            # Never: requests would send the body and the token on to the Location.
            allow_redirects=False,
        )
        try:
            response._content = self._read_limited(response)
        finally:
            response.close()
        return response

    def _read_limited(self, response):
        chunks, size = [], 0
        for chunk in response.iter_content(64 * 1024):
            size += len(chunk)
            if size > self.max_response_bytes:
                raise errors.InvalidResponse(
                    f"bexio sent more than {self.max_response_bytes // (1024 * 1024)} MiB "
                    "in one answer; the call was stopped",
                    status=response.status_code,
                    method=response.request.method,
                    url=response.url,
                )
            chunks.append(chunk)
        return b"".join(chunks)

    def _backoff(self, attempt, reason):
        delay = min(self.max_backoff, self.backoff * 2 ** (attempt - 1))
        delay *= self.rng.uniform(
            0.5, 1.0
        )  # jitter, so many workers do not retry in step
        _logger.info("retrying %s in %.2f s", reason, delay)
        self.sleep(delay)

    def _result(self, method, url, response, attempts, raw):
        headers = dict(response.headers)
        if raw or response.status_code == 204 or not response.content:
            return ApiResponse(
                response.status_code, headers, None, response.content, attempts
            )
        try:
            data = json.loads(response.content)
        except ValueError as exc:
            raise errors.InvalidResponse(
                "bexio answered with a body that is not valid JSON: "
                f"{response.content[:120]!r}",
                status=response.status_code,
                method=method,
                url=url,
                body=response.content[:2000],
            ) from exc
        return ApiResponse(
            response.status_code, headers, data, response.content, attempts
        )

    def _error(self, method, url, path, response, retry_after=None):
        status = response.status_code
        body = None
        try:
            body = json.loads(response.content) if response.content else None
        except ValueError:
            body = None
        message, error_code, details = _error_message(status, body, response)
        cls = errors.error_class_for(status, path, body)
        kwargs = dict(
            status=status,
            method=method,
            url=url,
            body=body,
            error_code=error_code,
            errors=details,
        )
        message = _forbidden_message(cls, message)
        if cls is errors.RateLimited:
            return cls(message, retry_after=retry_after, **kwargs)
        return cls(message, **kwargs)


def _forbidden_message(cls, message):
    """bexio's words, with what the user can do about the refusal."""
    if cls is errors.ModuleNotSubscribed:
        return (
            "The bexio payroll module is not part of this bexio subscription "
            f"(bexio said: {message})."
        )
    if cls is errors.MissingScope:
        return (
            "bexio was not allowed this when Odoo was connected "
            f"(bexio said: {message}). Connect again and allow it in bexio."
        )
    if cls is errors.InsufficientRights:
        return (
            "The bexio user who connected lacks the right for this in bexio "
            f"(bexio said: {message}). A bexio administrator can give it in bexio's "
            "user management."
        )
    if cls is errors.Forbidden:
        return (
            f"bexio refused access (bexio said: {message}): either the connection was not "
            "allowed this, or the bexio user who connected lacks the right."
        )
    return message


def redirect_error(method, url, response):
    """The error for a 3xx answer, which the SDK does not follow (see the module's doc)."""
    location = response.headers.get("Location")
    where = f"to {location}" if location else "without a Location"
    return errors.UnexpectedRedirect(
        f"the server answered with a redirect {where}; the SDK does not follow redirects, "
        "so neither the request nor its credentials were sent there. Check the configured "
        "bexio address.",
        status=response.status_code,
        method=method,
        url=url,
        location=location,
    )


def _error_message(status, body, response):
    """Extract bexio's message from v2/v3 ``{error_code, message}`` or v4 problem+json."""
    if isinstance(body, dict):
        message = body.get("message") or body.get("detail") or body.get("title")
        error_code = body.get("error_code", body.get("status"))
        details = body.get("errors")
        if message:
            return str(message), error_code, details
    text = response.content[:200].decode("utf-8", "replace").strip()
    return text or response.reason or f"HTTP {status}", None, None


def _retry_after(headers):
    for name in ("RateLimit-Reset", "X-RateLimit-Reset", "Retry-After"):
        value = headers.get(name)
        if value is None:
            continue
        try:
            return max(0.0, float(value))
        except ValueError:
            continue
    return None


def _never_sent(exc):
    if isinstance(exc, requests.ConnectTimeout):
        return True
    seen = set()
    current = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, NewConnectionError):
            return True
        reason = getattr(current, "reason", None)
        nxt = reason if isinstance(reason, BaseException) else None
        if nxt is None and current.args and isinstance(current.args[0], BaseException):
            nxt = current.args[0]
        current = nxt or current.__cause__ or current.__context__
    return False


def _transport_message(exc, never_sent):
    if isinstance(exc, requests.Timeout) and not never_sent:
        return "bexio did not answer in time; it may still have processed the request"
    if never_sent:
        return "bexio could not be reached; check the network connection and try again"
    return (
        "the connection to bexio was lost before an answer arrived; bexio may have "
        "processed the request"
    )
