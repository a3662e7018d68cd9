import { type OzonGroup, ozonLimit } from '../limits.js';
import type { SimHandler, SimRequest, SimResponse } from './http.js';
import { ozonCatalogueRoutes } from './ozon-routes-catalogue.js';
import { ozonPostingRoutes } from './ozon-routes-postings.js';
import { ozonStockRoutes } from './ozon-routes-stock.js';
import { countRequest, gate, type SimState } from './state.js';

export type OzonRoute = (state: SimState, req: SimRequest) => SimResponse;

export const ozonFail = (status: number, code: number, message: string): SimResponse => ({
  status,
  body: { code, message, details: [] },
});

const ROUTES: Record<string, OzonRoute> = {
  ...ozonCatalogueRoutes,
  ...ozonPostingRoutes,
  ...ozonStockRoutes,
};

const ANALYTICS = new Set(['/v1/analytics/data', '/v1/analytics/turnover/stocks']);

function throttled(seconds: number): SimResponse {
  return {
    status: 429,
    headers: { 'Ratelimit-Remaining': '0', 'Retry-After': String(seconds) },
    body: { code: 8, message: 'You have reached request rate limit per second', details: [] },
  };
}

/** api-seller: Client-Id + Api-Key check → 50 rps per Client-Id (analytics 1/min) → faults → route. */
export function createOzonHandler(state: SimState): SimHandler {
  return (req) => {
    countRequest(state, `ozon:${req.path}`);
    const clientId = req.headers['client-id'];
    const apiKey = req.headers['api-key'];
    if (!clientId || !apiKey) return ozonFail(401, 16, 'Client-Id and Api-Key headers are required');
    if (!/^\d+$/.test(String(clientId)))
      return ozonFail(400, 3, 'Client-Id header value should be positive integer');
    if (
      String(clientId) !== state.ozonCredentials.clientId ||
      String(apiKey) !== state.ozonCredentials.apiKey
    ) {
      return ozonFail(404, 5, 'Invalid Api-Key, please check the key and try again');
    }
    const route = ROUTES[req.path];
    if (!route || req.method !== 'POST') return ozonFail(404, 5, 'method is not allowed');
    const group: OzonGroup = ANALYTICS.has(req.path) ? 'analytics' : 'default';
    const passed = gate(
      state,
      { bucketKey: `ozon:${clientId}:${group}`, spec: ozonLimit(group), faultPath: `ozon:${req.path}` },
      throttled,
      (status) => ozonFail(status, 13, 'Internal error'),
    );
    if (!passed.ok) return passed.response;
    const answer = route(state, req);
    return {
      ...answer,
      delayMs: passed.delayMs,
      headers: { ...answer.headers, 'Ratelimit-Remaining': String(passed.remaining) },
    };
  };
}
