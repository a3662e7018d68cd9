import type {
  AccountStore,
  AlertStore,
  ApiTokenStore,
  CatalogueReader,
  CompanyStore,
  ForecastStore,
  JobQueue,
  JobStore,
  OutboxStore,
  ProcurementStore,
  PurchaseOrderStore,
  RecommendationStore,
  SyncStore,
} from '../../ports.js';
import type { ChatStore } from '../../services/chat/chat-service.js';
import type { LinkCodeStore } from '../../services/chat/link-codes.js';
import type { Db } from './client.js';
import { findAccount, insertAccount, listAccounts, updateAccountCredentials } from './queries/accounts.js';
import { commitAlerts, loadAlertObservations, loadAlertStates, loadSilences } from './queries/alerts.js';
import { insertApiToken, useApiToken } from './queries/api-tokens.js';
import { createLinkCode, findChatIdentity, seenUpdate, snoozeProduct, useLinkCode } from './queries/chat.js';
import { findChatIdentityWithStock } from './queries/chat-identity-stock.js';
import { latestRecommendationFor, stockCandidates } from './queries/chat-stock.js';
import { findCompany, findCompanyBySlug, insertCompany, listCompanies } from './queries/companies.js';
import { loadHistories, upsertForecasts } from './queries/forecasts.js';
import { claimJob, enqueueJob, extendJobLease, finishQueuedJob } from './queries/job-queue.js';
import { finishJobRun, jobStatesOn, startJobRun } from './queries/job-runs.js';
import {
  claimMessages,
  enqueueMessages,
  externalIdOf,
  markDead,
  markRetry,
  markSent,
} from './queries/outbox.js';
import { loadProcurementSnapshot, replaceRecommendations } from './queries/procurement.js';
import { listProductsWithStock } from './queries/products.js';
import {
  createPurchaseOrder,
  getPurchaseOrder,
  getPurchaseOrderByNumber,
  leadTimeDays,
  listPurchaseOrders,
  openPoProductIds,
  receivePurchaseOrder,
  setPurchaseOrderLineQuantity,
  transitionPurchaseOrder,
} from './queries/purchase-orders.js';
import { latestRecommendationDate, listRecommendations } from './queries/recommendations.js';
import { loadIdentities, upsertCatalogue } from './queries/sync-catalogue.js';
import {
  loadCursors,
  OrderColumns,
  refreshDailySales,
  saveOrderBatch,
  saveSupplyPage,
  setCursor,
} from './queries/sync-orders.js';
import {
  closeStockSnapshot,
  finishSyncRun,
  insertSyncRun,
  latestSyncRuns,
  saveStockPage,
} from './queries/sync-stock.js';

// Binds the query functions to one database so services see only the ports.

export function createCompanyStore(db: Db): CompanyStore {
  return {
    insert: (company) => insertCompany(db, company),
    find: (id) => findCompany(db, id),
    findBySlug: (slug) => findCompanyBySlug(db, slug),
    list: () => listCompanies(db),
  };
}

export function createAccountStore(db: Db): AccountStore {
  return {
    insert: (account) => insertAccount(db, account),
    list: (companyId) => listAccounts(db, companyId),
    find: (companyId, id) => findAccount(db, companyId, id),
    updateCredentials: (companyId, id, sealed) => updateAccountCredentials(db, companyId, id, sealed),
  };
}

export function createForecastStore(db: Db): ForecastStore {
  return {
    histories: (companyId, window) => loadHistories(db, companyId, window),
    save: (companyId, rows) => upsertForecasts(db, companyId, rows),
  };
}

export function createPurchaseOrderStore(db: Db): PurchaseOrderStore {
  return {
    create: (companyId, po, audit) => createPurchaseOrder(db, companyId, po, audit),
    get: (companyId, id) => getPurchaseOrder(db, companyId, id),
    getByNumber: (companyId, number) => getPurchaseOrderByNumber(db, companyId, number),
    list: (companyId, statuses) => listPurchaseOrders(db, companyId, statuses),
    transition: (companyId, id, change, audit) => transitionPurchaseOrder(db, companyId, id, change, audit),
    setLineQuantity: (companyId, id, line, audit) =>
      setPurchaseOrderLineQuantity(db, companyId, id, line, audit),
    receive: (companyId, id, lines, at, audit) => receivePurchaseOrder(db, companyId, id, lines, at, audit),
    openProductIds: (companyId) => openPoProductIds(db, companyId),
    leadTimeDays: (companyId, supplierId) => leadTimeDays(db, companyId, supplierId),
  };
}

export function createRecommendationStore(db: Db): RecommendationStore {
  return {
    list: (companyId, runDate, filter) => listRecommendations(db, companyId, runDate, filter),
    latestRunDate: (companyId) => latestRecommendationDate(db, companyId),
  };
}

export function createApiTokenStore(db: Db): ApiTokenStore {
  return { insert: (token) => insertApiToken(db, token), use: (hash, at) => useApiToken(db, hash, at) };
}

