import { describe, expect, it } from 'vitest';
import { parseJsonStream } from '../../../src/adapters/marketplaces/json-stream.js';

// The character-by-character parser the `},` fast path was put in front of: for any input and
// any chunking, the fast path must give the same elements or the same kind of error.
async function reference(chunks: AsyncIterable<Uint8Array | string>): Promise<unknown> {
  const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;
  const decoder = new TextDecoder();
  const items: unknown[] = [];
  let started = false;
  let notArray = false;
  let finished = false;
  let whole = '';
  let piece = '';
  let depth = 0;
  let inString = false;
  let escaped = false;
  const finish = (text: string, from: number, to: number) => {
    piece += text.slice(from, to);
    if (piece.trim() !== '') items.push(JSON.parse(piece));
    piece = '';
  };
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (notArray) {
      whole += text;
      continue;
    }
    let seg = 0;
    for (let i = 0; i < text.length && !notArray; i += 1) {
      const c = text.charCodeAt(i);
      if (inString) {
        if (escaped) escaped = false;
        else if (c === 92) escaped = true;
        else if (c === 34) inString = false;
        continue;
      }
      if (!started) {
        if (c === 91) {
          started = true;
          depth = 1;
          seg = i + 1;
        } else if (!isSpace(c)) {
          notArray = true;
          whole = text.slice(i);
        }
        continue;
      }
      if (finished) continue;
      if (c === 34) inString = true;
      else if (c === 123 || c === 91) depth += 1;
      else if (c === 125) depth -= 1;
      else if (c === 93) {
        if (depth === 1) {
          finish(text, seg, i);
          finished = true;
        }
        depth -= 1;
      } else if (c === 44 && depth === 1) {
        finish(text, seg, i);
        seg = i + 1;
      }
    }
    if (started && !finished && !notArray) piece += text.slice(seg);
  }
  if (notArray) return JSON.parse(whole + decoder.decode());
  if (!finished) throw new SyntaxError('unterminated JSON array');
  return items;
}

async function* pieces(text: string, sizes: number[]) {
  const bytes = Buffer.from(text, 'utf8');
  let k = 0;
  for (let i = 0; i < bytes.length; k += 1) {
    const size = sizes[k % sizes.length] ?? 1;
    yield bytes.subarray(i, i + size);
    i += size;
  }
}

const settle = async (p: Promise<unknown>) => {
  try {
    return { value: await p };
  } catch (error) {
    return { threw: (error as Error).name };
  }
};

const row = (i: number) => ({
  date: '2026-09-28T14:03:11',
  warehouseName: i % 3 === 0 ? 'Склад WB, "РФ" },{' : 'Коледино',
  nmId: 300_000_000 + i,
  nested: i % 5 === 0 ? { a: [1, { b: '},' }], c: null } : null,
  srid: `abc${i}.0.0\\`,
});
const rows = Array.from({ length: 300 }, (_, i) => row(i));

const texts: string[] = [
  JSON.stringify(rows),
  JSON.stringify(rows.map((r) => ({ ...r, nested: null, warehouseName: 'Коледино' }))),
  JSON.stringify(rows, null, 2),
  JSON.stringify(Array.from({ length: 2000 }, (_, i) => i)),
  JSON.stringify(Array.from({ length: 500 }, (_, i) => `s},{${i}`)),
  `  \n[${JSON.stringify(rows.slice(0, 50)).slice(1)}  `,
  `[${JSON.stringify(rows.slice(0, 50)).slice(1, -1)}] trailing },{ garbage`,
  '[{"a":1},{"a":2},]',
  '[{"a":1},,{"a":2}]',
  '[{"a":1},\u00a0,{"a":2}]',
  '[{"a":1},{"a":}]',
  '[{"a":1},{"a":2},{"a":3}',
  '[{"a":1} {"b":2},{"c":3}]',
  '[{"a":1}],{"b":2},',
  '[{"a":"\\"},{"},{"b":"\\\\"},{"c":3}]',
  '[[{"a":1},{"b":2}],[{"c":3}]]',
  '\ufeff[{"a":1},{"a":2}]',
  '[]',
  ' [ ] ',
  '[',
  '',
  '   ',
  '{"errors":["dateFrom: field required"]}',
  '"text"',
  'not json },{',
];

describe('parseJsonStream fast path agrees with the scanner', () => {
  const chunkings = [[1], [2], [3], [7], [64], [1000], [65536], [5, 1, 300, 2, 17], [4096, 3]];
  it.each(texts.map((t, i) => [i, t.slice(0, 40), t] as const))('text %i %j', async (_i, _head, text) => {
    for (const sizes of chunkings) {
      expect(await settle(parseJsonStream(pieces(text, sizes)))).toEqual(
        await settle(reference(pieces(text, sizes))),
      );
    }
  });

  it('takes string chunks too', async () => {
    async function* strings() {
      const text = JSON.stringify(rows);
      for (let i = 0; i < text.length; i += 999) yield text.slice(i, i + 999);
    }
    expect(await parseJsonStream(strings())).toEqual(rows);
  });
});
