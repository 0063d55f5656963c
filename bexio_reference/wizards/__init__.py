from . import bexio_reference_wizard
from . import bexio_reference_finding_accept
