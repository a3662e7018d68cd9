import { and, eq, gt, sql } from 'drizzle-orm';
import type { AccountObservation, AlertState, Silence, SkuObservation } from '../../../core/alerts/index.js';
import type { AlertObservations, NewOutboxMessage } from '../../../ports.js';
import { type Db, rowsOf } from '../client.js';
import { alerts, silences } from '../schema/index.js';
import { enqueueMessages } from './outbox.js';

type Row = Record<string, unknown>;
const num = (v: unknown) => Number(v ?? 0);

/** What the alert rules look at: the day's recommendations, stock a day ago, open POs, sync runs. */
export async function loadAlertObservations(
  db: Db,
  companyId: string,
  runDate: string,
  now: Date,
): Promise<AlertObservations> {
  const q = async (query: ReturnType<typeof sql>) => rowsOf<Row>(await db.execute(query));
  const dayAgo = new Date(now.getTime() - 86_400_000).toISOString();
  const [recs, before, pos, runs] = [
    await q(sql`
      select r.product_id, p.seller_sku, r.available_stock, r.on_order, r.runway_days, r.reorder_point, r.daily_demand
      from recommendations r join products p on p.id = r.product_id
      where r.company_id = ${companyId} and r.run_date = ${runDate}`),
    await q(sql`
      select product_id, sum(quantity) as stock from (
        select distinct on (product_id, warehouse_id, stock_type) product_id, quantity
        from stock_snapshots
        where company_id = ${companyId} and taken_at <= ${dayAgo}::timestamptz
          and taken_at > ${dayAgo}::timestamptz - interval '2 days'
        order by product_id, warehouse_id, stock_type, taken_at desc) s
      group by product_id`),
    await q(sql`
      select l.product_id, po.number, po.expected_at::text as expected, l.quantity - l.received_quantity as open
      from purchase_order_lines l join purchase_orders po on po.id = l.purchase_order_id
      where po.company_id = ${companyId} and po.status in ('approved', 'sent', 'partially_received')
        and po.expected_at is not null and l.quantity > l.received_quantity`),
    await q(sql`
      select a.id as account_id, a.name, r.status, r.started_at, r.error_message, r.details
      from marketplace_accounts a
      left join lateral (
        select status, started_at, error_message, details from sync_runs
        where account_id = a.id and status <> 'running' order by started_at desc limit 5) r on true
      where a.company_id = ${companyId} and a.status = 'active'
      order by a.id, r.started_at desc`),
  ];
  const stockBefore = new Map(before.map((r) => [num(r.product_id), num(r.stock)]));
  const poBy = new Map<number, { id: string; expectedDate: string; quantity: number }[]>();
  for (const r of pos) {
    const list = poBy.get(num(r.product_id)) ?? [];
    list.push({ id: `PO-${num(r.number)}`, expectedDate: String(r.expected), quantity: num(r.open) });
    poBy.set(num(r.product_id), list);
  }
  const skus: SkuObservation[] = recs.map((r) => {
    const stock = num(r.available_stock);
    const onOrder = num(r.on_order);
    const demand = r.daily_demand === null ? null : Number(r.daily_demand);
    return {
      productId: num(r.product_id),
      sellerSku: String(r.seller_sku),
      stock,
      stock24hAgo: stockBefore.get(num(r.product_id)) ?? null,
      onOrder,
      runwayDays: r.runway_days === null ? null : Number(r.runway_days),
      reorderPoint: r.reorder_point === null ? null : Number(r.reorder_point),
      dailyDemand: demand,
      coverDays: demand && demand > 0 ? (stock + onOrder) / demand : null,
      outOfStock: stock <= 0,
      openPurchaseOrders: poBy.get(num(r.product_id)) ?? [],
    };
  });
  return { skus, accounts: accountsOf(runs, now) };
}

function accountsOf(runs: Row[], now: Date): AccountObservation[] {
  const byAccount = new Map<number, Row[]>();
  for (const r of runs) byAccount.set(num(r.account_id), [...(byAccount.get(num(r.account_id)) ?? []), r]);
  return [...byAccount.entries()].map(([accountId, list]) => {
    const done = list.filter((r) => r.status !== null && r.status !== undefined);
    const last = done[0];
    let failures = 0;
    while (failures < done.length && done[failures]?.status === 'failed') failures++;
    const ageOf = (type: string) => {
      for (const r of done) {
        const step = ((r.details ?? {}) as Record<string, { status?: string; at?: string }>)[type];
        if ((step?.status === 'success' || step?.status === 'partial') && step.at) {
          return (now.getTime() - Date.parse(step.at)) / 3_600_000;
        }
      }
      return null;
    };
    return {
      accountId,
      name: String(list[0]?.name ?? ''),
      lastSync: last
        ? {
            status: (last.status === 'success' || last.status === 'partial' ? last.status : 'failed') as
              | 'success'
              | 'partial'
              | 'failed',
            at: new Date(String(last.started_at)),
            error: (last.error_message as string | null) ?? null,
            consecutiveFailures: failures,
          }
        : null,
      dataAge: [
        { type: 'stock', ageHours: ageOf('stock') },
        { type: 'sales', ageHours: ageOf('orders') },
      ],
    };
  });
}

