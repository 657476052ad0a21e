// Monthly sales report for the accountant. Written in 2019 and never moved off the static
// Fortnox credentials.
export async function paidInvoices(accessToken: string, clientSecret: string): Promise<unknown[]> {
  const res = await fetch("https://api.fortnox.se/3/invoices?filter=fullypaid", {
    headers: {
      "Access-Token": accessToken,
      "Client-Secret": clientSecret,
      Accept: "application/json",
    },
  });
  const body = await res.json();
  return body.Invoices;
}
