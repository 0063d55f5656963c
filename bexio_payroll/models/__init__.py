from . import bexio_connection
from . import hr_employee
from . import importer
from . import hr_leave_type
from . import hr_leave
from . import res_partner_bank
