import type {
  AccountStore,
  ApiTokenStore,
  CompanyStore,
  ForecastStore,
  ProcurementStore,
  PurchaseOrderStore,
  RecommendationStore,
} from '../../ports.js';
import type { Db } from './client.js';
import { findAccount, insertAccount, listAccounts, updateAccountCredentials } from './queries/accounts.js';
import { insertApiToken, useApiToken } from './queries/api-tokens.js';
import { findCompany, findCompanyBySlug, insertCompany, listCompanies } from './queries/companies.js';
import { loadHistories, upsertForecasts } from './queries/forecasts.js';
import { loadProcurementSnapshot, replaceRecommendations } from './queries/procurement.js';
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
