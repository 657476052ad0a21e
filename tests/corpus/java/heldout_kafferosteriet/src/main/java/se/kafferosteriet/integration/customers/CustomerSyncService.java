package se.kafferosteriet.integration.customers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Keeps Fortnox customers in step with the web shop's customer accounts.
 * Uses the JDK HttpClient directly (this part predates the RestClient setup).
 */
@Service
public class CustomerSyncService {

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final ObjectMapper mapper;
    private final String baseUrl;
    private final String accessToken;
    private final String stripeKey;

    public CustomerSyncService(ObjectMapper mapper,
                               @Value("${fortnox.base-url}") String baseUrl,
                               @Value("${fortnox.access-token}") String accessToken,
                               @Value("${stripe.api-key}") String stripeKey) {
        this.mapper = mapper;
        this.baseUrl = baseUrl;
        this.accessToken = accessToken;
        this.stripeKey = stripeKey;
    }

    public record ShopCustomer(String email, String name, String orgNumber, String address,
                               String zipCode, String city, String stripeCustomerId) {
    }

    public Optional<String> findCustomerNumber(String email) throws IOException, InterruptedException {
        HttpRequest request = fortnoxRequest("/customers?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)) // fortnox: helper GET /3/customers customer
                .GET()
                .build();
        JsonNode body = send(request);
        JsonNode list = body.path("Customers");
        if (list.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(list.get(0).path("CustomerNumber").asText());
    }

    public String createCustomer(ShopCustomer customer) throws IOException, InterruptedException {
        String json = mapper.writeValueAsString(Map.of("Customer", toFortnox(customer)));
        HttpRequest request = HttpRequest.newBuilder()
                .uri(URI.create(baseUrl + "/customers")) // fortnox: v3-base POST /3/customers customer
                .header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(BodyPublishers.ofString(json))
                .build();
        return send(request).path("Customer").path("CustomerNumber").asText();
    }

    public void updateCustomer(String customerNumber, ShopCustomer customer) throws IOException, InterruptedException {
        String json = mapper.writeValueAsString(Map.of("Customer", toFortnox(customer)));
        HttpRequest request = HttpRequest.newBuilder()
                .uri(URI.create(String.format("%s/customers/%s", baseUrl, customerNumber))) // fortnox: format PUT /3/customers/{} customer
                .header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/json")
                .PUT(BodyPublishers.ofString(json))
                .build();
        send(request);
    }

    /** Org number and billing address live in Stripe for B2B customers. */
    public JsonNode stripeCustomer(String stripeCustomerId) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://api.stripe.com/v1/customers/" + stripeCustomerId)) // fortnox: none other-api
                .header("Authorization", "Bearer " + stripeKey)
                .GET()
                .build();
        return send(request);
    }

    public String upsert(ShopCustomer customer) throws IOException, InterruptedException {
        Optional<String> existing = findCustomerNumber(customer.email());
        if (existing.isPresent()) {
            updateCustomer(existing.get(), customer);
            return existing.get();
        }
        return createCustomer(customer);
    }

    private Map<String, Object> toFortnox(ShopCustomer c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Name", c.name());
        m.put("Email", c.email());
        m.put("Address1", c.address());
        m.put("ZipCode", c.zipCode());
        m.put("City", c.city());
        if (c.orgNumber() != null) {
            m.put("OrganisationNumber", c.orgNumber());
            m.put("Type", "COMPANY");
        } else {
            m.put("Type", "PRIVATE");
        }
        return m;
    }

    private HttpRequest.Builder fortnoxRequest(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json");
    }

    private JsonNode send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IOException("HTTP " + response.statusCode() + " from " + request.uri() + ": " + response.body());
        }
        return mapper.readTree(response.body());
    }
}
