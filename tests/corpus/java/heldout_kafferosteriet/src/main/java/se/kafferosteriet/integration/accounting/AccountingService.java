package se.kafferosteriet.integration.accounting;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestTemplate;
import se.kafferosteriet.integration.fortnox.FortnoxConfig.FortnoxProperties;

/**
 * Daily sales voucher, supplier invoice bookkeeping and the SIE export for the accountant.
 */
@Service
public class AccountingService {

    private final RestTemplate fortnox;
    private final FortnoxProperties props;

    public AccountingService(@Qualifier("fortnoxRestTemplate") RestTemplate fortnox, FortnoxProperties props) {
        this.fortnox = fortnox;
        this.props = props;
    }

    public int financialYearId(LocalDate date) {
        JsonNode body = fortnox.getForObject("/3/financialyears?date={date}", JsonNode.class, date); // fortnox: path GET /3/financialyears bookkeeping
        return body.path("FinancialYears").get(0).path("Id").asInt();
    }

    /**
     * One voucher per day: shop sales (Stripe payout) against the bank account.
     * Account numbers follow BAS 2024; 3001 = sales 25 % VAT, 1930 = business account.
     */
    public int postDailySales(LocalDate day, BigDecimal net, BigDecimal vat) {
        BigDecimal gross = net.add(vat);
        List<Map<String, Object>> rows = List.of(
                Map.of("Account", props.bankAccount(), "Debit", gross, "Credit", BigDecimal.ZERO),
                Map.of("Account", props.salesAccount(), "Debit", BigDecimal.ZERO, "Credit", net),
                Map.of("Account", 2611, "Debit", BigDecimal.ZERO, "Credit", vat));
        Map<String, Object> voucher = Map.of(
                "VoucherSeries", props.voucherSeries(),
                "TransactionDate", day.toString(),
                "Description", "Webbshop försäljning " + day,
                "VoucherRows", rows);
        JsonNode created = fortnox.postForObject("/3/vouchers", Map.of("Voucher", voucher), JsonNode.class); // fortnox: path POST /3/vouchers bookkeeping
        return created.path("Voucher").path("VoucherNumber").asInt();
    }

    public JsonNode voucher(int voucherNumber, LocalDate day) {
        int yearId = financialYearId(day);
        return fortnox.getForObject("/3/vouchers/{series}/{number}?financialyear={year}", // fortnox: path GET /3/vouchers/{}/{} bookkeeping
                JsonNode.class, props.voucherSeries(), voucherNumber, yearId);
    }

    public void bookkeepSupplierInvoice(String givenNumber) {
        // Coffee bean suppliers are attested in Fortnox first; we only bookkeep once attested.
        fortnox.exchange("/3/supplierinvoices/{givenNumber}/bookkeep", HttpMethod.PUT, HttpEntity.EMPTY, Void.class, givenNumber); // fortnox: path PUT /3/supplierinvoices/{}/bookkeep supplierinvoice
    }

    // To check which VAT code an account has, look at https://api.fortnox.se/3/accounts/3001 in Postman. // fortnox: none comment

    /** SIE type 4 (full transactions) for the accountant, monthly. */
    public String exportSie(LocalDate day) {
        int yearId = financialYearId(day);
        byte[] file = fortnox.getForObject(props.host() + "/3/sie/4?financialyear=" + yearId, byte[].class); // fortnox: host-base GET /3/sie/4 bookkeeping
        return new String(file, Charset.forName("CP437"));
    }
}
