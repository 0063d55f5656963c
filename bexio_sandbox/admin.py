"""The sandbox's own admin page and API under ``/_sandbox`` (not part of bexio).

Every request needs the admin token (``Sandbox.admin_token``; ``bexio-sandbox serve`` prints
it): in the header ``X-Sandbox-Admin``, or in the cookie the admin page sets when it is opened
once as ``/_sandbox/?token=...`` (HttpOnly, SameSite=Strict), so that a person can click the
printed link. A request that changes something and comes from another origin (an ``Origin`` or
``Sec-Fetch-Site`` header naming another site, or another port of this host) is refused with
403 whatever it carries, and no answer has CORS headers: a web page open in the same browser
cannot switch faults on, revoke tokens or read the request log.

JSON API:
  GET    /_sandbox/api/companies                     companies with their settings and counts
  POST   /_sandbox/api/companies/<id>/payroll        {"enabled": bool}  payroll module on/off
  POST   /_sandbox/api/companies/<id>/numbering      {"automatic": bool} invoice numbering
  GET    /_sandbox/api/companies/<id>/<kind>         raw stored documents of a kind
  POST   /_sandbox/api/companies/<id>/payroll/employees/<uuid>/delete   employee -> 410
  GET/POST/DELETE /_sandbox/api/faults               list / add (JSON rule) / clear rules
  POST   /_sandbox/api/latency                       {"seconds": float}
  POST   /_sandbox/api/rate_limit                    {"limit": int, "window": seconds}
  POST   /_sandbox/api/tokens/revoke                 {"company": id?}  -> invalid_grant later
  POST   /_sandbox/api/tokens/expire                 {"company": id?}  -> 401 until refresh
  GET    /_sandbox/api/requests?since=N              the request log (writes with bodies)
  DELETE /_sandbox/api/requests                      clear the request log
"""

import hmac
import html
import json

from werkzeug.wrappers import Response

from . import resources as r
from .resources.invoices import VAT_SETTINGS
from .store import GLOBAL

HEADER = "X-Sandbox-Admin"
COOKIE = "bexio_sandbox_admin"
# Methods that change nothing; everything else counts as a write for the origin check.
READ_METHODS = frozenset({"GET", "HEAD"})


def _json(data, status=200, headers=None):
    return Response(
        json.dumps(data, default=str),
        status=status,
        headers={"Cache-Control": "no-store", **(headers or {})},
        content_type="application/json",
    )


def _body(req):
    try:
        return json.loads(req.get_data() or b"{}")
    except ValueError:
        return None


def handle(sandbox, req):
    parts = [p for p in req.path.split("/") if p][1:]
    if req.method not in READ_METHODS and _from_elsewhere(req):
        return _json(
            {"error": "the sandbox's admin API refuses writes from another origin"}, 403
        )
    if not parts and "token" in req.args:
        return _open_with_token(sandbox, req)
    if not _authorized(sandbox, req):
        if not parts:
            return Response(
                LOCKED_PAGE, status=401, content_type="text/html; charset=utf-8"
            )
        return _json(
            {
                "error": f"admin token required: send it in the header {HEADER} "
                "(bexio-sandbox serve prints it)"
            },
            401,
        )
    if not parts:
        return Response(
            page(sandbox),
            content_type="text/html; charset=utf-8",
            headers={"Cache-Control": "no-store"},
        )
    if parts[0] != "api":
        return _json({"error": "not found"}, 404)
    body = _body(req) if req.method in ("POST", "PUT") else {}
    if body is None:
        return _json({"error": "the body is not valid JSON"}, 400)
    try:
        return route(sandbox, req, parts[1:], body)
    except UnknownCompany as exc:
        return _json({"error": str(exc)}, 404)
    except (KeyError, TypeError, ValueError) as exc:
        return _json({"error": f"bad request: {exc}"}, 400)


def _matches(sandbox, given):
    expected = sandbox.admin_token
    return bool(given and expected) and hmac.compare_digest(
        given.encode(), expected.encode()
    )


def _authorized(sandbox, req):
    return _matches(sandbox, req.headers.get(HEADER)) or _matches(
        sandbox, req.cookies.get(COOKIE)
    )


def _open_with_token(sandbox, req):
    """The printed link: keep the token in a cookie and drop it from the address bar."""
    if not _matches(sandbox, req.args.get("token")):
        return Response(
            LOCKED_PAGE, status=401, content_type="text/html; charset=utf-8"
        )
    response = Response(
        status=303,
        headers={
            "Location": "/_sandbox/",
            "Cache-Control": "no-store",
            "Referrer-Policy": "no-referrer",
        },
    )
    response.set_cookie(
        COOKIE,
        sandbox.admin_token,
        path="/_sandbox",
        httponly=True,
        samesite="Strict",
    )
    return response


def _from_elsewhere(req):
    """Whether the browser says the request comes from another origin than the sandbox's.

    Browsers send ``Sec-Fetch-Site`` and ``Origin`` with writes; scripts and tests send
    neither. "same-site" counts as elsewhere: Odoo on another port of localhost is same-site.
    """
    fetch_site = req.headers.get("Sec-Fetch-Site")
    if fetch_site is not None and fetch_site not in ("same-origin", "none"):
        return True
    origin = req.headers.get("Origin")
    if origin is None:
        return False
    return origin.lower() != f"{req.scheme}://{req.host}".lower()


