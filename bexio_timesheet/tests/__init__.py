from . import test_import
from . import test_invoices
from . import test_timesheet_rights
from . import test_invoice_payments
from . import test_invoice_accounts
from . import test_incremental_import
