from . import test_compliance
from . import test_compliance_findings
from . import test_reference_flow
from . import test_reference_permissions
from . import test_reference_pdf
from . import test_reference_handoff
