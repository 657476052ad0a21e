using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using NordicBikes.FortnoxSync.Fortnox;

namespace NordicBikes.FortnoxSync.Accounting;

public sealed record StripePayout(string Id, decimal Amount, decimal Fee, DateOnly ArrivalDate);

/// <summary>
/// Books Stripe payouts as vouchers and approves Stripe's monthly fee invoices for payment.
/// </summary>
public sealed class BookkeepingExporter
{
    private const string VoucherSeries = "B";
    private const int BankAccount = 1930;
    private const int StripeClearingAccount = 1580;
    private const int BankFeeAccount = 6570;

    private readonly IHttpClientFactory _httpFactory;
    private readonly FortnoxOptions _options;
    private readonly ILogger<BookkeepingExporter> _logger;

    public BookkeepingExporter(IHttpClientFactory httpFactory, IOptions<FortnoxOptions> options, ILogger<BookkeepingExporter> logger)
    {
        _httpFactory = httpFactory;
        _options = options.Value;
        _logger = logger;
    }

    public async Task<string> ExportPayoutAsync(StripePayout payout, CancellationToken ct)
    {
        var http = _httpFactory.CreateClient("fortnox-raw");

        var years = await http.GetFromJsonAsync<FinancialYearList>(
            FortnoxResources.V3 + "/financialyears?date=" + payout.ArrivalDate.ToString("yyyy-MM-dd"), ct); // fortnox: v3-base GET /3/financialyears bookkeeping
        var yearId = years?.FinancialYears.SingleOrDefault()?.Id
            ?? throw new InvalidOperationException($"No financial year covers {payout.ArrivalDate}");

        var accounts = await http.GetFromJsonAsync<AccountList>(
            FortnoxResources.Url(FortnoxResource.Accounts, $"financialyear={yearId}&limit=500"), ct);
        var missing = new[] { BankAccount, StripeClearingAccount, BankFeeAccount }
            .Where(n => accounts?.Accounts.Any(a => a.Number == n && a.Active) != true)
            .ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"Accounts not active in year {yearId}: {string.Join(", ", missing)}");
        }

        // Series B is the bank series here; see https://api.fortnox.se/3/voucherseries for what else exists. // fortnox: none comment
        var voucher = new
        {
            Voucher = new
            {
                VoucherSeries,
                TransactionDate = payout.ArrivalDate.ToString("yyyy-MM-dd"),
                Description = $"Stripe payout {payout.Id}",
                VoucherRows = new[]
                {
                    new { Account = BankAccount, Debit = payout.Amount, Credit = 0m },
                    new { Account = BankFeeAccount, Debit = payout.Fee, Credit = 0m },
                    new { Account = StripeClearingAccount, Debit = 0m, Credit = payout.Amount + payout.Fee },
                },
            },
        };

        using var created = await http.PostAsJsonAsync(FortnoxResources.Url(FortnoxResource.Vouchers), voucher, ct);
        created.EnsureSuccessStatusCode();
        var number = (await created.Content.ReadFromJsonAsync<VoucherEnvelope>(ct))!.Voucher.VoucherNumber;

        // Read it back so the export log holds what was actually booked.
        var stored = await http.GetFromJsonAsync<VoucherEnvelope>(
            $"{FortnoxResources.V3}/vouchers/{VoucherSeries}/{number}?financialyear={yearId}", ct); // fortnox: format GET /3/vouchers/B/{} bookkeeping
        _logger.LogInformation("Payout {PayoutId} booked as voucher {Series}{Number}", payout.Id, VoucherSeries, stored?.Voucher.VoucherNumber);

        return $"{VoucherSeries}{number}";
    }

    public async Task<int> ApproveStripeFeeInvoicesAsync(CancellationToken ct)
    {
        var http = _httpFactory.CreateClient("fortnox-raw");

        var list = await http.GetFromJsonAsync<SupplierInvoiceList>(
            FortnoxResources.Url(FortnoxResource.SupplierInvoices, "filter=authorizepending"), ct);

        var approved = 0;
        foreach (var invoice in list?.SupplierInvoices ?? [])
        {
            if (invoice.SupplierNumber != _options.StripeSupplierNumber)
            {
                continue;
            }

            using var request = new HttpRequestMessage(
                HttpMethod.Put,
                FortnoxResources.Host + "/3/supplierinvoices/" + invoice.GivenNumber + "/approvalpayment"); // fortnox: host-base PUT /3/supplierinvoices/{}/approvalpayment supplierinvoice
            using var response = await http.SendAsync(request, ct);
            if (response.IsSuccessStatusCode)
            {
                approved++;
            }
            else
            {
                _logger.LogWarning("Could not approve supplier invoice {GivenNumber}: {Status}", invoice.GivenNumber, response.StatusCode);
            }
        }

        return approved;
    }

    private sealed record FinancialYear(int Id, string FromDate, string ToDate);

    private sealed record FinancialYearList(List<FinancialYear> FinancialYears);

    private sealed record Account(int Number, string Description, bool Active);

    private sealed record AccountList(List<Account> Accounts);

    private sealed record VoucherRef(string VoucherSeries, int VoucherNumber);

    private sealed record VoucherEnvelope(VoucherRef Voucher);

    private sealed record SupplierInvoiceSummary(string GivenNumber, string SupplierNumber, decimal Total, string DueDate);

    private sealed record SupplierInvoiceList(List<SupplierInvoiceSummary> SupplierInvoices);
}
