import type { AccountStore, CompanyStore } from '../../ports.js';
import type { Db } from './client.js';
import { findAccount, insertAccount, listAccounts, updateAccountCredentials } from './queries/accounts.js';
import { findCompany, findCompanyBySlug, insertCompany, listCompanies } from './queries/companies.js';

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
