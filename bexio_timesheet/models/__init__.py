from . import bexio_master_data
from . import bindings
from . import bexio_connection
from . import importer
from . import mapping
from . import account_move
from . import analytic_line
from . import bexio_invoice_payment
