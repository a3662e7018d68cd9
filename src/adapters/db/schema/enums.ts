import { pgEnum } from 'drizzle-orm/pg-core';

export const marketplaceEnum = pgEnum('marketplace', ['wildberries', 'ozon']);
export const warehouseOwnerEnum = pgEnum('warehouse_owner', ['wildberries', 'ozon', 'own']);
export const warehouseTypeEnum = pgEnum('warehouse_type', ['FBO', 'FBS', 'own']);
export const stockTypeEnum = pgEnum('stock_type', ['FBO', 'FBS', 'realFBS', 'own']);
export const localeEnum = pgEnum('locale', ['ru', 'en']);
export const accountStatusEnum = pgEnum('account_status', ['active', 'disabled', 'auth_failed']);
/** A WB order and its later sale or return arrive as separate lines; Ozon sends orders only. */
export const orderKindEnum = pgEnum('order_kind', ['order', 'sale', 'return']);
export const orderStatusEnum = pgEnum('order_status', ['ordered', 'cancelled', 'bought_out', 'returned']);
export const poStatusEnum = pgEnum('purchase_order_status', [
  'draft',
  'approved',
  'sent',
  'partially_received',
  'received',
  'cancelled',
]);
export const categoryEnum = pgEnum('recommendation_category', [
  'ORDER_TODAY',
  'ALREADY_ORDERED',
  'ATTENTION_REQUIRED',
  'NORMAL',
]);
export const severityEnum = pgEnum('severity', ['critical', 'warning', 'info']);
export const alertStateEnum = pgEnum('alert_state', ['firing', 'resolved', 'snoozed']);
export const runStatusEnum = pgEnum('run_status', ['running', 'success', 'partial', 'failed', 'skipped']);
export const channelEnum = pgEnum('channel', ['slack', 'telegram', 'console']);
export const outboxStatusEnum = pgEnum('outbox_status', ['pending', 'sending', 'sent', 'dead']);
export const platformEnum = pgEnum('chat_platform', ['slack', 'telegram']);
export const roleEnum = pgEnum('chat_role', ['viewer', 'buyer', 'admin']);
