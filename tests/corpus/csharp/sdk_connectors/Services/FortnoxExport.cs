using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Fortnox.SDK;
using Fortnox.SDK.Auth;
using Fortnox.SDK.Entities;
using Fortnox.SDK.Search;

namespace Shop.Services;

public class FortnoxExport
{
    private readonly FortnoxClient _client;

    public FortnoxExport(string accessToken)
    {
        _client = new FortnoxClient(new StandardAuth(accessToken));
    }

    public async Task<Customer> EnsureCustomerAsync(string email, string name)
    {
        var found = await _client.CustomerConnector.FindAsync(new CustomerSearch { Email = email });  // fortnox: sdk GET /3/customers customer
        if (found.Entities.Any())
        {
            return await _client.CustomerConnector.GetAsync(found.Entities.First().CustomerNumber);  // fortnox: sdk GET /3/customers/{} customer
        }
        return await _client.CustomerConnector.CreateAsync(new Customer { Email = email, Name = name });  // fortnox: sdk POST /3/customers customer
    }

    public async Task<Invoice> InvoiceAsync(Order order)
    {
        var created = await _client.OrderConnector.CreateAsync(order);  // fortnox: sdk POST /3/orders order
        var invoice = await _client.InvoiceConnector.GetAsync(created.DocumentNumber);  // fortnox: sdk GET /3/invoices/{} invoice
        await _client.InvoiceConnector.BookkeepAsync(invoice.DocumentNumber);  // fortnox: sdk PUT /3/invoices/{}/bookkeep invoice
        return invoice;
    }

    public Task<CompanyInformation> CompanyAsync() => _client.CompanyInformationConnector.GetAsync();  // fortnox: sdk GET /3/companyinformation companyinformation
}
