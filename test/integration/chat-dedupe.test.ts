import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase, rowsOf } from '../../src/adapters/db/client.js';
import { seenUpdate } from '../../src/adapters/db/queries/chat.js';
import { openTestDatabase } from '../helpers/database.js';
import { silentLogger } from '../helpers/logs.js';

// Every chat request records its delivery once (a retried or replayed one is dropped). The record
// commits asynchronously, and that setting must end with its own statement: the next statement on
// the same connection (an approval, say) commits durably again.

const database = await openTestDatabase();
// One connection, so the statement after seenUpdate runs where seenUpdate did.
const single: Database =
  database.driver.kind === 'postgres'
    ? await openDatabase({ kind: 'postgres', url: database.driver.url, poolMax: 1 }, silentLogger())
    : database;
afterAll(async () => {
  if (single !== database) await single.close();
  await database.drop();
});

const setting = async () =>
  rowsOf<{ synchronous_commit: string }>(await single.db.execute(sql`show synchronous_commit`))[0]
    ?.synchronous_commit;

describe(`chat delivery records (${database.label})`, () => {
  it('the first delivery is new, a second is seen, per platform', async () => {
    expect(await seenUpdate(single.db, 'slack', 'T1:cmd:abc')).toBe(false);
    expect(await seenUpdate(single.db, 'slack', 'T1:cmd:abc')).toBe(true);
    expect(await seenUpdate(single.db, 'telegram', 'T1:cmd:abc')).toBe(false);
  });

  it('leaves the connection committing durably', async () => {
    expect(await setting()).toBe('on');
    await seenUpdate(single.db, 'telegram', '1001');
    expect(await setting()).toBe('on');
  });

  it('twenty concurrent deliveries of one update: exactly one is new', async () => {
    const seen = await Promise.all(
      Array.from({ length: 20 }, () => seenUpdate(database.db, 'telegram', '2002')),
    );
    expect(seen.filter((s) => !s)).toHaveLength(1);
  });
});
