from . import employee_mapping
