"""A trustee's Odoo: two companies, each signed in to its own bexio company, on the real
server with its job runner, driven over JSON-RPC and the sandbox's admin API.

It runs last (file order): the first company is the one test_product.py signed in. The
trustee login of the sandbox sees both bexio companies; the second Odoo company chooses
"Bergsicht Treuhand GmbH" at bexio's sign-in.
"""

import uuid

from demo_stack import wait_until
from transactions import sandbox

from bexio_sandbox.seed import DEMO_COMPANY, DEMO_PASSWORD, OTHER_COMPANY
from bexio_sandbox.testing import submit_login

TRUSTEE = "treuhand@sandbox.bexio.local"


def bexio_documents(stack, company, kind):
    return sandbox(stack, "GET", f"companies/{company}/{kind}")


def in_company(company_id):
    return {"context": {"allowed_company_ids": [company_id]}}


def sign_in_as_trustee(stack, session, connection_id):
    to_bexio = session.get(
        f"{stack.odoo_url}/bexio/oauth/authorize/{connection_id}",
        allow_redirects=False,
        timeout=30,
    )
    back = submit_login(
        to_bexio.headers["Location"], TRUSTEE, DEMO_PASSWORD, company=OTHER_COMPANY
    )
    assert back.status_code == 302, back.text[:300]
    session.get(back.headers["Location"], timeout=60)


def invoice(stack, session, company_id, customer_id, tax_id, label):
    context = in_company(company_id)
    move_id = stack.call(
        session,
        "account.move",
        "create",
        {
            "move_type": "out_invoice",
            "company_id": company_id,
            "partner_id": customer_id,
            "invoice_line_ids": [
                (
                    0,
                    0,
                    {
                        "name": label,
                        "quantity": 2,
                        "price_unit": 180.0,
                        "tax_ids": [(6, 0, [tax_id])],
                    },
                )
            ],
        },
        **context,
    )
    stack.call(session, "account.move", "action_post", [move_id], **context)
    stack.call(session, "account.move", "action_bexio_send", [move_id], **context)
    return move_id


def sales_tax(stack, session, company_id):
    (tax,) = stack.call(
        session,
        "account.tax",
        "search_read",
        [
            ("company_id", "=", company_id),
            ("type_tax_use", "=", "sale"),
            ("amount", "=", 8.1),
            ("price_include", "=", False),
        ],
        fields=["bexio_tax_id"],
        limit=1,
        **in_company(company_id),
    )
    assert tax["bexio_tax_id"], "Suggest tax mapping maps the 8.1 % sales tax"
    return tax["id"]


def map_invoicing(stack, session, company_id, connection_id):
    """The bookkeeper's one-time mapping: revenue account 3400, VAT rates by rate."""
    context = in_company(company_id)
    (account,) = stack.call(
        session,
        "bexio.account",
        "search",
        [("company_id", "=", company_id), ("code", "=", "3400")],
        **context,
    )
    stack.call(
        session,
        "bexio.connection",
        "write",
        [connection_id],
        {"invoice_default_account_id": account},
        **context,
    )
    stack.call(
        session,
        "bexio.connection",
        "action_bexio_suggest_tax_mapping",
        [connection_id],
        **context,
    )


