import { describe, expect, it } from 'vitest';
import { columnArrays, PgArray } from '../../../src/adapters/db/queries/pg-array.js';

// The original: every element quoted, `\` and `"` escaped by two regex replaces.
const reference = (values: readonly unknown[]) =>
  `{${values
    .map((v) =>
      v === null || v === undefined ? 'NULL' : `"${String(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`,
    )
    .join(',')}}`;

describe('PostgreSQL array literals', () => {
  it.each([
    [[]],
    [['a']],
    [['a', 'b', null, undefined, '']],
    [[1, 0, -2.5, 1e21, Number.NaN, 12345678901234]],
    [['Склад WB "РФ"', 'back\\slash', '\\"', '"', '\\', 'a,b', '{x}', 'NULL', ' spaced ']],
    [[true, false, { toString: () => 'o"b\\j' }]],
    [['2026-09-28', '2026-09-28T11:03:11.000Z']],
  ])('%j', (values) => {
    expect(columnArrays(values, { v: (x) => x }).v).toBe(reference(values));
    const built = new PgArray();
    for (const v of values) built.add(v);
    expect(built.literal()).toBe(reference(values));
  });
});
