import got from 'got';
import config, { FORTNOX_API } from './config.js';

const RETRYABLE = new Set([429, 500, 502, 503, 504]);

// One shared client for the v3 REST API. prefixUrl means paths are written without a leading slash.
export const api = got.extend({
  prefixUrl: FORTNOX_API,
  headers: {
    Authorization: `Bearer ${config.fortnox.accessToken}`,
    Accept: 'application/json',
  },
  responseType: 'json',
  resolveBodyOnly: true,
  timeout: { request: 20_000 },
  retry: { limit: 0 }, // withRetry() below owns the back-off
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// The API allows ~25 requests per 5 seconds per token, so 429s are expected during bursts.
export async function withRetry(fn, { attempts = 5, label = 'request' } = {}) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await fn();
    } catch (err) {
      const status = err.response?.statusCode ?? err.response?.status;
      if (!RETRYABLE.has(status) || attempt >= attempts) {
        throw err;
      }
      const wait = 300 * 2 ** attempt;
      console.warn(`[${label}] HTTP ${status}, retry ${attempt}/${attempts - 1} in ${wait}ms`);
      await sleep(wait);
    }
  }
}

export async function findCustomerByEmail(email) {
  const body = await withRetry(() => api.get('customers', { searchParams: { email } }), { label: 'customer lookup' }); // fortnox: helper GET /3/customers customer
  return body.Customers?.[0] ?? null;
}

export async function createCustomer(customer) {
  const body = await withRetry(() => api.post('customers', { json: { Customer: customer } })); // fortnox: helper POST /3/customers customer
  return body.Customer;
}

export async function getArticle(articleNumber) {
  const body = await withRetry(() => api.get(`articles/${encodeURIComponent(articleNumber)}`)); // fortnox: format GET /3/articles/{} article
  return body.Article;
}

export const createOrder = (order) =>
  withRetry(() => api.post('orders', { json: { Order: order } })).then((body) => body.Order); // fortnox: helper POST /3/orders order

export async function invoiceFromOrder(documentNumber) {
  const body = await withRetry(() => api.put(`orders/${documentNumber}/createinvoice`)); // fortnox: format PUT /3/orders/{}/createinvoice order
  return body.Invoice;
}
