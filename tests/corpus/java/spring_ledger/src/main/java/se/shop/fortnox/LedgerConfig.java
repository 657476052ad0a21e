package se.shop.fortnox;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration
public class LedgerConfig {

    @Bean
    public WebClient ledgerWebClient(@Value("${fortnox.base-url}") String baseUrl, TokenStore tokens) {
        return WebClient.builder()
                .baseUrl(baseUrl)
                .defaultHeader("Authorization", "Bearer " + tokens.current())
                .build();
    }
}
