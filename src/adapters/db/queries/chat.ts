import { createHash } from 'node:crypto';
import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { ProductStockView } from '../../../ports.js';
import { type Db, rowsOf } from '../client.js';
import {
  auditLog,
  chatBindings,
  chatUpdates,
  chatUsers,
  companies,
  linkCodes,
  silences,
} from '../schema/index.js';
import { toProductStockView } from './products.js';

type Platform = 'telegram' | 'slack';
export const hashCode = (code: string) =>
  createHash('sha256').update(code.trim().toUpperCase()).digest('hex');

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
  const rows = await db
    .select({
      company: companies,
      role: chatUsers.role,
      approvalLimit: chatUsers.approvalLimit,
      displayName: chatUsers.displayName,
      userLocale: chatUsers.locale,
      boundTo: sql<string | null>`(select ${chatBindings.companyId} from ${chatBindings}
        where ${chatBindings.platform} = ${platform} and ${chatBindings.workspaceId} = ${workspaceId}
          and ${chatBindings.chatId} = ${chatId})`,
    })
    .from(chatUsers)
    .innerJoin(companies, eq(companies.id, chatUsers.companyId))
    .where(
      and(
        eq(chatUsers.platform, platform),
        eq(chatUsers.workspaceId, workspaceId),
        eq(chatUsers.platformUserId, userId),
      ),
    );
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

/** True when the update was handled before; records it otherwise (atomically, by primary key). */
export async function seenUpdate(db: Db, platform: Platform, updateId: string): Promise<boolean> {
  const rows = await db
    .insert(chatUpdates)
    .values({ platform, updateId })
    .onConflictDoNothing()
    .returning({ id: chatUpdates.updateId });
  return rows.length === 0;
}

/**
 * Products a /stock query may mean, with their stock: exact identifiers first, then SKU or name
 * substrings (at most `limit`); empty when nothing matches. Issue #7: the exact lookup goes through
 * the identifier indexes, so the common `/stock SKU` costs a few index probes, not a scan of the
 * catalogue; only a query no identifier matches pays for the substring scan.
 */
export async function stockCandidates(
  db: Db,
  companyId: string,
  query: string,
  limit = 50,
): Promise<ProductStockView[]> {
  const q = query.trim();
  const asNumber = /^\d{1,15}$/.test(q) ? Number(q) : null;
  // Each branch is one index probe (products_company_sku, products_ozon_offer_id, products_barcodes,
  // products_wb_nm_id, products_ozon_sku). The SKU is tried as typed, upper- and lower-cased; any
  // other casing, and wb_chrt_id (no index), are found by the fallback below.
  const exact = await stockViews(
    db,
    companyId,
    sql`select id from products where company_id = ${companyId}
        and seller_sku = any(array[${q}::text, upper(${q}::text), lower(${q}::text)])
      union select id from products where company_id = ${companyId} and ozon_offer_id = ${q}
      union select id from products where barcodes @> array[${q}::text] and company_id = ${companyId}
      union select id from products where company_id = ${companyId} and wb_nm_id = ${asNumber}::bigint
      union select id from products where company_id = ${companyId} and ozon_sku = ${asNumber}::bigint
      limit ${limit}`,
  );
  if (exact.length > 0) return exact;
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return stockViews(
    db,
    companyId,
    sql`select id from products
      where company_id = ${companyId} and (
        lower(seller_sku) = lower(${q}) or ozon_offer_id = ${q} or ${q} = any(barcodes)
        or (${asNumber}::bigint is not null and (wb_nm_id = ${asNumber}::bigint or ozon_sku = ${asNumber}::bigint or wb_chrt_id = ${asNumber}::bigint))
        or seller_sku ilike ${like} or name ilike ${like})
      order by (lower(seller_sku) = lower(${q})) desc, seller_sku
      limit ${limit}`,
  );
}

/**
 * The products `ids` selects, each with its latest stock over all warehouses (snapshots of the
 * last 14 days) and units ordered in the last 30 days: the same figures as listProductsWithStock,
 * per product through its indexes (stock_snapshots_latest, daily_sales_pk), and without counting
 * the catalogue, which a chat answer does not show.
 */
async function stockViews(db: Db, companyId: string, ids: SQL): Promise<ProductStockView[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select p.id, p.seller_sku, p.name, p.barcodes, p.wb_nm_id, p.ozon_sku, p.ozon_offer_id, p.active,
        coalesce(st.stock, 0) as stock, st.taken_at as stock_taken_at, coalesce(sd.units, 0) as units
      from products p
      left join lateral (
        select sum(l.quantity) as stock, max(l.taken_at) as taken_at from (
          select distinct on (s.warehouse_id, s.stock_type) s.quantity, s.taken_at from stock_snapshots s
          where s.company_id = p.company_id and s.product_id = p.id and s.taken_at > now() - interval '14 days'
          order by s.warehouse_id, s.stock_type, s.taken_at desc) l
      ) st on true
      left join lateral (
        select sum(d.units_ordered) as units from daily_sales d
        where d.company_id = p.company_id and d.product_id = p.id and d.date >= current_date - 30
      ) sd on true
      where p.company_id = ${companyId} and p.id in (${ids})
      order by p.seller_sku`),
  );
  return rows.map(toProductStockView);
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