LOCKED_PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>bexio sandbox</title>
</head><body style="font-family:system-ui,sans-serif;margin:24px;color:#0d2e4f">
<h1>bexio sandbox</h1><p>The admin page needs the sandbox's admin token. Open the link that
<code>bexio-sandbox serve</code> printed (<code>/_sandbox/?token=...</code>), or send the token
in the header <code>X-Sandbox-Admin</code>.</p></body></html>"""


def route(sandbox, req, parts, body):
    """Dispatch ``/_sandbox/api/<parts>`` to the first endpoint whose pattern matches."""
    for method, pattern, endpoint in ENDPOINTS:
        if method != req.method or len(pattern) != len(parts):
            continue
        args = [p for want, p in zip(pattern, parts, strict=True) if want == "*"]
        if all(want in ("*", p) for want, p in zip(pattern, parts, strict=True)):
            return endpoint(sandbox, req, body, *args)
    return _json({"error": "not found"}, 404)


class UnknownCompany(Exception):
    pass


def _company(sandbox, company_id):
    company = sandbox.store.get(GLOBAL, "company", company_id)
    if company is None:
        raise UnknownCompany(f"unknown company {company_id}")
    return company


def companies(sandbox, req, body):
    store = sandbox.store
    return _json([company_summary(store, c) for c in store.all(GLOBAL, "company")])


def payroll_switch(sandbox, req, body, company_id):
    """``{"enabled": false}``: payroll answers 403 (no module); with ``"answer": 404`` the
    company never had payroll and its routes answer 404."""
    company = _company(sandbox, company_id)
    answer = int(body.get("answer", 403))
    if answer not in (403, 404):
        return _json({"error": "answer must be 403 or 404"}, 400)
    return _json(
        set_company(
            sandbox.store,
            company,
            payroll_enabled=bool(body["enabled"]),
            payroll_answer=answer,
        )
    )


def vat_setting(sandbox, req, body, company_id):
    """``{"setting": "none" | "net" | "gross"}``: the company's VAT setting."""
    company = _company(sandbox, company_id)
    setting = body.get("setting")
    if setting not in VAT_SETTINGS:
        return _json({"error": "setting must be none, net or gross"}, 400)
    with sandbox.store.transaction():
        apply_vat(sandbox.store, company["id"], setting)
    return _json({"setting": setting})


def rights(sandbox, req, body, company_id):
    """``{"user_id": 1, "payroll": "none" | "show" | "all", ...}``: a bexio user's rights."""
    company = _company(sandbox, company_id)
    user = str(int(body["user_id"]))
    changes = {k: v for k, v in body.items() if k != "user_id"}
    unknown = set(changes) - set(r.RIGHTS_AREAS.values())
    bad = {v for v in changes.values() if v not in r.RIGHT_LEVELS}
    if unknown or bad:
        return _json(
            {
                "error": f"areas are {sorted(set(r.RIGHTS_AREAS.values()))}, "
                f"levels {list(r.RIGHT_LEVELS)}"
            },
            400,
        )
    all_rights = dict(company.get("rights") or {})
    all_rights[user] = dict(all_rights.get(user) or {}, **changes)
    return _json(set_company(sandbox.store, company, rights=all_rights)["rights"])


def numbering(sandbox, req, body, company_id):
    store = sandbox.store
    company = _company(sandbox, company_id)
    with store.transaction():
        for setting in store.all(company["id"], "kb_item_setting"):
            if setting["kb_item_class"] == "KbInvoice":
                automatic = bool(body["automatic"])
                store.put(
                    company["id"],
                    "kb_item_setting",
                    setting["id"],
                    dict(setting, use_automatic_enumeration=automatic),
                )
    return _json({"automatic": bool(body["automatic"])})


def delete_employee(sandbox, req, body, company_id, employee_id):
    store = sandbox.store
    company = _company(sandbox, company_id)
    doc = store.get(company["id"], "payroll_employee", employee_id)
    if doc is None:
        return _json({"error": "unknown employee"}, 404)
    with store.transaction():
        store.put(
            company["id"], "payroll_employee", employee_id, dict(doc, _deleted=True)
        )
    return _json({"deleted": employee_id})


def documents(sandbox, req, body, company_id, kind):
    return _json(sandbox.store.all(_company(sandbox, company_id)["id"], kind))


def faults_list(sandbox, req, body):
    return _json(sandbox.faults.to_dict())


def faults_add(sandbox, req, body):
    return _json(sandbox.add_fault(**body).to_dict(), 201)


def faults_clear(sandbox, req, body):
    sandbox.faults.clear()
    return _json({"cleared": True})


def latency(sandbox, req, body):
    sandbox.faults.latency = float(body["seconds"])
    return _json({"latency": sandbox.faults.latency})


def rate_limit(sandbox, req, body):
    limiter = sandbox.rate_limiter
    if "window" in body:
        limiter.window = float(body["window"])
    limiter.set_all(int(body["limit"]))
    return _json({"limits": limiter.limits, "window": limiter.window})


