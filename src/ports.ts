import type { AccountObservation, AlertState, Silence, SkuObservation } from './core/alerts/index.js';

// The interfaces services need; adapters implement them and main.ts wires them (STYLE.md layout).

export type Locale = 'ru' | 'en';

export type CompanyRecord = {
  id: string;
  slug: string;
  name: string;
  timezone: string;
  locale: Locale;
  isDemo: boolean;
};

export type NewCompanyRecord = Pick<CompanyRecord, 'slug' | 'name' | 'timezone' | 'locale'> &
  Partial<Pick<CompanyRecord, 'isDemo'>> &
  Partial<{ leadTimeDays: number; reviewPeriodDays: number; coverageDays: number; serviceLevel: number }>;

export type CompanyStore = {
  insert(company: NewCompanyRecord): Promise<CompanyRecord>;
  find(id: string): Promise<CompanyRecord | undefined>;
  findBySlug(slug: string): Promise<CompanyRecord | undefined>;
  list(): Promise<CompanyRecord[]>;
};

/** Time is passed in, never read deep inside (DESIGN.md). */
export type Clock = { now(): Date };

export type Marketplace = 'wildberries' | 'ozon';

/** What a marketplace needs to let us in: WB a token; Ozon a Client-Id and an Api-Key. */
export type MarketplaceCredentials =
  | { marketplace: 'wildberries'; token: string; baseUrls?: Record<string, string> }
  | { marketplace: 'ozon'; clientId: string; apiKey: string; baseUrl?: string };

export type AccountRecord = {
  id: number;
  companyId: string;
  marketplace: Marketplace;
  name: string;
  credentialsSealed: string;
  credentialsKeyId: string;
  status: 'active' | 'disabled' | 'auth_failed';
};

export type AccountStore = {
  insert(account: Omit<AccountRecord, 'id' | 'status'>): Promise<AccountRecord>;
  list(companyId: string): Promise<AccountRecord[]>;
  find(companyId: string, id: number): Promise<AccountRecord | undefined>;
  updateCredentials(
    companyId: string,
    id: number,
    sealed: Pick<AccountRecord, 'credentialsSealed' | 'credentialsKeyId'>,
  ): Promise<void>;
};

/** Seals and opens secrets at rest (AES-256-GCM in lib/secret-box). */
export type Sealer = {
  seal(plaintext: string): { sealed: string; keyId: string };
  open(sealed: string): string;
  needsRotation(sealed: string): boolean;
};

/** One SKU's daily demand history for the forecaster, oldest first, one entry per calendar day. */
export type SalesHistory = {
  productId: number;
  firstDate: string;
  units: number[];
  /** 1 = in stock or unknown, 0 = no stock all day (censored demand). */
  inStock: number[];
};

export type ForecastRecord = {
  productId: number;
  runDate: string;
  startDate: string;
  model: string;
  modelVersion: string;
  demandClass: string | null;
  horizonDays: number;
  mean: number[];
  quantiles: Record<string, number[]>;
  metrics: Record<string, number | null>;
};

export type ForecastStore = {
  /** Active products in batches of `batchSize`, with demand and stock-out days from `from` to `to`. */
  histories(
    companyId: string,
    window: { from: string; to: string; timezone: string; batchSize: number },
  ): AsyncIterable<SalesHistory[]>;
  /** Upsert by (company, product, run date): a re-run of the day replaces its forecasts. */
  save(companyId: string, rows: readonly ForecastRecord[]): Promise<void>;
};

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

export type RecommendationStore = {
  list(
    companyId: string,
    runDate: string,
    filter?: { categories?: readonly Category[]; productIds?: readonly number[] },
  ): Promise<RecommendationView[]>;
  /** The latest run date with recommendations, if any. */
  latestRunDate(companyId: string): Promise<string | undefined>;
};

export type ApiScope = 'read' | 'write' | 'approve' | 'admin';

export type ApiTokenRecord = {
  id: number;
  companyId: string | null;
  name: string;
  prefix: string;
  scopes: ApiScope[];
  expiresAt: Date | null;
  revokedAt: Date | null;
};

