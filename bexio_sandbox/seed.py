"""The demo company and a generator of large companies, deterministic for a given seed.

"Alpenblick Technik AG" in Winterthur is a Swiss SME: about 30 employees in payroll (valid AHV
numbers and IBANs) who are also person contacts, about 200 customer and supplier contacts
(customers carry the category "Kunden"), projects with work packages, a year of timesheets, the
Swiss SME chart of accounts (KMU-Kontenrahmen), Swiss VAT rates, and a few invoices.
A second, nearly empty company ("Bergsicht Treuhand GmbH") lets tests connect to the wrong one.
"""

import datetime
import random
import uuid
import zlib

from . import resources as r
from . import swiss
from .resources import invoices
from .store import GLOBAL

DEMO_COMPANY = "alpenblick01"
OTHER_COMPANY = "bergsicht02"
DEMO_LOGIN = "demo@sandbox.bexio.local"
DEMO_PASSWORD = "demo"
DEMO_CLIENT_ID = "odoo-bexio-demo"
DEMO_CLIENT_SECRET = "sandbox-secret"
CUSTOMER_GROUP = "Kunden"
EMPLOYEE_GROUP = "Mitarbeitende"

FIRST_NAMES = {
    "male": [
        "Luca",
        "Noah",
        "Matteo",
        "Leon",
        "David",
        "Elias",
        "Jonas",
        "Nico",
        "Samuel",
        "Reto",
        "Urs",
        "Beat",
        "Marco",
        "Daniel",
        "Thomas",
        "Lukas",
        "Fabian",
        "Simon",
    ],
    "female": [
        "Mia",
        "Emma",
        "Lea",
        "Sofia",
        "Laura",
        "Anna",
        "Nina",
        "Sarah",
        "Julia",
        "Andrea",
        "Claudia",
        "Sandra",
        "Chiara",
        "Elena",
        "Lina",
        "Seraina",
        "Alessia",
    ],
}
LAST_NAMES = [
    "Müller",
    "Meier",
    "Schmid",
    "Keller",
    "Weber",
    "Huber",
    "Schneider",
    "Meyer",
    "Steiner",
    "Fischer",
    "Gerber",
    "Brunner",
    "Baumann",
    "Frei",
    "Zimmermann",
    "Moser",
    "Widmer",
    "Wyss",
    "Graf",
    "Roth",
    "Bianchi",
    "Rossi",
    "Favre",
    "Bonvin",
    "Käser",
    "Hofer",
    "Suter",
    "Bühler",
    "Egli",
    "Lüthi",
    "Vogel",
    "Sutter",
]
TOWNS = [
    ("8400", "Winterthur", "ZH"),
    ("8001", "Zürich", "ZH"),
    ("8004", "Zürich", "ZH"),
    ("3011", "Bern", "BE"),
    ("4051", "Basel", "BS"),
    ("6003", "Luzern", "LU"),
    ("9000", "St. Gallen", "SG"),
    ("8500", "Frauenfeld", "TG"),
    ("5000", "Aarau", "AG"),
    ("1003", "Lausanne", "VD"),
    ("1204", "Genève", "GE"),
    ("6900", "Lugano", "TI"),
    ("7000", "Chur", "GR"),
    ("8200", "Schaffhausen", "SH"),
    ("2502", "Biel/Bienne", "BE"),
]
# BFS numbers of the towns, the Swiss municipality ids payroll keeps as strings.
MUNICIPALITIES = {
    "Winterthur": "230",
    "Zürich": "261",
    "Bern": "351",
    "Basel": "2701",
    "Luzern": "1061",
    "St. Gallen": "3203",
    "Frauenfeld": "4566",
    "Aarau": "4001",
    "Lausanne": "5586",
    "Genève": "6621",
    "Lugano": "5192",
    "Chur": "3901",
    "Schaffhausen": "2939",
    "Biel/Bienne": "371",
}
STREETS = [
    "Bahnhofstrasse",
    "Hauptstrasse",
    "Dorfstrasse",
    "Seestrasse",
    "Kirchweg",
    "Industriestrasse",
    "Schulhausstrasse",
    "Rosenweg",
    "Technikumstrasse",
    "Zürcherstrasse",
    "Rue du Marché",
    "Via Nassa",
    "Poststrasse",
    "Landstrasse",
]
COMPANY_WORDS = [
    "Alpen",
    "Berg",
    "Rhein",
    "Limmat",
    "Säntis",
    "Jura",
    "Aare",
    "Pilatus",
    "Seeland",
    "Eiger",
    "Tödi",
    "Rigi",
    "Glarner",
    "Emmen",
    "Thur",
    "Reuss",
]
PROJECT_WORDS = ["Neubau", "Sanierung", "Migration", "Wartung", "Umbau", "Einführung"]
COMPANY_TRADES = [
    "Bau",
    "Holzbau",
    "Elektro",
    "Sanitär",
    "Informatik",
    "Treuhand",
    "Druck",
    "Logistik",
    "Metallbau",
    "Gartenbau",
    "Immobilien",
    "Consulting",
    "Medien",
    "Maschinen",
    "Reinigung",
    "Transport",
]
LEGAL_FORMS = ["AG", "GmbH", "& Co.", "Genossenschaft"]
BANKS = [
    (81223, "Raiffeisenbank"),
    (700, "Zürcher Kantonalbank"),
    (230, "UBS Switzerland AG"),
    (4835, "Credit Suisse (Schweiz) AG"),
    (9000, "PostFinance AG"),
    (774, "Berner Kantonalbank"),
]

