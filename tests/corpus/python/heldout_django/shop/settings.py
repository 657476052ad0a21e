DEBUG = False
FORTNOX_API_URL = "https://api.fortnox.se/3"
FORTNOX_CLIENT_ID = "abc"
ALLOWED_HOSTS = ["shop.example.com"]
