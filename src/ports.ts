// The interfaces services need; adapters implement them and main.ts wires them (STYLE.md layout).
// One file per area under ports/; import from here.
export * from './ports/companies.js';
export * from './ports/forecast.js';
export * from './ports/jobs.js';
export type * from './ports/marketplace.js';
export * from './ports/notify.js';
export * from './ports/purchasing.js';
export * from './ports/sync.js';
