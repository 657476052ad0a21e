import { listInvoices } from "./invoices";

it("lists", async () => {
  global.fetch = jest.fn().mockResolvedValue({ json: async () => ({ Invoices: [] }), status: 200 });
  await listInvoices.run({});
  expect(global.fetch).toHaveBeenCalledWith(new URL("https://api.fortnox.se/3/invoices"), expect.anything());  // fortnox: none test
});
