# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import hashlib
import threading
import time

from odoo import http
from odoo.http import request

WINDOW, LIMIT = 60.0, 30  # requests per minute and visitor
_hits = {}
_lock = threading.Lock()


def _too_many(visitor):
    """A small in-process limiter; a reverse proxy should limit too (see the readme)."""
    now = time.monotonic()
    with _lock:
        recent = [t for t in _hits.get(visitor, []) if now - t < WINDOW]
        recent.append(now)
        _hits[visitor] = recent
        if len(_hits) > 10000:
            _hits.clear()
        return len(recent) > LIMIT


class ReferenceVerification(http.Controller):
    """The page behind the QR code: the verdict, and the reference as issued beside it.

    Only a genuine token opens the reference (the token signs the document id with its text),
    so whoever holds the paper can compare it line by line; anyone else learns nothing.
    """

    @http.route(
        "/zeugnis/verify/<string:doc>",
        type="http",
        auth="public",
        methods=["GET"],
        sitemap=False,
    )
    def verify(self, doc, t=None, **kwargs):
        remote = request.httprequest.remote_addr or ""
        visitor = hashlib.sha256(remote.encode()).hexdigest()[:16]
        if _too_many(visitor):
            return self._answer({"status": "too_many"}, 429)
        ref = request.env["bexio.reference"].sudo()._verify(doc, t)
        if not ref:
            return self._answer({"status": "unknown"}, 404)
        status = {"issued": "valid"}.get(ref.state, ref.state)
        # Shown as signed at issue: a later renamed company changes nothing here.
        return self._answer(
            {
                "status": status,
                "issuer": ref.issued_issuer,
                "uid": ref.issued_uid,
                "type": ref.title,
                "text": ref.issued_body,
                "issue_date": ref.issue_date,
                "employee": ref._masked_employee(),
                "fingerprint": ref.content_hash,
                "pdf_hash": ref.pdf_hash,
                "revoked_at": ref.revoked_at,
            },
            200,
        )

    def _answer(self, values, status):
        response = request.render("bexio_reference.verify_page", values, status=status)
        response.headers["X-Robots-Tag"] = "noindex, nofollow"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["Cache-Control"] = "no-store"
        return response
