import type { InboundSupply, OpenPurchaseOrder, WarehouseStock } from './input.js';
import { daysBetween } from './iso-date.js';

export interface StockPosition {
  /** Σ (present − reserved) over all warehouses; negative when oversold. */
  onHand: number;
  /** Σ in transit between warehouses + inbound supplies: already ours, sellable soon. */
  inTransit: number;
  available: number;
  onOrder: number;
  /** Warehouses whose sellable stock is below zero. */
  negativeWarehouses: string[];
  /** Open POs whose expected date is before today. */
  overduePurchaseOrders: OpenPurchaseOrder[];
  /** PO quantity by arrival day (index 0 = today); overdue POs are counted as arriving today. */
  arrivals: number[];
}

export function stockPosition(
  today: string,
  stock: readonly WarehouseStock[],
  supplies: readonly InboundSupply[] = [],
  orders: readonly OpenPurchaseOrder[] = [],
): StockPosition {
  let onHand = 0;
  let inTransit = 0;
  const negativeWarehouses: string[] = [];
  for (const w of stock) {
    const sellable = w.present - w.reserved;
    onHand += sellable;
    inTransit += w.inTransit;
    if (sellable < 0) negativeWarehouses.push(w.warehouse);
  }
  for (const s of supplies) inTransit += s.quantity;

  const days = orders.map((po) => Math.max(0, daysBetween(today, po.expectedDate)));
  const arrivals = Array<number>(orders.length ? Math.max(...days) + 1 : 0).fill(0);
  let onOrder = 0;
  orders.forEach((po, i) => {
    onOrder += po.quantity;
    const day = days[i] ?? 0;
    arrivals[day] = (arrivals[day] ?? 0) + po.quantity;
  });

  return {
    onHand,
    inTransit,
    available: onHand + inTransit,
    onOrder,
    negativeWarehouses,
    overduePurchaseOrders: orders.filter((po) => po.expectedDate < today),
    arrivals,
  };
}
