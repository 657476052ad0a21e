using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using NordicBikes.FortnoxSync.Accounting;
using NordicBikes.FortnoxSync.Fortnox;
using NordicBikes.FortnoxSync.Workers;

var builder = WebApplication.CreateBuilder(args);

builder.Services.Configure<FortnoxOptions>(builder.Configuration.GetSection(FortnoxOptions.SectionName));

builder.Services.AddHttpClient<FortnoxClient>((sp, client) =>
{
    var options = sp.GetRequiredService<IOptions<FortnoxOptions>>().Value;
    client.BaseAddress = new Uri(options.BaseUrl);
    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.AccessToken);
    client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    client.Timeout = TimeSpan.FromSeconds(30);
});

// The bookkeeping export builds absolute URLs itself, so this client has no BaseAddress.
builder.Services.AddHttpClient("fortnox-raw", (sp, client) =>
{
    var options = sp.GetRequiredService<IOptions<FortnoxOptions>>().Value;
    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.AccessToken);
    client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
});

builder.Services.AddHttpClient("stripe", client =>
{
    client.BaseAddress = new Uri(builder.Configuration["Stripe:BaseUrl"] ?? "https://api.stripe.com/v1/");
    client.DefaultRequestHeaders.Authorization =
        new AuthenticationHeaderValue("Bearer", builder.Configuration["Stripe:SecretKey"]);
});
builder.Services.AddHttpClient("shop");

builder.Services.AddScoped<BookkeepingExporter>();
builder.Services.AddHostedService<OrderSyncWorker>();

var app = builder.Build();

app.MapGet("/health", () => Results.Ok("ok"));

// Used by customer support from the shop admin to look up an invoice by number.
app.MapGet("/invoices/{documentNumber:int}", async (int documentNumber, FortnoxClient fortnox, CancellationToken ct) => // fortnox: none own-route
    await fortnox.GetInvoiceAsync(documentNumber, ct) is { } invoice ? Results.Ok(invoice) : Results.NotFound());

app.MapGet("/stock/{sku}", async (string sku, FortnoxClient fortnox, CancellationToken ct) =>
{
    var stockPoints = await fortnox.GetStockPointsAsync(ct);
    var balance = await fortnox.GetStockBalanceAsync(sku, ct);
    return Results.Ok(new { sku, stockPoints, balance });
});

app.MapPost("/payouts/export", async (StripePayout payout, BookkeepingExporter exporter, CancellationToken ct) =>
{
    var voucher = await exporter.ExportPayoutAsync(payout, ct);
    var approved = await exporter.ApproveStripeFeeInvoicesAsync(ct);
    return Results.Ok(new { voucher, approvedSupplierInvoices = approved });
});

app.Run();
