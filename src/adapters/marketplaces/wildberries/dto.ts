import { z } from 'zod';
import { parseMoscowTime } from '../../../core/marketplace/moscow-time.js';

// Only the fields the sync uses are validated; unknown fields are ignored (WB adds fields often).

const moscowTime = z.string().refine((v) => parseMoscowTime(v) !== null, 'not a Moscow date-time');
const offsetTime = z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'not a date-time');

export const wbOrderRow = z.object({
  date: moscowTime,
  lastChangeDate: moscowTime,
  warehouseName: z.string(),
  warehouseType: z.string(),
  supplierArticle: z.string(),
  nmId: z.number().int(),
  barcode: z.string(),
  techSize: z.string().optional(),
  finishedPrice: z.number(),
  isCancel: z.boolean(),
  cancelDate: z.string().optional(),
  srid: z.string().min(1),
});
export type WbOrderRow = z.infer<typeof wbOrderRow>;

export const wbSaleRow = wbOrderRow.omit({ isCancel: true, cancelDate: true }).extend({
  saleID: z.string().min(1),
  forPay: z.number().optional(),
});
export type WbSaleRow = z.infer<typeof wbSaleRow>;

export const wbStatisticsPage = z.array(z.unknown());

export const wbCard = z.object({
  nmID: z.number().int(),
  vendorCode: z.string(),
  brand: z.string().optional(),
  title: z.string().optional(),
  subjectName: z.string().optional(),
  sizes: z
    .array(z.object({ chrtID: z.number().int(), techSize: z.string().optional(), skus: z.array(z.string()) }))
    .min(1),
  updatedAt: offsetTime,
});
export type WbCard = z.infer<typeof wbCard>;

export const wbCardsPage = z.object({
  cards: z.array(z.unknown()),
  cursor: z.object({
    updatedAt: z.string().optional(),
    nmID: z.number().int().optional(),
    total: z.number().int(),
  }),
});

const count = z.number().int().nonnegative();

export const wbWarehouseStock = z.object({
  nmId: z.number().int(),
  chrtId: z.number().int(),
  warehouseId: z.number().int(),
  warehouseName: z.string(),
  quantity: count,
  inWayToClient: count,
  inWayFromClient: count,
});
export type WbWarehouseStock = z.infer<typeof wbWarehouseStock>;

export const wbWarehouseStockPage = z.object({ data: z.object({ items: z.array(z.unknown()) }) });

export const wbSellerWarehouse = z.object({
  id: z.number().int(),
  name: z.string(),
  isDeleting: z.boolean().optional(),
});
export type WbSellerWarehouse = z.infer<typeof wbSellerWarehouse>;

export const wbSellerStock = z.object({ chrtId: z.number().int(), amount: count });
export const wbSellerStocksPage = z.object({ stocks: z.array(z.unknown()) });

export const wbSupply = z.object({
  supplyID: z.number().int().nullable(),
  preorderID: z.number().int(),
  createDate: z.string().nullable().optional(),
  supplyDate: z.string().nullable().optional(),
  updatedDate: z.string().nullable().optional(),
  statusID: z.number().int(),
});
export type WbSupply = z.infer<typeof wbSupply>;

export const wbSupplyDetails = z.object({
  warehouseID: z.number().int().nullable().optional(),
  warehouseName: z.string().nullable().optional(),
  actualWarehouseID: z.number().int().nullable().optional(),
  actualWarehouseName: z.string().nullable().optional(),
});
export type WbSupplyDetails = z.infer<typeof wbSupplyDetails>;

export const wbSupplyGood = z.object({
  barcode: z.string(),
  vendorCode: z.string(),
  nmID: z.number().int(),
  quantity: count,
  acceptedQuantity: count.nullable().optional(),
});
export type WbSupplyGood = z.infer<typeof wbSupplyGood>;