export type ApiTokenStore = {
  insert(
    token: Omit<ApiTokenRecord, 'id' | 'revokedAt'> & { tokenHash: string; createdBy: string },
  ): Promise<ApiTokenRecord>;
  /** Finds a live token by hash and stamps its last use. */
  use(tokenHash: string, at: Date): Promise<ApiTokenRecord | undefined>;
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

/** A product as the sync matches marketplace records to it. */
export type ProductIdentity = {
  id: number;
  sellerSku: string;
  barcodes: string[];
  wbNmId: number | null;
  wbChrtId: number | null;
  ozonSku: number | null;
  ozonOfferId: string | null;
};

export type CatalogueRow = {
  sellerSku: string;
  name: string;
  brand: string | null;
  barcodes: string[];
  active: boolean;
  wbNmId?: number | null;
  wbChrtId?: number | null;
  ozonProductId?: number | null;
  ozonOfferId?: string | null;
  ozonSku?: number | null;
};

export type OrderRow = {
  externalId: string;
  kind: 'order' | 'sale' | 'return';
  orderId: string | null;
  productId: number;
  warehouseName: string | null;
  quantity: number;
  price: number | null;
  status: 'ordered' | 'cancelled' | 'bought_out' | 'returned';
  orderedAt: Date;
  orderDate: string;
  lastChangeAt: Date;
};

export type StockRow = {
  productId: number;
  warehouse: { externalId: string; name: string; type: 'FBO' | 'FBS' };
  stockType: 'FBO' | 'FBS' | 'realFBS';
  quantity: number;
  reserved: number;
  inTransitToCustomers: number;
  inTransitFromCustomers: number;
};

export type SupplyRow = {
  externalId: string;
  productId: number;
  warehouse: { externalId: string; name: string } | null;
  status: string;
  quantity: number;
  acceptedQuantity: number;
  expectedAt: Date | null;
};

export type SyncRunResult = {
  status: 'success' | 'partial' | 'failed';
  recordsProcessed: number;
  recordsUpdated: number;
  recordsSkipped: number;
  errorMessage: string | null;
  details: Record<string, unknown>;
  durationMs: number;
};

export type SyncStore = {
  cursors(companyId: string, accountId: number): Promise<Record<string, unknown>>;
  setCursor(companyId: string, accountId: number, key: string, value: unknown): Promise<void>;
  identities(companyId: string): Promise<ProductIdentity[]>;
  /** Upserts by seller SKU, merging marketplace identifiers and barcodes; returns the products. */
  saveCatalogue(companyId: string, rows: readonly CatalogueRow[]): Promise<ProductIdentity[]>;
  /** Order lines, the daily sales of the days they touch, and the cursor: one transaction. */
  saveOrders(
    companyId: string,
    accountId: number,
    marketplace: Marketplace,
    rows: readonly OrderRow[],
    cursor: { key: string; value: unknown },
  ): Promise<number>;
  saveStock(
    companyId: string,
    marketplace: Marketplace,
    rows: readonly StockRow[],
    takenAt: Date,
    runId: number,
  ): Promise<number>;
  /** After a complete stock fetch: what was in stock before and is absent now is recorded as zero. */
  closeStock(companyId: string, marketplace: Marketplace, takenAt: Date, runId: number): Promise<number>;
  saveSupplies(
    companyId: string,
    accountId: number,
    marketplace: Marketplace,
    rows: readonly SupplyRow[],
    cursor: { key: string; value: unknown },
  ): Promise<number>;
  startRun(companyId: string, accountId: number, syncType: 'full' | 'incremental', at: Date): Promise<number>;
  finishRun(companyId: string, runId: number, result: SyncRunResult, at: Date): Promise<void>;
  recentRuns(
    companyId: string,
    limit: number,
  ): Promise<{ accountId: number; startedAt: Date; status: string; details: Record<string, unknown> }[]>;
};

export type ProductStockView = {
  id: number;
  sellerSku: string;
  name: string;
  barcodes: string[];
  wbNmId: number | null;
  ozonSku: number | null;
  ozonOfferId: string | null;
  active: boolean;
  stock: number;
  stockTakenAt: Date | null;
  unitsLast30Days: number;
};

export type CatalogueReader = {
  list(
    companyId: string,
    page: { limit: number; offset: number },
  ): Promise<{ total: number; items: ProductStockView[] }>;
};

export type Channel = 'slack' | 'telegram' | 'console';

/** A message as the outbox keeps it; `payload` is what the channel sends (already rendered). */
export type OutboxMessage = {
  id: number;
  companyId: string;
  channel: Channel;
  target: string;
  kind: string;
  payload: Record<string, unknown>;
  dedupKey: string;
  replacesId: number | null;
  attempts: number;
  /** True when an earlier attempt was claimed and never recorded (a crash): it may have been sent. */
  uncertain: boolean;
};

export type NewOutboxMessage = Pick<
  OutboxMessage,
  'companyId' | 'channel' | 'target' | 'kind' | 'payload' | 'dedupKey'
> & {
  replacesId?: number | null;
};

export type OutboxStore = {
  /** Idempotent by (company, channel, target, dedup key): a second enqueue is a no-op. */
  enqueue(messages: readonly NewOutboxMessage[]): Promise<number>;
  /**
   * Claims due messages, at most the oldest unsent one per target so each target's order holds,
   * leasing them to this instance until `leaseUntil`.
   */
  claim(now: Date, instance: string, leaseUntil: Date, limit: number): Promise<OutboxMessage[]>;
  sent(id: number, externalId: string, at: Date): Promise<void>;
  retry(id: number, error: string, nextAttemptAt: Date, countAttempt: boolean): Promise<void>;
  dead(id: number, error: string): Promise<void>;
  /** The platform's id of the message a later one edits in place. */
  externalIdOf(id: number): Promise<string | null>;
};

/** Sends one rendered message; throws DeliveryError saying whether and when to retry. */
export type ChannelSender = {
  send(message: OutboxMessage, replacesExternalId: string | null): Promise<{ externalId: string }>;
  /** After a crash between sending and recording: the id of the message if it did go out. */
  findSent?(message: OutboxMessage): Promise<string | null>;
};

export type AlertObservations = {
  skus: SkuObservation[];
  accounts: AccountObservation[];
};

export type AlertStore = {
  observations(companyId: string, runDate: string, now: Date): Promise<AlertObservations>;
  states(companyId: string): Promise<AlertState[]>;
  silences(companyId: string, now: Date): Promise<Silence[]>;
  /** The new alert states and the messages they cause, in one transaction (DESIGN.md: outbox). */
  commit(
    companyId: string,
    states: readonly AlertState[],
    messages: readonly NewOutboxMessage[],
  ): Promise<void>;
};
