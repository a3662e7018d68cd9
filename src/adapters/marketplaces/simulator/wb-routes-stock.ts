import { z } from 'zod';
import type { SimRequest, SimResponse } from './http.js';
import type { SimState } from './state.js';
import {
  WB_SELLER_WAREHOUSES,
  type WbSupplyFact,
  wbSellerStock,
  wbSupplies,
  wbSupplyDetails,
  wbSupplyGoods,
  wbSupplyListRow,
  wbWarehouseStock,
} from './wb-inventory.js';

const ok = (body: unknown): SimResponse => ({ status: 200, body });
const analyticsError = (status: number, detail: string): SimResponse => ({
  status,
  body: { title: 'bad request', detail, requestId: '', origin: 'analytics' },
});

export function wbStocksReport(state: SimState, req: SimRequest): SimResponse {
  const body = z
    .object({
      limit: z.number().int().min(1).max(250_000).optional(),
      offset: z.number().int().min(0).optional(),
    })
    .safeParse(req.body ?? {});
  if (!body.success) return analyticsError(400, 'limit must be 1..250000');
  const { limit = 250_000, offset = 0 } = body.data;
  const items = wbWarehouseStock(state.seller, state.dataNow())
    .slice(offset, offset + limit)
    .map((row) => state.faults.corrupt(row, `wbstock:${row.chrtId}`, 'quantity'));
  return ok({ data: { items } });
}

export function wbMarketplaceWarehouses(): SimResponse {
  return ok(
    WB_SELLER_WAREHOUSES.map((w) => ({
      ...w,
      cargoType: 1,
      deliveryType: 1,
      isDeleting: false,
      isProcessing: false,
    })),
  );
}

export function wbMarketplaceStocks(state: SimState, req: SimRequest, match: RegExpMatchArray): SimResponse {
  const warehouseId = Number(match[1]);
  if (!WB_SELLER_WAREHOUSES.some((w) => w.id === warehouseId))
    return { status: 404, body: { code: 'NotFound', message: 'warehouse not found' } };
  const body = z.object({ chrtIds: z.array(z.number().int()).min(1).max(1000) }).safeParse(req.body);
  if (!body.success)
    return { status: 400, body: { code: 'IncorrectRequestBody', message: 'chrtIds: 1..1000 integers' } };
  return ok({ stocks: wbSellerStock(state.seller, warehouseId, body.data.chrtIds, state.dataNow()) });
}

const suppliesError = (status: number, detail: string): SimResponse => ({
  status,
  body: {
    status,
    title: status === 404 ? 'not found' : 'bad request',
    detail,
    requestId: '',
    origin: 'supplies',
  },
});

function findSupply(state: SimState, req: SimRequest, id: number): WbSupplyFact | undefined {
  const byPreorder = req.query.get('isPreorderID') === 'true';
  return wbSupplies(state.seller, state.dataNow()).find((s) =>
    byPreorder ? s.preorderID === id : s.supplyID === id,
  );
}

const listBody = z.object({
  statusIDs: z.array(z.number().int().min(1).max(6)).optional(),
  dates: z.array(z.object({ from: z.string(), till: z.string(), type: z.string() })).optional(),
});

export const wbSupplyRoutes = [
  {
    method: 'POST',
    pattern: /^\/api\/v1\/supplies$/,
    handle: (state: SimState, req: SimRequest): SimResponse => {
      const limit = Number(req.query.get('limit') ?? 1000);
      const offset = Number(req.query.get('offset') ?? 0);
      if (!(limit >= 1 && limit <= 1000)) return suppliesError(400, 'limit must be 1..1000');
      const body = listBody.safeParse(req.body ?? {});
      if (!body.success) return suppliesError(400, 'invalid body');
      const { statusIDs, dates } = body.data;
      const rows = wbSupplies(state.seller, state.dataNow()).filter((s) => {
        if (statusIDs && !statusIDs.includes(s.statusID)) return false;
        for (const d of dates ?? []) {
          const field = {
            factDate: s.factDate,
            createDate: s.createDate,
            supplyDate: s.supplyDate,
            updatedDate: s.updatedDate,
          }[d.type];
          const from = Date.parse(`${d.from}T00:00:00+03:00`);
          const till = Date.parse(`${d.till}T23:59:59+03:00`);
          if (field === undefined || field === null || field < from || field > till) return false;
        }
        return true;
      });
      return ok(rows.slice(offset, offset + limit).map(wbSupplyListRow));
    },
  },
  {
    method: 'GET',
    pattern: /^\/api\/v1\/supplies\/(\d+)$/,
    handle: (state: SimState, req: SimRequest, m: RegExpMatchArray): SimResponse => {
      const supply = findSupply(state, req, Number(m[1]));
      return supply ? ok(wbSupplyDetails(supply)) : suppliesError(404, 'supply not found');
    },
  },
  {
    method: 'GET',
    pattern: /^\/api\/v1\/supplies\/(\d+)\/goods$/,
    handle: (state: SimState, req: SimRequest, m: RegExpMatchArray): SimResponse => {
      const supply = findSupply(state, req, Number(m[1]));
      if (!supply) return suppliesError(404, 'supply not found');
      const limit = Number(req.query.get('limit') ?? 100);
      const offset = Number(req.query.get('offset') ?? 0);
      if (!(limit >= 1 && limit <= 1000)) return suppliesError(400, 'limit must be 1..1000');
      return ok(wbSupplyGoods(state.seller, supply).slice(offset, offset + limit));
    },
  },
];
