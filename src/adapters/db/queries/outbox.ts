import { eq, sql } from 'drizzle-orm';
import type { NewOutboxMessage, OutboxMessage } from '../../../ports.js';
import { type Db, rowsOf } from '../client.js';
import { notificationOutbox } from '../schema/index.js';

export async function enqueueMessages(db: Db, messages: readonly NewOutboxMessage[]): Promise<number> {
  if (messages.length === 0) return 0;
  const rows = await db
    .insert(notificationOutbox)
    .values(messages.map((m) => ({ ...m, replacesId: m.replacesId ?? null })))
    .onConflictDoNothing({
      target: [
        notificationOutbox.companyId,
        notificationOutbox.channel,
        notificationOutbox.target,
        notificationOutbox.dedupKey,
      ],
    })
    .returning({ id: notificationOutbox.id });
  return rows.length;
}

/**
 * The oldest unsent message of each target that is due (or whose lease ran out), leased to one
 * instance. SKIP LOCKED lets several instances claim side by side without taking the same row.
 */
export async function claimMessages(
  db: Db,
  now: Date,
  instance: string,
  leaseUntil: Date,
  limit: number,
): Promise<OutboxMessage[]> {
  const at = now.toISOString();
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      with due as (
        select o.id, o.status as was from notification_outbox o
        where ((o.status = 'pending' and o.next_attempt_at <= ${at}::timestamptz)
            or (o.status = 'sending' and o.locked_until < ${at}::timestamptz))
          and not exists (
            select 1 from notification_outbox e
            where e.channel = o.channel and e.target = o.target and e.id < o.id and e.status in ('pending', 'sending'))
        order by o.id
        limit ${limit}
        for update of o skip locked
      )
      update notification_outbox n
      set status = 'sending', locked_by = ${instance}, locked_until = ${leaseUntil.toISOString()}::timestamptz,
          updated_at = now()
      from due
      where n.id = due.id
      returning n.*, due.was`),
  );
  return rows
    .map((r) => ({
      id: Number(r.id),
      companyId: String(r.company_id),
      channel: r.channel as OutboxMessage['channel'],
      target: String(r.target),
      kind: String(r.kind),
      payload: (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as Record<string, unknown>,
      dedupKey: String(r.dedup_key),
      replacesId: r.replaces_id === null ? null : Number(r.replaces_id),
      attempts: Number(r.attempts),
      uncertain: r.was === 'sending',
    }))
    .sort((a, b) => a.id - b.id);
}

export async function markSent(db: Db, id: number, externalId: string, at: Date): Promise<void> {
  await db
    .update(notificationOutbox)
    .set({
      status: 'sent',
      externalMessageId: externalId,
      sentAt: at,
      lockedBy: null,
      lockedUntil: null,
      lastError: null,
    })
    .where(eq(notificationOutbox.id, id));
}

export async function markRetry(
  db: Db,
  id: number,
  error: string,
  next: Date,
  countAttempt: boolean,
): Promise<void> {
  await db
    .update(notificationOutbox)
    .set({
      status: 'pending',
      nextAttemptAt: next,
      lastError: error,
      lockedBy: null,
      lockedUntil: null,
      ...(countAttempt ? { attempts: sql`${notificationOutbox.attempts} + 1` } : {}),
    })
    .where(eq(notificationOutbox.id, id));
}

export async function markDead(db: Db, id: number, error: string): Promise<void> {
  await db
    .update(notificationOutbox)
    .set({
      status: 'dead',
      lastError: error,
      lockedBy: null,
      lockedUntil: null,
      attempts: sql`${notificationOutbox.attempts} + 1`,
    })
    .where(eq(notificationOutbox.id, id));
}

export async function externalIdOf(db: Db, id: number): Promise<string | null> {
  const [row] = await db
    .select({ e: notificationOutbox.externalMessageId })
    .from(notificationOutbox)
    .where(eq(notificationOutbox.id, id));
  return row?.e ?? null;
}

const jsonOf = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

/**
 * Every part of each alert-group message of a chat that listed any of the fingerprints (their
 * payload's `alertGroup`), with the resolved fingerprints of each part's latest edit, so the
 * resolution edits those messages in place.
 */
export async function sentAlertGroups(
  db: Db,
  companyId: string,
  channel: string,
  target: string,
  fingerprints: readonly string[],
): Promise<{ id: number; meta: Record<string, unknown>; editStruck: string[] | null }[]> {
  if (fingerprints.length === 0) return [];
  const list = sql.join(
    fingerprints.map((f) => sql`${f}`),
    sql`, `,
  );
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      with carrying as (
        select distinct o.payload -> 'alertGroup' ->> 'key' as key from notification_outbox o
        where o.company_id = ${companyId} and o.channel = ${channel} and o.target = ${target}
          and o.kind = 'alert-group'
          and o.payload -> 'alertGroup' -> 'fingerprints' ?| array[${list}]::text[])
      select o.id, o.payload -> 'alertGroup' as meta,
        (select e.payload -> 'alertGroup' -> 'struck' from notification_outbox e
         where e.channel = o.channel and e.target = o.target and e.replaces_id = o.id
         order by e.id desc limit 1) as struck
      from notification_outbox o
      where o.company_id = ${companyId} and o.channel = ${channel} and o.target = ${target}
        and o.kind = 'alert-group'
        and o.payload -> 'alertGroup' ->> 'key' in (select key from carrying)
      order by o.id`),
  );
  return rows.map((r) => {
    const struck = jsonOf(r.struck);
    return {
      id: Number(r.id),
      meta: jsonOf(r.meta) as Record<string, unknown>,
      editStruck: Array.isArray(struck) ? struck.map(String) : null,
    };
  });
}
