from . import bexio_connection_check