export async function loadAlertStates(db: Db, companyId: string): Promise<AlertState[]> {
  const rows = await db.select().from(alerts).where(eq(alerts.companyId, companyId));
  return rows.map((r) => {
    const p = r.payload as Partial<AlertState>;
    return {
      fingerprint: r.fingerprint,
      rule: r.rule as AlertState['rule'],
      severity: r.severity,
      state: r.state,
      ...(r.productId !== null ? { productId: r.productId } : {}),
      ...(r.accountId !== null ? { accountId: r.accountId } : {}),
      ...(p.sku ? { sku: p.sku } : {}),
      summary: p.summary ?? '',
      value: p.value ?? null,
      threshold: p.threshold ?? 0,
      details: p.details ?? {},
      firstSeenAt: r.firstSeenAt,
      lastSeenAt: r.lastSeenAt,
      lastNotifiedAt: r.lastNotifiedAt,
      notifiedSeverity: p.notifiedSeverity ?? null,
      resolvedAt: r.resolvedAt,
      snoozedUntil: r.snoozedUntil,
      snoozedBy: r.snoozedBy ? { createdBy: r.snoozedBy, reason: r.snoozeReason ?? '' } : null,
      inhibitedBy: p.inhibitedBy ?? null,
    };
  });
}

export async function loadSilences(db: Db, companyId: string, now: Date): Promise<Silence[]> {
  const rows = await db
    .select()
    .from(silences)
    .where(and(eq(silences.companyId, companyId), gt(silences.until, now)));
  return rows.map((r) => ({
    ...(r.fingerprint ? { fingerprint: r.fingerprint } : {}),
    ...(r.productId !== null ? { productId: r.productId } : {}),
    until: r.until,
    createdBy: r.createdBy,
    reason: r.reason ?? '',
  }));
}

/** Rows per upsert statement: 17 parameters a row stays far below PostgreSQL's 65,535. */
const STATE_CHUNK = 1000;

/** The columns an evaluation rewrites; everything but the key and the announcing message. */
const UPDATED = {
  productId: alerts.productId,
  accountId: alerts.accountId,
  rule: alerts.rule,
  severity: alerts.severity,
  state: alerts.state,
  firstSeenAt: alerts.firstSeenAt,
  lastSeenAt: alerts.lastSeenAt,
  lastNotifiedAt: alerts.lastNotifiedAt,
  resolvedAt: alerts.resolvedAt,
  snoozedUntil: alerts.snoozedUntil,
  snoozedBy: alerts.snoozedBy,
  snoozeReason: alerts.snoozeReason,
  payload: alerts.payload,
};
const updatedColumns = Object.values(UPDATED);

/**
 * Alert states and the messages they cause: one transaction, so neither exists without the other.
 * States go in bulk (a company's thousands of alerts were one round trip each); a state that did
 * not change is not rewritten.
 */
export async function commitAlerts(
  db: Db,
  companyId: string,
  states: readonly AlertState[],
  messages: readonly NewOutboxMessage[],
): Promise<void> {
  const rows = states.map((s) => ({
    companyId,
    productId: s.productId ?? null,
    accountId: s.accountId ?? null,
    rule: s.rule,
    severity: s.severity,
    fingerprint: s.fingerprint,
    state: s.state,
    firstSeenAt: s.firstSeenAt,
    lastSeenAt: s.lastSeenAt,
    lastNotifiedAt: s.lastNotifiedAt,
    resolvedAt: s.resolvedAt,
    snoozedUntil: s.snoozedUntil,
    snoozedBy: s.snoozedBy?.createdBy ?? null,
    snoozeReason: s.snoozedBy?.reason ?? null,
    payload: {
      sku: s.sku,
      summary: s.summary,
      value: s.value,
      threshold: s.threshold,
      details: s.details,
      notifiedSeverity: s.notifiedSeverity,
      inhibitedBy: s.inhibitedBy,
    },
  }));
  // One row per fingerprint: the statement cannot touch a row twice.
  const unique = [...new Map(rows.map((r) => [r.fingerprint, r])).values()];
  const excluded = (c: (typeof updatedColumns)[number]) => sql.raw(`excluded."${c.name}"`);
  const current = sql.join(
    updatedColumns.map((c) => sql`${alerts}.${sql.identifier(c.name)}`),
    sql`, `,
  );
  const incoming = sql.join(updatedColumns.map(excluded), sql`, `);
  const set = Object.fromEntries(Object.entries(UPDATED).map(([key, c]) => [key, excluded(c)]));
  await db.transaction(async (tx) => {
    for (let i = 0; i < unique.length; i += STATE_CHUNK) {
      await tx
        .insert(alerts)
        .values(unique.slice(i, i + STATE_CHUNK))
        .onConflictDoUpdate({
          target: [alerts.companyId, alerts.fingerprint],
          set: { ...set, updatedAt: sql`now()` },
          setWhere: sql`(${current}) is distinct from (${incoming})`,
        });
    }
    await enqueueMessages(tx, messages);
  });
}
