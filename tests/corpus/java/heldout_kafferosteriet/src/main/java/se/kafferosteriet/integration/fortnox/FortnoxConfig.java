package se.kafferosteriet.integration.fortnox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

@Configuration
@EnableConfigurationProperties(FortnoxConfig.FortnoxProperties.class)
public class FortnoxConfig {

    private static final Logger log = LoggerFactory.getLogger(FortnoxConfig.class);

    @ConfigurationProperties(prefix = "fortnox")
    public record FortnoxProperties(
            String baseUrl,
            String host,
            String accessToken,
            String voucherSeries,
            int salesAccount,
            int bankAccount) {
    }

    /** Client for the v3 REST resources; paths are relative to fortnox.base-url. */
    @Bean
    public RestClient fortnoxRestClient(RestClient.Builder builder, FortnoxProperties props) {
        return builder
                .baseUrl(props.baseUrl())
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + props.accessToken())
                .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
                .build();
    }

    /** Older RestTemplate used by the accounting export and the warehouse endpoints (root = host only). */
    @Bean
    public RestTemplate fortnoxRestTemplate(RestTemplateBuilder builder, FortnoxProperties props) {
        return builder
                .rootUri(props.host())
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + props.accessToken())
                .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
                .setConnectTimeout(Duration.ofSeconds(5))
                .setReadTimeout(Duration.ofSeconds(30))
                .build();
    }

    @Bean
    public ApplicationRunner fortnoxConnectionCheck(RestClient fortnoxRestClient) {
        return args -> {
            JsonNode me = fortnoxRestClient.get()
                    .uri("https://api.fortnox.se/3/me") // fortnox: url GET /3/me profile
                    .retrieve()
                    .body(JsonNode.class);
            String email = me == null ? "?" : me.path("Me").path("Email").asText();
            log.info("Fortnox token OK, connected as {}", email);
        };
    }
}
