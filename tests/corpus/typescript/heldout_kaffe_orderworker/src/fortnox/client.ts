import axios, { AxiosInstance, Method } from 'axios';
import { config } from '../config';

const TOKEN_URL = 'https://apps.fortnox.se/oauth-v1/token'; // fortnox: none oauth

export interface FortnoxCustomer {
  CustomerNumber?: string;
  Name: string;
  Email?: string;
  OrganisationNumber?: string;
  Address1?: string;
  ZipCode?: string;
  City?: string;
}

export interface StockBalance {
  itemId: string;
  stockPointCode: string;
  availableStock: number;
  inStock: number;
}

interface ListResponse {
  MetaInformation: { '@TotalPages': number; '@CurrentPage': number; '@TotalResources': number };
  [collection: string]: unknown;
}

let cachedToken: { value: string; expiresAt: number } | null = null;
let refreshToken = config.fortnox.refreshToken;

export async function getAccessToken(): Promise<string> {
  if (cachedToken && cachedToken.expiresAt > Date.now() + 60_000) {
    return cachedToken.value;
  }
  const credentials = Buffer.from(`${config.fortnox.clientId}:${config.fortnox.clientSecret}`).toString('base64');
  const body = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken });
  const { data } = await axios.post(TOKEN_URL, body, {
    headers: {
      Authorization: `Basic ${credentials}`,
      'Content-Type': 'application/x-www-form-urlencoded',
    },
  });
  refreshToken = data.refresh_token;
  cachedToken = { value: data.access_token, expiresAt: Date.now() + data.expires_in * 1000 };
  return cachedToken.value;
}

export class FortnoxClient {
  private readonly http: AxiosInstance;

  constructor() {
    this.http = axios.create({
      baseURL: config.fortnox.apiUrl,
      timeout: 15_000,
      headers: { Accept: 'application/json' },
    });
    this.http.interceptors.request.use(async (req) => {
      req.headers.Authorization = `Bearer ${await getAccessToken()}`;
      return req;
    });
  }

  async request<T = any>(method: Method, path: string, data?: unknown): Promise<T> {
    const res = await this.http.request<T>({ method, url: path, data });
    return res.data;
  }

  async *paginate<T>(path: string, collection: string, params: Record<string, string | number> = {}): AsyncGenerator<T> {
    let page = 1;
    let totalPages = 1;
    do {
      const { data } = await this.http.get<ListResponse>(path, { params: { ...params, page, limit: 500 } });
      totalPages = data.MetaInformation['@TotalPages'];
      for (const item of data[collection] as T[]) {
        yield item;
      }
      page += 1;
    } while (page <= totalPages);
  }

  async getCustomer(customerNumber: string): Promise<FortnoxCustomer> {
    const { data } = await this.http.get(`/customers/${encodeURIComponent(customerNumber)}`); // fortnox: helper GET /3/customers/{} customer
    return data.Customer;
  }

  async createCustomer(customer: FortnoxCustomer): Promise<FortnoxCustomer> {
    const { data } = await this.http.post('/customers', { Customer: customer }); // fortnox: helper POST /3/customers customer
    return data.Customer;
  }

  async bookkeepInvoice(documentNumber: string | number): Promise<void> {
    await this.http.put(`/invoices/${documentNumber}/bookkeep`); // fortnox: helper PUT /3/invoices/{}/bookkeep invoice
  }

  async stockBalance(itemIds: string[]): Promise<StockBalance[]> {
    return this.warehouseRequest<StockBalance[]>(`/status-v1/stockbalance?itemIds=${itemIds.join(',')}`); // fortnox: helper /api/warehouse/status-v1/stockbalance warehouse
  }

  private async warehouseRequest<T>(path: string, init: RequestInit = {}): Promise<T> {
    const res = await fetch(`${config.fortnox.warehouseUrl}${path}`, {
      ...init,
      headers: {
        ...(init.headers as Record<string, string>),
        Authorization: `Bearer ${await getAccessToken()}`,
        'Content-Type': 'application/json',
      },
    });
    if (!res.ok) {
      throw new Error(`Warehouse request failed: ${res.status} ${await res.text()}`);
    }
    return (await res.json()) as T;
  }
}

export const fortnox = new FortnoxClient();
