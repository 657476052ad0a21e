// Every Fortnox collection the worker touches, in one place.
export const FORTNOX_PATHS = Object.freeze({
  orders: 'orders',  // fortnox: route-table /3/orders order
  articles: 'articles',  // fortnox: route-table /3/articles article
  priceLists: 'pricelists',  // fortnox: route-table /3/pricelists price
  offers: 'offers/',  // fortnox: route-table /3/offers offer
});

export const SHOP_PATHS = {
  orders: '/admin/api/2024-01/orders.json',  // fortnox: none other-api
  products: '/admin/api/2024-01/products.json',
};
