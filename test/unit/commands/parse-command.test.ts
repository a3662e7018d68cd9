import { describe, expect, it } from 'vitest';
import { type Intent, LIMITS, parseCommand } from '../../../bots/commands/parse-command.js';

const en = { locale: 'en' } as const;
const ru = { locale: 'ru' } as const;
const strip = (intent: Intent) =>
  intent.kind === 'invalid' ? { kind: 'invalid', reason: intent.reason } : intent;

describe('parseCommand', () => {
  // biome-ignore format: one row per case (STYLE.md rule 10)
  it.each<[string | null, unknown]>([
    ['/stock SKU-42', { kind: 'stock', query: 'SKU-42' }],
    ['/stock@acme_stock_bot SKU-42', { kind: 'stock', query: 'SKU-42' }],
    ['   /STOCK    SKU-42   ', { kind: 'stock', query: 'SKU-42' }],
    ['/stock  Blue   mug 350ml', { kind: 'stock', query: 'Blue mug 350ml' }],
    ['/stock 4601234567890', { kind: 'stock', query: '4601234567890' }],
    ['/stock кружка синяя', { kind: 'stock', query: 'кружка синяя' }],
    ['/stock\u200B SKU\u200D-42', { kind: 'stock', query: 'SKU-42' }],
    ['／stock ＳＫＵ－４２', { kind: 'stock', query: 'SKU-42' }],
    ['/stock\tSKU-42\n', { kind: 'stock', query: 'SKU-42' }],
    ['/остаток SKU-42', { kind: 'stock', query: 'SKU-42' }],
    ['/stock', { kind: 'invalid', reason: 'STOCK_NO_QUERY' }],
    ['/stock@acme_stock_bot', { kind: 'invalid', reason: 'STOCK_NO_QUERY' }],
    [`/stock ${'x'.repeat(101)}`, { kind: 'invalid', reason: 'QUERY_TOO_LONG' }],
    [`/stock ${'я'.repeat(100)}`, { kind: 'stock', query: 'я'.repeat(100) }],
    ['/runway', { kind: 'runway', n: 10 }],
    ['/runway 5', { kind: 'runway', n: 5 }],
    ['/runway@acme_stock_bot 3', { kind: 'runway', n: 3 }],
    ['/runway 50', { kind: 'runway', n: 50 }],
    ['/runway 51', { kind: 'runway', n: 50 }],
    ['/runway 99999999999999999999999', { kind: 'runway', n: 50 }],
    ['/runway 0', { kind: 'invalid', reason: 'RUNWAY_BAD_NUMBER' }],
    ['/runway -3', { kind: 'invalid', reason: 'RUNWAY_BAD_NUMBER' }],
    ['/runway 2.5', { kind: 'invalid', reason: 'RUNWAY_BAD_NUMBER' }],
    ['/runway ten', { kind: 'invalid', reason: 'RUNWAY_BAD_NUMBER' }],
    ['/digest', { kind: 'digest' }],
    ['/digest now please', { kind: 'digest' }],
    ['/сводка', { kind: 'digest' }],
    ['/orders', { kind: 'orders' }],
    ['/help', { kind: 'help' }],
    ['/start', { kind: 'help' }],
    ['/start AbC_123-x', { kind: 'link', code: 'AbC_123-x' }],
    ['/link AbC_123', { kind: 'link', code: 'AbC_123' }],
    ['/start <script>', { kind: 'invalid', reason: 'LINK_BAD_CODE' }],
    ['/link', { kind: 'invalid', reason: 'LINK_BAD_CODE' }],
    ['', { kind: 'invalid', reason: 'EMPTY' }],
    ['   \u200B  ', { kind: 'invalid', reason: 'EMPTY' }],
    [null, { kind: 'invalid', reason: 'EMPTY' }],
    ['stock SKU-42', { kind: 'invalid', reason: 'NOT_A_COMMAND' }],
    ['/', { kind: 'invalid', reason: 'NOT_A_COMMAND' }],
    ['/frobnicate', { kind: 'invalid', reason: 'UNKNOWN_COMMAND' }],
    ['x'.repeat(LIMITS.text + 1), { kind: 'invalid', reason: 'TOO_LONG' }],
  ])('%j', (text, expected) => {
    expect(strip(parseCommand(text, en))).toEqual(expected);
  });

  it.each<[string, 'en' | 'ru', RegExp]>([
    ['/frobnicate', 'en', /^I don't know \/frobnicate\. Try \/stock/],
    ['/frobnicate', 'ru', /^Не знаю команду \/frobnicate/],
    ['/stock', 'ru', /^Что найти\?/],
    ['x'.repeat(100_000), 'en', /too long \(over 1000 characters\)/],
    ['x'.repeat(100_000), 'ru', /Слишком длинное сообщение/],
  ])('%s in %s says what to do', (text, locale, message) => {
    const intent = parseCommand(text, { locale });
    expect(intent.kind).toBe('invalid');
    expect(intent.kind === 'invalid' && intent.message).toMatch(message);
  });

  it('never echoes a long unknown command in full', () => {
    const intent = parseCommand(`/${'a'.repeat(40)}`, ru);
    expect(intent.kind).toBe('invalid');
  });
});
