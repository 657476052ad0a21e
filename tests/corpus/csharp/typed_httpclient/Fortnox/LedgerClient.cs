using System.Net.Http.Json;

namespace Accounting.Fortnox;

public sealed class LedgerClient
{
    private readonly HttpClient _http;

    public LedgerClient(HttpClient http) => _http = http;

    public Task<InvoiceList?> InvoicesAsync() =>
        _http.GetFromJsonAsync<InvoiceList>(Endpoints.Invoices);

    public async Task<Customer?> CustomerAsync(string number)
    {
        var response = await _http.GetAsync($"{Endpoints.Customers}/{Uri.EscapeDataString(number)}");
        return await response.Content.ReadFromJsonAsync<Customer>();
    }

    public async Task CreateArticleAsync(Article article)
    {
        var response = await _http.PostAsJsonAsync(Endpoints.Articles, new { Article = article });
        response.EnsureSuccessStatusCode();
    }

    public async Task<VoucherList?> VouchersAsync(int year)
    {
        var path = string.Format("vouchers/sublist/{0}?financialyear={1}", "A", year);  // fortnox: format GET /3/vouchers/sublist/A bookkeeping
        return await _http.GetFromJsonAsync<VoucherList>(path);
    }

    public async Task DeleteUnitAsync(string code)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"units/{code}");  // fortnox: cross-file DELETE /3/units/{} settings
        await _http.SendAsync(request);
    }
}

public record InvoiceList(List<object> Invoices);
public record VoucherList(List<object> Vouchers);
public record Customer(string CustomerNumber);
public record Article(string ArticleNumber);
