import axios from 'axios';
import { getAccessToken } from '../fortnox/client';

const FORTNOX_HOST = process.env.FORTNOX_HOST ?? 'https://api.fortnox.se';
const API_V3 = `${FORTNOX_HOST}/3`;

async function authHeaders() {
  return {
    Authorization: `Bearer ${await getAccessToken()}`,
    Accept: 'application/json',
  };
}

export interface VoucherRow {
  Account: number;
  Debit?: number;
  Credit?: number;
  Description?: string;
}

export async function postPaymentFeesVoucher(date: string, fees: number) {
  const voucher = {
    Description: `Stripe fees ${date}`,
    VoucherSeries: 'A',
    TransactionDate: date,
    VoucherRows: [
      { Account: 6570, Debit: fees },
      { Account: 1930, Credit: fees },
    ] as VoucherRow[],
  };
  const { data } = await axios.post(API_V3 + '/vouchers', { Voucher: voucher }, { headers: await authHeaders() }); // fortnox: v3-base POST /3/vouchers bookkeeping
  return data.Voucher;
}

export async function listVouchers(series: string, financialYearDate: string) {
  const res = await fetch(FORTNOX_HOST + '/3/vouchers/sublist/' + series + '?financialyeardate=' + financialYearDate, { // fortnox: host-base /3/vouchers/sublist/{} bookkeeping
    headers: await authHeaders(),
  });
  if (!res.ok) {
    throw new Error(`Could not list vouchers in series ${series}: ${res.status}`);
  }
  const body = await res.json();
  return body.Vouchers as { VoucherNumber: number; TransactionDate: string; Description: string }[];
}

export async function bookkeepSupplierInvoices(givenNumbers: number[]) {
  const failed: number[] = [];
  for (const givenNumber of givenNumbers) {
    try {
      await axios.put(`${API_V3}/supplierinvoices/${givenNumber}/bookkeep`, null, { headers: await authHeaders() }); // fortnox: format PUT /3/supplierinvoices/{}/bookkeep supplierinvoice
    } catch (err) {
      failed.push(givenNumber);
    }
  }
  return failed;
}
