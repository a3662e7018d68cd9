import { ozonStock } from './ozon-data.js';
import { ozonSupplyOrders, renderSupplyOrder } from './ozon-supplies.js';
import type { SimState } from './state.js';
import {
  WB_SELLER_WAREHOUSES,
  wbSellerStock,
  wbSupplies,
  wbSupplyGoods,
  wbWarehouseStock,
} from './wb-inventory.js';
import { visibleCards } from './wb-routes-content.js';

const DAY = 86_400_000;

/**
 * Ground truth as of the emulator's current data time: exactly what the APIs would return, so a
 * test can compare what a sync stored with what the marketplace holds. Large sets are generators.
 */
export function createTruth(state: SimState) {
  return {
    skus: () => state.seller.skus,
    wbCards: () => visibleCards(state),
    /** Rows `supplier/orders` holds now (90 days), one per ordered unit. */
    wbOrderRows: () => mapRows(state.wb.all('orders', state.dataNow())),
    /** Rows `supplier/sales` holds now (sales `S…` and returns `R…`). */
    wbSaleRows: () => mapRows(state.wb.all('sales', state.dataNow())),
    /** Postings of the last 364 days as the list methods render them now. */
    *ozonPostings(scheme: 'fbo' | 'fbs') {
      const now = state.dataNow();
      for (const p of state.ozon.scan(scheme, now - 364 * DAY, now, now, null, null))
        yield state.ozon.render(p, now);
    },
    wbStock: () => {
      const now = state.dataNow();
      const chrtIds = state.seller.skus.map((s) => s.chrtId);
      return {
        fbo: wbWarehouseStock(state.seller, now),
        fbs: WB_SELLER_WAREHOUSES.flatMap((w) =>
          wbSellerStock(state.seller, w.id, chrtIds, now).map((r) => ({ ...r, warehouseId: w.id })),
        ),
      };
    },
    ozonStock: () => ozonStock(state.seller, state.dataNow()),
    wbSupplies: () =>
      wbSupplies(state.seller, state.dataNow()).map((s) => ({
        ...s,
        goodsRows: wbSupplyGoods(state.seller, s),
      })),
    ozonSupplyOrders: () =>
      ozonSupplyOrders(state.seller, state.dataNow()).map((o) => ({ ...o, rendered: renderSupplyOrder(o) })),
    /** Record keys the malformed-records fault corrupted (e.g. `order:<srid>`, `posting:<number>`). */
    corruptedKeys: () => new Set(state.faults.corruptedKeys),
  };
}

function* mapRows(rows: Iterable<{ key: string; row: Record<string, unknown> }>) {
  for (const r of rows) yield { key: r.key, row: r.row };
}

export type EmulatorTruth = ReturnType<typeof createTruth>;
