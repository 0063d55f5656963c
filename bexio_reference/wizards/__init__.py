from . import bexio_reference_wizard
