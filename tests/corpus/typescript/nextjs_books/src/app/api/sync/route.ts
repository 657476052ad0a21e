import { NextResponse } from "next/server";
import { fortnoxFetch, list, FortnoxResource } from "@/lib/fortnox";

type Voucher = { VoucherSeries: string; Description: string };

export async function GET() {
  const invoices = await list(FortnoxResource.Invoices);
  const vouchers = await fortnoxFetch<{ Vouchers: Voucher[] }>("/vouchers?financialyear=1");  // fortnox: helper /3/vouchers bookkeeping
  return NextResponse.json({ invoices, vouchers });
}

export async function POST(request: Request) {
  const body = await request.json();
  const created = await fortnoxFetch(`/supplierinvoices`, {  // fortnox: helper POST /3/supplierinvoices supplierinvoice
    method: "POST",
    body: JSON.stringify({ SupplierInvoice: body }),
  });
  await fortnoxFetch(`/supplierinvoices/${body.GivenNumber}/bookkeep`, { method: "PUT" });  // fortnox: helper PUT /3/supplierinvoices/{}/bookkeep supplierinvoice
  return NextResponse.json(created, { status: 201 });
}
