import { apiRequest } from "../services/api";

export async function listInbox(folder?: string) {
  let endpoint = "/3/inbox";  // fortnox: path GET /3/inbox inbox
  const query: Record<string, string> = {};
  if (folder) query.path = folder;
  return apiRequest(endpoint, "GET", undefined, query);
}

export async function attachments(entityId: string) {
  return apiRequest("/api/fileattachments/attachments-v1", "GET", undefined, { entityid: entityId });  // fortnox: path GET /api/fileattachments/attachments-v1 connectfile
}

export async function notifySlack(text: string) {
  return fetch("https://hooks.slack.com/services/T000/B000/abc", { method: "POST", body: JSON.stringify({ text }) });  // fortnox: none other-api
}
