using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using NordicBikes.FortnoxSync.Fortnox;

namespace NordicBikes.FortnoxSync.Workers;

/// <summary>
/// Polls the web shop for paid orders and turns them into booked invoices,
/// then invoices workshop orders that staff entered directly in Fortnox.
/// </summary>
public sealed class OrderSyncWorker : BackgroundService
{
    private static readonly Meter Meter = new("NordicBikes.FortnoxSync");
    private static readonly Counter<int> Exported = Meter.CreateCounter<int>("sync.documents.exported");

    private readonly IServiceScopeFactory _scopeFactory;
    private readonly IHttpClientFactory _httpFactory;
    private readonly FortnoxOptions _options;
    private readonly ILogger<OrderSyncWorker> _logger;

    public OrderSyncWorker(
        IServiceScopeFactory scopeFactory,
        IHttpClientFactory httpFactory,
        IOptions<FortnoxOptions> options,
        ILogger<OrderSyncWorker> logger)
    {
        _scopeFactory = scopeFactory;
        _httpFactory = httpFactory;
        _options = options.Value;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(_options.PollIntervalMinutes));
        do
        {
            try
            {
                await SyncOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogError(ex, "Order sync run failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task SyncOnceAsync(CancellationToken ct)
    {
        using var scope = _scopeFactory.CreateScope();
        var fortnox = scope.ServiceProvider.GetRequiredService<FortnoxClient>();
        var shop = _httpFactory.CreateClient("shop");
        var stripe = _httpFactory.CreateClient("stripe");

        var paid = await shop.GetFromJsonAsync<List<ShopOrder>>(
            "https://shop.nordicbikes.se/api/orders?status=paid&exported=false", ct) ?? []; // fortnox: none other-api

        foreach (var order in paid)
        {
            var customer = await fortnox.FindCustomerByEmailAsync(order.Email, ct);
            if (customer is null)
            {
                string? orgNumber = null;
                if (order.StripeCustomerId is not null)
                {
                    var stripeCustomer = await stripe.GetFromJsonAsync<StripeCustomer>($"customers/{order.StripeCustomerId}?expand[]=tax_ids", ct); // fortnox: none other-api
                    orgNumber = stripeCustomer?.TaxIds?.Data.FirstOrDefault()?.Value;
                }

                customer = await fortnox.CreateCustomerAsync(
                    new Customer(null, order.BillingName, order.Email, orgNumber, order.Street, order.ZipCode, order.City),
                    ct);
            }

            var rows = new List<InvoiceRow>();
            foreach (var line in order.Lines)
            {
                var article = await fortnox.GetArticleAsync(line.Sku, ct);
                rows.Add(article is null
                    ? new InvoiceRow("FRAKT", line.Quantity, line.UnitPrice, line.Title)
                    : new InvoiceRow(article.ArticleNumber, line.Quantity, line.UnitPrice));
            }

            var invoice = await fortnox.CreateInvoiceAsync(
                new Invoice(null, customer.CustomerNumber!, order.PaidAt.ToString("yyyy-MM-dd"), order.Id, rows),
                ct);
            await fortnox.BookkeepInvoiceAsync(invoice.DocumentNumber!, ct);

            _logger.LogInformation("Order {OrderId} exported: POST https://api.fortnox.se/3/invoices returned {DocumentNumber}", order.Id, invoice.DocumentNumber); // fortnox: none log
            Exported.Add(1, new KeyValuePair<string, object?>("document", "invoices")); // fortnox: none label
        }

        // Workshop repairs are entered as orders directly in Fortnox; invoice the finished ones.
        var pending = await fortnox.GetAsync<OrderListResponse>("orders?filter=invoicenotcreated&sortby=orderdate", ct); // fortnox: helper GET /3/orders order
        foreach (var order in pending.Orders.Where(o => o.Total > 0))
        {
            await fortnox.PutAsync($"orders/{order.DocumentNumber}/createinvoice", ct); // fortnox: helper PUT /3/orders/{}/createinvoice order
        }
    }

    private sealed record ShopOrderLine(string Sku, string Title, decimal Quantity, decimal UnitPrice);

    private sealed record ShopOrder(
        string Id,
        string Email,
        string BillingName,
        string Street,
        string ZipCode,
        string City,
        string? StripeCustomerId,
        DateTimeOffset PaidAt,
        List<ShopOrderLine> Lines);

    private sealed record StripeTaxId(string Type, string Value);

    private sealed record StripeTaxIdList(List<StripeTaxId> Data);

    private sealed record StripeCustomer(string Id, string? Email, [property: JsonPropertyName("tax_ids")] StripeTaxIdList? TaxIds);
}
