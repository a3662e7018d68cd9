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

/**
 * Rows between two joins of a column's items. A batch filled page by page lives across many young
 * generation collections: joined every few hundred rows it is a few long flat strings per column,
 * which the collector copies and marks cheaply, instead of a row object and its fields per line.
 */
const JOIN_EVERY_ROWS = 256;

type Column<R> = { name: string; read: (row: R) => unknown; items: string[]; joined: string[] };

/** One array literal per column, filled row by row (the parameters of an unnest). */
export class ColumnArrays<R, K extends string> {
  private readonly columns: Column<R>[];
  private rows = 0;

  constructor(columns: Record<K, (row: R) => unknown>) {
    this.columns = Object.entries<(row: R) => unknown>(columns).map(([name, read]) => ({
      name,
      read,
      items: [],
      joined: [],
    }));
  }

  /** Rows added so far. */
  get size(): number {
    return this.rows;
  }

  add(row: R): void {
    for (const c of this.columns) c.items.push(pgArrayItem(c.read(row)));
    this.rows += 1;
    if (this.rows % JOIN_EVERY_ROWS === 0) this.join();
  }

  literals(): Record<K, string> {
    this.join();
    return Object.fromEntries(this.columns.map((c) => [c.name, `{${c.joined.join(',')}}`])) as Record<
      K,
      string
    >;
  }

  private join(): void {
    for (const c of this.columns) {
      if (c.items.length === 0) continue;
      c.joined.push(c.items.join(','));
      c.items = [];
    }
  }
}

/** One array literal per column, filled in one pass over the rows. */
export function columnArrays<R, K extends string>(
  rows: Iterable<R>,
  columns: Record<K, (row: R) => unknown>,
): Record<K, string> {
  const arrays = new ColumnArrays<R, K>(columns);
  for (const row of rows) arrays.add(row);
  return arrays.literals();
}
