// What parseCommand says when it cannot help, in the user's language. Plain text: the bots escape
// it for their platform (the notice template), and it never echoes more than a short command name.

import type { Locale } from '../../src/ports.js';

export type InvalidReason =
  | 'EMPTY'
  | 'TOO_LONG'
  | 'NOT_A_COMMAND'
  | 'UNKNOWN_COMMAND'
  | 'STOCK_NO_QUERY'
  | 'QUERY_TOO_LONG'
  | 'RUNWAY_BAD_NUMBER'
  | 'LINK_BAD_CODE';

type Words = (arg: string) => string;

const COMMANDS = '/stock, /runway, /digest, /orders, /help';

export const INVALID_MESSAGES: Readonly<Record<Locale, Readonly<Record<InvalidReason, Words>>>> = {
  en: {
    EMPTY: () => 'Send a command, for example /stock SKU-42. /help lists them all.',
    TOO_LONG: (max) =>
      `That message is too long (over ${max} characters). Send a short command, e.g. /stock SKU-42.`,
    NOT_A_COMMAND: () => `Commands start with a slash: ${COMMANDS}.`,
    UNKNOWN_COMMAND: (name) => `I don't know ${name}. Try ${COMMANDS}.`,
    STOCK_NO_QUERY: () =>
      'What should I look up? Send /stock with a seller SKU, a WB nmID, an Ozon offer_id or sku, or a barcode: /stock SKU-42.',
    QUERY_TOO_LONG: (max) => `That is too long for a SKU or a barcode (over ${max} characters).`,
    RUNWAY_BAD_NUMBER: (max) => `/runway takes how many SKUs to show, 1 to ${max}: /runway 10.`,
    LINK_BAD_CODE: () => 'That link code is not valid. Ask an admin for a fresh link.',
  },
  ru: {
    EMPTY: () => 'Отправьте команду, например /stock SKU-42. Все команды — /help.',
    TOO_LONG: (max) =>
      `Слишком длинное сообщение (больше ${max} символов). Отправьте короткую команду, например /stock SKU-42.`,
    NOT_A_COMMAND: () => `Команды начинаются с косой черты: ${COMMANDS}.`,
    UNKNOWN_COMMAND: (name) => `Не знаю команду ${name}. Попробуйте ${COMMANDS}.`,
    STOCK_NO_QUERY: () =>
      'Что найти? Отправьте /stock и артикул продавца, nmID WB, offer_id или sku Ozon либо штрихкод: /stock SKU-42.',
    QUERY_TOO_LONG: (max) => `Слишком длинно для артикула или штрихкода (больше ${max} символов).`,
    RUNWAY_BAD_NUMBER: (max) => `/runway принимает число позиций от 1 до ${max}: /runway 10.`,
    LINK_BAD_CODE: () => 'Код привязки недействителен. Попросите у администратора новую ссылку.',
  },
};
