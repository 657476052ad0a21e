import { FORTNOX_PATHS, SHOP_PATHS } from './paths.mjs';

const API_BASE = 'https://api.fortnox.se/3/';
const SHOP = `https://${process.env.SHOP}.myshopify.com`;

async function call(path, options = {}) {
  const response = await fetch(new URL(path, API_BASE), {
    ...options,
    headers: { Authorization: `Bearer ${process.env.FORTNOX_TOKEN}`, 'Content-Type': 'application/json' },
  });
  if (!response.ok) throw new Error(`Fortnox answered ${response.status} for ${path}`);
  return response.json();
}

export async function snapshot() {
  const out = {};
  for (const [key, path] of Object.entries(FORTNOX_PATHS)) {
    out[key] = await call(path);
  }
  return out;
}

export async function pushOrder(order) {
  return call('orders', { method: 'POST', body: JSON.stringify({ Order: order }) });  // fortnox: helper POST /3/orders order
}

export async function cancelOrder(number) {
  return call(`orders/${number}/cancel`, { method: 'PUT' });  // fortnox: helper PUT /3/orders/{}/cancel order
}

export async function currencies() {
  const res = await fetch(new URL('currencies?limit=100', API_BASE));  // fortnox: format GET /3/currencies currency
  return (await res.json()).Currencies;
}

export async function shopOrders() {
  const res = await fetch(SHOP + SHOP_PATHS.orders);
  const archived = await fetch(`${SHOP}/admin/api/2024-01/orders.json?status=archived`);  // fortnox: none other-api
  return [await res.json(), await archived.json()];
}

export function isOrderEvent(event) {
  return event.topic === 'orders' || event.topic.startsWith('orders/');  // fortnox: none name-only
}
