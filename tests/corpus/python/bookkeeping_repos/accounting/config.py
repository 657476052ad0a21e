BASE_URL = "https://api.fortnox.se/3/"
WAREHOUSE_URL = "https://api.fortnox.se/api/warehouse"
PAGE_SIZE = 500
