"""``bexio-sandbox``: start a local bexio, or generate a large company for benchmarks."""

import argparse
import logging
import os
import secrets
import sys

from . import admin, seed
from .app import Sandbox
from .faults import Faults, parse_rule
from .ratelimit import RateLimiter
from .server import SandboxServer
from .store import Store

DEFAULT_DB = os.path.join(
    os.path.expanduser("~"), ".local", "share", "bexio-sandbox", "sandbox.db"
)


def _db_path(path):
    if path != ":memory:":
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    return path


def build_parser():
    parser = argparse.ArgumentParser(
        prog="bexio-sandbox",
        description="A local bexio (API and login service) for development and tests.",
    )
    parser.add_argument(
        "--db",
        default=os.environ.get("BEXIO_SANDBOX_DB", DEFAULT_DB),
        help="SQLite file that keeps the data across restarts (default: %(default)s)",
    )
    sub = parser.add_subparsers(dest="command")

    serve = sub.add_parser("serve", help="start the sandbox (the default command)")
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default: %(default)s)",
    )
    serve.add_argument(
        "--port", type=int, default=8765, help="port (default: %(default)s)"
    )
    serve.add_argument(
        "--reset",
        action="store_true",
        help="delete all data and seed the demo company again",
    )
    serve.add_argument(
        "--no-payroll",
        action="store_true",
        help="the demo company has no payroll module (403)",
    )
    serve.add_argument(
        "--vat",
        choices=("none", "net", "gross"),
        help="the demo company's VAT setting: no VAT, VAT added to prices (the default) "
        "or VAT included in prices",
    )
    serve.add_argument(
        "--latency", type=float, default=0.0, help="seconds added to every request"
    )
    serve.add_argument(
        "--fault",
        action="append",
        default=[],
        metavar="RULE",
        help="inject faults, e.g. 'status:503@GET /2.0/contact#3', "
        "'drop@POST /4.0/payroll/employees#1', 'timeout:30@/2.0/kb_invoice', "
        "'delay:0.2@.*%%0.5' (repeatable)",
    )
    serve.add_argument(
        "--fault-seed", type=int, default=0, help="seed of the random fault picker"
    )
    serve.add_argument(
        "--rate-limit",
        type=int,
        help="requests per minute for every route class "
        "(default: bexio's 1000/250/400)",
    )
    serve.add_argument(
        "--rate-window", type=float, default=60.0, help="rate-limit window in seconds"
    )
    serve.add_argument(
        "--token-lifetime",
        type=int,
        default=3600,
        help="access-token lifetime in seconds",
    )
    serve.add_argument(
        "--client",
        action="append",
        default=[],
        metavar="ID:SECRET:REDIRECT_URI",
        help="register another OAuth client (repeatable)",
    )
    serve.add_argument(
        "--admin-token",
        default=os.environ.get("BEXIO_SANDBOX_ADMIN_TOKEN") or None,
        help="the token /_sandbox requires (header X-Sandbox-Admin); default: "
        "$BEXIO_SANDBOX_ADMIN_TOKEN, else a random one, printed at start",
    )

    gen = sub.add_parser("generate", help="add a large company for benchmarks")
    gen.add_argument("--company", default="bigco0000001")
    gen.add_argument("--contacts", type=int, default=10000)
    gen.add_argument("--employees", type=int, default=300)
    gen.add_argument("--projects", type=int, default=100)
    gen.add_argument("--timesheets", type=int, default=50000)
    gen.add_argument("--seed", type=int, default=11)
    gen.add_argument(
        "--trustees",
        type=int,
        metavar="N",
        help="add N small client companies and one trustee login that sees them all, "
        "instead of the large company",
    )
    gen.add_argument(
        "--backlog",
        type=int,
        default=0,
        metavar="N",
        help="with --trustees: N more employees in the first client company",
    )
    return parser


def main(argv=None):
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    if args.command == "generate":
        return generate(args)
    if args.command is None:
        args = parser.parse_args(
            ["serve", *(argv if argv is not None else sys.argv[1:])]
        )
    return serve(args)


def generate(args):
    store = Store(_db_path(args.db))
    if store.empty:
        seed.seed_demo(store)
    if args.trustees:
        companies = seed.seed_trustees(store, args.trustees, backlog=args.backlog)
        print(
            f"Companies {companies[0]} to {companies[-1]}: "
            f"log in as {seed.TRUSTEE_LOGIN} / {seed.DEMO_PASSWORD} and choose one"
        )
        return 0
    gen = seed.seed_large(
        store,
        seed=args.seed,
        contacts=args.contacts,
        employees=args.employees,
        projects=args.projects,
        timesheets=args.timesheets,
        company_id=args.company,
    )
    print(
        f"Company {gen.company_id}: {args.contacts} customer and supplier contacts, "
        f"{args.employees} employees (each also a person contact), {args.projects} projects, "
        f"{args.timesheets} timesheets. "
        f"Log in as {seed.large_login(gen.company_id)} / {seed.DEMO_PASSWORD}"
    )
    return 0


def serve(args):
    db = _db_path(args.db)
    if args.reset and db != ":memory:" and os.path.exists(db):
        Store(db).wipe()
    store = Store(db)
    if store.empty:
        seed.seed_demo(store)
    seed.ensure_platform(store)
    for spec in args.client:
        client_id, secret, redirect = spec.split(":", 2)
        seed.add_client(store, client_id, secret, [redirect])
    if args.no_payroll:
        company = store.get("global", "company", seed.DEMO_COMPANY)
        with store.transaction():
            store.put(
                "global",
                "company",
                seed.DEMO_COMPANY,
                dict(company, payroll_enabled=False),
            )
    if args.vat:
        with store.transaction():
            admin.apply_vat(store, seed.DEMO_COMPANY, args.vat)
    # Never open: without a token of the caller's, a random one, printed below.
    admin_token = args.admin_token or secrets.token_urlsafe(24)
    faults = Faults(seed=args.fault_seed, latency=args.latency)
    for text in args.fault:
        faults.add(parse_rule(text))
    limiter = RateLimiter(window=args.rate_window)
    if args.rate_limit:
        limiter.set_all(args.rate_limit)
    app = Sandbox(
        store,
        faults=faults,
        rate_limiter=limiter,
        access_token_lifetime=args.token_lifetime,
        admin_token=admin_token,
    )
    server = SandboxServer(app, args.host, args.port)
    print(
        f"bexio sandbox on {server.url}\n"
        f"  API base URL:  {server.url}\n"
        f"  OAuth issuer:  {server.issuer}\n"
        f"  OAuth client:  {seed.DEMO_CLIENT_ID} / {seed.DEMO_CLIENT_SECRET} "
        f"(any http://localhost or 127.0.0.1 redirect URI)\n"
        f"  Login:         {seed.DEMO_LOGIN} / {seed.DEMO_PASSWORD}\n"
        f"  Admin page:    {server.admin_link}\n"
        f"  Admin token:   {admin_token} (header X-Sandbox-Admin)\n"
        f"  Data:          {db}",
        flush=True,
    )
    try:
        server.httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.httpd.server_close()
    return 0
