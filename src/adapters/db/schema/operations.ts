import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { marketplaceAccounts } from './catalogue.js';
import { at, companyRef, createdAt, id, ref, tenantFk } from './columns.js';
import { companies } from './companies.js';
import { runStatusEnum } from './enums.js';

/** One row per sync of one account: the sync health report reads these. */
export const syncRuns = pgTable(
  'sync_runs',
  {
    id: id(),
    companyId: companyRef().references(() => companies.id, { onDelete: 'cascade' }),
    accountId: ref('account_id').notNull(),
    syncType: text('sync_type').notNull(),
    status: runStatusEnum('status').notNull(),
    recordsProcessed: integer('records_processed').notNull().default(0),
    recordsUpdated: integer('records_updated').notNull().default(0),
    recordsSkipped: integer('records_skipped').notNull().default(0),
    errorMessage: text('error_message'),
    /** Per data type (catalogue, orders, sales, stock, supplies): status, counts, error. */
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    startedAt: at('started_at').notNull(),
    completedAt: at('completed_at'),
    durationMs: integer('duration_ms'),
  },
  (t) => [
    tenantFk('sync_runs_account_fk', t.companyId, t.accountId, marketplaceAccounts).onDelete('cascade'),
    index('sync_runs_account_started').on(t.companyId, t.accountId, t.startedAt.desc()),
    check('sync_runs_type', sql`${t.syncType} in ('full', 'incremental')`),
  ],
);

/** One row per job execution (scheduled, caught up or started by hand). */
export const jobRuns = pgTable(
  'job_runs',
  {
    id: id(),
    companyId: uuid('company_id').references(() => companies.id, { onDelete: 'cascade' }),
    job: text('job').notNull(),
    runDate: date('run_date', { mode: 'string' }).notNull(),
    trigger: text('trigger').notNull().default('schedule'),
    status: runStatusEnum('status').notNull(),
    instanceId: text('instance_id'),
    startedAt: at('started_at').notNull(),
    finishedAt: at('finished_at'),
    error: text('error'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('job_runs_company_job_date').on(t.companyId, t.job, t.runDate),
    check('job_runs_trigger', sql`${t.trigger} in ('schedule', 'catch-up', 'manual', 'chat', 'api', 'cli')`),
  ],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: id(),
    companyId: companyRef().references(() => companies.id, { onDelete: 'cascade' }),
    /** Who: 'slack:T1:U1', 'telegram:42', 'api:token:3', 'cli', 'system'. */
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    at: createdAt(),
  },
  (t) => [
    index('audit_log_company_at').on(t.companyId, t.at),
    index('audit_log_entity').on(t.entityType, t.entityId),
  ],
);

/** API tokens: only a SHA-256 hash is stored; the prefix lets a person tell tokens apart. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: id(),
    /** Null: an operator token valid for every company. */
    companyId: uuid('company_id').references(() => companies.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    scopes: text('scopes').array().notNull().default(sql`'{read}'::text[]`),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    lastUsedAt: at('last_used_at'),
    expiresAt: at('expires_at'),
    revokedAt: at('revoked_at'),
  },
  (t) => [index('api_tokens_company').on(t.companyId)],
);

/**
 * The scheduled work, for whichever instance takes it first: the clock (one leader) enqueues a
 * company's due job, every instance's worker claims with FOR UPDATE SKIP LOCKED, and a claim whose
 * lease ran out (the instance died) is taken again. One entry per company, job and day.
 */
export const jobQueue = pgTable(
  'job_queue',
  {
    id: id(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    job: text('job').notNull(),
    runDate: date('run_date', { mode: 'string' }).notNull(),
    trigger: text('trigger').notNull().default('schedule'),
    state: text('state').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lockedBy: text('locked_by'),
    lockedUntil: at('locked_until'),
    enqueuedAt: at('enqueued_at').notNull(),
    finishedAt: at('finished_at'),
  },
  (t) => [
    unique('job_queue_once').on(t.companyId, t.job, t.runDate),
    index('job_queue_ready').on(t.state, t.id),
    check('job_queue_state', sql`${t.state} in ('queued', 'running', 'done', 'failed')`),
  ],
);
