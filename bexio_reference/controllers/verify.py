# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import hashlib
import threading
import time

import pytz

from odoo import http
from odoo.http import request

from ..services import phrases

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


def _nearest(asked, installed):
    """The installed Odoo language for an Accept-Language tag: de-CH is de_CH, else the Swiss
    variant of de, else any de."""
    tag = (asked or "").replace("-", "_")
    short = tag.split("_")[0].lower()
    if not short or short == "*":
        return None
    region = tag[len(short) + 1 :].upper()
    for code in (f"{short}_{region}", f"{short}_CH", short):
        if code in installed:
            return code
    return next((code for code in installed if code.split("_")[0] == short), None)


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
            # Nothing of the document, not even its language, before the token is genuine.
            self._speak(self._reader_lang())
            return self._answer({"status": "unknown"}, 404)
        lang = self._speak(self._reader_lang(ref))
        ref = ref.with_context(lang=lang)
        language = lang.split("_")[0]
        status = {"issued": "valid"}.get(ref.state, ref.state)
        # Shown as signed at issue: a later renamed company changes nothing here.
        return self._answer(
            {
                "status": status,
                "issuer": ref.issued_issuer,
                "uid": ref.issued_uid,
                "type": phrases.TITLES.get(language, {}).get(ref.reference_type)
                or ref.title,
                "title": ref.title,
                "text": ref.issued_body,
                "issue_date": phrases.format_date(language, ref.issue_date),
                "employee": ref._masked_employee(),
                "fingerprint": ref.content_hash,
                "pdf_hash": ref.pdf_hash,
                "revoked_at": phrases.format_date(language, self._swiss_day(ref)),
            },
            200,
        )

    @staticmethod
    def _swiss_day(ref):
        if not ref.revoked_at:
            return False
        zone = pytz.timezone(ref.company_id.partner_id.tz or "Europe/Zurich")
        return pytz.utc.localize(ref.revoked_at).astimezone(zone).date()

    def _reader_lang(self, ref=None):
        """The installed language the reader asks for (Accept-Language, best first), else
        the reference's own, else Odoo's language of the request."""
        installed = [code for code, _name in request.env["res.lang"].get_installed()]
        for asked, _quality in request.httprequest.accept_languages:
            code = _nearest(asked, installed)
            if code:
                return code
        if ref:
            own = ref._report_lang()
            if own in installed and own.split("_")[0] == ref.language:
                return own
        return request.env.lang

    def _speak(self, lang):
        request.update_context(lang=lang)
        return lang

    def _answer(self, values, status):
        response = request.render("bexio_reference.verify_page", values, status=status)
        response.headers["X-Robots-Tag"] = "noindex, nofollow"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["Cache-Control"] = "no-store"
        return response
