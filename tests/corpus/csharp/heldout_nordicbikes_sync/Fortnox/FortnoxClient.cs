using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace NordicBikes.FortnoxSync.Fortnox;

public sealed class FortnoxOptions
{
    public const string SectionName = "Fortnox";

    public string BaseUrl { get; set; } = "https://api.fortnox.se/3/";
    public string AccessToken { get; set; } = string.Empty;
    public int PollIntervalMinutes { get; set; } = 10;
    public string StripeSupplierNumber { get; set; } = string.Empty;
}

/// <summary>
/// Typed client for the Fortnox REST API. BaseAddress and auth header are set in Program.cs.
/// </summary>
public sealed class FortnoxClient
{
    // The warehouse module is not under /3, so this one is written out in full.
    private const string StockBalanceUrl = "https://api.fortnox.se/api/warehouse/status-v1/stockbalance"; // fortnox: url /api/warehouse/status-v1/stockbalance warehouse

    // Fortnox uses PascalCase property names ("Invoice", "CustomerNumber"), so no camelCase policy.
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly HttpClient _http;
    private readonly ILogger<FortnoxClient> _logger;

    public FortnoxClient(HttpClient http, ILogger<FortnoxClient> logger)
    {
        _http = http;
        _logger = logger;
    }

    public async Task<Customer?> FindCustomerByEmailAsync(string email, CancellationToken ct)
    {
        var list = await _http.GetFromJsonAsync<CustomerList>(
            $"customers?email={Uri.EscapeDataString(email)}", Json, ct); // fortnox: cross-file GET /3/customers customer
        return list?.Customers.FirstOrDefault();
    }

    public async Task<Customer> CreateCustomerAsync(Customer customer, CancellationToken ct)
    {
        using var response = await _http.PostAsJsonAsync("customers", new CustomerEnvelope(customer), Json, ct); // fortnox: cross-file POST /3/customers customer
        return (await ReadAsync<CustomerEnvelope>(response, ct)).Customer;
    }

    public async Task<Invoice?> GetInvoiceAsync(int documentNumber, CancellationToken ct)
    {
        try
        {
            var body = await _http.GetFromJsonAsync<InvoiceEnvelope>($"invoices/{documentNumber}", Json, ct); // fortnox: format GET /3/invoices/{} invoice
            return body?.Invoice;
        }
        catch (HttpRequestException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<Invoice> CreateInvoiceAsync(Invoice invoice, CancellationToken ct)
    {
        using var response = await _http.PostAsJsonAsync("invoices", new InvoiceEnvelope(invoice), Json, ct); // fortnox: cross-file POST /3/invoices invoice
        return (await ReadAsync<InvoiceEnvelope>(response, ct)).Invoice;
    }

    public async Task BookkeepInvoiceAsync(string documentNumber, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"invoices/{documentNumber}/bookkeep"); // fortnox: format PUT /3/invoices/{}/bookkeep invoice
        using var response = await _http.SendAsync(request, ct);
        await ReadAsync<InvoiceEnvelope>(response, ct);
    }

    public async Task<Article?> GetArticleAsync(string articleNumber, CancellationToken ct)
    {
        using var response = await _http.GetAsync($"articles/{Uri.EscapeDataString(articleNumber)}", ct); // fortnox: format GET /3/articles/{} article
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        return (await ReadAsync<ArticleEnvelope>(response, ct)).Article;
    }

    public async Task<IReadOnlyList<StockPoint>> GetStockPointsAsync(CancellationToken ct)
    {
        // Leading slash on purpose: resolves against the host, not against the /3/ base address.
        var points = await _http.GetFromJsonAsync<List<StockPoint>>("/api/warehouse/stockpoints-v1?state=ACTIVE", Json, ct); // fortnox: path GET /api/warehouse/stockpoints-v1 warehouse
        return points ?? [];
    }

    public async Task<IReadOnlyList<StockBalance>> GetStockBalanceAsync(string itemId, CancellationToken ct)
    {
        var balances = await _http.GetFromJsonAsync<List<StockBalance>>(
            $"{StockBalanceUrl}?itemIds={Uri.EscapeDataString(itemId)}", Json, ct);
        return balances ?? [];
    }

    public async Task<T> GetAsync<T>(string relativePath, CancellationToken ct)
    {
        using var response = await _http.GetAsync(relativePath, ct);
        return await ReadAsync<T>(response, ct);
    }

    public async Task PutAsync(string relativePath, CancellationToken ct)
    {
        using var response = await _http.PutAsync(relativePath, content: null, ct);
        await ReadAsync<JsonElement>(response, ct);
    }

    private async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
        {
            var error = await response.Content.ReadAsStringAsync(ct);
            _logger.LogWarning(
                "{Method} {Uri} failed with {Status}: {Body}",
                response.RequestMessage?.Method,
                response.RequestMessage?.RequestUri,
                (int)response.StatusCode,
                error);
            response.EnsureSuccessStatusCode();
        }

        return (await response.Content.ReadFromJsonAsync<T>(Json, ct))!;
    }
}

public sealed record Customer(
    string? CustomerNumber,
    string Name,
    string? Email,
    string? OrganisationNumber = null,
    string? Address1 = null,
    string? ZipCode = null,
    string? City = null,
    string? CountryCode = "SE");

public sealed record CustomerEnvelope(Customer Customer);

public sealed record CustomerList(List<Customer> Customers);

public sealed record InvoiceRow(string ArticleNumber, decimal DeliveredQuantity, decimal? Price = null, string? Description = null);

public sealed record Invoice(
    string? DocumentNumber,
    string CustomerNumber,
    string? InvoiceDate,
    string? YourOrderNumber,
    List<InvoiceRow> InvoiceRows,
    decimal? Total = null,
    bool? Booked = null);

public sealed record InvoiceEnvelope(Invoice Invoice);

public sealed record Article(string ArticleNumber, string Description, decimal? QuantityInStock, bool StockGoods, bool Active);

public sealed record ArticleEnvelope(Article Article);

public sealed record OrderSummary(string DocumentNumber, string CustomerNumber, string OrderDate, decimal Total);

public sealed record OrderListResponse(List<OrderSummary> Orders);

public sealed record StockPoint(Guid Id, string Code, string Name, string State);

public sealed record StockBalance(string ItemId, string StockPointCode, decimal InStock, decimal Available);
