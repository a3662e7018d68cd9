import { z } from 'zod';

// int64 ids: numbers in responses, sometimes strings (supply-order ids) — accept both, keep strings.
const id = z.union([z.number().int(), z.string().regex(/^-?\d+$/)]).transform(String);
const isoTime = z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'not a date-time');
const count = z.number().int().nonnegative();

export const ozonProductListPage = z.object({
  result: z.object({ items: z.array(z.unknown()), last_id: z.string() }),
});
export const ozonProductListItem = z.object({
  product_id: id,
  offer_id: z.string(),
  sku: id.optional(),
  archived: z.boolean().optional(),
});

export const ozonProductInfoPage = z.object({ items: z.array(z.unknown()) });
export const ozonProductInfo = z.object({
  id,
  offer_id: z.string(),
  sku: id,
  name: z.string(),
  barcodes: z.array(z.string()),
  is_archived: z.boolean().optional(),
  is_autoarchived: z.boolean().optional(),
  updated_at: isoTime.optional(),
});
export type OzonProductInfo = z.infer<typeof ozonProductInfo>;

export const ozonPostingsPage = z.object({
  cursor: z.string(),
  has_next: z.boolean(),
  postings: z.array(z.unknown()),
});
export const ozonPosting = z.object({
  posting_number: z.string().min(1),
  status: z.string(),
  created_at: isoTime.optional(),
  in_process_at: isoTime.nullable().optional(),
  analytics_data: z
    .object({
      warehouse_id: id.nullable().optional(),
      warehouse_name: z.string().nullable().optional(),
      warehouse: z.string().nullable().optional(),
    })
    .nullable()
    .optional(),
  delivery_method: z
    .object({ warehouse_id: id.optional(), warehouse: z.string().optional() })
    .nullable()
    .optional(),
  products: z
    .array(
      z.object({
        sku: id,
        offer_id: z.string(),
        quantity: z.number().int().positive(),
        price: z.object({ amount: z.string(), currency: z.string() }),
      }),
    )
    .min(1),
});
export type OzonPosting = z.infer<typeof ozonPosting>;

export const ozonWarehouseStocksPage = z.object({
  cursor: z.string(),
  has_next: z.boolean(),
  products: z.array(z.unknown()),
});
export const ozonFboStock = z.object({
  warehouse_id: id,
  sku: id,
  product_id: id,
  offer_id: z.string(),
  present: count,
  reserved: count,
});
export type OzonFboStock = z.infer<typeof ozonFboStock>;
export const ozonFbsStock = ozonFboStock.extend({ warehouse_name: z.string(), free_stock: z.number().int() });
export type OzonFbsStock = z.infer<typeof ozonFbsStock>;

export const ozonFboWarehouses = z.object({
  warehouses: z.array(z.object({ warehouse_id: id, name: z.string() }).loose()),
});

export const ozonSupplyOrderListPage = z.object({
  order_ids: z.array(id),
  last_id: z.string().nullable().optional(),
});
export const ozonSupplyOrdersPage = z.object({ orders: z.array(z.unknown()) });
export const ozonSupplyOrder = z.object({
  order_id: id,
  order_number: z.string().optional(),
  state: z.string(),
  created_date: isoTime.nullable().optional(),
  state_updated_date: isoTime.nullable().optional(),
  timeslot: z
    .object({ timeslot: z.object({ from: z.string(), to: z.string() }).nullable().optional() })
    .nullable()
    .optional(),
  supplies: z.array(
    z.object({
      supply_id: id,
      bundle_id: z.string(),
      state: z.string().optional(),
      storage_warehouse: z.object({ warehouse_id: id, name: z.string() }).nullable().optional(),
    }),
  ),
});
export type OzonSupplyOrder = z.infer<typeof ozonSupplyOrder>;

export const ozonBundlePage = z.object({
  items: z.array(z.unknown()),
  has_next: z.boolean(),
  last_id: z.string().nullable().optional(),
});
export const ozonBundleItem = z.object({
  sku: id,
  offer_id: z.string(),
  product_id: id.optional(),
  barcode: z.string().optional(),
  quantity: count,
});
export type OzonBundleItem = z.infer<typeof ozonBundleItem>;
