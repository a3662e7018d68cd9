import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { products, recommendations } from '../../src/adapters/db/schema/index.js';
import { startTestRuntime } from '../helpers/runtime.js';
import { seedCompany } from '../helpers/seed.js';

const { runtime } = await startTestRuntime();
const { app } = runtime;
const { db } = runtime.database;
afterAll(() => runtime.close());

const a = await seedCompany(db, 'Alpha');
const b = await seedCompany(db, 'Beta');
const [mug] = a.products;
if (!mug) throw new Error('seed failed');
await db.update(products).set({ unitCost: 2.5 }).where(eq(products.companyId, a.company.id));
await db.insert(recommendations).values([
  {
    companyId: a.company.id,
    productId: mug.id,
    runDate: '2026-11-20',
    category: 'ORDER_TODAY',
    reasons: ['BELOW_REORDER_POINT'],
    availableStock: 80,
    dailyDemand: 4.1,
    runwayDays: 19.5,
    leadTimeDays: 21,
    serviceLevel: 0.95,
    safetyStock: 35,
    reorderPoint: 121,
    recommendedQty: 156,
    explanation: '=4.1/day × (21 lead + 7 review + 30 cover) = 238, "quoted"',
  },
]);

const token = async (companyId: string | null, scopes: string[]) =>
  (await runtime.apiTokens.create({ companyId, name: scopes.join('+'), scopes, createdBy: 'test' })).token;
const reader = await token(a.company.id, ['read']);
const writer = await token(a.company.id, ['read', 'write', 'approve']);
const operator = await token(null, ['admin']);
const call = (method: 'GET' | 'POST', url: string, bearer?: string, payload?: object) =>
  app.inject({ method, url, payload, headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });

describe('REST API', () => {
  it('refuses calls without a valid token and tells how to get one', async () => {
    const none = await call('GET', `/api/v1/companies/${a.company.id}/recommendations`);
    expect(none.statusCode).toBe(401);
    expect(none.json().message).toContain('stockpilot token create');
    expect(
      (await call('GET', `/api/v1/companies/${a.company.id}/recommendations`, 'sp_forged')).statusCode,
    ).toBe(401);
  });

  it('lists recommendations by category, latest day by default, and never another tenant’s', async () => {
    const res = await call(
      'GET',
      `/api/v1/companies/${a.company.id}/recommendations?category=order_today`,
      reader,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ date: '2026-11-20', count: 1 });
    expect(res.json().recommendations[0]).toMatchObject({ sellerSku: 'MUG-01', recommendedQty: 156 });
    const other = await call('GET', `/api/v1/companies/${b.company.id}/recommendations`, reader);
    expect(other.statusCode).toBe(404);
    const bad = await call(
      'GET',
      `/api/v1/companies/${a.company.id}/recommendations?category=URGENT`,
      reader,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('unknown URGENT');
  });

  it('exports CSV that a spreadsheet opens safely', async () => {
    const res = await call('GET', `/api/v1/companies/${a.company.id}/recommendations?format=csv`, reader);
    expect(res.headers['content-type']).toContain('text/csv');
    const [header, row] = res.body.trim().split('\n');
    expect(header).toBe(
      'seller_sku,name,category,reasons,available_stock,in_transit,on_order,daily_demand,runway_days,stock_out_date,order_by_date,lead_time_days,safety_stock,reorder_point,recommended_qty,supplier_name,explanation',
    );
    expect(row).toContain('MUG-01,Mug,ORDER_TODAY,BELOW_REORDER_POINT,80,0,0,4.1');
    expect(row).toContain(`"'=4.1/day × (21 lead + 7 review + 30 cover) = 238, ""quoted"""`);
  });

  it('drafts, approves once and receives a purchase order, each within the token’s scopes', async () => {
    const forbidden = await call('POST', `/api/v1/companies/${a.company.id}/purchase-orders`, reader, {
      date: '2026-11-20',
    });
    expect(forbidden.statusCode).toBe(403);
    const created = await call('POST', `/api/v1/companies/${a.company.id}/purchase-orders`, writer, {
      date: '2026-11-20',
    });
    expect(created.statusCode).toBe(201);
    const po = created.json().purchaseOrders[0];
    expect(po).toMatchObject({ status: 'draft', lines: [{ sellerSku: 'MUG-01', quantity: 156 }] });
    const approve = () =>
      call('POST', `/api/v1/companies/${a.company.id}/purchase-orders/${po.id}/approve`, writer);
    expect((await approve()).json()).toMatchObject({
      status: 'approved',
      approvedBy: 'token read+write+approve',
    });
    const again = await approve();
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toMatch(/^PO-1001 was already approved by token read\+write\+approve at /);
    const received = await call(
      'POST',
      `/api/v1/companies/${a.company.id}/purchase-orders/${po.id}/receive`,
      writer,
      {
        lines: [{ productId: mug.id, quantity: 100 }],
      },
    );
    expect(received.json()).toMatchObject({ status: 'partially_received' });
    const listed = await call(
      'GET',
      `/api/v1/companies/${a.company.id}/purchase-orders?status=partially_received`,
      operator,
    );
    expect(listed.json().purchaseOrders).toHaveLength(1);
  });

  it('issues one-time link codes to admins only', async () => {
    const admin = await token(a.company.id, ['admin']);
    const issued = await call('POST', `/api/v1/companies/${a.company.id}/link-codes`, admin, {
      role: 'buyer',
      approvalLimit: 500,
    });
    expect(issued.statusCode).toBe(201);
    expect(issued.json().code).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    expect(
      (await call('POST', `/api/v1/companies/${a.company.id}/link-codes`, writer, { role: 'admin' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await call('POST', `/api/v1/companies/${a.company.id}/link-codes`, admin, { role: 'owner' }))
        .statusCode,
    ).toBe(400);
  });

  it('validates bodies and ids', async () => {
    const bad = await call('POST', `/api/v1/companies/${a.company.id}/purchase-orders`, writer, {
      date: 'tomorrow',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toBe('VALIDATION_FAILED');
    const missing = await call('GET', `/api/v1/companies/${a.company.id}/purchase-orders/999999`, writer);
    expect(missing.statusCode).toBe(404);
    expect((await call('GET', '/api/v1/companies/nope/purchase-orders', operator)).statusCode).toBe(404);
  });
});
