import { asc, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { commitAlerts, loadAlertStates } from '../../src/adapters/db/queries/alerts.js';
import { alerts, notificationOutbox } from '../../src/adapters/db/schema/index.js';
import type { AlertState } from '../../src/core/alerts/index.js';
import { openTestDatabase } from '../helpers/database.js';
import { seedCompany } from '../helpers/seed.js';

// A large company's evaluation writes thousands of alert states: in bulk statements (more than one
// chunk here), with the messages in the same transaction, and without rewriting unchanged rows.

const database = await openTestDatabase();
const { db } = database;
afterAll(() => database.drop());
const { company, products } = await seedCompany(db);
const [mug] = products;
if (!mug) throw new Error('seed failed');

const seen = new Date('2026-11-20T04:40:00Z');
const state = (i: number, over: Partial<AlertState> = {}): AlertState => ({
  fingerprint: `fp-${String(i).padStart(5, '0')}`,
  rule: 'LOW_STOCK',
  severity: 'warning',
  state: 'firing',
  ...(i === 0 ? { productId: mug.id, sku: 'MUG-01' } : {}),
  summary: `alert ${i}`,
  value: i,
  threshold: 10,
  details: { i },
  firstSeenAt: seen,
  lastSeenAt: seen,
  lastNotifiedAt: seen,
  notifiedSeverity: 'warning',
  resolvedAt: null,
  snoozedUntil: null,
  snoozedBy: null,
  inhibitedBy: null,
  ...over,
});
const rows = () =>
  db.select().from(alerts).where(eq(alerts.companyId, company.id)).orderBy(asc(alerts.fingerprint));

describe(`alert states in bulk (${database.label})`, () => {
  const many = Array.from({ length: 2500 }, (_, i) => state(i));

  it('writes 2,500 states and their message in one commit, and reads them back as written', async () => {
    await commitAlerts(db, company.id, many, [
      {
        companyId: company.id,
        channel: 'console',
        target: 'stdout',
        kind: 'alert-group',
        payload: { text: '2500 firing' },
        dedupKey: 'alert-group:bulk',
      },
    ]);
    expect(await rows()).toHaveLength(2500);
    const loaded = new Map((await loadAlertStates(db, company.id)).map((s) => [s.fingerprint, s]));
    expect(loaded.get('fp-00000')).toEqual(many[0]);
    expect(loaded.get('fp-02499')).toEqual(many[2499]);
    const outbox = await db
      .select()
      .from(notificationOutbox)
      .where(eq(notificationOutbox.companyId, company.id));
    expect(outbox.map((m) => m.dedupKey)).toEqual(['alert-group:bulk']);
  });

  it('updates what changed and leaves unchanged rows alone', async () => {
    const before = new Map((await rows()).map((r) => [r.fingerprint, r.updatedAt.getTime()]));
    const later = new Date(seen.getTime() + 3_600_000);
    const next = many.map((s, i) =>
      i === 7 ? { ...s, state: 'resolved' as const, resolvedAt: later, lastSeenAt: later } : s,
    );
    await new Promise((r) => setTimeout(r, 20));
    await commitAlerts(db, company.id, next, []);
    const after = await rows();
    const moved = after.filter((r) => r.updatedAt.getTime() !== before.get(r.fingerprint));
    expect(moved.map((r) => [r.fingerprint, r.state, r.resolvedAt?.toISOString()])).toEqual([
      ['fp-00007', 'resolved', later.toISOString()],
    ]);
  });

  it('a state listed twice is written once, the last one winning', async () => {
    const twice = [state(1, { severity: 'warning' }), state(1, { severity: 'critical' })];
    await commitAlerts(db, company.id, twice, []);
    const row = (await rows()).find((r) => r.fingerprint === 'fp-00001');
    expect(row?.severity).toBe('critical');
  });
});
