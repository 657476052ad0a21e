"""Runtime configuration for the shop <-> accounting sync worker.

Everything comes from the environment so the same image runs in staging and prod.
"""
import os

FORTNOX_API_URL = os.environ.get("FORTNOX_API_URL", "https://api.fortnox.se/3")
FORTNOX_WAREHOUSE_URL = os.environ.get(
    "FORTNOX_WAREHOUSE_URL", "https://api.fortnox.se/api/warehouse"
)
FORTNOX_CLIENT_ID = os.environ.get("FORTNOX_CLIENT_ID", "")
FORTNOX_CLIENT_SECRET = os.environ.get("FORTNOX_CLIENT_SECRET", "")
FORTNOX_REFRESH_TOKEN = os.environ.get("FORTNOX_REFRESH_TOKEN", "")

SHOP_API_URL = os.environ.get("SHOP_API_URL", "https://shop.example.com")
SHOP_API_KEY = os.environ.get("SHOP_API_KEY", "")
STRIPE_SECRET_KEY = os.environ.get("STRIPE_SECRET_KEY", "")

CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0")

HTTP_TIMEOUT = float(os.environ.get("HTTP_TIMEOUT", "30"))
MAX_RETRIES = int(os.environ.get("MAX_RETRIES", "5"))
PAGE_SIZE = 500
