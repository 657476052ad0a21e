#!/usr/bin/env node
// Month-end close: export the period's ledgers for the accountant, book any supplier
// invoices still left unbooked, and post the card-fee voucher.
//   node scripts/month-end.js 2024-05 [--dry-run]
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import axios from 'axios';
import config, { FORTNOX_HOST, FORTNOX_API } from '../src/config.js';
import { withRetry } from '../src/fortnox.js';

const [month, ...flags] = process.argv.slice(2);
if (!/^\d{4}-\d{2}$/.test(month ?? '')) {
  console.error('usage: month-end.js YYYY-MM [--dry-run]');
  process.exit(1);
}
const dryRun = flags.includes('--dry-run');
const fromdate = `${month}-01`;
const todate = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);

const http = axios.create({
  headers: { Authorization: `Bearer ${config.fortnox.accessToken}`, Accept: 'application/json' },
  timeout: 30_000,
});

// Lists handed to the accountant as CSV. Series B is the webshop's own voucher series.
const EXPORTS = [
  { file: 'kundfakturor.csv', path: '/3/invoices', list: 'Invoices' }, // fortnox: route-table /3/invoices invoice
  { file: 'inbetalningar.csv', path: '/3/invoicepayments', list: 'InvoicePayments' }, // fortnox: route-table /3/invoicepayments payment
  { file: 'verifikationer-B.csv', path: '/3/vouchers/sublist/B', list: 'Vouchers' }, // fortnox: route-table /3/vouchers/sublist/B bookkeeping
];

async function fetchAll(url, list, params) {
  const rows = [];
  for (let page = 1, total = 1; page <= total; page += 1) {
    const { data } = await withRetry(() => http.get(url, { params: { ...params, page, limit: 500 } }), { label: list });
    total = Number(data.MetaInformation['@TotalPages']);
    rows.push(...data[list]);
  }
  return rows;
}

function toCsv(rows) {
  if (!rows.length) return '';
  const cols = Object.keys(rows[0]).filter((k) => typeof rows[0][k] !== 'object');
  const esc = (v) => `"${String(v ?? '').replaceAll('"', '""')}"`;
  return [cols.join(';'), ...rows.map((r) => cols.map((c) => esc(r[c])).join(';'))].join('\n');
}

async function main() {
  const summary = [];
  const { data: fy } = await http.get('https://api.fortnox.se/3/financialyears', { params: { date: fromdate } }); // fortnox: url GET /3/financialyears bookkeeping
  const financialyear = fy.FinancialYears[0].Id;

  const outDir = path.resolve('exports', month);
  await mkdir(outDir, { recursive: true });
  for (const spec of EXPORTS) {
    const rows = await fetchAll(`${FORTNOX_HOST}${spec.path}`, spec.list, { fromdate, todate, financialyear });
    await writeFile(path.join(outDir, spec.file), toCsv(rows));
    summary.push({ step: spec.file, count: rows.length });
  }

  const { data: unbooked } = await http.get(`${FORTNOX_API}/supplierinvoices`, { // fortnox: v3-base GET /3/supplierinvoices supplierinvoice
    params: { filter: 'unbooked', fromdate, todate },
  });
  let booked = 0;
  for (const inv of unbooked.SupplierInvoices) {
    if (dryRun) continue;
    await withRetry(() => http.put(`${FORTNOX_API}/supplierinvoices/${inv.GivenNumber}/bookkeep`)); // fortnox: format PUT /3/supplierinvoices/{}/bookkeep supplierinvoice
    booked += 1;
  }
  summary.push({ step: 'supplierinvoices', count: booked }); // fortnox: none label

  const fees = Number(process.env.CARD_FEES_SEK ?? 0);
  if (fees > 0 && !dryRun) {
    // The created voucher comes back without rows; GET https://api.fortnox.se/3/vouchers/B/{n} to verify. // fortnox: none comment
    const { data: created } = await http.post(FORTNOX_API + '/vouchers', { // fortnox: v3-base POST /3/vouchers bookkeeping
      Voucher: {
        VoucherSeries: 'B',
        TransactionDate: todate,
        Description: `Kortavgifter ${month}`,
        VoucherRows: [
          { Account: config.fortnox.cardFeeAccount, Debit: fees, Credit: 0 },
          { Account: 1930, Debit: 0, Credit: fees },
        ],
      },
    }, { params: { financialyear } });
    const number = created.Voucher.VoucherNumber;
    const { data: check } = await http.get(`https://api.fortnox.se/3/vouchers/B/${number}`, { params: { financialyear } }); // fortnox: format GET /3/vouchers/B/{} bookkeeping
    summary.push({ step: `voucher B${number}`, count: check.Voucher.VoucherRows.length });
  }

  console.table(summary);
}

main().catch((err) => {
  console.error(err.response?.data ?? err);
  process.exit(1);
});
