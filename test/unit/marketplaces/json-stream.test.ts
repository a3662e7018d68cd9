import { describe, expect, it } from 'vitest';
import { parseJsonStream } from '../../../src/adapters/marketplaces/json-stream.js';

async function* pieces(text: string, size: number) {
  const bytes = Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

describe('parseJsonStream', () => {
  const rows = [
    { a: 'Склад WB, "РФ"', b: [1, { c: ']' }], d: null },
    { a: '\\\\', e: 2.5 },
  ];
  it.each([1, 2, 3, 7, 1000])(
    'splits a top-level array in %i-byte chunks (multibyte, escapes, brackets in strings)',
    async (size) => {
      expect(await parseJsonStream(pieces(JSON.stringify(rows), size))).toEqual(rows);
    },
  );

  it.each([['[]'], [' [ ] '], ['{"errors":["dateFrom: field required"]}'], ['"text"']])(
    'parses %s like JSON.parse',
    async (text) => {
      expect(await parseJsonStream(pieces(text, 2))).toEqual(JSON.parse(text));
    },
  );

  it.each([['[{"a":1},'], ['[{"a":}]'], ['not json']])('rejects %s', async (text) => {
    await expect(parseJsonStream(pieces(text, 3))).rejects.toThrow(SyntaxError);
  });
});
