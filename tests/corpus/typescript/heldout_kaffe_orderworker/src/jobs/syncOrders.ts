import axios from 'axios';
import { Job, Worker } from 'bullmq';
import IORedis from 'ioredis';
import pino from 'pino';
import { config } from '../config';
import { fortnox } from '../fortnox/client';
import { Resources } from '../fortnox/resources';

const logger = pino({ name: 'sync-orders' });

const shop = axios.create({
  baseURL: config.shop.apiUrl,
  headers: { 'X-Api-Key': config.shop.apiKey },
  timeout: 10_000,
});

export interface ShopOrder {
  id: string;
  number: string;
  paymentIntentId?: string;
  customer: {
    id: string;
    fortnoxNumber?: string;
    name: string;
    email: string;
    street: string;
    zip: string;
    city: string;
  };
  lines: { sku: string; quantity: number; unitPrice: number }[];
}

export async function syncCatalog() {
  const articles = new Map<string, any>();
  for await (const article of fortnox.paginate<any>(Resources.articles, 'Articles', { filter: 'active' })) {
    articles.set(article.ArticleNumber, article);
  }

  const priceLists: any[] = [];
  for await (const priceList of fortnox.paginate<any>(Resources.priceLists, 'PriceLists')) {
    priceLists.push(priceList);
  }

  const projects: any[] = [];
  for await (const project of fortnox.paginate<any>(Resources.projects, 'Projects', { status: 'ONGOING' })) {
    projects.push(project);
  }

  const costCenters: any[] = [];
  for await (const costCenter of fortnox.paginate<any>(Resources.costCenters, 'CostCenters')) {
    costCenters.push(costCenter);
  }

  logger.info({ articles: articles.size, priceLists: priceLists.length, projects: projects.length }, 'catalog synced');
  return { articles, priceLists, projects, costCenters };
}

async function ensureCustomer(order: ShopOrder): Promise<string> {
  if (order.customer.fortnoxNumber) {
    const existing = await fortnox.getCustomer(order.customer.fortnoxNumber);
    return existing.CustomerNumber!;
  }
  const created = await fortnox.createCustomer({
    Name: order.customer.name,
    Email: order.customer.email,
    Address1: order.customer.street,
    ZipCode: order.customer.zip,
    City: order.customer.city,
  });
  return created.CustomerNumber!;
}

async function processOrder(order: ShopOrder): Promise<void> {
  const existing = await fortnox.request<{ Orders: any[] }>(
    'GET',
    `/orders?externalinvoicereference1=${encodeURIComponent(order.number)}`, // fortnox: cross-file GET /3/orders order
  );
  if (existing.Orders.length > 0) {
    logger.info({ order: order.number }, 'order already transferred, skipping');
    return;
  }

  const customerNumber = await ensureCustomer(order);

  const { Order: created } = await fortnox.request('POST', '/orders', { // fortnox: cross-file POST /3/orders order
    Order: {
      CustomerNumber: customerNumber,
      ExternalInvoiceReference1: order.number,
      YourOrderNumber: order.id,
      OrderRows: order.lines.map((line) => ({
        ArticleNumber: line.sku,
        OrderedQuantity: line.quantity,
        DeliveredQuantity: line.quantity,
        Price: line.unitPrice,
      })),
    },
  });

  let paid = false;
  if (order.paymentIntentId) {
    const { data: intent } = await axios.get(`https://api.stripe.com/v1/payment_intents/${order.paymentIntentId}`, { // fortnox: none other-api
      auth: { username: config.stripe.secretKey, password: '' },
    });
    paid = intent.status === 'succeeded';
  }

  const { Order: invoiced } = await fortnox.request('PUT', `/orders/${created.DocumentNumber}/createinvoice`); // fortnox: cross-file PUT /3/orders/{}/createinvoice order
  const invoiceNumber = invoiced.InvoiceReference;

  if (paid) {
    await fortnox.bookkeepInvoice(invoiceNumber);
  }

  logger.info(`Order ${order.number} invoiced: https://api.fortnox.se/3/invoices/${invoiceNumber}`); // fortnox: none log

  await shop.patch(`/orders/${order.id}`, { status: 'invoiced', invoiceNumber }); // fortnox: none other-api
}

const connection = new IORedis(config.redisUrl, { maxRetriesPerRequest: null });

export const worker = new Worker<ShopOrder>('invoices', async (job: Job<ShopOrder>) => processOrder(job.data), { // fortnox: none label
  connection,
  concurrency: 2,
});

worker.on('failed', (job, err) => {
  logger.error({ order: job?.data.number, err: err.message }, 'order sync failed');
});
