from . import bexio_connection
from . import bexio_outbox
from . import bexio_token
from . import bexio_sync_mixin
from . import bexio_sync_progress
from . import bexio_sync_run
from . import res_company
from . import res_config_settings
