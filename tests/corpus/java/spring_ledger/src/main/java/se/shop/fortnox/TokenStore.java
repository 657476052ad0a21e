package se.shop.fortnox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

public class TokenStore {
    private static final String TOKEN_URL = "https://apps.fortnox.se/oauth-v1/token";
    private static final String API = "https://api.fortnox.se";
    private final HttpClient http = HttpClient.newHttpClient();
    private String token = "";

    public String current() {
        return token;
    }

    public String companyJson() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(API + "/3/companyinformation"))  // fortnox: host-base GET /3/companyinformation companyinformation
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    public void refresh(String refreshToken) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(TOKEN_URL))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&refresh_token=" + refreshToken))
                .build();
        token = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
