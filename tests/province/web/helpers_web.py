"""Signing in to the dashboard as a browser would: read the form's CSRF field, post the form."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from httpx import Response

CSRF_RE = re.compile(r'name="csrf" value="([^"]+)"')


def csrf_of(html: str) -> str:
    found = CSRF_RE.search(html)
    assert found is not None, html[:500]
    return found.group(1)


def sign_in(client: TestClient, username: str, password: str, **headers: str) -> Response:
    form = client.get("/")
    assert form.status_code == 200
    return client.post(
        "/masuk",
        data={"csrf": csrf_of(form.text), "username": username, "password": password},
        headers=headers,
        follow_redirects=False,
    )
