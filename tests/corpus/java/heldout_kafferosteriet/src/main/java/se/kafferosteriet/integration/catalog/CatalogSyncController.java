package se.kafferosteriet.integration.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * Admin endpoints used by the back office to compare the shop catalogue with Fortnox articles and stock.
 */
@RestController
@RequestMapping("/admin/catalog")
public class CatalogSyncController {

    /** Register lists that are mirrored into the shop's admin dropdowns. */
    enum Register {
        ARTICLES("/articles"), // fortnox: route-table /3/articles article
        UNITS("/units"); // fortnox: route-table /3/units settings

        private final String path;

        Register(String path) {
            this.path = path;
        }
    }

    private static final String STOCK_BALANCE_URL = "https://api.fortnox.se/api/warehouse/status-v1/stockbalance"; // fortnox: url /api/warehouse/status-v1/stockbalance warehouse

    private final RestClient fortnox;
    private final RestTemplate fortnoxTemplate;
    private final RestClient shop;

    public CatalogSyncController(RestClient fortnoxRestClient,
                                 RestTemplate fortnoxRestTemplate,
                                 @Value("${shop.base-url}") String shopBaseUrl) {
        this.fortnox = fortnoxRestClient;
        this.fortnoxTemplate = fortnoxRestTemplate;
        this.shop = RestClient.create(shopBaseUrl);
    }

    @PostMapping("/refresh")
    public Map<String, Integer> refreshRegisters() {
        Map<String, Integer> totals = new LinkedHashMap<>();
        for (Register register : Register.values()) {
            JsonNode page = fortnox.get()
                    .uri(register.path + "?limit=500")
                    .retrieve()
                    .body(JsonNode.class);
            totals.put(register.name().toLowerCase(Locale.ROOT),
                    page.path("MetaInformation").path("@TotalResources").asInt());
        }
        return totals;
    }

    @GetMapping("/articles/{articleNumber}") // fortnox: none own-route
    public Map<String, Object> compareArticle(@PathVariable String articleNumber) {
        JsonNode fx = fortnox.get()
                .uri("/articles/{articleNumber}", articleNumber) // fortnox: cross-file GET /3/articles/{} article
                .retrieve()
                .body(JsonNode.class);
        JsonNode web = shop.get()
                .uri("/api/articles/{sku}", articleNumber) // fortnox: none other-api
                .retrieve()
                .body(JsonNode.class);
        return Map.of(
                "fortnoxPrice", fx.path("Article").path("SalesPrice").decimalValue(),
                "shopPrice", web.path("price").decimalValue(),
                "checkedAt", Instant.now().toString());
    }

    @GetMapping("/stock")
    public JsonNode stock(@RequestParam List<String> itemIds) {
        return fortnoxTemplate.getForObject(STOCK_BALANCE_URL + "?itemIds={ids}", JsonNode.class, String.join(",", itemIds));
    }

    @GetMapping("/stockpoints")
    public JsonNode stockPoints() {
        return fortnoxTemplate.getForObject("/api/warehouse/stockpoints-v1", JsonNode.class); // fortnox: path GET /api/warehouse/stockpoints-v1 warehouse
    }
}
