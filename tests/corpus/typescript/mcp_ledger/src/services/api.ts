import { environment } from "../environments/environment";

export type Query = Record<string, string | number | undefined>;

export async function apiRequest<T>(endpoint: string, method = "GET", body?: unknown, query: Query = {}): Promise<T> {
  const url = new URL(endpoint, environment.apiHost);
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  const response = await fetch(url, {
    method,
    headers: { Authorization: `Bearer ${environment.token}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 429) {
    throw new Error("rate limited: 25 requests per 5 seconds");
  }
  return (await response.json()) as T;
}
