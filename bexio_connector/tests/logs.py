# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What the server would write to its log, captured for a test to read."""

import logging
from contextlib import contextmanager

# The bexio code's own loggers are captured down to DEBUG; the rest as the server logs them.
BEXIO_LOGGERS = (
    "bexio_api",
    "odoo.addons.bexio_connector",
    "odoo.addons.bexio_payroll",
    "odoo.addons.bexio_timesheet",
    "odoo.addons.queue_job",
)


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.lines = []

    def emit(self, record):
        text = record.getMessage()
        if record.exc_info:
            text += "\n" + logging.Formatter().formatException(record.exc_info)
        self.lines.append(text)


@contextmanager
def captured_log():
    """Yield a list that fills with every log line written inside the block."""
    handler = _Collect()
    root = logging.getLogger()
    levels = {name: logging.getLogger(name).level for name in BEXIO_LOGGERS}
    root.addHandler(handler)
    for name in BEXIO_LOGGERS:
        logging.getLogger(name).setLevel(logging.DEBUG)
    try:
        yield handler.lines
    finally:
        root.removeHandler(handler)
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)
