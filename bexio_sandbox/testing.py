"""Helpers for tests that sign in to the sandbox as a person would, over real HTTP."""

from urllib.parse import parse_qs, urlsplit

import requests

from .seed import DEMO_LOGIN, DEMO_PASSWORD


def submit_login(
    authorize_url,
    username=DEMO_LOGIN,
    password=DEMO_PASSWORD,
    decision="allow",
    company=None,
    timeout=10,
):
    """Open the sandbox's sign-in page at ``authorize_url`` and submit it.

    Returns the sandbox's answer: a 302 to the client's redirect URI (with ``code`` and
    ``state``, or ``error``), or a 200 page (wrong password, company to choose).
    """
    page = requests.get(authorize_url, timeout=timeout)
    page.raise_for_status()
    form = {k: v[0] for k, v in parse_qs(urlsplit(authorize_url).query).items()}
    form.update(username=username, password=password, decision=decision)
    if company:
        form["company"] = company
    return requests.post(
        authorize_url.split("?")[0], data=form, allow_redirects=False, timeout=timeout
    )


def redirect_params(answer):
    """The query parameters of the redirect the sandbox answered with."""
    if answer.status_code != 302:
        raise AssertionError(
            f"expected a redirect, got {answer.status_code}: {answer.text[:300]}"
        )
    return {
        k: v[0] for k, v in parse_qs(urlsplit(answer.headers["Location"]).query).items()
    }
