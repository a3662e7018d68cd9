// Codes in words, per language: reason codes, categories and PO statuses. Typed so a new code
// without words fails the typecheck.

import type { AttentionCode, DecisionReason } from '../../core/procurement/index.js';
import type { Category, PoStatus } from '../../ports.js';
import type { Locale } from './views.js';

/** Every code the procurement engine gives a recommendation (src/core/procurement). */
export type ReasonCode = DecisionReason | AttentionCode;

export type WordCode = ReasonCode | Category | PoStatus;

export const WORDS: Readonly<Record<Locale, Readonly<Record<WordCode, string>>>> = {
  en: {
    BELOW_REORDER_POINT: 'stock and open orders are below the reorder point',
    ORDER_BY_DATE_REACHED: 'the last day to order in time has come',
    COVERED_BY_OPEN_PO: 'covered by an open purchase order',
    NO_FORECAST: 'no forecast',
    MISSING_FORECAST: 'no forecast for this SKU',
    STALE_DATA: 'sales or stock data is out of date',
    SHORT_HISTORY: 'too little sales history',
    UNRELIABLE_FORECAST: 'the forecast is unreliable',
    NEGATIVE_STOCK: 'negative stock',
    OUT_OF_STOCK_WITH_DEMAND: 'out of stock while customers keep ordering',
    OVERDUE_PO: 'a purchase order is overdue',
    PO_ARRIVES_AFTER_STOCKOUT: 'the open order arrives after the stock-out',
    DEMAND_SPIKE: 'sudden demand spike',
    DEMAND_DROP: 'sudden demand drop',
    OVERSTOCK: 'overstock',
    ORDER_TODAY: 'order today',
    ALREADY_ORDERED: 'already ordered',
    ATTENTION_REQUIRED: 'needs attention',
    NORMAL: 'nothing to do',
    draft: 'draft',
    approved: 'approved',
    sent: 'sent to the supplier',
    partially_received: 'partly received',
    received: 'received',
    cancelled: 'cancelled',
  },
  ru: {
    BELOW_REORDER_POINT: 'остаток с открытыми заказами ниже точки заказа',
    ORDER_BY_DATE_REACHED: 'наступил последний день, чтобы заказать вовремя',
    COVERED_BY_OPEN_PO: 'покрыто открытым заказом поставщику',
    NO_FORECAST: 'нет прогноза',
    MISSING_FORECAST: 'нет прогноза по этому SKU',
    STALE_DATA: 'данные о продажах или остатках устарели',
    SHORT_HISTORY: 'слишком короткая история продаж',
    UNRELIABLE_FORECAST: 'прогноз ненадёжен',
    NEGATIVE_STOCK: 'отрицательный остаток',
    OUT_OF_STOCK_WITH_DEMAND: 'нет в наличии, а покупатели заказывают',
    OVERDUE_PO: 'заказ поставщику просрочен',
    PO_ARRIVES_AFTER_STOCKOUT: 'открытый заказ придёт после обнуления остатка',
    DEMAND_SPIKE: 'резкий рост спроса',
    DEMAND_DROP: 'резкое падение спроса',
    OVERSTOCK: 'затоваривание',
    ORDER_TODAY: 'заказать сегодня',
    ALREADY_ORDERED: 'уже заказано',
    ATTENTION_REQUIRED: 'требует внимания',
    NORMAL: 'всё в порядке',
    draft: 'черновик',
    approved: 'утверждён',
    sent: 'отправлен поставщику',
    partially_received: 'принят частично',
    received: 'принят',
    cancelled: 'отменён',
  },
};

/**
 * Words for a code. An unknown code (added to the core before its words) is shown as is: one
 * untranslated reason is better than a digest that fails to render.
 */
export function words(locale: Locale, code: string): string {
  const table = WORDS[locale] as Readonly<Record<string, string>>;
  return Object.hasOwn(table, code) ? (table[code] ?? code) : code;
}
