using System.Net.Mail;

namespace Shop.Services;

// Our own "connector" for e-mail: nothing to do with Fortnox.
public class InvoiceConnector
{
    public void Send(MailMessage message) => new SmtpClient("smtp.example.com").Send(message);
}

public class Usage
{
    public void Run() => new InvoiceConnector().Send(new MailMessage());  // fortnox: none name-only
}
