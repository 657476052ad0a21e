using Fortnox.SDK;
using Xunit;

public class FortnoxExportTests
{
    [Fact]
    public void Finds() => new FortnoxClient().InvoiceConnector.Find(null);  // fortnox: none test
}
