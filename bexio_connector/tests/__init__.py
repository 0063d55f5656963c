from . import test_connection
from . import test_cron_waker
from . import test_oauth
from . import test_security
from . import test_tokens
from . import test_rights
from . import test_systray
from . import test_channels
