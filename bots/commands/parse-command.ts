// Chat text → intent, the same for Slack and Telegram. Total: any input, however long or hostile,
// gives an intent or a helpful `invalid` in the user's language, and never throws.

import type { Locale } from '../../src/ports.js';
import { INVALID_MESSAGES, type InvalidReason } from './messages.js';

export type Intent =
  | { kind: 'stock'; query: string }
  | { kind: 'runway'; n: number }
  | { kind: 'digest' }
  | { kind: 'orders' }
  | { kind: 'help' }
  | { kind: 'link'; code: string }
  | { kind: 'invalid'; reason: InvalidReason; message: string };

export const LIMITS = { text: 1000, query: 100, runwayDefault: 10, runwayMax: 50 } as const;

type Name = 'stock' | 'runway' | 'digest' | 'orders' | 'help' | 'link';

// Russian aliases for people typing in a DM; Telegram menus only carry the Latin names.
const COMMANDS: ReadonlyMap<string, Name> = new Map([
  ['stock', 'stock'],
  ['остаток', 'stock'],
  ['остатки', 'stock'],
  ['runway', 'runway'],
  ['запас', 'runway'],
  ['digest', 'digest'],
  ['сводка', 'digest'],
  ['orders', 'orders'],
  ['заказы', 'orders'],
  ['help', 'help'],
  ['помощь', 'help'],
  ['start', 'help'],
  ['link', 'link'],
]);

// Zero-width and direction marks that copy-paste brings along; they would split or hide words.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
const HEAD = /^[/／]([\p{L}\p{N}_]{1,32})(?:@[\w]{1,64})?(?:\s+|$)/u;
// Telegram deep-link payloads: https://core.telegram.org/bots/features#deep-linking
const LINK_CODE = /^[\w-]{1,64}$/;

export function parseCommand(text: unknown, { locale }: { locale: Locale }): Intent {
  const invalid = (reason: InvalidReason, arg = ''): Intent => ({
    kind: 'invalid',
    reason,
    message: (INVALID_MESSAGES[locale] ?? INVALID_MESSAGES.en)[reason](arg),
  });
  if (typeof text !== 'string') return invalid('EMPTY');
  // Check the size before any normalisation work: a 100k paste costs nothing.
  if (text.length > LIMITS.text) return invalid('TOO_LONG', String(LIMITS.text));
  const clean = text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(CONTROL, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!clean) return invalid('EMPTY');
  const head = HEAD.exec(clean);
  if (!head) return invalid('NOT_A_COMMAND');
  const word = (head[1] ?? '').toLowerCase();
  const args = clean.slice(head[0].length).trim();
  const name = COMMANDS.get(word);
  switch (name) {
    case undefined:
      return invalid('UNKNOWN_COMMAND', `/${word.slice(0, 32)}`);
    case 'stock':
      if (!args) return invalid('STOCK_NO_QUERY');
      if (Array.from(args).length > LIMITS.query) return invalid('QUERY_TOO_LONG', String(LIMITS.query));
      return { kind: 'stock', query: args };
    case 'runway':
      return runway(args) ?? invalid('RUNWAY_BAD_NUMBER', String(LIMITS.runwayMax));
    case 'help':
      // `/start <code>` is how a Telegram deep link arrives: linking a chat to a company.
      if (word === 'start' && args)
        return LINK_CODE.test(args) ? { kind: 'link', code: args } : invalid('LINK_BAD_CODE');
      return { kind: 'help' };
    case 'link':
      return LINK_CODE.test(args) ? { kind: 'link', code: args } : invalid('LINK_BAD_CODE');
    case 'digest':
    case 'orders':
      return { kind: name };
  }
}

/** `/runway`, `/runway 5`; a number over the maximum is capped, not refused. */
function runway(args: string): Intent | undefined {
  if (!args) return { kind: 'runway', n: LIMITS.runwayDefault };
  if (!/^\d{1,6}$/.test(args))
    return /^\d+$/.test(args) ? { kind: 'runway', n: LIMITS.runwayMax } : undefined;
  const n = Number(args);
  return n < 1 ? undefined : { kind: 'runway', n: Math.min(n, LIMITS.runwayMax) };
}
