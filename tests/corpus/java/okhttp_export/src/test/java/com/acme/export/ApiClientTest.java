package com.acme.export;

import okhttp3.mockwebserver.MockWebServer;

class ApiClientTest {
    void lists() {
        String url = "https://api.fortnox.se/3/suppliers";  // fortnox: none test
    }
}
