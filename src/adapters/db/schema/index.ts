// The whole data model. Every tenant-owned table carries company_id; see DESIGN.md "Storage".
export * from './alerts.js';
export * from './catalogue.js';
export * from './chat.js';
export * from './companies.js';
export * from './enums.js';
export * from './operations.js';
export * from './procurement.js';
export * from './sales.js';
