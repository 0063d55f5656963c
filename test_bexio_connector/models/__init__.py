from . import test_bexio_record
