// Slack posts three shapes to one URL: JSON (Events API), a form with `payload=<JSON>`
// (interactivity) and a plain form (slash commands, ssl_check). Parsed only after the signature
// has been checked on the raw string.

import { type Intent, parseCommand } from '../commands/index.js';

export type SlackBody = Record<string, unknown>;

export function parseSlackBody(rawBody: string, contentType: string | undefined): SlackBody | null {
  try {
    if ((contentType ?? '').startsWith('application/json')) {
      const parsed: unknown = JSON.parse(rawBody);
      return typeof parsed === 'object' && parsed !== null ? (parsed as SlackBody) : null;
    }
    const form = new URLSearchParams(rawBody);
    const payload = form.get('payload');
    if (payload !== null) return JSON.parse(payload) as SlackBody;
    return Object.fromEntries(form);
  } catch {
    return null;
  }
}

/** Slack's unsigned reachability ping for slash-command URLs: answer 200, dispatch nothing. */
export const isSslCheck = (rawBody: string): boolean => new URLSearchParams(rawBody).get('ssl_check') === '1';

/**
 * What makes a delivery "the same one": the event id for Events API (retries repeat it), else a
 * hash of the signed body, which a retry or a replay repeats byte for byte.
 */
export function dedupeKey(body: SlackBody, bodyHash: string): string {
  return typeof body.event_id === 'string' ? `event:${body.event_id}` : `body:${bodyHash}`;
}

/** What a slash command only answers to its caller, ephemerally, without writing anything. */
const PRIVATE_QUERIES: ReadonlySet<Intent['kind']> = new Set([
  'stock',
  'runway',
  'orders',
  'help',
  'invalid',
]);

/**
 * True for a slash command that only answers its caller privately (/stock, /runway, /orders, /help,
 * or a helpful refusal). It needs no delivery record: Slack never retries a slash command, and a
 * replay inside the signature's 5 minutes only answers again, while the record was a write on
 * every request and most of /stock's database time (issue #7). /digest (posts to the channel),
 * /link (binds a chat), actions and events keep theirs.
 */
export function isPrivateQuery(body: SlackBody): boolean {
  if (body.type !== undefined || typeof body.command !== 'string') return false;
  const text = typeof body.text === 'string' ? body.text : '';
  return PRIVATE_QUERIES.has(parseCommand(`${body.command} ${text}`.trim(), { locale: 'en' }).kind);
}
