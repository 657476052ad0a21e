// Netlify/Lambda style function: the webshop calls it when an order is paid.
import crypto from 'node:crypto';
import config, { FORTNOX_HOST } from './config.js';
import {
  api,
  withRetry,
  findCustomerByEmail,
  createCustomer,
  getArticle,
  createOrder,
  invoiceFromOrder,
} from './fortnox.js';

function verifySignature(body, signature) {
  const expected = crypto.createHmac('sha256', config.webhookSecret).update(body).digest('hex');
  return (
    typeof signature === 'string' &&
    signature.length === expected.length &&
    crypto.timingSafeEqual(Buffer.from(signature), Buffer.from(expected))
  );
}

async function warehouseFetch(url, init = {}) {
  const res = await fetch(url, {
    ...init,
    headers: {
      Authorization: `Bearer ${config.fortnox.accessToken}`,
      'Content-Type': 'application/json',
      Accept: 'application/json',
      ...init.headers,
    },
  });
  if (!res.ok) {
    const err = new Error(`warehouse ${res.status}: ${await res.text()}`);
    err.response = { status: res.status };
    throw err;
  }
  return res.status === 204 ? null : res.json();
}

async function assertInStock(lines) {
  const itemIds = lines.map((l) => l.sku).join(',');
  const balances = await withRetry(() =>
    warehouseFetch(`${FORTNOX_HOST}/api/warehouse/status-v1/stockbalance?itemIds=${encodeURIComponent(itemIds)}&stockPointCodes=${config.fortnox.stockPoint}`), // fortnox: host-base /api/warehouse/status-v1/stockbalance warehouse
  );
  const short = lines.filter((l) => {
    const row = balances.find((b) => b.itemId === l.sku);
    return !row || row.availableStock < l.qty;
  });
  if (short.length) {
    throw new Error(`not enough stock for ${short.map((l) => l.sku).join(', ')}`);
  }
}

async function stripeCharge(chargeId) {
  const res = await fetch(`https://api.stripe.com/v1/charges/${chargeId}`, { // fortnox: none other-api
    headers: { Authorization: `Bearer ${config.stripe.secretKey}` },
  });
  if (!res.ok) throw new Error(`stripe ${res.status}`);
  return res.json();
}

async function ensureCustomer(order) {
  const existing = await findCustomerByEmail(order.customer.email);
  if (existing) return existing;
  return createCustomer({
    Name: order.customer.name,
    Email: order.customer.email,
    Address1: order.shipping.street,
    ZipCode: order.shipping.zip,
    City: order.shipping.city,
    CountryCode: order.shipping.country ?? 'SE',
    Type: order.customer.orgNumber ? 'COMPANY' : 'PRIVATE',
    OrganisationNumber: order.customer.orgNumber,
  });
}

export const handler = async (event) => {
  if (!verifySignature(event.body, event.headers['x-shop-signature'])) {
    return { statusCode: 401, body: 'bad signature' };
  }
  const order = JSON.parse(event.body);

  await assertInStock(order.lines);
  const customer = await ensureCustomer(order);

  const rows = [];
  for (const line of order.lines) {
    const article = await getArticle(line.sku);
    rows.push({
      ArticleNumber: article.ArticleNumber,
      OrderedQuantity: line.qty,
      DeliveredQuantity: line.qty,
      Price: line.unitPrice,
    });
  }

  const fnOrder = await createOrder({
    CustomerNumber: customer.CustomerNumber,
    YourOrderNumber: String(order.id),
    OrderRows: rows,
  });
  console.log(`order ${order.id}: POST https://api.fortnox.se/3/orders -> ${fnOrder.DocumentNumber}`); // fortnox: none log

  const invoice = await invoiceFromOrder(fnOrder.DocumentNumber);
  await withRetry(() => api.put(`invoices/${invoice.DocumentNumber}/bookkeep`)); // fortnox: cross-file PUT /3/invoices/{}/bookkeep invoice

  if (order.payment?.chargeId) {
    const charge = await stripeCharge(order.payment.chargeId);
    await withRetry(() =>
      api.post('invoicepayments', { // fortnox: cross-file POST /3/invoicepayments payment
        json: {
          InvoicePayment: {
            InvoiceNumber: Number(invoice.DocumentNumber),
            Amount: charge.amount / 100,
            PaymentDate: new Date(charge.created * 1000).toISOString().slice(0, 10),
            ModeOfPayment: config.fortnox.cardPaymentMode,
          },
        },
      }),
    );
  }

  await warehouseFetch(`${FORTNOX_HOST}/api/warehouse/deliveries-v1/outbounddeliveries`, { // fortnox: host-base POST /api/warehouse/deliveries-v1/outbounddeliveries warehouse
    method: 'POST',
    body: JSON.stringify({
      stockPointCode: config.fortnox.stockPoint,
      sourceDocument: { type: 'INVOICE', id: String(invoice.DocumentNumber) },
      rows: order.lines.map((l) => ({ itemId: l.sku, quantity: l.qty })),
    }),
  });

  await fetch(`${config.shop.baseUrl}/api/orders/${order.id}/fulfillment`, { // fortnox: none other-api
    method: 'POST',
    headers: { 'X-Api-Key': config.shop.apiKey, 'Content-Type': 'application/json' },
    body: JSON.stringify({ invoiceNumber: invoice.DocumentNumber }),
  });

  return { statusCode: 200, body: JSON.stringify({ invoice: invoice.DocumentNumber }) };
};
