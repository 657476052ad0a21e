export const environment = {
  production: false,
  apiHost: "https://api.fortnox.se",
  token: process.env.FORTNOX_ACCESS_TOKEN ?? "",
  slackWebhook: "https://hooks.slack.com/services/T000/B000/abc",
};
