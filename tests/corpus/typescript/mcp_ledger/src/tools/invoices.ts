import { z } from "zod";
import { apiRequest } from "../services/api";

interface InvoiceList { Invoices: { DocumentNumber: string }[] }

export const listInvoices = {
  name: "list_invoices",
  description: "List customer invoices (GET /3/invoices). Needs the invoice scope.",
  input: z.object({ filter: z.enum(["unpaid", "unbooked", "cancelled"]).optional() }),
  async run({ filter }: { filter?: string }) {
    return apiRequest<InvoiceList>("/3/invoices", "GET", undefined, { filter });  // fortnox: path GET /3/invoices invoice
  },
};

export const creditInvoice = {
  name: "credit_invoice",
  description: "Credit an invoice",
  input: z.object({ number: z.string() }),
  async run({ number }: { number: string }) {
    return apiRequest(`/3/invoices/${number}/credit`, "PUT");  // fortnox: path PUT /3/invoices/{}/credit invoice
  },
};

export const createVoucher = {
  name: "create_voucher",
  description: "Create a voucher in series A",
  async run(voucher: unknown) {
    const endpoint = "/3/vouchers";  // fortnox: path POST /3/vouchers bookkeeping
    return apiRequest(endpoint, "POST", { Voucher: voucher });
  },
};
