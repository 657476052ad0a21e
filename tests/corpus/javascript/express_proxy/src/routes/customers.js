const express = require('express');
const { client, getAll } = require('../fortnoxClient');

const router = express.Router();

router.get('/customers', async (req, res, next) => {  // fortnox: none own-route
  try {
    res.json(await getAll('customers', 'Customers'));  // fortnox: cross-file /3/customers customer
  } catch (err) {
    next(err);
  }
});

router.post('/customers', async (req, res) => {  // fortnox: none own-route
  const { data } = await client.post('/customers', { Customer: req.body });  // fortnox: cross-file POST /3/customers customer
  res.status(201).json(data.Customer);
});

router.put('/customers/:id', async (req, res) => {  // fortnox: none own-route
  const { data } = await client.put(`/customers/${encodeURIComponent(req.params.id)}`, {  // fortnox: cross-file PUT /3/customers/{} customer
    Customer: req.body,
  });
  res.json(data.Customer);
});

module.exports = router;
