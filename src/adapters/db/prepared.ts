import type { Db } from './client.js';

/**
 * One prepared statement per database handle (issue #7: a chat command's queries are built once,
 * not per request, and prepared, so PostgreSQL parses and plans them once per connection).
 */
export function preparedPer<T>(build: (db: Db) => T): (db: Db) => T {
  const built = new WeakMap<Db, T>();
  return (db) => {
    let q = built.get(db);
    if (!q) {
      q = build(db);
      built.set(db, q);
    }
    return q;
  };
}
