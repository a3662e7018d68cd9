// Block helpers that turn a Telegram template into parts: {{#para}} HTML {{/para}} is a unit the
// splitter keeps whole when it can; {{#row}}{{button "✅" actions.approve}}{{/row}} inside a para adds
// an inline-keyboard row that travels with that para into whichever message it lands in.

import type { HelperDelegate, HelperOptions } from 'handlebars';
import { RenderError } from './errors.js';
import { unescapeMarkup } from './escape.js';

export type InlineButton = { text: string; callback_data: string };
export type TelegramPart = { html: string; rows: InlineButton[][]; space: boolean };
export type TelegramCollector = {
  parts: TelegramPart[];
  current: TelegramPart | null;
  row: InlineButton[] | null;
};

export const TELEGRAM_LIMITS = {
  // Characters after entity parsing (core.telegram.org/bots/api#sendmessage).
  textChars: 4096,
  callbackDataBytes: 64,
  buttonsPerRow: 8,
  // Not published; 100 buttons per keyboard is the figure clients are known to accept.
  buttonsPerMessage: 100,
} as const;

const collectorOf = (options: HelperOptions): TelegramCollector =>
  (options.data as { collector: TelegramCollector }).collector;

export const telegramHelpers: Record<string, HelperDelegate> = {
  /** {{#para space=true}}: preceded by a blank line (dropped at the top of a message). */
  para(this: unknown, options: HelperOptions) {
    const collector = collectorOf(options);
    if (collector.current) throw new RenderError('{{#para}} cannot be nested');
    const part: TelegramPart = { html: '', rows: [], space: options.hash.space === true };
    collector.current = part;
    part.html = options
      .fn(this)
      .replace(/^\s*\n|\n\s*$/g, '')
      .trim();
    collector.current = null;
    if (part.html || part.rows.length > 0) collector.parts.push(part);
    return '';
  },
  row(this: unknown, options: HelperOptions) {
    const collector = collectorOf(options);
    if (!collector.current) throw new RenderError('{{#row}} must be inside {{#para}}');
    collector.row = [];
    options.fn(this);
    const row = collector.row;
    collector.row = null;
    if (row.length > TELEGRAM_LIMITS.buttonsPerRow) throw new RenderError('too many buttons in one row');
    if (row.length > 0) collector.current.rows.push(row);
    return '';
  },
  button(label: unknown, value: unknown, options: HelperOptions) {
    const collector = collectorOf(options);
    if (!collector.row) throw new RenderError('{{button}} must be inside {{#row}}');
    const data = unescapeMarkup(String(value));
    const bytes = Buffer.byteLength(data, 'utf8');
    // Telegram rejects the whole message when one callback_data is over 64 bytes.
    if (bytes < 1 || bytes > TELEGRAM_LIMITS.callbackDataBytes) {
      throw new RenderError('Telegram callback_data must be 1..64 bytes', { bytes });
    }
    collector.row.push({ text: unescapeMarkup(String(label)), callback_data: data });
    return '';
  },
};
