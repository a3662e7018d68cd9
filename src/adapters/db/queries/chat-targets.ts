import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { chatBindings } from '../schema/index.js';

/** The chats bound to a company that receive `purpose` (digest, alerts). */
export async function listChatTargets(db: Db, companyId: string, purpose: string) {
  const rows = await db
    .select({
      platform: chatBindings.platform,
      chatId: chatBindings.chatId,
      locale: chatBindings.locale,
      minSeverity: chatBindings.minSeverity,
    })
    .from(chatBindings)
    .where(and(eq(chatBindings.companyId, companyId), sql`${purpose} = any(${chatBindings.purposes})`));
  return rows.map((r) => ({
    channel: r.platform,
    target: r.chatId,
    locale: r.locale,
    minSeverity: r.minSeverity,
  }));
}
