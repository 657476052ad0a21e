using Accounting.Fortnox;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddHttpClient<LedgerClient>(http =>
{
    http.BaseAddress = new Uri(builder.Configuration["Fortnox:BaseUrl"]!);
    http.DefaultRequestHeaders.Add("Accept", "application/json");
});

var app = builder.Build();
app.MapGet("/health", () => "ok");
app.MapGet("/invoices", async (LedgerClient ledger) => await ledger.InvoicesAsync());  // fortnox: none own-route
app.Run();
