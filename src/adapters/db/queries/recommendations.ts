import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Category, RecommendationView } from '../../../ports.js';
import type { Db } from '../client.js';
import { products, recommendations, suppliers } from '../schema/index.js';

export async function listRecommendations(
  db: Db,
  companyId: string,
  runDate: string,
  filter: { categories?: readonly Category[]; productIds?: readonly number[]; ids?: readonly number[] } = {},
): Promise<RecommendationView[]> {
  const conditions = [eq(recommendations.companyId, companyId), eq(recommendations.runDate, runDate)];
  if (filter.categories?.length) conditions.push(inArray(recommendations.category, [...filter.categories]));
  if (filter.productIds?.length) conditions.push(inArray(recommendations.productId, [...filter.productIds]));
  if (filter.ids?.length) conditions.push(inArray(recommendations.id, [...filter.ids]));
  const rows = await db
    .select({
      r: recommendations,
      sellerSku: products.sellerSku,
      name: products.name,
      unitCost: products.unitCost,
      supplierName: suppliers.name,
    })
    .from(recommendations)
    .innerJoin(products, eq(products.id, recommendations.productId))
    .leftJoin(suppliers, eq(suppliers.id, recommendations.supplierId))
    .where(and(...conditions))
    .orderBy(asc(recommendations.runwayDays), asc(products.sellerSku));
  return rows.map(({ r, sellerSku, name, unitCost, supplierName }) => ({
    id: r.id,
    productId: r.productId,
    sellerSku,
    name,
    supplierId: r.supplierId,
    supplierName,
    unitCost,
    runDate: r.runDate,
    category: r.category,
    reasons: r.reasons,
    availableStock: r.availableStock,
    inTransit: r.inTransit,
    onOrder: r.onOrder,
    dailyDemand: r.dailyDemand,
    runwayDays: r.runwayDays,
    stockOutDate: r.stockOutDate,
    orderByDate: r.orderByDate,
    leadTimeDays: r.leadTimeDays,
    safetyStock: r.safetyStock,
    reorderPoint: r.reorderPoint,
    recommendedQty: r.recommendedQty,
    explanation: r.explanation,
  }));
}

export async function latestRecommendationDate(db: Db, companyId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ runDate: recommendations.runDate })
    .from(recommendations)
    .where(eq(recommendations.companyId, companyId))
    .orderBy(desc(recommendations.runDate))
    .limit(1);
  return row?.runDate;
}
