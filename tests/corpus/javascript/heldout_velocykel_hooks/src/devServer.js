// Local wrapper around the function, plus a small PDF proxy used by the shop admin.
import express from 'express';
import config from './config.js';
import { handler } from './handler.js';
import { api, withRetry } from './fortnox.js';

const app = express();
app.use(express.text({ type: '*/*', limit: '1mb' }));

app.post('/webhooks/order-paid', async (req, res, next) => {
  try {
    const result = await handler({ body: req.body, headers: req.headers });
    res.status(result.statusCode).send(result.body);
  } catch (err) {
    next(err);
  }
});

app.get('/invoices/:documentNumber', async (req, res, next) => { // fortnox: none own-route
  const { documentNumber } = req.params;
  try {
    const { Invoice } = await withRetry(() => api.get(`invoices/${documentNumber}`)); // fortnox: cross-file GET /3/invoices/{} invoice
    if (Invoice.Cancelled) {
      return res.status(410).send('invoice cancelled');
    }
    const pdf = await withRetry(() =>
      api.get('invoices/' + documentNumber + '/preview', { // fortnox: cross-file GET /3/invoices/{}/preview invoice
        responseType: 'buffer',
        headers: { Accept: 'application/pdf' },
      }),
    );
    res.type('application/pdf').send(pdf);
  } catch (err) {
    next(err);
  }
});

app.use((err, req, res, _next) => {
  console.error(err);
  res.status(err.response?.statusCode ?? 500).json({ error: err.message });
});

app.listen(config.port, () => console.log(`dev server on http://localhost:${config.port}`));
