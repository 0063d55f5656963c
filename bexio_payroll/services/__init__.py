from . import absence_mapping
from . import employee_mapping
