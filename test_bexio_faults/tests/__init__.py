from . import test_fault_suite
