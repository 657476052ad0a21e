// Collections we mirror into the local product catalogue every night.
export const Resources = {
  articles: '/articles', // fortnox: route-table /3/articles article
  priceLists: '/pricelists', // fortnox: route-table /3/pricelists price
  projects: '/projects', // fortnox: route-table /3/projects project
  costCenters: '/costcenters', // fortnox: route-table /3/costcenters costcenter
} as const;

export type ResourceName = keyof typeof Resources;
