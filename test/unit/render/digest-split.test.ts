import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type Locale,
  SLACK_LIMITS,
  type SlackBlock,
  TELEGRAM_LIMITS,
} from '../../../src/adapters/render/index.js';
import { createRenderer } from '../../../src/adapters/render/renderer.js';
import { visibleLength } from '../../../src/adapters/render/split-html.js';
import { digest, orderLine } from './views.fixture.js';

const renderer = createRenderer({ templatesDir: path.resolve(import.meta.dirname, '../../../templates') });

// A seller with 10,000 SKUs can have hundreds to order on a bad morning.
const big = {
  ...digest,
  orderToday: Array.from({ length: 300 }, (_, i) => ({
    ...orderLine(i),
    name: `Mug & <lid> ${'x'.repeat(i % 50)}`,
  })),
  attention: Array.from({ length: 500 }, (_, i) => ({
    sellerSku: `ATT-${i}`,
    name: 'Plate',
    reasons: ['STALE_DATA', 'OVERSTOCK'],
  })),
};

const sectionText = (b: SlackBlock): string =>
  b.type === 'section' || b.type === 'header' ? b.text.text : '';

describe('a long digest is split within the limits', () => {
  it.each<[Locale]>([['en'], ['ru']])('Slack (%s)', (locale) => {
    const messages = renderer.renderDigest('slack', locale, big);
    expect(messages.length).toBeGreaterThan(1);
    const all = messages.flatMap((m) => m.blocks);
    for (const [i, m] of messages.entries()) {
      expect(m.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
      expect(m.text).toMatch(new RegExp(`\\(${i + 1}/${messages.length}\\)$`));
      for (const b of m.blocks) expect(sectionText(b).length).toBeLessThanOrEqual(SLACK_LIMITS.sectionChars);
      // An actions block never opens a message: it stays with its line.
      expect(m.blocks[0]?.type).not.toBe('actions');
    }
    expect(all.filter((b) => b.type === 'actions')).toHaveLength(300);
    const text = all.map(sectionText).join('\n');
    for (let i = 0; i < 500; i++) expect(text).toContain(`*ATT-${i}* Plate`);
  });

  it.each<[Locale]>([['en'], ['ru']])('Telegram (%s)', (locale) => {
    const messages = renderer.renderDigest('telegram', locale, big);
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) {
      expect(visibleLength(m.text)).toBeLessThanOrEqual(TELEGRAM_LIMITS.textChars);
      expect(visibleLength(m.text)).toBeGreaterThan(0);
      const buttons = m.replyMarkup?.inline_keyboard.flat() ?? [];
      expect(buttons.length).toBeLessThanOrEqual(TELEGRAM_LIMITS.buttonsPerMessage);
      // The buttons of a line travel in the message that shows the line.
      for (const b of buttons.filter((b) => b.text.startsWith('✅'))) {
        expect(m.text).toContain(`<code>${b.text.slice(2)}</code>`);
      }
    }
    const text = messages.map((m) => m.text).join('\n');
    for (let i = 0; i < 500; i++) expect(text).toContain(`<code>ATT-${i}</code> Plate`);
    expect(messages.flatMap((m) => m.replyMarkup?.inline_keyboard ?? [])).toHaveLength(300);
  });

  it('a short digest stays one message', () => {
    expect(renderer.renderDigest('telegram', 'en', digest)).toHaveLength(1);
    expect(renderer.renderDigest('slack', 'ru', digest)).toHaveLength(1);
  });
});
