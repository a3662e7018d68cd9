// `{"a","b",NULL}`: PostgreSQL array literals, every element quoted and escaped, for the column
// parameters of an unnest.

/** One element of a PostgreSQL array literal: `NULL`, or the value quoted with `"` and `\` escaped. */
function pgArrayItem(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  const text = typeof v === 'string' ? v : String(v);
  // Most values (ids, dates, numbers) have nothing to escape: skip the regex for them.
  if (text.indexOf('"') === -1 && text.indexOf('\\') === -1) return `"${text}"`;
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A PostgreSQL array literal built element by element. */
export class PgArray {
  // Never empty once an element is in: an element is NULL or quoted.
  private text = '';

  add(value: unknown): void {
    this.text = this.text === '' ? pgArrayItem(value) : `${this.text},${pgArrayItem(value)}`;
  }

  literal(): string {
    return `{${this.text}}`;
  }
}

/** One array literal per column, filled in one pass over the rows (the parameters of an unnest). */
export function columnArrays<R, K extends string>(
  rows: Iterable<R>,
  columns: Record<K, (row: R) => unknown>,
): Record<K, string> {
  const entries = (Object.entries(columns) as [K, (row: R) => unknown][]).map(
    ([name, read]) => [name, read, new PgArray()] as const,
  );
  for (const row of rows) for (const [, read, array] of entries) array.add(read(row));
  return Object.fromEntries(entries.map(([name, , array]) => [name, array.literal()])) as Record<K, string>;
}
