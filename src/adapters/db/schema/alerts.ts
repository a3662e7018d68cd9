import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { marketplaceAccounts, products } from './catalogue.js';
import { at, companyRef, createdAt, id, ref, tenantFk, updatedAt } from './columns.js';
import { companies } from './companies.js';
import { alertStateEnum, channelEnum, outboxStatusEnum, severityEnum } from './enums.js';

/** One row per fingerprint (company + rule + SKU/account), reused when the alert fires again. */
export const alerts = pgTable(
  'alerts',
  {
    id: id(),
    companyId: companyRef().references(() => companies.id, { onDelete: 'cascade' }),
    productId: ref('product_id'),
    accountId: ref('account_id'),
    rule: text('rule').notNull(),
    severity: severityEnum('severity').notNull(),
    fingerprint: text('fingerprint').notNull(),
    state: alertStateEnum('state').notNull(),
    firstSeenAt: at('first_seen_at').notNull(),
    lastSeenAt: at('last_seen_at').notNull(),
    lastNotifiedAt: at('last_notified_at'),
    resolvedAt: at('resolved_at'),
    snoozedUntil: at('snoozed_until'),
    snoozedBy: text('snoozed_by'),
    snoozeReason: text('snooze_reason'),
    /** The outbox row of the message that announced it, so the resolve edits that message. */
    notificationId: ref('notification_id'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('alerts_fingerprint').on(t.companyId, t.fingerprint),
    tenantFk('alerts_product_fk', t.companyId, t.productId, products).onDelete('cascade'),
    tenantFk('alerts_account_fk', t.companyId, t.accountId, marketplaceAccounts).onDelete('cascade'),
    index('alerts_company_state').on(t.companyId, t.state),
  ],
);

/** A silence: mutes one alert (by fingerprint) or every alert of a product until a time. */
export const silences = pgTable(
  'silences',
  {
    id: id(),
    companyId: companyRef().references(() => companies.id, { onDelete: 'cascade' }),
    fingerprint: text('fingerprint'),
    productId: ref('product_id'),
    until: at('until').notNull(),
    createdBy: text('created_by').notNull(),
    reason: text('reason'),
    createdAt: createdAt(),
  },
  (t) => [
    tenantFk('silences_product_fk', t.companyId, t.productId, products).onDelete('cascade'),
    index('silences_company_until').on(t.companyId, t.until),
    check('silences_target', sql`${t.fingerprint} is not null or ${t.productId} is not null`),
  ],
);

/** Every outgoing message, written with the decision that causes it; a worker delivers it. */
export const notificationOutbox = pgTable(
  'notification_outbox',
  {
    id: id(),
    companyId: companyRef().references(() => companies.id, { onDelete: 'cascade' }),
    channel: channelEnum('channel').notNull(),
    target: text('target').notNull(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    dedupKey: text('dedup_key').notNull(),
    /** An update of an earlier message (edit in place) points at that message's row. */
    replacesId: ref('replaces_id'),
    status: outboxStatusEnum('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: at('next_attempt_at').notNull().defaultNow(),
    lockedBy: text('locked_by'),
    lockedUntil: at('locked_until'),
    sentAt: at('sent_at'),
    externalMessageId: text('external_message_id'),
    lastError: text('last_error'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('notification_outbox_dedup').on(t.companyId, t.channel, t.target, t.dedupKey),
    index('notification_outbox_due').on(t.status, t.nextAttemptAt),
    index('notification_outbox_target').on(t.channel, t.target, t.id),
    check('notification_outbox_attempts_nonneg', sql`${t.attempts} >= 0`),
  ],
);