COUNTRIES = [
    ("Schweiz", "CH", "CH"),
    ("Deutschland", "D", "DE"),
    ("Österreich", "A", "AT"),
    ("Frankreich", "F", "FR"),
    ("Italien", "I", "IT"),
    ("Liechtenstein", "FL", "LI"),
    ("Niederlande", "NL", "NL"),
    ("Belgien", "B", "BE"),
    ("Spanien", "E", "ES"),
    ("Vereinigtes Königreich", "GB", "GB"),
    ("USA", "USA", "US"),
    ("Portugal", "P", "PT"),
    ("Polen", "PL", "PL"),
    ("Luxemburg", "L", "LU"),
    ("Schweden", "S", "SE"),
]
LANGUAGES = [
    ("Deutsch", "de", 1),
    ("Französisch", "fr", 1),
    ("Italienisch", "it", 1),
    ("Englisch", "en", 2),
    ("Portugiesisch", "pt", 1),
    ("Chinesisch", "zh", 1),
    ("Japanisch", "ja", 1),
    ("Spanisch", "es", 1),
]

# KMU-Kontenrahmen: (account_no, name, account_type, group_no)
ACCOUNT_GROUPS = [
    ("1", "Aktiven", None),
    ("10", "Umlaufvermögen", "1"),
    ("14", "Anlagevermögen", "1"),
    ("2", "Passiven", None),
    ("20", "Kurzfristiges Fremdkapital", "2"),
    ("28", "Eigenkapital", "2"),
    ("3", "Betrieblicher Ertrag aus Lieferungen und Leistungen", None),
    ("4", "Aufwand für Material, Handelswaren und Dienstleistungen", None),
    ("5", "Personalaufwand", None),
    ("6", "Übriger betrieblicher Aufwand", None),
    ("9", "Abschluss", None),
]
ACCOUNTS = [
    ("1000", "Kasse", 3, "10"),
    ("1020", "Bankguthaben", 3, "10"),
    ("1100", "Forderungen aus Lieferungen und Leistungen (Debitoren)", 3, "10"),
    ("1170", "Vorsteuer MWST Material, Waren, Dienstleistungen", 3, "10"),
    ("1171", "Vorsteuer MWST Investitionen, übriger Betriebsaufwand", 3, "10"),
    ("1200", "Handelswaren", 3, "10"),
    ("1300", "Aktive Rechnungsabgrenzungen", 3, "10"),
    ("1500", "Maschinen und Apparate", 3, "14"),
    ("1510", "Mobiliar und Einrichtungen", 3, "14"),
    ("1520", "Büromaschinen, Informatik", 3, "14"),
    ("1530", "Fahrzeuge", 3, "14"),
    ("2000", "Verbindlichkeiten aus Lieferungen und Leistungen (Kreditoren)", 4, "20"),
    ("2200", "Geschuldete MWST (Umsatzsteuer)", 4, "20"),
    ("2270", "Sozialversicherungen und Vorsorgeeinrichtungen", 4, "20"),
    ("2300", "Passive Rechnungsabgrenzungen", 4, "20"),
    ("2800", "Aktienkapital", 4, "28"),
    ("2970", "Gewinnvortrag oder Verlustvortrag", 4, "28"),
    ("3000", "Produktionserlöse", 1, "3"),
    ("3200", "Handelserlöse", 1, "3"),
    ("3400", "Dienstleistungserlöse", 1, "3"),
    ("3600", "Übrige Erlöse aus Lieferungen und Leistungen", 1, "3"),
    ("3800", "Erlösminderungen", 1, "3"),
    ("3805", "Verluste aus Forderungen", 1, "3"),
    ("4000", "Materialaufwand Produktion", 2, "4"),
    ("4200", "Handelswarenaufwand", 2, "4"),
    ("4400", "Aufwand für bezogene Dienstleistungen", 2, "4"),
    ("5000", "Lohnaufwand", 2, "5"),
    ("5700", "Sozialversicherungsaufwand", 2, "5"),
    ("5800", "Übriger Personalaufwand", 2, "5"),
    ("5820", "Reisespesen", 2, "5"),
    ("6000", "Raumaufwand", 2, "6"),
    ("6100", "Unterhalt, Reparaturen, Ersatz", 2, "6"),
    ("6200", "Fahrzeug- und Transportaufwand", 2, "6"),
    ("6300", "Sachversicherungen, Abgaben", 2, "6"),
    ("6400", "Energie- und Entsorgungsaufwand", 2, "6"),
    ("6500", "Verwaltungsaufwand", 2, "6"),
    ("6570", "Informatikaufwand inkl. Leasing", 2, "6"),
    ("6600", "Werbeaufwand", 2, "6"),
    ("6800", "Abschreibungen", 2, "6"),
    ("6900", "Finanzaufwand", 2, "6"),
    ("9200", "Gewinn / Verlust", 5, "9"),
]
# (code, digit, type, value, start_year, start_month, end_year, end_month, account_no, active)
TAXES = [
    ("UN81", "303", "sales_tax", 8.1, 2024, 1, None, None, "2200", True),
    ("UR26", "313", "sales_tax", 2.6, 2024, 1, None, None, "2200", True),
    ("UB38", "343", "sales_tax", 3.8, 2024, 1, None, None, "2200", True),
    ("UN77", "302", "sales_tax", 7.7, 2018, 1, 2023, 12, "2200", False),
    ("VM81", "400", "pre_tax", 8.1, 2024, 1, None, None, "1170", True),
    ("VI81", "405", "pre_tax_investment", 8.1, 2024, 1, None, None, "1171", True),
    ("UEX", "289", "not_taxable_turnover", 0.0, 2018, 1, None, None, "2200", True),
]
BUSINESS_ACTIVITIES = [
    ("Administration", False, None),
    ("Meeting", True, 150),
    ("Projekt Management", True, 165),
    ("Umsetzung", True, 140),
    ("Allgemein", True, 120),
    ("Support", True, 130),
]
ROLES = [
    "Projektleiterin",
    "Elektroinstallateur",
    "Software-Entwickler",
    "Sachbearbeiterin",
    "Servicetechniker",
    "Lernender Informatiker",
    "Buchhalterin",
    "Geschäftsführer",
]


