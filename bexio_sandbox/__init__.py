"""A local bexio: OAuth server and REST API with persistent storage, a seeded demo company,
and fault, latency and rate-limit injection. Shares no code with the SDK on purpose."""

from .app import Sandbox
from .seed import (
    DEMO_CLIENT_ID,
    DEMO_CLIENT_SECRET,
    DEMO_COMPANY,
    DEMO_LOGIN,
    DEMO_PASSWORD,
    OTHER_COMPANY,
)
from .server import SandboxServer
from .store import Store
