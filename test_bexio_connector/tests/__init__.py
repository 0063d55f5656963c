from . import test_outbox
from . import test_sync_run
from . import test_outbox_rights
from . import test_cron_trigger_sql
from . import test_copy_guard
