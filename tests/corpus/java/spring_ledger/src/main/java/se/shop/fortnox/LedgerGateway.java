package se.shop.fortnox;

import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

@Component
public class LedgerGateway {

    private final WebClient ledgerWebClient;

    public LedgerGateway(WebClient ledgerWebClient) {
        this.ledgerWebClient = ledgerWebClient;
    }

    public Map<?, ?> invoice(String number) {
        return ledgerWebClient.get()
                .uri("/invoices/{number}", number)  // fortnox: cross-file GET /3/invoices/{} invoice
                .retrieve()
                .bodyToMono(Map.class)
                .block();
    }

    public Map<?, ?> createOrder(Map<String, Object> order) {
        return ledgerWebClient.post()
                .uri("/orders")  // fortnox: cross-file POST /3/orders order
                .bodyValue(Map.of("Order", order))
                .retrieve()
                .bodyToMono(Map.class)
                .block();
    }

    public void cancelOrder(String number) {
        ledgerWebClient.put().uri(uri -> uri.path("/orders/{n}/cancel").build(number)).retrieve();  // fortnox: cross-file PUT /3/orders/{}/cancel order
    }
}
