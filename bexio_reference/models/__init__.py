from . import bexio_reference_facts
from . import bexio_reference
from . import bexio_reference_finding
from . import bexio_reference_key
from . import res_company
from . import ir_attachment
