# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""From the employee to an issued PDF and the public page, in a real Odoo and a real browser."""

import base64
import datetime
import importlib.util
import io
import re
import subprocess
import tempfile
import uuid
from pathlib import Path
from urllib.parse import urlsplit

from PIL import Image
from pyzbar.pyzbar import decode

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged

from ..controllers import verify
from .common import ReferenceSetup


@tagged("post_install", "-at_install")
class TestReferenceFlow(ReferenceSetup):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.employee.private_street = "Rosenweg 4"

    def wizard(self, user=None):
        env = self.env(user=user or self.author)
        form = Form(
            env["bexio.reference.wizard"].with_context(
                active_model="hr.employee", active_id=self.employee.id
            )
        )
        return form

    def draft(self, tasks="Projekte leiten\nKunden beraten", **grades):
        form = self.wizard()
        form.language = (
            "de"  # the test company speaks English; this reference is German
        )
        form.grade_performance = grades.get("performance", "5")
        form.grade_conduct = grades.get("conduct", "5")
        form.tasks = tasks
        wizard = form.save()
        action = wizard.action_create()
        return (
            self.env["bexio.reference"].with_user(self.author).browse(action["res_id"])
        )

    def issued(self, **facts):
        ref = self.draft(**facts)
        ref.signer_role = "Geschäftsführerin"
        ref.action_submit()
        ref.with_user(self.approver).action_approve()
        ref.with_user(self.approver).action_issue()
        return ref

    # --------------------------------------------------------------- wizard
    def test_the_wizard_prefills_from_hr_and_writes_the_text(self):
        form = self.wizard()
        form.language = "de"
        self.assertEqual(form.employee_name, "Anna Keller")
        self.assertEqual(form.date_start, datetime.date(2020, 1, 1))
        self.assertEqual(form.date_end, datetime.date(2026, 10, 31))
        self.assertEqual(form.function, "Projektleiterin")
        self.assertEqual(form.reference_type, "full")  # the contract has ended
        self.assertIn(
            "tasks", form.missing
        )  # HR does not know the tasks: the wizard says so
        self.assertIn("place of origin", form.missing)
        ref = self.draft()
        self.assertEqual(ref.title, "Arbeitszeugnis")
        self.assertIn(
            # The place of birth is no place of origin: without one, the wizard asks for it.
            "Anna Keller, geboren am 02.04.1990, war vom 01.01.2020 "
            "bis zum 31.10.2026 als Projektleiterin",
            ref.body,
        )
        self.assertIn("- Kunden beraten", ref.body)
        self.assertIn(
            "Insgesamt beurteilen wir die Leistungen von Anna Keller als ausgezeichnet.",
            ref.body,
        )
        self.assertEqual(ref.state, "draft")

    def test_the_pdf_speaks_the_language_of_the_reference_not_of_the_printer(self):
        for code in ("de_CH", "fr_CH"):
            self.env["res.lang"]._activate_lang(code)
        self.env["ir.module.module"]._load_module_terms(
            ["bexio_reference"], ["de_CH", "fr_CH"], overwrite=True
        )
        ref = self.issued()  # German; the author works in English
        Report = self.env["ir.actions.report"].with_context(lang="fr_CH")
        html = Report._render_qweb_html(
            "bexio_reference.action_report_reference", ref.ids
        )[0].decode()
        self.assertIn("Scannen Sie den Code, um zu prüfen", html)
        self.assertNotIn("Scan the code", html)
        # The screens follow the user's language: a Swiss French HR user reads French.
        states = dict(
            self.env["bexio.reference"]
            .with_context(lang="fr_CH")
            ._fields["state"]
            ._description_selection(self.env(context={"lang": "fr_CH"}))
        )
        self.assertEqual(states["to_approve"], "À approuver")

    def test_the_wizard_names_what_is_missing_instead_of_failing_in_the_database(self):
        form = self.wizard()
        form.date_start = False
        form.tasks = "Projekte leiten"
        wizard = form.save()
        with self.assertRaisesRegex(UserError, r"^Complete this .*: Employed from\.$"):
            wizard.action_create()
        self.assertFalse(
            self.env["bexio.reference"].search([("employee_id", "=", self.employee.id)])
        )
        # The same message for a Swiss French HR user, in French.
        self.env["res.lang"]._activate_lang("fr_CH")
        self.env["ir.module.module"]._load_module_terms(
            ["bexio_reference"], ["fr_CH"], overwrite=True
        )
        with self.assertRaisesRegex(
            UserError, r"^Complétez ceci .*: Employé depuis le\.$"
        ):
            wizard.with_context(lang="fr_CH").action_create()

    def test_the_wizard_takes_only_an_employee_from_the_context(self):
        # Opened from another record, its id is not mistaken for an employee's.
        other = Form(
            self.env["bexio.reference.wizard"]
            .with_user(self.author)
            .with_context(active_model="res.partner", active_id=self.employee.id)
        )
        self.assertFalse(other.employee_id)
        # Picking the employee in the wizard prefills the same way.
        other.employee_id = self.employee
        self.assertEqual(other.employee_name, "Anna Keller")
        self.assertEqual(other.date_start, datetime.date(2020, 1, 1))
        self.assertEqual(other.function, "Projektleiterin")

    # ------------------------------------------------------------ approval
    def test_high_findings_block_until_decided_and_the_author_never_approves(self):
        ref = self.draft()
        self.assertEqual(ref.author_id, self.author)
        warning = ref.action_submit()  # the signer's role is missing: a high finding
        self.assertEqual(warning["params"]["type"], "warning")
        self.assertEqual(ref.state, "to_check")
        finding = ref.finding_ids.filtered(lambda f: "signer's role" in f.explanation)
        self.assertEqual(finding.severity, "high")
        finding.with_user(self.author).action_accept(
            reason="Die Geschäftsführerin unterschreibt ohne Funktionsangabe."
        )
        self.assertIn("accepted", ref.message_ids[0].body)
        ref.action_submit()
        self.assertEqual(ref.state, "to_approve")
        with self.assertRaises(UserError):
            ref.action_approve()  # four eyes: not the author
        ref.with_user(self.approver).action_approve()
        self.assertEqual((ref.state, ref.approver_id), ("approved", self.approver))

    def test_without_four_eyes_a_clean_reference_is_approved_on_submit(self):
        self.company.bexio_reference_four_eyes = False
        ref = self.draft()
        ref.signer_role = "Geschäftsführerin"
        ref.action_submit()
        self.assertEqual(ref.state, "approved")

    def test_an_issued_reference_cannot_be_edited(self):
        ref = self.issued()
        with self.assertRaises(UserError):
            ref.body = "Anders."

    # ------------------------------------------------------------- the PDF
    def test_the_pdf_carries_a_qr_code_with_the_verification_url(self):
        ref = self.issued()
        self.assertEqual(ref.state, "issued")
        pdf = base64.b64decode(ref.pdf_attachment_id.datas)
        self.assertTrue(pdf.startswith(b"%PDF-"))
        self.assertEqual(len(ref.pdf_hash), 64)
        with tempfile.TemporaryDirectory() as tmp:
            Path(tmp, "ref.pdf").write_bytes(pdf)
            subprocess.run(
                [
                    "pdftoppm",
                    "-png",
                    "-r",
                    "200",
                    "-f",
                    "1",
                    "-l",
                    "1",
                    str(Path(tmp, "ref.pdf")),
                    str(Path(tmp, "page")),
                ],
                check=True,
            )
            page = next(Path(tmp).glob("page*.png"))
            codes = decode(Image.open(io.BytesIO(page.read_bytes())))
        self.assertEqual([c.data.decode() for c in codes], [ref.sudo().verify_url])
        # Debian's wkhtmltopdf draws glyphs as paths, so the wording is checked
        # on the HTML the PDF was printed from.
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("bexio_reference.action_report_reference", ref.ids)[0]
            .decode()
        )
        self.assertIn("<h2>Arbeitszeugnis</h2>", html)
        self.assertNotIn("(v1)", html)
        self.assertIn("Anna Keller, geboren am 02.04.1990", html)
        url = urlsplit(ref.sudo().verify_url)
        self.assertEqual(url.path, f"/zeugnis/verify/{ref.doc_uuid}")
        self.assertEqual(uuid.UUID(ref.doc_uuid).version, 4)

    # ------------------------------------------------------- the public page
    def check_page(self, path, status, expect_text, extra_js=""):
        code = f"""
            const root = document.querySelector('.o_bexio_verify');
            const banner = document.querySelector('.o_verify_status');
            const text = banner.textContent;
            // The verdict is a banner across the page, not squeezed by a theme's class.
            const wide = banner.offsetWidth > root.offsetWidth * 0.8;
            if (root.dataset.status !== {status!r} || !text.includes({expect_text!r}) || !wide) {{
                console.error('unexpected page: ' + root.dataset.status + ' / ' + text
                              + ' / ' + banner.offsetWidth + 'px of ' + root.offsetWidth);
            }} else {{ {extra_js or "console.log('test successful');"} }}
        """
        self.browser_js(path, code)

    @staticmethod
    def _without_csrf_token(html):
        # Odoo's CSRF token carries its expiry second: two pages rendered a second apart
        # differ there and nowhere else.
        return re.sub(r'csrf_token: "[^"]*"', 'csrf_token: ""', html)

    def test_the_page_for_valid_revoked_tampered_and_unknown(self):
        ref = self.issued()
        path = urlsplit(ref.sudo().verify_url)
        valid = f"{path.path}?{path.query}"
        pdf = base64.b64decode(ref.pdf_attachment_id.datas)
        same = base64.b64encode(pdf).decode()
        changed = base64.b64encode(pdf + b"%tampered").decode()
        compare = f"""
            const bytes = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
            Promise.all([
                window.bexioCompare(new File([bytes({same!r})], 'ref.pdf')),
                window.bexioCompare(new File([bytes({changed!r})], 'other.pdf')),
            ]).then(([ok, bad]) => ok && !bad ? console.log('test successful')
                                              : console.error('compare failed: ' + ok + ' ' + bad));
        """
        self.check_page(valid, "valid", "Valid", extra_js=compare)
        page = self.url_open(valid)
        self.assertEqual(page.headers["X-Robots-Tag"], "noindex, nofollow")
        self.assertEqual(page.headers["Referrer-Policy"], "no-referrer")
        self.assertIn("Alpenblick Technik AG", page.text)
        self.assertIn("CHE-123.456.788", page.text)
        self.assertIn("A. K., born 1990", page.text)
        # Whoever holds the paper (and so the token) reads the text as issued beside the
        # verdict, to compare it with the paper: a forged text under a genuine code shows.
        secrets = ("Keller", "02.04.1990", "ausgezeichnet", "Projektleiterin")
        for passage in (*secrets, "Text as issued", "- Kunden beraten"):
            self.assertIn(passage, page.text)
        self.assertNotIn(
            "Rosenweg", page.text
        )  # what the text does not say, it does not
        tampered = valid[:-3] + ("AAA" if not valid.endswith("AAA") else "BBB")
        self.check_page(tampered, "unknown", "Unknown")
        self.check_page(f"/zeugnis/verify/{uuid.uuid4()}?t=x.y", "unknown", "Unknown")
        unknown = self.url_open(f"/zeugnis/verify/{uuid.uuid4()}?t=x.y")
        bad_token = self.url_open(tampered)
        self.assertEqual((unknown.status_code, bad_token.status_code), (404, 404))
        # A stranger without the genuine token learns nothing of the document.
        for secret in (*secrets, "Alpenblick", "Text as issued"):
            self.assertNotIn(secret, bad_token.text)
        self.assertEqual(
            self._without_csrf_token(unknown.text.replace(unknown.url, "")),
            self._without_csrf_token(bad_token.text.replace(bad_token.url, "")),
        )
        ref.with_user(self.approver).action_revoke(
            "Ersetzt durch eine korrigierte Fassung"
        )
        self.check_page(valid, "revoked", "Revoked")

    def test_one_address_checking_too_often_is_slowed_down(self):
        verify._hits.clear()
        self.addCleanup(verify._hits.clear)  # the other tests share the address
        ref = self.issued()
        path = urlsplit(ref.sudo().verify_url)
        valid = f"{path.path}?{path.query}"
        answers = [self.url_open(valid).status_code for _i in range(verify.LIMIT)]
        self.assertEqual(set(answers), {200})
        page = self.url_open(valid)
        self.assertEqual(page.status_code, 429)
        self.assertIn("Too many checks", page.text)
        self.assertNotIn("Alpenblick", page.text)

    def test_changing_the_stored_text_breaks_the_signature(self):
        ref = self.issued()
        path = urlsplit(ref.sudo().verify_url)
        self.env.flush_all()  # the tampering must not be overwritten by pending writes
        self.env.cr.execute(
            "UPDATE bexio_reference SET body = body || ' Nachtrag.', "
            "issued_body = issued_body || ' Nachtrag.' WHERE id = %s",
            [ref.id],
        )
        self.env.invalidate_all()
        self.check_page(f"{path.path}?{path.query}", "unknown", "Unknown")
        self.assertNotIn("Nachtrag", self.url_open(f"{path.path}?{path.query}").text)

    def test_renaming_the_company_after_issue_changes_no_verdict(self):
        ref = self.issued()
        path = urlsplit(ref.sudo().verify_url)
        self.company.write({"name": "Alpenblick Holding AG", "vat": "CHE-999.999.999"})
        page = self.url_open(f"{path.path}?{path.query}")
        self.assertEqual(page.status_code, 200)
        self.assertIn('data-status="valid"', page.text)
        # The page names the issuer as the paper does: as it was at issue.
        self.assertIn("Alpenblick Technik AG (CHE-123.456.788)", page.text)
        self.assertNotIn("Holding", page.text)

    def test_a_token_opens_only_its_own_document(self):
        first = self.issued(tasks="Projekte leiten\nKunden beraten")
        second = self.issued(tasks="Offerten schreiben\nLieferanten pruefen")
        first_url = urlsplit(first.sudo().verify_url)
        page = self.url_open(f"{first_url.path}?{first_url.query}")
        self.assertIn("- Kunden beraten", page.text)
        self.assertNotIn("Offerten schreiben", page.text)
        # The first document's genuine token on the second document's address.
        crossed = self.url_open(f"/zeugnis/verify/{second.doc_uuid}?{first_url.query}")
        self.assertEqual(crossed.status_code, 404)
        self.assertIn('data-status="unknown"', crossed.text)
        for passage in ("Kunden beraten", "Offerten schreiben", "Anna Keller", "A. K."):
            self.assertNotIn(passage, crossed.text)

    def test_references_issued_before_the_snapshots_keep_verifying(self):
        ref = self.issued()
        path = urlsplit(ref.sudo().verify_url)
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE bexio_reference SET issued_issuer = NULL, issued_uid = NULL, "
            "issued_employee = NULL, issued_body = NULL WHERE id = %s",
            [ref.id],
        )
        self.env.invalidate_all()
        self.check_page(f"{path.path}?{path.query}", "unknown", "Unknown")
        script = Path(__file__).parents[1] / "migrations/18.0.1.2.0/post-migration.py"
        spec = importlib.util.spec_from_file_location(
            "bexio_reference_snapshots", script
        )
        migration = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(migration)
        migration.migrate(self.env.cr, "18.0.1.1.0")
        self.env.invalidate_all()
        self.check_page(f"{path.path}?{path.query}", "valid", "Valid")

    def test_signing_keys_and_other_companies_references_stay_hidden(self):
        ref = self.issued()
        key = self.env["bexio.reference.key"].search(
            [("company_id", "=", self.company.id)]
        )
        self.assertTrue(
            key.sudo().private_pem.startswith("-----BEGIN PRIVATE KEY-----")
        )
        with self.assertRaises(AccessError):
            key.with_user(self.approver).read(["private_pem"])
        other_company = self.env["res.company"].create({"name": "Seeblick GmbH"})
        outsider = new_test_user(
            self.env,
            login="hr_other_company",
            groups="hr.group_hr_user",
            company_id=other_company.id,
            company_ids=[(6, 0, other_company.ids)],
        )
        References = self.env["bexio.reference"].with_user(outsider)
        self.assertFalse(References.search([("id", "=", ref.id)]))
        with self.assertRaises(AccessError):
            References.browse(ref.id).read(["body"])

    def test_a_new_version_supersedes_the_old_one(self):
        old = self.issued()
        action = old.with_user(self.author).action_new_version()
        new = self.env["bexio.reference"].browse(action["res_id"])
        new.with_user(self.author).action_submit()
        new.with_user(self.approver).action_approve()
        new.with_user(self.approver).action_issue()
        self.assertEqual((old.state, old.superseded_by_id), ("superseded", new))
        path = urlsplit(old.sudo().verify_url)
        self.check_page(f"{path.path}?{path.query}", "superseded", "Superseded")
