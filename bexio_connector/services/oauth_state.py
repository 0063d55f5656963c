"""The OAuth ``state``: which connection a sign-in belongs to, signed so nobody can forge it.

The state carries the connection id and a one-time nonce, signed with an HMAC keyed by the
database secret. The nonce is also stored on the connection and cleared at the first callback,
so a replayed state is refused even though its signature is still valid.
"""

import base64
import json
import secrets

from odoo.tools import consteq
from odoo.tools.misc import hmac

SCOPE = "bexio_connector.oauth_state"


def new_nonce():
    return secrets.token_urlsafe(24)


def sign(env, connection_id, nonce):
    payload = json.dumps({"c": connection_id, "n": nonce}, separators=(",", ":"))
    signature = hmac(env(su=True), SCOPE, payload)
    raw = f"{payload}.{signature}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def verify(env, state):
    """Return (connection_id, nonce) of a state this database signed, or None."""
    try:
        raw = base64.urlsafe_b64decode(state + "=" * (-len(state) % 4)).decode()
        payload, signature = raw.rsplit(".", 1)
        if not consteq(signature, hmac(env(su=True), SCOPE, payload)):
            return None
        data = json.loads(payload)
        return int(data["c"]), str(data["n"])
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None
