using RestSharp;

namespace Acme.Integrations;

public class FortnoxGateway
{
    private readonly RestClient _client = new RestClient("https://api.fortnox.se/3/");
    private readonly RestClient _crm = new RestClient("https://crm.example.com/api/");

    public async Task<string?> CreateOrderAsync(string token, object order)
    {
        var request = new RestRequest("orders", Method.Post);  // fortnox: v3-base POST /3/orders order
        request.AddHeader("Authorization", $"Bearer {token}");
        request.AddJsonBody(new { Order = order });
        var response = await _client.ExecuteAsync(request);
        return response.Content;
    }

    public async Task<string?> WayOfDeliveryAsync(string token, string code)
    {
        var request = new RestRequest($"wayofdeliveries/{code}");  // fortnox: v3-base /3/wayofdeliveries/{} settings
        request.AddHeader("Authorization", $"Bearer {token}");
        return (await _client.GetAsync(request)).Content;
    }

    public async Task<string?> CrmOrdersAsync()
    {
        var request = new RestRequest("orders");  // fortnox: none other-api
        return (await _crm.GetAsync(request)).Content;
    }
}
