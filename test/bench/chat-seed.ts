// The bench:chat database: one company with 100,000 SKUs and a year of history, seeded with
// set-based SQL (insert … select from generate_series) and kept between runs. A marker table says
// the seed finished; without it (or with --reseed) the database is dropped and built again.
import postgres from 'postgres';
import { withDatabase } from '../helpers/global-setup.js';

export const SEED_VERSION = 1;
export const WAREHOUSES_PER_SKU = 3;
export const SNAPSHOT_DAYS = 30;
export const RUN_DATES = 7;

export type SeedInfo = { database: string; companyId: string; skus: number; days: number; seeded: boolean };

export const skuOf = (i: number) => `SKU-${String(i).padStart(6, '0')}`;

export async function ensureChatDatabase(opts: {
  serverUrl: string;
  database: string;
  skus: number;
  days: number;
  reseed: boolean;
  migrate: (url: string) => Promise<void>;
  say: (s: string) => void;
}): Promise<SeedInfo> {
  const admin = postgres(opts.serverUrl, { max: 1, onnotice: () => {} });
  const url = withDatabase(opts.serverUrl, opts.database);
  try {
    const exists = (await admin`select 1 from pg_database where datname = ${opts.database}`).length > 0;
    if (exists && !opts.reseed) {
      const found = await seededCompany(url, opts.skus, opts.days);
      if (found) {
        await opts.migrate(url);
        await topUp(url, found, opts.say);
        return { database: opts.database, companyId: found, skus: opts.skus, days: opts.days, seeded: false };
      }
      opts.say(`${opts.database} exists but is incomplete or of another size: rebuilding it`);
    }
    if (exists) await admin.unsafe(`drop database "${opts.database}" with (force)`);
    await admin.unsafe(`create database "${opts.database}"`);
  } finally {
    await admin.end();
  }
  await opts.migrate(url);
  const companyId = await seed(url, opts.skus, opts.days, opts.say);
  return { database: opts.database, companyId, skus: opts.skus, days: opts.days, seeded: true };
}

async function seededCompany(url: string, skus: number, days: number): Promise<string | undefined> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ company_id: string }[]>`
      select company_id::text from bench_chat_seed
      where version = ${SEED_VERSION} and skus = ${skus} and days = ${days}`.catch(() => []);
    return row?.company_id;
  } finally {
    await sql.end();
  }
}

/**
 * A reused database ages: the /stock reply reads stock taken in the last 14 days and sales of the
 * last 30. Append what a daily sync would have written since (set-based, seconds for 100k SKUs).
 */
async function topUp(url: string, companyId: string, say: (s: string) => void): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [s] = await sql<{ stale: boolean }[]>`
      select coalesce(max(taken_at) < now() - interval '12 hours', true) as stale
      from stock_snapshots where company_id = ${companyId}`;
    if (s?.stale) {
      say('topping up: one stock snapshot per SKU and warehouse taken now');
      await sql`insert into stock_snapshots
          (company_id, product_id, marketplace, warehouse_id, stock_type, quantity, taken_at)
        select l.company_id, l.product_id, l.marketplace, l.warehouse_id, l.stock_type, l.quantity, now()
        from (select distinct on (product_id, warehouse_id) * from stock_snapshots
              where company_id = ${companyId} order by product_id, warehouse_id, taken_at desc) l`;
    }
    const [d] = await sql<{ last: string }[]>`
      select max(date)::text as last from daily_sales where company_id = ${companyId}`;
    if (d?.last && d.last < new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)) {
      say(`topping up: daily sales after ${d.last}`);
      await sql`insert into daily_sales (company_id, product_id, marketplace, date, units_ordered)
        select ${companyId}::uuid, p.id, 'wildberries', g::date, ((p.id * 2654435761 + (g::date - date '2000-01-01') * 40503) % 97) % 7
        from generate_series(${d.last}::date + 1, current_date - 1, interval '1 day') g
        join products p on p.company_id = ${companyId}::uuid
        on conflict do nothing`;
    }
    await sql`analyze stock_snapshots`;
  } finally {
    await sql.end();
  }
}

