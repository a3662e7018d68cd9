export * from './moscow-time.js';
export type * from './records.js';
export * from './sku-index.js';
export * from './wb-token.js';
