"""Sign in with bexio, an employee change, an invoice and a reference, as a user does them.

The tests run in order and build on each other, as the user's afternoon does: the connection
made by the first is the one the others use.
"""

import re
import subprocess

from demo_stack import SANDBOX_LOGIN, wait_until
from playwright.sync_api import expect
from transactions import bexio_call, sandbox

COMPANY = "alpenblick01"
NEW_PHONE = "+41 79 555 12 34"


def bexio_documents(stack, kind):
    return sandbox(stack, "GET", f"companies/{COMPANY}/{kind}")


def allow_at_bexio(stack, page):
    """Sign in on bexio's page and allow Odoo: the connection is back, connected."""
    page.fill("#username", SANDBOX_LOGIN[0])
    page.fill("#password", SANDBOX_LOGIN[1])
    page.click("button[value=allow]")
    page.wait_for_url(f"{stack.odoo_url}/odoo/**")
    expect(page.locator(".o_statusbar_status .o_arrow_button_current")).to_contain_text(
        "Connected"
    )


def employee_numbered(stack, session, number):
    (employee,) = stack.call(
        session,
        "hr.employee",
        "search_read",
        [("personnel_number", "=", number)],
        fields=["name", "bexio_payroll_ref"],
    )
    return employee


def outbox_settled(stack, session):
    return not stack.call(
        session,
        "bexio.outbox",
        "search_count",
        [("state", "in", ("pending", "processing"))],
    )


def test_sign_in_with_bexio(stack, chromium, admin_page, shots):
    page = admin_page
    page.goto(f"{stack.odoo_url}/odoo/bexio-connections")
    page.locator(".o_data_row").first.click()
    page.click("button[name=action_connect]:visible")
    page.wait_for_url(f"{stack.sandbox_url}/**")
    expect(page.locator("#username")).to_be_visible()
    page.screenshot(path=shots / "01-sign-in-with-bexio.png")
    allow_at_bexio(stack, page)
    expect(page.locator("div[name=bexio_company_name]")).to_contain_text(
        "Alpenblick Technik AG"
    )
    session = stack.login("admin", "admin")
    stack.wait_for_initial_import(session)
    runs = stack.call(
        session, "bexio.sync.run", "search_read", [], fields=["kind", "state"]
    )
    assert {r["state"] for r in runs} == {"done"}, runs
    page.reload()
    expect(page.locator("button[name=action_test_connection]")).to_be_visible()
    page.screenshot(path=shots / "02-connected.png", full_page=True)
    page.goto(f"{stack.odoo_url}/odoo/bexio-sync-runs")
    expect(page.locator(".o_data_row")).to_have_count(len(runs))
    page.screenshot(path=shots / "03-sync-runs.png")


def test_an_employee_edit_reaches_bexio_payroll(stack, chromium, admin_page, shots):
    page = admin_page
    session = stack.login("admin", "admin")
    employee = employee_numbered(stack, session, "1001")
    page.goto(f"{stack.odoo_url}/odoo/employees/{employee['id']}")
    page.click(".o_notebook .nav-link:has-text('Private Information')")
    page.locator("div[name=private_phone] input").fill(NEW_PHONE)
    page.click("button.o_form_button_save")
    expect(page.locator("button.o_form_button_save")).to_be_hidden()

    def phone_in_bexio():
        (in_bexio,) = (
            e
            for e in bexio_documents(stack, "payroll_employee")
            if e["id"] == employee["bexio_payroll_ref"]
        )
        return in_bexio["phone_number"] == NEW_PHONE

    wait_until(phone_in_bexio, "the new phone number in bexio payroll")
    wait_until(lambda: outbox_settled(stack, session), "the outbox to settle")
    page.reload()
    page.click(".o_notebook .nav-link:has-text('bexio')")
    expect(page.locator("div[name=bexio_sync_state]")).to_contain_text("Synced")
    page.screenshot(path=shots / "04-employee-synced.png", full_page=True)


