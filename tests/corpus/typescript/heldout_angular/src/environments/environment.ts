export const environment = {
  production: true,
  fortnoxApi: "https://api.fortnox.se/3",
  analyticsUrl: "https://analytics.example.com/collect",
};