def ensure_platform(store, access_token_lifetime=None):
    """OAuth client and logins every sandbox has."""
    with store.transaction():
        if store.get(GLOBAL, "oauth_client", DEMO_CLIENT_ID) is None:
            add_client(
                store,
                DEMO_CLIENT_ID,
                DEMO_CLIENT_SECRET,
                [],
                name="Odoo (demo)",
                allow_loopback=True,
            )


def add_client(
    store, client_id, secret, redirect_uris, name=None, allow_loopback=False
):
    with store.transaction():
        store.put(
            GLOBAL,
            "oauth_client",
            client_id,
            {
                "client_id": client_id,
                "secret": secret,
                "redirect_uris": list(redirect_uris),
                "name": name or client_id,
                "allow_loopback": allow_loopback,
            },
        )


def add_login(
    store, username, password, companies, given_name, family_name, gender="male"
):
    with store.transaction():
        store.put(
            GLOBAL,
            "login",
            username.lower(),
            {
                "username": username.lower(),
                "password": password,
                "email": username,
                "sub": str(uuid.uuid5(uuid.NAMESPACE_URL, username)),
                "given_name": given_name,
                "family_name": family_name,
                "gender": gender,
                "locale": "de-CH",
                "companies": companies,
            },
        )


def generate_company(
    store,
    company_id,
    name,
    *,
    seed,
    users,
    contacts,
    employees=0,
    projects=0,
    timesheets=0,
    invoices=0,
    payroll_enabled=True,
):
    """One company with its master data and generated records, in one transaction."""
    ensure_platform(store)
    gen = Generator(store, company_id, random.Random(seed))
    with store.transaction():
        gen.company(name, payroll_enabled=payroll_enabled)
        gen.master_data()
        gen.users(users)
        gen.contacts(contacts)
        gen.employees(employees)
        gen.projects(projects)
        gen.timesheets(timesheets)
        gen.invoices(invoices)
    return gen


