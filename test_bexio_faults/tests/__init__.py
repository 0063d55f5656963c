from . import test_fault_suite
from . import test_sync_retries
