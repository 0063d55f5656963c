from . import bexio_connection
from . import hr_employee
