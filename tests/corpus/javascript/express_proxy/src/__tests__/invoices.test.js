const nock = require('nock');

test('reads an invoice', async () => {
  nock('https://api.fortnox.se').get('/3/invoices/1').reply(200, { Invoice: {} });  // fortnox: none test
});
