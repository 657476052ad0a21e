package books

import org.springframework.web.bind.annotation.GetMapping
import org.springframework.web.bind.annotation.RestController

@RestController
class BooksController {
    @GetMapping("/vouchers")  // fortnox: none own-route
    suspend fun vouchers() = Network.ledger.vouchers(2024)
}
