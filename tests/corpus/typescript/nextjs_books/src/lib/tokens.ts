const TOKEN_URL = "https://apps.fortnox.se/oauth-v1/token";

export async function getAccessToken(): Promise<string> {
  const res = await fetch(TOKEN_URL, { method: "POST", body: new URLSearchParams({ grant_type: "refresh_token" }) });
  return (await res.json()).access_token as string;
}
