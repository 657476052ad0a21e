package se.shop.web;

import java.util.Map;
import org.springframework.web.bind.annotation.*;
import se.shop.fortnox.LedgerGateway;

@RestController
@RequestMapping("/api")
public class OrderController {
    private final LedgerGateway ledger;

    public OrderController(LedgerGateway ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/invoices/{number}")  // fortnox: none own-route
    public Map<?, ?> invoice(@PathVariable String number) {
        return ledger.invoice(number);
    }

    @PostMapping("/orders")  // fortnox: none own-route
    public Map<?, ?> order(@RequestBody Map<String, Object> body) {
        return ledger.createOrder(body);
    }
}
