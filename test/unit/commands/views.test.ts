import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeAction } from '../../../bots/commands/action-id.js';
import { buildDigestView } from '../../../bots/commands/digest-view.js';
import { buildOrdersView, buildRunwayView } from '../../../bots/commands/lists-view.js';
import { createRenderer } from '../../../src/adapters/render/renderer.js';
import { po, rec } from './fixtures.js';

const recs = [
  rec('SKU-1', { category: 'ORDER_TODAY', runwayDays: 5, recommendedQty: 10 }),
  rec('SKU-2', { category: 'ORDER_TODAY', runwayDays: 1, recommendedQty: 20 }),
  rec('SKU-3', { category: 'ORDER_TODAY', runwayDays: null, stockOutDate: null }),
  rec('SKU-4', { category: 'ORDER_TODAY', runwayDays: 1, stockOutDate: '2026-01-16' }),
  rec('SKU-5', { category: 'ATTENTION_REQUIRED', reasons: ['STALE_DATA'], runwayDays: 0 }),
  rec('SKU-6', { category: 'ALREADY_ORDERED', runwayDays: 2 }),
  rec('SKU-7', { category: 'ALREADY_ORDERED', runwayDays: 3 }),
  rec('SKU-8', { category: 'NORMAL', runwayDays: 40 }),
];

const digestInput = {
  companyName: 'Acme',
  runDate: '2026-01-15',
  timezone: 'Europe/Moscow',
  recommendations: recs,
  newAlerts: [],
  freshness: { syncedAt: '2026-01-15T03:00:00Z', stale: false },
  actionId: (kind: 'approve' | 'edit' | 'snooze1' | 'snooze7' | 'ordered', r: { id: number }) =>
    encodeAction({ kind, recommendationId: r.id, expiresAt: new Date('2026-01-22T00:00:00Z') }, () =>
      'x'.repeat(22),
    ),
};

describe('buildDigestView', () => {
  const view = buildDigestView(digestInput);

  it('puts ORDER_TODAY by runway, no runway last', () => {
    expect(view.orderToday.map((l) => l.sellerSku)).toEqual(['SKU-4', 'SKU-2', 'SKU-1', 'SKU-3']);
  });

  it.each<[string, unknown]>([
    ['attention', [{ sellerSku: 'SKU-5', name: 'Mug SKU-5', reasons: ['STALE_DATA'] }]],
    ['alreadyOrderedCount', 2],
  ])('%s', (key, expected) => {
    expect(view[key as keyof typeof view]).toEqual(expected);
  });

  it('renders on both platforms with signed buttons', () => {
    const renderer = createRenderer({
      templatesDir: path.resolve(import.meta.dirname, '../../../templates'),
    });
    const [telegram] = renderer.renderDigest('telegram', 'ru', view);
    expect(telegram?.replyMarkup?.inline_keyboard[0]?.[0]?.callback_data).toBe(
      `a.4.${digestInput.actionId('approve', { id: 4 }).split('.')[2]}.${'x'.repeat(22)}`,
    );
    const [slack] = renderer.renderDigest('slack', 'en', view);
    expect(slack?.blocks.filter((b) => b.type === 'actions')).toHaveLength(4);
  });
});

describe('buildRunwayView', () => {
  it.each<[number, string[]]>([
    [1, ['SKU-5']],
    [3, ['SKU-5', 'SKU-4', 'SKU-2']],
    [50, ['SKU-5', 'SKU-4', 'SKU-2', 'SKU-6', 'SKU-7', 'SKU-1', 'SKU-8']],
  ])('n=%i → %j', (n, skus) => {
    expect(buildRunwayView(recs, n).lines.map((l) => l.sellerSku)).toEqual(skus);
  });

  it('says when there is no run yet', () => {
    expect(buildRunwayView([], 10)).toEqual({ runDate: null, lines: [] });
  });
});

describe('buildOrdersView', () => {
  const orders = [
    po(1, { status: 'received' }),
    po(2, { status: 'draft' }),
    po(3, { status: 'sent', expectedAt: '2026-01-20' }),
    po(4, { status: 'cancelled' }),
    po(5, { status: 'partially_received', expectedAt: '2026-01-18' }),
  ];

  it.each<[number, number[], number]>([
    [20, [5, 3, 2], 0],
    [2, [5, 3], 1],
  ])('limit %i → %j, %i more', (limit, numbers, more) => {
    const view = buildOrdersView(orders, limit);
    expect(view.orders.map((o) => o.number)).toEqual(numbers);
    expect(view.moreCount).toBe(more);
  });
});
