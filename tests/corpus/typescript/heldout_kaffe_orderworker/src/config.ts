import 'dotenv/config';

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`Missing required environment variable ${name}`);
  }
  return value;
}

export const config = {
  port: Number(process.env.PORT ?? 3000),
  redisUrl: process.env.REDIS_URL ?? 'redis://localhost:6379',
  fortnox: {
    apiUrl: process.env.FORTNOX_API_URL ?? 'https://api.fortnox.se/3',
    warehouseUrl: process.env.FORTNOX_WAREHOUSE_URL ?? 'https://api.fortnox.se/api/warehouse',
    clientId: required('FORTNOX_CLIENT_ID'),
    clientSecret: required('FORTNOX_CLIENT_SECRET'),
    refreshToken: required('FORTNOX_REFRESH_TOKEN'),
  },
  shop: {
    apiUrl: process.env.SHOP_API_URL ?? 'https://shop.nordkaffe.se/api',
    apiKey: required('SHOP_API_KEY'),
  },
  stripe: {
    secretKey: required('STRIPE_SECRET_KEY'),
  },
};
