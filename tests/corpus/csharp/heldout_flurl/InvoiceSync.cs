using Flurl;
using Flurl.Http;

namespace Acme.Sync;

public class InvoiceSync
{
    private const string Api = "https://api.fortnox.se/3";

    public Task<dynamic> InvoicesAsync(string token) =>
        Api.AppendPathSegment("invoices")  // fortnox: v3-base GET /3/invoices invoice
            .WithOAuthBearerToken(token)
            .GetJsonAsync();

    public Task<IFlurlResponse> CreditAsync(string token, long number) =>
        $"{Api}/invoices/{number}/credit"  // fortnox: format PUT /3/invoices/{}/credit invoice
            .WithOAuthBearerToken(token)
            .PutAsync();
}