def test_an_invoice_goes_to_bexio_as_a_draft(stack, chromium, admin_page, shots):
    page = admin_page
    session = stack.login("admin", "admin")
    # The bookkeeper's one-time mapping, on the connection: a default revenue account and the
    # Swiss VAT rates matched by rate.
    page.goto(f"{stack.odoo_url}/odoo/bexio-connections")
    page.locator(".o_data_row").first.click()
    page.locator("div[name=invoice_default_account_id] input").fill("3400")
    page.locator(
        ".o-autocomplete--dropdown-item", has_text="3400 Dienstleistungserlöse"
    ).click()
    page.click("button[name=action_bexio_suggest_tax_mapping]")
    expect(page.locator(".o_notification")).to_contain_text("mapped")
    page.screenshot(path=shots / "05-invoice-mapping.png", full_page=True)

    (customer,) = stack.call(
        session,
        "res.partner",
        "search_read",
        [("bexio_contact_ref", "!=", 0), ("is_company", "=", True)],
        fields=["name"],
        limit=1,
    )
    (tax,) = stack.call(
        session,
        "account.tax",
        "search_read",
        [
            ("type_tax_use", "=", "sale"),
            ("amount", "=", 8.1),
            ("price_include", "=", False),
        ],
        fields=["bexio_tax_id"],
        limit=1,
    )
    assert tax["bexio_tax_id"], "Suggest tax mapping maps the 8.1 % sales tax"
    move_id = stack.call(
        session,
        "account.move",
        "create",
        {
            "move_type": "out_invoice",
            "partner_id": customer["id"],
            "invoice_line_ids": [
                (
                    0,
                    0,
                    {
                        "name": "Wartung Kälteanlage",
                        "quantity": 3,
                        "price_unit": 145.0,
                        "tax_ids": [(6, 0, [tax["id"]])],
                    },
                )
            ],
        },
    )
    page.goto(f"{stack.odoo_url}/odoo/customer-invoices/{move_id}")
    page.click("button[name=action_post]:visible")
    # The tab the user is on stays open through the reloads the send brings.
    page.click(".o_notebook .nav-link:has-text('Other Info')")
    page.click("button[name=action_bexio_send]:visible")
    # Issue 19 item 7: the send says what happens, and bexio's answer shows without a reload.
    expect(page.locator(".o_notification").first).to_contain_text("being sent to bexio")

    def numbered():
        (move,) = stack.call(
            session,
            "account.move",
            "read",
            [move_id],
            fields=[
                "bexio_document_nr",
                "bexio_invoice_ref",
                "amount_total",
                "bexio_sync_error",
            ],
        )
        assert not move["bexio_sync_error"], move["bexio_sync_error"]
        return move if move["bexio_document_nr"] else None

    move = wait_until(numbered, "bexio's number on the invoice")
    (draft,) = (
        d
        for d in bexio_documents(stack, "kb_invoice")
        if d["id"] == move["bexio_invoice_ref"]
    )
    assert draft["document_nr"] == move["bexio_document_nr"]
    assert draft["kb_item_status_id"] == 7  # bexio's "draft"
    assert (
        draft["contact_id"]
        == stack.call(
            session,
            "res.partner",
            "read",
            [customer["id"]],
            fields=["bexio_contact_ref"],
        )[0]["bexio_contact_ref"]
    )
    assert abs(float(draft["total"]) - move["amount_total"]) < 0.05
    expect(
        page.locator(".o_notification", has_text="is in bexio as draft")
    ).to_contain_text(move["bexio_document_nr"])
    expect(page.locator("div[name=bexio_number_display]")).to_contain_text(
        move["bexio_document_nr"]
    )
    expect(page.locator("div[name=bexio_sync_state]")).to_contain_text("Synced")
    page.screenshot(path=shots / "06-invoice-in-bexio.png", full_page=True)


