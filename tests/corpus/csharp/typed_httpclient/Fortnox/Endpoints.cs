namespace Accounting.Fortnox;

internal static class Endpoints
{
    public const string Invoices = "invoices";  // fortnox: route-table /3/invoices invoice
    public const string Customers = "customers";  // fortnox: route-table /3/customers customer
    public const string Articles = "articles";  // fortnox: route-table /3/articles article
    public const string CostCenters = "costcenters";  // fortnox: route-table /3/costcenters costcenter
}
