from . import oauth_state
from . import token_provider
from . import connection_probe
from . import record_changes
from . import address
from . import cron_waker
from . import redact
from . import company_master_data
