# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The issued PDF as a reader gets it: rendered by the real wkhtmltopdf, read back by pdftotext."""

import base64
import re
import subprocess
import tempfile

from odoo.tests import Form, tagged

from .common import ReferenceSetup


def pdf_text(pdf):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(pdf)
        handle.flush()
        return subprocess.run(
            ["pdftotext", "-layout", handle.name, "-"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout


class ReferenceCase(ReferenceSetup):
    """The shared setup, with a wizard that drafts and issues."""

    def draft(self, tasks="Projekte leiten\nKunden beraten", language="de"):
        form = Form(
            self.env(user=self.author)["bexio.reference.wizard"].with_context(
                active_model="hr.employee", active_id=self.employee.id
            )
        )
        form.language = language
        form.grade_performance = "5"
        form.grade_conduct = "5"
        form.tasks = tasks
        action = form.save().action_create()
        ref = (
            self.env["bexio.reference"].with_user(self.author).browse(action["res_id"])
        )
        ref.signer_role = "Geschäftsführerin"
        return ref

    def issued(self, **kwargs):
        ref = self.draft(**kwargs)
        ref.action_submit()
        ref.with_user(self.approver).action_approve()
        ref.with_user(self.approver).action_issue()
        return ref


@tagged("post_install", "-at_install")
class TestReferencePdf(ReferenceCase):
    def test_the_issued_pdf_is_real_text_in_the_reference_language(self):
        # The database speaks English only: the German reference still reads German.
        self.assertNotIn(
            "de_CH", [code for code, _ in self.env["res.lang"].get_installed()]
        )
        ref = self.issued()
        text = " ".join(pdf_text(base64.b64decode(ref.pdf_attachment_id.datas)).split())
        self.assertIn("Arbeitszeugnis", text)
        self.assertIn("Anna Keller", text)
        self.assertIn(
            "Insgesamt beurteilen wir die Leistungen von Anna Keller als ausgezeichnet.",
            text,
        )
        self.assertIn(
            "Scannen Sie den Code, um zu prüfen, dass dieses Dokument von "
            "Alpenblick Technik AG ausgestellt wurde und gültig ist.",
            text,
        )
        self.assertIn("Schweiz", text)
        self.assertIn("Seite 1 von 1", text)
        for english in ("Switzerland", "Scan the code", "Page", "(v1)"):
            self.assertNotIn(english, text)

    def test_the_issued_pdf_downloads_instead_of_opening_the_attachment(self):
        ref = self.issued()
        action = ref.action_download_pdf()
        self.assertEqual(action["type"], "ir.actions.act_url")
        self.assertEqual(
            action["url"], f"/web/content/{ref.pdf_attachment_id.id}?download=true"
        )
        arch = ref.get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertRegex(arch, r'name="pdf_attachment_id"[^>]*no_open')

    def test_the_heading_is_the_type_title_not_the_record_name(self):
        ref = self.issued()
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("bexio_reference.action_report_reference", ref.ids)[0]
            .decode()
        )
        self.assertIn("<title>Arbeitszeugnis</title>", html)
        self.assertNotIn(ref.name, html)

    def test_the_letterhead_has_the_company_logo_and_never_odoo_placeholder(self):
        def letterhead():
            ref = self.draft()
            return (
                self.env["ir.actions.report"]
                ._render_qweb_html("bexio_reference.action_report_reference", ref.ids)[
                    0
                ]
                .decode()
            )

        company = self.employee.company_id
        company.logo = company._get_logo()  # Odoo's "Your logo" placeholder
        self.assertTrue(company.uses_default_logo)
        self.assertNotIn('alt="Logo"', letterhead())
        pixel = base64.b64encode(
            base64.b64decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
            )
        )
        company.logo = pixel
        self.assertFalse(company.uses_default_logo)
        self.assertIn('alt="Logo"', letterhead())

    def test_a_long_reference_numbers_its_pages(self):
        ref = self.issued(tasks="\n".join(f"Aufgabe Nummer {n}" for n in range(90)))
        text = pdf_text(base64.b64decode(ref.pdf_attachment_id.datas))
        total = int(re.search(r"Seite 1 von (\d+)", text).group(1))
        self.assertGreater(total, 1)
        for page in range(2, total + 1):
            self.assertIn(f"Seite {page} von {total}", text)
        self.assertIn("Geschäftsführerin", text)

    def test_french_reference_speaks_french_throughout(self):
        ref = self.issued(language="fr")
        text = " ".join(pdf_text(base64.b64decode(ref.pdf_attachment_id.datas)).split())
        self.assertIn("Certificat de travail", text)
        self.assertIn("Suisse", text)
        self.assertIn("Scannez le code pour vérifier", text)
