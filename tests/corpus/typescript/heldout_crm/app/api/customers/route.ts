import { NextRequest, NextResponse } from "next/server";
import { fortnoxGet, fortnoxPost } from "@/lib/fortnox-api";

export async function GET(req: NextRequest) {
  const token = req.cookies.get("fortnox_token")?.value ?? "";
  const customers = await fortnoxGet(token, "customers", { filter: "active" });  // fortnox: helper /3/customers customer
  const stock = await fortnoxGet(token, "api/warehouse/status-v1/stockbalance");  // fortnox: helper /api/warehouse/status-v1/stockbalance warehouse
  return NextResponse.json({ customers, stock });
}

export async function POST(req: NextRequest) {
  const token = req.cookies.get("fortnox_token")?.value ?? "";
  const body = await req.json();
  const invoice = await fortnoxPost(token, "invoices", { Invoice: body });  // fortnox: helper /3/invoices invoice
  await fetch("/api/audit", { method: "POST", body: JSON.stringify({ event: "invoice" }) });
  return NextResponse.json(invoice, { status: 201 });
}
