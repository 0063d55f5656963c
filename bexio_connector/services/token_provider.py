"""Tokens of a bexio connection, as the SDK's transport needs them.

The SDK asks for an access token before each call and for a refresh after a 401; both go to the
connection, which refreshes under a lock of its bexio.token row in a short transaction of its
own (see ``bexio.connection._refresh_tokens``).
"""

from bexio_api import TokenProvider


class ConnectionTokenProvider(TokenProvider):
    def __init__(self, connection):
        self.connection = connection
        # A job reads the token row in its own snapshot (REPEATABLE READ): after a refresh
        # committed by another transaction it keeps reading the revoked token, and every
        # call would meet a 401 before using the new one. What replaced what is kept here.
        self._replaced_by = {}

    def access_token(self):
        token = self.connection._get_access_token()
        return self._replaced_by.get(token, token)

    def refresh(self, failed_token):
        token = self.connection._refresh_tokens(failed_token=failed_token)
        if token and token != failed_token:
            for old, new in self._replaced_by.items():
                if new == failed_token:
                    self._replaced_by[old] = token
            self._replaced_by[failed_token] = token
        return token
