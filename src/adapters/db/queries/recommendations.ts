import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Category, RecommendationView } from '../../../ports.js';
import type { Db } from '../client.js';
import { products, recommendations, suppliers } from '../schema/index.js';

/** A RecommendationView's columns, for a select from recommendations joined to products and suppliers. */
export const recommendationViewColumns = {
  id: recommendations.id,
  productId: recommendations.productId,
  sellerSku: products.sellerSku,
  name: products.name,
  supplierId: recommendations.supplierId,
  supplierName: suppliers.name,
  unitCost: products.unitCost,
  runDate: recommendations.runDate,
  category: recommendations.category,
  reasons: recommendations.reasons,
  availableStock: recommendations.availableStock,
  inTransit: recommendations.inTransit,
  onOrder: recommendations.onOrder,
  dailyDemand: recommendations.dailyDemand,
  runwayDays: recommendations.runwayDays,
  stockOutDate: recommendations.stockOutDate,
  orderByDate: recommendations.orderByDate,
  leadTimeDays: recommendations.leadTimeDays,
  safetyStock: recommendations.safetyStock,
  reorderPoint: recommendations.reorderPoint,
  recommendedQty: recommendations.recommendedQty,
  explanation: recommendations.explanation,
};

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
  return db
    .select(recommendationViewColumns)
    .from(recommendations)
    .innerJoin(products, eq(products.id, recommendations.productId))
    .leftJoin(suppliers, eq(suppliers.id, recommendations.supplierId))
    .where(and(...conditions))
    .orderBy(asc(recommendations.runwayDays), asc(products.sellerSku));
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
