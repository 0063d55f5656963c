from . import compliance
from . import phrases
from . import signing
