package se.acme.books;

import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestTemplate;

@Service
public class BooksClient {
    private final RestTemplate restTemplate = new RestTemplate();

    @Value("${fortnox.url}")
    private String baseUrl;

    private HttpEntity<Object> entity(String token, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return new HttpEntity<>(body, headers);
    }

    public Map<?, ?> invoice(String token, String id) {
        return restTemplate.exchange(baseUrl + "/invoices/{id}", HttpMethod.GET, entity(token, null), Map.class, id)  // fortnox: cross-file GET /3/invoices/{} invoice
                .getBody();
    }

    public Map<?, ?> createOffer(String token, Map<String, Object> offer) {
        return restTemplate.postForObject(baseUrl + "/offers", entity(token, Map.of("Offer", offer)), Map.class);  // fortnox: cross-file POST /3/offers offer
    }

    public void deleteCostCenter(String token, String code) {
        restTemplate.exchange(baseUrl + "/costcenters/" + code, HttpMethod.DELETE, entity(token, null), Void.class);  // fortnox: cross-file DELETE /3/costcenters/{} costcenter
    }
}