export function createProcurementStore(db: Db): ProcurementStore {
  return {
    snapshot: (companyId, runDate, opts) => loadProcurementSnapshot(db, companyId, runDate, opts),
    replace: (companyId, runDate, rows) => replaceRecommendations(db, companyId, runDate, rows),
  };
}

export function createSyncStore(db: Db): SyncStore {
  return {
    cursors: (companyId, accountId) => loadCursors(db, companyId, accountId),
    setCursor: (companyId, accountId, key, value) => setCursor(db, companyId, accountId, key, value),
    identities: (companyId) => loadIdentities(db, companyId),
    saveCatalogue: (companyId, rows) => upsertCatalogue(db, companyId, rows),
    orderBatch: () => new OrderColumns(),
    saveOrders: (companyId, accountId, marketplace, batch, cursor) =>
      saveOrderBatch(db, companyId, accountId, marketplace, batch, cursor),
    refreshDailySales: (companyId, marketplace) => refreshDailySales(db, companyId, marketplace),
    saveStock: (companyId, marketplace, rows, takenAt, runId) =>
      saveStockPage(db, companyId, marketplace, rows, takenAt, runId),
    closeStock: (companyId, marketplace, takenAt, runId) =>
      closeStockSnapshot(db, companyId, marketplace, takenAt, runId),
    saveSupplies: (companyId, accountId, marketplace, rows, cursor) =>
      saveSupplyPage(db, companyId, accountId, marketplace, rows, cursor),
    startRun: (companyId, accountId, type, at) => insertSyncRun(db, companyId, accountId, type, at),
    finishRun: (companyId, runId, result, at) => finishSyncRun(db, companyId, runId, result, at),
    recentRuns: (companyId, limit) => latestSyncRuns(db, companyId, limit),
  };
}

export function createCatalogueReader(db: Db): CatalogueReader {
  return { list: (companyId, page) => listProductsWithStock(db, companyId, page) };
}

export function createOutboxStore(db: Db): OutboxStore {
  return {
    enqueue: (messages) => enqueueMessages(db, messages),
    claim: (now, instance, leaseUntil, limit) => claimMessages(db, now, instance, leaseUntil, limit),
    sent: (id, externalId, at) => markSent(db, id, externalId, at),
    retry: (id, error, next, countAttempt) => markRetry(db, id, error, next, countAttempt),
    dead: (id, error) => markDead(db, id, error),
    externalIdOf: (id) => externalIdOf(db, id),
  };
}

export function createAlertStore(db: Db): AlertStore {
  return {
    observations: (companyId, runDate, now) => loadAlertObservations(db, companyId, runDate, now),
    states: (companyId) => loadAlertStates(db, companyId),
    silences: (companyId, now) => loadSilences(db, companyId, now),
    commit: (companyId, states, messages) => commitAlerts(db, companyId, states, messages),
  };
}

export function createJobQueue(db: Db): JobQueue {
  return {
    enqueue: (companyId, job, runDate, trigger, at) => enqueueJob(db, companyId, job, runDate, trigger, at),
    claim: (instance, at, leaseUntil) => claimJob(db, instance, at, leaseUntil),
    extend: (id, instance, leaseUntil) => extendJobLease(db, id, instance, leaseUntil),
    finish: (id, instance, at) => finishQueuedJob(db, id, instance, at),
  };
}

export function createJobStore(db: Db): JobStore {
  return {
    start: (companyId, job, runDate, trigger, instance, at) =>
      startJobRun(db, companyId, job, runDate, trigger, instance, at),
    finish: (id, status, at, error, details) => finishJobRun(db, id, status, at, error, details),
    statesOn: (companyId, runDate) => jobStatesOn(db, companyId, runDate),
  };
}

/** Telegram has no workspaces: its rows carry '' where Slack's carry the team id. */
export function createChatStore(
  db: Db,
  freshness: (companyId: string) => Promise<{ syncedAt: string | null; stale: boolean }>,
  now: () => Date,
): ChatStore {
  return {
    identity: (platform, chatId, userId) => findChatIdentity(db, platform, '', chatId, userId),
    identityWithStock: (platform, chatId, userId, query) =>
      findChatIdentityWithStock(db, platform, '', chatId, userId, query),
    link: (input) => useLinkCode(db, { ...input, workspaceId: '', now: now() }),
    stockCandidates: (companyId, query) => stockCandidates(db, companyId, query),
    stockRecommendation: (companyId, productId) => latestRecommendationFor(db, companyId, productId),
    snooze: (companyId, productId, actor, until) => snoozeProduct(db, companyId, productId, actor, until),
    seenUpdate: (platform, updateId) => seenUpdate(db, platform, updateId),
    freshness,
    timezone: async (companyId) => (await findCompany(db, companyId))?.timezone ?? 'UTC',
  };
}

export function createLinkCodeStore(db: Db): LinkCodeStore {
  return { create: (input) => createLinkCode(db, input) };
}
