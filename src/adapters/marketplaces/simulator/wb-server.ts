import { WB_MARKETPLACE_4XX_COST, type WbGroup, wbLimit } from '../limits.js';
import type { SimHandler, SimRequest, SimResponse } from './http.js';
import { countRequest, gate, type SimState } from './state.js';
import { baseTokenForbidden, checkWbToken, type WbCategory } from './wb-auth.js';
import { wbCards } from './wb-routes-content.js';
import {
  wbMarketplaceStocks,
  wbMarketplaceWarehouses,
  wbStocksReport,
  wbSupplyRoutes,
} from './wb-routes-stock.js';

type Route = {
  method: string;
  pattern: RegExp;
  group: WbGroup;
  handle: (state: SimState, req: SimRequest, m: RegExpMatchArray) => SimResponse;
};

const json = (body: unknown): SimResponse => ({ status: 200, body });

function statisticsFeed(feed: 'orders' | 'sales') {
  return (state: SimState, req: SimRequest): SimResponse => {
    const dateFrom = req.query.get('dateFrom');
    if (!dateFrom) return { status: 400, body: { errors: ['dateFrom: field required'] } };
    const from = parseMoscow(dateFrom);
    if (from === null) return { status: 400, body: { errors: 'dateFrom: Value not validated' } };
    const entries = state.wb.feed(feed, from, state.wbStatisticsPageSize, state.dataNow());
    function* rows() {
      for (const entry of entries) {
        const r = state.wb.render(entry);
        yield state.faults.corrupt(r.row, r.key, 'nmId');
      }
    }
    return { status: 200, body: null, stream: rows() };
  };
}

function parseMoscow(value: string): number | null {
  const withTime = /T/.test(value) ? value : `${value}T00:00:00`;
  const t = Date.parse(`${withTime.replace(/Z$|[+-]\d\d:\d\d$/, '')}+03:00`);
  return Number.isNaN(t) ? null : t;
}

const ROUTES: Record<WbCategory, Route[]> = {
  statistics: [
    {
      method: 'GET',
      pattern: /^\/api\/v1\/supplier\/orders$/,
      group: 'statistics-orders',
      handle: statisticsFeed('orders'),
    },
    {
      method: 'GET',
      pattern: /^\/api\/v1\/supplier\/sales$/,
      group: 'statistics-sales',
      handle: statisticsFeed('sales'),
    },
  ],
  content: [
    { method: 'POST', pattern: /^\/content\/v2\/get\/cards\/list$/, group: 'content-cards', handle: wbCards },
  ],
  analytics: [
    {
      method: 'POST',
      pattern: /^\/api\/analytics\/v1\/stocks-report\/wb-warehouses$/,
      group: 'analytics-wb-stocks',
      handle: wbStocksReport,
    },
  ],
  marketplace: [
    {
      method: 'GET',
      pattern: /^\/api\/v3\/warehouses$/,
      group: 'marketplace',
      handle: wbMarketplaceWarehouses,
    },
    {
      method: 'POST',
      pattern: /^\/api\/v3\/stocks\/(\d+)$/,
      group: 'marketplace',
      handle: wbMarketplaceStocks,
    },
  ],
  supplies: wbSupplyRoutes.map((r) => ({ ...r, group: 'supplies' as const })),
};

function throttled(seconds: number, burst: number): SimResponse {
  return {
    status: 429,
    headers: {
      'Content-Type': 'application/problem+json',
      'X-Ratelimit-Retry': String(seconds),
      'X-Ratelimit-Limit': String(burst),
      'X-Ratelimit-Reset': String(seconds),
    },
    body: {
      title: 'too many requests',
      detail: 'limited by emulator',
      code: 'sim-429',
      requestId: '',
      origin: 's2s-api-auth-catalog',
      status: 429,
      statusText: 'Too Many Requests',
      timestamp: '',
    },
  };
}

/** One WB host (category): token check → rate limit → faults → the route. */
export function createWbHandler(state: SimState, category: WbCategory): SimHandler {
  return (req) => {
    countRequest(state, `wb:${category}:${req.path}`);
    if (req.path === '/ping') return json({ TS: new Date(state.dataNow()).toISOString(), Status: 'OK' });
    const route = ROUTES[category].find((r) => r.method === req.method && r.pattern.test(req.path));
    if (!route)
      return {
        status: 404,
        body: { title: 'not found', detail: `no route ${req.method} ${req.path} (removed or wrong host)` },
      };
    const auth = checkWbToken(req.headers, state.secret, category, state.clock.now());
    if (!auth.ok) return auth.response;
    if (route.group === 'analytics-wb-stocks' && auth.payload.acc === 1) return baseTokenForbidden();
    const spec = wbLimit(route.group, auth.tokenClass === 'base' ? 'base' : 'personal');
    const bucketKey = `${auth.payload.sid}:${auth.tokenClass}:${category}:${route.group}`;
    const passed = gate(
      state,
      {
        bucketKey: `${auth.payload.sid}:${auth.tokenClass}:${category}:${route.group}`,
        spec,
        faultPath: `wb:${req.path}`,
      },
      (s) => throttled(s, spec.burst),
      (status) => ({ status, body: '' }),
    );
    if (!passed.ok) return passed.response;
    const match = req.path.match(route.pattern) ?? [];
    const answer = route.handle(state, req, match as RegExpMatchArray);
    if (route.group === 'marketplace' && answer.status >= 400 && answer.status < 500) {
      // marketplace-api counts a 4XX answer as 10 requests of the budget
      state.limiters.get(bucketKey, spec).charge(WB_MARKETPLACE_4XX_COST - 1);
    }
    return {
      ...answer,
      delayMs: passed.delayMs,
      headers: { ...answer.headers, 'X-Ratelimit-Remaining': String(passed.remaining) },
    };
  };
}
