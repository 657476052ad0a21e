package se.kafferosteriet.integration.invoicing;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClient;

@Service
public class InvoiceService {

    private static final Logger log = LoggerFactory.getLogger(InvoiceService.class);

    private final RestClient fortnox;
    private final MeterRegistry meters;

    public InvoiceService(RestClient fortnoxRestClient, MeterRegistry meters) {
        this.fortnox = fortnoxRestClient;
        this.meters = meters;
    }

    public record InvoiceRow(
            @JsonProperty("ArticleNumber") String articleNumber,
            @JsonProperty("DeliveredQuantity") BigDecimal quantity,
            @JsonProperty("Price") BigDecimal price) {
    }

    public record Invoice(
            @JsonProperty("DocumentNumber") String documentNumber,
            @JsonProperty("CustomerNumber") String customerNumber,
            @JsonProperty("InvoiceDate") String invoiceDate,
            @JsonProperty("YourOrderNumber") String yourOrderNumber,
            @JsonProperty("Total") BigDecimal total,
            @JsonProperty("InvoiceRows") List<InvoiceRow> rows) {
    }

    record InvoiceWrapper(@JsonProperty("Invoice") Invoice invoice) {
    }

    public record InvoiceSummary(
            @JsonProperty("DocumentNumber") String documentNumber,
            @JsonProperty("CustomerName") String customerName,
            @JsonProperty("Balance") BigDecimal balance,
            @JsonProperty("DueDate") String dueDate) {
    }

    record InvoiceList(@JsonProperty("Invoices") List<InvoiceSummary> invoices) {
    }

    public List<InvoiceSummary> unpaidInvoices(LocalDate since) {
        InvoiceList list = fortnox.get()
                .uri(uri -> uri.path("/invoices") // fortnox: cross-file GET /3/invoices invoice
                        .queryParam("filter", "unpaid")
                        .queryParam("fromdate", since)
                        .queryParam("limit", 500)
                        .build())
                .retrieve()
                .body(InvoiceList.class);
        return list == null || list.invoices() == null ? List.of() : list.invoices();
    }

    public Invoice createInvoice(String customerNumber, String shopOrderId, List<InvoiceRow> rows) {
        Invoice draft = new Invoice(null, customerNumber, LocalDate.now().toString(), shopOrderId, null, rows);
        InvoiceWrapper created = fortnox.post()
                .uri("/invoices") // fortnox: cross-file POST /3/invoices invoice
                .contentType(MediaType.APPLICATION_JSON)
                .body(new InvoiceWrapper(draft))
                .retrieve()
                .body(InvoiceWrapper.class);
        return created.invoice();
    }

    public void bookkeep(String documentNumber) {
        fortnox.put()
                .uri("/invoices/{documentNumber}/bookkeep", documentNumber) // fortnox: cross-file PUT /3/invoices/{}/bookkeep invoice
                .retrieve()
                .toBodilessEntity();
        log.info("Invoice {} bookkept via PUT https://api.fortnox.se/3/invoices/{}/bookkeep", documentNumber, documentNumber); // fortnox: none log
        meters.counter("fortnox.documents.bookkept", "type", "invoices").increment(); // fortnox: none label
    }

    public byte[] previewPdf(String documentNumber) {
        return fortnox.get()
                .uri("/invoices/" + documentNumber + "/preview") // fortnox: format GET /3/invoices/{}/preview invoice
                .accept(MediaType.APPLICATION_PDF)
                .retrieve()
                .body(byte[].class);
    }

    /** Registers a Stripe payout against the invoice so it shows as paid in Fortnox. */
    public void registerPayment(String documentNumber, BigDecimal amount, LocalDate paidOn) {
        Map<String, Object> payment = Map.of(
                "InvoiceNumber", Integer.parseInt(documentNumber),
                "Amount", amount,
                "PaymentDate", paidOn.toString(),
                "ModeOfPayment", "STRIPE");
        fortnox.post()
                .uri("/invoicepayments") // fortnox: cross-file POST /3/invoicepayments payment
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("InvoicePayment", payment))
                .retrieve()
                .toBodilessEntity();
    }
}