def test_two_companies_each_keep_to_their_own_bexio(stack):
    session = stack.login("admin", "admin")
    main = stack.connection(session)
    if main["state"] != "connected":
        stack.sign_in(session)
    run = uuid.uuid4().hex[:6]
    (me,) = stack.call(
        session,
        "res.users",
        "search_read",
        [("login", "=", "admin")],
        fields=["company_id"],
    )
    company_a = me["company_id"][0]
    (ch,) = stack.call(
        session,
        "ir.model.data",
        "search_read",
        [("module", "=", "base"), ("name", "=", "ch")],
        fields=["res_id"],
    )
    name_b = f"Bergsicht Treuhand GmbH {run}"
    try:
        company_b = stack.call(
            session,
            "res.company",
            "create",
            {"name": name_b, "country_id": ch["res_id"]},
        )
    except RuntimeError as exc:
        # A Swiss company makes Odoo install the country's modules within the request, and
        # commit; when that meets a lock, Odoo retries the request, which finds the company.
        if "must be unique" not in str(exc):
            raise
        (company_b,) = stack.call(
            session, "res.company", "search", [("name", "=", name_b)]
        )
    stack.call(
        session, "res.users", "write", [me["id"]], {"company_ids": [(4, company_b)]}
    )
    stack.call(session, "account.chart.template", "try_loading", [], "ch", company_b)
    connection_b = stack.call(
        session, "bexio.connection", "create", {"company_id": company_b}
    )
    # The first company's hourly sync and the second one's initial import, side by side.
    stack.call(session, "bexio.connection", "action_sync_now", [main["id"]])
    sign_in_as_trustee(stack, session, connection_b)
    (state_b,) = stack.call(
        session, "bexio.connection", "read", [connection_b], fields=["state"]
    )
    assert state_b["state"] == "connected"
    stack.wait_for_initial_import(session)
    runs = stack.call(
        session,
        "bexio.sync.run",
        "search_read",
        [("connection_id", "in", [main["id"], connection_b])],
        fields=["kind", "state", "connection_id"],
    )
    assert {r["state"] for r in runs} == {"done"}, runs

    before = {
        bexio: {c["id"] for c in bexio_documents(stack, bexio, "contact")}
        for bexio in (DEMO_COMPANY, OTHER_COMPANY)
    }
    map_invoicing(stack, session, company_a, main["id"])
    map_invoicing(stack, session, company_b, connection_b)
    shared = stack.call(
        session,
        "res.partner",
        "create",
        {"name": f"Zuger Seeblick AG {run}", "is_company": True, "city": "Zug"},
    )
    moves = {
        company: invoice(
            stack,
            session,
            company,
            shared,
            sales_tax(stack, session, company),
            f"Jahresabschluss {run}",
        )
        for company in (company_a, company_b)
    }

    def sent():
        rows = stack.call(
            session,
            "account.move",
            "read",
            list(moves.values()),
            fields=["bexio_invoice_ref", "bexio_sync_error"],
            context={"allowed_company_ids": [company_a, company_b]},
        )
        for row in rows:
            assert not row["bexio_sync_error"], row["bexio_sync_error"]
        return rows if all(r["bexio_invoice_ref"] for r in rows) else None

    wait_until(sent, "both invoices in their bexio", timeout=180)
    name = f"Zuger Seeblick AG {run}"
    for company, bexio in ((company_a, DEMO_COMPANY), (company_b, OTHER_COMPANY)):
        (move,) = stack.call(
            session,
            "account.move",
            "read",
            [moves[company]],
            fields=["bexio_invoice_ref"],
            **in_company(company),
        )
        (draft,) = (
            d
            for d in bexio_documents(stack, bexio, "kb_invoice")
            if d["id"] == move["bexio_invoice_ref"]
        )
        contacts = {c["id"]: c for c in bexio_documents(stack, bexio, "contact")}
        # Before bindings, the second draft named the first bexio's contact id: a stranger.
        assert contacts[draft["contact_id"]]["name_1"] == name, (bexio, draft)
        assert [c for c in contacts.values() if c["name_1"] == name] == [
            contacts[draft["contact_id"]]
        ]
        (partner,) = stack.call(
            session,
            "res.partner",
            "read",
            [shared],
            fields=["bexio_contact_ref"],
            **in_company(company),
        )
        assert partner["bexio_contact_ref"] == draft["contact_id"]

    # Nothing of one bexio company in the other: each gained the shared customer and no
    # other contact (an employee or customer of the other company, say).
    for bexio in (DEMO_COMPANY, OTHER_COMPANY):
        gained = [
            c["name_1"]
            for c in bexio_documents(stack, bexio, "contact")
            if c["id"] not in before[bexio]
        ]
        assert gained == [name], (bexio, gained)
    bindings = stack.call(
        session,
        "bexio.partner.binding",
        "search_read",
        [("connection_id", "=", connection_b)],
        fields=["partner_id", "company_id"],
        **in_company(company_b),
    )
    partners_b = stack.call(
        session,
        "res.partner",
        "read",
        [b["partner_id"][0] for b in bindings],
        fields=["company_id"],
        **in_company(company_b),
    )
    assert {p["company_id"] and p["company_id"][0] for p in partners_b} <= {
        company_b,
        False,
    }
