import { createHash } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { preparedPer } from '../prepared.js';
import {
  auditLog,
  chatBindings,
  chatUpdates,
  chatUsers,
  companies,
  linkCodes,
  silences,
} from '../schema/index.js';

type Platform = 'telegram' | 'slack';
export const hashCode = (code: string) =>
  createHash('sha256').update(code.trim().toUpperCase()).digest('hex');

const identityQuery = preparedPer((db) =>
  db
    .select({
      // What a chat answer needs of the company, not its 22 columns (issue #7: every command).
      company: {
        id: companies.id,
        name: companies.name,
        locale: companies.locale,
        timezone: companies.timezone,
      },
      role: chatUsers.role,
      approvalLimit: chatUsers.approvalLimit,
      displayName: chatUsers.displayName,
      userLocale: chatUsers.locale,
      boundTo: sql<string | null>`(select ${chatBindings.companyId} from ${chatBindings}
        where ${chatBindings.platform} = ${sql.placeholder('platform')}
          and ${chatBindings.workspaceId} = ${sql.placeholder('workspaceId')}
          and ${chatBindings.chatId} = ${sql.placeholder('chatId')})`,
    })
    .from(chatUsers)
    .innerJoin(companies, eq(companies.id, chatUsers.companyId))
    .where(
      and(
        eq(chatUsers.platform, sql.placeholder('platform')),
        eq(chatUsers.workspaceId, sql.placeholder('workspaceId')),
        eq(chatUsers.platformUserId, sql.placeholder('userId')),
      ),
    )
    .prepare('chat_identity'),
);

/**
 * The company a chat and a user are both bound to, with the user's role; undefined otherwise.
 * One round trip (issue #7: every chat command starts here): the user's rows with their companies
 * and, beside them, the company the chat is bound to.
 */
export async function findChatIdentity(
  db: Db,
  platform: Platform,
  workspaceId: string,
  chatId: string,
  userId: string,
) {
  const rows = await identityQuery(db).execute({ platform, workspaceId, chatId, userId });
  // A bound chat decides the company; a private chat with no binding uses the user's only company.
  const bound = rows[0]?.boundTo ?? undefined;
  const companyId = bound ?? (chatId === userId && rows.length === 1 ? rows[0]?.company.id : undefined);
  const row = rows.find((r) => r.company.id === companyId);
  if (!companyId || !row) return undefined;
  const { company, boundTo: _, ...user } = row;
  return { company, user };
}

export type LinkOutcome =
  | {
      ok: true;
      companyId: string;
      companyName: string;
      role: 'viewer' | 'buyer' | 'admin';
      locale: 'ru' | 'en';
    }
  | { ok: false; code: 'INVALID_CODE' | 'EXPIRED' | 'OTHER_COMPANY' };

/** Uses a one-time code: binds the user with the code's role and the chat, in one transaction. */
export async function useLinkCode(
  db: Db,
  input: {
    platform: Platform;
    workspaceId: string;
    chatId: string;
    userId: string;
    displayName: string;
    code: string;
    now: Date;
  },
): Promise<LinkOutcome> {
  return db.transaction(async (tx) => {
    const [code] = await tx
      .select()
      .from(linkCodes)
      .where(and(eq(linkCodes.codeHash, hashCode(input.code)), isNull(linkCodes.usedAt)))
      .for('update');
    if (!code) return { ok: false, code: 'INVALID_CODE' };
    if (code.expiresAt <= input.now) return { ok: false, code: 'EXPIRED' };
    const [bound] = await tx
      .select({ companyId: chatBindings.companyId })
      .from(chatBindings)
      .where(
        and(
          eq(chatBindings.platform, input.platform),
          eq(chatBindings.workspaceId, input.workspaceId),
          eq(chatBindings.chatId, input.chatId),
        ),
      );
    if (bound && bound.companyId !== code.companyId) return { ok: false, code: 'OTHER_COMPANY' };
    const who = `${input.platform}:${input.userId}`;
    await tx.update(linkCodes).set({ usedAt: input.now, usedBy: who }).where(eq(linkCodes.id, code.id));
    await tx
      .insert(chatUsers)
      .values({
        companyId: code.companyId,
        platform: input.platform,
        workspaceId: input.workspaceId,
        platformUserId: input.userId,
        displayName: input.displayName,
        role: code.role,
        approvalLimit: code.approvalLimit,
      })
      .onConflictDoUpdate({
        target: [chatUsers.platform, chatUsers.workspaceId, chatUsers.platformUserId, chatUsers.companyId],
        set: {
          role: code.role,
          approvalLimit: code.approvalLimit,
          displayName: input.displayName,
          updatedAt: input.now,
        },
      });
    if (!bound) {
      await tx.insert(chatBindings).values({
        companyId: code.companyId,
        platform: input.platform,
        workspaceId: input.workspaceId,
        chatId: input.chatId,
        createdBy: who,
      });
    }
    const [company] = await tx.select().from(companies).where(eq(companies.id, code.companyId));
    return {
      ok: true,
      companyId: code.companyId,
      companyName: company?.name ?? '',
      role: code.role,
      locale: company?.locale ?? 'ru',
    };
  });
}

export async function createLinkCode(
  db: Db,
  input: {
    companyId: string;
    code: string;
    role: 'viewer' | 'buyer' | 'admin';
    approvalLimit: number | null;
    createdBy: string;
    expiresAt: Date;
  },
): Promise<void> {
  await db.insert(linkCodes).values({
    companyId: input.companyId,
    codeHash: hashCode(input.code),
    role: input.role,
    approvalLimit: input.approvalLimit,
    createdBy: input.createdBy,
    expiresAt: input.expiresAt,
  });
}

// The dedupe row is not worth a WAL flush: every chat request writes one, and waiting for the
// disk was most of /stock's tail latency at 500 requests/s (bench:chat p99 306 → 62 ms with
// asynchronous commit). set_config(…, true) makes this one statement's transaction commit
// asynchronously. Should the database crash within the next fraction of a second, a redelivered
// request runs again: a query is read-only, and an approval is guarded by the PO rules.
const seenUpdateQuery = preparedPer((db) =>
  db
    .insert(chatUpdates)
    .select(
      // drizzle names every column of the table, in its order: platform, update_id, seen_at.
      sql`select ${sql.placeholder('platform')}::chat_platform, ${sql.placeholder('updateId')}::text, now()
        from (select set_config('synchronous_commit', 'off', true)) async_commit`,
    )
    .onConflictDoNothing()
    .returning({ id: chatUpdates.updateId })
    .prepare('chat_seen_update'),
);

/** True when the update was handled before; records it otherwise (atomically, by primary key). */
export async function seenUpdate(db: Db, platform: Platform, updateId: string): Promise<boolean> {
  const rows = await seenUpdateQuery(db).execute({ platform, updateId });
  return rows.length === 0;
}

/** A snooze: a silence on every alert of the product until a time, with who and why, audited. */
export async function snoozeProduct(
  db: Db,
  companyId: string,
  productId: number,
  actor: { id: string },
  until: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(silences)
      .values({ companyId, productId, until, createdBy: actor.id, reason: 'snoozed from chat' });
    await tx.insert(auditLog).values({
      companyId,
      actor: actor.id,
      action: 'product.snooze',
      entityType: 'product',
      entityId: String(productId),
      after: { until: until.toISOString() },
    });
  });
}
