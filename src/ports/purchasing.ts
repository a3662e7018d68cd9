import type { ProductStockView } from './sync.js';

export type Role = 'viewer' | 'buyer' | 'admin';

/** Who acts: a chat user, an API token or the CLI, with what they may do. */
export type Actor = {
  /** Stable id for the audit log: 'slack:T1:U1', 'telegram:42', 'api:token:3', 'cli'. */
  id: string;
  role: Role;
  /** Largest purchase order value the actor may approve; null = no limit. */
  approvalLimit: number | null;
  /** How people see them in messages ("@anna"). */
  display?: string;
};

export type AuditEntry = {
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

export type PoStatus = 'draft' | 'approved' | 'sent' | 'partially_received' | 'received' | 'cancelled';

export const OPEN_PO_STATUSES: readonly PoStatus[] = ['draft', 'approved', 'sent', 'partially_received'];

export type PurchaseOrderLine = {
  productId: number;
  sellerSku: string;
  name: string;
  quantity: number;
  receivedQuantity: number;
  unitCost: number | null;
};

export type PurchaseOrder = {
  id: number;
  companyId: string;
  number: number;
  supplierId: number | null;
  supplierName: string | null;
  status: PoStatus;
  source: string;
  runDate: string | null;
  expectedAt: string | null;
  createdBy: string;
  approvedBy: string | null;
  approvedAt: Date | null;
  sentAt: Date | null;
  receivedAt: Date | null;
  cancelledAt: Date | null;
  externalRef: string | null;
  version: number;
  lines: PurchaseOrderLine[];
};

export type NewPurchaseOrder = {
  supplierId: number | null;
  source: 'recommendation' | 'manual' | 'chat' | 'external';
  runDate: string | null;
  createdBy: string;
  status?: 'draft' | 'sent';
  expectedAt?: string | null;
  externalRef?: string | null;
  lines: { productId: number; quantity: number; unitCost: number | null; recommendationId?: number | null }[];
  /**
   * Refused (ConflictError) when any of its products is already on an order in one of these
   * statuses: checked under the company's PO-number lock, so racing creators on any instance see
   * each other's orders.
   */
  refuseIfOpenIn?: readonly PoStatus[];
};

export type PoChange = Partial<
  Pick<
    PurchaseOrder,
    'status' | 'approvedBy' | 'approvedAt' | 'sentAt' | 'receivedAt' | 'cancelledAt' | 'expectedAt'
  >
>;

export type PurchaseOrderStore = {
  /** Allocates the company's next PO number in the same transaction. */
  create(companyId: string, po: NewPurchaseOrder, audit: AuditEntry): Promise<PurchaseOrder>;
  get(companyId: string, id: number): Promise<PurchaseOrder | undefined>;
  getByNumber(companyId: string, number: number): Promise<PurchaseOrder | undefined>;
  list(companyId: string, statuses?: readonly PoStatus[]): Promise<PurchaseOrder[]>;
  /**
   * Applies `set` only when the order is in one of `from` (and at `version`, when given), with the
   * audit row, in one transaction. Undefined when another change got there first.
   */
  transition(
    companyId: string,
    id: number,
    change: { from: readonly PoStatus[]; version?: number; set: PoChange },
    audit: AuditEntry,
  ): Promise<PurchaseOrder | undefined>;
  setLineQuantity(
    companyId: string,
    id: number,
    line: { productId: number; quantity: number; version?: number },
    audit: AuditEntry,
  ): Promise<PurchaseOrder | undefined>;
  /** Adds received units to lines and sets the status that follows from them. */
  receive(
    companyId: string,
    id: number,
    lines: readonly { productId: number; quantity: number }[],
    at: Date,
    audit: AuditEntry,
  ): Promise<PurchaseOrder | undefined>;
  /** Products already on an open order, so a new draft does not order them twice. */
  openProductIds(companyId: string): Promise<Set<number>>;
  leadTimeDays(companyId: string, supplierId: number | null): Promise<number>;
};

export type Category = 'ORDER_TODAY' | 'ALREADY_ORDERED' | 'ATTENTION_REQUIRED' | 'NORMAL';

/** A stored recommendation as people and purchase orders read it. */
export type RecommendationView = {
  id: number;
  productId: number;
  sellerSku: string;
  name: string;
  supplierId: number | null;
  supplierName: string | null;
  unitCost: number | null;
  runDate: string;
  category: Category;
  reasons: string[];
  availableStock: number;
  inTransit: number;
  onOrder: number;
  dailyDemand: number;
  runwayDays: number | null;
  stockOutDate: string | null;
  orderByDate: string | null;
  leadTimeDays: number;
  safetyStock: number;
  reorderPoint: number;
  recommendedQty: number;
  explanation: string;
};

/**
 * A product a /stock query may mean, with its stock; `recommendation` is there when it was read
 * along (one round trip per /stock, issue #7; null when the latest run has none).
 */
export type StockCandidate = ProductStockView & { recommendation?: RecommendationView | null };

export type RecommendationStore = {
  list(
    companyId: string,
    runDate: string,
    filter?: { categories?: readonly Category[]; productIds?: readonly number[]; ids?: readonly number[] },
  ): Promise<RecommendationView[]>;
  /** The latest run date with recommendations, if any. */
  latestRunDate(companyId: string): Promise<string | undefined>;
};

/** Everything the procurement engine needs for one company on one morning, read in bulk. */
export type ProcurementSnapshot = {
  company: {
    id: string;
    leadTimeDays: number;
    reviewPeriodDays: number;
    coverageDays: number;
    serviceLevel: number;
    serviceLevelByClass: Partial<Record<'A' | 'B' | 'C', number>>;
    overstockDays: number;
    staleSalesHours: number;
    staleStockHours: number;
  };
  products: {
    id: number;
    sellerSku: string;
    supplierId: number | null;
    supplierLeadTimeDays: number | null;
    supplierMoq: number | null;
    leadTimeDays: number | null;
    moq: number;
    packSize: number;
    abcClass: 'A' | 'B' | 'C' | null;
    /** First day with sales or stock data. */
    firstSeen: string | null;
  }[];
  stock: Map<
    number,
    {
      warehouse: string;
      kind: 'marketplace' | 'own';
      present: number;
      reserved: number;
      inTransit: number;
      takenAt: Date;
    }[]
  >;
  supplies: Map<number, { id: string; quantity: number; expectedDate?: string }[]>;
  openOrders: Map<number, { id: string; quantity: number; expectedDate: string }[]>;
  forecasts: Map<
    number,
    {
      id: number;
      startDate: string;
      mean: number[];
      quantiles: Record<string, number[]>;
      mase: number | null;
      origins: number;
    }
  >;
  /** The forecast made `outlierDays` ago, to compare the days since with what it expected. */
  earlierForecasts: Map<number, { startDate: string; quantiles: Record<string, number[]> }>;
  /** Units ordered per product and day over the last days before the run date. */
  recentSales: Map<number, Map<string, number>>;
  lastSalesDataAt: Date | null;
};

export type RecommendationRecord = {
  productId: number;
  supplierId: number | null;
  forecastId: number | null;
  category: Category;
  reasons: string[];
  availableStock: number;
  inTransit: number;
  onOrder: number;
  dailyDemand: number;
  runwayDays: number | null;
  stockOutDate: string | null;
  orderByDate: string | null;
  leadTimeDays: number;
  serviceLevel: number;
  safetyStock: number;
  reorderPoint: number;
  recommendedQty: number;
  explanation: string;
  details: Record<string, unknown>;
};

export type ProcurementStore = {
  snapshot(companyId: string, runDate: string, opts: { recentDays: number }): Promise<ProcurementSnapshot>;
  /** Replaces the day's recommendations in one transaction: a re-run never duplicates. */
  replace(companyId: string, runDate: string, rows: readonly RecommendationRecord[]): Promise<void>;
};
