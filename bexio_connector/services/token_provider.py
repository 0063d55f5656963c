"""Tokens of a bexio connection, as the SDK's transport needs them.

The SDK asks for an access token before each call and for a refresh after a 401; both go to the
connection, which refreshes under a lock of its bexio.token row in a short transaction of its
own (see ``bexio.connection._refresh_tokens``).
"""

from bexio_api import TokenProvider


class ConnectionTokenProvider(TokenProvider):
    def __init__(self, connection):
        self.connection = connection

    def access_token(self):
        return self.connection._get_access_token()

    def refresh(self, failed_token):
        return self.connection._refresh_tokens(failed_token=failed_token)
