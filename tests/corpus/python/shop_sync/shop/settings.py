"""Settings for the webshop's Fortnox synchronisation."""

import os

FORTNOX_API_URL = os.environ.get("FORTNOX_API_URL", "https://api.fortnox.se/3")
FORTNOX_HOST = "https://api.fortnox.se"
STRIPE_API = "https://api.stripe.com"
REQUEST_TIMEOUT = 20