async function seed(url: string, skus: number, days: number, say: (s: string) => void): Promise<string> {
  const sql = postgres(url, { max: 1, onnotice: () => {}, connection: { maintenance_work_mem: '1GB' } });
  const step = async (name: string, fn: () => Promise<unknown>) => {
    const t = performance.now();
    await fn();
    say(`  ${name}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  };
  try {
    say(`seeding ${skus} SKUs × ${days} days (set-based; a few minutes, once)…`);
    const [company] = await sql<{ id: string }[]>`
      insert into companies (slug, name, timezone, locale) values ('bench-chat', 'Bench Chat', 'Europe/Moscow', 'en')
      returning id::text`;
    const companyId = company?.id ?? '';
    // Bulk load without per-row foreign-key triggers; the rows are consistent by construction.
    await sql`set session_replication_role = replica`;
    await step('suppliers, warehouses', async () => {
      await sql`insert into suppliers (company_id, name, lead_time_days, moq)
        select ${companyId}, 'Supplier ' || i, 7 + i % 21, 1 + i % 10 from generate_series(1, 20) i`;
      await sql`insert into warehouses (company_id, owner, external_id, name, type) values
        (${companyId}, 'wildberries', '507', 'Коледино', 'FBO'),
        (${companyId}, 'wildberries', '686', 'Новосибирск', 'FBO'),
        (${companyId}, 'ozon', '1020000', 'Хоругвино', 'FBO'),
        (${companyId}, 'own', 'main', 'Own warehouse', 'own')`;
    });
    await step(
      'products',
      () =>
        sql`insert into products (company_id, seller_sku, name, brand, category, barcodes, wb_nm_id, wb_chrt_id,
          ozon_product_id, ozon_offer_id, ozon_sku, supplier_id, unit_cost, abc_class)
        select ${companyId}, 'SKU-' || lpad(i::text, 6, '0'),
          (array['Mug', 'Kettle', 'Towel', 'Lamp', 'Pillow', 'Candle', 'Vase', 'Plate'])[1 + i % 8] || ' ' ||
            (array['ceramic', 'steel', 'cotton', 'linen', 'glass'])[1 + i % 5] || ' #' || i,
          'Brand ' || (i % 50), 'Home', array['46' || lpad(i::text, 11, '0')],
          10000000 + i, 50000000 + i, 300000000 + i, 'OF-' || i, 900000000 + i,
          (select id from suppliers s where s.company_id = ${companyId} order by id offset (i % 20) limit 1),
          100 + (i % 900), (array['A', 'B', 'C'])[1 + i % 3]
        from generate_series(1, ${skus}::int) i`,
    );
    // Daily sales are written a day at a time by the nightly sync, so a product's rows are spread.
    await dropping(sql, 'daily_sales', () =>
      step(
        `daily_sales (${skus * days} rows)`,
        () =>
          sql`insert into daily_sales (company_id, product_id, marketplace, date, units_ordered, units_bought_out, revenue)
          select ${companyId}, p.id, 'wildberries', current_date - d,
            u.units, (u.units * 8) / 10, u.units * (100 + p.id % 900)
          from generate_series(${days}::int, 1, -1) d
          cross join products p
          cross join lateral (select ((p.id * 2654435761 + d * 40503) % 97) % 7 as units) u
          where p.company_id = ${companyId}`,
      ),
    );
    await dropping(sql, 'stock_snapshots', () =>
      step(
        `stock_snapshots (${skus * WAREHOUSES_PER_SKU * SNAPSHOT_DAYS} rows)`,
        () =>
          sql`insert into stock_snapshots (company_id, product_id, marketplace, warehouse_id, stock_type, quantity, taken_at)
          select ${companyId}, p.id, case w.owner when 'own' then 'own' else w.owner::text end, w.id,
            case w.owner when 'own' then 'own' else 'FBO' end::stock_type,
            (p.id * 31 + d * 7 + w.id) % 400, now() - make_interval(days => d)
          from generate_series(${SNAPSHOT_DAYS - 1}::int, 0, -1) d
          cross join products p
          join warehouses w on w.company_id = p.company_id
            and (w.owner <> 'wildberries' or w.external_id = case when p.id % 2 = 0 then '507' else '686' end)
          where p.company_id = ${companyId}`,
      ),
    );
    await dropping(sql, 'recommendations', () =>
      step(
        `recommendations (${RUN_DATES} runs)`,
        () =>
          sql`insert into recommendations (company_id, product_id, run_date, supplier_id, category, reasons,
            available_stock, daily_demand, runway_days, stock_out_date, order_by_date, lead_time_days,
            service_level, safety_stock, reorder_point, recommended_qty, explanation)
          select ${companyId}, p.id, current_date - r, p.supplier_id, c.category::recommendation_category, c.reasons,
            (p.id * 31) % 400, 3.5, ((p.id * 31) % 400) / 3.5,
            current_date - r + (((p.id * 31) % 400) / 3.5)::int, current_date - r + 3, 14, 0.95, 12, 61,
            case when c.category = 'ORDER_TODAY' then 60 + p.id % 40 else 0 end,
            'Runway ' || round(((p.id * 31) % 400) / 3.5) || ' days against a 14-day lead time'
          from generate_series(${RUN_DATES - 1}::int, 0, -1) r
          cross join products p
          cross join lateral (select case p.id % 10
              when 0 then 'ORDER_TODAY' when 1 then 'ATTENTION_REQUIRED' when 2 then 'ALREADY_ORDERED'
              else 'NORMAL' end as category) k
          cross join lateral (select k.category, case k.category
              when 'ORDER_TODAY' then array['BELOW_REORDER_POINT']
              when 'ALREADY_ORDERED' then array['COVERED_BY_OPEN_PO']
              when 'ATTENTION_REQUIRED' then array['SPIKE']
              else array[]::text[] end as reasons) c
          where p.company_id = ${companyId}`,
      ),
    );
    await sql`set session_replication_role = origin`;
    await step('vacuum analyze', () => sql`vacuum analyze`);
    await sql`create table bench_chat_seed (version int not null, skus int not null, days int not null,
      company_id uuid not null, seeded_at timestamptz not null default now())`;
    await sql`insert into bench_chat_seed (version, skus, days, company_id)
      values (${SEED_VERSION}, ${skus}, ${days}, ${companyId})`;
    return companyId;
  } finally {
    await sql.end();
  }
}

/** Loads a table with its secondary indexes and constraints off, then builds them once, as they were. */
async function dropping(sql: postgres.Sql, table: string, load: () => Promise<unknown>): Promise<void> {
  const constraints = await sql<{ name: string; def: string }[]>`
    select conname as name, pg_get_constraintdef(oid) as def from pg_constraint
    where conrelid = ${table}::regclass and contype in ('p', 'u')
      and not exists (select 1 from pg_constraint f where f.contype = 'f' and f.conindid = pg_constraint.conindid)`;
  const indexes = await sql<{ name: string; def: string }[]>`
    select i.relname as name, pg_get_indexdef(i.oid) as def from pg_index x
    join pg_class i on i.oid = x.indexrelid
    where x.indrelid = ${table}::regclass
      and not exists (select 1 from pg_constraint c where c.conindid = i.oid)`;
  for (const c of constraints) await sql.unsafe(`alter table ${table} drop constraint "${c.name}"`);
  for (const i of indexes) await sql.unsafe(`drop index "${i.name}"`);
  await load();
  for (const c of constraints) await sql.unsafe(`alter table ${table} add constraint "${c.name}" ${c.def}`);
  for (const i of indexes) await sql.unsafe(i.def);
}
