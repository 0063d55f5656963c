from . import test_payroll_sync
