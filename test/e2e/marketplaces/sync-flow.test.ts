import { afterEach, describe, expect, it } from 'vitest';
import { DAY, NOW, ozonTruth, startHarness, syncOrders, wbTruthKeys } from './harness.js';

let harness: Awaited<ReturnType<typeof startHarness>> | undefined;
afterEach(async () => {
  await harness?.emulator.close();
  harness = undefined;
});

describe('clients against the emulator: full then incremental', () => {
  it('WB orders and sales: a full fetch equals the ground truth; the next day asks only for changes', async () => {
    harness = await startHarness();
    const { wb, emulator } = harness;
    const since = new Date(NOW - 95 * DAY).toISOString();
    const full = await syncOrders(wb.fetchOrders({ since }));
    const truth = wbTruthKeys(emulator);
    expect(full.store.size).toBe(truth.size);
    for (const [key, cancelled] of truth) expect(full.store.get(key)?.cancelled, key).toBe(cancelled);

    harness.passTime(DAY);
    const calls = wb.stats().totalCalls;
    const next = await syncOrders(wb.fetchOrders({ cursor: full.cursor }), full.store);
    const truthNext = wbTruthKeys(emulator);
    expect(next.received).toBeLessThan(full.received / 10);
    expect(next.received).toBeGreaterThan(0);
    expect(wb.stats().totalCalls - calls).toBeLessThanOrEqual(4);
    for (const [key, cancelled] of truthNext) expect(next.store.get(key)?.cancelled, key).toBe(cancelled);
  });

  it('Ozon postings: full fetch equals the truth; the next day re-reads FBO briefly and FBS by status change', async () => {
    harness = await startHarness({ skuCount: 15 });
    const { ozon, emulator } = harness;
    const full = await syncOrders(ozon.fetchOrders());
    const truth = ozonTruth(emulator);
    expect(full.store.size).toBe(truth.size);
    for (const [key, status] of truth) expect(full.store.get(key)?.status, key).toBe(status);

    harness.passTime(DAY);
    const next = await syncOrders(ozon.fetchOrders({ cursor: full.cursor }), full.store);
    expect(next.received).toBeLessThan(full.received / 5);
    const truthNext = ozonTruth(emulator);
    // The store keeps history the marketplace's 364-day window has since dropped.
    const dropped = [...next.store.values()].filter((line) => !truthNext.has(line.lineId));
    expect(dropped.every((line) => Date.parse(line.orderedAt) < NOW - 362 * DAY)).toBe(true);
    for (const [key, status] of truthNext) expect(next.store.get(key)?.status, key).toBe(status);
  });

  it('catalogue: WB incremental returns only edited cards; Ozon lists every product with barcodes', async () => {
    harness = await startHarness();
    const { wb, ozon, emulator } = harness;
    let cursor = null;
    const items = [];
    for await (const page of wb.listCatalogue()) {
      items.push(...page.records);
      cursor = page.cursor;
    }
    expect(items.map((i) => i.sku).sort()).toEqual(
      emulator.truth
        .skus()
        .map((s) => String(s.chrtId))
        .sort(),
    );
    const edited = emulator.truth
      .wbCards()
      .slice(0, 2)
      .map((c) => c.nmId);
    harness.passTime(60_000);
    emulator.touchCards(edited);
    const changed = [];
    for await (const page of wb.listCatalogue({ cursor })) changed.push(...page.records);
    expect([...new Set(changed.map((i) => Number(i.productId)))].sort()).toEqual([...edited].sort());

    const ozonItems = [];
    for await (const page of ozon.listCatalogue()) ozonItems.push(...page.records);
    expect(ozonItems.map((i) => i.sku).sort()).toEqual(
      emulator.truth
        .skus()
        .map((s) => String(s.ozonSku))
        .sort(),
    );
    expect(ozonItems.every((i) => i.barcodes.length === 1)).toBe(true);
  });

  it('stock and supplies match the truth on both marketplaces', async () => {
    harness = await startHarness();
    const { wb, ozon, emulator } = harness;
    const wbStock = [];
    for await (const page of wb.fetchStock()) wbStock.push(...page.records);
    const truthWb = emulator.truth.wbStock();
    const sorted = (rows: unknown[][]) => rows.map((r) => r.join('|')).sort();
    expect(sorted(wbStock.filter((s) => s.scheme === 'FBO').map((s) => [s.sku, s.available]))).toEqual(
      sorted(truthWb.fbo.map((r) => [r.chrtId, r.quantity])),
    );
    expect(
      sorted(wbStock.filter((s) => s.scheme === 'FBS').map((s) => [s.warehouseId, s.sku, s.available])),
    ).toEqual(sorted(truthWb.fbs.map((r) => [r.warehouseId, r.chrtId, r.amount])));
    const ozonStock = [];
    for await (const page of ozon.fetchStock()) ozonStock.push(...page.records);
    const truthOzon = emulator.truth.ozonStock();
    expect(ozonStock.length).toBe(truthOzon.fbo.length + truthOzon.fbs.length);

    const wbSupplies = [];
    for await (const page of wb.fetchSupplies()) wbSupplies.push(...page.records);
    expect(wbSupplies.length).toBe(emulator.truth.wbSupplies().reduce((n, s) => n + s.goods.length, 0));
    const ozonSupplies = [];
    for await (const page of ozon.fetchSupplies()) ozonSupplies.push(...page.records);
    expect(ozonSupplies.length).toBe(
      emulator.truth.ozonSupplyOrders().reduce((n, o) => n + o.items.length, 0),
    );
  });

  it('supplies: an incremental run returns every open supply and the ones updated since the cursor', async () => {
    harness = await startHarness();
    const { wb, ozon, emulator } = harness;
    for (const client of [wb, ozon]) {
      let cursor = null;
      for await (const page of client.fetchSupplies()) cursor = page.cursor;
      expect(cursor).not.toBeNull();
      harness.passTime(DAY);
      const ids = new Set<string>();
      for await (const page of client.fetchSupplies({ cursor }))
        for (const line of page.records) ids.add(line.supplyId);
      const open =
        client.marketplace === 'wildberries'
          ? emulator.truth
              .wbSupplies()
              .filter((s) => s.statusID !== 5)
              .map((s) => (s.supplyID === null ? `preorder:${s.preorderID}` : String(s.supplyID)))
          : emulator.truth
              .ozonSupplyOrders()
              .filter((o) => !['COMPLETED', 'CANCELLED'].includes(o.state))
              .map((o) => String(o.supplyId));
      expect(open.length).toBeGreaterThan(0);
      for (const id of open) expect(ids.has(id), id).toBe(true);
    }
  });
});
