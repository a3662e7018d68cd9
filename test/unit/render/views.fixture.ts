import type {
  AlertGroupView,
  DigestOrderLine,
  DigestView,
  OrdersView,
  PoEventView,
  ResolvedView,
  RunwayView,
  StockChoicesView,
  StockView,
  SyncFailureView,
  TemplateName,
  TemplateViews,
} from '../../../src/adapters/render/views.js';

export const actionsFor = (sku: string): DigestOrderLine['actions'] => ({
  approve: `a1.${sku}.sig`,
  edit: `e1.${sku}.sig`,
  snooze1: `s1.${sku}.sig`,
  snooze7: `s7.${sku}.sig`,
  ordered: `o1.${sku}.sig`,
});

export const orderLine = (i: number): DigestOrderLine => ({
  sellerSku: `SKU-${i}`,
  name: `Mug ${i} 350ml`,
  runwayDays: i / 2,
  stockOutDate: '2026-01-17',
  quantity: 120 + i,
  explanation: '4.1/day × (21 lead + 7 review + 30 cover) = 238 + safety 35 − stock 80 − on order 40 = 153',
  actions: actionsFor(String(i)),
});

export const digest: DigestView = {
  companyName: 'R&D <Shop> "Ёлка"',
  runDate: '2026-01-15',
  timezone: 'Europe/Moscow',
  orderToday: [
    { ...orderLine(42), name: 'Blue mug <b>350ml</b> & lid', runwayDays: 2.1, quantity: 1200 },
    { ...orderLine(7), runwayDays: 0, stockOutDate: '2026-01-15' },
  ],
  attention: [
    { sellerSku: 'SKU-9', name: "Kid's cup", reasons: ['STALE_DATA', 'DEMAND_SPIKE'] },
    { sellerSku: 'SKU-10', name: 'Plate', reasons: ['SOME_NEW_CODE'] },
  ],
  alreadyOrderedCount: 3,
  newAlerts: [
    { code: 'NEGATIVE_STOCK', severity: 'critical', sellerSku: 'SKU-11', name: 'Bowl', detail: 'stock −4' },
    { code: 'STALE_DATA', severity: 'warning', sellerSku: null, name: null, detail: null },
  ],
  freshness: { syncedAt: '2026-01-14T03:02:00Z', stale: true },
  failedSteps: [
    {
      job: 'sync',
      status: 'failed',
      at: '2026-01-15T03:02:00Z',
      error: 'WB main: token expired <renew it>',
      lastGoodAt: '2026-01-14T03:02:00Z',
    },
    { job: 'forecast', status: 'partial', at: '2026-01-15T04:01:00Z', error: null, lastGoodAt: null },
  ],
};

export const alertGroup: AlertGroupView = {
  companyName: 'Acme',
  severity: 'critical',
  // The second line resolved after the message went out: an edit in place shows it struck through.
  alerts: digest.newAlerts.map((a, i) => ({ ...a, resolved: i === 1 })),
  moreCount: 5,
  resolvedCount: 1,
};

export const resolved: ResolvedView = {
  companyName: 'Acme',
  code: 'OUT_OF_STOCK_WITH_DEMAND',
  sellerSku: 'SKU-42',
  name: 'Blue mug',
  firedAt: '2026-01-14T05:30:00Z',
  resolvedAt: '2026-01-15T09:10:00Z',
  timezone: 'Europe/Moscow',
};

export const poEvent: PoEventView = {
  number: 7,
  supplierName: 'Фарфор & Co',
  actor: '@anna',
  at: '2026-01-15T07:21:00Z',
  timezone: 'Europe/Moscow',
  lines: [
    { sellerSku: 'SKU-42', name: 'Blue mug', quantity: 120, receivedQuantity: 100 },
    { sellerSku: 'SKU-7', name: 'Plate', quantity: 1500, receivedQuantity: 1500 },
  ],
  totalUnits: 1620,
  totalCost: 254300.5,
  currency: 'RUB',
  change: { sellerSku: 'SKU-42', from: 100, to: 120 },
  complete: false,
};

export const syncFailure: SyncFailureView = {
  companyName: 'Acme',
  marketplace: 'wildberries',
  accountName: 'WB main',
  at: '2026-01-15T03:00:00Z',
  timezone: 'Europe/Moscow',
  errorCode: 'UPSTREAM_401',
  message: 'token expired <renew it> & retry',
  consecutiveFailures: 3,
  lastSuccessAt: '2026-01-14T03:00:00Z',
};

export const stock: StockView = {
  sellerSku: 'SKU-42',
  name: 'Blue mug <350ml>',
  barcodes: ['4601234567890', '4601234567891'],
  wbNmId: 12345678,
  ozonSku: 987654321,
  ozonOfferId: 'mug-blue-350',
  stock: 1234,
  stockTakenAt: '2026-01-15T03:05:00Z',
  unitsLast30Days: 87,
  timezone: 'Europe/Moscow',
  recommendation: {
    category: 'ORDER_TODAY',
    runwayDays: 4,
    stockOutDate: '2026-01-19',
    recommendedQty: 120,
    reasons: ['BELOW_REORDER_POINT', 'ORDER_BY_DATE_REACHED'],
  },
};

export const stockChoices: StockChoicesView = {
  query: 'mug & <cup>',
  mode: 'did-you-mean',
  choices: [
    { sellerSku: 'SKU-42', name: 'Blue mug', stock: 12 },
    { sellerSku: 'SKU-43', name: 'Red mug', stock: 0 },
  ],
  moreCount: 0,
};

export const runway: RunwayView = {
  runDate: '2026-01-15',
  lines: [
    { sellerSku: 'SKU-7', name: 'Plate', runwayDays: 0, stockOutDate: '2026-01-15', category: 'ORDER_TODAY' },
    { sellerSku: 'SKU-42', name: 'Blue mug', runwayDays: 21, stockOutDate: '2026-02-05', category: 'NORMAL' },
    {
      sellerSku: 'SKU-9',
      name: 'Bowl',
      runwayDays: 1,
      stockOutDate: '2026-01-16',
      category: 'ALREADY_ORDERED',
    },
  ],
};

export const orders: OrdersView = {
  orders: [
    {
      number: 7,
      supplierName: 'Фарфор & Co',
      status: 'approved',
      expectedAt: '2026-01-29',
      totalUnits: 1620,
      lineCount: 2,
    },
    { number: 8, supplierName: null, status: 'draft', expectedAt: null, totalUnits: 1, lineCount: 1 },
  ],
  moreCount: 3,
};

export const VIEWS: { [N in TemplateName]: TemplateViews[N] } = {
  digest,
  'alert-group': alertGroup,
  resolved,
  'po-approved': poEvent,
  'po-edited': poEvent,
  'po-received': { ...poEvent, complete: true },
  'sync-failure': syncFailure,
  stock,
  'stock-choices': stockChoices,
  runway,
  orders,
  help: { linked: false },
  notice: { message: "I don't know /foo & <bar>. Try /help." },
};
