"""Where the SDK may send credentials, and how ids become parts of a URL path.

Base URLs (the API's and the OAuth issuer's) are checked once, when a client is built: the SDK
sends bearer tokens and client secrets there, so they must be https. Plain http is accepted for
loopback addresses only (127.0.0.0/8, ::1, localhost), where the sandbox and tests run.

Path parameters never go into a path as they are: an id such as ``"1/../../3.0/users"`` or
``"1?x="`` would address another resource. ``int_id`` and ``uuid_id`` accept only what bexio's
ids look like (integers on v2 and v3, UUIDs on v4), ``api_path`` joins checked segments, and
``check_path`` is the transport's last word on every path it sends.
"""

import ipaddress
import re
import uuid
from urllib.parse import urlsplit

_INT_ID = re.compile(r"[0-9]{1,19}")
_UUID_ID = re.compile(
    r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE
)
# A literal segment of bexio's paths: "2.0", "contact", "_bulk_create", "me", an id.
_SEGMENT = re.compile(r"[A-Za-z0-9_.-]+")


def is_loopback(host):
    """Whether ``host`` (a URL's hostname) names this machine: 127.0.0.0/8, ::1, localhost."""
    if not host:
        return False
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def secure_base_url(url, what):
    """``url`` without its trailing slash, if credentials may be sent to it; else ValueError.

    ``what`` names the setting in the message ("bexio API base URL", "bexio OAuth issuer").
    """
    if not isinstance(url, str):
        raise ValueError(f"the {what} must be a URL, not {url!r}")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError as exc:
        raise ValueError(f"the {what} {url!r} is not a valid URL: {exc}") from None
    if not parts.hostname:
        raise ValueError(f"the {what} {url!r} has no host name")
    if parts.username is not None or parts.password is not None:
        raise ValueError(
            f"the {what} must not carry a user name or password: {_redacted(parts)}"
        )
    if parts.query or parts.fragment:
        raise ValueError(f"the {what} must not have a query or fragment: {url!r}")
    if parts.scheme == "https":
        return url.rstrip("/")
    if parts.scheme == "http" and is_loopback(parts.hostname):
        return url.rstrip("/")
    raise ValueError(
        f"the {what} must start with https:// (plain http is accepted only for "
        f"127.0.0.1, ::1 and localhost, where the sandbox runs): {url!r}"
    )


def _redacted(parts):
    host = parts.hostname + (f":{parts.port}" if parts.port else "")
    return f"{parts.scheme}://***@{host}{parts.path}"


def int_id(value, what="id"):
    """A v2/v3 id (a whole number, or a string of ASCII digits) as a path segment."""
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a bexio {what}: expected a whole number")
    if isinstance(value, int):
        if value < 0:
            raise ValueError(f"{value!r} is not a bexio {what}: ids are not negative")
        return str(value)
    if isinstance(value, str) and _INT_ID.fullmatch(value):
        return str(int(value))
    raise ValueError(f"{value!r} is not a bexio {what}: expected a whole number")


def uuid_id(value, what="id"):
    """A v4 id (a UUID such as ``"3f2b…-…"``) as a path segment."""
    text = str(value) if isinstance(value, uuid.UUID) else value
    if isinstance(text, str) and _UUID_ID.fullmatch(text):
        return text
    raise ValueError(f"{value!r} is not a bexio {what}: expected a UUID")


def api_path(base, *segments):
    """``base`` followed by ``segments``, each a checked id or a literal word of bexio's paths.

    Ids go through ``int_id`` or ``uuid_id`` first; this refuses anything that could still
    change the path's meaning (a slash, "..", a query, a percent sign...).
    """
    path = check_path(base)
    for segment in segments:
        if not isinstance(segment, str) or not _is_segment(segment):
            raise ValueError(f"{segment!r} cannot be part of a bexio API path")
        path = f"{path}/{segment}"
    return path


def check_path(path):
    """``path`` if it is an absolute path of plain segments; else ValueError.

    The transport calls this on every request, so a path built carelessly somewhere cannot
    leave the resource it names: no "." or ".." segments, no empty ones, no query, fragment,
    percent-escapes, backslashes or spaces.
    """
    if (
        not isinstance(path, str)
        or not path.startswith("/")
        or not all(_is_segment(s) for s in path[1:].split("/"))
    ):
        raise ValueError(f"{path!r} is not a bexio API path")
    return path


def _is_segment(segment):
    return bool(_SEGMENT.fullmatch(segment)) and segment not in (".", "..")
