"""bexio resources, one module per area of the API."""

from .accounting import (
    Account,
    AccountGroup,
    AccountGroups,
    Accounts,
    BankAccount,
    BankAccounts,
    Currencies,
    Currency,
    DocumentSetting,
    DocumentSettings,
    Tax,
    Taxes,
)
from .base import Criterion
from .company import CompanyProfile, CompanyProfiles, Permissions, User, Users
from .contacts import (
    Contact,
    ContactGroup,
    ContactGroups,
    ContactRelation,
    ContactRelations,
    Contacts,
    ContactSector,
    ContactSectors,
    Countries,
    Country,
    Language,
    Languages,
    PaymentType,
    PaymentTypes,
    Salutation,
    Salutations,
    Title,
    Titles,
    Unit,
    Units,
)
from .invoices import Invoice, InvoicePdf, Invoices, Payment, Position, custom_position
from .payroll import Absence, Employee, PayrollEmployees
from .projects import (
    BusinessActivities,
    BusinessActivity,
    Milestone,
    Project,
    Projects,
    ProjectState,
    ProjectStates,
    ProjectType,
    ProjectTypes,
    Timesheet,
    Timesheets,
    TimesheetStatus,
    TimesheetStatuses,
    WorkPackage,
)
