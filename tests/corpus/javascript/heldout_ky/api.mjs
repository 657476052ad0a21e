import ky from 'ky';

const api = ky.create({
  prefixUrl: 'https://api.fortnox.se/3',
  hooks: { beforeRequest: [(request) => request.headers.set('Authorization', `Bearer ${process.env.TOKEN}`)] },
});

export const listOffers = () => api.get('offers').json();  // fortnox: v3-base GET /3/offers offer
export const sendOffer = (n) => api.get(`offers/${n}/email`).json();  // fortnox: v3-base GET /3/offers/{}/email offer
export const createOffer = (offer) => api.post('offers', { json: { Offer: offer } }).json();  // fortnox: v3-base POST /3/offers offer
