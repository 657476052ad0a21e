using Accounting.Fortnox;
using Microsoft.AspNetCore.Mvc;

namespace Accounting.Controllers;

[ApiController]
[Route("api/invoices")]
public class InvoicesController : ControllerBase
{
    [HttpGet("customers/{id}")]  // fortnox: none own-route
    public IActionResult Get(string id) => Ok();

    [HttpPost("orders")]  // fortnox: none own-route
    public IActionResult Create() => Created("orders", null);
}