def seed_demo(store, seed=7, *, company_id=DEMO_COMPANY, name="Alpenblick Technik AG"):
    """The demo company (a year of timesheets), the second company and both logins."""
    gen = generate_company(
        store,
        company_id,
        name,
        seed=seed,
        users=8,
        contacts=200,
        employees=30,
        projects=12,
        timesheets=None,
        invoices=20,
    )
    generate_company(
        store,
        OTHER_COMPANY,
        "Bergsicht Treuhand GmbH",
        seed=seed + 1,
        users=1,
        contacts=5,
        payroll_enabled=False,
    )
    add_login(
        store, DEMO_LOGIN, DEMO_PASSWORD, {company_id: 1}, "Regula", "Brunner", "female"
    )
    add_login(
        store,
        "treuhand@sandbox.bexio.local",
        DEMO_PASSWORD,
        {company_id: 2, OTHER_COMPANY: 1},
        "Peter",
        "Graf",
    )
    return gen


def seed_large(
    store,
    seed=11,
    *,
    contacts=10000,
    employees=300,
    projects=100,
    timesheets=50000,
    company_id="bigco0000001",
    name="Grossbetrieb Muster AG",
):
    """A large company for benchmarks, plus a login that sees it."""
    gen = generate_company(
        store,
        company_id,
        name,
        seed=seed,
        users=40,
        contacts=contacts,
        employees=employees,
        projects=projects,
        timesheets=timesheets,
    )
    add_login(
        store, large_login(company_id), DEMO_PASSWORD, {company_id: 1}, "Admin", "Gross"
    )
    return gen


def large_login(company_id):
    return f"admin@{company_id}.sandbox.bexio.local"


TRUSTEE_LOGIN = "mandate@sandbox.bexio.local"


def trustee_company(number):
    """The id of the ``number``-th generated client company (1-based), 12 characters."""
    return f"mandant{number:05d}"


def seed_trustees(
    store,
    count=20,
    seed=101,
    *,
    contacts=40,
    employees=5,
    projects=3,
    timesheets=120,
    backlog=0,
):
    """``count`` small client companies of one trustee, and the trustee's login that
    sees all of them (bexio's company choice at sign-in picks one).

    ``backlog`` more employees in the first company: its edits then queue behind each other.
    """
    companies = {}
    for number in range(1, count + 1):
        company_id = trustee_company(number)
        generate_company(
            store,
            company_id,
            f"Mandant {number:02d} {COMPANY_TRADES[number % len(COMPANY_TRADES)]} AG",
            seed=seed + number,
            users=2,
            contacts=contacts,
            employees=employees + (backlog if number == 1 else 0),
            projects=projects,
            timesheets=timesheets,
        )
        companies[company_id] = number
    add_login(store, TRUSTEE_LOGIN, DEMO_PASSWORD, companies, "Andrea", "Keller")
    return list(companies)


