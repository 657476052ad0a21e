'use strict';

const axios = require('axios');

const client = axios.create({
  baseURL: process.env.FORTNOX_URL || 'https://api.fortnox.se/3/',
  headers: { Accept: 'application/json' },
});

client.interceptors.request.use((config) => {
  config.headers.Authorization = `Bearer ${process.env.FORTNOX_TOKEN}`;
  return config;
});

async function getAll(resource, wrapper) {
  const out = [];
  for (let page = 1; ; page += 1) {
    const { data } = await client.get(`/${resource}`, { params: { page, limit: 500 } });
    out.push(...data[wrapper]);
    if (page >= data.MetaInformation['@TotalPages']) return out;
  }
}

module.exports = { client, getAll };
