"""The entry point: one BexioClient per bexio company connection."""

from . import resources as r
from .transport import DEFAULT_API_URL, StaticToken, Transport


class BexioClient:
    """All bexio resources the product uses, sharing one transport (session, retries, tokens).

    ``token`` is a TokenProvider (see ``bexio_api.oauth.RefreshingTokenProvider``) or a plain
    string for a Personal Access Token. Other keyword arguments go to ``Transport``.
    """

    def __init__(self, token, api_url=DEFAULT_API_URL, **transport_options):
        provider = StaticToken(token) if isinstance(token, str) else token
        self.transport = Transport(provider, api_url, **transport_options)
        t = self.transport
        self.contacts = r.Contacts(t)
        self.contact_groups = r.ContactGroups(t)
        self.contact_sectors = r.ContactSectors(t)
        self.contact_relations = r.ContactRelations(t)
        self.countries = r.Countries(t)
        self.salutations = r.Salutations(t)
        self.titles = r.Titles(t)
        self.languages = r.Languages(t)
        self.units = r.Units(t)
        self.payment_types = r.PaymentTypes(t)
        self.payroll_employees = r.PayrollEmployees(t)
        self.users = r.Users(t)
        self.permissions = r.Permissions(t)
        self.company_profiles = r.CompanyProfiles(t)
        self.projects = r.Projects(t)
        self.project_states = r.ProjectStates(t)
        self.project_types = r.ProjectTypes(t)
        self.timesheets = r.Timesheets(t)
        self.timesheet_statuses = r.TimesheetStatuses(t)
        self.business_activities = r.BusinessActivities(t)
        self.invoices = r.Invoices(t)
        self.accounts = r.Accounts(t)
        self.account_groups = r.AccountGroups(t)
        self.taxes = r.Taxes(t)
        self.currencies = r.Currencies(t)
        self.bank_accounts = r.BankAccounts(t)
        self.document_settings = r.DocumentSettings(t)

    @property
    def requests_sent(self):
        """HTTP requests sent so far, retries included (for sync logs and benchmarks)."""
        return self.transport.requests_sent
