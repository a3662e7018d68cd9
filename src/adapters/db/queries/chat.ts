import { createHash } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
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

/** The company a chat and a user are both bound to, with the user's role; undefined otherwise. */
export async function findChatIdentity(
  db: Db,
  platform: Platform,
  workspaceId: string,
  chatId: string,
  userId: string,
) {
  const users = await db
    .select({
      companyId: chatUsers.companyId,
      role: chatUsers.role,
      approvalLimit: chatUsers.approvalLimit,
      displayName: chatUsers.displayName,
      userLocale: chatUsers.locale,
    })
    .from(chatUsers)
    .where(
      and(
        eq(chatUsers.platform, platform),
        eq(chatUsers.workspaceId, workspaceId),
        eq(chatUsers.platformUserId, userId),
      ),
    );
  const [binding] = await db
    .select({ companyId: chatBindings.companyId })
    .from(chatBindings)
    .where(
      and(
        eq(chatBindings.platform, platform),
        eq(chatBindings.workspaceId, workspaceId),
        eq(chatBindings.chatId, chatId),
      ),
    );
  // A bound chat decides the company; a private chat with no binding uses the user's only company.
  const companyId =
    binding?.companyId ?? (chatId === userId && users.length === 1 ? users[0]?.companyId : undefined);
  const user = users.find((u) => u.companyId === companyId);
  if (!companyId || !user) return undefined;
  const [company] = await db.select().from(companies).where(eq(companies.id, companyId));
  if (!company) return undefined;
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

/** True when the update was handled before; records it otherwise (atomically, by primary key). */
export async function seenUpdate(db: Db, platform: Platform, updateId: string): Promise<boolean> {
  const rows = await db
    .insert(chatUpdates)
    .values({ platform, updateId })
    .onConflictDoNothing()
    .returning({ id: chatUpdates.updateId });
  return rows.length === 0;
}

/** Product ids a /stock query may mean: exact identifiers first, then SKU or name matches. */
export async function stockCandidateIds(
  db: Db,
  companyId: string,
  query: string,
  limit = 50,
): Promise<number[]> {
  const q = query.trim();
  const asNumber = /^\d{1,15}$/.test(q) ? Number(q) : null;
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await db.execute(sql`
    select id from products
    where company_id = ${companyId} and (
      lower(seller_sku) = lower(${q}) or ozon_offer_id = ${q} or ${q} = any(barcodes)
      or (${asNumber}::bigint is not null and (wb_nm_id = ${asNumber}::bigint or ozon_sku = ${asNumber}::bigint or wb_chrt_id = ${asNumber}::bigint))
      or seller_sku ilike ${like} or name ilike ${like})
    order by (lower(seller_sku) = lower(${q})) desc, seller_sku
    limit ${limit}`);
  return (Array.isArray(rows) ? rows : (rows as { rows: { id: unknown }[] }).rows).map((r) =>
    Number((r as { id: unknown }).id),
  );
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
