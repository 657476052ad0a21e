"""Connect the shop owner's Fortnox company: OAuth2 activation and the code-for-token exchange."""

import base64
import os
import secrets
from urllib.parse import urlencode

import requests

AUTH_URL = "https://apps.fortnox.se/oauth-v1/auth"
TOKEN_URL = "https://apps.fortnox.se/oauth-v1/token"
# Moved under /oauth/ when the shop got a second login provider; the portal was never updated.
REDIRECT_URI = "https://shop.example.com/fortnox/oauth/callback"
# What the shop asks each customer to approve. (Payments were added to the client later.)
SCOPES = ["customer", "order", "invoice"]


def activation_url() -> tuple[str, str]:
    """The link that sends the shop owner to Fortnox, and the state to check on the way back."""
    state = secrets.token_urlsafe(16)
    query = urlencode({
        "client_id": os.environ["FORTNOX_CLIENT_ID"],
        "redirect_uri": REDIRECT_URI,
        "scope": " ".join(SCOPES),
        "state": state,
        "access_type": "offline",
        "response_type": "code",
    })
    return f"{AUTH_URL}?{query}", state


def exchange_code(code: str) -> dict:
    """Trade the authorization code from the callback for an access and a refresh token."""
    pair = f'{os.environ["FORTNOX_CLIENT_ID"]}:{os.environ["FORTNOX_CLIENT_SECRET"]}'
    basic = base64.b64encode(pair.encode()).decode()
    response = requests.post(TOKEN_URL,
                             data={"grant_type": "authorization_code", "code": code,
                                   "redirect_uri": REDIRECT_URI},
                             headers={"Authorization": f"Basic {basic}"})
    response.raise_for_status()
    return response.json()
