"""What an administrator would type into Settings, for the demo: run once in ``odoo-bin shell``.

Used by scripts/demo_stack.py and by docker-compose.yml. The values come from the environment:
DEMO_BASE_URL (Odoo as the browser sees it), DEMO_SANDBOX_URL (the sandbox as Odoo and the
browser see it), DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_APPROVER ("login:password").
"""

# ruff: noqa: F821 - ``env`` is the shell's
import os

ICP = env["ir.config_parameter"].sudo()
base_url = os.environ["DEMO_BASE_URL"]
sandbox = os.environ["DEMO_SANDBOX_URL"]
for key, value in {
    "web.base.url": base_url,
    "web.base.url.freeze": "True",
    "bexio_connector.client_id": os.environ["DEMO_CLIENT_ID"],
    "bexio_connector.client_secret": os.environ["DEMO_CLIENT_SECRET"],
    "bexio_connector.api_url": sandbox,
    "bexio_connector.auth_url": sandbox + "/realms/bexio",
}.items():
    ICP.set_param(key, value)
company = env.company
company.write({"country_id": env.ref("base.ch").id})
if (
    company.name == "My Company"
):  # Odoo's placeholder: the demo company's own name reads better
    company.name = "Alpenblick Technik AG"
if (
    company.chart_template != "ch"
):  # the install chose the generic chart: no country then
    env["account.chart.template"].try_loading("ch", company, install_demo=False)
admin = env.ref("base.user_admin")
admin.write({"tz": "Europe/Zurich", "email": admin.email or "admin@example.ch"})
login, password = os.environ["DEMO_APPROVER"].split(":")
if not env["res.users"].search([("login", "=", login)]):
    env["res.users"].create(
        {
            "name": "Petra Keller (HR)",
            "login": login,
            "password": password,
            "email": "petra.keller@example.ch",
            "tz": "Europe/Zurich",
            "groups_id": [
                (
                    6,
                    0,
                    [env.ref("base.group_user").id, env.ref("hr.group_hr_manager").id],
                )
            ],
        }
    )
if not env["bexio.connection"].search([("company_id", "=", company.id)]):
    env["bexio.connection"].create({"company_id": company.id})
env.cr.commit()