def test_a_reference_is_written_approved_issued_and_verified(
    stack, chromium, signed_in_page, admin_page, shots, tmp_path
):
    page = admin_page
    session = stack.login("admin", "admin")
    employee = employee_numbered(stack, session, "1002")
    page.goto(f"{stack.odoo_url}/odoo/action-bexio_reference.bexio_reference_action")
    page.click("button:has-text('New reference')")
    wizard = page.locator(".modal .o_form_view")
    wizard.locator(".o_field_widget[name=employee_id] input").fill(employee["name"])
    page.locator(".o-autocomplete--dropdown-item").first.click()
    expect(wizard.locator(".o_field_widget[name=employee_id] input")).to_have_value(
        employee["name"]
    )
    wizard.locator(".o_field_widget[name=grade_performance] select").select_option(
        label="4 - very good"
    )
    wizard.locator(".o_field_widget[name=grade_conduct] select").select_option(
        label="4 - very good"
    )
    # What HR does not know yet, the wizard lists; the user types it in.
    expect(wizard.locator(".alert")).to_contain_text("start date")
    wizard.locator(".o_field_widget[name=date_start] input").fill("03/01/2021")
    # In the reference's language: the employee's, French, as bexio payroll knows it.
    wizard.locator(".o_field_widget[name=function] input").fill("Technicien de service")
    wizard.locator(".o_field_widget[name=signer_role] input").fill("Directeur")
    wizard.locator(".o_field_widget[name=tasks] textarea").fill(
        "Entretien et réparation d'installations frigorifiques\nConseil à la clientèle"
    )
    page.screenshot(path=shots / "07-reference-wizard.png", full_page=True)
    page.locator(".modal-footer button.btn-primary").first.click()
    expect(page.locator(".o_form_view button[name=action_check]")).to_be_visible()
    # Odoo puts the record's id in the address once the form has loaded.
    page.wait_for_url(re.compile(r".*/\d+(\?.*)?$"))
    reference_url = page.url
    page.click("button[name=action_check]")
    page.click("button[name=action_submit]")
    expect(page.locator(".o_statusbar_status .o_arrow_button_current")).to_contain_text(
        "To approve"
    )
    page.click(".o_notebook .nav-link:has-text('Compliance')")
    page.screenshot(path=shots / "08-reference-checked.png", full_page=True)

    # Four eyes: the author cannot approve; the HR approver does, and issues.
    approver = signed_in_page("approver", "approver")
    approver.goto(reference_url)
    approver.click("button[name=action_approve]")
    approver.click("button[name=action_issue]")
    expect(
        approver.locator(".o_statusbar_status .o_arrow_button_current")
    ).to_contain_text("Issued", timeout=60_000)
    approver.screenshot(path=shots / "09-reference-issued.png", full_page=True)
    approver.close()

    reference_id = int(re.search(r"/(\d+)(?:\?|$)", reference_url).group(1))
    (reference,) = stack.call(
        session,
        "bexio.reference",
        "read",
        [reference_id],
        fields=["state", "verify_url", "pdf_attachment_id"],
    )
    assert reference["state"] == "issued"
    pdf = session.get(
        f"{stack.odoo_url}/web/content/{reference['pdf_attachment_id'][0]}",
        timeout=30,
    ).content
    assert pdf.startswith(b"%PDF")
    (tmp_path / "reference.pdf").write_bytes(pdf)
    # The letter as HR sends it: its first page for the README, its text selectable.
    subprocess.run(
        ["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile"]
        + [str(tmp_path / "reference.pdf"), str(shots / "16-reference-pdf")],
        check=True,
    )
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "reference.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert employee["name"].split()[-1] in text, text[:500]

    # The page the QR code leads to, for a stranger: no Odoo session.
    stranger = chromium.new_page(viewport={"width": 1100, "height": 900})
    stranger.goto(reference["verify_url"])
    expect(stranger.locator(".o_bexio_verify")).to_have_attribute(
        "data-status", "valid"
    )
    stranger.set_input_files(".o_pdf_input", tmp_path / "reference.pdf")
    expect(stranger.locator(".o_compare_result.o_match")).to_have_text(
        "This file is the document that was issued."
    )
    stranger.screenshot(path=shots / "10-verification-page.png", full_page=True)
    stranger.close()


