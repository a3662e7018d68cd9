import { sql } from 'drizzle-orm';
import type { StockCandidate } from '../../../ports.js';
import type { Db } from '../client.js';
import { preparedPer } from '../prepared.js';
import { exactStockSelect, isNumericQuery, toStockCandidate } from './chat-stock.js';

type Platform = 'telegram' | 'slack';
type Role = 'viewer' | 'buyer' | 'admin';

// Issue #7: `/stock SKU` used to cost two round trips, who is asking (findChatIdentity) and then
// the exact lookup for their company. Here they are one statement: the identity, decided as
// findChatIdentity decides it, and beside it, per exact hit, the same row as chat_stock_exact.
// Nothing is cached: a user unlinked or re-linked a moment ago is answered as the database says.
const identityStockQuery = (numeric: boolean) =>
  preparedPer((db) => {
    const platform = sql.placeholder('platform');
    const workspaceId = sql.placeholder('workspaceId');
    const userId = sql.placeholder('userId');
    const user = sql`u.platform = ${platform} and u.workspace_id = ${workspaceId} and u.platform_user_id = ${userId}`;
    const exact = exactStockSelect(db, sql`i.company_id`, sql.placeholder('q'), numeric);
    return db
      .select({
        company_id: sql`i.company_id`,
        company_name: sql`i.company_name`,
        locale: sql`i.locale`,
        timezone: sql`i.timezone`,
        role: sql`i.role`,
        approval_limit: sql`i.approval_limit`,
        display_name: sql`i.display_name`,
        id: sql`s.id`,
        seller_sku: sql`s.seller_sku`,
        name: sql`s.name`,
        barcodes: sql`s.barcodes`,
        wb_nm_id: sql`s.wb_nm_id`,
        ozon_sku: sql`s.ozon_sku`,
        ozon_offer_id: sql`s.ozon_offer_id`,
        active: sql`s.active`,
        stock: sql`s.stock`,
        stock_taken_at: sql`s.stock_taken_at`,
        units: sql`s.units`,
        recommendation: sql`s.recommendation`,
      })
      .from(
        // A bound chat decides the company; a private chat with no binding uses the user's only
        // company; either way the user must be a member of it (findChatIdentity, in SQL).
        sql`(select c.id as company_id, c.name as company_name, c.locale, c.timezone,
            u.role, u.approval_limit, u.display_name
          from chat_users u join companies c on c.id = u.company_id
          where ${user} and u.company_id = coalesce(
            (select b.company_id from chat_bindings b where b.platform = ${platform}
              and b.workspace_id = ${workspaceId} and b.chat_id = ${sql.placeholder('chatId')}),
            (select case when ${sql.placeholder('privateChat')}::boolean and count(*) = 1
                then (array_agg(u.company_id))[1] end
              from chat_users u where ${user}))
        ) i left join lateral (${exact}) s on true`,
      )
      .orderBy(sql`s.seller_sku`)
      .prepare(numeric ? 'chat_identity_stock_exact_number' : 'chat_identity_stock_exact');
  });
const byText = identityStockQuery(false);
const byNumber = identityStockQuery(true);

export type ChatIdentityRow = {
  company: { id: string; name: string; locale: 'ru' | 'en'; timezone: string };
  user: { role: Role; approvalLimit: number | null; displayName: string | null };
};

/**
 * findChatIdentity and the exact part of stockCandidates in one round trip: undefined when the chat
 * and the user are not bound to one company; else the identity and the exact hits, which are empty
 * when no identifier matched (the caller then asks stockCandidates for substrings).
 */
export async function findChatIdentityWithStock(
  db: Db,
  platform: Platform,
  workspaceId: string,
  chatId: string,
  userId: string,
  query: string,
): Promise<{ identity: ChatIdentityRow; exact: StockCandidate[] } | undefined> {
  const q = query.trim();
  const rows = await (isNumericQuery(q) ? byNumber : byText)(db).execute({
    platform,
    workspaceId,
    chatId,
    userId,
    privateChat: chatId === userId,
    q,
  });
  const [first] = rows;
  if (!first) return undefined;
  const identity: ChatIdentityRow = {
    company: {
      id: String(first.company_id),
      name: String(first.company_name),
      locale: first.locale as 'ru' | 'en',
      timezone: String(first.timezone),
    },
    user: {
      role: first.role as Role,
      approvalLimit: first.approval_limit === null ? null : Number(first.approval_limit),
      displayName: (first.display_name as string | null) ?? null,
    },
  };
  const exact = rows.flatMap((r) => (r.id === null ? [] : [toStockCandidate(r)]));
  return { identity, exact };
}
