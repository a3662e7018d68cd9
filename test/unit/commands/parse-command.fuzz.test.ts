import { describe, expect, it } from 'vitest';
import { LIMITS, parseCommand } from '../../../bots/commands/parse-command.js';

// A small seeded PRNG (mulberry32) so a failure is reproducible.
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOSTILE = [
  '/stock ',
  '/runway ',
  '/start ',
  '/link ',
  '/digest',
  '/help',
  '@bot',
  '<script>alert(1)</script>',
  "'; DROP TABLE products; --",
  '{{constructor.constructor}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a hostile input, meant literally
  '${process.exit()}',
  '__proto__',
  '&amp;&lt;',
  '<!channel>',
  '\u202Egnp.exe',
  '\u0000\u0007\u001B[31m',
  '\uD800',
  '\uDFFF',
  '😀👨‍👩‍👧',
  'Ｓ',
  'ﬁ',
  '\u200B\uFEFF',
  ' \t\n\r ',
  '／',
  '9'.repeat(30),
  '-1',
  'Ёжик',
];

function randomString(rand: () => number): string {
  const parts: string[] = [];
  const n = Math.floor(rand() * 8);
  for (let i = 0; i < n; i++) {
    const r = rand();
    if (r < 0.5) parts.push(HOSTILE[Math.floor(rand() * HOSTILE.length)] ?? '');
    else if (r < 0.8) parts.push(String.fromCharCode(Math.floor(rand() * 0x10000)));
    else parts.push(String.fromCodePoint(Math.floor(rand() * 0x10ffff)));
  }
  return parts.join(rand() < 0.5 ? '' : ' ');
}

describe('parseCommand under fuzz', () => {
  const rand = prng(20260115);
  const inputs = [
    ...Array.from({ length: 5000 }, () => randomString(rand)),
    'x'.repeat(100_000),
    `/stock ${'😀'.repeat(50_000)}`,
    `/runway ${'9'.repeat(100_000)}`,
    '\u0000'.repeat(1000),
    ' '.repeat(LIMITS.text),
  ];

  it.each(['en', 'ru'] as const)('never throws and always answers usefully (%s)', (locale) => {
    for (const text of inputs) {
      const intent = parseCommand(text, { locale });
      switch (intent.kind) {
        case 'invalid':
          expect(intent.message.length).toBeGreaterThan(10);
          expect(intent.message.length).toBeLessThan(300);
          break;
        case 'stock':
          expect(intent.query).toBe(intent.query.trim());
          expect(intent.query.length).toBeGreaterThan(0);
          expect(Array.from(intent.query).length).toBeLessThanOrEqual(LIMITS.query);
          break;
        case 'runway':
          expect(intent.n).toBeGreaterThanOrEqual(1);
          expect(intent.n).toBeLessThanOrEqual(LIMITS.runwayMax);
          break;
        case 'link':
          expect(intent.code).toMatch(/^[\w-]{1,64}$/);
          break;
        default:
          expect(['digest', 'orders', 'help']).toContain(intent.kind);
      }
    }
  });
});
