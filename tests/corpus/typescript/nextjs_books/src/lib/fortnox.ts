import { getAccessToken } from "./tokens";

const FORTNOX_API_BASE = "https://api.fortnox.se/3";

export enum FortnoxResource {
  Invoices = "invoices",  // fortnox: route-table /3/invoices invoice
  Customers = "customers",  // fortnox: route-table /3/customers customer
  SupplierInvoices = "supplierinvoices",  // fortnox: route-table /3/supplierinvoices supplierinvoice
}

export interface ListResponse<T> {
  MetaInformation: { "@TotalPages": number };
  items: T[];
}

export async function fortnoxFetch<T>(path: string, init: RequestInit = {}): Promise<T> {
  const token = await getAccessToken();
  const res = await fetch(`${FORTNOX_API_BASE}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", ...init.headers },
  });
  if (!res.ok) {
    throw new Error(`Fortnox ${init.method ?? "GET"} ${path} failed: ${res.status}`);
  }
  return (await res.json()) as T;
}

export function list<T>(resource: FortnoxResource, page = 1): Promise<T> {
  return fortnoxFetch<T>(`/${resource}?page=${page}`);
}

export async function companyName(): Promise<string> {
  const data = await fortnoxFetch<{ CompanyInformation: { CompanyName: string } }>("/companyinformation");  // fortnox: helper /3/companyinformation companyinformation
  return data.CompanyInformation.CompanyName;
}
