"""The sandbox's own admin page and API under ``/_sandbox`` (not part of bexio).

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

import html
import json

from werkzeug.wrappers import Response

from .store import GLOBAL


def _json(data, status=200):
    return Response(
        json.dumps(data, default=str), status=status, content_type="application/json"
    )


def _body(req):
    try:
        return json.loads(req.get_data() or b"{}")
    except ValueError:
        return None


def handle(sandbox, req):
    token = sandbox.store.get_meta("admin_token")
    if (
        token
        and req.headers.get("X-Sandbox-Admin") != token
        and req.args.get("token") != token
    ):
        return _json({"error": "admin token required"}, 403)
    parts = [p for p in req.path.split("/") if p][1:]
    if not parts:
        return Response(page(sandbox), content_type="text/html; charset=utf-8")
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
    company = _company(sandbox, company_id)
    return _json(
        set_company(sandbox.store, company, payroll_enabled=bool(body["enabled"]))
    )


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
            f"</small></h2><p>Payroll module: {'on' if summary['payroll_enabled'] else 'off'}</p>"
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
