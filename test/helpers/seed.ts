import type { Db } from '../../src/adapters/db/client.js';
import { insertCompany } from '../../src/adapters/db/queries/companies.js';
import { upsertProducts } from '../../src/adapters/db/queries/products.js';
import { warehouses } from '../../src/adapters/db/schema/index.js';

let seq = 0;

/** A company with a few products and one warehouse: the smallest tenant worth testing with. */
export async function seedCompany(db: Db, name = `Company ${++seq}`) {
  const company = await insertCompany(db, {
    name,
    slug: `${name.toLowerCase().replace(/\W+/g, '-')}-${++seq}`,
  });
  const products = await upsertProducts(db, [
    { companyId: company.id, sellerSku: 'MUG-01', name: 'Mug', barcodes: ['4600000000011'], wbNmId: 1001 },
    { companyId: company.id, sellerSku: 'TEA-02', name: 'Tea', barcodes: ['4600000000028'], ozonSku: 2002 },
  ]);
  const [warehouse] = await db
    .insert(warehouses)
    .values({ companyId: company.id, owner: 'wildberries', externalId: '507', name: 'Коледино', type: 'FBO' })
    .returning();
  if (!warehouse) throw new Error('no warehouse');
  return { company, products, warehouse };
}
