using System.Collections.Generic;
using System.Threading.Tasks;
using Fortnox.SDK.Entities;
using Fortnox.SDK.Interfaces;
using Fortnox.SDK.Search;

namespace Shop.Services;

public static class ConnectorExtensions
{
    public static async Task<List<SupplierInvoiceSubset>> Unpaid(this ISupplierInvoiceConnector connector)  // fortnox: sdk /3/supplierinvoices supplierinvoice
    {
        var result = await connector.FindAsync(new SupplierInvoiceSearch { FilterBy = Filter.SupplierInvoice.Unpaid });
        return result.Entities;
    }
}