def revoke_tokens(sandbox, req, body):
    with sandbox.store.transaction():
        return _json({"tokens": sandbox.oauth.revoke_company(body.get("company"))})


def expire_tokens(sandbox, req, body):
    with sandbox.store.transaction():
        return _json(
            {"tokens": sandbox.oauth.expire_access_tokens(body.get("company"))}
        )


def request_log(sandbox, req, body):
    since = int(req.args.get("since", 0))
    return _json([e for e in list(sandbox.requests) if e["seq"] > since])


def request_log_clear(sandbox, req, body):
    sandbox.requests.clear()
    return _json({"cleared": True})


ENDPOINTS = [
    ("GET", ("companies",), companies),
    ("POST", ("companies", "*", "payroll"), payroll_switch),
    ("POST", ("companies", "*", "numbering"), numbering),
    ("POST", ("companies", "*", "vat"), vat_setting),
    ("POST", ("companies", "*", "rights"), rights),
    (
        "POST",
        ("companies", "*", "payroll", "employees", "*", "delete"),
        delete_employee,
    ),
    ("GET", ("companies", "*", "*"), documents),
    ("GET", ("faults",), faults_list),
    ("POST", ("faults",), faults_add),
    ("DELETE", ("faults",), faults_clear),
    ("POST", ("latency",), latency),
    ("POST", ("rate_limit",), rate_limit),
    ("POST", ("tokens", "revoke"), revoke_tokens),
    ("POST", ("tokens", "expire"), expire_tokens),
    ("GET", ("requests",), request_log),
    ("DELETE", ("requests",), request_log_clear),
]


def set_company(store, company, **changes):
    with store.transaction():
        updated = dict(company, **changes)
        store.put(GLOBAL, "company", company["id"], updated)
    return updated


def company_summary(store, company):
    counts = {
        kind: store.count(company["id"], kind) for kind in store.kinds(company["id"])
    }
    return {
        "id": company["id"],
        "name": company["name"],
        "payroll_enabled": company.get("payroll_enabled", False),
        "vat": company.get("vat", "net"),
        "counts": counts,
    }


def page(sandbox):
    store = sandbox.store
    rows = []
    for company in store.all(GLOBAL, "company"):
        summary = company_summary(store, company)
        kinds = "".join(
            f'<li><a href="/_sandbox/api/companies/{html.escape(company["id"])}/{html.escape(k)}">'
            f"{html.escape(k)}</a>: {n}</li>"
            for k, n in sorted(summary["counts"].items())
        )
        rows.append(
            f"<section><h2>{html.escape(company['name'])} <small>({html.escape(company['id'])})"
            f"</small></h2><p>Payroll module: {'on' if summary['payroll_enabled'] else 'off'}; "
            f"VAT: {html.escape(summary['vat'])}</p>"
            f"<ul>{kinds}</ul></section>"
        )
    logins = "".join(
        f"<li>{html.escape(login['username'])}</li>"
        for login in store.all(GLOBAL, "login")
    )
    clients = "".join(
        f"<li>{html.escape(c['client_id'])}</li>"
        for c in store.all(GLOBAL, "oauth_client")
    )
    faults = html.escape(json.dumps(sandbox.faults.to_dict(), indent=1))
    return f"""<!doctype html><html><head><meta charset="utf-8"><title>bexio sandbox</title>
<style>body{{font-family:system-ui,sans-serif;margin:24px;color:#0d2e4f}}section{{margin-bottom:18px}}
pre{{background:#f4f6f8;padding:8px}}</style></head><body>
<h1>bexio sandbox</h1><p>A local bexio for development and tests. API and login service on this
address; see <a href="/realms/bexio/.well-known/openid-configuration">the OIDC discovery</a>.</p>
{''.join(rows)}<h2>Logins</h2><ul>{logins}</ul><h2>OAuth clients</h2><ul>{clients}</ul>
<h2>Faults</h2><pre>{faults}</pre>
<p><a href="/_sandbox/api/requests">Request log</a></p></body></html>"""


def apply_vat(store, company_id, setting):
    """Set a company's VAT setting where bexio keeps it: the document settings' defaults
    (``default_mwst_type``, ``default_mwst_is_net``) and, for "none", no VAT number in the
    company profile. Needs a transaction."""
    mwst_type, is_net = VAT_SETTINGS[setting]
    company = store.get(GLOBAL, "company", company_id)
    for doc in store.all(company_id, "kb_item_setting"):
        store.put(
            company_id,
            "kb_item_setting",
            doc["id"],
            dict(doc, default_mwst_type=mwst_type, default_mwst_is_net=is_net),
        )
    for profile in store.all(company_id, "company_profile"):
        number = profile.get("mwst_nr") or company.get("mwst_nr")
        if number:
            company = dict(company, mwst_nr=number)
        profile = dict(
            profile, mwst_nr=None if setting == "none" else company.get("mwst_nr")
        )
        store.put(company_id, "company_profile", profile["id"], profile)
    store.put(GLOBAL, "company", company_id, dict(company, vat=setting))
