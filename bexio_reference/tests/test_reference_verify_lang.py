# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The public page speaks the reader's language, with dates as a Swiss letter writes them,
and says nothing more without the genuine token, in whatever language it is asked."""

import re
import uuid
from urllib.parse import urlsplit

from odoo.tests import Form, tagged

from ..controllers import verify
from ..services import phrases
from .common import ReferenceSetup


@tagged("post_install", "-at_install")
class TestVerifyLanguage(ReferenceSetup):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for code in ("de_CH", "fr_CH"):
            cls.env["res.lang"]._activate_lang(code)
        cls.env["ir.module.module"]._load_module_terms(
            ["bexio_reference"], ["de_CH", "fr_CH"], overwrite=True
        )

    def setUp(self):
        super().setUp()
        verify._hits.clear()
        self.addCleanup(verify._hits.clear)

    def issued(self):
        form = Form(
            self.env["bexio.reference.wizard"]
            .with_user(self.author)
            .with_context(active_model="hr.employee", active_id=self.employee.id)
        )
        form.language = "de"
        form.grade_performance = form.grade_conduct = "5"
        form.tasks = "Projekte leiten"
        form.signer_role = "Geschäftsführerin"
        action = form.save().action_create()
        ref = (
            self.env["bexio.reference"].with_user(self.author).browse(action["res_id"])
        )
        ref.action_submit()
        ref.with_user(self.approver).action_approve()
        ref.with_user(self.approver).action_issue()
        return ref

    @staticmethod
    def _without_csrf_token(html):
        return re.sub(r'csrf_token: "[^"]*"', 'csrf_token: ""', html)

    def page(self, url, lang=None):
        headers = {"Accept-Language": lang} if lang else {}
        return self.url_open(url, headers=headers)

    def test_the_page_in_the_readers_language_with_swiss_dates(self):
        ref = self.issued()  # a German reference
        path = urlsplit(ref.sudo().verify_url)
        valid = f"{path.path}?{path.query}"
        day = ref.issue_date
        french = self.page(valid, "fr-CH,fr;q=0.9,en;q=0.5").text
        self.assertIn("Valable : ce certificat a été délivré", french)
        self.assertIn("Certificat de travail", french)  # the type, in French
        self.assertIn(day.strftime("%d.%m.%Y"), french)
        english = self.page(valid, "en-GB,en;q=0.8").text
        self.assertIn("Valid: this reference was issued", english)
        self.assertIn(phrases.format_date("en", day), english)
        self.assertIn(f"{day.day} {day.strftime('%B')} {day.year}", english)
        self.assertNotIn(day.strftime("%m/%d/%Y"), english)
        # A browser that asks for nothing Odoo speaks, or for nothing: the reference's own.
        for lang in ("ja", None):
            german = self.page(valid, lang).text
            self.assertIn("Gültig: Dieses Zeugnis wurde", german)
            self.assertIn(day.strftime("%d.%m.%Y"), german)
        ref.with_user(self.approver).action_revoke("Ersetzt")
        revoked = self.page(valid, "fr").text
        self.assertIn(ref.revoked_at.strftime("%d.%m.%Y"), revoked)

    def test_without_the_token_nothing_shows_in_any_language(self):
        ref = self.issued()
        path = urlsplit(ref.sudo().verify_url)
        tampered = f"{path.path}?t=x{path.query[3:]}"
        unknown = f"/zeugnis/verify/{uuid.uuid4()}?t=x.y"
        for lang in ("de-CH", "fr-CH", None):
            bad, none = self.page(tampered, lang), self.page(unknown, lang)
            self.assertEqual((bad.status_code, none.status_code), (404, 404))
            for secret in ("Keller", "Alpenblick", "Gültig", "Projektleiterin"):
                self.assertNotIn(secret, bad.text)
            # Not even the reference's language shows: the same page as for no document.
            self.assertEqual(
                self._without_csrf_token(bad.text.replace(bad.url, "")),
                self._without_csrf_token(none.text.replace(none.url, "")),
            )
        self.assertIn("Unbekannt", self.page(tampered, "de-CH").text)
