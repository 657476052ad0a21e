import { createClient } from "@supabase/supabase-js";

const BASE_API_URL = "https://api.fortnox.se/3/";

function buildUrl(endpoint: string, query?: Record<string, string>): string {
  const base = endpoint.startsWith("api/") ? "https://api.fortnox.se/" : "https://api.fortnox.se/3/";
  const qs = new URLSearchParams(query || {}).toString();
  return `${base}${endpoint}${qs ? `?${qs}` : ""}`;
}

export async function fortnoxGet<T>(token: string, endpoint: string, query?: Record<string, string>): Promise<T> {
  const res = await fetch(buildUrl(endpoint, query), { headers: { Authorization: `Bearer ${token}` } });
  return (await res.json()) as T;
}

export async function fortnoxPost<T>(token: string, endpoint: string, body: unknown): Promise<T> {
  const res = await fetch(buildUrl(endpoint), {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return (await res.json()) as T;
}

export async function listCustomers(token: string) {
  const response = await fetch(`${BASE_API_URL}customers?sortby=name`, {  // fortnox: format GET /3/customers customer
    headers: { Authorization: `Bearer ${token}` },
  });
  return response.json();
}

export async function saveTokens(userId: string, token: string) {
  const supabase = createClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.SUPABASE_KEY!);
  await supabase.from("fortnox_tokens").upsert({ user_id: userId, token });
}
