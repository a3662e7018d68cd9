import { describe, expect, it } from 'vitest';
import { assessSyncHealth } from '../../../src/services/sync/health.js';

const now = new Date('2026-11-20T12:00:00Z');
const run = (hoursAgo: number, steps: Record<string, { status: string; error?: string }>) => ({
  accountId: 1,
  startedAt: new Date(now.getTime() - hoursAgo * 3_600_000),
  status: 'partial',
  details: Object.fromEntries(
    Object.entries(steps).map(([k, v]) => [
      k,
      { ...v, at: new Date(now.getTime() - hoursAgo * 3_600_000).toISOString() },
    ]),
  ),
});
const health = (runs: ReturnType<typeof run>[]) =>
  Object.fromEntries(
    assessSyncHealth([{ id: 1, name: 'WB', marketplace: 'wildberries' }], runs, now, {
      salesHours: 26,
      stockHours: 8,
    })[0]?.data.map((d) => [d.dataType, d]) ?? [],
  );

describe('sync health', () => {
  it('never synced: everything stale, no status', () => {
    expect(health([]).orders).toMatchObject({ lastStatus: null, ageHours: null, stale: true });
  });

  it('stock older than 8 h is stale while sales of the same run are fresh', () => {
    const h = health([run(10, { orders: { status: 'success' }, stock: { status: 'success' } })]);
    expect(h.orders).toMatchObject({ stale: false, ageHours: 10 });
    expect(h.stock).toMatchObject({ stale: true, ageHours: 10 });
  });

  it('a failed latest run shows its error, and the age counts from the last success', () => {
    const h = health([
      run(30, { orders: { status: 'success' } }),
      run(2, { orders: { status: 'failed', error: 'UpstreamError: token expired' } }),
    ]);
    expect(h.orders).toMatchObject({
      lastStatus: 'failed',
      lastError: 'UpstreamError: token expired',
      ageHours: 30,
      stale: true,
    });
  });
});
