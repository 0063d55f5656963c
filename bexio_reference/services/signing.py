# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Signing what a reference says, so that anyone can check the QR code's claim.

The canonical content (document id, issuer, type, issue date, employee, a hash of the text and
the version) is serialised deterministically and signed with the company's Ed25519 key. The QR
token carries the key id and the signature; the public page rebuilds the canonical content from
the stored reference and verifies it. Changing the stored text after issue breaks the signature.
"""

import base64
import hashlib
import json

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)


def new_key():
    """(private PEM, public raw base64, key id) of a fresh Ed25519 key."""
    private = Ed25519PrivateKey.generate()
    pem = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    raw = private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    kid = hashlib.sha256(raw).hexdigest()[:16]
    return pem, base64.b64encode(raw).decode(), kid


def canonical(values):
    """The signed bytes: sorted keys, no spaces, UTF-8."""
    return json.dumps(
        values, sort_keys=True, separators=(",", ":"), ensure_ascii=False
    ).encode()


def fingerprint(values):
    """The SHA-256 of the signed bytes: what the page and the PDF show as fingerprint."""
    return hashlib.sha256(canonical(values)).hexdigest()


def text_hash(text):
    return hashlib.sha256(text.replace("\r\n", "\n").strip().encode()).hexdigest()


def sign(private_pem, kid, values):
    private = serialization.load_pem_private_key(private_pem.encode(), password=None)
    signature = private.sign(canonical(values))
    return f"{kid}.{base64.urlsafe_b64encode(signature).decode().rstrip('=')}"


def verify(public_b64, token, values):
    """Whether ``token`` is this key's signature over ``values``."""
    try:
        _kid, encoded = token.split(".", 1)
        signature = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4))
        Ed25519PublicKey.from_public_bytes(base64.b64decode(public_b64)).verify(
            signature, canonical(values)
        )
        return True
    except (ValueError, InvalidSignature):
        return False


def token_kid(token):
    return (token or "").split(".", 1)[0]
