import 'dotenv/config';

function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`Missing required environment variable ${name}`);
  }
  return value;
}

export const FORTNOX_HOST = process.env.FORTNOX_HOST ?? 'https://api.fortnox.se';
export const FORTNOX_API = `${FORTNOX_HOST}/3`;

const config = {
  port: Number(process.env.PORT ?? 8787),
  webhookSecret: required('SHOP_WEBHOOK_SECRET'),
  fortnox: {
    accessToken: required('FORTNOX_ACCESS_TOKEN'),
    stockPoint: process.env.FORTNOX_STOCK_POINT ?? 'BUTIK',
    cardPaymentMode: process.env.FORTNOX_CARD_PAYMENT_MODE ?? 'KORT',
    cardFeeAccount: Number(process.env.FORTNOX_CARD_FEE_ACCOUNT ?? 6570),
  },
  shop: {
    baseUrl: process.env.SHOP_API_URL ?? 'https://shop.velocykel.se',
    apiKey: required('SHOP_API_KEY'),
  },
  stripe: {
    secretKey: required('STRIPE_SECRET_KEY'),
  },
};

export default config;
