// Escaping per platform (STYLE.md rule 6). Handlebars' escaper is shared by every instance in the
// process, so templates compile with noEscape and the view model is escaped once, up front: every
// string a template can reach is already safe, whether it is written {{x}} or {{{x}}}.

import type { Platform } from './views.js';

// Slack mrkdwn treats only these three as control characters; anything more shows up as `&#x27;`.
const SLACK: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
// Telegram HTML parse mode: `"` too, because values may land in an href attribute.
const TELEGRAM: Record<string, string> = { ...SLACK, '"': '&quot;' };

export function escapeSlack(text: string): string {
  return text.replace(/[&<>]/g, (c) => SLACK[c] ?? c);
}

export function escapeTelegram(text: string): string {
  return text.replace(/[&<>"]/g, (c) => TELEGRAM[c] ?? c);
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"' };

/** The inverse of both escapers: for fields that are not markup (button values, plain_text). */
export function unescapeMarkup(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot);/g, (e) => ENTITIES[e] ?? e);
}

export function escapeView<T>(platform: Platform, view: T): T {
  return deepMap(view, platform === 'slack' ? escapeSlack : escapeTelegram) as T;
}

function deepMap(value: unknown, esc: (s: string) => string): unknown {
  if (typeof value === 'string') return esc(value);
  if (Array.isArray(value)) return value.map((v) => deepMap(v, esc));
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = deepMap(v, esc);
    return out;
  }
  return value;
}