def open_connection(stack, page):
    page.goto(f"{stack.odoo_url}/odoo/bexio-connections")
    page.locator(".o_data_row").first.click()
    expect(page.locator(".o_form_view div[name=bexio_company_name]")).to_be_visible()


def test_validated_time_off_becomes_a_bexio_payroll_absence(stack, admin_page, shots):
    page = admin_page
    session = stack.login("admin", "admin")
    open_connection(stack, page)
    page.locator("div[name=payroll_send_absences] input").check()
    page.click("button.o_form_button_save")
    expect(page.locator("button.o_form_button_save")).to_be_hidden()
    employee = employee_numbered(stack, session, "1003")
    # Sick time off needs no allocation; the addon gave Odoo's standard types a reason.
    (sick,) = stack.call(
        session,
        "hr.leave.type",
        "search_read",
        [("requires_allocation", "=", "no"), ("bexio_absence_reason", "!=", False)],
        fields=["name", "bexio_absence_reason"],
        limit=1,
    )
    leave_id = stack.call(
        session,
        "hr.leave",
        "create",
        {
            "employee_id": employee["id"],
            "holiday_status_id": sick["id"],
            "request_date_from": "2027-03-08",
            "request_date_to": "2027-03-10",
        },
    )
    page.goto(f"{stack.odoo_url}/odoo/hr.leave/{leave_id}")
    page.click("button[name=action_approve]:visible")
    # A type with two approvals (HR and the manager) asks for the second one.
    second = page.locator("button[name=action_validate]:visible")
    expect(
        second.or_(page.locator(".o_arrow_button_current", has_text="Approved"))
    ).to_be_visible()
    if second.count():
        second.click()
    expect(page.locator(".o_statusbar_status .o_arrow_button_current")).to_contain_text(
        "Approved"
    )

    def absence():
        return [
            a
            for a in bexio_documents(stack, "payroll_absence")
            if a.get("_employee") == employee["bexio_payroll_ref"]
            and a.get("start_date") == "2027-03-08"
        ]

    (sent,) = wait_until(absence, "the time off as a bexio payroll absence")
    assert (sent["end_date"], sent["reason"]) == (
        "2027-03-10",
        sick["bexio_absence_reason"],
    )
    wait_until(lambda: outbox_settled(stack, session), "the outbox to settle")
    page.reload()
    expect(page.locator(".alert-success")).to_contain_text("absence in bexio payroll")
    page.screenshot(path=shots / "11-time-off-in-bexio.png", full_page=True)


def test_a_payment_in_bexio_shows_on_the_invoice_with_bexio_pdf(
    stack, admin_page, shots
):
    page = admin_page
    session = stack.login("admin", "admin")
    (move,) = stack.call(
        session,
        "account.move",
        "search_read",
        [("bexio_invoice_ref", "!=", False)],
        fields=["bexio_invoice_ref", "bexio_document_nr", "amount_total"],
        order="id desc",
        limit=1,
    )
    # In bexio the bookkeeper issues the draft and records a first payment of 100 francs.
    bexio_call(
        stack,
        ("invoices", "issue", [move["bexio_invoice_ref"]]),
        (
            "invoices",
            "add_payment",
            [move["bexio_invoice_ref"], 100, {"date": "2026-11-25"}],
        ),
    )
    # bexio's status is polled by a cron; an administrator runs it now instead of waiting.
    _model, cron_id = stack.call(
        session,
        "ir.model.data",
        "check_object_reference",
        "bexio_timesheet",
        "ir_cron_bexio_invoice_status",
    )
    stack.call(session, "ir.cron", "method_direct_trigger", [cron_id])
    (polled,) = stack.call(
        session,
        "account.move",
        "read",
        [move["id"]],
        fields=["bexio_payment_state", "bexio_amount_received", "bexio_status"],
    )
    assert polled["bexio_payment_state"] == "partial", polled
    assert polled["bexio_amount_received"] == 100
    attachments = stack.call(
        session,
        "ir.attachment",
        "search_read",
        [("res_model", "=", "account.move"), ("res_id", "=", move["id"])],
        fields=["name", "mimetype"],
    )
    assert [(a["name"], a["mimetype"]) for a in attachments] == [
        (f"{move['bexio_document_nr']}.pdf", "application/pdf")
    ]
    page.goto(f"{stack.odoo_url}/odoo/customer-invoices/{move['id']}")
    # Above the invoice, without looking for it in a tab.
    expect(page.locator(".alert-success")).to_contain_text("Partially paid in bexio")
    expect(page.locator(".alert-success")).to_contain_text("100.00")
    page.click(".o_notebook .nav-link:has-text('Other Info')")
    expect(page.locator("div[name=bexio_pdf_id]")).to_contain_text(
        move["bexio_document_nr"]
    )
    expect(page.locator("div[name=bexio_payment_ids] .o_data_row")).to_have_count(1)
    page.screenshot(path=shots / "12-payment-from-bexio.png", full_page=True)


