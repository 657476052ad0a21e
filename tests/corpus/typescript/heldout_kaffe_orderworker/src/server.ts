import express, { NextFunction, Request, Response } from 'express';
import { config } from './config';
import { fortnox, getAccessToken } from './fortnox/client';
import { syncCatalog } from './jobs/syncOrders';
import { bookkeepSupplierInvoices, postPaymentFeesVoucher } from './jobs/monthEnd';

const app = express();
app.use(express.json());

app.get('/health', async (_req, res) => {
  const r = await fetch('https://api.fortnox.se/3/companyinformation', { // fortnox: url /3/companyinformation companyinformation
    headers: { Authorization: `Bearer ${await getAccessToken()}`, Accept: 'application/json' },
  });
  res.status(r.ok ? 200 : 503).json({ ok: r.ok });
});

app.get('/customers/:number', async (req, res, next) => { // fortnox: none own-route
  try {
    res.json(await fortnox.getCustomer(req.params.number));
  } catch (err) {
    next(err);
  }
});

app.get('/stock', async (req, res, next) => {
  try {
    const url = new URL('/api/warehouse/stockpoints-v1', process.env.FORTNOX_HOST); // fortnox: path /api/warehouse/stockpoints-v1 warehouse
    if (req.query.q) {
      url.searchParams.set('q', String(req.query.q));
    }
    const r = await fetch(url, { headers: { Authorization: `Bearer ${await getAccessToken()}` } });
    const stockPoints = await r.json();
    const skus = String(req.query.skus ?? '').split(',').filter(Boolean);
    const balances = skus.length ? await fortnox.stockBalance(skus) : [];
    res.json({ stockPoints, balances });
  } catch (err) {
    next(err);
  }
});

app.post('/admin/catalog/sync', async (_req, res, next) => {
  try {
    const result = await syncCatalog();
    res.json({ articles: result.articles.size, priceLists: result.priceLists.length });
  } catch (err) {
    next(err);
  }
});

app.post('/admin/month-end', async (req, res, next) => {
  try {
    const voucher = await postPaymentFeesVoucher(req.body.date, Number(req.body.fees));
    const failed = await bookkeepSupplierInvoices(req.body.supplierInvoices ?? []);
    res.json({ voucher: voucher.VoucherNumber, failed });
  } catch (err) {
    next(err);
  }
});

app.use((err: Error, _req: Request, res: Response, _next: NextFunction) => {
  res.status(502).json({ error: err.message });
});

app.listen(config.port, () => {
  console.log(`order worker admin listening on :${config.port}`);
});
