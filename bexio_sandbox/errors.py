"""Errors a sandbox handler raises; the app renders them the way bexio does for the route."""


class ApiError(Exception):
    def __init__(self, status, message, errors=None, headers=None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.errors = errors
        self.headers = headers or {}
