import type {
  CatalogueItem,
  JsonValue,
  Marketplace,
  OrderLine,
  Page,
  StockLevel,
  SupplyLine,
} from '../core/marketplace/records.js';

export interface FetchOptions {
  /** The cursor saved with the last page of the previous run; null/undefined = full fetch. */
  cursor?: JsonValue | null;
  /** Stop after this many pages (the last page then has `hasMore: true`). */
  maxPages?: number;
  signal?: AbortSignal;
}

export interface OrderFetchOptions extends FetchOptions {
  /** For a full fetch (no cursor): the earliest change time to ask for (ISO). Defaults per client. */
  since?: string;
}

export interface StockFetchOptions {
  /** Marketplace skus (WB chrtID, Ozon sku) to ask about; omitted = every sku in the catalogue. */
  skus?: string[];
  signal?: AbortSignal;
}

export interface ClientStats {
  /** HTTP requests sent, by `host:group`. */
  calls: Record<string, number>;
  totalCalls: number;
  /** Milliseconds (on the client's clock) spent waiting for the rate limiter or a 429 retry. */
  rateLimitWaitMs: number;
  retries: number;
  throttled: number;
  skippedRecords: number;
}

/**
 * One seller account on one marketplace. Every method streams pages; each page carries the cursor
 * it advances to, so the caller saves a page and its cursor in one transaction.
 * Errors: `UpstreamError` (the API answered with an error) or `NetworkError` (no answer).
 */
export interface MarketplaceClient {
  readonly marketplace: Marketplace;
  readonly accountId: string;
  /** Catalogue; with a cursor only cards changed since it (WB) or a full listing (Ozon). */
  listCatalogue(options?: FetchOptions): AsyncIterable<Page<CatalogueItem>>;
  /** Orders (and WB sales/returns) changed since the cursor. */
  fetchOrders(options?: OrderFetchOptions): AsyncIterable<Page<OrderLine>>;
  /** Current stock per sku per warehouse (a snapshot: complete when a page has `hasMore: false`). */
  fetchStock(options?: StockFetchOptions): AsyncIterable<Page<StockLevel>>;
  /** Inbound supplies: every open one plus those changed since the cursor. */
  fetchSupplies(options?: FetchOptions): AsyncIterable<Page<SupplyLine>>;
  stats(): ClientStats;
}
