// Packs rendered parts into as few messages as the platform limits allow, never splitting a line.
// Slack: ≤ 50 blocks, ≤ 3000 characters a section, ≤ ~12k characters a message; an actions block
// stays with the line above it and a header with the block below it. Telegram: ≤ 4096 visible
// characters and ≤ 100 buttons; a para stays whole unless it alone is too long.

import { SLACK_LIMITS, type SlackBlock } from './slack-helpers.js';
import { splitHtml, visibleLength } from './split-html.js';
import { type InlineButton, TELEGRAM_LIMITS, type TelegramPart } from './telegram-helpers.js';

export type SlackMessage = { text: string; blocks: SlackBlock[] };
export type TelegramMessage = {
  text: string;
  parseMode: 'HTML';
  replyMarkup?: { inline_keyboard: InlineButton[][] };
};

function blockChars(block: SlackBlock): number {
  switch (block.type) {
    case 'header':
    case 'section':
      return block.text.text.length;
    case 'context':
      return block.elements.reduce((n, e) => n + e.text.length, 0);
    case 'actions':
      return block.elements.reduce((n, e) => n + e.text.text.length + e.value.length, 0);
    case 'divider':
      return 0;
  }
}

/** A long section becomes several, cut at line ends (a single overlong line is cut at a character). */
function splitSection(text: string): string[] {
  return splitLines(text, SLACK_LIMITS.sectionChars);
}

export function splitLines(text: string, limit: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const candidate = current ? `${current}\n${line}` : line;
    if (candidate.length <= limit) {
      current = candidate;
      continue;
    }
    if (current) out.push(current);
    current = line;
    while (current.length > limit) {
      // Never leave half an entity (&amp;) or half a surrogate pair at the cut.
      let cut = limit;
      const amp = current.lastIndexOf('&', cut);
      if (amp > cut - 6 && amp > 0 && current.indexOf(';', amp) >= cut) cut = amp;
      if (/[\uD800-\uDBFF]/.test(current.charAt(cut - 1))) cut -= 1;
      out.push(current.slice(0, cut));
      current = current.slice(cut);
    }
  }
  if (current) out.push(current);
  return out;
}

/** Groups blocks that must travel together: header + next, line + its actions. */
function slackUnits(blocks: SlackBlock[]): SlackBlock[][] {
  const units: SlackBlock[][] = [];
  let pendingHeader: SlackBlock[] = [];
  for (const block of blocks) {
    const pieces: SlackBlock[] =
      block.type === 'section'
        ? splitSection(block.text.text).map((text) => ({ type: 'section', text: { type: 'mrkdwn', text } }))
        : [block];
    for (const piece of pieces) {
      if (piece.type === 'actions' && pendingHeader.length === 0 && units.length > 0)
        units.at(-1)?.push(piece);
      else if (piece.type === 'header') pendingHeader.push(piece);
      else {
        units.push([...pendingHeader, piece]);
        pendingHeader = [];
      }
    }
  }
  if (pendingHeader.length > 0) units.push(pendingHeader);
  return units;
}

export function packSlack(blocks: SlackBlock[], fallback: string): SlackMessage[] {
  const pages: SlackBlock[][] = [];
  let page: SlackBlock[] = [];
  let chars = 0;
  for (const unit of slackUnits(blocks)) {
    const unitChars = unit.reduce((n, b) => n + blockChars(b), 0);
    const full =
      page.length + unit.length > SLACK_LIMITS.blocks || chars + unitChars > SLACK_LIMITS.messageChars;
    if (full && page.length > 0) {
      pages.push(page);
      page = [];
      chars = 0;
    }
    page.push(...unit);
    chars += unitChars;
  }
  if (page.length > 0 || pages.length === 0) pages.push(page);
  return pages.map((blocks, i) => ({
    text: pages.length > 1 ? `${fallback} (${i + 1}/${pages.length})` : fallback,
    blocks,
  }));
}

export function packTelegram(parts: TelegramPart[]): TelegramMessage[] {
  const limit = TELEGRAM_LIMITS.textChars;
  const messages: { html: string; rows: InlineButton[][] }[] = [];
  let html = '';
  let rows: InlineButton[][] = [];
  const flush = (): void => {
    if (html || rows.length > 0) messages.push({ html, rows });
    html = '';
    rows = [];
  };
  const buttons = (r: InlineButton[][]): number => r.reduce((n, row) => n + row.length, 0);
  for (const part of parts) {
    const chunks = splitHtml(part.html, limit);
    if (chunks.length === 0) {
      // Buttons without text ride with the message before them (Telegram needs 1+ characters).
      rows.push(...part.rows);
      continue;
    }
    for (const [i, chunk] of chunks.entries()) {
      const partRows = i === chunks.length - 1 ? part.rows : [];
      const joined = html ? `${html}${part.space ? '\n\n' : '\n'}${chunk}` : chunk;
      const tooMany = buttons(rows) + buttons(partRows) > TELEGRAM_LIMITS.buttonsPerMessage;
      if (html && (visibleLength(joined) > limit || tooMany)) {
        flush();
        html = chunk;
      } else html = joined;
      rows.push(...partRows);
    }
  }
  flush();
  return messages.map((m) => ({
    text: m.html,
    parseMode: 'HTML',
    ...(m.rows.length > 0 ? { replyMarkup: { inline_keyboard: m.rows } } : {}),
  }));
}
