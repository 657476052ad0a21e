namespace NordicBikes.FortnoxSync.Fortnox;

public enum FortnoxResource
{
    Vouchers,
    SupplierInvoices,
    Accounts,
}

/// <summary>
/// Absolute URLs for the raw (no BaseAddress) client used by the bookkeeping export.
/// </summary>
public static class FortnoxResources
{
    public const string Host = "https://api.fortnox.se";
    public const string V3 = Host + "/3";

    private static readonly IReadOnlyDictionary<FortnoxResource, string> Paths =
        new Dictionary<FortnoxResource, string>
        {
            [FortnoxResource.Vouchers] = "/3/vouchers", // fortnox: route-table /3/vouchers bookkeeping
            [FortnoxResource.SupplierInvoices] = "/3/supplierinvoices", // fortnox: route-table /3/supplierinvoices supplierinvoice
            [FortnoxResource.Accounts] = "/3/accounts", // fortnox: route-table /3/accounts bookkeeping
        };

    public static Uri Url(FortnoxResource resource, string? query = null)
    {
        var url = Host + Paths[resource];
        return new Uri(string.IsNullOrEmpty(query) ? url : $"{url}?{query}");
    }
}
