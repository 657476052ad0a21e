const https = require('https');

class Client {
  constructor(options = {}) {
    this.accessToken = options.accessToken;
    this.baseUrl = options.baseUrl || 'https://api.fortnox.se/3';
  }

  async request(method, path, body) {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${this.accessToken}`, 'Content-Type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`${method} ${path} failed with ${res.status}`);
    return res.json();
  }

  getInvoices(filter) {
    return this.request('GET', `/invoices?filter=${filter}`);  // fortnox: helper GET /3/invoices invoice
  }

  createCustomer(customer) {
    return this.request('POST', '/customers', { Customer: customer });  // fortnox: helper POST /3/customers customer
  }

  printOrder(number) {
    return this.request('GET', `/orders/${number}/print`);  // fortnox: helper GET /3/orders/{}/print order
  }
}

module.exports = { Client };
