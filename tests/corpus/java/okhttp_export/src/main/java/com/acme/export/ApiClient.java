package com.acme.export;

import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

public final class ApiClient {
    private static final String BASE_URL = "https://api.fortnox.se/3";
    private static final String GITHUB = "https://api.github.com";
    private static final MediaType JSON = MediaType.get("application/json");

    private final OkHttpClient http = new OkHttpClient();
    private final String token;

    public ApiClient(String token) {
        this.token = token;
    }

    public String list(Resource resource) throws IOException {
        Request request = new Request.Builder()
                .url(BASE_URL + "/" + resource.path())
                .header("Authorization", "Bearer " + token)
                .build();
        try (Response response = http.newCall(request).execute()) {
            return response.body().string();
        }
    }

    public String create(Resource resource, String json) throws IOException {
        Request request = new Request.Builder()
                .url(String.format("%s/%s", BASE_URL, resource.path()))
                .post(RequestBody.create(json, JSON))
                .build();
        try (Response response = http.newCall(request).execute()) {
            return response.body().string();
        }
    }

    public String supplier(String number) throws IOException {
        Request request = new Request.Builder()
                .url(BASE_URL + "/suppliers/" + number)  // fortnox: v3-base GET /3/suppliers/{} supplier
                .get()
                .build();
        try (Response response = http.newCall(request).execute()) {
            return response.body().string();
        }
    }

    public String bookkeepPayment(long number) throws IOException {
        Request request = new Request.Builder()
                .url(String.format("%s/supplierinvoicepayments/%d/bookkeep", BASE_URL, number))  // fortnox: format PUT /3/supplierinvoicepayments/{}/bookkeep payment
                .put(RequestBody.create("", JSON))
                .build();
        try (Response response = http.newCall(request).execute()) {
            return response.body().string();
        }
    }

    public String releases(String repo) throws IOException {
        Request request = new Request.Builder().url(GITHUB + "/repos/" + repo + "/releases").build();  // fortnox: none other-api
        try (Response response = http.newCall(request).execute()) {
            return response.body().string();
        }
    }
}
