import { sql } from 'drizzle-orm';
import { check, index, integer, numeric, pgTable, primaryKey, text, unique } from 'drizzle-orm/pg-core';
import { at, companyRef, createdAt, id, updatedAt } from './columns.js';
import { companies } from './companies.js';
import { localeEnum, platformEnum, roleEnum, severityEnum } from './enums.js';

/** A chat (Slack channel, Telegram chat) bound to one company, and what it receives. */
export const chatBindings = pgTable(
  'chat_bindings',
  {
    id: id(),
    companyId: companyRef().references(() => companies.id, { onDelete: 'cascade' }),
    platform: platformEnum('platform').notNull(),
    /** Slack team id; '' for Telegram, which has no workspaces. */
    workspaceId: text('workspace_id').notNull().default(''),
    chatId: text('chat_id').notNull(),
    title: text('title'),
    purposes: text('purposes').array().notNull().default(sql`'{digest,alerts}'::text[]`),
    minSeverity: severityEnum('min_severity').notNull().default('warning'),
    locale: localeEnum('locale'),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('chat_bindings_chat').on(t.platform, t.workspaceId, t.chatId),
    index('chat_bindings_company').on(t.companyId),
  ],
);

/** A chat user's access to one company: role, and how much they may approve. */
export const chatUsers = pgTable(
  'chat_users',
  {
    id: id(),
    companyId: companyRef().references(() => companies.id, { onDelete: 'cascade' }),
    platform: platformEnum('platform').notNull(),
    workspaceId: text('workspace_id').notNull().default(''),
    platformUserId: text('platform_user_id').notNull(),
    displayName: text('display_name'),
    role: roleEnum('role').notNull().default('viewer'),
    /** Largest purchase order value this user may approve; null means no limit. */
    approvalLimit: numeric('approval_limit', { precision: 16, scale: 2, mode: 'number' }),
    locale: localeEnum('locale'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('chat_users_identity').on(t.platform, t.workspaceId, t.platformUserId, t.companyId),
    index('chat_users_company').on(t.companyId),
    check('chat_users_limit_nonneg', sql`${t.approvalLimit} is null or ${t.approvalLimit} >= 0`),
  ],
);

/** One-time codes an admin hands out; `/link CODE` binds a chat and a user. Only the hash is kept. */
export const linkCodes = pgTable(
  'link_codes',
  {
    id: id(),
    companyId: companyRef().references(() => companies.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull().unique(),
    role: roleEnum('role').notNull(),
    approvalLimit: numeric('approval_limit', { precision: 16, scale: 2, mode: 'number' }),
    createdBy: text('created_by').notNull(),
    expiresAt: at('expires_at').notNull(),
    usedAt: at('used_at'),
    usedBy: text('used_by'),
    maxUses: integer('max_uses').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [index('link_codes_company').on(t.companyId)],
);

/** Updates a bot has handled, so a replayed webhook delivery has no second effect. */
export const chatUpdates = pgTable(
  'chat_updates',
  {
    platform: platformEnum('platform').notNull(),
    updateId: text('update_id').notNull(),
    seenAt: at('seen_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'chat_updates_pk', columns: [t.platform, t.updateId] }),
    index('chat_updates_seen').on(t.seenAt),
  ],
);