class Generator:
    def __init__(self, store, company_id, rng):
        self.store = store
        self.company_id = company_id
        self.rng = rng
        self.env = r.Env(
            store,
            company_id,
            now=datetime.datetime(2026, 11, 2, 9, 0, tzinfo=r.ZURICH_OFFSET),
        )
        self.customer_ids = []
        self.user_ids = []

    def company(self, name, payroll_enabled):
        self.name = name
        existing = self.store.get(GLOBAL, "company", self.company_id) or {}
        self.store.put(
            GLOBAL,
            "company",
            self.company_id,
            {
                "id": self.company_id,
                "name": name,
                "shard_id": str(uuid.uuid4()),
                "payroll_enabled": existing.get("payroll_enabled", payroll_enabled),
                "vat": existing.get("vat", "net"),
                "uid": swiss.make_uid(zlib.crc32(self.company_id.encode()) % 10**8),
            },
        )

    def _put(self, kind, doc):
        self.store.put(self.company_id, kind, doc["id"], doc)
        # Keep the id sequence ahead of seeded fixed ids.
        key = f"seq:{self.company_id}:{kind}"
        if int(self.store.get_meta(key, "0")) < doc["id"]:
            self.store.set_meta(key, str(doc["id"]))

    def master_data(self):
        rng = self.rng
        for i, (name, short, iso) in enumerate(COUNTRIES, 1):
            self._put(
                "country",
                {"id": i, "name": name, "name_short": short, "iso_3166_alpha2": iso},
            )
        for i, (name, iso, fmt) in enumerate(LANGUAGES, 1):
            self._put(
                "language",
                {
                    "id": i,
                    "name": name,
                    "decimal_point": ".",
                    "thousands_separator": "'",
                    "date_format_id": fmt,
                    "date_format": "d.m.Y" if fmt == 1 else "m/d/Y",
                    "iso_639_1": iso,
                },
            )
        for kind, names in (
            ("salutation", ["Herr", "Frau", "Familie", "Herr & Frau"]),
            ("title", ["Dr.", "Prof.", "Dr. med."]),
            (
                "contact_group",
                ["Partner", CUSTOMER_GROUP, "Lieferanten", EMPLOYEE_GROUP],
            ),
            ("contact_branch", ["Bau", "Informatik", "Handel", "Dienstleistungen"]),
            ("unit", ["Stk", "h", "Pauschal", "km"]),
            (
                "payment_type",
                [
                    "Vorauszahlung",
                    "Barzahlung",
                    "EC Karte",
                    "Rechnung",
                    "Nachnahme",
                    "Kreditkarte",
                    "Bankeinzug/LSV",
                ],
            ),
            ("pr_project_state", ["Aktiv", "Archiviert", "Offen"]),
            ("pr_project_type", ["Internes Projekt", "Kundenprojekt"]),
            ("timesheet_status", ["Offen", "In Bearbeitung", "Erledigt", "Verrechnet"]),
        ):
            for i, name in enumerate(names, 1):
                self._put(kind, {"id": i, "name": name})
        for i, (name, rate) in enumerate(
            (("CHF", 0.05), ("EUR", 0.01), ("USD", 0.01)), 1
        ):
            self._put("currency", {"id": i, "name": name, "round_factor": rate})
        groups = {}
        for i, (no, name, parent) in enumerate(ACCOUNT_GROUPS, 1):
            groups[no] = i
            self._put(
                "account_group",
                {
                    "id": i,
                    "uuid": str(uuid.UUID(int=rng.getrandbits(128))),
                    "account_no": no,
                    "name": name,
                    "parent_fibu_account_group_id": groups.get(parent),
                    "is_active": True,
                    "is_locked": False,
                },
            )
        self.accounts = {}
        for i, (no, name, kind, group) in enumerate(ACCOUNTS, 1):
            self.accounts[no] = 100 + i
            self._put(
                "account",
                {
                    "id": 100 + i,
                    "uuid": str(uuid.UUID(int=rng.getrandbits(128))),
                    "account_no": no,
                    "name": name,
                    "account_type": kind,
                    "tax_id": None,
                    "fibu_account_group_id": groups[group],
                    "is_active": True,
                    "is_locked": False,
                },
            )
        self.taxes = {}
        for i, (code, digit, kind, value, sy, sm, ey, em, account, active) in enumerate(
            TAXES, 14
        ):
            self.taxes[code] = i
            label = {
                "sales_tax": "Umsatz",
                "pre_tax": "Vorsteuer",
                "pre_tax_investment": "Vorsteuer Investitionen",
                "not_taxable_turnover": "Nicht steuerbarer Umsatz",
            }[kind]
            self._put(
                "tax",
                {
                    "id": i,
                    "uuid": str(uuid.UUID(int=rng.getrandbits(128))),
                    "name": f"lib.model.tax.ch.{kind}_{digit}.name",
                    "code": code,
                    "digit": digit,
                    "type": kind,
                    "account_id": self.accounts[account],
                    "tax_settlement_type": "none",
                    "value": value,
                    "net_tax_value": None,
                    "start_year": sy,
                    "start_month": sm,
                    "end_year": ey,
                    "end_month": em,
                    "is_active": active,
                    "display_name": f"{code} - {label} {value:.2f}%",
                },
            )
        for i, (name, billable, price) in enumerate(BUSINESS_ACTIVITIES, 1):
            self._put(
                "client_service",
                {
                    "id": i,
                    "name": name,
                    "default_is_billable": billable,
                    "default_price_per_hour": price,
                    "account_id": self.accounts["3400"] if billable else None,
                },
            )
        town = TOWNS[0]
        self._put(
            "company_profile",
            dict(
                {f.name: f.default for f in r.COMPANY_PROFILE.schema.fields},
                id=1,
                name=self.name,
                address="Technikumstrasse",
                address_nr="71",
                postcode=town[0],
                city=town[1],
                country_id=1,
                legal_form="corporation",
                country_name="Schweiz",
                mail=f"info@{self.company_id}.example.ch",
                phone_fixed="+41 52 555 12 34",
                url=f"https://{self.company_id}.example.ch",
                mwst_nr=swiss.make_uid(4321000 + len(self.company_id)) + " MWST",
                ust_id_nr=swiss.make_uid(4321000 + len(self.company_id)),
                trade_register_nr="CH-020.3.012.345-6",
                logo_base64=None,
            ),
        )
        iban = swiss.make_ch_iban(81223, 780488303006)
        self._put(
            "bank_account",
            dict(
                {f.name: f.default for f in r.BANK_ACCOUNTS.schema.fields},
                id=1,
                uuid=str(uuid.UUID(int=rng.getrandbits(128))),
                name="Raiffeisen Geschäftskonto",
                owner=self.name,
                owner_address="Technikumstrasse",
                owner_house_number="71",
                owner_zip=town[0],
                owner_city=town[1],
                owner_country_code="CH",
                bc_nr="81223",
                bank_name="Raiffeisenbank Winterthur",
                bank_account_nr="780488303006",
                iban_nr=iban,
                currency_id=1,
                account_id=self.accounts["1020"],
                remarks="",
                esr_besr_id="",
                esr_post_account_nr="",
                esr_payment_for_text="",
                esr_in_favour_of_text="",
                invoice_mode="qr_iban",
                qr_invoice_iban=swiss.make_ch_iban(30000, 780488303006),
                bank_nr="RAIFCH22",
            ),
        )
        for i, (text, klass, fmt) in enumerate(
            (
                ("Angebot", "KbOffer", "AN-%nummer%"),
                ("Auftrag", "KbOrder", "AU-%nummer%"),
                ("Rechnung", "KbInvoice", "RE-%nummer%"),
                ("Lieferschein", "KbDelivery", "LS-%nummer%"),
                ("Gutschrift", "KbCreditVoucher", "GS-%nummer%"),
            ),
            1,
        ):
            self._put(
                "kb_item_setting",
                {
                    "id": i,
                    "text": text,
                    "kb_item_class": klass,
                    "enumeration_format": fmt,
                    "use_automatic_enumeration": True,
                    "use_yearly_enumeration": False,
                    "next_nr": 1,
                    "nr_min_length": 5,
                    "default_time_period_in_days": 30,
                    "default_logopaper_id": 1,
                    "default_language_id": 1,
                    "default_client_bank_account_new_id": 1,
                    "default_currency_id": 1,
                    # VAT added to the prices, as on the live test company (recording
                    # DocumentSettings/fetch-a-list-of-document-settings.json).
                    "default_mwst_type": 0,
                    "default_mwst_is_net": True,
                    "default_nb_decimals_amount": 2,
                    "default_nb_decimals_price": 2,
                    "default_show_position_taxes": False,
                    "default_title": text,
                    "default_show_esr_on_same_page": False,
                    "default_payment_type_id": 4,
                    "kb_terms_of_payment_template_id": 1,
                    "default_show_total": True,
                },
            )

    def users(self, count):
        rng = self.rng
        for i in range(1, count + 1):
            gender = rng.choice(("male", "female"))
            first, last = rng.choice(FIRST_NAMES[gender]), rng.choice(LAST_NAMES)
            self._put(
                "user",
                {
                    "id": i,
                    "salutation_type": gender,
                    "firstname": first,
                    "lastname": last,
                    "email": f"{first}.{last}.{i}@{self.company_id}.example.ch".lower()
                    .replace("ü", "ue")
                    .replace("ä", "ae")
                    .replace("ö", "oe"),
                    "is_superadmin": i == 1,
                    "is_accountant": i == 2,
                },
            )
            self.user_ids.append(i)

    def _address(self):
        postcode, city, _canton = self.rng.choice(TOWNS)
        return self.rng.choice(STREETS), str(self.rng.randint(1, 120)), postcode, city

    def contacts(self, count):
        rng = self.rng
        batch = []
        for n in range(count):
            street, number, postcode, city = self._address()
            if n % 4 == 3:  # a quarter are persons
                gender = rng.choice(("male", "female"))
                values = {
                    "contact_type_id": 2,
                    "name_1": rng.choice(LAST_NAMES),
                    "name_2": rng.choice(FIRST_NAMES[gender]),
                    "salutation_id": 1 if gender == "male" else 2,
                }
            else:
                values = {
                    "contact_type_id": 1,
                    "name_1": f"{rng.choice(COMPANY_WORDS)}{rng.choice(COMPANY_TRADES).lower()} "
                    f"{rng.choice(LEGAL_FORMS)}",
                    "name_2": "",
                }
            customer = n % 10 < 6  # 60% customers, the rest partners and suppliers
            values.update(
                street_name=street,
                house_number=number,
                postcode=postcode,
                city=city,
                country_id=1,
                mail=f"kontakt{n + 1}@example.ch",
                phone_fixed=f"+41 {rng.randint(21, 81)} {rng.randint(100, 999)} "
                f"{rng.randint(10, 99)} {rng.randint(10, 99)}",
                contact_group_ids="2" if customer else rng.choice(("1", "3")),
                language_id=1,
                user_id=1,
                owner_id=1,
            )
            doc = r.CONTACTS.create(self.env, values)
            if customer:
                self.customer_ids.append(doc["id"])
            batch.append(doc)
        return batch

    def employees(self, count):
        rng = self.rng
        for n in range(count):
            gender = rng.choice(("male", "female"))
            first, last = rng.choice(FIRST_NAMES[gender]), rng.choice(LAST_NAMES)
            street, number, postcode, city = self._address()
            canton = next(t[2] for t in TOWNS if t[0] == postcode)
            bank, _name = rng.choice(BANKS)
            email = (
                f"{first}.{last}.{n + 1}@{self.company_id}.example.ch".lower()
                .replace("ü", "ue")
                .replace("ä", "ae")
                .replace("ö", "oe")
                .replace("é", "e")
                .replace("è", "e")
            )
            birth = datetime.date(
                rng.randint(1962, 2006), rng.randint(1, 12), rng.randint(1, 28)
            )
            doc = r.create_employee(
                self.env,
                {
                    "first_name": first,
                    "last_name": last,
                    "gender": gender,
                    "date_of_birth": birth.isoformat(),
                    "ahv_number": swiss.make_ahv(rng.randint(10**8, 10**9 - 1)),
                    "iban": swiss.make_ch_iban(bank, rng.randint(10**9, 10**12 - 1)),
                    "nationality": rng.choice(("CH",) * 6 + ("DE", "IT", "PT", "FR")),
                    "language": "it"
                    if city == "Lugano"
                    else "fr"
                    if city in ("Lausanne", "Genève")
                    else "de",
                    "marital_status": rng.choice(
                        ("single", "married", "married", "divorced")
                    ),
                    "email": email,
                    "phone_number": "+41 79 %03d %02d %02d"
                    % (rng.randint(100, 999), rng.randint(10, 99), rng.randint(10, 99)),
                    "personal_number": str(1001 + n),
                    "address": {
                        "street_name": street,
                        "house_number": number,
                        "zip_code": postcode,
                        "city": city,
                        "country": "CH",
                        "canton": canton,
                        "complementary_line": None,
                        "street": f"{street} {number}",
                        "postbox": None,
                        "locality": None,
                        "municipality_id": MUNICIPALITIES.get(city),
                    },
                },
            )
            level = rng.choice((100, 100, 100, 80, 60, 40))
            doc.update(
                employment_level=level,
                hours_per_week=round(42 * level / 100, 1),
                effective_working_hours_per_week=round(42 * level / 100, 1),
            )
            self.store.put(self.company_id, "payroll_employee", doc["id"], doc)
            r.CONTACTS.create(
                self.env,
                {
                    "contact_type_id": 2,
                    "name_1": last,
                    "name_2": first,
                    "salutation_id": 1 if gender == "male" else 2,
                    "street_name": street,
                    "house_number": number,
                    "postcode": postcode,
                    "city": city,
                    "country_id": 1,
                    "mail": email,
                    "birthday": birth.isoformat(),
                    "contact_group_ids": "4",
                    # Many companies give employees' contacts the personnel number as number.
                    "nr": str(1001 + n),
                    "remarks": f"Personalnummer {1001 + n}",
                    "user_id": 1,
                    "owner_id": 1,
                },
            )

    def projects(self, count):
        rng = self.rng
        self.project_ids = []
        if not self.customer_ids:
            return
        for n in range(count):
            start = datetime.date(2025, rng.randint(1, 12), rng.randint(1, 28))
            doc = r.PROJECTS.create(
                self.env,
                {
                    "name": f"{rng.choice(PROJECT_WORDS)} {rng.choice(COMPANY_WORDS)} {n + 1}",
                    "start_date": f"{start.isoformat()} 00:00:00",
                    "pr_state_id": 2 if n % 6 == 5 else 1,
                    "pr_project_type_id": 2,
                    "contact_id": rng.choice(self.customer_ids),
                    "user_id": rng.choice(self.user_ids),
                    "pr_invoice_type_id": 3,
                    "pr_invoice_type_amount": "140",
                    "pr_budget_type_id": 2,
                    "pr_budget_type_amount": str(rng.randint(40, 400)),
                },
            )
            self.project_ids.append(doc["id"])
            for name in rng.sample(
                ("Analyse", "Konzept", "Umsetzung", "Test", "Abnahme", "Dokumentation"),
                rng.randint(2, 4),
            ):
                r.PACKAGES.create(
                    self.env,
                    {"name": name, "estimated_time_in_hours": rng.randint(8, 80)},
                    _project=doc["id"],
                )

    def timesheets(self, count=None):
        """``count=None``: a year (November 2025 to October 2026) for the time-keeping users."""
        rng = self.rng
        if count == 0 or not getattr(self, "project_ids", None):
            return
        first_day = datetime.date(2025, 11, 3)
        day = first_day
        keepers = self.user_ids[1:] or self.user_ids
        made = 0
        limit = count if count is not None else 10**9
        last_day = datetime.date(2026, 10, 30)
        while made < limit:
            if day > last_day:
                if count is None:
                    break
                day = first_day
            if day.weekday() < 5:
                for user in keepers:
                    if made >= limit:
                        break
                    if count is None and rng.random() < 0.35:
                        continue
                    project = rng.choice(self.project_ids)
                    activity = rng.choice((2, 3, 4, 4, 4, 5, 6))
                    r.TIMESHEETS.create(
                        self.env,
                        {
                            "user_id": user,
                            "client_service_id": activity,
                            "pr_project_id": project,
                            "contact_id": self.store.get(
                                self.company_id, "pr_project", project
                            )["contact_id"],
                            "text": rng.choice(
                                (
                                    "Besprechung mit Kunde",
                                    "Installation vor Ort",
                                    "Programmierung",
                                    "Dokumentation erstellt",
                                    "Fehleranalyse",
                                    "Koordination",
                                )
                            ),
                            "allowable_bill": activity != 1,
                            "status_id": 3,
                            "tracking": {
                                "type": "duration",
                                "date": day.isoformat(),
                                "duration": "%d:%s"
                                % (
                                    rng.randint(0, 7),
                                    rng.choice(("00", "15", "30", "45")),
                                ),
                            },
                        },
                    )
                    made += 1
            day += datetime.timedelta(days=1)

    def invoices(self, count):
        rng = self.rng
        if not self.customer_ids:
            return
        for n in range(count):
            positions = [
                {
                    "type": "KbPositionCustom",
                    "amount": str(rng.randint(1, 40)),
                    "unit_price": str(rng.choice((95, 120, 140, 165))),
                    "unit_id": 2,
                    "account_id": self.accounts["3400"],
                    "tax_id": self.taxes["UN81"],
                    "text": rng.choice(
                        ("Dienstleistung", "Montage", "Beratung", "Support")
                    ),
                }
                for _ in range(rng.randint(1, 4))
            ]
            doc = invoices.INVOICES.create(
                self.env,
                {
                    "title": f"Rechnung {n + 1}",
                    "contact_id": rng.choice(self.customer_ids),
                    "user_id": 1,
                    "mwst_type": 0,
                    "mwst_is_net": True,
                    "positions": positions,
                },
            )
            status = rng.choice(
                (invoices.DRAFT, invoices.PENDING, invoices.PENDING, invoices.PAID)
            )
            if status != invoices.DRAFT:
                doc = dict(
                    doc,
                    kb_item_status_id=status,
                    network_link=f"https://office.bexio.com/s/{rng.getrandbits(64):016x}",
                )
                if status == invoices.PAID:
                    doc["_payments"] = [
                        {
                            "id": n + 1,
                            "date": "2026-10-15",
                            "value": doc["total"],
                            "bank_account_id": doc["bank_account_id"],
                            "title": "Zahlungseingang",
                            "payment_service_id": None,
                            "is_client_account_redemption": False,
                            "is_cash_discount": False,
                            "kb_invoice_id": doc["id"],
                            "kb_credit_voucher_id": None,
                            "kb_credit_voucher_text": "",
                            "kb_bill_id": None,
                        }
                    ]
                    invoices.INVOICES.compute_totals(self.env, doc)
                self.store.put(self.company_id, "kb_invoice", doc["id"], doc)
