import { describe, expect, it } from 'vitest';
import { ColumnArrays, columnArrays } from '../../../src/adapters/db/queries/pg-array.js';

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
    const built = new ColumnArrays<unknown, 'v'>({ v: (x) => x });
    for (const v of values) built.add(v);
    expect(built.literals().v).toBe(reference(values));
  });

  it('a batch filled row by row across many joins gives the same literals as one pass', () => {
    const rows = Array.from({ length: 1_000 }, (_, i) => ({ id: i, name: i % 7 === 0 ? null : `n"${i}\\` }));
    const columns = { id: (r: (typeof rows)[number]) => r.id, name: (r: (typeof rows)[number]) => r.name };
    const built = new ColumnArrays(columns);
    for (const r of rows) built.add(r);
    expect(built.size).toBe(1_000);
    expect(built.literals()).toEqual({
      id: reference(rows.map((r) => r.id)),
      name: reference(rows.map((r) => r.name)),
    });
    // Reading the literals does not consume the batch.
    expect(built.literals().id).toBe(reference(rows.map((r) => r.id)));
  });
});
