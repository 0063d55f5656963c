"""A Python SDK for the bexio REST API (no Odoo import anywhere in this package)."""

from .client import BexioClient
from .errors import (
    ApiError,
    BexioError,
    Conflict,
    Forbidden,
    Gone,
    InvalidGrant,
    InvalidRecord,
    InsufficientRights,
    InvalidResponse,
    MissingScope,
    ModuleNotSubscribed,
    NotFound,
    OAuthError,
    RateLimited,
    ServerError,
    TransportError,
    Unauthorized,
    UnexpectedRedirect,
    ValidationError,
)
from .oauth import OAuthClient, RefreshingTokenProvider, Token, scopes_for
from .resources import Criterion
from .transport import StaticToken, TokenProvider, Transport

__version__ = "18.0.1.0.0"
