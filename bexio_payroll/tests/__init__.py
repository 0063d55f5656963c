from . import test_absences
from . import test_payroll_sync
from . import test_payroll_rights
