const express = require('express');
const fetch = require('node-fetch');
const Stripe = require('stripe');

const router = express.Router();
const stripe = Stripe(process.env.STRIPE_KEY);
const FORTNOX = 'https://api.fortnox.se';

function headers() {
  return { Authorization: `Bearer ${process.env.FORTNOX_TOKEN}`, 'Content-Type': 'application/json' };
}

router.get('/invoices/:number', async (req, res) => {  // fortnox: none own-route
  const response = await fetch(FORTNOX + '/3/invoices/' + req.params.number, { headers: headers() });  // fortnox: host-base GET /3/invoices/{} invoice
  res.json(await response.json());
});

router.post('/invoices/:number/send', async (req, res) => {  // fortnox: none own-route
  const url = `${FORTNOX}/3/invoices/${req.params.number}/email`;  // fortnox: format GET /3/invoices/{}/email invoice
  const response = await fetch(url, { headers: headers() });
  res.json(await response.json());
});

router.post('/invoices/:number/bookkeep', async (req, res) => {  // fortnox: none own-route
  const response = await fetch(`${FORTNOX}/3/invoices/${req.params.number}/bookkeep`, {  // fortnox: format PUT /3/invoices/{}/bookkeep invoice
    method: 'PUT',
    headers: headers(),
  });
  res.json(await response.json());
});

router.get('/stripe-invoices', async (req, res) => {  // fortnox: none own-route
  const invoices = await stripe.invoices.list({ limit: 10 });
  const raw = await fetch('https://api.stripe.com/v1/invoices', { headers: { Authorization: 'Bearer sk' } });  // fortnox: none other-api
  res.json({ invoices, raw: await raw.json() });
});

// fetch('https://api.fortnox.se/3/vouchers') was the old bookkeeping export  // fortnox: none comment
/* const legacy = FORTNOX + '/3/accounts'; */

module.exports = router;