def test_the_systray_shows_bexio_and_syncs_now(stack, admin_page, shots):
    page = admin_page
    page.goto(f"{stack.odoo_url}/odoo/employees")
    page.click("button.o_bexio_systray")
    menu = page.locator(".o_bexio_systray_menu")
    expect(menu).to_contain_text("bexio is live")
    expect(menu).to_contain_text("Alpenblick")
    expect(menu).not_to_contain_text("none yet")
    page.screenshot(path=shots / "13-systray.png")
    menu.locator("button:has-text('Sync now')").click()
    expect(page.locator(".o_notification").first).to_contain_text("background")


def test_a_copied_database_waits_for_an_administrator(stack, admin_page, shots):
    page = admin_page
    session = stack.login("admin", "admin")
    # What a restore as a copy does to the database: a new identity.
    stack.call(
        session,
        "ir.config_parameter",
        "set_param",
        "database.uuid",
        "00000000-e2e0-4000-8000-000000000001",
    )
    open_connection(stack, page)
    banner = page.locator(".alert-danger", has_text="copy")
    expect(banner).to_be_visible()
    expect(page.locator("button[name=action_sync_now]")).to_be_hidden()
    page.screenshot(path=shots / "14-copy-guard.png", full_page=True)
    banner.locator("button[name=action_confirm_production_database]").click()
    page.locator(".modal-footer button.btn-primary").click()
    expect(banner).to_be_hidden()
    expect(page.locator("button[name=action_sync_now]")).to_be_visible()


def test_disconnect_says_what_happens_and_reconnecting_picks_up(
    stack, admin_page, shots
):
    page = admin_page
    session = stack.login("admin", "admin")
    employees_before = stack.call(
        session, "hr.employee", "search_count", [("bexio_payroll_ref", "!=", False)]
    )
    open_connection(stack, page)
    page.click("button[name=action_disconnect]:visible")
    dialog = page.locator(".modal")
    expect(dialog).to_contain_text("nothing is deleted")
    page.screenshot(path=shots / "15-disconnect.png")
    dialog.locator(".modal-footer button.btn-primary").click()
    expect(page.locator(".o_statusbar_status .o_arrow_button_current")).to_contain_text(
        "Disconnected"
    )
    expect(page.locator(".alert-info").first).to_contain_text("Nothing was deleted")
    revocations = [
        e for e in sandbox(stack, "GET", "requests") if e["path"].endswith("/revoke")
    ]
    assert revocations and revocations[-1]["status"] == 200, revocations
    assert employees_before == stack.call(
        session, "hr.employee", "search_count", [("bexio_payroll_ref", "!=", False)]
    )
    # Signing in again to the same bexio company: connected, links kept.
    page.click("button[name=action_connect]:visible")
    page.wait_for_url(f"{stack.sandbox_url}/**")
    allow_at_bexio(stack, page)
    stack.wait_for_initial_import(session)
    assert employees_before == stack.call(
        session, "hr.employee", "search_count", [("bexio_payroll_ref", "!=", False)]
    )
