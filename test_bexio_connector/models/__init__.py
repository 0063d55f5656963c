from . import bexio_connection
from . import test_bexio_record
