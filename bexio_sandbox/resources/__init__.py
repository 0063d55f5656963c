"""The sandbox's bexio resources, one module per area of the API as in ``bexio_api.resources``.

Written from bexio's docs and recordings, not from the SDK: the contract test
(tests/contract/test_sdk_contract.py) compares the two, so a divergence is reported, not shared.
"""

from . import accounting, base, company, contacts, invoices, payroll, projects
from .base import (
    Collection,
    Env,
    Reply,
    ZURICH_OFFSET,
)
from .contacts import (
    CONTACTS,
    CONTACT_GROUPS,
    CONTACT_RELATIONS,
    CONTACT_SECTORS,
    COUNTRIES,
    LANGUAGES,
    PAYMENT_TYPES,
    SALUTATIONS,
    TITLES,
    UNITS,
)
from .company import (
    COMPANY_PROFILE,
    RIGHTS_AREAS,
    RIGHT_LEVELS,
    USERS,
    h_permissions,
    h_users_me,
    may,
    rights_area,
)
from .accounting import (
    ACCOUNTS,
    ACCOUNT_GROUPS,
    BANK_ACCOUNTS,
    CURRENCIES,
    ITEM_SETTINGS,
    TAXES,
    h_currency_codes,
    h_tax_delete,
    h_taxes,
)
from .projects import (
    BUSINESS_ACTIVITIES,
    MILESTONES,
    PACKAGES,
    PROJECTS,
    PROJECT_STATES,
    PROJECT_TYPES,
    TIMESHEETS,
    TIMESHEET_STATUSES,
)
from .payroll import (
    ProblemError,
    create_employee,
    h_absence_create,
    h_absence_delete,
    h_absence_put,
    h_absence_show,
    h_absences,
    h_employee_create,
    h_employee_patch,
    h_employee_show,
    h_employees,
)
